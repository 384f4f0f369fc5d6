using MLNetExtensions.Evaluators.Classification;

namespace MLNetExtensions.Evaluators.Tests.Classification;

public class ClassificationEvaluatorTests
{
    // Hand-worked: predictions 0, 1, 1, 0, 2, 0 (row 5 ties classes 0 and 1; the lower index wins).
    internal static readonly int[] Labels = [0, 0, 1, 1, 2, 2];

    internal static readonly float[][] Scores =
    [
        [0.7f, 0.2f, 0.1f],
        [0.3f, 0.6f, 0.1f],
        [0.2f, 0.5f, 0.3f],
        [0.5f, 0.3f, 0.2f],
        [0.1f, 0.1f, 0.8f],
        [0.4f, 0.4f, 0.2f],
    ];

    [Fact]
    public void HandWorkedExample_PerClassMetrics()
    {
        ClassificationReport report = ClassificationEvaluator.Evaluate(Labels, Scores);

        // Class 0: TP 1 of 3 predicted, 2 true; class 1: 1 of 2, 2; class 2: 1 of 1, 2.
        Assert.Equal([1 / 3.0, 0.5, 1.0], report.PerClass.Select(c => c.Precision));
        Assert.Equal([0.5, 0.5, 0.5], report.PerClass.Select(c => c.Recall));
        Assert.Equal(0.4, report.PerClass[0].F1, 15);
        Assert.Equal(0.5, report.PerClass[1].F1, 15);
        Assert.Equal(2 / 3.0, report.PerClass[2].F1, 15);
    }

    [Fact]
    public void HandWorkedExample_AveragesAndTopK()
    {
        var options = new ClassificationEvaluatorOptions { TopK = [1, 2, 3] };

        ClassificationReport report = ClassificationEvaluator.Evaluate(Labels, Scores, options);

        Assert.Equal(0.5, report.Accuracy);
        Assert.Equal(11 / 18.0, report.MacroPrecision, 15);
        Assert.Equal(0.5, report.MacroRecall, 15);
        Assert.Equal((0.4 + 0.5 + (2 / 3.0)) / 3, report.MacroF1, 15);
        Assert.Equal(0.5, report.MicroF1, 15);
        // Row 5's true class 2 ranks third (0.4, 0.4 > 0.2); every other true class is in the top two.
        Assert.Equal(0.5, report.TopKAccuracy[1]);
        Assert.Equal(5 / 6.0, report.TopKAccuracy[2], 15);
        Assert.Equal(1.0, report.TopKAccuracy[3]);
    }

    [Fact]
    public void HandWorkedExample_ConfusionMatrixTable()
    {
        var options = new ClassificationEvaluatorOptions { ClassNames = ["cat", "dog", "emu"] };

        ConfusionMatrixTable matrix = ClassificationEvaluator.Evaluate(Labels, Scores, options).ConfusionMatrix;

        int[,] expected = { { 1, 1, 0 }, { 1, 1, 0 }, { 1, 0, 1 } };
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(expected[r, c], matrix[r, c]);
            }
        }

        string[] lines = matrix.ToString().Split('\n');
        Assert.EndsWith("cat dog emu", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^emu\s+1\s+0\s+1$", lines[3]);
    }

    [Fact]
    public void ReferenceCases_MatchNumpy()
    {
        foreach (ReferenceCase c in ReferenceCase.Load())
        {
            var options = new ClassificationEvaluatorOptions { TopK = [1, 2, 3] };

            ClassificationReport report = ClassificationEvaluator.Evaluate(c.Labels, c.Scores, options);

            Assert.Equal(c.Accuracy, report.Accuracy, 15);
            Assert.Equal(c.Top, new[] { report.TopKAccuracy[1], report.TopKAccuracy[2], report.TopKAccuracy[3] });
            Assert.Equal(c.Precision, report.PerClass.Select(m => m.Precision), Close);
            Assert.Equal(c.Recall, report.PerClass.Select(m => m.Recall), Close);
            Assert.Equal(c.F1, report.PerClass.Select(m => m.F1), Close);
            Assert.Equal(c.Macro, new[] { report.MacroPrecision, report.MacroRecall, report.MacroF1 }, Close);
            Assert.Equal(c.Confusion, Flatten(report.ConfusionMatrix));
        }
    }

    [Fact]
    public void NaNScore_ThrowsNamingRowAndClass()
    {
        float[][] scores = [[0.5f, 0.5f], [0.1f, float.NaN]];

        var error = Assert.Throws<ArgumentException>(() => ClassificationEvaluator.Evaluate([0, 1], scores));

        Assert.Contains("Row 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("class 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelOutOfRange_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => ClassificationEvaluator.Evaluate([0, 2], [[0.5f, 0.5f], [0.1f, 0.9f]]));

        Assert.Contains("label 2, outside 0..1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RaggedScores_Throw()
    {
        var error = Assert.Throws<ArgumentException>(
            () => ClassificationEvaluator.Evaluate([0, 1], [[0.5f, 0.5f], [0.1f, 0.2f, 0.7f]]));

        Assert.Contains(
            "Row 1 of the score list has 3 scores, but there are 2 classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassNamesOfAnotherLength_ThrowsNamingBothCounts()
    {
        var options = new ClassificationEvaluatorOptions { ClassNames = ["cat"] };

        var error = Assert.Throws<ArgumentException>(
            () => ClassificationEvaluator.Evaluate([0, 1], [[0.5f, 0.5f], [0.1f, 0.9f]], options));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("1 class names are given but the scores have 2 slots.", error.Message);
    }

    [Fact]
    public void EmptyInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationEvaluator.Evaluate([], []));
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12;

    private static int[] Flatten(ConfusionMatrixTable m) =>
        Enumerable.Range(0, m.ClassCount * m.ClassCount).Select(i => m[i / m.ClassCount, i % m.ClassCount]).ToArray();
}

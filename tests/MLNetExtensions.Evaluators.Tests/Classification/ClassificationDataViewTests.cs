using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Evaluators.Classification;
using SkiaSharp;

namespace MLNetExtensions.Evaluators.Tests.Classification;

public class ClassificationDataViewTests
{
    [Fact]
    public void KeyLabelAndScoreVector_MatchArrayOverloadAndUseKeyNames()
    {
        var ml = new MLContext(seed: 1);
        IDataView scored = Scored(ml, ClassificationEvaluatorTests.Labels, ClassificationEvaluatorTests.Scores);

        ClassificationReport fromView = ml.MulticlassClassification.EvaluateReport(scored);
        ClassificationReport fromArrays = ClassificationEvaluator.Evaluate(
            ClassificationEvaluatorTests.Labels, ClassificationEvaluatorTests.Scores);

        Assert.Equal(["a", "b", "c"], fromView.ConfusionMatrix.ClassNames);
        Assert.Equal(fromArrays.PerClass.Select(c => c.F1), fromView.PerClass.Select(c => c.F1));
        Assert.Equal(fromArrays.TopKAccuracy[5], fromView.TopKAccuracy[5]);
        Assert.Equal(0.5, fromView.Accuracy);
    }

    [Fact]
    public void LabelNotAKey_ThrowsNamingColumnAndType()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(
            [new RawRow { Label = "a", Score = [1f, 0f, 0f] }]);

        var error = Assert.Throws<ArgumentException>(() => ClassificationEvaluator.Evaluate(data));

        Assert.Contains("Label column 'Label' must be a key type", error.Message, StringComparison.Ordinal);
        Assert.Contains("String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyCountDiffersFromScoreSlots_Throws()
    {
        var ml = new MLContext(seed: 1);
        IDataView scored = Scored(ml, [0, 1], [[1f, 0f, 0f], [0f, 1f, 0f]]);

        var error = Assert.Throws<ArgumentException>(() => ClassificationEvaluator.Evaluate(scored));

        string expected = "has 2 key values but score column 'Score' has 3 slots";
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingScoreColumn_ThrowsNamingColumn()
    {
        var ml = new MLContext(seed: 1);
        IDataView scored = Scored(ml, [0], [[1f, 0f, 0f]]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => ClassificationEvaluator.Evaluate(scored, scoreColumnName: "Probability"));

        Assert.Contains("score column 'Probability'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeatMap_RendersPngOfRequestedSizeHeadless()
    {
        ClassificationReport report = ClassificationEvaluator.Evaluate(
            ClassificationEvaluatorTests.Labels, ClassificationEvaluatorTests.Scores);
        string path = Path.Combine(Path.GetTempPath(), $"confusion-{Guid.NewGuid():N}.png");

        try
        {
            report.ConfusionMatrix.SaveHeatMapPng(path, 400, 300);
            using SKBitmap bitmap = SKBitmap.Decode(path);

            Assert.Equal((400, 300), (bitmap.Width, bitmap.Height));
            Assert.True(bitmap.Pixels.Distinct().Count() > 20, "The image should hold cells, text and axes.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IDataView Scored(MLContext ml, int[] labels, float[][] scores)
    {
        string[] names = ["a", "b", "c"];
        RawRow[] rows = labels.Select((l, i) => new RawRow { Label = names[l], Score = scores[i] }).ToArray();

        // Keys numbered by value (a, b, c) line up with the score slots.
        IDataView raw = ml.Data.LoadFromEnumerable(rows);
        return ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality:
            Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(raw).Transform(raw);
    }

    private sealed class RawRow
    {
        public string Label { get; set; } = "";

        [VectorType(3)]
        public float[] Score { get; set; } = [];
    }
}

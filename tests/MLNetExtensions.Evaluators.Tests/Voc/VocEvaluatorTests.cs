using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Voc;

namespace MLNetExtensions.Evaluators.Tests.Voc;

public class VocEvaluatorTests
{
    private static readonly DetectionCategory Cat = new(1, "cat");
    private static readonly DetectionCategory Dog = new(2, "dog");

    [Theory]
    [InlineData(true, 1.0)]
    [InlineData(false, 0.0)]
    public void IouEqualToThreshold_MatchesOnlyWhenInclusive(bool inclusive, double expectedAp)
    {
        // Inclusive pixels: ground truth 0..9 x 0..9 is 100 px, detection 0..9 x 0..4 is 50 px inside it: IoU 0.5.
        DetectionGroundTruth truth = Truth(Gt(1, 1, 0, 0, 9, 9));
        var evaluator = new VocEvaluator(new VocEvaluatorOptions { MatchAtThreshold = inclusive });

        VocMetrics metrics = evaluator.Evaluate(truth, [Det(1, 1, 0.9, 0, 0, 9, 4)]);

        Assert.Equal(expectedAp, metrics.PerClass[0].AveragePrecision);
    }

    [Fact]
    public void DuplicateDetection_IsFalsePositive()
    {
        DetectionGroundTruth truth = Truth(Gt(1, 1, 10, 10, 50, 50), Gt(1, 1, 100, 100, 140, 140));

        VocMetrics metrics = new VocEvaluator().Evaluate(
            truth,
            [Det(1, 1, 0.9, 10, 10, 50, 50), Det(1, 1, 0.8, 11, 11, 50, 50), Det(1, 1, 0.7, 100, 100, 140, 140)]);

        // Ranked TP, FP, TP: precision [1, .5, 2/3], recall [.5, .5, 1]; AP = .5 * 1 + .5 * 2/3.
        VocClassMetrics cat = metrics.PerClass[0];
        Assert.Equal(
            [VocDetectionOutcome.TruePositive, VocDetectionOutcome.FalsePositive, VocDetectionOutcome.TruePositive],
            cat.Outcomes);
        Assert.Equal(0.5 + (0.5 * 2.0 / 3.0), cat.AveragePrecision, 15);
    }

    [Fact]
    public void BestOverlapIsDifficult_DetectionIgnoredWithoutFallingBack()
    {
        GroundTruthBox difficult = Gt(1, 1, 0, 0, 99, 99) with { IsDifficult = true };
        DetectionGroundTruth truth = Truth(difficult, Gt(1, 1, 0, 20, 99, 119));

        VocMetrics metrics = new VocEvaluator().Evaluate(truth, [Det(1, 1, 0.9, 0, 5, 99, 104)]);

        VocClassMetrics cat = metrics.PerClass[0];
        Assert.Equal([VocDetectionOutcome.Ignored], cat.Outcomes);
        Assert.Equal(1, cat.GroundTruthCount);
        Assert.Equal(1, cat.DifficultCount);
        Assert.Equal(0.0, cat.AveragePrecision);
    }

    [Fact]
    public void ClassWithoutGroundTruth_HasNaNApAndIsLeftOutOfMean()
    {
        DetectionGroundTruth truth = Truth(Gt(1, 1, 0, 0, 9, 9));

        VocMetrics metrics = new VocEvaluator().Evaluate(
            truth, [Det(1, 1, 0.9, 0, 0, 9, 9), Det(1, 2, 0.8, 0, 0, 9, 9)]);

        Assert.True(double.IsNaN(metrics.PerClass[1].AveragePrecision));
        Assert.False(metrics.PerClass[1].HasGroundTruth);
        Assert.Equal(1.0, metrics.MeanAveragePrecision);
        Assert.Contains("n/a", metrics.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ListsEachClassAndTheMean()
    {
        DetectionGroundTruth truth = Truth(Gt(1, 1, 0, 0, 9, 9), Gt(2, 2, 0, 0, 9, 9));

        VocMetrics metrics = new VocEvaluator().Evaluate(
            truth, [Det(1, 1, 0.9, 0, 0, 9, 9), Det(2, 2, 0.8, 50, 50, 60, 60)]);

        string[] lines = metrics.ToString().Split(Environment.NewLine);
        Assert.Equal("Voc2012AllPoint, IoU >= 0.5", lines[0]);
        Assert.Matches(@"^cat\s+1\.0000\s+1\s+1$", lines[2]);
        Assert.Matches(@"^dog\s+0\.0000\s+1\s+1$", lines[3]);
        Assert.Matches(@"^mAP\s+0\.5000$", lines[4]);
        Assert.Equal(new Dictionary<string, double> { ["cat"] = 1, ["dog"] = 0 }, metrics.AveragePrecisionByName());
    }

    [Fact]
    public void TiedScores_KeepInputOrder()
    {
        DetectionGroundTruth truth = Truth(Gt(1, 1, 0, 0, 9, 9));

        VocMetrics metrics = new VocEvaluator().Evaluate(
            truth, [Det(1, 1, 0.5, 50, 50, 60, 60), Det(1, 1, 0.5, 0, 0, 9, 9)]);

        Assert.Equal(
            [VocDetectionOutcome.FalsePositive, VocDetectionOutcome.TruePositive], metrics.PerClass[0].Outcomes);
        Assert.Equal(0.5, metrics.PerClass[0].AveragePrecision, 15);
    }

    [Fact]
    public void UnknownImage_ThrowsNamingTheImageAndDetection()
    {
        DetectionGroundTruth truth = Truth(Gt(1, 1, 0, 0, 9, 9));

        var error = Assert.Throws<ArgumentException>(
            () => new VocEvaluator().Evaluate(truth, [Det(1, 1, 0.5, 0, 0, 9, 9), Det(7, 1, 0.5, 0, 0, 9, 9)]));

        Assert.Contains("Detection 1 refers to image id 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InfiniteScore_IsAcceptedAndRanksFirst()
    {
        DetectionGroundTruth truth = Truth(Gt(1, 1, 10, 10, 50, 50));

        VocMetrics metrics = new VocEvaluator().Evaluate(
            truth, [Det(1, 1, 0.9, 100, 100, 140, 140), Det(1, 1, double.PositiveInfinity, 10, 10, 50, 50)]);

        // Ranked TP (infinite score), FP: precision [1, .5], recall [1, 1]; AP = 1. The other order gives .5.
        Assert.Equal(
            [VocDetectionOutcome.TruePositive, VocDetectionOutcome.FalsePositive], metrics.PerClass[0].Outcomes);
        Assert.Equal(1.0, metrics.PerClass[0].AveragePrecision, 15);
    }

    [Theory]
    [InlineData(double.NaN, 5.0)]
    [InlineData(0.5, -1.0)]
    public void BadScoreOrBox_Throws(double score, double x2)
    {
        DetectionGroundTruth truth = Truth(Gt(1, 1, 0, 0, 9, 9));

        var error = Assert.Throws<ArgumentException>(
            () => new VocEvaluator().Evaluate(truth, [Det(1, 1, score, 0, 0, x2, 9)]));

        Assert.StartsWith("Detection 0 (image 1) has", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void IouThresholdOutOfRange_Throws(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new VocEvaluator(new VocEvaluatorOptions { IouThreshold = threshold }));
    }

    internal static GroundTruthBox Gt(long image, int category, double x1, double y1, double x2, double y2) =>
        new(0, image, category, BoundingBox.FromXyxy(x1, y1, x2, y2), (x2 - x1) * (y2 - y1), false, false);

    internal static DetectedBox Det(
        long image, int category, double score, double x1, double y1, double x2, double y2) =>
        new(image, category, BoundingBox.FromXyxy(x1, y1, x2, y2), score);

    private static DetectionGroundTruth Truth(params GroundTruthBox[] boxes) =>
        new([1, 2], [Cat, Dog], boxes.Select((b, i) => b with { Id = i + 1 }));
}

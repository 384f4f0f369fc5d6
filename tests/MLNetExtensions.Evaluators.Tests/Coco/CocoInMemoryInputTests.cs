using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Coco;

namespace MLNetExtensions.Evaluators.Tests.Coco;

/// <summary>Values that would change the figures without notice are rejected when data is built in memory.</summary>
public sealed class CocoInMemoryInputTests
{
    private static readonly DetectionCategory Cat = new(1, "cat");

    private static readonly GroundTruthBox Truth = new(1, 1, 1, BoundingBox.FromXywh(0, 0, 10, 10), 100, false, false);

    public static TheoryData<double, double, double> BadDetections => new()
    {
        { double.NaN, 10, 0.5 },
        { 10, double.NaN, 0.5 },
        { -10, 10, 0.5 },
        { 10, double.PositiveInfinity, 0.5 },
        { 10, 10, double.NaN },
    };

    [Theory]
    [MemberData(nameof(BadDetections))]
    public void Detection_NaNScoreOrUnusableBox_ThrowsNamingTheDetection(double width, double height, double score)
    {
        var gt = new DetectionGroundTruth([1L, 2L], [Cat], [Truth]);
        DetectedBox[] detections =
        [
            new(1, 1, BoundingBox.FromXywh(0, 0, 10, 10), 0.9),
            new(2, 1, BoundingBox.FromXywh(0, 0, width, height), score),
        ];

        var error = Assert.Throws<ArgumentException>(() => CocoEvaluator.Evaluate(gt, detections));

        Assert.Equal("detections", error.ParamName);
        Assert.StartsWith("Detection 1 (image 2) has score", error.Message);
    }

    [Fact]
    public void Detection_InfiniteScore_IsKeptAndRanksFirst()
    {
        // The infinite score ranks the true positive above the false positive: precision 1 at recall 1 (AP50 ~ 1);
        // ranked the other way round AP50 would be 0.5 (precision 1/2 at the only reachable recall).
        var gt = new DetectionGroundTruth([1L], [Cat], [Truth]);
        DetectedBox[] detections =
        [
            new(1, 1, BoundingBox.FromXywh(50, 50, 10, 10), 0.9),
            new(1, 1, BoundingBox.FromXywh(0, 0, 10, 10), double.PositiveInfinity),
        ];

        CocoDetectionMetrics metrics = CocoEvaluator.Evaluate(gt, detections);

        Assert.Equal(1.0, metrics.AP50, 1e-12);
    }

    [Theory]
    [InlineData(double.NaN, 100)]
    [InlineData(-10, 100)]
    [InlineData(10, double.NaN)]
    public void GroundTruth_UnusableBoxOrArea_ThrowsNamingTheBox(double width, double area)
    {
        var box = new GroundTruthBox(4, 1, 1, BoundingBox.FromXywh(0, 0, width, 10), area, false, false);

        var error = Assert.Throws<ArgumentException>(() => new DetectionGroundTruth([1L], [Cat], [box]));

        Assert.Equal("boxes", error.ParamName);
        Assert.StartsWith("Ground-truth box 4 (image 1) has", error.Message);
    }

    [Fact]
    public void GroundTruth_RepeatedBoxId_Throws()
    {
        GroundTruthBox twin = Truth with { Box = BoundingBox.FromXywh(20, 20, 5, 5), Area = 25 };

        var error = Assert.Throws<ArgumentException>(() => new DetectionGroundTruth([1L], [Cat], [Truth, twin]));

        Assert.Contains("box id 1 is used more than once", error.Message);
    }
}

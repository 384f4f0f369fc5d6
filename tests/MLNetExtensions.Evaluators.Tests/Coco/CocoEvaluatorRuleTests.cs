using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Coco;

namespace MLNetExtensions.Evaluators.Tests.Coco;

/// <summary>Hand-worked single-image cases for the rules that decide COCO numbers.</summary>
public sealed class CocoEvaluatorRuleTests
{
    private static readonly DetectionCategory Cat = new(1, "thing");

    /// <summary>pycocotools' precision for one true positive: 1 / (1 + eps), eps = numpy's machine epsilon.</summary>
    private static readonly double OneTruePositive = 1.0 / (1.0 + Math.Pow(2, -52));

    [Fact]
    public void MatchToAnnotationIdZero_CountsAsTruePositiveByDefault()
    {
        // One ground truth (id 0) and one perfect detection: precision 1 / (1 + eps) at every recall.
        var gt = Single(new GroundTruthBox(0, 7, 1, new(10, 10, 50, 50), 2500, false, false));
        DetectedBox[] dt = [new(7, 1, new(10, 10, 50, 50), 0.9)];

        CocoDetectionMetrics metrics = CocoEvaluator.Evaluate(gt, dt);

        Assert.Equal(OneTruePositive, metrics.AP, 1e-15);
        Assert.Equal(1.0, metrics.AR100);
    }

    [Fact]
    public void MatchToAnnotationIdZero_WithReproducedDefect_CountsAsFalsePositive()
    {
        var gt = Single(new GroundTruthBox(0, 7, 1, new(10, 10, 50, 50), 2500, false, false));
        DetectedBox[] dt = [new(7, 1, new(10, 10, 50, 50), 0.9)];

        var metrics = CocoEvaluator.Evaluate(gt, dt, new CocoEvaluationOptions { ReproduceZeroIdDefect = true });

        Assert.Equal(0.0, metrics.AP);
        Assert.Equal(0.0, metrics.AR100);
    }

    [Fact]
    public void IouEqualToThreshold_Matches()
    {
        // Detection covers the top half of the ground truth: IoU exactly 0.5, a match at 0.5 only.
        var gt = Single(new GroundTruthBox(1, 7, 1, new(0, 0, 40, 40), 1600, false, false));
        DetectedBox[] dt = [new(7, 1, new(0, 0, 40, 20), 0.9)];

        CocoDetectionMetrics metrics = CocoEvaluator.Evaluate(gt, dt);

        Assert.Equal(OneTruePositive, metrics.AP50, 1e-15);
        Assert.Equal(0.1, metrics.AR100, 15); // recall 1 at one threshold of ten
    }

    [Fact]
    public void CategoryWithoutGroundTruth_GivesMinusOneAndStaysOutOfTheMean()
    {
        var gt = new DetectionGroundTruth(
            [7],
            [Cat, new DetectionCategory(2, "other")],
            [new GroundTruthBox(1, 7, 1, new(0, 0, 40, 40), 1600, false, false)]);
        DetectedBox[] dt = [new(7, 1, new(0, 0, 40, 40), 0.9), new(7, 2, new(0, 0, 40, 40), 0.8)];

        CocoDetectionMetrics metrics = CocoEvaluator.Evaluate(gt, dt);

        Assert.Equal(-1.0, metrics.PerCategory[1].AP);
        Assert.Equal(OneTruePositive, metrics.AP, 1e-15);
    }

    [Fact]
    public void DetectionOfUnknownImage_ThrowsNamingTheImage()
    {
        var gt = Single(new GroundTruthBox(1, 7, 1, new(0, 0, 40, 40), 1600, false, false));
        DetectedBox[] dt = [new(99, 1, new(0, 0, 40, 40), 0.9)];

        var error = Assert.Throws<ArgumentException>(() => CocoEvaluator.Evaluate(gt, dt));

        Assert.Contains("image id 99", error.Message);
    }

    private static DetectionGroundTruth Single(GroundTruthBox box) => new([box.ImageId], [Cat], [box]);
}

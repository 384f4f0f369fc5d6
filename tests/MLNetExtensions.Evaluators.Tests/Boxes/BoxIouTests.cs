using MLNetExtensions.Evaluators.Detection;

namespace MLNetExtensions.Evaluators.Tests.Boxes;

public sealed class BoxIouTests
{
    [Fact]
    public void OverlappingBoxes_ContinuousConvention_GiveHandWorkedIou()
    {
        // a = [0, 10] x [0, 10] (area 100), b = [5, 15] x [0, 10] (area 100): intersection 5 * 10 = 50, union 150.
        var a = BoundingBox.FromXyxy(0, 0, 10, 10);
        var b = BoundingBox.FromXywh(5, 0, 10, 10);

        Assert.Equal(50.0 / 150.0, BoxIou.Compute(a, b, PixelConvention.Continuous));
    }

    [Fact]
    public void OverlappingBoxes_InclusivePixels_AddOneToSidesAndIntersection()
    {
        // VOC devkit: a covers pixels 0..10 (11 x 11 = 121), b pixels 5..15 (121); intersection 6 x 11 = 66.
        var a = BoundingBox.FromXyxy(0, 0, 10, 10);
        var b = BoundingBox.FromXyxy(5, 0, 15, 10);

        Assert.Equal(66.0 / (121.0 + 121.0 - 66.0), BoxIou.Compute(a, b, PixelConvention.InclusivePixels));
    }

    [Fact]
    public void CrowdGroundTruth_DividesByDetectionAreaOnly()
    {
        // Detection [2, 4] x [2, 4] lies inside the crowd region [0, 100]^2: 4 / 4 = 1, not 4 / 10000.
        var detection = BoundingBox.FromXyxy(2, 2, 4, 4);
        var crowd = BoundingBox.FromXyxy(0, 0, 100, 100);

        Assert.Equal(1.0, BoxIou.Compute(detection, crowd, PixelConvention.Continuous, crowd: true));
        Assert.Equal(4.0 / 10000.0, BoxIou.Compute(detection, crowd, PixelConvention.Continuous));
    }

    [Fact]
    public void TouchingBoxes_GiveZero()
    {
        var a = BoundingBox.FromXyxy(0, 0, 10, 10);
        var b = BoundingBox.FromXyxy(10, 0, 20, 10);

        Assert.Equal(0.0, BoxIou.Compute(a, b, PixelConvention.Continuous));
    }

    [Fact]
    public void Pairwise_FillsRowMajorMatrixEqualToSingleCalls()
    {
        BoundingBox[] detections = [new(0, 0, 10, 10), new(3, 4, 5, 6)];
        BoundingBox[] truths = [new(1, 1, 8, 8), new(0, 0, 4, 4), new(20, 20, 2, 2)];
        bool[] crowd = [false, true, false];
        var matrix = new double[6];

        BoxIou.ComputePairwise(detections, truths, crowd, PixelConvention.Continuous, matrix);

        for (int d = 0; d < 2; d++)
        {
            for (int g = 0; g < 3; g++)
            {
                double single = BoxIou.Compute(detections[d], truths[g], PixelConvention.Continuous, crowd[g]);
                Assert.Equal(single, matrix[(d * 3) + g]);
            }
        }
    }

    [Fact]
    public void Pairwise_ShortDestination_ThrowsNamingTheSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => BoxIou.ComputePairwise(
            new BoundingBox[2], new BoundingBox[3], [], PixelConvention.Continuous, new double[5]));

        Assert.Contains("2 x 3 = 6", error.Message);
    }
}

using MLNetExtensions.Evaluators.Detection.Voc;

namespace MLNetExtensions.Evaluators.Tests.Voc;

public class VocAveragePrecisionTests
{
    [Fact]
    public void AllPoint_WorkedExample_IsAreaUnderEnvelope()
    {
        // Padded recall [0, .5, .5, 1, 1], envelope [1, 1, 2/3, 2/3, 0]: 0.5 * 1 + 0.5 * 2/3.
        double ap = VocAveragePrecision.AllPoint([0.5, 0.5, 1.0], [1.0, 0.5, 2.0 / 3.0]);

        Assert.Equal(0.5 + (0.5 * 2.0 / 3.0), ap, 15);
    }

    [Fact]
    public void ElevenPoint_WorkedExample_AveragesBestPrecisionAtEachLevel()
    {
        // Levels 0 .. 0.5 see precision 1 (six levels), 0.6 .. 1.0 see 2/3 (five levels).
        double ap = VocAveragePrecision.ElevenPoint([0.5, 0.5, 1.0], [1.0, 0.5, 2.0 / 3.0]);

        Assert.Equal((6 + (5 * 2.0 / 3.0)) / 11.0, ap, 14);
    }

    [Fact]
    public void ElevenPoint_RecallExactlyThreeTenths_MissesLevelComputedAsThreeTimesOneTenth()
    {
        // 3 / 10 is 0.29999999999999999, below the devkit's level 3 * 0.1 = 0.30000000000000004,
        // so only the levels 0, 0.1 and 0.2 see precision 1.
        double[] recall = [1 / 10.0, 2 / 10.0, 3 / 10.0];

        double ap = VocAveragePrecision.ElevenPoint(recall, [1.0, 1.0, 1.0]);

        Assert.Equal(3 / 11.0, ap, 15);
    }

    [Fact]
    public void Curve_IgnoredFirst_GivesZeroPrecisionNotNaN()
    {
        VocDetectionOutcome[] outcomes =
        [
            VocDetectionOutcome.Ignored,
            VocDetectionOutcome.TruePositive,
            VocDetectionOutcome.FalsePositive,
        ];

        (double[] precision, double[] recall) = VocAveragePrecision.Curve(outcomes, positives: 4);

        Assert.Equal([0.0, 1.0, 0.5], precision);
        Assert.Equal([0.0, 0.25, 0.25], recall);
    }

    [Fact]
    public void AllPoint_NoDetections_IsZero()
    {
        Assert.Equal(0.0, VocAveragePrecision.AllPoint([], []));
        Assert.Equal(0.0, VocAveragePrecision.ElevenPoint([], []));
    }
}

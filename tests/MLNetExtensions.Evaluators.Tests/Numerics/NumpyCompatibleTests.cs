using MLNetExtensions.Evaluators.Numerics;

namespace MLNetExtensions.Evaluators.Tests.Numerics;

public sealed class NumpyCompatibleTests
{
    [Fact]
    public void Linspace_IouThresholds_EqualNumpysValues()
    {
        // np.linspace(.5, .95, 10) printed by numpy 1.24: note 0.8999999999999999.
        double[] numpy = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.8999999999999999, 0.95];

        Assert.Equal(numpy, NumpyCompatible.Linspace(0.5, 0.95, 10));
    }

    [Fact]
    public void Linspace_RecallThresholds_Contain035000000000000003()
    {
        double[] values = NumpyCompatible.Linspace(0, 1, 101);

        Assert.Equal(0.35000000000000003, values[35]);
        Assert.Equal(0.3, values[30]);
        Assert.Equal(1.0, values[100]);
    }

    [Fact]
    public void PairwiseSum_ShortInput_IsTheSequentialSum()
    {
        double[] values = [0.1, 0.2, 0.3];

        Assert.Equal(((0.0 + 0.1) + 0.2) + 0.3, NumpyCompatible.PairwiseSum(values));
    }

    [Fact]
    public void PairwiseSum_NineValues_UsesEightAccumulatorsThenTheTail()
    {
        double[] v = [1e16, 1, 1, 1, 1, 1, 1, 1, 1];

        // numpy: r[0..7] = v[0..7]; ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then + v[8].
        double expected = (((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]))) + v[8];
        Assert.Equal(expected, NumpyCompatible.PairwiseSum(v));
    }

    [Fact]
    public void PairwiseSum_LongInput_StaysWithinRoundingOfExactSum()
    {
        var random = new Random(7);
        double[] values = Enumerable.Range(0, 1000).Select(_ => random.NextDouble()).ToArray();
        decimal exact = values.Sum(v => (decimal)v);

        Assert.Equal((double)exact, NumpyCompatible.PairwiseSum(values), 10);
    }

    [Theory]
    [InlineData(9000, 4509.9642536739275, 0.501107139297103)]
    [InlineData(20000, 10009.572064281983, 0.5004786032140992)]
    public void SumAndMean_LongerThanNumpysBuffer_EqualNumpyBitForBit(int n, double numpySum, double numpyMean)
    {
        // Values printed by numpy 1.24 for a[i] = ((i * 7919) % 10007) / 10007 + 1 / (i + 1).
        double[] a = Enumerable.Range(0, n).Select(i => (((i * 7919) % 10007) / 10007.0) + (1.0 / (i + 1))).ToArray();

        Assert.Equal(numpySum, NumpyCompatible.Sum(a));
        Assert.Equal(numpyMean, NumpyCompatible.Mean(a));
    }
}

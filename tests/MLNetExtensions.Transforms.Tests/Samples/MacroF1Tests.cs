using FashionMnistSample;

namespace MLNetExtensions.Transforms.Tests.Samples;

public sealed class MacroF1Tests
{
    [Fact]
    public void HandWorkedConfusion_MeanOfPerClassF1()
    {
        // Rows are true classes, columns predictions.
        // Class 0: P = 4/6, R = 4/5, F1 = 8/11. Class 1: P = 2/3, R = 2/5, F1 = 1/2.
        // Class 2: predicted once wrongly and never present: P = R = 0, F1 = 0.
        double[][] counts = [[4, 1, 0], [2, 2, 1], [0, 0, 0]];

        double macro = MacroF1.FromConfusion(counts);

        Assert.Equal(((8.0 / 11) + 0.5 + 0) / 3, macro, 12);
    }

    [Fact]
    public void PerfectDiagonal_IsOne()
    {
        double[][] counts = [[3, 0], [0, 7]];

        Assert.Equal(1.0, MacroF1.FromConfusion(counts), 12);
    }
}

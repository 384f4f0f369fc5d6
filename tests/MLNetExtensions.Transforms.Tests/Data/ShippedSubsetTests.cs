using MLNetExtensions.Transforms.Data;

namespace MLNetExtensions.Transforms.Tests.Data;

/// <summary>
/// The Fashion-MNIST subset in samples/data/fashion-mnist. Expected sums and bytes were computed
/// independently from the same files with Python's gzip module.
/// </summary>
public sealed class ShippedSubsetTests
{
    private static readonly string SubsetDirectory = Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist");

    [Theory]
    [InlineData(MnistSplit.Train, 6000, 600, 340_700_151L)]
    [InlineData(MnistSplit.Test, 1000, 100, 56_466_770L)]
    public void Subset_HasStatedCountsPerClassAndPixelSum(MnistSplit split, int rows, int perClass, long pixelSum)
    {
        var view = MnistIdxReader.LoadSplit(SubsetDirectory, split, FashionMnist.ClassNames);

        var classCounts = Enumerable.Range(0, view.RowCount).GroupBy(view.GetClassIndex).ToList();
        long sum = Enumerable.Range(0, view.RowCount).Sum(r => SumBytes(view.GetPixelBytes(r)));

        Assert.Equal(rows, view.RowCount);
        Assert.Equal((28, 28), (view.ImageWidth, view.ImageHeight));
        Assert.Equal(10, classCounts.Count);
        Assert.All(classCounts, g => Assert.Equal(perClass, g.Count()));
        Assert.Equal(pixelSum, sum);
    }

    [Fact]
    public void SubsetTrain_FirstLabelsAndFourthImageRowMatchReference()
    {
        var view = MnistIdxReader.LoadSplit(SubsetDirectory, MnistSplit.Train, FashionMnist.ClassNames);
        byte[] expectedRow14 = Convert.FromHexString("00000304040201000012f3e4e7f1f3edeef2f1f0f0f0ebedecf6ea00");

        Assert.Equal([2, 5, 6, 9, 9], Enumerable.Range(0, 5).Select(view.GetClassIndex));
        Assert.Equal(expectedRow14, view.GetPixelBytes(3).Slice(14 * 28, 28).ToArray());
        Assert.Equal("Pullover", view.ClassNames![view.GetClassIndex(0)]);
    }

    private static long SumBytes(ReadOnlySpan<byte> bytes)
    {
        long sum = 0;
        foreach (byte b in bytes)
        {
            sum += b;
        }

        return sum;
    }
}

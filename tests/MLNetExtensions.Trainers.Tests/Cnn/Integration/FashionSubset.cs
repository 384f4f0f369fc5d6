using MLNetExtensions.Transforms.Data;

namespace MLNetExtensions.Trainers.Tests.Cnn.Integration;

/// <summary>The Fashion-MNIST subset that ships under samples/data (6,000 train, 1,000 test images).</summary>
internal static class FashionSubset
{
    public static string Directory { get; } = Locate();

    public static MnistDataView Train() =>
        MnistIdxReader.LoadSplit(Directory, MnistSplit.Train, FashionMnist.ClassNames);

    public static MnistDataView Test() =>
        MnistIdxReader.LoadSplit(Directory, MnistSplit.Test, FashionMnist.ClassNames);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "samples", "data", "fashion-mnist");
            if (File.Exists(Path.Combine(candidate, "train-images-idx3-ubyte.gz")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/data/fashion-mnist was not found above the test output.");
    }
}

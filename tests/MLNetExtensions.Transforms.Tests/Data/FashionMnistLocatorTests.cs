using MLNetExtensions.Transforms.Data;

namespace MLNetExtensions.Transforms.Tests.Data;

public sealed class FashionMnistLocatorTests : IDisposable
{
    private static readonly string Subset = Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist");

    private readonly IdxTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void GivenDirectory_IsUsedBeforeInstalledAndSubset()
    {
        var location = FashionMnistLocator.Locate(Subset, [Subset], [Subset]);

        Assert.Equal(FashionMnistSource.GivenDirectory, location.Source);
        Assert.Contains("given directory", location.Description);
    }

    [Fact]
    public void GivenDirectoryMissing_ThrowsNamingIt()
    {
        string missing = Path.Combine(_dir.Path, "nowhere");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => FashionMnistLocator.Locate(missing, [], []));

        Assert.Contains(missing, ex.Message);
    }

    [Fact]
    public void GivenDirectoryLackingLabels_ThrowsNamingMissingFile()
    {
        foreach (string name in FashionMnist.FileNames.Where(n => !n.StartsWith("t10k-labels")))
        {
            File.Copy(Path.Combine(Subset, name), Path.Combine(_dir.Path, name));
        }

        var ex = Assert.Throws<FileNotFoundException>(() => FashionMnistLocator.Locate(_dir.Path, [], []));

        Assert.Contains("t10k-labels-idx1-ubyte.gz", ex.Message);
    }

    [Fact]
    public void InstalledDirectoryComplete_IsPreferredToSubset()
    {
        string empty = Path.Combine(_dir.Path, "empty");
        Directory.CreateDirectory(empty);

        var location = FashionMnistLocator.Locate(null, [empty, Subset], [_dir.Path]);

        Assert.Equal(FashionMnistSource.Installed, location.Source);
        Assert.Equal(Path.GetFullPath(Subset), location.Directory);
    }

    [Fact]
    public void NothingInstalled_FallsBackToSubsetAndSaysSo()
    {
        var location = FashionMnistLocator.Locate(null, [Path.Combine(_dir.Path, "none")], [Subset]);

        Assert.Equal(FashionMnistSource.ShippedSubset, location.Source);
        Assert.Contains("subset", location.Description);
        Assert.Equal(6000, location.LoadTrain().RowCount);
        Assert.Equal(1000, location.LoadTest().RowCount);
    }

    [Fact]
    public void NothingFound_ThrowsListingPlacesSearched()
    {
        string a = Path.Combine(_dir.Path, "a");
        string b = Path.Combine(_dir.Path, "b");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => FashionMnistLocator.Locate(null, [a], [b]));

        Assert.Contains(a, ex.Message);
        Assert.Contains(b, ex.Message);
    }

    [Fact]
    public void DefaultSearch_FindsACompleteDirectory()
    {
        var location = FashionMnistLocator.Locate();

        Assert.True(FashionMnistLocator.HasAllFiles(location.Directory));
        Assert.NotEqual(FashionMnistSource.GivenDirectory, location.Source);
    }
}

using MLNetExtensions.Transforms.Data;
using SkiaSharp;

namespace MLNetExtensions.Trainers.Tests.Cnn.Integration;

[Collection(TrainedSubsetCollection.Name)]
public sealed class TransformerInspectionTests(TrainedSubsetModel fixture)
{
    [Fact]
    public void GetSummary_TrainedLeNet_CountsHandComputedParameters()
    {
        var summary = fixture.Model.GetSummary();

        // conv1 6*5*5*1+6, conv2 16*5*5*6+16, fc1 120*400+120, fc2 84*120+84, fc3 10*84+10.
        Assert.Equal(156 + 2_416 + 48_120 + 10_164 + 850, summary.TotalParameters);
        Assert.Contains(summary.Layers, layer => layer.Name == "conv1" && layer.ParameterCount == 156);
    }

    [Fact]
    public void WriteFilterImage_TrainedLeNet_WritesOneTilePerFilter()
    {
        var path = Path.Combine(Path.GetTempPath(), $"filters-{Guid.NewGuid():N}.png");
        try
        {
            fixture.Model.WriteFilterImage(path);

            using var bitmap = SKBitmap.Decode(path);
            Assert.NotNull(bitmap);
            Assert.True(bitmap.Width * bitmap.Height > 6 * 5 * 5, "six 5x5 filters need more pixels than that");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WriteFeatureMapImage_WrongLength_NamesTheExpectedShape()
    {
        var error = Assert.Throws<ArgumentException>(
            () => fixture.Model.WriteFeatureMapImage(new float[10], "conv1", "unused.png"));

        Assert.Contains("1x28x28", error.Message);
        Assert.Contains("784", error.Message);
    }

    [Fact]
    public void WriteFeatureMapImage_FirstTestImage_WritesAPng()
    {
        var test = FashionSubset.Test();
        var pixels = Enumerable.Range(0, 784).Select(i => (float)test.GetPixelBytes(0)[i]).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"maps-{Guid.NewGuid():N}.png");
        try
        {
            fixture.Model.WriteFeatureMapImage(pixels, "conv1", path);

            using var bitmap = SKBitmap.Decode(path);
            Assert.NotNull(bitmap);
            Assert.True(bitmap.Width >= 28 && bitmap.Height >= 28);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

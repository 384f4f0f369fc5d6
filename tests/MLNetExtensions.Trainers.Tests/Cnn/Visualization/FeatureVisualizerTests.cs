using MLNetExtensions.Trainers.Cnn.Architectures;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Cnn.Visualization;

public class FeatureVisualizerTests
{
    private static readonly ImageShape Mnist = new(1, 28, 28);

    [Fact]
    public void LeNet5Filters_DecodeToGridOfScaledKernels()
    {
        using var network = CnnArchitecture.LeNet5().Build(Mnist, 10);
        using (no_grad())
        {
            // Filter 0 is a ramp 0..24 over its 5x5 window; the others keep their random values.
            var ramp = arange(25, dtype: ScalarType.Float32).reshape(5, 5);
            network.state_dict()["conv1.weight"][0, 0].copy_(ramp);
        }

        using var bitmap = SKBitmap.Decode(FeatureVisualizer.RenderFilters(network, scale: 2, spacing: 1));

        // 6 filters -> ceil(sqrt 6) = 3 columns, 2 rows of 5*2-pixel tiles with 1-pixel lines.
        Assert.Equal((3 * ((5 * 2) + 1)) + 1, bitmap.Width);
        Assert.Equal((2 * ((5 * 2) + 1)) + 1, bitmap.Height);
        Assert.Equal(SKColors.White, bitmap.GetPixel(0, 0));
        Assert.Equal(SKColors.White, bitmap.GetPixel(11, 5));
        foreach (var (row, col) in new[] { (0, 0), (0, 4), (2, 3), (4, 4) })
        {
            // Pixel (1 + 2*col, 1 + 2*row) shows ramp value 5*row + col, scaled by 255/24.
            byte level = (byte)Math.Round(255.0 * ((5 * row) + col) / 24);
            Assert.Equal(new SKColor(level, level, level), bitmap.GetPixel(1 + (2 * col) + 1, 1 + (2 * row)));
        }
    }

    [Fact]
    public void FeatureMapsOfConv2_MatchNaiveMinMaxScaling()
    {
        torch.manual_seed(3);
        using var network = CnnArchitecture.LeNet5().Build(Mnist, 10);
        using var scope = NewDisposeScope();
        var image = rand(1, 28, 28);

        using var bitmap = SKBitmap.Decode(FeatureVisualizer.RenderFeatureMaps(network, image, "conv2", 3, 2));

        // 16 maps of 10x10 -> 4 x 4 tiles of 30 px, 2-px lines: 4*32 + 2 = 130.
        Assert.Equal(130, bitmap.Width);
        Assert.Equal(130, bitmap.Height);
        float[] maps;
        using (no_grad())
        {
            network.eval();
            maps = network.ForwardTo(image.unsqueeze(0), "conv2").data<float>().ToArray();
        }

        foreach (var (map, y, x) in new[] { (0, 0, 0), (5, 3, 7), (15, 9, 9), (10, 6, 2) })
        {
            var values = maps[(map * 100)..((map + 1) * 100)];
            float min = values.Min();
            float max = values.Max();
            byte level = (byte)Math.Round(255.0 * (values[(y * 10) + x] - min) / (max - min));
            int left = 2 + ((map % 4) * 32) + (x * 3);
            int top = 2 + ((map / 4) * 32) + (y * 3);
            Assert.Equal(new SKColor(level, level, level), bitmap.GetPixel(left + 2, top + 1));
        }
    }

    [Fact]
    public void RgbFilters_AreDrawnInColour()
    {
        var arch = VggArchitecture.FromRule([2], 1, []);
        using var network = arch.Build(new ImageShape(3, 8, 8), 2);
        using (no_grad())
        {
            // Filter 0: red channel 1 everywhere except a 0 at the top-left, green 0, blue 0.5.
            var w = network.state_dict()["conv1.weight"][0];
            w[0].fill_(1);
            w[0, 0, 0].fill_(0);
            w[1].fill_(0);
            w[2].fill_(0.5);
        }

        using var bitmap = SKBitmap.Decode(FeatureVisualizer.RenderFilters(network, scale: 1, spacing: 0));

        // Filter 0's values span 0..1: red 1 -> 255, green 0 -> 0, blue 0.5 -> 128; top-left red is 0.
        Assert.Equal(new SKColor(255, 0, 128), bitmap.GetPixel(1, 1));
        Assert.Equal(new SKColor(0, 0, 128), bitmap.GetPixel(0, 0));
    }

    [Fact]
    public void WriteFilters_WritesDecodablePng()
    {
        using var network = CnnArchitecture.ResNet().Build(Mnist, 10);
        var path = Path.Combine(Path.GetTempPath(), $"filters-{Guid.NewGuid():N}.png");
        try
        {
            FeatureVisualizer.WriteFilters(network, path);

            using var bitmap = SKBitmap.Decode(path);
            Assert.Equal((4 * ((3 * 8) + 1)) + 1, bitmap.Width);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BadImageOrLayer_ThrowsNamingShapeOrLayer()
    {
        using var network = CnnArchitecture.LeNet5().Build(Mnist, 10);
        using var scope = NewDisposeScope();

        var shape = Assert.Throws<ArgumentException>(
            () => FeatureVisualizer.RenderFeatureMaps(network, rand(3, 28, 28), "conv1"));
        var vector = Assert.Throws<ArgumentException>(
            () => FeatureVisualizer.RenderFeatureMaps(network, rand(1, 28, 28), "fc1"));
        var missing = Assert.Throws<ArgumentException>(
            () => FeatureVisualizer.RenderFeatureMaps(network, rand(1, 28, 28), "conv9"));

        Assert.Contains("[3, 28, 28]", shape.Message);
        Assert.Contains("Layer 'fc1' outputs [1, 120]", vector.Message);
        Assert.Contains("no layer named 'conv9'", missing.Message);
    }
}

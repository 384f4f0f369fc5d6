using System.Text.Json;
using MLNetExtensions.Trainers.Cnn.Architectures;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Cnn.Architectures;

public class ModelSummaryTests
{
    private static readonly ImageShape Mnist = new(1, 28, 28);

    public static TheoryData<string, string, int, int, int> Presets => new()
    {
        { "lenet5_1x28x28_10", "lenet5", 1, 28, 10 },
        { "lenet5_3x32x32_7", "lenet5", 3, 32, 7 },
        { "vgg_1x28x28_10", "vgg", 1, 28, 10 },
        { "vggbn_1x28x28_10", "vggbn", 1, 28, 10 },
        { "resnet_1x28x28_10", "resnet", 1, 28, 10 },
    };

    [Fact]
    public void LeNet5_MatchesHandCountedParameters()
    {
        using var network = CnnArchitecture.LeNet5().Build(Mnist, 10);

        var summary = ModelSummary.Create(network);

        // conv: C_o*K*K*C_i + C_o; linear: out*in + out.
        long conv1 = (6 * 5 * 5 * 1) + 6;       // 156
        long conv2 = (16 * 5 * 5 * 6) + 16;     // 2,416
        long fc1 = (120 * 16 * 5 * 5) + 120;    // 48,120
        long fc2 = (84 * 120) + 84;             // 10,164
        long fc3 = (10 * 84) + 10;              // 850
        Assert.Equal(conv1, Count(summary, "conv1"));
        Assert.Equal(conv2, Count(summary, "conv2"));
        Assert.Equal(fc1, Count(summary, "fc1"));
        Assert.Equal(fc2, Count(summary, "fc2"));
        Assert.Equal(fc3, Count(summary, "fc3"));
        Assert.Equal(61_706, summary.TotalParameters);
        Assert.Equal(61_706, summary.TrainableParameters);
    }

    [Fact]
    public void LeNet5_ReportsHandComputedShapes()
    {
        using var network = CnnArchitecture.LeNet5().Build(Mnist, 10);

        var shapes = ModelSummary.Create(network).Layers.ToDictionary(l => l.Name, l => l.OutputShapeText);

        // 28 + 2*2 - 5 + 1 = 28; /2 = 14; 14 - 5 + 1 = 10; /2 = 5; 16*5*5 = 400.
        Assert.Equal("6x28x28", shapes["conv1"]);
        Assert.Equal("6x14x14", shapes["pool1"]);
        Assert.Equal("16x10x10", shapes["conv2"]);
        Assert.Equal("16x5x5", shapes["pool2"]);
        Assert.Equal("400", shapes["flatten"]);
        Assert.Equal("10", shapes["fc3"]);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_MatchesPyTorchParameterCountsPerLayer(
        string key, string arch, int channels, int size, int classes)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(TensorFixture.PathOf("parameter_counts.json")));
        var reference = expected.RootElement.GetProperty(key);
        using var network = Preset(arch).Build(new ImageShape(channels, size, size), classes);

        var summary = ModelSummary.Create(network);

        var theirs = reference.GetProperty("layers").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64()));
        Assert.Equal(theirs, summary.Layers.Select(l => (l.Name, l.ParameterCount)));
        Assert.Equal(reference.GetProperty("total").GetInt64(), summary.TotalParameters);
    }

    [Theory]
    [InlineData("lenet5")]
    [InlineData("vgg")]
    [InlineData("vggbn")]
    [InlineData("resnet")]
    public void EveryLayer_ActualOutputShapeEqualsSummaryShape(string arch)
    {
        using var network = Preset(arch).Build(Mnist, 10);
        network.eval();
        var summary = ModelSummary.Create(network);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var input = rand(2, 1, 28, 28);

        foreach (var layer in summary.Layers)
        {
            var output = network.ForwardTo(input, layer.Name);
            Assert.Equal([2L, .. layer.OutputShape.Select(d => (long)d)], output.shape);
        }
    }

    [Fact]
    public void ToString_PrintsEveryLayerAndTotals()
    {
        using var network = CnnArchitecture.LeNet5().Build(Mnist, 10);

        var text = ModelSummary.Create(network).ToString();

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 1 + 12 + 2, lines.Length);
        Assert.Contains("fc1", lines[9]);
        Assert.Contains("48,120", lines[9]);
        Assert.Contains("Total parameters: 61,706", text);
    }

    internal static CnnArchitecture Preset(string name) => CnnArchitecture.FromName(name);

    private static long Count(ModelSummary summary, string layer) =>
        summary.Layers.Single(l => l.Name == layer).ParameterCount;
}

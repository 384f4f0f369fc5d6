using MLNetExtensions.Trainers.Cnn.Architectures;

namespace MLNetExtensions.Trainers.Tests.Cnn.Architectures;

public class ArchitectureJsonTests
{
    [Theory]
    [InlineData("lenet5")]
    [InlineData("vgg")]
    [InlineData("vggbn")]
    [InlineData("resnet")]
    public void Preset_RoundTripsThroughJson(string name)
    {
        var arch = ModelSummaryTests.Preset(name);

        var back = CnnArchitecture.FromJson(arch.ToJson());

        Assert.Equal(arch.GetType(), back.GetType());
        Assert.Equal(arch.ToJson(), back.ToJson());
    }

    [Fact]
    public void VggFromJson_RebuildsNetworkWithSameStateKeysAndShapes()
    {
        var arch = VggArchitecture.BatchNormDropout() with { HiddenWidths = [64, 32] };
        using var original = arch.Build(new ImageShape(3, 28, 28), 4);

        using var rebuilt = CnnArchitecture.FromJson(arch.ToJson()).Build(new ImageShape(3, 28, 28), 4);

        var a = original.state_dict();
        var b = rebuilt.state_dict();
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a.Keys, k => Assert.Equal(a[k].shape, b[k].shape));
    }

    [Fact]
    public void HandWrittenJson_ReadsSettings()
    {
        const string json = """
            {"dropout":0.25,"type":"resnet","stemChannels":8,"stages":[{"channels":8,"blocks":1,"stride":1}]}
            """;

        var arch = Assert.IsType<ResNetArchitecture>(CnnArchitecture.FromJson(json));

        Assert.Equal(8, arch.StemChannels);
        Assert.Equal(0.25, arch.Dropout);
        Assert.Equal(new ResNetStage(8, 1, 1), Assert.Single(arch.Stages));
    }

    [Fact]
    public void Json_UsesTypeDiscriminatorAndEnumNames()
    {
        var json = (CnnArchitecture.LeNet5() with { Pooling = PoolingKind.L2 }).ToJson();

        Assert.Equal("""{"type":"lenet5","pooling":"l2"}""", json);
    }

    [Theory]
    [InlineData("""{"type":"alexnet"}""")]
    [InlineData("""{"stemChannels":8}""")]
    [InlineData("not json")]
    [InlineData("null")]
    public void InvalidJson_ThrowsArgumentException(string json)
    {
        var ex = Assert.Throws<ArgumentException>(() => CnnArchitecture.FromJson(json));

        Assert.Equal("json", ex.ParamName);
    }

    [Fact]
    public void UnknownPresetName_ThrowsListingNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => CnnArchitecture.FromName("alexnet"));

        Assert.Contains("'lenet', 'vgg', 'vgg-bn' or 'resnet'", ex.Message);
    }
}

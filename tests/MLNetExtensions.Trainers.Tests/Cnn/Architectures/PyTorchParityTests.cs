using MLNetExtensions.Trainers.Cnn.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Cnn.Architectures;

/// <summary>
/// Our networks, given the weights PyTorch 1.13 initialised, produce PyTorch's logits and the same
/// cross-entropy gradients (Fixtures/make_fixtures.py builds the same layers under the same names).
/// </summary>
public class PyTorchParityTests
{
    private const double Tolerance = 1e-5;

    private static readonly PoolSpec MaxPool = new(PoolingKind.Max, 2, 2, 0);

    [Fact]
    public void LeNet5WithPyTorchWeights_GivesPyTorchLogitsAndGradients() =>
        AssertParity("lenet5_parity", CnnArchitecture.LeNet5(), new ImageShape(1, 28, 28), 10);

    [Fact]
    public void VggWithAllPoolingKinds_GivesPyTorchLogitsAndGradients() =>
        AssertParity("vgg_parity", SmallVgg() with { HiddenWidths = [12, 10] }, new ImageShape(3, 16, 16), 5);

    [Fact]
    public void VggWithBatchNormInEvalMode_GivesPyTorchLogitsAndGradients() =>
        AssertParity(
            "vggbn_parity",
            SmallVgg() with { HiddenWidths = [12], BatchNorm = true, Dropout = 0.3 },
            new ImageShape(3, 16, 16),
            5);

    [Fact]
    public void ResNetWithProjectionShortcuts_GivesPyTorchLogitsAndGradients()
    {
        var arch = new ResNetArchitecture
        {
            StemChannels = 4,
            Stages = [new ResNetStage(4, 1, 1), new ResNetStage(8, 1, 2)],
            Dropout = 0.2,
        };
        AssertParity("resnet_parity", arch, new ImageShape(1, 8, 8), 3);
    }

    private static VggArchitecture SmallVgg() => new()
    {
        Blocks =
        [
            new VggBlock([new ConvSpec(4, 3, 1, 1)], MaxPool),
            new VggBlock([new ConvSpec(6, 3, 0, 1), new ConvSpec(8, 3, 1, 1)], new PoolSpec(PoolingKind.Average)),
            new VggBlock([new ConvSpec(8, 3, 1, 2)], new PoolSpec(PoolingKind.L2, 2, 1, 0)),
        ],
    };

    private static void AssertParity(string caseName, CnnArchitecture arch, ImageShape shape, int classes)
    {
        using var scope = NewDisposeScope();
        var fixture = TensorFixture.Load(caseName);
        using var network = arch.Build(shape, classes);
        LoadWeights(network, fixture);
        network.eval();

        var logits = network.forward(fixture.ToTensor("input"));
        var labels = arange(logits.shape[0], dtype: ScalarType.Int64) % classes;
        nn.functional.cross_entropy(logits, labels).backward();

        AssertClose("logits", fixture.Data("logits"), logits.data<float>().ToArray());
        foreach (var (name, parameter) in network.named_parameters())
        {
            AssertClose($"grad.{name}", fixture.Data($"grad.{name}"), parameter.grad!.data<float>().ToArray());
        }
    }

    private static void AssertClose(string name, float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= Tolerance,
                $"{name}[{i}]: PyTorch {expected[i]}, ours {actual[i]}");
        }
    }

    private static void LoadWeights(CnnNetwork network, TensorFixture fixture)
    {
        var state = network.state_dict();
        var ours = state.Keys.Where(k => !k.EndsWith("num_batches_tracked", StringComparison.Ordinal)).ToHashSet();
        var theirs = fixture.Names
            .Where(n => n is not "input" and not "logits" && !n.StartsWith("grad.", StringComparison.Ordinal))
            .ToHashSet();
        Assert.Equal(theirs.Order(), ours.Order());

        using var _ = no_grad();
        foreach (var name in ours)
        {
            Assert.Equal(fixture.ToTensor(name).shape, state[name].shape);
            state[name].copy_(fixture.ToTensor(name));
        }
    }
}

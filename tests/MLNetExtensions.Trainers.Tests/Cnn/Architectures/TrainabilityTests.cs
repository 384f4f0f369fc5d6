using MLNetExtensions.Trainers.Cnn.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Cnn.Architectures;

/// <summary>
/// Every family learns a task a convolution solves easily: telling vertical from horizontal stripes
/// (random phase, noise added) on 12x12 images. Chance is 50%.
/// </summary>
public class TrainabilityTests
{
    private const int Size = 12;

    public static TheoryData<string> Families => ["lenet", "vgg-bn", "resnet"];

    [Theory]
    [MemberData(nameof(Families))]
    public void Family_LearnsStripeOrientationAbove95Percent(string family)
    {
        torch.manual_seed(11);
        using var network = Small(family).Build(new ImageShape(1, Size, Size), 2);
        var optimizer = optim.Adam(network.parameters(), 0.01);

        for (int step = 0; step < 40; step++)
        {
            using var scope = NewDisposeScope();
            var (images, labels) = Stripes(32);
            optimizer.zero_grad();
            nn.functional.cross_entropy(network.forward(images), labels).backward();
            optimizer.step();
        }

        Assert.True(Accuracy(network) >= 0.95, $"{family}: accuracy {Accuracy(network):P1}");
    }

    private static CnnArchitecture Small(string family) => family switch
    {
        "lenet" => CnnArchitecture.LeNet5(),
        "vgg-bn" => VggArchitecture.FromRule([8, 8], 2, [16]) with { BatchNorm = true, Dropout = 0.2 },
        _ => new ResNetArchitecture { StemChannels = 8, Stages = [new(8, 1, 1), new(16, 1, 2)] },
    };

    private static double Accuracy(CnnNetwork network)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        network.eval();
        var (images, labels) = Stripes(200);
        double correct = network.forward(images).argmax(1).eq(labels).sum().item<long>();
        network.train();
        return correct / 200;
    }

    /// <summary>Label 0: stripes along rows (horizontal); label 1: along columns (vertical).</summary>
    private static (Tensor Images, Tensor Labels) Stripes(int count)
    {
        var labels = randint(0, 2, [count]);
        var phase = randint(0, 2, [count, 1, 1, 1]);
        var index = arange(Size);
        var rows = (index.view(1, 1, Size, 1) + phase).remainder(2).expand(count, 1, Size, Size);
        var cols = (index.view(1, 1, 1, Size) + phase).remainder(2).expand(count, 1, Size, Size);
        var vertical = labels.view(count, 1, 1, 1).to_type(ScalarType.Bool);
        var images = where(vertical, cols, rows).to_type(ScalarType.Float32);
        return (images + (0.3 * randn(count, 1, Size, Size)), labels);
    }
}

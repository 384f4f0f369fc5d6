using MLNetExtensions.Trainers.Cnn.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Cnn.Architectures;

public class TensorLifetimeTests
{
    [Theory]
    [InlineData("lenet")]
    [InlineData("vgg-bn")]
    [InlineData("resnet")]
    public void ForwardWithoutScope_LeavesOnlyTheOutputAlive(string family)
    {
        using var network = CnnArchitecture.FromName(family).Build(new ImageShape(1, 28, 28), 10);
        network.eval();
        using var input = rand(2, 1, 28, 28);
        using var _ = no_grad();
        network.forward(input).Dispose();
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        using (var logits = network.forward(input))
        {
            // Every intermediate layer output is freed as soon as the next layer has consumed it.
            Assert.Equal(before + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void ForwardBackward_LinearLayer_GivesHandComputedGradient()
    {
        // y = sum(W x + b) with W = [[1,2],[3,4]], x = [1,1]: dy/dW = [[1,1],[1,1]], dy/db = [1,1].
        using var scope = NewDisposeScope();
        var linear = nn.Linear(2, 2);
        using (no_grad())
        {
            linear.weight!.copy_(tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2));
            linear.bias!.zero_();
        }

        var y = linear.forward(ones(1, 2)).sum();
        y.backward();

        Assert.Equal(10f, y.item<float>());
        Assert.Equal(new float[] { 1, 1, 1, 1 }, linear.weight!.grad!.data<float>().ToArray());
        Assert.Equal(new float[] { 1, 1 }, linear.bias!.grad!.data<float>().ToArray());
    }
}

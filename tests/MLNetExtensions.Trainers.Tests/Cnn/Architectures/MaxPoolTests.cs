using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Trainers.Cnn.Architectures.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Cnn.Architectures;

/// <summary>
/// The max-pool layer against libtorch's <c>max_pool2d</c>: the fast 2x2 path taken without a
/// gradient, and the path taken when the input needs one, whose gradient must go to one element
/// per window (an element-wise maximum would split it between tied elements).
/// </summary>
public class MaxPoolTests
{
    [Theory]
    [InlineData(4, 6, 28, 28)]
    [InlineData(2, 3, 7, 9)]     // odd height and width: the last row and column are dropped
    [InlineData(1, 1, 2, 2)]
    [InlineData(3, 16, 10, 10)]
    public void WithoutGradient_GivesExactlyLibtorchValues(int n, int c, int h, int w)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(seed: 7);
        var input = randn([n, c, h, w], generator: generator);
        using var pool = new MaxPool2d("pool", 2, 2, 0);

        Tensor ours, reference;
        using (no_grad())
        {
            ours = pool.forward(input);
            reference = nn.functional.max_pool2d(input, 2, 2);
        }

        Assert.Equal(reference.shape, ours.shape);
        Assert.Equal(reference.data<float>().ToArray(), ours.data<float>().ToArray());
    }

    [Fact]
    public void WithoutGradient_PropagatesNaNAsLibtorchDoes()
    {
        using var scope = NewDisposeScope();
        float[] map = [1, float.NaN, 0, 2, 3, 4, 5, 6];   // windows {1, NaN, 3, 4} and {0, 2, 5, 6}
        var input = tensor(map, [1, 1, 2, 4]);
        using var pool = new MaxPool2d("pool", 2, 2, 0);

        float[] ours;
        using (no_grad())
        {
            ours = pool.forward(input).data<float>().ToArray();
        }

        Assert.True(float.IsNaN(ours[0]));
        Assert.Equal(6f, ours[1]);
        Assert.True(float.IsNaN(nn.functional.max_pool2d(input, 2, 2).data<float>()[0]));
    }

    [Fact]
    public void WithGradient_SendsEachWindowsGradientToTheFirstMaximumLikeLibtorch()
    {
        using var scope = NewDisposeScope();

        // A ReLU-like map with ties: window 1 is all zeros (the first element takes the gradient),
        // window 2 has its maximum 7 twice (again the first, in row-major order).
        float[] map =
        [
            0, 0, 7, 1,
            0, 0, 2, 7,
        ];
        var ours = tensor(map, [1, 1, 2, 4]).requires_grad_();
        var reference = tensor(map, [1, 1, 2, 4]).requires_grad_();
        using var pool = new MaxPool2d("pool", 2, 2, 0);
        var upstream = tensor(new float[] { 10, 20 }, [1, 1, 1, 2]);

        pool.forward(ours).mul(upstream).sum().backward();
        nn.functional.max_pool2d(reference, 2, 2).mul(upstream).sum().backward();

        float[] expected = [10, 0, 20, 0, 0, 0, 0, 0];
        Assert.Equal(expected, ours.grad!.data<float>().ToArray());
        Assert.Equal(expected, reference.grad!.data<float>().ToArray());
    }

    [Fact]
    public void WithGradient_OnRandomInput_MatchesLibtorchValuesAndGradients()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(seed: 11);
        var values = randn([2, 4, 9, 8], generator: generator);
        var upstream = randn([2, 4, 4, 4], generator: generator);
        var ours = values.clone().requires_grad_();
        var reference = values.clone().requires_grad_();
        using var pool = new MaxPool2d("pool", 2, 2, 0);

        var ourOutput = pool.forward(ours);
        var referenceOutput = nn.functional.max_pool2d(reference, 2, 2);
        ourOutput.mul(upstream).sum().backward();
        referenceOutput.mul(upstream).sum().backward();

        Assert.Equal(referenceOutput.data<float>().ToArray(), ourOutput.data<float>().ToArray());
        Assert.Equal(reference.grad!.data<float>().ToArray(), ours.grad!.data<float>().ToArray());
    }

    [Fact]
    public void WithGradient_TieAcrossTheDiagonal_GoesToTheTopRightLikeLibtorch()
    {
        using var scope = NewDisposeScope();
        float[] map = [0, 5, 5, 0];   // the maxima sit at (0, 1) and (1, 0); row-major order meets (0, 1) first
        var ours = tensor(map, [1, 1, 2, 2]).requires_grad_();
        var reference = tensor(map, [1, 1, 2, 2]).requires_grad_();
        using var pool = new MaxPool2d("pool", 2, 2, 0);

        pool.forward(ours).sum().backward();
        nn.functional.max_pool2d(reference, 2, 2).sum().backward();

        Assert.Equal([0f, 1, 0, 0], reference.grad!.data<float>().ToArray());
        Assert.Equal([0f, 1, 0, 0], ours.grad!.data<float>().ToArray());
    }

    [Fact]
    public void WithGradient_ReluMapsFullOfZeroTies_MatchLibtorchGradients()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(seed: 5);
        var values = randn([8, 6, 28, 28], generator: generator).relu();   // about half the entries are 0
        var upstream = randn([8, 6, 14, 14], generator: generator);
        var ours = values.clone().requires_grad_();
        var reference = values.clone().requires_grad_();
        using var pool = new MaxPool2d("pool", 2, 2, 0);

        pool.forward(ours).mul(upstream).sum().backward();
        nn.functional.max_pool2d(reference, 2, 2).mul(upstream).sum().backward();

        Assert.Equal(reference.grad!.data<float>().ToArray(), ours.grad!.data<float>().ToArray());
    }

    [Fact]
    public void OtherWindowShapes_GiveLibtorchValues()
    {
        using var scope = NewDisposeScope();
        var input = randn([2, 3, 11, 11], generator: new Generator(seed: 3));
        using var pool = new MaxPool2d("pool", 3, 2, 1);

        using var _ = no_grad();
        Assert.Equal(
            nn.functional.max_pool2d(input, 3, 2, 1).data<float>().ToArray(),
            pool.forward(input).data<float>().ToArray());
    }

    [Fact]
    public void NetworkBuilder_UsesThisLayerForMaxPooling()
    {
        var builder = new NetworkBuilder(new ImageShape(1, 4, 4));
        builder.Pool("pool1", new PoolSpec(PoolingKind.Max, 2, 2, 0));

        using var module = builder.Layers[0].Module;
        Assert.IsType<MaxPool2d>(module);
    }
}

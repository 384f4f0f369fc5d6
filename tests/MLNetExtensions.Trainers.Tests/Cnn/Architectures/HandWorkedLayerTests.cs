using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Trainers.Cnn.Architectures.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Cnn.Architectures;

/// <summary>Convolution and pooling layers, as the builder creates them, on examples worked by hand.</summary>
public class HandWorkedLayerTests
{
    // A 6x6 map whose 2x2 blocks have their maxima in different corners.
    private static readonly float[] SixBySix =
    [
        1, 5, 0, 2, 3, 3,
        2, 0, 9, 1, 1, 8,
        4, 4, 6, 0, 0, 0,
        7, 1, 2, 2, -1, -2,
        0, 0, 3, 1, 5, 6,
        0, -3, 2, 8, 7, 4,
    ];

    [Fact]
    public void MaxPool2x2Stride2On6x6_KeepsLargestOfEachBlock()
    {
        var output = Pool(PoolingKind.Max, SixBySix, 6);

        Assert.Equal([5f, 9, 8, 7, 6, 0, 0, 8, 7], output);
    }

    [Fact]
    public void AveragePool2x2Stride2On6x6_AveragesEachBlock()
    {
        var output = Pool(PoolingKind.Average, SixBySix, 6);

        // (1+5+2+0)/4 = 2, (0+2+9+1)/4 = 3, (3+3+1+8)/4 = 3.75, ...
        float[] expected = [2f, 3, 3.75f, 4, 2.5f, -0.75f, -0.75f, 3.5f, 5.5f];
        Assert.Equal(expected, output, new ToleranceComparer(1e-6));
    }

    [Fact]
    public void L2Pool2x2Stride2_GivesRootOfSumOfSquares()
    {
        float[] map =
        [
            3, 4, 1, 1,
            0, 0, 1, 1,
            0, 0, -2, 0,
            0, 0, 0, 0,
        ];

        var output = Pool(PoolingKind.L2, map, 4);

        // sqrt(9 + 16) = 5, sqrt(4 * 1) = 2, an all-zero window ~ 0, sqrt(4) = 2.
        Assert.Equal([5f, 2, 0, 2], output, new ToleranceComparer(1e-5));
    }

    [Fact]
    public void L2PoolOnZeroWindow_HasFiniteGradient()
    {
        using var scope = NewDisposeScope();
        using var pool = PoolModule(PoolingKind.L2, 4);
        var input = tensor(new float[] { 3, 4, 0, 0, 0, 0, 0, 0 }, [1, 1, 2, 4]).requires_grad_();

        pool.forward(input).sum().backward();

        // d sqrt(sum x^2) / dx = x / norm: 3/5, 4/5; the all-zero window gives 0, not NaN.
        Assert.Equal([0.6f, 0.8f, 0, 0, 0, 0, 0, 0], input.grad!.data<float>().ToArray(), new ToleranceComparer(1e-6));
    }

    [Fact]
    public void VerticalEdgeFilterOnBrightLeftDarkRight_RespondsOnlyAtTheEdge()
    {
        using var scope = NewDisposeScope();
        var builder = new NetworkBuilder(new ImageShape(1, 6, 6));
        builder.Conv("conv1", 1, kernel: 3, padding: 0, stride: 1, bias: true);
        using var conv = builder.Layers[0].Module;
        var weight = conv.get_parameter("weight")!;
        using (no_grad())
        {
            // Each row of the kernel is [1, 0, -1]: left column minus right column.
            weight.copy_(tensor(new float[] { 1, 0, -1, 1, 0, -1, 1, 0, -1 }, [1, 1, 3, 3]));
            conv.get_parameter("bias")!.zero_();
        }

        // Columns 0-2 bright (1), columns 3-5 dark (0).
        var image = cat([ones(1, 1, 6, 3), zeros(1, 1, 6, 3)], 3);
        var output = conv.forward(image).data<float>().ToArray();

        // Window at column c covers c..c+2: 3*(x[c] - x[c+2]) = 0, 3, 3, 0 on every row.
        float[] row = [0, 3, 3, 0];
        Assert.Equal([.. row, .. row, .. row, .. row], output);
    }

    private static float[] Pool(PoolingKind kind, float[] map, int size)
    {
        using var scope = NewDisposeScope();
        using var pool = PoolModule(kind, size);
        using var _ = no_grad();
        return pool.forward(tensor(map, [1, 1, size, size])).data<float>().ToArray();
    }

    private static nn.Module<Tensor, Tensor> PoolModule(PoolingKind kind, int size)
    {
        var builder = new NetworkBuilder(new ImageShape(1, size, size));
        builder.Pool("pool1", new PoolSpec(kind, 2, 2, 0));
        return builder.Layers[0].Module;
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}

namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>
/// One block of a VGG-style network: a run of convolutions, each followed by ReLU (and batch norm
/// when the network asks for it), then one pooling layer.
/// </summary>
/// <param name="Convs">The convolutions of the block, in order.</param>
/// <param name="Pool">The pooling layer that ends the block.</param>
public sealed record VggBlock(IReadOnlyList<ConvSpec> Convs, PoolSpec Pool)
{
    /// <summary>Creates a block of <paramref name="convCount"/> identical convolutions and a pooling layer.</summary>
    /// <param name="convCount">Number of convolutions (N in the VGG rule).</param>
    /// <param name="channels">Output channels of every convolution.</param>
    /// <param name="kernel">Kernel size of every convolution.</param>
    /// <param name="padding">Zero padding of every convolution.</param>
    /// <param name="stride">Stride of every convolution.</param>
    /// <param name="pool">The pooling layer; a 2x2 max pool with stride 2 when <see langword="null"/>.</param>
    /// <returns>The block.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="convCount"/> is below 1.</exception>
    public static VggBlock Uniform(
        int convCount,
        int channels,
        int kernel = 3,
        int padding = 1,
        int stride = 1,
        PoolSpec? pool = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(convCount, 1);
        var convs = Enumerable.Repeat(new ConvSpec(channels, kernel, padding, stride), convCount).ToArray();
        return new VggBlock(convs, pool ?? new PoolSpec());
    }
}

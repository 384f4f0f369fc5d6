namespace MLNetExtensions.Trainers.Cnn.Architectures.Layers;

/// <summary>Range checks of architecture settings, each naming the layer it concerns.</summary>
internal static class SpecChecks
{
    public static void Positive(string layer, string setting, int value)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{layer}: {setting} must be at least 1, but is {value}.");
        }
    }

    public static void Conv(string layer, ConvSpec? conv)
    {
        NotNull(layer, "convolution", conv);
        Positive(layer, "channels", conv.Channels);
        Positive(layer, "kernel size", conv.Kernel);
        Positive(layer, "stride", conv.Stride);
        NotNegative(layer, "padding", conv.Padding);
    }

    public static void Pool(string layer, PoolSpec? pool)
    {
        NotNull(layer, "pooling", pool);
        Positive(layer, "window size", pool.Size);
        Positive(layer, "stride", pool.Stride);
        NotNegative(layer, "padding", pool.Padding);
        if (2 * pool.Padding > pool.Size)
        {
            throw new ArgumentException(
                $"{layer}: padding {pool.Padding} exceeds half the window size {pool.Size}.");
        }

        if (!Enum.IsDefined(pool.Kind))
        {
            throw new ArgumentException(
                $"{layer}: pooling kind {(int)pool.Kind} is not one of Max, Average, L2.");
        }
    }

    public static void Probability(string layer, double p)
    {
        if (!(p >= 0 && p < 1))
        {
            throw new ArgumentException(
                $"{layer}: dropout probability must be in [0, 1), but is {p}.");
        }
    }

    public static void NotNull<T>(string layer, string setting, [System.Diagnostics.CodeAnalysis.NotNull] T? value)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentException($"{layer}: {setting} is missing (null).");
        }
    }

    private static void NotNegative(string layer, string setting, int value)
    {
        if (value < 0)
        {
            throw new ArgumentException($"{layer}: {setting} must not be negative, but is {value}.");
        }
    }
}

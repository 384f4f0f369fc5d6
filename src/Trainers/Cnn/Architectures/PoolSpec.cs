namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>One square pooling layer: kind, window size, stride and zero padding.</summary>
/// <param name="Kind">How each window is reduced.</param>
/// <param name="Size">Window height and width.</param>
/// <param name="Stride">Step between windows.</param>
/// <param name="Padding">Zero padding added on every side (at most half the window, as PyTorch requires).</param>
public sealed record PoolSpec(PoolingKind Kind = PoolingKind.Max, int Size = 2, int Stride = 2, int Padding = 0);

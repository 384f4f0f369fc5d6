namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>One square 2-D convolution: output channels, kernel size, zero padding and stride.</summary>
/// <param name="Channels">Output channels (number of filters).</param>
/// <param name="Kernel">Kernel height and width.</param>
/// <param name="Padding">Zero padding added on every side.</param>
/// <param name="Stride">Step between windows.</param>
public sealed record ConvSpec(int Channels, int Kernel = 3, int Padding = 1, int Stride = 1);

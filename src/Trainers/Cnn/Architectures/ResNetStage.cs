namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>One stage of a small ResNet: a run of basic residual blocks of the same width.</summary>
/// <param name="Channels">Output channels of every block in the stage.</param>
/// <param name="Blocks">Number of residual blocks.</param>
/// <param name="Stride">
/// Down-sampling factor of the first block (1 keeps the size). A strided block uses a
/// (stride + 2)-wide kernel with padding 1 and a stride-wide projection, which divide an input
/// size that is a multiple of the stride exactly, as the size rule demands.
/// </param>
public sealed record ResNetStage(int Channels, int Blocks = 2, int Stride = 1);

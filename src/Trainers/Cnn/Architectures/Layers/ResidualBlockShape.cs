namespace MLNetExtensions.Trainers.Cnn.Architectures.Layers;

/// <summary>Channel counts and stride of one residual block.</summary>
internal readonly record struct ResidualBlockShape(int InChannels, int OutChannels, int Stride);

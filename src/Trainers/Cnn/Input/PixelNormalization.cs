namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>
/// Maps raw pixel values to network inputs: <c>x' = (x * Scale - Mean[c]) / Std[c]</c>, with the
/// per-channel terms optional (empty arrays mean 0 and 1).
/// </summary>
/// <param name="Scale">Multiplier applied first (1/255 maps bytes to [0, 1]).</param>
/// <param name="Mean">Per-channel mean subtracted after scaling; empty or one value per channel.</param>
/// <param name="Std">Per-channel standard deviation divided by last; empty or one value per channel.</param>
internal sealed record PixelNormalization(float Scale, float[] Mean, float[] Std)
{
    /// <summary>Normalises <paramref name="planes"/> (CHW, <paramref name="channels"/> planes) in place.</summary>
    public void Apply(Span<float> planes, int channels)
    {
        int planeSize = planes.Length / channels;
        for (int c = 0; c < channels; c++)
        {
            float mean = Mean.Length == 0 ? 0f : Mean[c];
            float inverseStd = Std.Length == 0 ? 1f : 1f / Std[c];
            Span<float> plane = planes.Slice(c * planeSize, planeSize);
            for (int i = 0; i < plane.Length; i++)
            {
                plane[i] = (plane[i] * Scale - mean) * inverseStd;
            }
        }
    }
}

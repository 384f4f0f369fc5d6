namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>
/// Bilinear resizing of CHW float planes with half-pixel centres, the sampling of PyTorch's
/// <c>interpolate(mode="bilinear", align_corners=False)</c> (no antialiasing).
/// </summary>
internal static class BilinearResizer
{
    /// <summary>Resizes each of <paramref name="channels"/> planes from (srcH, srcW) into
    /// <paramref name="destination"/>.</summary>
    public static void Resize(
        ReadOnlySpan<float> source,
        int channels,
        int sourceHeight,
        int sourceWidth,
        Span<float> destination,
        int height,
        int width)
    {
        for (int c = 0; c < channels; c++)
        {
            var plane = source.Slice(c * sourceHeight * sourceWidth, sourceHeight * sourceWidth);
            var target = destination.Slice(c * height * width, height * width);
            for (int y = 0; y < height; y++)
            {
                var (y0, y1, wy) = Sample(y, sourceHeight, height);
                for (int x = 0; x < width; x++)
                {
                    var (x0, x1, wx) = Sample(x, sourceWidth, width);
                    float top = Lerp(plane[(y0 * sourceWidth) + x0], plane[(y0 * sourceWidth) + x1], wx);
                    float bottom = Lerp(plane[(y1 * sourceWidth) + x0], plane[(y1 * sourceWidth) + x1], wx);
                    target[(y * width) + x] = Lerp(top, bottom, wy);
                }
            }
        }
    }

    // Output index i covers source coordinate (i + 0.5) * in/out - 0.5, clamped at 0 and at the last pixel.
    private static (int Low, int High, float Weight) Sample(int index, int sourceSize, int size)
    {
        float position = Math.Max(0f, ((index + 0.5f) * sourceSize / size) - 0.5f);
        int low = Math.Min((int)position, sourceSize - 1);
        int high = Math.Min(low + 1, sourceSize - 1);
        return (low, high, position - low);
    }

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);
}

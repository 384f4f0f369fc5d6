using SkiaSharp;

namespace MLNetExtensions.Trainers.Cnn.Architectures.Visualization;

/// <summary>Encodes an RGBA pixel buffer as PNG with SkiaSharp.</summary>
internal static class PngEncoder
{
    public static byte[] Encode(byte[] rgba, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var image = SKImage.FromPixelCopy(info, rgba, info.RowBytes)
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {width}x{height} image.");
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode a {width}x{height} image as PNG.");
        return data.ToArray();
    }
}

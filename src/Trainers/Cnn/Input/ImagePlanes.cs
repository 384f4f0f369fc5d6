using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn.Architectures;

namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>
/// Converts an <see cref="MLImage"/> (32-bit BGRA or RGBA) into CHW float planes of 0..255 values:
/// one grey plane (ITU-R BT.601 luma, 0.299 R + 0.587 G + 0.114 B) or three RGB planes, resized or
/// rejected when its size differs from the network's input size.
/// </summary>
internal static class ImagePlanes
{
    /// <summary>Writes <paramref name="image"/> into <paramref name="destination"/> as
    /// <paramref name="shape"/>.</summary>
    /// <exception cref="InvalidDataException">The size differs and the policy rejects it, or the pixel format
    /// is unknown.</exception>
    public static void Write(
        MLImage image,
        ImageShape shape,
        ImageResizePolicy policy,
        Span<float> destination,
        string where)
    {
        if (image.Width == shape.Width && image.Height == shape.Height)
        {
            Convert(image, shape.Channels, destination, where);
            return;
        }

        if (policy == ImageResizePolicy.Reject)
        {
            throw new InvalidDataException(
                $"{where} is a {image.Width}x{image.Height} image; the network takes {shape.Width}x{shape.Height} "
                + "and the resize policy is Reject. Resize the images first or choose ImageResizePolicy.Resize.");
        }

        var original = new float[shape.Channels * image.Width * image.Height];
        Convert(image, shape.Channels, original, where);
        BilinearResizer.Resize(
            original, shape.Channels, image.Height, image.Width, destination, shape.Height, shape.Width);
    }

    private static void Convert(MLImage image, int channels, Span<float> destination, string where)
    {
        var (red, blue) = image.PixelFormat switch
        {
            MLPixelFormat.Bgra32 => (2, 0),
            MLPixelFormat.Rgba32 => (0, 2),
            _ => throw new InvalidDataException(
                $"{where} has pixel format {image.PixelFormat}; only 32-bit BGRA and RGBA images can be read."),
        };
        ReadOnlySpan<byte> pixels = image.Pixels;
        int stride = pixels.Length / image.Height;
        int planeSize = image.Width * image.Height;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                var pixel = pixels.Slice((y * stride) + (x * 4), 3);
                int index = (y * image.Width) + x;
                WritePixel(destination, channels, planeSize, index, pixel[red], pixel[1], pixel[blue]);
            }
        }
    }

    private static void WritePixel(Span<float> planes, int channels, int planeSize, int index, byte r, byte g, byte b)
    {
        if (channels == 1)
        {
            planes[index] = (0.299f * r) + (0.587f * g) + (0.114f * b);
            return;
        }

        planes[index] = r;
        planes[planeSize + index] = g;
        planes[(2 * planeSize) + index] = b;
    }
}

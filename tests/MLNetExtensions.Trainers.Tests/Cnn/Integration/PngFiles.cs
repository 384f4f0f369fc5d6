using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Transforms.Data;
using SkiaSharp;

namespace MLNetExtensions.Trainers.Tests.Cnn.Integration;

/// <summary>Writes images as PNG files with SkiaSharp, grey values stored as equal R, G and B.</summary>
internal static class PngFiles
{
    public sealed class PathRow
    {
        public string Path { get; set; } = string.Empty;

        public uint Label { get; set; }
    }

    /// <summary>Writes the first <paramref name="count"/> images of <paramref name="data"/> and returns rows
    /// naming them.</summary>
    public static PathRow[] WriteFirst(MLContext ml, IDataView data, int count, string directory)
    {
        var pixels = data.GetColumn<float[]>(MnistDataView.PixelsColumnName).Take(count).ToArray();
        var labels = data.GetColumn<uint>(MnistDataView.LabelColumnName).Take(count).ToArray();
        return pixels.Select((image, i) => new PathRow
        {
            Path = WriteGrey(directory, $"image{i:D3}.png", image, 28, 28),
            Label = labels[i],
        }).ToArray();
    }

    public static string WriteGrey(string directory, string name, float[] pixels, int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                byte v = (byte)pixels[(y * width) + x];
                bitmap.SetPixel(x, y, new SKColor(v, v, v));
            }
        }

        string path = System.IO.Path.Combine(directory, name);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }
}

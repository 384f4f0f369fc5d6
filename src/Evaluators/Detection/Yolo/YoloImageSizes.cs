using SkiaSharp;

namespace MLNetExtensions.Evaluators.Detection.Yolo;

/// <summary>Finds an image's size from the options' map or from its file header (SkiaSharp's SKCodec).</summary>
internal sealed class YoloImageSizes
{
    private readonly YoloReaderOptions _options;

    public YoloImageSizes(YoloReaderOptions options)
    {
        _options = options;
    }

    /// <summary>The names of the images in the images folder, without extension; empty without a folder.</summary>
    public IEnumerable<string> ImageNames() =>
        _options.ImagesFolder is null
            ? []
            : Directory.EnumerateFiles(_options.ImagesFolder)
                .Where(f => YoloReaderOptions.ImageExtensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
                .Select(f => Path.GetFileNameWithoutExtension(f));

    public (int Width, int Height) Get(string imageName, string labelFile)
    {
        if (_options.ImageSizes is { } sizes && sizes.TryGetValue(imageName, out var known))
        {
            return known.Width > 0 && known.Height > 0
                ? known
                : throw new InvalidDataException(
                    $"The size given for image '{imageName}' is {known.Width} x {known.Height}; "
                    + "both must be positive.");
        }

        string? path = FindImage(imageName) ?? throw new InvalidDataException(
            $"{labelFile}: no size for image '{imageName}': it is not in the size map, and no image of that name "
            + $"({string.Join(", ", YoloReaderOptions.ImageExtensions.Take(5))}) is in "
            + $"'{_options.ImagesFolder ?? "(no images folder given)"}'.");
        return ReadHeader(path);
    }

    private string? FindImage(string imageName) =>
        _options.ImagesFolder is null
            ? null
            : YoloReaderOptions.ImageExtensions
                .Select(e => Path.Combine(_options.ImagesFolder, imageName + e))
                .FirstOrDefault(File.Exists);

    private static (int Width, int Height) ReadHeader(string path)
    {
        using SKCodec? codec = SKCodec.Create(path);
        return codec is null
            ? throw new InvalidDataException($"{path} is not an image that SkiaSharp can read; its size is unknown.")
            : (codec.Info.Width, codec.Info.Height);
    }
}

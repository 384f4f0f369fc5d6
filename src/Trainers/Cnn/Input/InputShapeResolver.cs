using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn.Architectures;

namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>
/// Decides the network's input shape from the options and the feature column: declared sizes win;
/// a pixel vector of length C*S*S with no declared size is taken as square; images without a declared
/// size take the first training image's size.
/// </summary>
internal static class InputShapeResolver
{
    /// <summary>Resolves the shape for training on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The declared size does not match the vector, or cannot be
    /// inferred.</exception>
    public static ImageShape Resolve(CnnImageClassificationTrainer.Options options, IDataView data, ImageInputKind kind)
    {
        return kind == ImageInputKind.PixelVector
            ? ForVector(options, data.Schema[options.FeatureColumnName])
            : ForImages(options, data, kind);
    }

    private static ImageShape ForVector(CnnImageClassificationTrainer.Options options, DataViewSchema.Column column)
    {
        int length = column.Type.GetValueCount();
        int channels = options.ImageChannels == 0 ? 1 : options.ImageChannels;
        int side = (int)Math.Round(Math.Sqrt(length / (double)channels));
        int width = options.ImageWidth == 0 ? side : options.ImageWidth;
        int height = options.ImageHeight == 0 ? side : options.ImageHeight;
        if ((long)channels * width * height != length)
        {
            throw new ArgumentException(
                $"The feature column '{column.Name}' has {length} values per row, which is not "
                + $"{channels}x{height}x{width} (channels x height x width). Set ImageWidth, ImageHeight and "
                + "ImageChannels so that their product is the vector's length.",
                nameof(options));
        }

        return new ImageShape(channels, height, width);
    }

    private static ImageShape ForImages(
        CnnImageClassificationTrainer.Options options,
        IDataView data,
        ImageInputKind kind)
    {
        int channels = options.ImageChannels == 0 ? 3 : options.ImageChannels;
        if (options.ImageWidth > 0 && options.ImageHeight > 0)
        {
            return new ImageShape(channels, options.ImageHeight, options.ImageWidth);
        }

        var (width, height) = FirstImageSize(data, options.FeatureColumnName, kind);
        return new ImageShape(
            channels,
            options.ImageHeight > 0 ? options.ImageHeight : height,
            options.ImageWidth > 0 ? options.ImageWidth : width);
    }

    private static (int Width, int Height) FirstImageSize(IDataView data, string columnName, ImageInputKind kind)
    {
        using var cursor = data.GetRowCursor([data.Schema[columnName]]);
        if (!cursor.MoveNext())
        {
            throw new ArgumentException(
                "The training data has no rows; a classifier needs at least one example.", nameof(data));
        }

        string where = $"Row 0 of image column '{columnName}'";
        if (kind == ImageInputKind.EncodedImage)
        {
            using var decoded = new EncodedImageSource(cursor, columnName, default, ImageResizePolicy.Resize)
                .Decode(where);
            return (decoded.Width, decoded.Height);
        }

        MLImage image = null!;
        cursor.GetGetter<MLImage>(cursor.Schema[columnName])(ref image);
        return image is null
            ? throw new InvalidDataException($"{where} holds no image: its file could not be read.")
            : (image.Width, image.Height);
    }
}

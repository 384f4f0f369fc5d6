using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn.Architectures;

namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>Reads an <see cref="MLImage"/> column (from <c>LoadImages</c>).</summary>
internal sealed class ImageColumnSource : IPixelSource
{
    private readonly DataViewRow _row;
    private readonly string _columnName;
    private readonly ImageShape _shape;
    private readonly ImageResizePolicy _policy;
    private readonly ValueGetter<MLImage> _getter;

    /// <summary>Binds to column <paramref name="columnName"/> of <paramref name="row"/>.</summary>
    public ImageColumnSource(DataViewRow row, string columnName, ImageShape shape, ImageResizePolicy policy)
    {
        _row = row;
        _columnName = columnName;
        _shape = shape;
        _policy = policy;
        _getter = row.GetGetter<MLImage>(row.Schema[columnName]);
    }

    /// <inheritdoc/>
    public void Read(Span<float> destination)
    {
        MLImage image = null!;
        _getter(ref image);
        string where = $"Row {_row.Position} of image column '{_columnName}'";
        if (image is null)
        {
            throw new InvalidDataException(
                $"{where} holds no image: its file could not be read by the image loader.");
        }

        ImagePlanes.Write(image, _shape, _policy, destination, where);
    }
}

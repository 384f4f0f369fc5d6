using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn.Architectures;

namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>
/// Reads a column of encoded image files (PNG, JPEG, BMP, ...) held as byte vectors, the input that
/// <c>LoadRawImageBytes</c> produces, decoding each with <see cref="MLImage.CreateFromStream"/>.
/// </summary>
internal sealed class EncodedImageSource : IPixelSource
{
    private readonly DataViewRow _row;
    private readonly string _columnName;
    private readonly ImageShape _shape;
    private readonly ImageResizePolicy _policy;
    private readonly ValueGetter<VBuffer<byte>> _getter;
    private VBuffer<byte> _bytes;

    /// <summary>Binds to column <paramref name="columnName"/> of <paramref name="row"/>.</summary>
    public EncodedImageSource(DataViewRow row, string columnName, ImageShape shape, ImageResizePolicy policy)
    {
        _row = row;
        _columnName = columnName;
        _shape = shape;
        _policy = policy;
        _getter = row.GetGetter<VBuffer<byte>>(row.Schema[columnName]);
    }

    /// <inheritdoc/>
    public void Read(Span<float> destination)
    {
        string where = $"Row {_row.Position} of encoded image column '{_columnName}'";
        using MLImage image = Decode(where);
        ImagePlanes.Write(image, _shape, _policy, destination, where);
    }

    /// <summary>Decodes the current row's bytes.</summary>
    /// <exception cref="InvalidDataException">The bytes are empty or not a readable image.</exception>
    public MLImage Decode(string where)
    {
        _getter(ref _bytes);
        if (_bytes.Length == 0)
        {
            throw new InvalidDataException($"{where} is empty; expected the bytes of an image file.");
        }

        byte[] encoded = _bytes.DenseValues().ToArray();
        try
        {
            return MLImage.CreateFromStream(new MemoryStream(encoded, writable: false));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException
                                       or NotSupportedException or NullReferenceException)
        {
            throw new InvalidDataException(
                $"{where} is not a readable image ({encoded.Length} bytes): {ex.Message}", ex);
        }
    }
}

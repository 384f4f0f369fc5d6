using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>Reads a known-size <see cref="float"/> vector column already in CHW order.</summary>
internal sealed class PixelVectorSource : IPixelSource
{
    private readonly DataViewRow _row;
    private readonly string _columnName;
    private readonly ValueGetter<VBuffer<float>> _getter;
    private VBuffer<float> _buffer;

    /// <summary>Binds to column <paramref name="columnName"/> of <paramref name="row"/>.</summary>
    public PixelVectorSource(DataViewRow row, string columnName)
    {
        _row = row;
        _columnName = columnName;
        _getter = row.GetGetter<VBuffer<float>>(row.Schema[columnName]);
    }

    /// <inheritdoc/>
    public void Read(Span<float> destination)
    {
        _getter(ref _buffer);
        if (_buffer.Length != destination.Length)
        {
            throw new InvalidDataException(
                $"Row {_row.Position} of feature column '{_columnName}' has {_buffer.Length} values; "
                + $"the network expects {destination.Length}.");
        }

        _buffer.CopyTo(destination);
        int bad = destination.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        if (bad >= 0)
        {
            throw new InvalidDataException(
                $"Row {_row.Position} of feature column '{_columnName}' holds {destination[bad]} at slot {bad}; "
                + "pixel values must be finite numbers.");
        }
    }
}

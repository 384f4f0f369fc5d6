using Microsoft.ML;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>Reads examples in cursor order from one row cursor through an <see cref="IRowReader"/>.</summary>
internal sealed class CursorExampleSource : IExampleSource
{
    private readonly DataViewRowCursor _cursor;
    private readonly IRowReader _rows;
    private readonly bool _withLabels;

    /// <summary>
    /// Opens a cursor over <paramref name="data"/>, shuffled by <paramref name="shuffle"/> when given.
    /// </summary>
    /// <remarks><paramref name="shuffle"/> is only passed when <see cref="IDataView.CanShuffle"/> is true.</remarks>
    public CursorExampleSource(IDataView data, IExampleReader reader, bool withLabels, Random? shuffle)
    {
        var columns = reader.GetColumnsNeeded(data.Schema);
        _cursor = data.GetRowCursor(columns, shuffle);
        _rows = reader.CreateRowReader(_cursor, withLabels);
        _withLabels = withLabels;
    }

    /// <inheritdoc/>
    public bool TryRead(Span<float> features, out long label)
    {
        label = 0;
        if (!_cursor.MoveNext())
        {
            return false;
        }

        _rows.ReadFeatures(features);
        if (_withLabels)
        {
            label = _rows.ReadLabel();
        }

        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => _cursor.Dispose();
}

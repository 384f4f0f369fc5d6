using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Transforms.Data;

/// <summary>
/// A cursor over <see cref="MnistDataView"/> that visits <c>order[start]</c>,
/// <c>order[start + stride]</c>, ... A lone cursor has stride 1; cursor c of a set of n has
/// start c and stride n.
/// </summary>
internal sealed class MnistRowCursor : DataViewRowCursor
{
    private readonly MnistDataView _view;
    private readonly int[] _order;
    private readonly bool[] _active;
    private readonly int _stride;
    private long _orderIndex;
    private long _position = -1;

    public MnistRowCursor(
        MnistDataView view,
        int[] order,
        IEnumerable<DataViewSchema.Column> columnsNeeded,
        int stride,
        int start)
    {
        _view = view;
        _order = order;
        _stride = stride;
        _orderIndex = start - stride;
        _active = new bool[view.Schema.Count];
        foreach (var column in columnsNeeded)
        {
            _active[column.Index] = true;
        }
    }

    public override DataViewSchema Schema => _view.Schema;

    public override long Position => _position;

    /// <summary>The index of the current row in the visiting order, unique across a cursor set.</summary>
    public override long Batch => _orderIndex;

    private int Row => _order[_orderIndex];

    public override bool MoveNext()
    {
        if (_orderIndex + _stride >= _order.Length)
        {
            _orderIndex = _order.Length;
            return false;
        }

        _orderIndex += _stride;
        _position++;
        return true;
    }

    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId value) => value = new DataViewRowId((ulong)CurrentRow(), 0);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsColumnActive(column))
        {
            throw new InvalidOperationException(
                $"The column '{column.Name}' was not requested when this cursor was created.");
        }

        Delegate getter = column.Index == 0 ? LabelGetter() : PixelsGetter();
        return getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
            $"The column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
    }

    private ValueGetter<uint> LabelGetter() =>
        (ref uint value) => value = (uint)_view.GetClassIndex(CurrentRow()) + 1;

    private ValueGetter<VBuffer<float>> PixelsGetter() =>
        (ref VBuffer<float> value) =>
        {
            ReadOnlySpan<byte> pixels = _view.GetPixelBytes(CurrentRow());
            var editor = VBufferEditor.Create(ref value, pixels.Length);
            for (int i = 0; i < pixels.Length; i++)
            {
                editor.Values[i] = pixels[i];
            }

            value = editor.Commit();
        };

    private int CurrentRow()
    {
        if (_position < 0 || _orderIndex >= _order.Length)
        {
            throw new InvalidOperationException("The cursor is not on a row: call MoveNext first.");
        }

        return Row;
    }
}

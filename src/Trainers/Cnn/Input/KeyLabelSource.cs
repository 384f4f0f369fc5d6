using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>Reads a <see cref="uint"/> key label column as a zero-based class index.</summary>
internal sealed class KeyLabelSource
{
    private readonly DataViewRow _row;
    private readonly string _columnName;
    private readonly int _classCount;
    private readonly ValueGetter<uint> _getter;

    /// <summary>Binds to label column <paramref name="columnName"/> with <paramref name="classCount"/>
    /// classes.</summary>
    public KeyLabelSource(DataViewRow row, string columnName, int classCount)
    {
        _row = row;
        _columnName = columnName;
        _classCount = classCount;
        _getter = row.GetGetter<uint>(row.Schema[columnName]);
    }

    /// <summary>The current row's class index in [0, classCount).</summary>
    /// <exception cref="InvalidDataException">The key is missing (0) or beyond the class count.</exception>
    public long Read()
    {
        uint key = 0;
        _getter(ref key);
        if (key == 0 || key > _classCount)
        {
            string found = key == 0 ? "a missing value" : $"key {key}";
            throw new InvalidDataException(
                $"Row {_row.Position} of label column '{_columnName}' holds {found}; "
                + $"expected a key from 1 to {_classCount}.");
        }

        return key - 1;
    }
}

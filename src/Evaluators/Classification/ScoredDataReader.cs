using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Evaluators.Classification;

/// <summary>Reads label keys and score vectors from an <see cref="IDataView"/>, checking the schema first.</summary>
internal sealed class ScoredDataReader
{
    private const string KeyValuesKind = "KeyValues";
    private readonly IDataView _data;
    private readonly DataViewSchema.Column _label;
    private readonly DataViewSchema.Column _score;

    public ScoredDataReader(IDataView data, string labelColumnName, string scoreColumnName)
    {
        _data = data;
        _label = Find(data.Schema, labelColumnName, "label");
        _score = Find(data.Schema, scoreColumnName, "score");
        if (_label.Type is not KeyDataViewType { RawType: var raw } key || raw != typeof(uint))
        {
            throw new ArgumentException(
                $"Label column '{_label.Name}' must be a key type of UInt32 (as MapValueToKey makes it), "
                + $"but it is {_label.Type}.",
                nameof(labelColumnName));
        }

        if (_score.Type is not VectorDataViewType { ItemType: NumberDataViewType item, Size: > 0 } vector
            || item != NumberDataViewType.Single)
        {
            throw new ArgumentException(
                $"Score column '{_score.Name}' must be a known-size vector of Single, but it is {_score.Type}.",
                nameof(scoreColumnName));
        }

        if (key.Count != (ulong)vector.Size)
        {
            throw new ArgumentException(
                $"Label column '{_label.Name}' has {key.Count} key values but score column '{_score.Name}' has "
                + $"{vector.Size} slots; each class needs one score.",
                nameof(scoreColumnName));
        }

        ClassCount = vector.Size;
    }

    public int ClassCount { get; }

    /// <summary>The label column's key values as strings, when it has them and they cover every score slot.</summary>
    public IReadOnlyList<string>? KeyNames()
    {
        if (_label.Annotations.Schema.GetColumnOrNull(KeyValuesKind) is not { } column
            || column.Type is not VectorDataViewType { ItemType: TextDataViewType })
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> values = default;
        _label.Annotations.GetValue(KeyValuesKind, ref values);
        string[] names = values.DenseValues().Select(v => v.ToString()).ToArray();
        return names.Length == ClassCount ? names : null;
    }

    public void ReadInto(ClassificationAccumulator accumulator)
    {
        using DataViewRowCursor cursor = _data.GetRowCursor([_label, _score]);
        ValueGetter<uint> getLabel = cursor.GetGetter<uint>(_label);
        ValueGetter<VBuffer<float>> getScore = cursor.GetGetter<VBuffer<float>>(_score);
        uint key = 0;
        VBuffer<float> scores = default;
        var dense = new float[ClassCount];
        for (long row = 0; cursor.MoveNext(); row++)
        {
            getLabel(ref key);
            if (key == 0)
            {
                throw new ArgumentException(
                    $"Row {row} of label column '{_label.Name}' is missing (key 0); remove or label such rows first.");
            }

            getScore(ref scores);
            scores.CopyTo(dense);
            accumulator.Add((int)key - 1, dense, row);
        }
    }

    private static DataViewSchema.Column Find(DataViewSchema schema, string name, string role) =>
        schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(
            nameof(name), name, $"The {role} column '{name}' is not in the data's schema.");
}

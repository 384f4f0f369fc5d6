using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Engine;

namespace MLNetExtensions.Trainers.Tests.Engine;

/// <summary>
/// Reads a fixed-length float vector column and an int label column. <paramref name="poison"/>, given
/// the number of rows read so far over all cursors, turns that row's features into NaN when true.
/// </summary>
internal sealed class VectorExampleReader(int length, Func<long, bool>? poison = null) : IExampleReader
{
    private readonly Func<long, bool>? _poison = poison;
    private long _rowsRead;

    public IReadOnlyList<long> FeatureShape => [length];

    public IEnumerable<DataViewSchema.Column> GetColumnsNeeded(DataViewSchema schema) =>
        [schema[nameof(SyntheticRow.Features)], schema[nameof(SyntheticRow.Label)]];

    public IRowReader CreateRowReader(DataViewRowCursor cursor, bool withLabels) => new Rows(this, cursor);

    private sealed class Rows(VectorExampleReader owner, DataViewRowCursor cursor) : IRowReader
    {
        private readonly ValueGetter<VBuffer<float>> _features =
            cursor.GetGetter<VBuffer<float>>(cursor.Schema[nameof(SyntheticRow.Features)]);

        private readonly ValueGetter<int> _label = cursor.GetGetter<int>(cursor.Schema[nameof(SyntheticRow.Label)]);
        private VBuffer<float> _buffer;

        public void ReadFeatures(Span<float> destination)
        {
            _features(ref _buffer);
            _buffer.GetValues().CopyTo(destination);
            if (owner._poison?.Invoke(owner._rowsRead++) == true)
            {
                destination.Fill(float.NaN);
            }
        }

        public long ReadLabel()
        {
            var label = 0;
            _label(ref label);
            return label;
        }
    }
}

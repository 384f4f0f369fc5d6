using Microsoft.ML;
using MLNetExtensions.Trainers.Engine;

namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>Feeds the training engine normalised CHW images and zero-based key labels.</summary>
internal sealed class CnnExampleReader : IExampleReader
{
    private readonly ImageInputSettings _input;
    private readonly string _labelColumnName;
    private readonly int _classCount;

    /// <summary>Creates a reader of <paramref name="input"/> images and <paramref name="labelColumnName"/>
    /// keys.</summary>
    public CnnExampleReader(ImageInputSettings input, string labelColumnName, int classCount)
    {
        _input = input;
        _labelColumnName = labelColumnName;
        _classCount = classCount;
        FeatureShape = [input.Shape.Channels, input.Shape.Height, input.Shape.Width];
    }

    /// <inheritdoc/>
    public IReadOnlyList<long> FeatureShape { get; }

    /// <inheritdoc/>
    public IEnumerable<DataViewSchema.Column> GetColumnsNeeded(DataViewSchema schema) =>
        [schema[_input.ColumnName], schema[_labelColumnName]];

    /// <inheritdoc/>
    public IRowReader CreateRowReader(DataViewRowCursor cursor, bool withLabels) =>
        new RowReader(
            _input,
            _input.CreatePixelSource(cursor),
            withLabels ? new KeyLabelSource(cursor, _labelColumnName, _classCount) : null);

    private sealed class RowReader(ImageInputSettings input, IPixelSource pixels, KeyLabelSource? labels)
        : IRowReader
    {
        public void ReadFeatures(Span<float> destination) => input.ReadNormalized(pixels, destination);

        public long ReadLabel() =>
            labels?.Read() ?? throw new InvalidOperationException("This reader was created without labels.");
    }
}

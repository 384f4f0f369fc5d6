using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn.Input;

namespace MLNetExtensions.Trainers.Cnn.Scoring;

/// <summary>
/// A cursor of <see cref="ScoredDataView"/>: pass-through columns come from the main input cursor;
/// Score and PredictedLabel come from the batch that the look-ahead cursor read and scored.
/// </summary>
internal sealed class ScoredCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _main;
    private readonly DataViewRowCursor? _lookAhead;
    private readonly IPixelSource? _pixels;
    private readonly ColumnBindings _bindings;
    private readonly bool[] _active;
    private readonly ScoringModel _model;
    private readonly float[] _features;
    private readonly float[] _probabilities;
    private int _batchRows;
    private int _indexInBatch;

    /// <summary>Creates the cursor; <paramref name="lookAhead"/> is null when no score column is active.</summary>
    public ScoredCursor(
        DataViewRowCursor main,
        DataViewRowCursor? lookAhead,
        ColumnBindings bindings,
        bool[] active,
        ScoringModel model)
    {
        _main = main;
        _lookAhead = lookAhead;
        _bindings = bindings;
        _active = active;
        _model = model;
        _pixels = lookAhead is null ? null : model.Input.CreatePixelSource(lookAhead);
        _features = lookAhead is null ? [] : new float[model.BatchSize * model.Input.FeatureLength];
        _probabilities = lookAhead is null ? [] : new float[model.BatchSize * model.ClassCount];
    }

    /// <inheritdoc/>
    public override DataViewSchema Schema => _bindings.Schema;

    /// <inheritdoc/>
    public override long Position => _main.Position;

    /// <inheritdoc/>
    public override long Batch => _main.Batch;

    /// <inheritdoc/>
    public override ValueGetter<DataViewRowId> GetIdGetter() => _main.GetIdGetter();

    /// <inheritdoc/>
    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    /// <inheritdoc/>
    public override bool MoveNext()
    {
        if (!_main.MoveNext())
        {
            return false;
        }

        if (_lookAhead is not null && ++_indexInBatch >= _batchRows)
        {
            ScoreNextBatch();
        }

        return true;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The column is inactive or <typeparamref name="TValue"/> is
    /// not its type.</exception>
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsColumnActive(column))
        {
            throw new InvalidOperationException($"Column '{column.Name}' was not requested when this cursor was made.");
        }

        int index = _bindings.MapColumnIndex(out bool isSource, column.Index);
        Delegate getter = isSource
            ? _main.GetGetter<TValue>(_main.Schema[index])
            : index == ScoringModel.ScoreIndex ? (ValueGetter<VBuffer<float>>)GetScore : (ValueGetter<uint>)GetKey;
        return getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
            $"Column '{column.Name}' has type {column.Type}; it cannot be read as {typeof(TValue).Name}.");
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _main.Dispose();
            _lookAhead?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ScoreNextBatch()
    {
        int length = _model.Input.FeatureLength;
        int rows = 0;
        while (rows < _model.BatchSize && _lookAhead!.MoveNext())
        {
            _model.Input.ReadNormalized(_pixels!, _features.AsSpan(rows * length, length));
            rows++;
        }

        if (rows == 0)
        {
            throw new InvalidOperationException(
                "The input data view returned more rows to one cursor than to another over the same columns; "
                + "scoring needs a data view whose row order is repeatable.");
        }

        _model.Predictor.PredictProbabilities(_features, rows, _probabilities);
        _batchRows = rows;
        _indexInBatch = 0;
    }

    private ReadOnlySpan<float> CurrentProbabilities()
    {
        int classes = _model.ClassCount;
        return _probabilities.AsSpan(_indexInBatch * classes, classes);
    }

    private void GetScore(ref VBuffer<float> destination)
    {
        var probabilities = CurrentProbabilities();
        var editor = VBufferEditor.Create(ref destination, probabilities.Length);
        probabilities.CopyTo(editor.Values);
        destination = editor.Commit();
    }

    private void GetKey(ref uint destination) => destination = ScoreColumns.PredictedKey(CurrentProbabilities());
}

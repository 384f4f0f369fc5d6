using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace MLNetExtensions.Trainers.Cnn.Scoring;

/// <summary>
/// The output of the classifier's <c>Transform</c>: the input columns plus Score and PredictedLabel,
/// scored in batches. A cursor wraps an input cursor for the pass-through columns and runs a second,
/// look-ahead cursor over the same rows (feature column only) that reads and scores the next batch.
/// </summary>
/// <remarks>
/// Both cursors see the same rows in the same order because the input is cursored without a random
/// generator. Shuffled cursors (a non-null <see cref="Random"/>) cannot promise that, so they are
/// scored one row at a time through <see cref="CnnRowMapper"/>.
/// </remarks>
internal sealed class ScoredDataView : IDataView
{
    private readonly ScoringModel _model;
    private readonly ColumnBindings _bindings;
    private readonly RowToRowMapperTransform _perRow;

    /// <summary>Scores <paramref name="source"/> with <paramref name="model"/>.</summary>
    public ScoredDataView(IHostEnvironment env, IDataView source, ScoringModel model)
    {
        Source = source;
        _model = model;
        _bindings = new ColumnBindings(source.Schema, model.OutputColumns);
        _perRow = new RowToRowMapperTransform(env, source, new CnnRowMapper(model, source.Schema), null);
    }

    /// <summary>The scored data.</summary>
    public IDataView Source { get; }

    /// <inheritdoc/>
    public bool CanShuffle => Source.CanShuffle;

    /// <inheritdoc/>
    public DataViewSchema Schema => _bindings.Schema;

    /// <inheritdoc/>
    public long? GetRowCount() => Source.GetRowCount();

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = new bool[Schema.Count];
        foreach (var column in columnsNeeded)
        {
            active[column.Index] = true;
        }

        if (rand is not null)
        {
            return _perRow.GetRowCursor(columnsNeeded.Select(c => _perRow.OutputSchema[c.Index]), rand);
        }

        var inputActive = _bindings.GetActiveInput(i => active[i]);
        var passThrough = Source.Schema.Where(c => inputActive[c.Index]);
        bool scoring = _bindings.AddedColumnIndices.Any(i => active[i]);
        var main = Source.GetRowCursor(passThrough);
        var lookAhead = scoring ? Source.GetRowCursor([Source.Schema[_model.Input.ColumnName]]) : null;
        return new ScoredCursor(main, lookAhead, _bindings, active, _model);
    }

    /// <inheritdoc/>
    /// <remarks>Returns one cursor: batches are scored by a single forward pass at a time.</remarks>
    public DataViewRowCursor[] GetRowCursorSet(
        IEnumerable<DataViewSchema.Column> columnsNeeded,
        int n,
        Random? rand = null) => [GetRowCursor(columnsNeeded, rand)];
}

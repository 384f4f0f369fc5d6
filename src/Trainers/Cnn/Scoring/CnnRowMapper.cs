using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn.Input;

namespace MLNetExtensions.Trainers.Cnn.Scoring;

/// <summary>
/// Scores one row at a time: the path of <c>PredictionEngine</c> and of row-to-row mapper chains,
/// where no look-ahead is possible. Data views are scored in batches by <see cref="ScoredDataView"/>.
/// </summary>
internal sealed class CnnRowMapper : IRowMapper
{
    private readonly ScoringModel _model;
    private readonly int _featureIndex;

    /// <summary>Binds <paramref name="model"/> to <paramref name="inputSchema"/>.</summary>
    public CnnRowMapper(ScoringModel model, DataViewSchema inputSchema)
    {
        _model = model;
        _featureIndex = inputSchema[model.Input.ColumnName].Index;
    }

    /// <inheritdoc/>
    public Func<int, bool> GetDependencies(Func<int, bool> activeOutput)
    {
        bool scoring = activeOutput(ScoringModel.ScoreIndex) || activeOutput(ScoringModel.PredictedLabelIndex);
        return column => scoring && column == _featureIndex;
    }

    /// <inheritdoc/>
    public DataViewSchema.DetachedColumn[] GetOutputColumns() => _model.OutputColumns;

    /// <inheritdoc/>
    public ITransformer GetTransformer() => _model.Owner;

    /// <inheritdoc/>
    public void Save(ModelSaveContext ctx) => ((ICanSaveModel)_model.Owner).Save(ctx);

    /// <inheritdoc/>
    public Delegate[] CreateGetters(DataViewRow input, Func<int, bool> activeOutput, out Action disposer)
    {
        disposer = null!;
        var getters = new Delegate[2];
        if (!activeOutput(ScoringModel.ScoreIndex) && !activeOutput(ScoringModel.PredictedLabelIndex))
        {
            return getters;
        }

        var row = new RowScores(_model, input);
        getters[ScoringModel.ScoreIndex] = (ValueGetter<VBuffer<float>>)row.GetScore;
        getters[ScoringModel.PredictedLabelIndex] = (ValueGetter<uint>)row.GetPredictedLabel;
        return getters;
    }

    /// <summary>Scores the input row on first use and caches the result per row position.</summary>
    private sealed class RowScores(ScoringModel model, DataViewRow input)
    {
        private readonly IPixelSource _pixels = model.Input.CreatePixelSource(input);
        private readonly float[] _features = new float[model.Input.FeatureLength];
        private readonly float[] _probabilities = new float[model.ClassCount];
        private long _scoredPosition = -1;

        public void GetScore(ref VBuffer<float> destination)
        {
            EnsureScored();
            var editor = VBufferEditor.Create(ref destination, _probabilities.Length);
            _probabilities.CopyTo(editor.Values);
            destination = editor.Commit();
        }

        public void GetPredictedLabel(ref uint destination)
        {
            EnsureScored();
            destination = ScoreColumns.PredictedKey(_probabilities);
        }

        private void EnsureScored()
        {
            if (_scoredPosition == input.Position && input.Position >= 0)
            {
                return;
            }

            model.Input.ReadNormalized(_pixels, _features);
            model.Predictor.PredictProbabilities(_features, 1, _probabilities);
            _scoredPosition = input.Position;
        }
    }
}

using Microsoft.ML;
using MLNetExtensions.Trainers.Cnn.Input;
using MLNetExtensions.Trainers.Engine;

namespace MLNetExtensions.Trainers.Cnn.Scoring;

/// <summary>What the scoring views and row mapper need from a trained classifier, bound to one input schema.</summary>
/// <param name="Input">How to read the feature column of that schema.</param>
/// <param name="Predictor">The network, in evaluation mode on its scoring device.</param>
/// <param name="ClassCount">Probabilities per row.</param>
/// <param name="OutputColumns">Score and PredictedLabel, in that order.</param>
/// <param name="BatchSize">Rows per forward pass when a data view is scored.</param>
/// <param name="Owner">The transformer, which saves itself.</param>
internal sealed record ScoringModel(
    ImageInputSettings Input,
    BatchPredictor Predictor,
    int ClassCount,
    DataViewSchema.DetachedColumn[] OutputColumns,
    int BatchSize,
    ITransformer Owner)
{
    /// <summary>Index of Score among <see cref="OutputColumns"/>.</summary>
    public const int ScoreIndex = 0;

    /// <summary>Index of PredictedLabel among <see cref="OutputColumns"/>.</summary>
    public const int PredictedLabelIndex = 1;
}

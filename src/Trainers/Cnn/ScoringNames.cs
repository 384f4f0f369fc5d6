namespace MLNetExtensions.Trainers.Cnn;

/// <summary>The names of the output columns and the scoring batch size of a classifier.</summary>
/// <param name="Score">The probabilities column.</param>
/// <param name="PredictedLabel">The predicted key column.</param>
/// <param name="BatchSize">Rows per forward pass.</param>
internal sealed record ScoringNames(string Score, string PredictedLabel, int BatchSize);

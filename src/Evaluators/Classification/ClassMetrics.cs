namespace MLNetExtensions.Evaluators.Classification;

/// <summary>Precision, recall and F1 of one class, one-versus-rest.</summary>
/// <param name="ClassIndex">The 0-based class index (ML.NET key value minus one).</param>
/// <param name="Name">The class name.</param>
/// <param name="Support">The number of examples whose true class this is.</param>
/// <param name="PredictedCount">The number of examples predicted (top-1) as this class.</param>
/// <param name="TruePositiveCount">The number of examples of this class predicted as this class.</param>
/// <param name="Precision">TP / predicted; 0 when nothing was predicted as this class, as sklearn reports it.</param>
/// <param name="Recall">TP / support; 0 when the class has no examples, as sklearn reports it.</param>
/// <param name="F1">2 P R / (P + R); 0 when both are 0.</param>
public sealed record ClassMetrics(
    int ClassIndex,
    string Name,
    int Support,
    int PredictedCount,
    int TruePositiveCount,
    double Precision,
    double Recall,
    double F1);

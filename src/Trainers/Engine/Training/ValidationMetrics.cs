namespace MLNetExtensions.Trainers.Engine;

/// <summary>Loss and accuracy over all rows of a validation view.</summary>
/// <param name="Loss">Mean cross-entropy per row.</param>
/// <param name="Accuracy">Fraction of rows whose arg-max class equals the label.</param>
/// <param name="Rows">Rows evaluated.</param>
internal readonly record struct ValidationMetrics(double Loss, double Accuracy, long Rows);

namespace MLNetExtensions.Trainers.Engine;

/// <summary>The validation metric that early stopping watches.</summary>
public enum EarlyStoppingMetric
{
    /// <summary>Mean cross-entropy over all validation rows; lower is better.</summary>
    ValidationLoss,

    /// <summary>Fraction of validation rows whose arg-max class equals the label; higher is better.</summary>
    ValidationAccuracy,
}

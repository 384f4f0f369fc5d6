namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// Tracks the best value of the early-stopping metric. An epoch improves when its value beats the
/// best by more than MinDelta (lower for loss, higher for accuracy); training stops after
/// Patience epochs in a row without improvement (Keras' EarlyStopping rule).
/// </summary>
internal sealed class EarlyStoppingTracker(EarlyStoppingOptions options)
{
    /// <summary>The options in force.</summary>
    public EarlyStoppingOptions Options { get; } = options;

    /// <summary>The best epoch so far, or null before the first observation.</summary>
    public int? BestEpoch { get; private set; }

    /// <summary>The metric value of <see cref="BestEpoch"/>.</summary>
    public double BestValue { get; private set; }

    /// <summary>Epochs since the last improvement.</summary>
    public int EpochsWithoutImprovement { get; private set; }

    /// <summary>Whether training should stop now.</summary>
    public bool ShouldStop => EpochsWithoutImprovement > 0 && EpochsWithoutImprovement >= Options.Patience;

    /// <summary>The watched metric taken from <paramref name="metrics"/>.</summary>
    public double Select(ValidationMetrics metrics) =>
        Options.Metric == EarlyStoppingMetric.ValidationAccuracy ? metrics.Accuracy : metrics.Loss;

    /// <summary>Records an epoch's value and returns whether it is a new best.</summary>
    public bool Observe(int epoch, double value)
    {
        if (BestEpoch is null || Improves(value))
        {
            BestEpoch = epoch;
            BestValue = value;
            EpochsWithoutImprovement = 0;
            return true;
        }

        EpochsWithoutImprovement++;
        return false;
    }

    /// <summary>Restores the tracker from a checkpoint.</summary>
    public void Restore(int? bestEpoch, double bestValue, int epochsWithoutImprovement)
    {
        BestEpoch = bestEpoch;
        BestValue = bestValue;
        EpochsWithoutImprovement = epochsWithoutImprovement;
    }

    private bool Improves(double value) => Options.Metric == EarlyStoppingMetric.ValidationAccuracy
        ? value > BestValue + Options.MinDelta
        : value < BestValue - Options.MinDelta;
}

namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// Stops training when a validation metric has not improved for <see cref="Patience"/> epochs and
/// restores the weights of the best epoch. Requires a validation data view.
/// </summary>
public sealed class EarlyStoppingOptions
{
    /// <summary>Default of <see cref="Patience"/>.</summary>
    public const int DefaultPatience = 3;

    /// <summary>Default of <see cref="MinDelta"/>.</summary>
    public const double DefaultMinDelta = 0.0;

    /// <summary>The metric watched. Default <see cref="EarlyStoppingMetric.ValidationLoss"/>.</summary>
    public EarlyStoppingMetric Metric { get; set; } = EarlyStoppingMetric.ValidationLoss;

    /// <summary>Epochs without improvement tolerated before stopping. Default <see cref="DefaultPatience"/>.</summary>
    public int Patience { get; set; } = DefaultPatience;

    /// <summary>
    /// The smallest change of the metric that counts as an improvement (absolute, in the metric's
    /// units). Default <see cref="DefaultMinDelta"/>.
    /// </summary>
    public double MinDelta { get; set; } = DefaultMinDelta;

    /// <summary>
    /// Whether the best epoch's weights are restored when training ends. Default <see langword="true"/>.
    /// </summary>
    public bool RestoreBestWeights { get; set; } = true;

    /// <summary>A copy of these settings.</summary>
    public EarlyStoppingOptions Clone() => (EarlyStoppingOptions)MemberwiseClone();
}

namespace MLNetExtensions.Trainers.Engine;

/// <summary>How the learning rate changes over training. Every schedule is stepped once per batch.</summary>
public enum LearningRateScheduleKind
{
    /// <summary>
    /// The base learning rate throughout, after an optional linear warm-up from zero
    /// (<see cref="TrainingOptions.WarmupFraction"/>).
    /// </summary>
    Constant,

    /// <summary>
    /// Linear warm-up from zero to the base rate, then cosine annealing to zero over the remaining
    /// steps, as <c>torch.optim.lr_scheduler.CosineAnnealingLR</c> with <c>eta_min = 0</c>.
    /// </summary>
    Cosine,

    /// <summary>
    /// The one-cycle policy (Smith and Topin, 2017) as <c>torch.optim.lr_scheduler.OneCycleLR</c> with
    /// cosine annealing: from base/25 up to the base rate over the warm-up fraction, then down to
    /// base/25/10<sup>4</sup>. Momentum is not cycled.
    /// </summary>
    OneCycle,
}

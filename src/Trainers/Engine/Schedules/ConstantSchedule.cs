namespace MLNetExtensions.Trainers.Engine;

/// <summary>The base rate, after an optional linear warm-up.</summary>
internal sealed class ConstantSchedule(double baseRate, long warmupSteps) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double At(long step) =>
        step < warmupSteps ? baseRate * WarmupFactor(step, warmupSteps) : baseRate;
}

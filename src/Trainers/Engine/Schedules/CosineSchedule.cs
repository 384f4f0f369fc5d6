namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// Linear warm-up over <c>w</c> steps, then cosine annealing to zero over the remaining
/// <c>T = total - w</c> steps: lr(t) = base x (1 + cos(pi t / T)) / 2 with t = step - w, the closed
/// form of torch's CosineAnnealingLR with eta_min = 0 and T_max = T.
/// </summary>
internal sealed class CosineSchedule(double baseRate, long totalSteps, long warmupSteps) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double At(long step)
    {
        if (step < warmupSteps)
        {
            return baseRate * WarmupFactor(step, warmupSteps);
        }

        var annealSteps = Math.Max(1, totalSteps - warmupSteps);
        var t = Math.Min(step - warmupSteps, annealSteps);
        return baseRate * (1 + Math.Cos(Math.PI * t / annealSteps)) / 2;
    }
}

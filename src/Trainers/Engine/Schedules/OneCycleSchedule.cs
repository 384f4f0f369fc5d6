namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// torch.optim.lr_scheduler.OneCycleLR with anneal_strategy "cos", div_factor 25,
/// final_div_factor 1e4 and two phases: cosine from max/25 up to max until step
/// pct x total - 1, then cosine down to max/25/1e4 at step total - 1. Each phase interpolates
/// lr = end + (start - end) x (1 + cos(pi x p)) / 2 with p the fraction of the phase done.
/// </summary>
internal sealed class OneCycleSchedule : LearningRateSchedule
{
    /// <summary>torch's default div_factor: the initial rate is max / 25.</summary>
    public const double DivFactor = 25;

    /// <summary>torch's default final_div_factor: the final rate is initial / 1e4.</summary>
    public const double FinalDivFactor = 1e4;

    private readonly double _maxRate;
    private readonly double _initialRate;
    private readonly double _finalRate;
    private readonly double _peakStep;
    private readonly double _lastStep;

    /// <summary>
    /// A cycle of <paramref name="totalSteps"/> steps peaking after <paramref name="warmupFraction"/> of them.
    /// </summary>
    public OneCycleSchedule(double maxRate, long totalSteps, double warmupFraction)
    {
        _maxRate = maxRate;
        _initialRate = maxRate / DivFactor;
        _finalRate = _initialRate / FinalDivFactor;
        _peakStep = warmupFraction * totalSteps - 1;
        _lastStep = totalSteps - 1;
    }

    /// <inheritdoc/>
    public override double At(long step)
    {
        if (step <= _peakStep)
        {
            return Anneal(_initialRate, _maxRate, Fraction(step, 0, _peakStep));
        }

        return Anneal(_maxRate, _finalRate, Fraction(step, _peakStep, _lastStep));
    }

    private static double Fraction(double step, double start, double end) =>
        end > start ? Math.Min(1, (step - start) / (end - start)) : 1;

    private static double Anneal(double start, double end, double fraction) =>
        end + (start - end) / 2 * (Math.Cos(Math.PI * fraction) + 1);
}

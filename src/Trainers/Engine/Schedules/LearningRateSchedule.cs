namespace MLNetExtensions.Trainers.Engine;

/// <summary>A learning rate as a function of the zero-based optimizer step (the batch index over all epochs).</summary>
internal abstract class LearningRateSchedule
{
    /// <summary>The learning rate for step <paramref name="step"/>.</summary>
    public abstract double At(long step);

    /// <summary>
    /// Builds the schedule asked for in <paramref name="options"/> for <paramref name="totalSteps"/> steps.
    /// </summary>
    public static LearningRateSchedule Create(TrainingOptions options, long totalSteps)
    {
        var rate = options.LearningRate;
        return options.Schedule switch
        {
            LearningRateScheduleKind.Cosine =>
                new CosineSchedule(rate, totalSteps, WarmupSteps(options, 0, totalSteps)),
            LearningRateScheduleKind.OneCycle => new OneCycleSchedule(
                rate, totalSteps, options.WarmupFraction ?? TrainingOptions.DefaultOneCycleWarmupFraction),
            _ => new ConstantSchedule(rate, WarmupSteps(options, 0, totalSteps)),
        };
    }

    /// <summary>Linear warm-up from zero: step s of w gets base x (s + 1) / w, so no step is wasted at zero.</summary>
    protected static double WarmupFactor(long step, long warmupSteps) => (step + 1) / (double)warmupSteps;

    private static long WarmupSteps(TrainingOptions options, double defaultFraction, long totalSteps) =>
        (long)Math.Floor((options.WarmupFraction ?? defaultFraction) * totalSteps);
}

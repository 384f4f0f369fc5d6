namespace MLNetExtensions.Trainers.Engine;

/// <summary>Checks a <see cref="TrainingOptions"/> before a run starts.</summary>
internal static class TrainingOptionsValidation
{
    /// <summary>Throws when a setting is out of range; the message names the setting and its value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range.</exception>
    /// <exception cref="ArgumentException">Resuming was asked for without a checkpoint directory.</exception>
    public static void Validate(TrainingOptions options)
    {
        Positive(options.Epochs, nameof(options.Epochs));
        Positive(options.BatchSize, nameof(options.BatchSize));
        Positive(options.ShuffleBufferSize, nameof(options.ShuffleBufferSize));
        PositiveFinite(options.LearningRate, nameof(options.LearningRate));
        NonNegativeFinite(options.WeightDecay, nameof(options.WeightDecay));
        NonNegativeFinite(options.Momentum, nameof(options.Momentum));
        ValidateOptional(options);

        if (options.ResumeFromCheckpoint && string.IsNullOrWhiteSpace(options.CheckpointDirectory))
        {
            throw new ArgumentException(
                $"{nameof(TrainingOptions.ResumeFromCheckpoint)} is true but " +
                $"{nameof(TrainingOptions.CheckpointDirectory)} is not set.", nameof(options));
        }
    }

    private static void ValidateOptional(TrainingOptions options)
    {
        if (options.WarmupFraction is { } warmup && !(warmup >= 0 && warmup < 1))
        {
            Fail(nameof(options.WarmupFraction), warmup, "must lie in [0, 1)");
        }

        if (options.GradientClipNorm is { } clip)
        {
            PositiveFinite(clip, nameof(options.GradientClipNorm));
        }

        if (options.Threads is { } threads)
        {
            Positive(threads, nameof(options.Threads));
        }

        if (options.EarlyStopping is { } early)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(early.Patience, "EarlyStopping.Patience");
            NonNegativeFinite(early.MinDelta, "EarlyStopping.MinDelta");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            Fail(name, value, "must be positive");
        }
    }

    private static void PositiveFinite(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            Fail(name, value, "must be positive and finite");
        }
    }

    private static void NonNegativeFinite(double value, string name)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            Fail(name, value, "must be zero or positive and finite");
        }
    }

    private static void Fail(string name, object value, string rule) =>
        throw new ArgumentOutOfRangeException(
            name, value, $"Training option {name} is {value}; it {rule}.");
}

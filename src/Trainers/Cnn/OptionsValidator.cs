namespace MLNetExtensions.Trainers.Cnn;

/// <summary>Checks <see cref="CnnImageClassificationTrainer.Options"/> when a trainer is created.</summary>
internal static class OptionsValidator
{
    /// <summary>Throws for the first invalid option.</summary>
    /// <exception cref="ArgumentNullException">A column name, the architecture or the training options is
    /// null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range; the message names the
    /// option.</exception>
    public static void Check(CnnImageClassificationTrainer.Options options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.LabelColumnName, nameof(options.LabelColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FeatureColumnName, nameof(options.FeatureColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ScoreColumnName, nameof(options.ScoreColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(
            options.PredictedLabelColumnName, nameof(options.PredictedLabelColumnName));
        ArgumentNullException.ThrowIfNull(options.Architecture, nameof(options.Architecture));
        ArgumentNullException.ThrowIfNull(options.Training, nameof(options.Training));
        NonNegative(options.ImageWidth, nameof(options.ImageWidth));
        NonNegative(options.ImageHeight, nameof(options.ImageHeight));
        if (options.ImageChannels is not (0 or 1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(options.ImageChannels), options.ImageChannels,
                $"ImageChannels is {options.ImageChannels}; use 1 (grey), 3 (RGB) or 0 (infer).");
        }

        if (!float.IsFinite(options.PixelScale) || options.PixelScale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options.PixelScale), options.PixelScale,
                $"PixelScale is {options.PixelScale}; it must be a positive finite number.");
        }

        if (options.ScoringBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options.ScoringBatchSize), options.ScoringBatchSize,
                $"ScoringBatchSize is {options.ScoringBatchSize}; it must be at least 1.");
        }
    }

    /// <summary>Checks that a per-channel array is empty or has one finite value per channel (positive for
    /// std).</summary>
    /// <exception cref="ArgumentException">The array has another length or a bad value.</exception>
    public static void CheckChannelCount(float[] values, string optionName, int channels)
    {
        bool positive = optionName.EndsWith("Std", StringComparison.Ordinal);
        if (values.Length is not 0 && values.Length != channels
            || values.Any(v => !float.IsFinite(v) || (positive && v <= 0)))
        {
            throw new ArgumentException(
                $"{optionName} is [{string.Join(", ", values)}]; it must be empty or hold {channels} finite "
                + $"values{(positive ? " greater than 0" : string.Empty)}, one per input channel.",
                optionName);
        }
    }

    private static void NonNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; it must be 0 (infer) or positive.");
        }
    }
}

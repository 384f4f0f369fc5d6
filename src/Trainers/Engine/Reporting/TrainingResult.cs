namespace MLNetExtensions.Trainers.Engine;

/// <summary>What a training run did.</summary>
public sealed record TrainingResult
{
    /// <summary>One report per epoch trained, including epochs restored from a checkpoint.</summary>
    public required IReadOnlyList<EpochReport> History { get; init; }

    /// <summary>
    /// The epoch whose weights the model holds at the end: the best epoch when early stopping
    /// restored weights, otherwise the last epoch trained.
    /// </summary>
    public required int FinalWeightsEpoch { get; init; }

    /// <summary>The best epoch by the early-stopping metric; <see langword="null"/> without early stopping.</summary>
    public int? BestEpoch { get; init; }

    /// <summary>Whether early stopping ended training before <see cref="TrainingOptions.Epochs"/>.</summary>
    public required bool StoppedEarly { get; init; }

    /// <summary>The seed used (the one given, or the one picked when none was).</summary>
    public required int Seed { get; init; }

    /// <summary>The device trained on, for example <c>cpu</c> or <c>cuda:0</c>.</summary>
    public required string Device { get; init; }

    /// <summary>The last epoch restored from a checkpoint; 0 when training started fresh.</summary>
    public required int ResumedAfterEpoch { get; init; }

    /// <summary>Wall time of this call.</summary>
    public required TimeSpan Elapsed { get; init; }
}

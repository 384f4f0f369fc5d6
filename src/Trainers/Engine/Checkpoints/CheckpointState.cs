namespace MLNetExtensions.Trainers.Engine;

/// <summary>The bookkeeping part of a checkpoint, stored as JSON next to the tensor files.</summary>
internal sealed record CheckpointState
{
    /// <summary>The version of this layout.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The layout version the checkpoint was written with.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The last completed epoch (one-based).</summary>
    public required int Epoch { get; init; }

    /// <summary>The run's seed; epoch e shuffles with a seed derived from it and e.</summary>
    public required int Seed { get; init; }

    /// <summary>Optimizer steps taken so far (the schedule's position).</summary>
    public required long Step { get; init; }

    /// <summary>The best epoch by the early-stopping metric, if tracked.</summary>
    public int? BestEpoch { get; init; }

    /// <summary>The best metric value, if tracked.</summary>
    public double BestValue { get; init; }

    /// <summary>Epochs since the last improvement.</summary>
    public int EpochsWithoutImprovement { get; init; }

    /// <summary>Whether the best weights were saved alongside.</summary>
    public bool HasBestWeights { get; init; }

    /// <summary>Reports of the completed epochs.</summary>
    public required IReadOnlyList<EpochReport> History { get; init; }
}

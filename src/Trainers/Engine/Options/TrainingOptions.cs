namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// Settings of one training run. The engine reads these and never writes to them, so one
/// instance can be reused for several runs.
/// </summary>
public sealed class TrainingOptions
{
    /// <summary>Default of <see cref="Epochs"/>.</summary>
    public const int DefaultEpochs = 10;

    /// <summary>Default of <see cref="BatchSize"/>.</summary>
    public const int DefaultBatchSize = 128;

    /// <summary>Default of <see cref="LearningRate"/>.</summary>
    public const double DefaultLearningRate = 1e-3;

    /// <summary>Default of <see cref="WeightDecay"/> (torch.optim.AdamW's default).</summary>
    public const double DefaultWeightDecay = 0.01;

    /// <summary>Default of <see cref="Momentum"/>.</summary>
    public const double DefaultMomentum = 0.9;

    /// <summary>Warm-up fraction of <see cref="LearningRateScheduleKind.OneCycle"/> when none is given
    /// (torch's OneCycleLR <c>pct_start</c>).</summary>
    public const double DefaultOneCycleWarmupFraction = 0.3;

    /// <summary>Default of <see cref="ShuffleBufferSize"/>.</summary>
    public const int DefaultShuffleBufferSize = 8192;

    /// <summary>Passes over the training data. Default <see cref="DefaultEpochs"/>.</summary>
    public int Epochs { get; set; } = DefaultEpochs;

    /// <summary>Examples per optimizer step. Default <see cref="DefaultBatchSize"/>.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>The base (peak, for one-cycle) learning rate. Default <see cref="DefaultLearningRate"/>.</summary>
    public double LearningRate { get; set; } = DefaultLearningRate;

    /// <summary>The optimizer. Default <see cref="OptimizerKind.AdamW"/>.</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.AdamW;

    /// <summary>
    /// Weight decay: decoupled for AdamW, L2 added to the gradient for SGD (as torch does).
    /// Default <see cref="DefaultWeightDecay"/>.
    /// </summary>
    public double WeightDecay { get; set; } = DefaultWeightDecay;

    /// <summary>SGD momentum (ignored by AdamW). Default <see cref="DefaultMomentum"/>.</summary>
    public double Momentum { get; set; } = DefaultMomentum;

    /// <summary>Whether SGD uses Nesterov momentum (ignored by AdamW). Default <see langword="false"/>.</summary>
    public bool Nesterov { get; set; }

    /// <summary>
    /// The learning-rate schedule, stepped per batch. Default <see cref="LearningRateScheduleKind.Constant"/>.
    /// </summary>
    public LearningRateScheduleKind Schedule { get; set; } = LearningRateScheduleKind.Constant;

    /// <summary>
    /// Fraction of all steps spent warming up, in [0, 1). <see langword="null"/> (default) means 0
    /// for constant and cosine schedules and <see cref="DefaultOneCycleWarmupFraction"/> for one-cycle.
    /// </summary>
    public double? WarmupFraction { get; set; }

    /// <summary>
    /// Clips gradients so that their global L2 norm is at most this value; <see langword="null"/>
    /// (default) disables clipping.
    /// </summary>
    public double? GradientClipNorm { get; set; }

    /// <summary>
    /// Seeds torch's generator and the per-epoch shuffle. <see langword="null"/> (default) picks a
    /// seed at random; <see cref="TrainingResult.Seed"/> reports it.
    /// </summary>
    public int? Seed { get; set; }

    /// <summary>Whether the training rows are shuffled each epoch. Default <see langword="true"/>.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>
    /// Rows held by the shuffle pool used when the training data view cannot shuffle itself
    /// (<see cref="Microsoft.ML.IDataView.CanShuffle"/> is false). Memory: this many examples of
    /// features as float32. Default <see cref="DefaultShuffleBufferSize"/>.
    /// </summary>
    public int ShuffleBufferSize { get; set; } = DefaultShuffleBufferSize;

    /// <summary>The device. Default <see cref="TorchDevice.Auto"/>.</summary>
    public TorchDevice Device { get; set; } = TorchDevice.Auto;

    /// <summary>
    /// Intra-op threads for torch (<c>torch.set_num_threads</c>, a process-wide setting);
    /// <see langword="null"/> (default) leaves torch's setting unchanged.
    /// </summary>
    public int? Threads { get; set; }

    /// <summary>Early stopping on a validation metric; <see langword="null"/> (default) trains all epochs.</summary>
    public EarlyStoppingOptions? EarlyStopping { get; set; }

    /// <summary>
    /// A directory where a checkpoint is written after every epoch; <see langword="null"/> (default)
    /// writes none.
    /// </summary>
    public string? CheckpointDirectory { get; set; }

    /// <summary>
    /// Whether to continue from the checkpoint in <see cref="CheckpointDirectory"/> when one exists.
    /// Default <see langword="false"/>.
    /// </summary>
    public bool ResumeFromCheckpoint { get; set; }

    /// <summary>Called after every epoch with the numbers that are logged.</summary>
    public Action<EpochReport>? OnEpochEnd { get; set; }

    /// <summary>Checked between batches; cancellation throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>
    /// A copy of these settings that shares nothing mutable with them (the early-stopping settings
    /// are copied too), so that a trainer can keep its own.
    /// </summary>
    public TrainingOptions Clone()
    {
        var copy = (TrainingOptions)MemberwiseClone();
        copy.EarlyStopping = EarlyStopping?.Clone();
        return copy;
    }
}

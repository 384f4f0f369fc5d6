using System.Diagnostics;
using MLNetExtensions.Trainers.Torch;
using Microsoft.ML.Runtime;
using Microsoft.ML;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>The state of one <see cref="SupervisedTrainer.Train"/> call: the epoch loop and its bookkeeping.</summary>
internal sealed class TrainingRun : IDisposable
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly IDataView? _validation;
    private readonly IExampleReader _reader;
    private readonly TrainingOptions _options;
    private readonly IChannel? _channel;
    private readonly Device _device;
    private readonly long[] _featureShape;
    private readonly OptimizerHelper _optimizer;
    private readonly EarlyStoppingTracker? _early;
    private readonly WeightSnapshot? _best;
    private readonly CheckpointStore? _checkpoints;
    private readonly List<EpochReport> _history = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly int _seed;
    private readonly EpochTrainer _epochs;
    private int _resumedAfter;

    /// <summary>Prepares device, seed, threads, optimizer and trackers.</summary>
    public TrainingRun(
        Module<Tensor, Tensor> model,
        IDataView train,
        IDataView? validation,
        IExampleReader reader,
        TrainingOptions options,
        IChannel? channel)
    {
        (_model, _validation, _reader, _options, _channel) = (model, validation, reader, options, channel);
        _device = TorchRuntime.Resolve(options.Device);
        TorchRuntime.ApplyThreads(options.Threads);
        _seed = options.Seed ?? Random.Shared.Next();
        _featureShape = reader.FeatureShape.ToArray();

        _model.to(_device);
        _optimizer = OptimizerFactory.Create(_model.parameters(), options);
        _early = options.EarlyStopping is { } early ? new EarlyStoppingTracker(early) : null;
        _best = _early?.Options.RestoreBestWeights == true ? WeightSnapshot.Capture(_model) : null;
        _checkpoints = options.CheckpointDirectory is { } dir ? new CheckpointStore(dir) : null;
        _epochs = new EpochTrainer(_model, _optimizer, train, reader, options, _featureShape, _device);
    }

    /// <summary>Runs the remaining epochs and returns the result; the model ends in evaluation mode.</summary>
    public TrainingResult Execute()
    {
        var firstEpoch = ResumeOrStart();
        var stoppedEarly = false;
        for (var epoch = firstEpoch; epoch <= _options.Epochs && !stoppedEarly; epoch++)
        {
            stoppedEarly = CompleteEpoch(epoch);
        }

        var finalEpoch = FinishWeights();
        _model.eval();
        return new TrainingResult
        {
            History = _history.ToArray(),
            FinalWeightsEpoch = finalEpoch,
            BestEpoch = _early?.BestEpoch,
            StoppedEarly = stoppedEarly,
            Seed = _seed,
            Device = _device.ToString(),
            ResumedAfterEpoch = _resumedAfter,
            Elapsed = _clock.Elapsed,
        };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _best?.Dispose();
        _optimizer.Dispose();
    }

    private int ResumeOrStart()
    {
        var state = _options.ResumeFromCheckpoint ? _checkpoints?.TryReadState() : null;
        if (state is null)
        {
            TorchRuntime.Seed(_seed);
            _epochs.Seed = _seed;
            return 1;
        }

        _checkpoints!.Restore(_model, _optimizer, state.HasBestWeights ? _best : null);
        _early?.Restore(state.BestEpoch, state.BestValue, state.EpochsWithoutImprovement);
        _history.AddRange(state.History);
        _epochs.Seed = state.Seed;
        _epochs.Step = state.Step;
        _resumedAfter = state.Epoch;
        _channel?.Info($"Resuming after epoch {state.Epoch} from checkpoint '{_checkpoints.LatestPath}'.");
        return state.Epoch + 1;
    }

    /// <summary>Trains, validates, reports and checkpoints one epoch; returns whether to stop early.</summary>
    private bool CompleteEpoch(int epoch)
    {
        var started = _clock.Elapsed;
        var train = _epochs.Run(epoch, _options.CancellationToken, LastCheckpointNote);
        var metrics = Validate();
        var report = new EpochReport
        {
            Epoch = epoch,
            Epochs = _options.Epochs,
            TrainLoss = train.MeanLoss,
            ValidationLoss = metrics?.Loss,
            ValidationAccuracy = metrics?.Accuracy,
            LearningRate = train.LastLearningRate,
            ImagesPerSecond = train.Rows / Math.Max(train.Seconds, 1e-9),
            Rows = train.Rows,
            Duration = _clock.Elapsed - started,
            Elapsed = _clock.Elapsed,
        };

        Record(report);
        var stop = TrackBest(epoch, metrics);
        SaveCheckpoint(epoch);
        return stop;
    }

    private ValidationMetrics? Validate()
    {
        if (_validation is null)
        {
            return null;
        }

        var validator = new Validator(_reader, _options.BatchSize, _featureShape, _device);
        return validator.Evaluate(_model, _validation, _options.CancellationToken);
    }

    private void Record(EpochReport report)
    {
        _history.Add(report);
        _channel?.Info(report.ToString());
        _options.OnEpochEnd?.Invoke(report);
    }

    private bool TrackBest(int epoch, ValidationMetrics? metrics)
    {
        if (_early is null || metrics is not { } values)
        {
            return false;
        }

        if (_early.Observe(epoch, _early.Select(values)))
        {
            _best?.Update(_model);
        }

        return _early.ShouldStop;
    }

    private void SaveCheckpoint(int epoch)
    {
        if (_checkpoints is null)
        {
            return;
        }

        var state = new CheckpointState
        {
            Epoch = epoch,
            Seed = _epochs.Seed,
            Step = _epochs.Step,
            BestEpoch = _early?.BestEpoch,
            BestValue = _early?.BestValue ?? 0,
            EpochsWithoutImprovement = _early?.EpochsWithoutImprovement ?? 0,
            HasBestWeights = _best is not null,
            History = _history.ToArray(),
        };
        _checkpoints.Save(state, _model, _optimizer, _best);
    }

    private int FinishWeights()
    {
        var last = _history.Count == 0 ? 0 : _history[^1].Epoch;
        if (_best is null || _early?.BestEpoch is not { } bestEpoch || bestEpoch == last)
        {
            return last;
        }

        _best.RestoreInto(_model);
        _channel?.Info($"Restored the weights of epoch {bestEpoch}, the best by {_early.Options.Metric}.");
        return bestEpoch;
    }

    private string LastCheckpointNote() => _checkpoints is null || _history.Count == 0
        ? "No checkpoint was written."
        : $"The checkpoint of epoch {_history[^1].Epoch} in '{_checkpoints.LatestPath}' is kept.";
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// One pass over the training rows: streams shuffled batches, sets the scheduled learning rate,
/// runs a <see cref="TrainingStep"/> per batch and checks cancellation and the loss between batches.
/// </summary>
internal sealed class EpochTrainer
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly OptimizerHelper _optimizer;
    private readonly IDataView _train;
    private readonly IExampleReader _reader;
    private readonly TrainingOptions _options;
    private readonly TrainingStep _step;
    private readonly LearningRateSchedule _schedule;
    private readonly ExampleBatch _batch;

    /// <summary>Counts the training rows once (for the schedule) and allocates the batch buffer.</summary>
    /// <exception cref="ArgumentException">The training view has no rows.</exception>
    public EpochTrainer(
        Module<Tensor, Tensor> model,
        OptimizerHelper optimizer,
        IDataView train,
        IExampleReader reader,
        TrainingOptions options,
        long[] featureShape,
        Device device)
    {
        (_model, _optimizer, _train, _reader, _options) = (model, optimizer, train, reader, options);
        var rows = RowCounting.Count(train);
        if (rows == 0)
        {
            throw new ArgumentException("The training data view has no rows.", nameof(train));
        }

        var stepsPerEpoch = (rows + options.BatchSize - 1) / options.BatchSize;
        _schedule = LearningRateSchedule.Create(options, stepsPerEpoch * options.Epochs);
        _batch = new ExampleBatch(options.BatchSize, checked((int)featureShape.Aggregate(1L, (a, b) => a * b)));
        _step = new TrainingStep(model, optimizer, options.GradientClipNorm, featureShape, device);
    }

    /// <summary>The run's seed; epoch e shuffles with <see cref="EpochSeed"/>(Seed, e).</summary>
    public int Seed { get; set; }

    /// <summary>Optimizer steps taken so far over all epochs: the schedule's position.</summary>
    public long Step { get; set; }

    /// <summary>A shuffle seed for <paramref name="epoch"/> that is the same in every process.</summary>
    public static int EpochSeed(int seed, int epoch) => unchecked((seed * 1_000_003) + epoch);

    /// <summary>Trains one epoch.</summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested between batches.</exception>
    /// <exception cref="NotFiniteNumberException">A batch's loss was NaN or infinite.</exception>
    public EpochTrainingStats Run(int epoch, CancellationToken cancellation, Func<string> checkpointNote)
    {
        var clock = Stopwatch.StartNew();
        double lossSum = 0, rate = 0;
        long rows = 0;
        _model.train();
        using var batches = Open(epoch);
        for (var batchIndex = 1; batches.TryFill(_batch); batchIndex++)
        {
            cancellation.ThrowIfCancellationRequested();
            rate = _schedule.At(Step);
            OptimizerFactory.SetLearningRate(_optimizer, rate);
            var loss = _step.Run(_batch);
            ThrowIfNotFinite(loss, epoch, batchIndex, checkpointNote);

            lossSum += (double)loss * _batch.Count;
            rows += _batch.Count;
            Step++;
        }

        return new EpochTrainingStats(lossSum / Math.Max(rows, 1), rows, clock.Elapsed.TotalSeconds, rate);
    }

    private BatchStream Open(int epoch)
    {
        if (!_options.Shuffle)
        {
            return BatchStream.InOrder(_train, _reader, withLabels: true);
        }

        var seed = EpochSeed(Seed, epoch);
        return BatchStream.Shuffled(_train, _reader, seed, _options.ShuffleBufferSize, _batch.FeatureLength);
    }

    private static void ThrowIfNotFinite(float loss, int epoch, int batch, Func<string> checkpointNote)
    {
        if (!float.IsFinite(loss))
        {
            var value = loss.ToString(CultureInfo.InvariantCulture);
            throw new NotFiniteNumberException(
                $"Training stopped: the loss was {value} at epoch {epoch}, batch {batch}; the weights of " +
                $"that step were not updated. {checkpointNote()} Try a lower learning rate or gradient clipping.",
                loss);
        }
    }
}

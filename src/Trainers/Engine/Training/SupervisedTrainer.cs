using Microsoft.ML.Runtime;
using Microsoft.ML;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// Trains a classification network on an <see cref="IDataView"/>: cross-entropy on logits
/// [N, classes] against int64 labels [N], streamed in shuffled batches.
/// </summary>
/// <remarks>
/// <para>Data: one cursor per epoch; rows go through <see cref="IExampleReader"/> into a reused host
/// buffer and become tensors with one copy per batch, so the data set is never materialised.
/// Shuffling: a view with <see cref="IDataView.CanShuffle"/> (for example one behind
/// <c>AppendCacheCheckpoint</c>) is read through its own shuffled cursor, seeded per epoch; any
/// other view through a shuffle pool of <see cref="TrainingOptions.ShuffleBufferSize"/> examples.</para>
/// <para>Each epoch logs one line to the channel and calls <see cref="TrainingOptions.OnEpochEnd"/>.
/// Cancellation is checked between batches. Every step runs in a TorchSharp dispose scope.</para>
/// <para>Reproducibility: on the CPU with a fixed <see cref="TrainingOptions.Seed"/> and
/// <see cref="TrainingOptions.Threads"/>, two runs from equal initial weights end with bitwise-equal
/// weights. Weight initialisation happens when the caller builds the module, before this call.</para>
/// </remarks>
public static class SupervisedTrainer
{
    /// <summary>Trains <paramref name="model"/> in place and returns what happened.</summary>
    /// <param name="model">The network; moved to the chosen device and left in evaluation mode.</param>
    /// <param name="train">Training rows.</param>
    /// <param name="validation">Validation rows evaluated after every epoch, or <see langword="null"/>.</param>
    /// <param name="reader">Reads features and labels from rows of both views.</param>
    /// <param name="options">Settings; not modified.</param>
    /// <param name="channel">Where the per-epoch lines go, or <see langword="null"/>.</param>
    /// <returns>The per-epoch history, best epoch and run facts.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">Early stopping without validation data, resuming without a
    /// checkpoint directory, or an empty training view.</exception>
    /// <exception cref="NotSupportedException">CUDA was asked for but is not available.</exception>
    /// <exception cref="NotFiniteNumberException">The loss became NaN or infinite; the message names the
    /// epoch and batch. The last checkpoint written stays on disk.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    /// <exception cref="InvalidDataException">A row could not be read, or a checkpoint is corrupt.</exception>
    public static TrainingResult Train(
        Module<Tensor, Tensor> model,
        IDataView train,
        IDataView? validation,
        IExampleReader reader,
        TrainingOptions options,
        IChannel? channel = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        TrainingOptionsValidation.Validate(options);
        if (options.EarlyStopping is not null && validation is null)
        {
            throw new ArgumentException(
                "Early stopping was requested but no validation data view was given.", nameof(validation));
        }

        using var run = new TrainingRun(model, train, validation, reader, options, channel);
        return run.Execute();
    }
}

using System.Globalization;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// The numbers of one finished epoch, as logged and as passed to <see cref="TrainingOptions.OnEpochEnd"/>.
/// </summary>
public sealed record EpochReport
{
    /// <summary>The one-based epoch number.</summary>
    public required int Epoch { get; init; }

    /// <summary>The total number of epochs asked for.</summary>
    public required int Epochs { get; init; }

    /// <summary>Mean training cross-entropy over the epoch's rows (with the weights of each step's start).</summary>
    public required double TrainLoss { get; init; }

    /// <summary>Mean cross-entropy over all validation rows; <see langword="null"/> without validation data.</summary>
    public double? ValidationLoss { get; init; }

    /// <summary>
    /// Fraction of validation rows classified correctly; <see langword="null"/> without validation data.
    /// </summary>
    public double? ValidationAccuracy { get; init; }

    /// <summary>The learning rate of the epoch's last step.</summary>
    public required double LearningRate { get; init; }

    /// <summary>Training rows per second, from reading the data view to the optimizer step.</summary>
    public required double ImagesPerSecond { get; init; }

    /// <summary>Training rows seen in the epoch.</summary>
    public required long Rows { get; init; }

    /// <summary>Wall time of the epoch (training and validation).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Wall time since training (or the resumed run) started.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The one-line summary that the engine logs.</summary>
    /// <returns>For example <c>Epoch 2/5: train loss 0.4312, val loss 0.4020, val acc 85.31%, ...</c>.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"Epoch {Epoch}/{Epochs}: train loss {TrainLoss:F4}");
        if (ValidationLoss is { } loss)
        {
            text += string.Create(c, $", val loss {loss:F4}");
        }

        if (ValidationAccuracy is { } accuracy)
        {
            text += string.Create(c, $", val acc {accuracy:P2}");
        }

        var elapsed = Elapsed.ToString(@"hh\:mm\:ss\.f", c);
        return text + string.Create(c, $", lr {LearningRate:G3}, {ImagesPerSecond:F0} images/s, elapsed {elapsed}");
    }
}

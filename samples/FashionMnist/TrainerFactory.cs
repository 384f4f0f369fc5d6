using System.Diagnostics;
using Microsoft.ML;
using MLNetExtensions.Trainers.Cnn;
using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Trainers.Engine;
using MLNetExtensions.Transforms.Data;

namespace FashionMnistSample;

/// <summary>Creates the CNN trainer for the chosen architecture, reading the idx data's pixel vectors.</summary>
/// <remarks>
/// Defaults chosen for Fashion-MNIST: pixels standardised with the training split's mean and standard
/// deviation, AdamW with a one-cycle schedule peaking at <see cref="PeakLearningRate"/>.
/// </remarks>
internal static class TrainerFactory
{
    /// <summary>The one-cycle schedule's peak learning rate.</summary>
    public const double PeakLearningRate = 3e-3;

    /// <summary>Mean of the Fashion-MNIST training pixels, scaled to [0, 1].</summary>
    public const float PixelMean = 0.2860f;

    /// <summary>Standard deviation of the Fashion-MNIST training pixels, scaled to [0, 1].</summary>
    public const float PixelStd = 0.3530f;

    public static (IEstimator<ITransformer> Estimator, CnnArchitecture Architecture) Create(
        MLContext ml,
        SampleOptions options,
        MnistDataView train,
        TextWriter output)
    {
        CnnArchitecture architecture = CnnArchitecture.FromName(options.Architecture);
        var trainerOptions = new CnnImageClassificationTrainer.Options
        {
            LabelColumnName = MnistDataView.LabelColumnName,
            FeatureColumnName = MnistDataView.PixelsColumnName,
            ImageWidth = train.ImageWidth,
            ImageHeight = train.ImageHeight,
            ImageChannels = 1,
            ChannelMean = [PixelMean],
            ChannelStd = [PixelStd],
            Architecture = architecture,
            Training = new TrainingOptions
            {
                Epochs = options.Epochs,
                Threads = options.Threads,
                Seed = options.Seed,
                LearningRate = PeakLearningRate,
                Schedule = LearningRateScheduleKind.OneCycle,
                OnEpochEnd = report => output.WriteLine($"{report}, RSS {ResidentMebibytes()} MiB"),
            },
        };
        return (ml.MulticlassClassification.Trainers.ImageClassificationCnn(trainerOptions), architecture);
    }

    /// <summary>The process's resident set size in MiB.</summary>
    private static long ResidentMebibytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024 * 1024);
    }
}

using Microsoft.ML;
using MLNetExtensions.Trainers.Cnn;
using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Trainers.Engine;
using MLNetExtensions.Transforms.Data;

namespace FashionMnistSample;

/// <summary>Creates the CNN trainer for the chosen architecture, reading the idx data's pixel vectors.</summary>
internal static class TrainerFactory
{
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
            Architecture = architecture,
            Training = new TrainingOptions
            {
                Epochs = options.Epochs,
                Threads = options.Threads,
                Seed = options.Seed,
                OnEpochEnd = report => output.WriteLine(report.ToString()),
            },
        };
        return (ml.MulticlassClassification.Trainers.ImageClassificationCnn(trainerOptions), architecture);
    }
}

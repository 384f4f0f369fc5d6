using Microsoft.ML;
using MLNetExtensions.Trainers.Cnn;
using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Trainers.Engine;
using MLNetExtensions.Transforms.Data;

namespace MLNetExtensions.Trainers.Tests.Cnn.Integration;

/// <summary>
/// LeNet-5 trained once for the integration tests: 2 epochs on the shipped 6,000-image subset,
/// seeded, on the CPU, read from the IDX reader's <c>Pixels</c> column (vector of 784 floats).
/// </summary>
public sealed class TrainedSubsetModel
{
    public const int Epochs = 2;

    public TrainedSubsetModel()
    {
        Context = new MLContext(seed: 1);
        Test = FashionSubset.Test();
        Options = CreateOptions();
        Model = Context.MulticlassClassification.Trainers.ImageClassificationCnn(Options).Fit(FashionSubset.Train());
    }

    public MLContext Context { get; }

    public IDataView Test { get; }

    public CnnImageClassificationTrainer.Options Options { get; }

    public CnnImageClassificationTransformer Model { get; }

    public static CnnImageClassificationTrainer.Options CreateOptions() => new()
    {
        FeatureColumnName = MnistDataView.PixelsColumnName,
        Architecture = CnnArchitecture.LeNet5(),
        Training = new TrainingOptions
        {
            Epochs = Epochs,
            BatchSize = 64,
            Seed = 7,
            Threads = 2,
            Device = TorchDevice.Cpu,
        },
    };
}

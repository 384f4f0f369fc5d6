using Microsoft.ML;
using MLNetExtensions.Trainers.Engine;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MLNetExtensions.Trainers.Tests.Engine;

/// <summary>The tiny blobs problem most engine tests train on: 240 training and 90 validation rows.</summary>
internal sealed class TrainingScenario
{
    public MLContext Context { get; } = new(seed: 1);

    public IDataView Train { get; }

    public IDataView Validation { get; }

    public VectorExampleReader Reader { get; } = new(SyntheticRow.FeatureLength);

    public TrainingScenario()
    {
        Train = SyntheticRow.Load(Context, SyntheticRow.Blobs(240, seed: 1));
        Validation = SyntheticRow.Load(Context, SyntheticRow.Blobs(90, seed: 2));
    }

    public static TrainingOptions Options(int epochs = 3) => new()
    {
        Epochs = epochs,
        BatchSize = 32,
        LearningRate = 0.01,
        Seed = 7,
        Threads = 1,
        Device = TorchDevice.Cpu,
    };

    public TrainingResult Run(Module<Tensor, Tensor> model, TrainingOptions options, bool validate = true) =>
        SupervisedTrainer.Train(model, Train, validate ? Validation : null, Reader, options);
}

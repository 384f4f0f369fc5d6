using MLNetExtensions.Trainers.Engine;

namespace MLNetExtensions.Trainers.Tests.Engine;

[Collection(TorchGlobalStateCollection.Name)]
public class LiveTensorTests
{
    private readonly TrainingScenario _scenario = new();

    [Fact]
    public void Train_FiveEpochsWithEverything_LiveTensorCountStaysFlat()
    {
        var directory = Path.Combine(Path.GetTempPath(), "engine-live-" + Guid.NewGuid());
        var counts = new List<long>();
        var options = TrainingScenario.Options(epochs: 5);
        options.GradientClipNorm = 0.5;
        options.Schedule = LearningRateScheduleKind.OneCycle;
        options.EarlyStopping = new EarlyStoppingOptions { Patience = 10 };
        options.CheckpointDirectory = directory;
        options.OnEpochEnd = _ => counts.Add(LiveTensors.Count);

        try
        {
            var model = TinyNetworks.Mlp(seed: 1);
            var before = LiveTensors.Count;
            _scenario.Run(model, options);

            Assert.All(counts, c => Assert.Equal(counts[0], c));
            Assert.Equal(before, LiveTensors.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void PredictProbabilities_ManyBatches_LiveTensorCountStaysFlat()
    {
        var predictor = new BatchPredictor(TinyNetworks.Mlp(seed: 1), [SyntheticRow.FeatureLength]);
        var features = new float[64 * SyntheticRow.FeatureLength];
        predictor.PredictProbabilities(features, 64);

        var before = LiveTensors.Count;
        for (var batch = 0; batch < 50; batch++)
        {
            predictor.PredictProbabilities(features, 64 - batch);
        }

        Assert.Equal(before, LiveTensors.Count);
    }

    [Fact]
    public void LiveTensors_UndisposedTensor_IsCounted()
    {
        var before = LiveTensors.Count;
        var tensor = TorchSharp.torch.zeros(3);
        Assert.Equal(before + 1, LiveTensors.Count);

        tensor.Dispose();
        Assert.Equal(before, LiveTensors.Count);
    }
}

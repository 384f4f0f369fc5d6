using MLNetExtensions.Trainers.Engine;

namespace MLNetExtensions.Trainers.Tests.Engine;

public class TrainingOptionsCloneTests
{
    [Fact]
    public void Clone_EverySetting_IsCopiedAndEarlyStoppingIsNotShared()
    {
        using var cancellation = new CancellationTokenSource();
        Action<EpochReport> callback = _ => { };
        var original = new TrainingOptions
        {
            Epochs = 7, BatchSize = 33, LearningRate = 0.05, Optimizer = OptimizerKind.Sgd,
            WeightDecay = 0.2, Momentum = 0.8, Nesterov = true, Schedule = LearningRateScheduleKind.OneCycle,
            WarmupFraction = 0.25, GradientClipNorm = 1.5, Seed = 42, Shuffle = false, ShuffleBufferSize = 99,
            Device = TorchDevice.Cpu, Threads = 3, CheckpointDirectory = "/tmp/x", ResumeFromCheckpoint = true,
            OnEpochEnd = callback, CancellationToken = cancellation.Token,
            EarlyStopping = new EarlyStoppingOptions
            {
                Metric = EarlyStoppingMetric.ValidationAccuracy, Patience = 9, MinDelta = 0.01,
                RestoreBestWeights = false,
            },
        };

        var copy = original.Clone();

        foreach (var property in typeof(TrainingOptions).GetProperties().Where(p => p.Name != "EarlyStopping"))
        {
            Assert.Equal(property.GetValue(original), property.GetValue(copy));
        }

        Assert.NotSame(original.EarlyStopping, copy.EarlyStopping);
        Assert.Equal(9, copy.EarlyStopping!.Patience);
        Assert.Equal(0.01, copy.EarlyStopping.MinDelta);
        Assert.False(copy.EarlyStopping.RestoreBestWeights);
        Assert.Equal(EarlyStoppingMetric.ValidationAccuracy, copy.EarlyStopping.Metric);

        copy.EarlyStopping.Patience = 1;
        copy.Epochs = 1;
        Assert.Equal(9, original.EarlyStopping.Patience);
        Assert.Equal(7, original.Epochs);
    }
}

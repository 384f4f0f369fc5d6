using MLNetExtensions.Trainers.Engine;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MLNetExtensions.Trainers.Tests.Engine;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class CheckpointTests : IDisposable
{
    private readonly TrainingScenario _scenario = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "engine-checkpoint-" + Guid.NewGuid());

    [Theory]
    [InlineData(OptimizerKind.AdamW, LearningRateScheduleKind.OneCycle)]
    [InlineData(OptimizerKind.Sgd, LearningRateScheduleKind.Cosine)]
    public void Resume_AfterInterruptedRun_EqualsUninterruptedRunBitwise(
        OptimizerKind optimizer, LearningRateScheduleKind schedule)
    {
        var uninterrupted = TinyNetworks.Mlp(seed: 1);
        var reference = _scenario.Run(uninterrupted, Options(optimizer, schedule));

        var interrupted = TinyNetworks.Mlp(seed: 1);
        RunUntilCancelledAfterEpoch(interrupted, Options(optimizer, schedule), epoch: 2);

        var resumed = TinyNetworks.Mlp(seed: 99);
        var options = Options(optimizer, schedule);
        options.ResumeFromCheckpoint = true;
        var result = _scenario.Run(resumed, options);

        Assert.Equal(2, result.ResumedAfterEpoch);
        Assert.Equal(TinyNetworks.Weights(uninterrupted), TinyNetworks.Weights(resumed));
        Assert.Equal(reference.History.Select(r => r.TrainLoss), result.History.Select(r => r.TrainLoss));
        Assert.Equal(reference.Seed, result.Seed);
    }

    [Fact]
    public void Resume_WithEarlyStopping_KeepsTrackerAndBestWeights()
    {
        var options = Options(OptimizerKind.AdamW, LearningRateScheduleKind.Constant);
        options.EarlyStopping = new EarlyStoppingOptions { Patience = 10 };
        var uninterrupted = TinyNetworks.Mlp(seed: 1);
        var reference = _scenario.Run(uninterrupted, options);

        RunUntilCancelledAfterEpoch(TinyNetworks.Mlp(seed: 1), options, epoch: 3);
        var resumed = TinyNetworks.Mlp(seed: 5);
        var resumeOptions = Options(OptimizerKind.AdamW, LearningRateScheduleKind.Constant);
        resumeOptions.EarlyStopping = options.EarlyStopping;
        resumeOptions.ResumeFromCheckpoint = true;
        var result = _scenario.Run(resumed, resumeOptions);

        Assert.Equal(reference.BestEpoch, result.BestEpoch);
        Assert.Equal(TinyNetworks.Weights(uninterrupted), TinyNetworks.Weights(resumed));
    }

    [Fact]
    public void Resume_NoCheckpointYet_TrainsFromTheStart()
    {
        var options = Options(OptimizerKind.AdamW, LearningRateScheduleKind.Constant);
        options.ResumeFromCheckpoint = true;

        var result = _scenario.Run(TinyNetworks.Mlp(seed: 1), options);

        Assert.Equal(0, result.ResumedAfterEpoch);
        Assert.Equal(4, result.History.Count);
        Assert.True(File.Exists(Path.Combine(_directory, "latest", "model.bin")));
    }

    [Fact]
    public void Resume_CorruptStateFile_ThrowsInvalidDataNamingTheFile()
    {
        var options = Options(OptimizerKind.AdamW, LearningRateScheduleKind.Constant);
        options.Epochs = 1;
        _scenario.Run(TinyNetworks.Mlp(seed: 1), options);
        var state = Path.Combine(_directory, "latest", "state.json");
        File.WriteAllText(state, "{ not json");
        options.ResumeFromCheckpoint = true;

        var error = Assert.Throws<InvalidDataException>(() => _scenario.Run(TinyNetworks.Mlp(seed: 1), options));

        Assert.Contains(state, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private TrainingOptions Options(OptimizerKind optimizer, LearningRateScheduleKind schedule)
    {
        var options = TrainingScenario.Options(epochs: 4);
        options.Optimizer = optimizer;
        options.Schedule = schedule;
        options.CheckpointDirectory = _directory;
        return options;
    }

    private void RunUntilCancelledAfterEpoch(Module<Tensor, Tensor> model, TrainingOptions options, int epoch)
    {
        using var cancellation = new CancellationTokenSource();
        options.CancellationToken = cancellation.Token;
        options.OnEpochEnd = r =>
        {
            if (r.Epoch == epoch)
            {
                cancellation.Cancel();
            }
        };

        Assert.Throws<OperationCanceledException>(() => _scenario.Run(model, options));
    }
}

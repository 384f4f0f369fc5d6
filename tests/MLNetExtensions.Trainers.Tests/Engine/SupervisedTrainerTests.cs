using MLNetExtensions.Trainers.Engine;

namespace MLNetExtensions.Trainers.Tests.Engine;

[Collection(TorchGlobalStateCollection.Name)]
public class SupervisedTrainerTests
{
    private readonly TrainingScenario _scenario = new();

    [Fact]
    public void Train_SeparableBlobs_ReachesHighValidationAccuracy()
    {
        var model = TinyNetworks.Mlp(seed: 1);

        var result = _scenario.Run(model, TrainingScenario.Options(epochs: 10));

        Assert.Equal(10, result.History.Count);
        Assert.True(result.History[^1].ValidationAccuracy > 0.85, $"accuracy {result.History[^1].ValidationAccuracy}");
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss);
        Assert.Equal("cpu", result.Device);
        Assert.All(result.History, r => Assert.Equal(240, r.Rows));
    }

    [Theory]
    [InlineData(OptimizerKind.AdamW, LearningRateScheduleKind.OneCycle)]
    [InlineData(OptimizerKind.Sgd, LearningRateScheduleKind.Cosine)]
    public void Train_SameSeedTwice_GivesBitwiseEqualWeights(OptimizerKind optimizer, LearningRateScheduleKind schedule)
    {
        var options = TrainingScenario.Options();
        options.Optimizer = optimizer;
        options.Schedule = schedule;
        options.GradientClipNorm = 1.0;

        var first = TinyNetworks.Mlp(seed: 3);
        var second = TinyNetworks.Mlp(seed: 3);
        _scenario.Run(first, options);
        _scenario.Run(second, options);

        Assert.Equal(TinyNetworks.Weights(first), TinyNetworks.Weights(second));
    }

    [Fact]
    public void Train_OtherSeed_GivesOtherWeights()
    {
        var first = TinyNetworks.Mlp(seed: 3);
        var second = TinyNetworks.Mlp(seed: 3);
        var options = TrainingScenario.Options();
        _scenario.Run(first, options);
        options.Seed = 8;
        _scenario.Run(second, options);

        Assert.NotEqual(TinyNetworks.Weights(first), TinyNetworks.Weights(second));
    }

    [Fact]
    public void Train_OneCycle_ReportsTheScheduledRateOfEachEpochsLastStep()
    {
        // 240 rows / 32 = 8 steps per epoch (last one of 16 rows); 3 epochs = 24 steps.
        var options = TrainingScenario.Options();
        options.Schedule = LearningRateScheduleKind.OneCycle;
        var expected = new OneCycleSchedule(options.LearningRate, 24, TrainingOptions.DefaultOneCycleWarmupFraction);

        var result = _scenario.Run(TinyNetworks.Mlp(seed: 1), options);

        Assert.Equal([expected.At(7), expected.At(15), expected.At(23)], result.History.Select(r => r.LearningRate));
    }

    [Fact]
    public void Train_Options_AreNotModified()
    {
        var options = TrainingScenario.Options();
        options.Seed = null;
        options.EarlyStopping = new EarlyStoppingOptions();

        var result = _scenario.Run(TinyNetworks.Mlp(seed: 1), options);

        Assert.Null(options.Seed);
        Assert.Equal(3, options.Epochs);
        Assert.Equal(32, options.BatchSize);
        Assert.Equal(EarlyStoppingOptions.DefaultPatience, options.EarlyStopping.Patience);
        Assert.NotEmpty(result.History);
    }

    [Fact]
    public void Train_ChannelAndCallback_GetOneLinePerEpochWithTheSameNumbers()
    {
        var lines = new List<string>();
        _scenario.Context.Log += (_, e) =>
        {
            if (e.Message.Contains("train loss", StringComparison.Ordinal))
            {
                lines.Add(e.Message);
            }
        };
        var reports = new List<EpochReport>();
        var options = TrainingScenario.Options();
        options.OnEpochEnd = reports.Add;

        using var channel = ((Microsoft.ML.Runtime.IHostEnvironment)_scenario.Context).Start("Training");
        SupervisedTrainer.Train(
            TinyNetworks.Mlp(seed: 1), _scenario.Train, _scenario.Validation, _scenario.Reader, options, channel);

        Assert.Equal(3, lines.Count);
        Assert.Equal([1, 2, 3], reports.Select(r => r.Epoch));
        Assert.All(reports.Zip(lines), p => Assert.EndsWith(p.First.ToString(), p.Second, StringComparison.Ordinal));
        Assert.Contains("Epoch 2/3: train loss", lines[1], StringComparison.Ordinal);
        Assert.All(reports, r => Assert.True(r.ImagesPerSecond > 0 && r.ValidationLoss > 0));
    }
}

using MLNetExtensions.Trainers.Engine;

namespace MLNetExtensions.Trainers.Tests.Engine;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainingFailureTests : IDisposable
{
    private readonly TrainingScenario _scenario = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "engine-failure-" + Guid.NewGuid());

    [Fact]
    public void Train_CancelledAfterFirstEpoch_ThrowsBeforeTheSecondEpochEnds()
    {
        using var cancellation = new CancellationTokenSource();
        var epochs = new List<int>();
        var options = TrainingScenario.Options(epochs: 5);
        options.CancellationToken = cancellation.Token;
        options.OnEpochEnd = r =>
        {
            epochs.Add(r.Epoch);
            cancellation.Cancel();
        };

        Assert.Throws<OperationCanceledException>(() => _scenario.Run(TinyNetworks.Mlp(seed: 1), options));

        Assert.Equal([1], epochs);
    }

    [Fact]
    public void Train_AlreadyCancelled_ChangesNoWeight()
    {
        var model = TinyNetworks.Mlp(seed: 1);
        var before = TinyNetworks.Weights(model);
        var options = TrainingScenario.Options();
        options.CancellationToken = new CancellationToken(canceled: true);

        Assert.Throws<OperationCanceledException>(() => _scenario.Run(model, options));

        Assert.Equal(before, TinyNetworks.Weights(model));
    }

    [Fact]
    public void Train_NaNFeaturesInEpochTwoBatchThree_ThrowsNamingEpochAndBatchAndKeepsCheckpoint()
    {
        // Unshuffled batches of 32 over 240 rows: the 240 rows of epoch 1 (90 validation rows are
        // read between epochs) are fine; the reader then poisons row 70 of epoch 2, in batch 3.
        var poisoned = new VectorExampleReader(SyntheticRow.FeatureLength, read => read == 240 + 90 + 70);
        var options = TrainingScenario.Options();
        options.Shuffle = false;
        options.CheckpointDirectory = _directory;

        var error = Assert.Throws<NotFiniteNumberException>(() => SupervisedTrainer.Train(
            TinyNetworks.Mlp(seed: 1), _scenario.Train, _scenario.Validation, poisoned, options));

        Assert.Contains("epoch 2, batch 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("checkpoint of epoch 1", error.Message, StringComparison.Ordinal);
        Assert.True(double.IsNaN(error.OffendingNumber));
        Assert.Contains("\"Epoch\":1,", File.ReadAllText(Path.Combine(_directory, "latest", "state.json")));
    }

    [Fact]
    public void Train_ZeroBatchSize_ThrowsNamingTheOption()
    {
        var options = TrainingScenario.Options();
        options.BatchSize = 0;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _scenario.Run(TinyNetworks.Mlp(seed: 1), options));

        Assert.Equal("BatchSize", error.ParamName);
        Assert.Contains("BatchSize is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_WarmupOfOne_ThrowsArgumentOutOfRange()
    {
        var options = TrainingScenario.Options();
        options.WarmupFraction = 1;

        Assert.Throws<ArgumentOutOfRangeException>(() => _scenario.Run(TinyNetworks.Mlp(seed: 1), options));
    }

    [Fact]
    public void Train_EmptyTrainingView_ThrowsArgumentException()
    {
        var empty = SyntheticRow.Load(_scenario.Context, []);

        var error = Assert.Throws<ArgumentException>(() => SupervisedTrainer.Train(
            TinyNetworks.Mlp(seed: 1), empty, null, _scenario.Reader, TrainingScenario.Options()));

        Assert.Contains("no rows", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

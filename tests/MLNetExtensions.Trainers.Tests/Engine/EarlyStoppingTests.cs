using Microsoft.ML;
using MLNetExtensions.Trainers.Engine;

namespace MLNetExtensions.Trainers.Tests.Engine;

[Collection(TorchGlobalStateCollection.Name)]
public class EarlyStoppingTests
{
    private readonly TrainingScenario _scenario = new();

    [Fact]
    public void Train_ValidationGetsWorse_StopsAfterPatienceAndRestoresBestEpochWeights()
    {
        // Validation rows carry the "next" class as label, so learning the training task makes the
        // validation loss worse after the first epochs: early stopping must end the run and put
        // back the weights of the epoch with the lowest validation loss.
        var validation = ShiftedLabels(_scenario.Context);
        var model = TinyNetworks.Mlp(seed: 1);
        var weightsByEpoch = new Dictionary<int, float[]>();
        var options = TrainingScenario.Options(epochs: 20);
        options.EarlyStopping = new EarlyStoppingOptions { Patience = 2 };
        options.OnEpochEnd = r => weightsByEpoch[r.Epoch] = TinyNetworks.Weights(model);

        var result = SupervisedTrainer.Train(model, _scenario.Train, validation, _scenario.Reader, options);

        var best = result.History.MinBy(r => r.ValidationLoss)!.Epoch;
        Assert.True(result.StoppedEarly);
        Assert.Equal(best + 2, result.History.Count);
        Assert.Equal(best, result.BestEpoch);
        Assert.Equal(best, result.FinalWeightsEpoch);
        Assert.Equal(weightsByEpoch[best], TinyNetworks.Weights(model));
        Assert.NotEqual(weightsByEpoch[result.History.Count], TinyNetworks.Weights(model));
    }

    [Fact]
    public void Train_AccuracyMetricWithHugeMinDelta_StopsAfterPatiencePlusOneEpochs()
    {
        // No epoch can beat the first by more than 2 (accuracy is at most 1): epochs 2..4 do not improve.
        var options = TrainingScenario.Options(epochs: 10);
        options.EarlyStopping = new EarlyStoppingOptions
        {
            Metric = EarlyStoppingMetric.ValidationAccuracy,
            Patience = 3,
            MinDelta = 2,
            RestoreBestWeights = false,
        };

        var result = _scenario.Run(TinyNetworks.Mlp(seed: 1), options);

        Assert.Equal(4, result.History.Count);
        Assert.Equal(1, result.BestEpoch);
        Assert.Equal(4, result.FinalWeightsEpoch);
        Assert.True(result.StoppedEarly);
    }

    [Fact]
    public void Train_EarlyStoppingWithoutValidation_ThrowsArgumentException()
    {
        var options = TrainingScenario.Options();
        options.EarlyStopping = new EarlyStoppingOptions();

        var error = Assert.Throws<ArgumentException>(
            () => _scenario.Run(TinyNetworks.Mlp(seed: 1), options, validate: false));

        Assert.Contains("validation", error.Message, StringComparison.Ordinal);
    }

    private static IDataView ShiftedLabels(MLContext context)
    {
        var rows = SyntheticRow.Blobs(90, seed: 2);
        foreach (var row in rows)
        {
            row.Label = (row.Label + 1) % SyntheticRow.ClassCount;
        }

        return SyntheticRow.Load(context, rows);
    }
}

using MLNetExtensions.Trainers.Engine;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MLNetExtensions.Trainers.Tests.Engine;

public class BatchPredictorTests
{
    [Fact]
    public void PredictProbabilities_KnownLinearWeights_MatchesHandSoftmax()
    {
        // logits = W x with W = [[1, 0], [0, 2], [1, 1]], no bias. For x = [1, 2]: logits [1, 4, 3];
        // softmax = exp(l - 4) / sum = [e^-3, 1, e^-1] / (1 + e^-1 + e^-3).
        var predictor = new BatchPredictor(Linear3x2(), [2]);

        var probabilities = predictor.PredictProbabilities([1f, 2f, 0f, 0f], 2);

        var sum = 1 + Math.Exp(-1) + Math.Exp(-3);
        float[] expected =
        [
            (float)(Math.Exp(-3) / sum), (float)(1 / sum), (float)(Math.Exp(-1) / sum), 1 / 3f, 1 / 3f, 1 / 3f,
        ];
        Assert.Equal(expected.Length, probabilities.Length);
        Assert.All(expected.Zip(probabilities), p => Assert.Equal(p.First, p.Second, 1e-6f));
    }

    [Fact]
    public void PredictProbabilities_DropoutModel_IsDeterministicInEvalMode()
    {
        var predictor = new BatchPredictor(TinyNetworks.Mlp(seed: 2), [SyntheticRow.FeatureLength]);
        float[] features = [1, 2, 3, 4, -1, 0, 1, 2];

        Assert.Equal(predictor.PredictProbabilities(features, 2), predictor.PredictProbabilities(features, 2));
    }

    [Fact]
    public void PredictProbabilities_ConcurrentCallers_GetTheSequentialResults()
    {
        var predictor = new BatchPredictor(TinyNetworks.Mlp(seed: 2), [SyntheticRow.FeatureLength]);
        var inputs = Enumerable.Range(0, 16)
            .Select(i => Enumerable.Range(0, 32 * 4).Select(j => (float)Math.Sin(i + j)).ToArray()).ToArray();
        var sequential = inputs.Select(x => predictor.PredictProbabilities(x, 32)).ToArray();

        var parallel = new float[inputs.Length][];
        Parallel.For(0, inputs.Length, i => parallel[i] = predictor.PredictProbabilities(inputs[i], 32));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void PredictProbabilities_ShortBuffer_ThrowsNamingTheSizes()
    {
        var predictor = new BatchPredictor(Linear3x2(), [2]);

        var error = Assert.Throws<ArgumentException>(() => predictor.PredictProbabilities([1f, 2f, 3f], 2));

        Assert.Contains("holds 3 floats but 2 examples of 2 need 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictProbabilitiesIntoSpan_KnownLinearWeights_WritesHandSoftmaxAndLeavesTheRest()
    {
        // x = [1, 2]: logits [1, 4, 3] (see the test above); the two slots after them stay untouched.
        var predictor = new BatchPredictor(Linear3x2(), [2]);
        var destination = new float[] { -1, -1, -1, -7, -7 };

        var written = predictor.PredictProbabilities([1f, 2f], 1, destination);

        var sum = 1 + Math.Exp(-1) + Math.Exp(-3);
        Assert.Equal(3, written);
        Assert.Equal(Math.Exp(-3) / sum, destination[0], 1e-6);
        Assert.Equal(1 / sum, destination[1], 1e-6);
        Assert.Equal(Math.Exp(-1) / sum, destination[2], 1e-6);
        Assert.Equal([-7f, -7f], destination[3..]);
    }

    [Fact]
    public void PredictProbabilitiesIntoSpan_ShortDestination_ThrowsNamingTheSizes()
    {
        var predictor = new BatchPredictor(Linear3x2(), [2]);

        var error = Assert.Throws<ArgumentException>(
            () => predictor.PredictProbabilities([1f, 2f, 3f, 4f], 2, new float[5]));

        Assert.Contains("holds 5 floats but 2 examples need 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroDimension_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new BatchPredictor(Linear3x2(), [1, 0, 28]));
    }

    private static Module<Tensor, Tensor> Linear3x2()
    {
        var linear = Linear(2, 3, hasBias: false);
        using (no_grad())
        {
            linear.weight!.copy_(tensor(new float[] { 1, 0, 0, 2, 1, 1 }).reshape(3, 2));
        }

        return linear;
    }
}

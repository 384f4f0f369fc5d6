using MLNetExtensions.Trainers.Engine;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MLNetExtensions.Trainers.Tests.Engine;

public class ValidatorTests
{
    [Fact]
    public void Evaluate_RowsNotAMultipleOfBatch_MatchesNaiveLoopOverAllRows()
    {
        var context = new Microsoft.ML.MLContext(seed: 1);
        var rows = SyntheticRow.Blobs(45, seed: 4);
        var model = FixedLinear();
        var validator = new Validator(new VectorExampleReader(4), 8, [4], CPU);

        var metrics = validator.Evaluate(model, SyntheticRow.Load(context, rows), CancellationToken.None);

        var (loss, accuracy) = NaiveLossAndAccuracy(rows);
        Assert.Equal(45, metrics.Rows);
        Assert.Equal(loss, metrics.Loss, 5);
        Assert.Equal(accuracy, metrics.Accuracy, 12);
        Assert.True(model.training);
    }

    private static Module<Tensor, Tensor> FixedLinear()
    {
        var linear = Linear(4, 3);
        using (no_grad())
        {
            linear.weight!.copy_(tensor(Weights).reshape(3, 4));
            linear.bias!.copy_(tensor(Bias));
        }

        return linear;
    }

    private static readonly float[] Weights = [1, 0, 0, 0.5f, 0, 1, 0, -0.5f, 0, 0, 1, 0.25f];
    private static readonly float[] Bias = [0.1f, -0.2f, 0.05f];

    private static (double Loss, double Accuracy) NaiveLossAndAccuracy(SyntheticRow[] rows)
    {
        double loss = 0;
        var correct = 0;
        foreach (var row in rows)
        {
            var logits = new double[3];
            for (var c = 0; c < 3; c++)
            {
                logits[c] = Bias[c] + Enumerable.Range(0, 4).Sum(d => (double)Weights[(c * 4) + d] * row.Features[d]);
            }

            var logSum = Math.Log(logits.Sum(Math.Exp));
            loss += logSum - logits[row.Label];
            correct += Array.IndexOf(logits, logits.Max()) == row.Label ? 1 : 0;
        }

        return (loss / rows.Length, correct / (double)rows.Length);
    }
}

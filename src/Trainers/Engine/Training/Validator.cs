using Microsoft.ML;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>Evaluates a classifier over every row of a data view in evaluation mode without gradients.</summary>
internal sealed class Validator(IExampleReader reader, int batchSize, long[] featureShape, Device device)
{
    private readonly ExampleBatch _buffer = new(batchSize, (int)featureShape.Aggregate(1L, (a, b) => a * b));

    /// <summary>
    /// Loss and accuracy of <paramref name="model"/> on <paramref name="data"/>; restores training mode.
    /// </summary>
    /// <exception cref="ArgumentException">The view has no rows.</exception>
    public ValidationMetrics Evaluate(Module<Tensor, Tensor> model, IDataView data, CancellationToken cancellation)
    {
        double lossSum = 0;
        long correct = 0, rows = 0;
        model.eval();
        try
        {
            using var batches = BatchStream.InOrder(data, reader, withLabels: true);
            while (batches.TryFill(_buffer))
            {
                cancellation.ThrowIfCancellationRequested();
                var (loss, hits) = Score(model);
                lossSum += loss;
                correct += hits;
                rows += _buffer.Count;
            }
        }
        finally
        {
            model.train();
        }

        return rows == 0
            ? throw new ArgumentException("The validation data view has no rows.", nameof(data))
            : new ValidationMetrics(lossSum / rows, correct / (double)rows, rows);
    }

    private (double LossSum, long Correct) Score(Module<Tensor, Tensor> model)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var labels = BatchTensors.Labels(_buffer, device);                              // [N]
        var logits = model.forward(BatchTensors.Features(_buffer, featureShape, device)); // [N, classes]
        var loss = functional.cross_entropy(logits, labels, reduction: Reduction.Sum);
        var correct = logits.argmax(1).eq(labels).sum();
        return (loss.item<float>(), correct.item<long>());
    }
}

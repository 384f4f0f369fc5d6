using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>One optimizer step on one batch: forward, cross-entropy, backward, optional clipping, update.</summary>
internal sealed class TrainingStep(
    Module<Tensor, Tensor> model,
    OptimizerHelper optimizer,
    double? clipNorm,
    long[] featureShape,
    Device device)
{
    private readonly Parameter[] _parameters = model.parameters().ToArray();

    /// <summary>
    /// Runs the step in its own dispose scope and returns the batch's mean loss. When the loss is
    /// NaN or infinite the weights are left untouched (no backward pass, no update).
    /// </summary>
    public float Run(ExampleBatch batch)
    {
        using var scope = NewDisposeScope();
        var input = BatchTensors.Features(batch, featureShape, device);   // [N, ..featureShape]
        var labels = BatchTensors.Labels(batch, device);                  // [N]

        optimizer.zero_grad();
        var loss = functional.cross_entropy(model.forward(input), labels);
        var value = loss.item<float>();
        if (!float.IsFinite(value))
        {
            return value;
        }

        loss.backward();
        if (clipNorm is { } maxNorm)
        {
            GradientClipping.ClipByGlobalNorm(_parameters, maxNorm);
        }

        optimizer.step();
        return value;
    }
}

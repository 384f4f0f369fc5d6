using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Cnn.Scoring;

/// <summary>
/// Runs a trained network on a batch of CHW images and returns softmax probabilities. Each call runs
/// under <c>no_grad</c>, in eval mode and in its own dispose scope, so no tensor outlives it.
/// </summary>
internal sealed class BatchScorer
{
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly long[] _imageShape;
    private readonly int _featureLength;
    private readonly Lock _gate = new();

    /// <summary>Wraps <paramref name="network"/>, switching it to eval mode.</summary>
    /// <param name="network">Maps [N, C, H, W] to logits [N, classes].</param>
    /// <param name="imageShape">C, H, W.</param>
    /// <param name="classCount">Number of classes.</param>
    public BatchScorer(nn.Module<Tensor, Tensor> network, long[] imageShape, int classCount)
    {
        _network = network;
        _network.eval();
        _imageShape = imageShape;
        _featureLength = (int)(imageShape[0] * imageShape[1] * imageShape[2]);
        ClassCount = classCount;
    }

    /// <summary>Number of probabilities per row.</summary>
    public int ClassCount { get; }

    /// <summary>
    /// Scores the first <paramref name="rows"/> images of <paramref name="features"/> into
    /// <paramref name="probabilities"/> (row-major, <see cref="ClassCount"/> per row).
    /// </summary>
    /// <remarks>Calls are serialised: one forward pass at a time, each using libtorch's intra-op threads.</remarks>
    public void Score(float[] features, int rows, float[] probabilities)
    {
        if (rows == 0)
        {
            return;
        }

        lock (_gate)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var device = _network.parameters().FirstOrDefault()?.device ?? CPU;
            long[] shape = [rows, _imageShape[0], _imageShape[1], _imageShape[2]];
            var batch = tensor(features.AsSpan(0, rows * _featureLength).ToArray(), shape).to(device); // [N, C, H, W]
            var probs = nn.functional.softmax(_network.forward(batch), 1).cpu();                       // [N, classes]
            probs.data<float>().CopyTo(probabilities.AsSpan(0, rows * ClassCount));
        }
    }
}

using System.Runtime.InteropServices;
using MLNetExtensions.Trainers.Torch;
using TorchSharp;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// Scores batches of examples with a classification network: evaluation mode, no gradients, one
/// dispose scope per batch; returns softmax probabilities.
/// </summary>
/// <remarks>
/// Safe for concurrent calls from several threads (for example parallel <c>Transform</c> cursors)
/// as long as nothing else changes the module meanwhile: gradient mode and dispose scopes are
/// per thread in TorchSharp, and the module is not mutated by a forward pass in evaluation mode.
/// </remarks>
public sealed class BatchPredictor
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly long[] _featureShape;
    private readonly Device _device;

    /// <summary>
    /// Prepares <paramref name="model"/> for scoring: moves it to the device and sets evaluation mode.
    /// </summary>
    /// <param name="model">The network; output logits [N, classes].</param>
    /// <param name="featureShape">The shape of one example, for example [channels, height, width].</param>
    /// <param name="device">The device to score on; <see cref="TorchDevice.Cpu"/> when omitted.</param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="model"/> or <paramref name="featureShape"/> is null.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="featureShape"/> is empty or has a non-positive dimension.
    /// </exception>
    /// <exception cref="NotSupportedException">CUDA was asked for but is not available.</exception>
    public BatchPredictor(Module<Tensor, Tensor> model, IReadOnlyList<long> featureShape, TorchDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(featureShape);
        if (featureShape.Count == 0 || featureShape.Any(d => d <= 0))
        {
            throw new ArgumentException(
                $"The feature shape [{string.Join(", ", featureShape)}] must have at least one dimension, " +
                "all positive.",
                nameof(featureShape));
        }

        _featureShape = featureShape.ToArray();
        FeatureLength = checked((int)_featureShape.Aggregate(1L, (a, b) => a * b));
        _device = TorchRuntime.Resolve(device ?? TorchDevice.Cpu);
        _model = model;
        _model.to(_device);
        _model.eval();
    }

    /// <summary>Floats per example: the product of the feature shape.</summary>
    public int FeatureLength { get; }

    /// <summary>
    /// Softmax probabilities for <paramref name="count"/> examples laid out row-major in <paramref name="features"/>.
    /// </summary>
    /// <param name="features">At least <paramref name="count"/> x <see cref="FeatureLength"/> floats.</param>
    /// <param name="count">The number of examples in the batch.</param>
    /// <returns>count x classes probabilities, row-major.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="features"/> holds fewer than count examples.</exception>
    public float[] PredictProbabilities(ReadOnlySpan<float> features, int count)
    {
        using var scope = NewDisposeScope();
        return TensorMemory.ToFloats(Probabilities(features, count));
    }

    /// <summary>
    /// Writes the softmax probabilities of <paramref name="count"/> examples into <paramref name="destination"/>,
    /// row-major, without allocating a managed array: the form for scoring loops that reuse one buffer.
    /// </summary>
    /// <param name="features">At least <paramref name="count"/> x <see cref="FeatureLength"/> floats.</param>
    /// <param name="count">The number of examples in the batch.</param>
    /// <param name="destination">Room for at least count x classes probabilities.</param>
    /// <returns>The number of probabilities written: count x classes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="features"/> holds fewer than count examples, or
    /// <paramref name="destination"/> is shorter than count x classes.</exception>
    public int PredictProbabilities(ReadOnlySpan<float> features, int count, Span<float> destination)
    {
        using var scope = NewDisposeScope();
        var probabilities = Probabilities(features, count).cpu();     // [count, classes]
        var written = checked((int)probabilities.numel());
        if (destination.Length < written)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} floats but {count} examples need {written} " +
                $"({written / count} classes each).",
                nameof(destination));
        }

        MemoryMarshal.Cast<byte, float>(probabilities.contiguous().bytes).CopyTo(destination);
        return written;
    }

    /// <summary>Softmax probabilities [count, classes] on the scoring device, inside the caller's scope.</summary>
    private Tensor Probabilities(ReadOnlySpan<float> features, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var needed = (long)count * FeatureLength;
        if (features.Length < needed)
        {
            throw new ArgumentException(
                $"The feature buffer holds {features.Length} floats but {count} examples of " +
                $"{FeatureLength} need {needed}.",
                nameof(features));
        }

        using var noGrad = no_grad();
        var input = TensorMemory.FromFloats(features[..(int)needed], BatchTensors.Shape(count, _featureShape));
        var onDevice = _device.type == DeviceType.CPU ? input : input.to(_device);
        return functional.softmax(_model.forward(onDevice), 1);
    }
}

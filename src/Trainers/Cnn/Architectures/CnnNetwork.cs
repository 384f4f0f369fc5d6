using MLNetExtensions.Trainers.Cnn.Architectures.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>
/// A convolutional classifier built from a <see cref="CnnArchitecture"/>: input <c>[N, C, H, W]</c>
/// float, output logits <c>[N, classCount]</c> (softmax is left to the caller).
/// </summary>
/// <remarks>
/// Layers run in order and are registered under stable names ("conv1", "conv1_relu", "pool1",
/// "flatten", "fc1", ...), so <c>state_dict</c> keys are stable across builds of the same
/// architecture and <see cref="ForwardTo"/> can return the output of any named layer.
/// </remarks>
public sealed class CnnNetwork : nn.Module<Tensor, Tensor>
{
    private readonly NamedLayer[] _layers;

    internal CnnNetwork(
        CnnArchitecture architecture,
        ImageShape inputShape,
        int classCount,
        IReadOnlyList<NamedLayer> layers)
        : base(architecture.Name)
    {
        Architecture = architecture;
        InputShape = inputShape;
        ClassCount = classCount;
        _layers = [.. layers];
        foreach (var layer in _layers)
        {
            register_module(layer.Name, layer.Module);
        }
    }

    /// <summary>Gets the architecture this network was built from.</summary>
    public CnnArchitecture Architecture { get; }

    /// <summary>Gets the shape of one input image.</summary>
    public ImageShape InputShape { get; }

    /// <summary>Gets the number of classes (the width of the output logits).</summary>
    public int ClassCount { get; }

    /// <summary>Gets the names of the top-level layers, in the order they run.</summary>
    public IReadOnlyList<string> LayerNames => Array.ConvertAll(_layers, l => l.Name);

    internal IReadOnlyList<NamedLayer> Layers => _layers;

    /// <summary>Computes the logits of a batch.</summary>
    /// <param name="input">Images, <c>[N, C, H, W]</c> float, C/H/W as in <see cref="InputShape"/>.</param>
    /// <returns>Logits, <c>[N, ClassCount]</c>.</returns>
    public override Tensor forward(Tensor input) => RunThrough(input, _layers.Length - 1);

    /// <summary>Runs the network up to and including the named layer and returns that layer's output.</summary>
    /// <param name="input">Images, <c>[N, C, H, W]</c> float.</param>
    /// <param name="layerName">A name from <see cref="LayerNames"/>.</param>
    /// <returns>The output of the named layer for the batch.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layerName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The network has no layer of that name.</exception>
    public Tensor ForwardTo(Tensor input, string layerName)
    {
        ArgumentNullException.ThrowIfNull(layerName);
        int index = Array.FindIndex(_layers, l => l.Name == layerName);
        if (index < 0)
        {
            throw new ArgumentException(
                $"The network has no layer named '{layerName}'. Its layers are: {string.Join(", ", LayerNames)}.",
                nameof(layerName));
        }

        return RunThrough(input, index);
    }

    private Tensor RunThrough(Tensor input, int lastIndex)
    {
        var x = input;
        for (int i = 0; i <= lastIndex; i++)
        {
            var next = _layers[i].Module.forward(x);

            // Free intermediate handles early; in-place layers (ReLU) hand back the same tensor.
            if (!ReferenceEquals(x, input) && !ReferenceEquals(x, next))
            {
                x.Dispose();
            }

            x = next;
        }

        return x;
    }
}

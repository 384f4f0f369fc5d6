using MLNetExtensions.Trainers.Cnn.Architectures;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Cnn;

/// <summary>Looking inside a trained classifier: its layers, its filters and its feature maps.</summary>
public sealed partial class CnnImageClassificationTransformer
{
    /// <summary>Each layer's output shape and parameter count, and the totals.</summary>
    /// <returns>The summary; <c>ToString()</c> prints it as a table.</returns>
    public ModelSummary GetSummary() => ModelSummary.Create(Network);

    /// <summary>Writes the first convolution layer's filters as a PNG grid (one tile per filter).</summary>
    /// <param name="path">The PNG file to create or overwrite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void WriteFilterImage(string path) => FeatureVisualizer.WriteFilters(Network, path);

    /// <summary>
    /// Writes the feature maps that the named layer computes for one image, as a PNG grid.
    /// </summary>
    /// <param name="pixels">
    /// The image as raw pixel values in channel-height-width order, on the same scale as the training
    /// input (for example 0 to 255); they are normalised exactly as for scoring.
    /// </param>
    /// <param name="layerName">A layer that outputs feature maps, for example <c>conv1</c> or <c>pool2</c>
    /// (see <see cref="ModelSummary.Layers"/>).</param>
    /// <param name="path">The PNG file to create or overwrite.</param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="layerName"/> or <paramref name="path"/> is null.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="pixels"/> does not hold one image of <see cref="InputShape"/>, or the layer does not
    /// exist or outputs a vector.
    /// </exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void WriteFeatureMapImage(ReadOnlySpan<float> pixels, string layerName, string path)
    {
        if (pixels.Length != _input.FeatureLength)
        {
            throw new ArgumentException(
                $"Expected one {InputShape} image ({_input.FeatureLength} values) but got {pixels.Length} values.",
                nameof(pixels));
        }

        var normalized = pixels.ToArray();
        _input.Normalization.Apply(normalized, InputShape.Channels);

        using var scope = NewDisposeScope();
        var image = tensor(normalized, [InputShape.Channels, InputShape.Height, InputShape.Width]);
        FeatureVisualizer.WriteFeatureMaps(Network, image, layerName, path);
    }

    private CnnNetwork Network => _network as CnnNetwork
        ?? throw new InvalidOperationException(
            $"The classifier's network is a {_network.GetType().Name}, not a CnnNetwork.");
}

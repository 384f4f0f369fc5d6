using MLNetExtensions.Trainers.Cnn.Architectures.Visualization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>
/// Draws what a <see cref="CnnNetwork"/> has learned as PNG grids: the filters of its first convolution,
/// and the feature maps that a named layer produces for one image.
/// </summary>
/// <remarks>
/// Each tile (one filter or one feature map) is min-max scaled to black..white on its own, so
/// tiles show patterns, not magnitudes comparable across tiles; a constant tile is black. Tiles are
/// enlarged by an integer <c>scale</c> (nearest neighbour) and laid out in a near-square grid
/// (ceil(sqrt(n)) columns) separated by white lines of <c>spacing</c> pixels. Filters with three
/// input channels are drawn in colour; others show the mean over their input channels.
/// </remarks>
public static class FeatureVisualizer
{
    /// <summary>Default enlargement of filter tiles (a 5x5 kernel becomes 40x40 pixels).</summary>
    public const int DefaultFilterScale = 8;

    /// <summary>Default enlargement of feature-map tiles.</summary>
    public const int DefaultMapScale = 4;

    /// <summary>Default width in pixels of the white lines between tiles.</summary>
    public const int DefaultSpacing = 1;

    /// <summary>Renders the filters of the network's first convolution as a PNG grid, one tile per filter.</summary>
    /// <param name="network">The network.</param>
    /// <param name="scale">Enlargement factor of each tile (at least 1).</param>
    /// <param name="spacing">Width of the lines between tiles (at least 0).</param>
    /// <returns>The PNG file contents.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="scale"/> is below 1 or <paramref name="spacing"/> is negative.
    /// </exception>
    /// <exception cref="ArgumentException">The network has no convolution layer.</exception>
    public static byte[] RenderFilters(
        CnnNetwork network,
        int scale = DefaultFilterScale,
        int spacing = DefaultSpacing)
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckLayout(scale, spacing);
        using var scope = NewDisposeScope();
        var weight = FirstConvolution(network).weight!.detach().cpu();  // [Co, Ci, K, K]
        long inChannels = weight.shape[1];
        var shown = inChannels == 3 ? weight : weight.mean([1], keepdim: true);
        return RenderTiles(shown, scale, spacing);
    }

    /// <summary>Writes the filters of the network's first convolution to a PNG file.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The PNG file to create or overwrite.</param>
    /// <param name="scale">Enlargement factor of each tile (at least 1).</param>
    /// <param name="spacing">Width of the lines between tiles (at least 0).</param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="network"/> or <paramref name="path"/> is <see langword="null"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="scale"/> is below 1 or <paramref name="spacing"/> is negative.
    /// </exception>
    /// <exception cref="ArgumentException">The network has no convolution layer.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteFilters(
        CnnNetwork network,
        string path,
        int scale = DefaultFilterScale,
        int spacing = DefaultSpacing)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllBytes(path, RenderFilters(network, scale, spacing));
    }

    /// <summary>
    /// Renders the feature maps of the named layer for one image as a PNG grid, one tile per channel.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="image">
    /// One image, <c>[C, H, W]</c> or <c>[1, C, H, W]</c>, matching the network's input shape.
    /// </param>
    /// <param name="layerName">A layer from <see cref="CnnNetwork.LayerNames"/> that outputs feature maps.</param>
    /// <param name="scale">Enlargement factor of each tile (at least 1).</param>
    /// <param name="spacing">Width of the lines between tiles (at least 0).</param>
    /// <returns>The PNG file contents.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="scale"/> is below 1 or <paramref name="spacing"/> is negative.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// The image does not match the input shape, the layer does not exist, or it outputs a vector
    /// rather than feature maps.
    /// </exception>
    public static byte[] RenderFeatureMaps(
        CnnNetwork network,
        Tensor image,
        string layerName,
        int scale = DefaultMapScale,
        int spacing = DefaultSpacing)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(layerName);
        CheckLayout(scale, spacing);
        using var scope = NewDisposeScope();
        var maps = LayerOutput(network, AsBatchOfOne(network, image), layerName);  // [1, C, H, W]
        return RenderTiles(maps.squeeze(0).unsqueeze(1), scale, spacing);
    }

    /// <summary>Writes the feature maps of the named layer for one image to a PNG file.</summary>
    /// <param name="network">The network.</param>
    /// <param name="image">
    /// One image, <c>[C, H, W]</c> or <c>[1, C, H, W]</c>, matching the network's input shape.
    /// </param>
    /// <param name="layerName">A layer from <see cref="CnnNetwork.LayerNames"/> that outputs feature maps.</param>
    /// <param name="path">The PNG file to create or overwrite.</param>
    /// <param name="scale">Enlargement factor of each tile (at least 1).</param>
    /// <param name="spacing">Width of the lines between tiles (at least 0).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="scale"/> is below 1 or <paramref name="spacing"/> is negative.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// The image does not match the input shape, the layer does not exist, or it outputs a vector
    /// rather than feature maps.
    /// </exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteFeatureMaps(
        CnnNetwork network,
        Tensor image,
        string layerName,
        string path,
        int scale = DefaultMapScale,
        int spacing = DefaultSpacing)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllBytes(path, RenderFeatureMaps(network, image, layerName, scale, spacing));
    }

    private static void CheckLayout(int scale, int spacing)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(spacing);
    }

    private static Conv2d FirstConvolution(CnnNetwork network) =>
        network.Layers.Select(l => l.Module).OfType<Conv2d>().FirstOrDefault()
        ?? throw new ArgumentException(
            $"The {network.Architecture.Name} network has no top-level convolution layer to draw.",
            nameof(network));

    private static Tensor AsBatchOfOne(CnnNetwork network, Tensor image)
    {
        var input = image.dim() == 3 ? image.unsqueeze(0) : image;
        var s = network.InputShape;
        long[] expected = [1, s.Channels, s.Height, s.Width];
        if (!input.shape.SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"The image has shape [{string.Join(", ", image.shape)}], but the network takes one image of "
                + $"[{s.Channels}, {s.Height}, {s.Width}] (optionally with a leading batch dimension of 1).",
                nameof(image));
        }

        return input.to_type(ScalarType.Float32);
    }

    private static Tensor LayerOutput(CnnNetwork network, Tensor input, string layerName)
    {
        bool wasTraining = network.training;
        network.eval();
        try
        {
            using var _ = no_grad();
            var output = network.ForwardTo(input, layerName);
            if (output.dim() != 4)
            {
                throw new ArgumentException(
                    $"Layer '{layerName}' outputs [{string.Join(", ", output.shape)}], a vector per image, "
                    + "not feature maps [1, C, H, W]; choose a layer before 'flatten'.",
                    nameof(layerName));
            }

            return output;
        }
        finally
        {
            network.train(wasTraining);
        }
    }

    /// <summary>Renders <c>[n, c, h, w]</c> (c = 1 or 3) as a grid of n tiles.</summary>
    private static byte[] RenderTiles(Tensor tiles, int scale, int spacing)
    {
        int count = (int)tiles.shape[0];
        int channels = (int)tiles.shape[1];
        var grid = new TileGrid(count, (int)tiles.shape[2], (int)tiles.shape[3], scale, spacing);
        var values = tiles.contiguous().to_type(ScalarType.Float32).cpu().data<float>().ToArray();
        int size = values.Length / count;
        var perTile = Enumerable.Range(0, count).Select(t => values[(t * size)..((t + 1) * size)]).ToArray();
        return PngEncoder.Encode(grid.Render(perTile, channels), grid.Width, grid.Height);
    }
}

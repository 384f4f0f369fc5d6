using System.Globalization;
using System.Text;

namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>
/// Each top-level layer of a <see cref="CnnNetwork"/> with its output shape and parameter count, and the
/// totals, as data (<see cref="Layers"/>) and as a printable table (<see cref="ToString"/>).
/// </summary>
/// <remarks>
/// Output shapes come from the size rule W_o = (W_i + 2p - K)/s + 1 applied while the network was
/// built; parameter counts are those of the layer's TorchSharp parameters (a convolution has
/// C_o*K*K*C_i weights plus C_o biases; batch norm has 2*C learned values, its running statistics
/// are buffers and are not counted, as in PyTorch).
/// </remarks>
public sealed class ModelSummary
{
    private ModelSummary(ImageShape input, IReadOnlyList<LayerSummary> layers, long trainable)
    {
        InputShape = input;
        Layers = layers;
        TotalParameters = layers.Sum(l => l.ParameterCount);
        TrainableParameters = trainable;
    }

    /// <summary>Gets the shape of one input image.</summary>
    public ImageShape InputShape { get; }

    /// <summary>Gets the rows, one per top-level layer, in the order the layers run.</summary>
    public IReadOnlyList<LayerSummary> Layers { get; }

    /// <summary>Gets the number of parameters of the whole network.</summary>
    public long TotalParameters { get; }

    /// <summary>Gets the number of parameters that require gradients.</summary>
    public long TrainableParameters { get; }

    /// <summary>Summarises a network.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public static ModelSummary Create(CnnNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var rows = network.Layers
            .Select(l => new LayerSummary(l.Name, l.Kind, l.OutputShape, l.Module.parameters().Sum(p => p.numel())))
            .ToArray();
        long trainable = network.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
        return new ModelSummary(network.InputShape, rows, trainable);
    }

    /// <summary>Returns the summary as a fixed-width table with a totals line.</summary>
    /// <returns>The table.</returns>
    public override string ToString()
    {
        int nameWidth = Math.Max(5, Layers.Max(l => l.Name.Length));
        int kindWidth = Math.Max(4, Layers.Max(l => l.Kind.Length));
        var text = new StringBuilder();
        AppendRow(text, [("Layer", nameWidth), ("Kind", kindWidth), ("Output", 12)], "Params");
        AppendRow(text, [("input", nameWidth), ("", kindWidth), (InputShape.ToString(), 12)], "");
        foreach (var l in Layers)
        {
            var cells = new[] { (l.Name, nameWidth), (l.Kind, kindWidth), (l.OutputShapeText, 12) };
            AppendRow(text, cells, Count(l.ParameterCount));
        }

        text.Append(CultureInfo.InvariantCulture, $"Total parameters: {Count(TotalParameters)}").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Trainable parameters: {Count(TrainableParameters)}").AppendLine();
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, (string Text, int Width)[] cells, string count)
    {
        foreach (var (cell, width) in cells)
        {
            text.Append(cell.PadRight(width + 2));
        }

        text.Append(count.PadLeft(12)).AppendLine();
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace MLNetExtensions.Trainers.Cnn.Architectures.Layers;

/// <summary>The output-size rule of convolution and pooling: W_o = (W_i + 2p - K)/s + 1.</summary>
internal static class LayerSize
{
    /// <summary>Applies the rule to one spatial dimension and insists on a positive whole result.</summary>
    /// <param name="layer">Name of the layer, quoted in the error.</param>
    /// <param name="dimension">"height" or "width", quoted in the error.</param>
    /// <param name="input">Input size W_i.</param>
    /// <param name="kernel">Kernel size K.</param>
    /// <param name="padding">Padding p.</param>
    /// <param name="stride">Stride s.</param>
    /// <returns>The output size W_o.</returns>
    /// <exception cref="ArgumentException">W_o is not a positive whole number.</exception>
    public static int Output(string layer, string dimension, int input, int kernel, int padding, int stride)
    {
        int span = input + (2 * padding) - kernel;
        if (span >= 0 && span % stride == 0)
        {
            return (span / stride) + 1;
        }

        double exact = ((double)span / stride) + 1;
        string value = exact.ToString("0.###", CultureInfo.InvariantCulture);
        string reason = exact <= 0 ? "not positive" : "not a whole number";
        throw new ArgumentException(
            $"{layer}: ({input} + 2*{padding} - {kernel})/{stride} + 1 = {value} is {reason}, so the layer "
            + $"has no valid output {dimension} for an input {dimension} of {input}. Change the kernel, "
            + "padding or stride of this layer, or the input size.",
            "input");
    }
}

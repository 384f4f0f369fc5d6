namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>One row of a <see cref="ModelSummary"/>: a top-level layer, its output shape and its parameters.</summary>
/// <param name="Name">Registered layer name (for example "conv1").</param>
/// <param name="Kind">What the layer is (for example "Conv2d 5x5/1 pad 2").</param>
/// <param name="OutputShape">Output shape of one example, without the batch dimension ([C, H, W] or [F]).</param>
/// <param name="ParameterCount">Number of learned values (weights and biases) in the layer.</param>
public sealed record LayerSummary(string Name, string Kind, IReadOnlyList<int> OutputShape, long ParameterCount)
{
    /// <summary>Gets the output shape written as <c>CxHxW</c> or <c>F</c>.</summary>
    public string OutputShapeText => string.Join("x", OutputShape);
}

using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Cnn.Architectures.Layers;

/// <summary>A top-level layer of a network with its stable name and its output shape for one image.</summary>
/// <param name="Name">Registered name (for example "conv1").</param>
/// <param name="Kind">Human-readable kind (for example "Conv2d 5x5").</param>
/// <param name="Module">The TorchSharp module.</param>
/// <param name="OutputShape">Output shape of one example, without the batch dimension.</param>
internal sealed record NamedLayer(string Name, string Kind, nn.Module<Tensor, Tensor> Module, int[] OutputShape);

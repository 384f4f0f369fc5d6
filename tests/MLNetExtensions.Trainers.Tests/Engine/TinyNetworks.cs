using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MLNetExtensions.Trainers.Tests.Engine;

/// <summary>Small networks for engine tests, built after seeding so their weights are reproducible.</summary>
internal static class TinyNetworks
{
    /// <summary>4 -> 16 -> ReLU -> Dropout(0.2) -> 3.</summary>
    public static Module<Tensor, Tensor> Mlp(int seed)
    {
        torch.manual_seed(seed);
        return Sequential(
            ("fc1", Linear(SyntheticRow.FeatureLength, 16)),
            ("relu", ReLU()),
            ("drop", Dropout(0.2)),
            ("fc2", Linear(16, SyntheticRow.ClassCount)));
    }

    /// <summary>All parameters and buffers, flattened, in name order.</summary>
    public static float[] Weights(Module model)
    {
        using var scope = NewDisposeScope();
        return model.state_dict().OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value.detach().cpu().data<float>().ToArray()).ToArray();
    }
}

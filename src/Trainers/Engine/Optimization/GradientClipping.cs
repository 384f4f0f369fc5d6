using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>Gradient clipping by global L2 norm, as torch.nn.utils.clip_grad_norm_.</summary>
internal static class GradientClipping
{
    /// <summary>
    /// Scales all gradients by min(1, maxNorm / (norm + 1e-6)), where norm is the L2 norm of all
    /// gradients concatenated, and returns that norm (before scaling).
    /// </summary>
    public static double ClipByGlobalNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        using var scope = NewDisposeScope();
        var grads = parameters.Select(p => p.grad).OfType<Tensor>().ToList();
        if (grads.Count == 0)
        {
            return 0;
        }

        var squares = grads.Select(g => g.detach().pow(2).sum()).ToArray();
        var norm = stack(squares).sum().sqrt().item<float>();
        var factor = maxNorm / (norm + 1e-6);
        if (factor < 1)
        {
            using var noGrad = no_grad();
            foreach (var grad in grads)
            {
                grad.mul_(factor);
            }
        }

        return norm;
    }
}

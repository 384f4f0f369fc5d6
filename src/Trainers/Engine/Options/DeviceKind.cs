namespace MLNetExtensions.Trainers.Engine;

/// <summary>Where tensors live and computation runs.</summary>
public enum DeviceKind
{
    /// <summary>A CUDA device when <c>torch.cuda.is_available()</c>, otherwise the CPU.</summary>
    Auto,

    /// <summary>The CPU. The tested path; runs are reproducible for a given seed and thread count.</summary>
    Cpu,

    /// <summary>The CUDA device <see cref="TorchDevice.CudaIndex"/>; needs a CUDA TorchSharp backend package.</summary>
    Cuda,
}

namespace MLNetExtensions.Trainers.Engine;

/// <summary>A device choice: CPU, a CUDA device by index, or automatic.</summary>
/// <param name="Kind">The kind of device.</param>
/// <param name="CudaIndex">The CUDA device index; used only when <paramref name="Kind"/> is
/// <see cref="DeviceKind.Cuda"/>.</param>
public readonly record struct TorchDevice(DeviceKind Kind, int CudaIndex = 0)
{
    /// <summary>CUDA device 0 when available, otherwise the CPU.</summary>
    public static TorchDevice Auto => new(DeviceKind.Auto);

    /// <summary>The CPU.</summary>
    public static TorchDevice Cpu => new(DeviceKind.Cpu);

    /// <summary>The CUDA device with the given index.</summary>
    /// <param name="index">The zero-based CUDA device index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static TorchDevice Cuda(int index = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new TorchDevice(DeviceKind.Cuda, index);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Kind == DeviceKind.Cuda ? $"cuda:{CudaIndex}" : Kind.ToString().ToLowerInvariant();
}

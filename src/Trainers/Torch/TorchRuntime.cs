using MLNetExtensions.Trainers.Engine;
using TorchSharp;

namespace MLNetExtensions.Trainers.Torch;

/// <summary>Process-wide TorchSharp settings: device resolution, thread count and seeding.</summary>
internal static class TorchRuntime
{
    /// <summary>Turns a device choice into a torch device, checking that it exists.</summary>
    /// <exception cref="NotSupportedException">CUDA was asked for but this TorchSharp backend has none.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The CUDA index is not below the device count.</exception>
    /// <remarks>
    /// Also applies <see cref="NativeHeapTuning"/> the first time: before the first training epoch or
    /// scored batch (a network's weights may already exist; the settings govern later allocations).
    /// </remarks>
    public static torch.Device Resolve(TorchDevice device)
    {
        NativeHeapTuning.EnsureApplied();
        switch (device.Kind)
        {
            case DeviceKind.Cpu:
                return torch.CPU;
            case DeviceKind.Auto:
                return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
            default:
                return ResolveCuda(device.CudaIndex);
        }
    }

    /// <summary>Sets torch's intra-op thread count when <paramref name="threads"/> has a value.</summary>
    public static void ApplyThreads(int? threads)
    {
        if (threads is { } count && torch.get_num_threads() != count)
        {
            torch.set_num_threads(count);
        }
    }

    /// <summary>Seeds torch's default generator (and CUDA's, when present).</summary>
    public static void Seed(int seed)
    {
        torch.manual_seed(seed);
        if (torch.cuda.is_available())
        {
            torch.cuda.manual_seed_all(seed);
        }
    }

    private static torch.Device ResolveCuda(int index)
    {
        if (!torch.cuda.is_available())
        {
            throw new NotSupportedException(
                $"CUDA device {index} was requested, but torch.cuda.is_available() is false. Reference a CUDA " +
                "backend package (TorchSharp-cuda-linux or TorchSharp-cuda-windows) or choose DeviceKind.Cpu.");
        }

        var count = torch.cuda.device_count();
        if (index >= count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), index, $"CUDA device {index} was requested, but only {count} CUDA device(s) exist.");
        }

        return torch.device(DeviceType.CUDA, index);
    }
}

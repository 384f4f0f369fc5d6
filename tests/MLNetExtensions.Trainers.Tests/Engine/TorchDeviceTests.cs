using MLNetExtensions.Trainers.Engine;
using MLNetExtensions.Trainers.Torch;
using TorchSharp;

namespace MLNetExtensions.Trainers.Tests.Engine;

public class TorchDeviceTests
{
    [Fact]
    public void Resolve_Cpu_IsCpu()
    {
        Assert.Equal(DeviceType.CPU, TorchRuntime.Resolve(TorchDevice.Cpu).type);
    }

    [Fact]
    public void Resolve_Auto_FollowsCudaAvailability()
    {
        var expected = torch.cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU;

        Assert.Equal(expected, TorchRuntime.Resolve(TorchDevice.Auto).type);
    }

    [Fact]
    public void Resolve_CudaIndexBeyondDevices_ThrowsNamingTheIndex()
    {
        // Without a CUDA backend (the CPU test machine) every index is refused as unsupported;
        // with one, an index past the device count is out of range.
        var index = torch.cuda.is_available() ? torch.cuda.device_count() : 1;

        var error = Assert.ThrowsAny<Exception>(() => TorchRuntime.Resolve(TorchDevice.Cuda(index)));

        Assert.True(error is NotSupportedException or ArgumentOutOfRangeException, error.GetType().Name);
        Assert.Contains($"CUDA device {index}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_NegativeIndex_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchDevice.Cuda(-1));
    }

    [Fact]
    public void ToString_NamesTheDeviceLikeTorch()
    {
        Assert.Equal("cuda:2", TorchDevice.Cuda(2).ToString());
        Assert.Equal("cpu", TorchDevice.Cpu.ToString());
        Assert.Equal(DeviceKind.Auto, default(TorchDevice).Kind);
    }
}

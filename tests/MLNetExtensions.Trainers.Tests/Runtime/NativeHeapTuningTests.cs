using MLNetExtensions.Trainers.Engine;
using MLNetExtensions.Trainers.Torch;

namespace MLNetExtensions.Trainers.Tests.Runtime;

public class NativeHeapTuningTests
{
    [Fact]
    public void ResolvingADevice_AppliesTheTuningOnLinuxWithGlibc()
    {
        TorchRuntime.Resolve(TorchDevice.Cpu);

        var expected = !OperatingSystem.IsLinux()
            ? NativeHeapTuningState.NotApplicable
            : Environment.GetEnvironmentVariable(NativeHeapTuning.EnvironmentVariable) == "0"
                ? NativeHeapTuningState.Disabled
                : NativeHeapTuningState.Applied;
        Assert.Equal(expected, NativeHeapTuning.State);
    }
}

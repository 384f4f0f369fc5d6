using MLNetExtensions.Trainers.Engine;
using MLNetExtensions.Trainers.Torch;

namespace MLNetExtensions.Trainers.Tests.Runtime;

public class NativeHeapTuningTests
{
    [Fact]
    public void ResolvingADevice_AppliesTheTuningOnLinuxWithGlibc()
    {
        TorchRuntime.Resolve(TorchDevice.Cpu);

        var expected = Environment.GetEnvironmentVariable(NativeHeapTuning.EnvironmentVariable) == "0"
            ? NativeHeapTuningState.Disabled
            : !OperatingSystem.IsLinux()
                ? NativeHeapTuningState.NotApplicable
                : NativeHeapTuning.ThresholdsSetByEnvironment()
                    ? NativeHeapTuningState.LeftToEnvironment
                    : NativeHeapTuningState.Applied;
        Assert.Equal(expected, NativeHeapTuning.State);
    }

    [Theory]
    [InlineData("glibc.malloc.arena_max=2", null, null, false)]
    [InlineData("glibc.malloc.trim_threshold=1048576", null, null, true)]
    [InlineData("glibc.cpu.hwcaps=-AVX2:glibc.malloc.mmap_threshold=65536", null, null, true)]
    [InlineData(null, "65536", null, true)]
    [InlineData(null, null, "1048576", true)]
    [InlineData(null, null, null, false)]
    public void OnlyThresholdSettings_LeaveTheAllocatorToTheEnvironment(
        string? glibcTunables, string? mmapThreshold, string? trimThreshold, bool expected)
    {
        Assert.Equal(expected, NativeHeapTuning.ThresholdsSet(glibcTunables, mmapThreshold, trimThreshold));
    }
}

using TorchSharp;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// Counts the TorchSharp tensors created on the calling thread and not yet disposed, so tests and
/// diagnostics can check that training and scoring do not leak tensors.
/// </summary>
public static class LiveTensors
{
    /// <summary>The number of live tensors created on the calling thread.</summary>
    /// <remarks>
    /// TorchSharp counts per thread; tensors created on other threads (for example by concurrent
    /// scoring cursors) are counted there. Run the work to be checked on the calling thread.
    /// </remarks>
    public static long Count => DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
}

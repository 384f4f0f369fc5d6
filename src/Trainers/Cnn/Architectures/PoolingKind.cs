namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>How a pooling layer reduces each window to one value.</summary>
public enum PoolingKind
{
    /// <summary>The largest value of the window (<c>torch.nn.MaxPool2d</c>).</summary>
    Max,

    /// <summary>The mean of the window, padding counted as zeros (<c>torch.nn.AvgPool2d</c>).</summary>
    Average,

    /// <summary>
    /// The L2 norm of the window: the square root of the sum of squares (<c>torch.nn.LPPool2d(2, ...)</c>).
    /// </summary>
    L2,
}

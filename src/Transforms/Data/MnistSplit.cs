namespace MLNetExtensions.Transforms.Data;

/// <summary>The two splits of an MNIST-format data set.</summary>
public enum MnistSplit
{
    /// <summary>The training split (<c>train-*</c> files).</summary>
    Train,

    /// <summary>The test split (<c>t10k-*</c> files).</summary>
    Test,
}

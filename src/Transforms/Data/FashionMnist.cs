namespace MLNetExtensions.Transforms.Data;

/// <summary>Facts about the Fashion-MNIST data set (Xiao, Rasul and Vollgraf, 2017; MIT licence, Zalando).</summary>
public static class FashionMnist
{
    /// <summary>The width and height of every image.</summary>
    public const int ImageSize = 28;

    /// <summary>The ten class names in label order, as in the data set's documentation.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];

    /// <summary>
    /// The four file names of the distribution: train images, train labels, test images, test labels.
    /// </summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
    ];
}

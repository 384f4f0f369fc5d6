namespace MLNetExtensions.Transforms.Data;

/// <summary>Where <see cref="FashionMnistLocator"/> found the Fashion-MNIST files.</summary>
public enum FashionMnistSource
{
    /// <summary>The directory the caller named.</summary>
    GivenDirectory,

    /// <summary>A system-wide installation, such as Debian's <c>dataset-fashion-mnist</c> package.</summary>
    Installed,

    /// <summary>The stratified subset that ships with the repository (<c>samples/data/fashion-mnist</c>).</summary>
    ShippedSubset,
}

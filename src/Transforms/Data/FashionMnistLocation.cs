namespace MLNetExtensions.Transforms.Data;

/// <summary>A directory holding the four Fashion-MNIST files, and where it came from.</summary>
/// <param name="Directory">The directory.</param>
/// <param name="Source">Whether it was given, installed, or the shipped subset.</param>
public sealed record FashionMnistLocation(string Directory, FashionMnistSource Source)
{
    /// <summary>A sentence saying which data is used, for logs and console output.</summary>
    public string Description => Source switch
    {
        FashionMnistSource.GivenDirectory => $"Fashion-MNIST from the given directory {Directory}",
        FashionMnistSource.Installed => $"the full Fashion-MNIST installed in {Directory}",
        _ => $"the stratified Fashion-MNIST subset shipped in {Directory}",
    };

    /// <summary>Reads the training split with the Fashion-MNIST class names.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt.</exception>
    public MnistDataView LoadTrain() => MnistIdxReader.LoadSplit(Directory, MnistSplit.Train, FashionMnist.ClassNames);

    /// <summary>Reads the test split with the Fashion-MNIST class names.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt.</exception>
    public MnistDataView LoadTest() => MnistIdxReader.LoadSplit(Directory, MnistSplit.Test, FashionMnist.ClassNames);
}

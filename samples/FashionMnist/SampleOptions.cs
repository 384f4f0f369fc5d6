namespace FashionMnistSample;

/// <summary>The command-line settings of the sample.</summary>
/// <param name="DataDirectory">A directory holding the four idx files, or null to search.</param>
/// <param name="Architecture">"lenet", "vgg", "vgg-bn" or "resnet".</param>
/// <param name="Epochs">Training epochs.</param>
/// <param name="Threads">Torch threads (null keeps TorchSharp's default).</param>
/// <param name="Json">Whether to print the results as one JSON object on the last line.</param>
/// <param name="OutputDirectory">Where model.zip is written.</param>
/// <param name="Seed">The seed for initialisation and shuffling.</param>
internal sealed record SampleOptions(
    string? DataDirectory,
    string Architecture,
    int Epochs,
    int? Threads,
    bool Json,
    string OutputDirectory,
    int Seed)
{
    public const string DefaultArchitecture = "lenet";
    public const int DefaultEpochs = 5;
    public const int DefaultSeed = 1;
    public static readonly string[] Architectures = ["lenet", "vgg", "vgg-bn", "resnet"];
}

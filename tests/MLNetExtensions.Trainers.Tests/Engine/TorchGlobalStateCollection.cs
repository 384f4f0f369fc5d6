namespace MLNetExtensions.Trainers.Tests.Engine;

/// <summary>
/// Tests that seed torch's process-wide generator or set its thread count run alone, so that a
/// parallel test cannot draw from the generator between a seed and its use.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchGlobalStateCollection
{
    public const string Name = "Torch global state";
}

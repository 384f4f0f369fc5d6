namespace MLNetExtensions.Trainers.Tests.Cnn.Integration;

/// <summary>Shares one <see cref="TrainedSubsetModel"/> (trained once) among the test classes that use it.</summary>
[CollectionDefinition(Name)]
public sealed class TrainedSubsetCollection : ICollectionFixture<TrainedSubsetModel>
{
    public const string Name = "Trained LeNet-5 on the shipped subset";
}

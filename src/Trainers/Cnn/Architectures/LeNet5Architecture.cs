using System.Text.Json.Serialization;
using MLNetExtensions.Trainers.Cnn.Architectures.Layers;

namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>
/// LeNet-5 (LeCun et al., 1998) with ReLU activations: conv 6@5x5 pad 2, ReLU, pool 2, conv 16@5x5,
/// ReLU, pool 2, FC 120, ReLU, FC 84, ReLU, FC classes.
/// </summary>
/// <remarks>
/// For a 1x28x28 input and 10 classes the network has 61,706 parameters. Layer names: conv1,
/// conv1_relu, pool1, conv2, conv2_relu, pool2, flatten, fc1, fc1_relu, fc2, fc2_relu, fc3.
/// </remarks>
public sealed record LeNet5Architecture : CnnArchitecture
{
    /// <summary>The JSON discriminator and short name of this family.</summary>
    public const string TypeName = "lenet5";

    /// <summary>
    /// Gets the pooling used by both pooling layers (2x2, stride 2). Default: <see cref="PoolingKind.Max"/>.
    /// </summary>
    public PoolingKind Pooling { get; init; } = PoolingKind.Max;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string Name => TypeName;

    /// <inheritdoc/>
    private protected override void Validate() => SpecChecks.Pool("pool1", new PoolSpec(Pooling));

    /// <inheritdoc/>
    private protected override void AddLayers(NetworkBuilder builder, int classCount)
    {
        var pool = new PoolSpec(Pooling);
        builder.Conv("conv1", 6, kernel: 5, padding: 2, stride: 1, bias: true);
        builder.Relu("conv1_relu");
        builder.Pool("pool1", pool);
        builder.Conv("conv2", 16, kernel: 5, padding: 0, stride: 1, bias: true);
        builder.Relu("conv2_relu");
        builder.Pool("pool2", pool);
        builder.Flatten("flatten");
        builder.Linear("fc1", 120);
        builder.Relu("fc1_relu");
        builder.Linear("fc2", 84);
        builder.Relu("fc2_relu");
        builder.Linear("fc3", classCount);
    }
}

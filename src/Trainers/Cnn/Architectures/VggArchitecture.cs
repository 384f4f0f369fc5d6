using System.Text.Json.Serialization;
using MLNetExtensions.Trainers.Cnn.Architectures.Layers;

namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>
/// A VGG-style network (Simonyan and Zisserman, 2015): "N x (Conv+ReLU) then Pool, repeated M times,
/// then P x (FC+ReLU), then FC". Softmax is left to the caller; the network returns logits.
/// </summary>
/// <remarks>
/// <para>
/// The default is two blocks of two 3x3 convolutions (32 then 64 channels, padding 1) with 2x2 max
/// pooling, one hidden FC layer of 128 units, no batch norm and no dropout: 28x28 becomes 14x14 then
/// 7x7 (467,818 parameters for 10 classes, about 19 million multiply-adds per image). It is sized for
/// three Fashion-MNIST epochs: one training step of 128 images took 0.43 s of CPU time on one core of
/// the reference machine, about 2 minutes per 60,000-image epoch on two cores. See
/// <see cref="BatchNormDropout"/> for a larger, regularised preset.
/// </para>
/// <para>
/// Layer names: conv1, conv1_bn (with batch norm), conv1_relu, ... numbered across blocks; pool1,
/// pool2, ... one per block; flatten; fc1, fc1_relu, fc1_dropout (with dropout), ...; the output
/// layer is fc(P+1). Convolutions followed by batch norm have no bias (the norm's shift replaces it).
/// </para>
/// </remarks>
public sealed record VggArchitecture : CnnArchitecture
{
    /// <summary>The JSON discriminator and short name of this family.</summary>
    public const string TypeName = "vgg";

    /// <summary>Gets the convolution blocks (M of them), in order.</summary>
    public IReadOnlyList<VggBlock> Blocks { get; init; } = [VggBlock.Uniform(2, 32), VggBlock.Uniform(2, 64)];

    /// <summary>Gets the widths of the hidden fully connected layers (P of them), in order.</summary>
    public IReadOnlyList<int> HiddenWidths { get; init; } = [128];

    /// <summary>Gets a value indicating whether every convolution is followed by batch norm.</summary>
    public bool BatchNorm { get; init; }

    /// <summary>Gets the dropout probability after each hidden FC layer; 0 adds no dropout layer.</summary>
    public double Dropout { get; init; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override string Name => TypeName;

    /// <summary>Builds an architecture from the VGG rule with identical convolutions in every block.</summary>
    /// <param name="blockChannels">Channels of each block; its length is M, the number of blocks.</param>
    /// <param name="convsPerBlock">N, the convolutions per block.</param>
    /// <param name="hiddenWidths">Widths of the P hidden FC layers.</param>
    /// <param name="pool">Pooling that ends each block; 2x2 max with stride 2 when <see langword="null"/>.</param>
    /// <returns>The architecture (3x3 convolutions, padding 1, stride 1).</returns>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="convsPerBlock"/> is below 1.</exception>
    public static VggArchitecture FromRule(
        IReadOnlyList<int> blockChannels,
        int convsPerBlock,
        IReadOnlyList<int> hiddenWidths,
        PoolSpec? pool = null)
    {
        ArgumentNullException.ThrowIfNull(blockChannels);
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        var blocks = blockChannels.Select(c => VggBlock.Uniform(convsPerBlock, c, pool: pool)).ToArray();
        return new VggArchitecture { Blocks = blocks, HiddenWidths = [.. hiddenWidths] };
    }

    /// <summary>
    /// A regularised preset: blocks of 2 x 32, 2 x 64 and 2 x 128 3x3 convolutions with batch norm (28x28 to
    /// 14x14, 7x7 and, through a 3x3 stride-2 max pool, 3x3), one hidden FC layer of 256 units and dropout 0.4.
    /// </summary>
    /// <remarks>
    /// 584,618 parameters for 10 classes, about 29 million multiply-adds per image. One training step of
    /// 128 images took 0.71 s of CPU time on one core of the reference machine: about 3.5 minutes per
    /// 60,000-image Fashion-MNIST epoch on two cores, so roughly 8 epochs fit in 30 minutes.
    /// </remarks>
    /// <returns>The preset.</returns>
    public static VggArchitecture BatchNormDropout() => new()
    {
        Blocks =
        [
            VggBlock.Uniform(2, 32),
            VggBlock.Uniform(2, 64),
            VggBlock.Uniform(2, 128, pool: new PoolSpec(PoolingKind.Max, Size: 3, Stride: 2)),
        ],
        HiddenWidths = [256],
        BatchNorm = true,
        Dropout = 0.4,
    };

    /// <inheritdoc/>
    private protected override void Validate()
    {
        SpecChecks.NotNull("vgg", "blocks", Blocks);
        SpecChecks.NotNull("vgg", "hidden widths", HiddenWidths);
        SpecChecks.Positive("vgg", "number of blocks", Blocks.Count);
        int convs = 0;
        for (int b = 0; b < Blocks.Count; b++)
        {
            convs += ValidateBlock(b + 1, Blocks[b], convs);
        }

        for (int i = 0; i < HiddenWidths.Count; i++)
        {
            SpecChecks.Positive($"fc{i + 1}", "width", HiddenWidths[i]);
        }

        SpecChecks.Probability("vgg", Dropout);
    }

    /// <summary>Checks one block whose first convolution is conv(convsBefore + 1); returns its conv count.</summary>
    private static int ValidateBlock(int number, VggBlock? block, int convsBefore)
    {
        SpecChecks.NotNull($"block{number}", "block", block);
        SpecChecks.NotNull($"block{number}", "convolutions", block.Convs);
        SpecChecks.Positive($"block{number}", "number of convolutions", block.Convs.Count);
        for (int i = 0; i < block.Convs.Count; i++)
        {
            SpecChecks.Conv($"conv{convsBefore + i + 1}", block.Convs[i]);
        }

        SpecChecks.Pool($"pool{number}", block.Pool);
        return block.Convs.Count;
    }

    /// <inheritdoc/>
    private protected override void AddLayers(NetworkBuilder builder, int classCount)
    {
        int conv = 0;
        for (int b = 0; b < Blocks.Count; b++)
        {
            foreach (var spec in Blocks[b].Convs)
            {
                AddConv(builder, $"conv{++conv}", spec);
            }

            builder.Pool($"pool{b + 1}", Blocks[b].Pool);
        }

        builder.Flatten("flatten");
        for (int i = 0; i < HiddenWidths.Count; i++)
        {
            AddHidden(builder, $"fc{i + 1}", HiddenWidths[i]);
        }

        builder.Linear($"fc{HiddenWidths.Count + 1}", classCount);
    }

    private void AddConv(NetworkBuilder builder, string name, ConvSpec spec)
    {
        builder.Conv(name, spec.Channels, spec.Kernel, spec.Padding, spec.Stride, bias: !BatchNorm);
        if (BatchNorm)
        {
            builder.BatchNorm($"{name}_bn");
        }

        builder.Relu($"{name}_relu");
    }

    private void AddHidden(NetworkBuilder builder, string name, int width)
    {
        builder.Linear(name, width);
        builder.Relu($"{name}_relu");
        if (Dropout > 0)
        {
            builder.Dropout($"{name}_dropout", Dropout);
        }
    }
}

using MLNetExtensions.Trainers.Cnn.Architectures;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Cnn.Architectures;

public class SizeRuleTests
{
    [Fact]
    public void KernelLargerThanPaddedInput_ThrowsNamingLayerAndFormula()
    {
        // 28 -> 14 -> 7 -> conv3 (7x7 kernel, no padding) on 7 is fine; add a pool to reach 3, then 7x7: -1.
        var arch = new VggArchitecture
        {
            Blocks =
            [
                VggBlock.Uniform(1, 4),
                VggBlock.Uniform(1, 4),
                new VggBlock([new ConvSpec(4, Kernel: 5, Padding: 1)], new PoolSpec(Size: 1, Stride: 1)),
                new VggBlock([new ConvSpec(4, Kernel: 7, Padding: 0)], new PoolSpec()),
            ],
        };

        var ex = Assert.Throws<ArgumentException>(() => arch.Build(new ImageShape(1, 28, 28), 10));

        // 28 -> pool1 14 -> pool2 7 -> conv3 (7 + 2 - 5) + 1 = 5 -> conv4 (5 + 0 - 7)/1 + 1 = -1.
        Assert.StartsWith("conv4: (5 + 2*0 - 7)/1 + 1 = -1 is not positive", ex.Message);
    }

    [Fact]
    public void OddMapIntoStride2Pool_ThrowsFractionalSizeNamingPool()
    {
        var arch = VggArchitecture.FromRule([8, 8, 8], 1, [16]);

        var ex = Assert.Throws<ArgumentException>(() => arch.Build(new ImageShape(1, 28, 28), 10));

        // 28 -> 14 -> 7 -> pool3: (7 + 0 - 2)/2 + 1 = 3.5.
        Assert.StartsWith("pool3: (7 + 2*0 - 2)/2 + 1 = 3.5 is not a whole number", ex.Message);
    }

    [Fact]
    public void StridedResNetStageOnOddSize_ThrowsNamingBlockConvolution()
    {
        var arch = new ResNetArchitecture { Stages = [new ResNetStage(8, 1, 2)] };

        var ex = Assert.Throws<ArgumentException>(() => arch.Build(new ImageShape(1, 7, 7), 2));

        Assert.StartsWith("stage1_block1.conv1: (7 + 2*1 - 4)/2 + 1 = 3.5", ex.Message);
    }

    [Theory]
    [InlineData(28, 5, 2, 1, 28)]
    [InlineData(14, 5, 0, 1, 10)]
    [InlineData(28, 2, 0, 2, 14)]
    [InlineData(7, 3, 0, 2, 3)]
    [InlineData(9, 3, 1, 2, 5)]
    public void ValidConvolution_ForwardShapeFollowsRule(int size, int kernel, int padding, int stride, int expected)
    {
        // Independent of the rule's code: the real convolution's output must match the hand value.
        var arch = new VggArchitecture
        {
            Blocks = [new VggBlock([new ConvSpec(3, kernel, padding, stride)], new PoolSpec(Size: 1, Stride: 1))],
            HiddenWidths = [],
        };
        using var network = arch.Build(new ImageShape(2, size, size), 4);
        using var scope = NewDisposeScope();

        var map = network.ForwardTo(zeros(1, 2, size, size), "conv1");

        Assert.Equal(new long[] { 1, 3, expected, expected }, map.shape);
        Assert.Equal([3, expected, expected], ModelSummary.Create(network).Layers[0].OutputShape);
    }

    [Fact]
    public void BadSettings_ThrowNamingLayer()
    {
        var noChannels = new VggArchitecture { Blocks = [new VggBlock([new ConvSpec(0)], new PoolSpec())] };
        var badDropout = CnnArchitecture.ResNet() with { Dropout = 1.0 };
        var shape = new ImageShape(1, 28, 28);

        Assert.StartsWith("conv1: channels must be at least 1", Assert.Throws<ArgumentException>(
            () => noChannels.Build(shape, 10)).Message);
        Assert.StartsWith("dropout: dropout probability must be in [0, 1)", Assert.Throws<ArgumentException>(
            () => badDropout.Build(shape, 10)).Message);
        Assert.StartsWith("vgg: blocks is missing (null)", Assert.Throws<ArgumentException>(
            () => CnnArchitecture.FromJson("""{"type":"vgg","blocks":null}""").Build(shape, 10)).Message);
        Assert.StartsWith("pool1: padding 2 exceeds half the window size 2", Assert.Throws<ArgumentException>(
            () => VggArchitecture.FromRule([4], 1, [], new PoolSpec(Padding: 2)).Build(shape, 10)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => CnnArchitecture.LeNet5().Build(shape, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CnnArchitecture.LeNet5().Build(shape with { Width = 0 }, 2));
    }
}

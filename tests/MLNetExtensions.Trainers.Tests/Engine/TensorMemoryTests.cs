using MLNetExtensions.Trainers.Torch;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Engine;

public class TensorMemoryTests
{
    [Fact]
    public void FromFloats_PartOfABuffer_PlacesEachValueAtItsIndex()
    {
        var buffer = Enumerable.Range(0, 2 * 3 * 4 + 5).Select(i => i * 0.5f).ToArray();
        using var scope = NewDisposeScope();

        var tensor = TensorMemory.FromFloats(buffer.AsSpan(0, 24), [2, 3, 4]);

        Assert.Equal([2L, 3, 4], tensor.shape);
        Assert.Equal(buffer[(1 * 12) + (2 * 4) + 3], tensor[1, 2, 3].item<float>());
        Assert.Equal(buffer.Take(24).Sum(), tensor.sum().item<float>());
    }

    [Fact]
    public void FromLongs_Labels_RoundTripThroughTorch()
    {
        using var scope = NewDisposeScope();

        var tensor = TensorMemory.FromLongs([3L, 0, 9, long.MaxValue]);

        Assert.Equal(ScalarType.Int64, tensor.dtype);
        Assert.Equal([3L, 0, 9, long.MaxValue], tensor.data<long>().ToArray());
    }

    [Fact]
    public void ToFloats_TransposedTensor_ReturnsLogicalRowMajorOrder()
    {
        using var scope = NewDisposeScope();
        var transposed = tensor(new float[] { 1, 2, 3, 4, 5, 6 }).reshape(2, 3).t(); // [[1,4],[2,5],[3,6]]

        Assert.Equal([1f, 4, 2, 5, 3, 6], TensorMemory.ToFloats(transposed));
    }
}

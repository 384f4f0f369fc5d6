using Microsoft.ML;
using MLNetExtensions.Trainers.Engine;

namespace MLNetExtensions.Trainers.Tests.Engine;

public class BatchStreamTests
{
    private const int Rows = 103;
    private readonly MLContext _context = new(seed: 1);
    private readonly VectorExampleReader _reader = new(SyntheticRow.FeatureLength);

    [Fact]
    public void InOrder_BatchesOfTen_YieldsEveryRowOnceInOrderWithShortLastBatch()
    {
        var data = SyntheticRow.Load(_context, SyntheticRow.Indexed(Rows));

        var batches = ReadBatches(BatchStream.InOrder(data, _reader, withLabels: true), 10);

        Assert.Equal(11, batches.Count);
        Assert.Equal(3, batches[^1].Length);
        Assert.Equal(Enumerable.Range(0, Rows), batches.SelectMany(b => b));
    }

    [Fact]
    public void InOrder_Labels_FollowTheRows()
    {
        var data = SyntheticRow.Load(_context, SyntheticRow.Indexed(7));
        var batch = new ExampleBatch(8, SyntheticRow.FeatureLength);
        using var stream = BatchStream.InOrder(data, _reader, withLabels: true);

        stream.TryFill(batch);

        Assert.Equal([0L, 1, 2, 0, 1, 2, 0], batch.Labels.Take(batch.Count));
    }

    [Theory]
    [InlineData(false, 16)]
    [InlineData(false, 1000)]
    [InlineData(true, 16)]
    public void Shuffled_AnyView_YieldsAPermutationOfAllRows(bool cached, int pool)
    {
        var data = View(cached);

        var order = ReadOrder(data, seed: 5, pool);

        Assert.Equal(Enumerable.Range(0, Rows), order.Order());
        Assert.NotEqual(Enumerable.Range(0, Rows), order);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shuffled_SameSeed_SameOrder_OtherSeed_OtherOrder(bool cached)
    {
        var data = View(cached);

        var first = ReadOrder(data, seed: 5, pool: 32);
        var again = ReadOrder(data, seed: 5, pool: 32);
        var other = ReadOrder(data, seed: 6, pool: 32);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Shuffled_PoolOfFour_OnlyMixesNearbyRows()
    {
        // A row can only leave the pool after entering it, and entering needs the rows before it to
        // have filled the pool: so output position k holds a row with index <= k + pool - 1.
        var data = SyntheticRow.Load(_context, SyntheticRow.Indexed(Rows));

        var order = ReadOrder(data, seed: 3, pool: 4);

        Assert.All(order.Select((row, position) => (row, position)), p => Assert.True(p.row <= p.position + 3));
    }

    private IDataView View(bool cached)
    {
        var data = SyntheticRow.Load(_context, SyntheticRow.Indexed(Rows));
        var view = cached ? _context.Data.Cache(data) : data;
        Assert.Equal(cached, view.CanShuffle);
        return view;
    }

    private List<int> ReadOrder(IDataView data, int seed, int pool) =>
        ReadBatches(BatchStream.Shuffled(data, _reader, seed, pool, SyntheticRow.FeatureLength), 10)
            .SelectMany(b => b).ToList();

    private static List<int[]> ReadBatches(BatchStream stream, int batchSize)
    {
        using var owned = stream;
        var batch = new ExampleBatch(batchSize, SyntheticRow.FeatureLength);
        var batches = new List<int[]>();
        while (stream.TryFill(batch))
        {
            batches.Add(Enumerable.Range(0, batch.Count).Select(i => (int)batch.FeatureSlot(i)[0]).ToArray());
        }

        return batches;
    }
}

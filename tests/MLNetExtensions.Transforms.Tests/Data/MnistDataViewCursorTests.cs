using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Transforms.Data;

namespace MLNetExtensions.Transforms.Tests.Data;

public sealed class MnistDataViewCursorTests : IDisposable
{
    private const int Rows = 50;

    private readonly IdxTestDirectory _dir = new();
    private readonly MnistDataView _view;

    public MnistDataViewCursorTests()
    {
        // 1 x 1 images whose single pixel is the row index, so a row identifies itself.
        byte[] pixels = Enumerable.Range(0, Rows).Select(i => (byte)i).ToArray();
        byte[] labels = pixels.Select(p => (byte)(p % 10)).ToArray();
        _view = MnistIdxReader.Load(
            _dir.WriteImages("i", Rows, 1, 1, pixels),
            _dir.WriteLabels("l", labels));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void NoRandom_VisitsRowsInFileOrder()
    {
        Assert.Equal(Enumerable.Range(0, Rows), RowIndices(_view.GetRowCursor(_view.Schema)));
    }

    [Fact]
    public void SameSeed_SamePermutationOfAllRows()
    {
        var first = RowIndices(_view.GetRowCursor(_view.Schema, new Random(7)));
        var second = RowIndices(_view.GetRowCursor(_view.Schema, new Random(7)));
        var other = RowIndices(_view.GetRowCursor(_view.Schema, new Random(8)));

        Assert.True(_view.CanShuffle);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.NotEqual(Enumerable.Range(0, Rows), first);
        Assert.Equal(Enumerable.Range(0, Rows), first.Order());
    }

    [Fact]
    public void SeededCursor_FollowsFisherYatesOnSameRandom()
    {
        // Naive reference: a Fisher-Yates shuffle of 0..n-1 drawing from an identically seeded Random.
        var expected = Enumerable.Range(0, Rows).ToArray();
        var random = new Random(3);
        for (int i = Rows - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (expected[i], expected[j]) = (expected[j], expected[i]);
        }

        Assert.Equal(expected, RowIndices(_view.GetRowCursor(_view.Schema, new Random(3))));
    }

    [Fact]
    public void CursorSet_CoversEveryRowOnceWithDisjointIncreasingBatches()
    {
        var cursors = _view.GetRowCursorSet(_view.Schema, 3, new Random(5));
        var perCursor = cursors.Select(MnistIdxReaderTests.ReadAll).ToList();

        var all = perCursor.SelectMany(rows => rows).ToList();
        Assert.Equal(3, cursors.Length);
        Assert.Equal(Enumerable.Range(0, Rows), all.Select(r => (int)r.Pixels[0]).Order());
        Assert.Equal(Enumerable.Range(0, Rows).Select(b => (long)b), all.Select(r => r.Batch).Order());
        Assert.All(perCursor, rows => Assert.Equal(rows.Select(r => r.Batch).Order(), rows.Select(r => r.Batch)));
    }

    [Fact]
    public void CursorSetOrderedByBatch_EqualsSingleCursorWithSameSeed()
    {
        var single = RowIndices(_view.GetRowCursor(_view.Schema, new Random(11)));
        var merged = _view.GetRowCursorSet(_view.Schema, 4, new Random(11))
            .SelectMany(MnistIdxReaderTests.ReadAll)
            .OrderBy(r => r.Batch)
            .Select(r => (int)r.Pixels[0]);

        Assert.Equal(single, merged);
    }

    [Fact]
    public void MLNetShuffleAndCache_KeepEveryRow()
    {
        var ml = new MLContext(seed: 1);
        var shuffled = ml.Data.ShuffleRows(_view, seed: 2);

        var pixels = ml.Data.Cache(shuffled).GetColumn<float[]>(MnistDataView.PixelsColumnName);

        Assert.Equal(Enumerable.Range(0, Rows), pixels.Select(p => (int)p[0]).Order());
    }

    [Fact]
    public void InactiveColumn_GetterThrowsNamingColumn()
    {
        using var cursor = _view.GetRowCursor([_view.Schema[MnistDataView.LabelColumnName]]);

        var ex = Assert.Throws<InvalidOperationException>(
            () => cursor.GetGetter<VBuffer<float>>(_view.Schema[MnistDataView.PixelsColumnName]));

        Assert.Contains(MnistDataView.PixelsColumnName, ex.Message);
        Assert.False(cursor.IsColumnActive(_view.Schema[MnistDataView.PixelsColumnName]));
    }

    [Fact]
    public void WrongValueType_GetterThrowsNamingColumnAndType()
    {
        using var cursor = _view.GetRowCursor(_view.Schema);

        var ex = Assert.Throws<InvalidOperationException>(
            () => cursor.GetGetter<float>(_view.Schema[MnistDataView.LabelColumnName]));

        Assert.Contains(MnistDataView.LabelColumnName, ex.Message);
        Assert.Contains("Single", ex.Message);
    }

    [Fact]
    public void IdGetter_ReturnsFileRowIndex()
    {
        using var cursor = _view.GetRowCursor(_view.Schema, new Random(1));
        var id = cursor.GetIdGetter();
        var pixels = cursor.GetGetter<VBuffer<float>>(_view.Schema[MnistDataView.PixelsColumnName]);
        DataViewRowId rowId = default;
        VBuffer<float> value = default;

        while (cursor.MoveNext())
        {
            id(ref rowId);
            pixels(ref value);
            Assert.Equal((ulong)value.GetValues()[0], rowId.Low);
        }
    }

    private static List<int> RowIndices(DataViewRowCursor cursor) =>
        MnistIdxReaderTests.ReadAll(cursor).Select(r => (int)r.Pixels[0]).ToList();
}

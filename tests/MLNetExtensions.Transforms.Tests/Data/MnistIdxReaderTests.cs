using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Transforms.Data;

namespace MLNetExtensions.Transforms.Tests.Data;

public sealed class MnistIdxReaderTests : IDisposable
{
    // Three 2 x 3 images (rows x columns); pixel k of image i is 10 * i + k, except one 255.
    private static readonly byte[] Pixels = [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 255, 20, 21, 22, 23, 24, 25];
    private static readonly byte[] Labels = [2, 0, 1];

    private readonly IdxTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SmallFiles_RowsHoldWrittenPixelsAndLabels(bool gzip)
    {
        var view = Load(gzip);

        var rows = ReadAll(view.GetRowCursor(view.Schema));

        Assert.Equal([3u, 1u, 2u], rows.Select(r => r.Key));
        Assert.Equal(new float[] { 10, 11, 12, 13, 14, 255 }, rows[1].Pixels);
        Assert.Equal(Pixels.Select(p => (float)p), rows.SelectMany(r => r.Pixels));
    }

    [Fact]
    public void NonSquareImages_WidthIsColumnsAndHeightIsRows()
    {
        var view = Load(gzip: false);

        Assert.Equal(3, view.ImageWidth);
        Assert.Equal(2, view.ImageHeight);
        Assert.Equal(3, view.RowCount);
        Assert.Equal(3L, view.GetRowCount());
    }

    [Fact]
    public void ClassNames_BecomeKeyValuesOfLabelColumn()
    {
        var view = Load(gzip: true, ["zero", "one", "two", "three"]);
        var label = view.Schema[MnistDataView.LabelColumnName];

        VBuffer<ReadOnlyMemory<char>> names = default;
        label.GetKeyValues(ref names);

        Assert.Equal(4UL, ((KeyDataViewType)label.Type).Count);
        Assert.Equal(["zero", "one", "two", "three"], names.DenseValues().Select(n => n.ToString()));
        Assert.Equal(6, ((VectorDataViewType)view.Schema[MnistDataView.PixelsColumnName].Type).Size);
    }

    [Fact]
    public void MapKeyToValue_YieldsClassNameOfEachRow()
    {
        var ml = new MLContext(seed: 1);
        var view = Load(gzip: false, ["zero", "one", "two"]);

        var mapped = ml.Transforms.Conversion.MapKeyToValue("Name", MnistDataView.LabelColumnName)
            .Fit(view).Transform(view);

        Assert.Equal(["two", "zero", "one"], mapped.GetColumn<string>("Name"));
    }

    [Fact]
    public void NoClassNames_ClassCountIsLargestLabelPlusOne()
    {
        var view = Load(gzip: false);

        Assert.Equal(3, view.ClassCount);
        Assert.Null(view.ClassNames);
        Assert.Null(view.Schema[MnistDataView.LabelColumnName].Annotations.Schema.GetColumnOrNull("KeyValues"));
    }

    [Fact]
    public void LabelFileGivenAsImages_ThrowsNamingFileAndMagic()
    {
        string labels = _dir.WriteLabels("l", Labels);

        var ex = Assert.Throws<InvalidDataException>(() => MnistIdxReader.Load(labels, labels));

        Assert.Contains(labels, ex.Message);
        Assert.Contains("0x00000803", ex.Message);
        Assert.Contains("0x00000801", ex.Message);
    }

    [Fact]
    public void TruncatedImageBody_ThrowsNamingFileAndIncompleteItem()
    {
        string images = _dir.WriteImages("i", 3, 2, 3, Pixels[..14]);
        string labels = _dir.WriteLabels("l", Labels);

        var ex = Assert.Throws<InvalidDataException>(() => MnistIdxReader.Load(images, labels));

        Assert.Contains(images, ex.Message);
        Assert.Contains("item 2 is incomplete", ex.Message);
    }

    [Fact]
    public void TruncatedGzipStream_ThrowsNamingFile()
    {
        string images = _dir.WriteImages("i.gz", 3, 2, 3, Pixels, gzip: true);
        byte[] whole = File.ReadAllBytes(images);
        File.WriteAllBytes(images, whole[..(whole.Length / 2)]);
        string labels = _dir.WriteLabels("l", Labels);

        var ex = Assert.Throws<InvalidDataException>(() => MnistIdxReader.Load(images, labels));

        Assert.Contains(images, ex.Message);
    }

    [Fact]
    public void BytesAfterDeclaredItems_Throw()
    {
        string images = _dir.WriteImages("i", 2, 2, 3, Pixels);
        string labels = _dir.WriteLabels("l", Labels[..2]);

        var ex = Assert.Throws<InvalidDataException>(() => MnistIdxReader.Load(images, labels));

        Assert.Contains("6 bytes after the 2 items", ex.Message);
    }

    [Fact]
    public void ImageAndLabelCountsDiffer_ThrowsNamingBothFiles()
    {
        string images = _dir.WriteImages("i", 3, 2, 3, Pixels);
        string labels = _dir.WriteLabels("l", Labels[..2]);

        var ex = Assert.Throws<InvalidDataException>(() => MnistIdxReader.Load(images, labels));

        Assert.Contains(images, ex.Message);
        Assert.Contains(labels, ex.Message);
        Assert.Contains("3 images", ex.Message);
        Assert.Contains("2 labels", ex.Message);
    }

    [Fact]
    public void LabelBeyondClassNames_ThrowsNamingItem()
    {
        string images = _dir.WriteImages("i", 3, 2, 3, Pixels);
        string labels = _dir.WriteLabels("l", Labels);

        var ex = Assert.Throws<InvalidDataException>(() => MnistIdxReader.Load(images, labels, ["a", "b"]));

        Assert.Contains(labels, ex.Message);
        Assert.Contains("label 2 at item 0", ex.Message);
    }

    [Fact]
    public void MissingFile_ThrowsFileNotFoundNamingIt()
    {
        string missing = Path.Combine(_dir.Path, "absent.gz");

        var ex = Assert.Throws<FileNotFoundException>(() => MnistIdxReader.Load(missing, missing));

        Assert.Equal(missing, ex.FileName);
    }

    [Fact]
    public void LoadSplit_PrefersGzipAndFallsBackToRawFiles()
    {
        _dir.WriteImages("t10k-images-idx3-ubyte", 3, 2, 3, Pixels);
        _dir.WriteLabels("t10k-labels-idx1-ubyte.gz", Labels, gzip: true);

        var view = MnistIdxReader.LoadSplit(_dir.Path, MnistSplit.Test);

        Assert.EndsWith("t10k-images-idx3-ubyte", view.ImagesPath);
        Assert.EndsWith("t10k-labels-idx1-ubyte.gz", view.LabelsPath);
    }

    private MnistDataView Load(bool gzip, IReadOnlyList<string>? names = null)
    {
        string suffix = gzip ? ".gz" : string.Empty;
        return MnistIdxReader.Load(
            _dir.WriteImages("images" + suffix, 3, 2, 3, Pixels, gzip),
            _dir.WriteLabels("labels" + suffix, Labels, gzip),
            names);
    }

    internal static List<(uint Key, float[] Pixels, long Batch)> ReadAll(DataViewRowCursor cursor)
    {
        using (cursor)
        {
            var rows = new List<(uint, float[], long)>();
            var label = cursor.GetGetter<uint>(cursor.Schema[MnistDataView.LabelColumnName]);
            var pixels = cursor.GetGetter<VBuffer<float>>(cursor.Schema[MnistDataView.PixelsColumnName]);
            uint key = 0;
            VBuffer<float> values = default;
            while (cursor.MoveNext())
            {
                label(ref key);
                pixels(ref values);
                rows.Add((key, values.DenseValues().ToArray(), cursor.Batch));
            }

            return rows;
        }
    }
}

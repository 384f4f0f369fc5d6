using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Transforms.Data;

/// <summary>
/// An in-memory <see cref="IDataView"/> over MNIST-format images and labels, created by
/// <see cref="MnistIdxReader"/>. Columns: <see cref="LabelColumnName"/> (a key over
/// <see cref="ClassCount"/> classes, with the class names as key values when they were given)
/// and <see cref="PixelsColumnName"/> (a vector of <see cref="ImageHeight"/> x
/// <see cref="ImageWidth"/> floats in row-major order, values 0 to 255).
/// </summary>
/// <remarks>
/// The pixels stay in memory as bytes (one per pixel) and are converted to floats only when a
/// row is read. The view can be shuffled: a cursor created with a <see cref="Random"/> visits
/// the rows in a permutation drawn from it, so the same seed gives the same order.
/// </remarks>
public sealed class MnistDataView : IDataView
{
    /// <summary>The name of the label column.</summary>
    public const string LabelColumnName = "Label";

    /// <summary>The name of the pixel column.</summary>
    public const string PixelsColumnName = "Pixels";

    // ML.NET's annotation kind for the values of a key column (AnnotationUtils.Kinds.KeyValues).
    private const string KeyValuesKind = "KeyValues";

    private readonly IdxArray _images;
    private readonly IdxArray _labels;

    internal MnistDataView(IdxArray images, IdxArray labels, int classCount, IReadOnlyList<string>? classNames)
    {
        _images = images;
        _labels = labels;
        ClassCount = classCount;
        ClassNames = classNames;
        Schema = BuildSchema(images.ItemSize, classCount, classNames);
    }

    /// <summary>The width of every image in pixels.</summary>
    public int ImageWidth => _images.Dimensions[2];

    /// <summary>The height of every image in pixels.</summary>
    public int ImageHeight => _images.Dimensions[1];

    /// <summary>The number of classes the label key ranges over.</summary>
    public int ClassCount { get; }

    /// <summary>The class names, in label order, or <see langword="null"/> when none were given.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>The number of images (rows).</summary>
    public int RowCount => _images.ItemCount;

    /// <summary>The image file the view was read from.</summary>
    public string ImagesPath => _images.FilePath;

    /// <summary>The label file the view was read from.</summary>
    public string LabelsPath => _labels.FilePath;

    /// <summary>Always <see langword="true"/>: rows can be visited in any order.</summary>
    public bool CanShuffle => true;

    /// <inheritdoc/>
    public DataViewSchema Schema { get; }

    /// <summary>The zero-based class index of row <paramref name="row"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row index.</exception>
    public int GetClassIndex(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return _labels.Item(row)[0];
    }

    /// <summary>The pixel bytes of row <paramref name="row"/>, row-major.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row index.</exception>
    public ReadOnlySpan<byte> GetPixelBytes(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return _images.Item(row);
    }

    /// <summary>Returns <see cref="RowCount"/>.</summary>
    public long? GetRowCount() => RowCount;

    /// <summary>
    /// Creates a cursor over all rows, in file order, or in a permutation drawn from
    /// <paramref name="rand"/> when it is given.
    /// </summary>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        return new MnistRowCursor(this, RowOrder(rand), columnsNeeded, stride: 1, start: 0);
    }

    /// <summary>
    /// Creates <paramref name="n"/> cursors that together visit every row once; row k of the
    /// order (file order, or a permutation drawn from <paramref name="rand"/>) goes to cursor
    /// k mod n with batch k, so ML.NET's consolidation restores the order.
    /// </summary>
    public DataViewRowCursor[] GetRowCursorSet(
        IEnumerable<DataViewSchema.Column> columnsNeeded,
        int n,
        Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        int count = Math.Clamp(n, 1, Math.Max(1, RowCount));
        int[] order = RowOrder(rand);
        var columns = columnsNeeded.ToArray();
        return Enumerable.Range(0, count)
            .Select(c => (DataViewRowCursor)new MnistRowCursor(this, order, columns, count, c))
            .ToArray();
    }

    private int[] RowOrder(Random? rand)
    {
        int[] order = Enumerable.Range(0, RowCount).ToArray();
        if (rand is not null)
        {
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = rand.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        return order;
    }

    private static DataViewSchema BuildSchema(int pixelCount, int classCount, IReadOnlyList<string>? names)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(LabelColumnName, new KeyDataViewType(typeof(uint), classCount), KeyValues(names));
        builder.AddColumn(PixelsColumnName, new VectorDataViewType(NumberDataViewType.Single, pixelCount));
        return builder.ToSchema();
    }

    private static DataViewSchema.Annotations? KeyValues(IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return null;
        }

        var values = new VBuffer<ReadOnlyMemory<char>>(
            names.Count,
            names.Select(name => name.AsMemory()).ToArray());
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add(
            KeyValuesKind,
            new VectorDataViewType(TextDataViewType.Instance, names.Count),
            (ref VBuffer<ReadOnlyMemory<char>> dst) => values.CopyTo(ref dst));
        return annotations.ToAnnotations();
    }
}

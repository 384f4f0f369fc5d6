namespace MLNetExtensions.Transforms.Data;

/// <summary>
/// Reads MNIST-format idx files (an idx3 image file and an idx1 label file, gzip-compressed or
/// raw) into an <see cref="MnistDataView"/>.
/// </summary>
/// <example>
/// <code>
/// var train = MnistIdxReader.Load(
///     "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", FashionMnist.ClassNames);
/// var pipeline = mlContext.Transforms.NormalizeMinMax("Pixels");
/// </code>
/// </example>
public static class MnistIdxReader
{
    /// <summary>
    /// Reads the images in <paramref name="imagesPath"/> and the labels in
    /// <paramref name="labelsPath"/>. Either file may be gzip-compressed (detected by its first
    /// two bytes, 1f 8b) or raw.
    /// </summary>
    /// <param name="imagesPath">An idx3 file of unsigned bytes (magic 0x00000803): count, rows, columns.</param>
    /// <param name="labelsPath">An idx1 file of unsigned bytes (magic 0x00000801), one label per image.</param>
    /// <param name="classNames">
    /// The class names in label order. When given, every label must be below their count and
    /// the label column carries them as key values; otherwise the class count is the largest
    /// label plus one.
    /// </param>
    /// <exception cref="ArgumentNullException">A path is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A path is empty, or <paramref name="classNames"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// A file is corrupt (wrong magic number, truncated or overlong body), the two files hold
    /// different numbers of items, or a label is out of range; the message names the file and,
    /// where it applies, the item index.
    /// </exception>
    public static MnistDataView Load(string imagesPath, string labelsPath, IReadOnlyList<string>? classNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagesPath);
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        if (classNames is { Count: 0 })
        {
            throw new ArgumentException("The list of class names is empty; pass null to infer the count.",
                nameof(classNames));
        }

        IdxArray images = IdxFileReader.Read(imagesPath, IdxFormat.ImagesMagic);
        IdxArray labels = IdxFileReader.Read(labelsPath, IdxFormat.LabelsMagic);
        CheckCounts(images, labels);
        int classCount = CheckLabels(labels, classNames?.Count);
        return new MnistDataView(images, labels, classCount, classNames?.ToArray());
    }

    /// <summary>
    /// Reads one split of a directory laid out like the MNIST distribution
    /// (<c>train-images-idx3-ubyte.gz</c>, <c>train-labels-idx1-ubyte.gz</c>,
    /// <c>t10k-images-idx3-ubyte.gz</c>, <c>t10k-labels-idx1-ubyte.gz</c>; the raw files
    /// without <c>.gz</c> are used when the compressed ones are absent).
    /// </summary>
    /// <param name="directory">The directory holding the four files.</param>
    /// <param name="split">Which split to read.</param>
    /// <param name="classNames">The class names in label order, as for <see cref="Load"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file of the split is missing.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt, as for <see cref="Load"/>.</exception>
    public static MnistDataView LoadSplit(string directory, MnistSplit split, IReadOnlyList<string>? classNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The MNIST-format data directory '{directory}' does not exist.");
        }

        string prefix = split == MnistSplit.Train ? "train" : "t10k";
        return Load(
            FindFile(directory, $"{prefix}-images-idx3-ubyte"),
            FindFile(directory, $"{prefix}-labels-idx1-ubyte"),
            classNames);
    }

    /// <summary>The path of <paramref name="stem"/>.gz in <paramref name="directory"/>, or of the raw file.</summary>
    internal static string FindFile(string directory, string stem)
    {
        string compressed = Path.Combine(directory, stem + ".gz");
        string raw = Path.Combine(directory, stem);
        return File.Exists(compressed) || !File.Exists(raw) ? compressed : raw;
    }

    private static void CheckCounts(IdxArray images, IdxArray labels)
    {
        if (images.ItemCount != labels.ItemCount)
        {
            throw new InvalidDataException(
                $"The image file '{images.FilePath}' holds {images.ItemCount} images but the label file " +
                $"'{labels.FilePath}' holds {labels.ItemCount} labels; they must match one to one.");
        }
    }

    private static int CheckLabels(IdxArray labels, int? classCount)
    {
        int max = 0;
        for (int i = 0; i < labels.ItemCount; i++)
        {
            int label = labels.Item(i)[0];
            if (label >= classCount)
            {
                throw new InvalidDataException(
                    $"The label file '{labels.FilePath}' has label {label} at item {i}, " +
                    $"out of range for {classCount} class names (0 to {classCount - 1}).");
            }

            max = Math.Max(max, label);
        }

        return classCount ?? max + 1;
    }
}

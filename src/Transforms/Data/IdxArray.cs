namespace MLNetExtensions.Transforms.Data;

/// <summary>
/// The unsigned-byte contents of one idx file: its dimensions and its body, kept as the
/// decompressed bytes so that a data set of 60,000 images stays at one byte per pixel.
/// </summary>
/// <param name="FilePath">The file the array was read from, for error messages.</param>
/// <param name="Dimensions">The sizes declared in the header, outermost first (items, rows, columns).</param>
/// <param name="Buffer">The decompressed file; the body starts at <paramref name="BodyOffset"/>.</param>
/// <param name="BodyOffset">The index of the first body byte in <paramref name="Buffer"/>.</param>
internal sealed record IdxArray(string FilePath, int[] Dimensions, byte[] Buffer, int BodyOffset)
{
    /// <summary>The number of items (the first dimension).</summary>
    public int ItemCount => Dimensions[0];

    /// <summary>The number of bytes per item (the product of the inner dimensions).</summary>
    public int ItemSize { get; } = Dimensions.Skip(1).Aggregate(1, (size, dim) => size * dim);

    /// <summary>The body bytes of item <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Item(int index) =>
        Buffer.AsSpan(BodyOffset + (index * ItemSize), ItemSize);
}

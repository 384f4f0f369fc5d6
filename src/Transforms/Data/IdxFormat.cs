using System.Buffers.Binary;

namespace MLNetExtensions.Transforms.Data;

/// <summary>
/// The idx file format of the MNIST family (LeCun et al., "THE MNIST DATABASE"):
/// a big-endian header of a 4-byte magic number (two zero bytes, an element-type code,
/// the number of dimensions), one 4-byte size per dimension, then the row-major body.
/// </summary>
internal static class IdxFormat
{
    /// <summary>The magic number of an image file: unsigned bytes, 3 dimensions.</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of a label file: unsigned bytes, 1 dimension.</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>The largest body this reader accepts: one .NET array.</summary>
    private static readonly long MaxBodyLength = Array.MaxLength;

    /// <summary>
    /// Checks the header of <paramref name="buffer"/> against <paramref name="expectedMagic"/>
    /// and the body length against the declared dimensions.
    /// </summary>
    /// <exception cref="InvalidDataException">The magic number, a dimension or the body length is wrong.</exception>
    public static IdxArray Parse(string filePath, byte[] buffer, int expectedMagic)
    {
        int rank = expectedMagic & 0xFF;
        int headerLength = 4 * (1 + rank);
        CheckMagic(filePath, buffer, expectedMagic);
        if (buffer.Length < headerLength)
        {
            throw new InvalidDataException(
                $"The idx file '{filePath}' is truncated: it has {buffer.Length} bytes, " +
                $"fewer than the {headerLength}-byte header of a {rank}-dimensional file.");
        }

        int[] dims = ReadDimensions(filePath, buffer, rank);
        CheckBodyLength(filePath, dims, buffer.Length - headerLength);
        return new IdxArray(filePath, dims, buffer, headerLength);
    }

    private static void CheckMagic(string filePath, byte[] buffer, int expectedMagic)
    {
        int magic = buffer.Length >= 4 ? BinaryPrimitives.ReadInt32BigEndian(buffer) : -1;
        if (magic != expectedMagic)
        {
            string actual = buffer.Length >= 4 ? $"0x{magic:X8}" : $"only {buffer.Length} bytes";
            throw new InvalidDataException(
                $"The file '{filePath}' is not an idx {Describe(expectedMagic)} file: its magic number " +
                $"should be 0x{expectedMagic:X8} but is {actual}.");
        }
    }

    private static int[] ReadDimensions(string filePath, byte[] buffer, int rank)
    {
        var dims = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            dims[d] = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(4 * (d + 1)));
            if (dims[d] < 0 || (d > 0 && dims[d] == 0))
            {
                throw new InvalidDataException(
                    $"The idx file '{filePath}' declares an invalid size {dims[d]} for dimension {d}.");
            }
        }

        return dims;
    }

    private static void CheckBodyLength(string filePath, int[] dims, long actual)
    {
        long itemSize = dims.Skip(1).Aggregate(1L, (size, dim) => size * dim);
        long expected = dims[0] * itemSize;
        if (expected > MaxBodyLength)
        {
            throw new InvalidDataException(
                $"The idx file '{filePath}' declares {expected} body bytes, more than one array can hold.");
        }

        if (actual < expected)
        {
            throw new InvalidDataException(
                $"The idx file '{filePath}' is truncated: its header declares {dims[0]} items of " +
                $"{itemSize} bytes ({expected} bytes) but the body has {actual} bytes, " +
                $"so item {actual / itemSize} is incomplete.");
        }

        if (actual > expected)
        {
            throw new InvalidDataException(
                $"The idx file '{filePath}' has {actual - expected} bytes after the {dims[0]} items " +
                "its header declares; the header or the body is wrong.");
        }
    }

    private static string Describe(int magic) => magic == ImagesMagic ? "image (idx3)" : "label (idx1)";
}

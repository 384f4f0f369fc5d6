using System.IO.Compression;

namespace MLNetExtensions.Transforms.Data;

/// <summary>Reads an idx file from disk, gzip-compressed or raw, into an <see cref="IdxArray"/>.</summary>
internal static class IdxFileReader
{
    /// <summary>
    /// Reads <paramref name="filePath"/>, decompressing it when it starts with the gzip magic
    /// bytes 1f 8b, and parses it as an idx file with <paramref name="expectedMagic"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt; the message names it.</exception>
    public static IdxArray Read(string filePath, int expectedMagic)
    {
        if (!File.Exists(filePath))
        {
            throw new FileNotFoundException($"The idx file '{filePath}' does not exist.", filePath);
        }

        byte[] raw = File.ReadAllBytes(filePath);
        byte[] content = IsGzip(raw) ? Decompress(filePath, raw) : raw;
        return IdxFormat.Parse(filePath, content, expectedMagic);
    }

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static byte[] Decompress(string filePath, byte[] compressed)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream(compressed.Length * 2);
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException(
                $"The gzip-compressed idx file '{filePath}' cannot be decompressed: {ex.Message}", ex);
        }
    }
}

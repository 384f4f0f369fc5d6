using System.Buffers.Binary;
using System.IO.Compression;

namespace MLNetExtensions.Transforms.Tests.Data;

/// <summary>A temporary directory in which tests write small idx files byte by byte.</summary>
internal sealed class IdxTestDirectory : IDisposable
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    public IdxTestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "idx-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file of a big-endian header (magic, then dims) followed by body.</summary>
    public string Write(string name, int magic, int[] dims, byte[] body, bool gzip = false)
    {
        var bytes = new byte[4 * (1 + dims.Length) + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < dims.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * (d + 1)), dims[d]);
        }

        body.CopyTo(bytes, 4 * (1 + dims.Length));
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, gzip ? Compress(bytes) : bytes);
        return path;
    }

    public string WriteImages(string name, int count, int rows, int cols, byte[] body, bool gzip = false) =>
        Write(name, ImagesMagic, [count, rows, cols], body, gzip);

    public string WriteLabels(string name, byte[] labels, bool gzip = false) =>
        Write(name, LabelsMagic, [labels.Length], labels, gzip);

    public static byte[] Compress(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

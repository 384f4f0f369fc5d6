using System.Security.Cryptography;
using Microsoft.ML;

namespace MLNetExtensions.Trainers.Persistence;

/// <summary>
/// Writes a transformer's entries into an ML.NET model file in the format that
/// <see cref="ModelEntryReader"/> reads back: length-prefixed arrays and checksummed binary streams.
/// </summary>
internal sealed class ModelEntryWriter
{
    /// <summary>Bytes of the SHA-256 checksum stored before each binary stream's payload.</summary>
    public const int ChecksumLength = 32;

    private readonly ModelSaveContext _context;

    /// <summary>Creates a writer over <paramref name="context"/>.</summary>
    public ModelEntryWriter(ModelSaveContext context) => _context = context;

    /// <summary>Writes one <see cref="int"/>.</summary>
    public void WriteInt32(int value) => _context.Writer.Write(value);

    /// <summary>Writes one <see cref="float"/>.</summary>
    public void WriteSingle(float value) => _context.Writer.Write(value);

    /// <summary>Writes a length-prefixed float array.</summary>
    public void WriteSingles(IReadOnlyList<float> values)
    {
        _context.Writer.Write(values.Count);
        foreach (float value in values)
        {
            _context.Writer.Write(value);
        }
    }

    /// <summary>Writes a length-prefixed UTF-8 string.</summary>
    public void WriteString(string value) => _context.Writer.Write(value);

    /// <summary>Writes a length-prefixed string array.</summary>
    public void WriteStrings(IReadOnlyList<string> values)
    {
        _context.Writer.Write(values.Count);
        foreach (string value in values)
        {
            _context.Writer.Write(value);
        }
    }

    /// <summary>Stores <paramref name="payload"/> as binary stream <paramref name="streamName"/> with its
    /// checksum.</summary>
    public void WriteChecksummedStream(string streamName, byte[] payload) =>
        _context.SaveBinaryStream(streamName, writer =>
        {
            writer.Write(payload.Length);
            writer.Write(SHA256.HashData(payload));
            writer.Write(payload);
        });
}

using System.Security.Cryptography;
using Microsoft.ML;

namespace MLNetExtensions.Trainers.Persistence;

/// <summary>
/// Reads the entries a transformer wrote with <see cref="ModelEntryWriter"/> from an ML.NET model
/// file, turning every low-level failure (end of stream, bad length, checksum mismatch) into an
/// <see cref="InvalidDataException"/> that names the entry and what was expected.
/// </summary>
internal sealed class ModelEntryReader
{
    private readonly ModelLoadContext _context;
    private readonly string _owner;

    /// <summary>Creates a reader over <paramref name="context"/>.</summary>
    /// <param name="context">The load context positioned at the transformer's data.</param>
    /// <param name="owner">What is being loaded, for messages (for example "CNN image classifier").</param>
    public ModelEntryReader(ModelLoadContext context, string owner)
    {
        _context = context;
        _owner = owner;
    }

    /// <summary>Reads an <see cref="int"/> that must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int ReadInt32(string entry, int min, int max)
    {
        int value = Guard(entry, () => _context.Reader.ReadInt32());
        if (value < min || value > max)
        {
            throw Corrupt(entry, $"a value in [{min}, {max}], found {value}");
        }

        return value;
    }

    /// <summary>Reads a finite <see cref="float"/>.</summary>
    public float ReadSingle(string entry)
    {
        float value = Guard(entry, () => _context.Reader.ReadSingle());
        return float.IsFinite(value) ? value : throw Corrupt(entry, $"a finite number, found {value}");
    }

    /// <summary>Reads a length-prefixed array of finite floats with at most <paramref name="maxCount"/>
    /// items.</summary>
    public float[] ReadSingles(string entry, int maxCount)
    {
        int count = ReadInt32(entry + " count", 0, maxCount);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = ReadSingle($"{entry}[{i}]");
        }

        return values;
    }

    /// <summary>Reads a string written by <see cref="ModelEntryWriter.WriteString"/>.</summary>
    public string ReadString(string entry) => Guard(entry, () => _context.Reader.ReadString());

    /// <summary>Reads a length-prefixed array of strings with at most <paramref name="maxCount"/> items.</summary>
    public string[] ReadStrings(string entry, int maxCount)
    {
        int count = ReadInt32(entry + " count", 0, maxCount);
        var values = new string[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = ReadString($"{entry}[{i}]");
        }

        return values;
    }

    /// <summary>
    /// Reads the bytes of the binary stream <paramref name="streamName"/> and checks their SHA-256
    /// checksum, so that a flipped bit in stored weights is reported instead of scored with.
    /// </summary>
    public byte[] ReadChecksummedStream(string streamName)
    {
        byte[]? payload = null;
        bool found = Guard(streamName, () => _context.TryLoadBinaryStream(
            streamName,
            reader => payload = ReadPayload(streamName, reader)));
        if (!found || payload is null)
        {
            throw Corrupt(streamName, "the stream to be present, but the model file does not contain it");
        }

        return payload;
    }

    /// <summary>Builds the exception for entry <paramref name="entry"/> not holding
    /// <paramref name="expected"/>.</summary>
    public InvalidDataException Corrupt(string entry, string expected, Exception? inner = null) =>
        new($"The model file is truncated or corrupted: the {_owner} entry '{entry}' could not be read "
            + $"(expected {expected}). Save the model again or restore the file from a backup.", inner);

    private byte[] ReadPayload(string streamName, BinaryReader reader)
    {
        int length = reader.ReadInt32();
        if (length < 0)
        {
            throw Corrupt(streamName, $"a non-negative byte count, found {length}");
        }

        byte[] expectedHash = reader.ReadBytes(ModelEntryWriter.ChecksumLength);
        byte[] payload = reader.ReadBytes(length);
        if (expectedHash.Length != ModelEntryWriter.ChecksumLength || payload.Length != length)
        {
            throw Corrupt(streamName, $"{length:N0} bytes of payload after the checksum, but the stream ended early");
        }

        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(expectedHash))
        {
            throw Corrupt(streamName, "bytes whose SHA-256 checksum matches the stored one, but they differ");
        }

        return payload;
    }

    private T Guard<T>(string entry, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException
                                       or ArgumentException or InvalidOperationException or OverflowException)
        {
            throw ex as InvalidDataException ?? Corrupt(entry, "more data; " + ex.Message, ex);
        }
    }
}

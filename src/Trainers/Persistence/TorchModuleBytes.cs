using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Persistence;

/// <summary>Converts a TorchSharp module's parameters and buffers to bytes and back (TorchSharp's own
/// format).</summary>
internal static class TorchModuleBytes
{
    /// <summary>Serialises every parameter and buffer of <paramref name="module"/>.</summary>
    public static byte[] Save(nn.Module module)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            module.save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Loads <paramref name="payload"/> into <paramref name="module"/>, which must have exactly the
    /// stored parameter names and shapes.
    /// </summary>
    /// <exception cref="InvalidDataException">The payload does not match the module; names
    /// <paramref name="entry"/>.</exception>
    public static void Load(nn.Module module, byte[] payload, string entry)
    {
        try
        {
            using var stream = new MemoryStream(payload, writable: false);
            using var reader = new BinaryReader(stream);
            module.load(reader, strict: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException
                                       or FormatException or OverflowException)
        {
            throw new InvalidDataException(
                $"The model file entry '{entry}' does not hold weights for the stored network "
                + $"(parameter names or shapes differ): {ex.Message}", ex);
        }
    }
}

using System.Buffers.Binary;
using System.Text;

namespace MLNetExtensions.BuildTools;

/// <summary>
/// Marks the <c>GLIBCXX_3.4.32</c> version need of an ELF64 shared library as weak.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's libLibTorchSharp.so was linked with GCC 13, which records a need for
/// GLIBCXX_3.4.32 only because of the link-time marker symbol _ZSt21ios_base_library_initv;
/// no relocation uses it. Debian 12 ships GCC 12's libstdc++ (up to 3.4.30), so the loader
/// refuses the library. Setting VER_FLG_WEAK (0x2) on that one vernaux entry turns the hard
/// failure into nothing at all, and changes nothing where a newer libstdc++ is present.
/// The patch is idempotent and touches only the two flag bytes.
/// </remarks>
internal static class ElfVersionNeedPatcher
{
    private const string VersionName = "GLIBCXX_3.4.32";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    public static int Run(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var outcome = Patch(file);
            Console.WriteLine($"{file}: {outcome}");
        }

        return 0;
    }

    /// <summary>Patches <paramref name="path"/> in place and says what was done.</summary>
    public static string Patch(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[4] != 2 || bytes[5] != 1)
        {
            return "not a little-endian ELF64 file, left alone";
        }

        var flagOffset = FindVersionNeedFlags(bytes);
        if (flagOffset < 0)
        {
            return $"no {VersionName} need, left alone";
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(flagOffset));
        if ((flags & VerFlagWeak) != 0)
        {
            return $"{VersionName} need already weak";
        }

        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(flagOffset), (ushort)(flags | VerFlagWeak));
        File.WriteAllBytes(path, bytes);
        return $"{VersionName} need marked weak";
    }

    private static int FindVersionNeedFlags(byte[] elf)
    {
        var sectionHeaders = (int)ReadU64(elf, 0x28);
        var headerSize = ReadU16(elf, 0x3A);
        var sectionCount = ReadU16(elf, 0x3C);

        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionHeaders + i * headerSize;
            if (ReadU32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            var stringSection = sectionHeaders + (int)ReadU32(elf, header + 40) * headerSize;
            var strings = (int)ReadU64(elf, stringSection + 24);
            var needOffset = (int)ReadU64(elf, header + 24);
            var needCount = (int)ReadU32(elf, header + 44);
            return FindInNeedList(elf, needOffset, needCount, strings);
        }

        return -1;
    }

    private static int FindInNeedList(byte[] elf, int need, int needCount, int strings)
    {
        for (var n = 0; n < needCount; n++)
        {
            var auxCount = ReadU16(elf, need + 2);
            var aux = need + (int)ReadU32(elf, need + 8);
            for (var a = 0; a < auxCount; a++)
            {
                if (ReadString(elf, strings + (int)ReadU32(elf, aux + 8)) == VersionName)
                {
                    return aux + 4; // vna_flags
                }

                aux += (int)ReadU32(elf, aux + 12);
            }

            need += (int)ReadU32(elf, need + 12);
        }

        return -1;
    }

    private static string ReadString(byte[] elf, int offset)
    {
        var end = Array.IndexOf(elf, (byte)0, offset);
        return Encoding.ASCII.GetString(elf, offset, end - offset);
    }

    private static ushort ReadU16(byte[] b, int o) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(o));

    private static uint ReadU32(byte[] b, int o) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(o));

    private static ulong ReadU64(byte[] b, int o) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(o));
}

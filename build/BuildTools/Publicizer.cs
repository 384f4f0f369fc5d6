using Mono.Cecil;

namespace MLNetExtensions.BuildTools;

/// <summary>
/// Writes a compile-time reference copy of an assembly in which every type and member is public.
/// </summary>
/// <remarks>
/// ML.NET keeps the plumbing a saveable transformer needs (ModelSaveContext, ModelLoadContext,
/// VersionInfo, RowToRowTransformerBase) internal. We compile against a public copy and the
/// runtime, told by IgnoresAccessChecksToAttribute, accepts the access. The real assembly is
/// what loads at run time; this copy never leaves obj/.
/// </remarks>
internal static class Publicizer
{
    public static int Run(string input, string output)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(input))!);
        var readerParameters = new ReaderParameters { AssemblyResolver = resolver };

        using var assembly = AssemblyDefinition.ReadAssembly(input, readerParameters);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            MakePublic(type);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        assembly.Write(output);
        Console.WriteLine($"publicized {Path.GetFileName(input)} -> {output}");
        return 0;
    }

    private static void MakePublic(TypeDefinition type)
    {
        type.IsPublic = !type.IsNested;
        type.IsNestedPublic = type.IsNested;

        foreach (var method in type.Methods)
        {
            method.IsPublic = true;
        }

        foreach (var field in type.Fields)
        {
            // Backing fields of events would clash with the event name once public.
            if (!type.Events.Any(e => e.Name == field.Name))
            {
                field.IsPublic = true;
            }
        }
    }
}

// Compiled into every assembly that sets UseMLNetInternals (see MLNetInternals.targets).
// The .NET runtime honours this attribute: code in the assembly may reach the internal
// members of the named assemblies, which is how our transformers use ML.NET's own
// model-file plumbing (ModelSaveContext, ModelLoadContext, RowToRowTransformerBase).
// CS0436: each opted-in assembly carries its own internal copy; one that sees another
// assembly's copy through InternalsVisibleTo must use its own.
#pragma warning disable CS0436
[assembly: System.Runtime.CompilerServices.IgnoresAccessChecksTo("Microsoft.ML.Core")]
[assembly: System.Runtime.CompilerServices.IgnoresAccessChecksTo("Microsoft.ML.Data")]

namespace System.Runtime.CompilerServices
{
    /// <summary>Lets this assembly use the internal members of the named assembly.</summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    internal sealed class IgnoresAccessChecksToAttribute : Attribute
    {
        /// <summary>Creates the attribute for <paramref name="assemblyName"/>.</summary>
        public IgnoresAccessChecksToAttribute(string assemblyName) => AssemblyName = assemblyName;

        /// <summary>The simple name of the assembly whose internals are used.</summary>
        public string AssemblyName { get; }
    }
}

using System.Diagnostics;

namespace MLNetExtensions.Trainers.Tests.Runtime;

/// <summary>
/// The build patches libLibTorchSharp.so in build outputs (build/BuildTools). These tests run the
/// same tool on a fresh copy of the package's file and check exactly what changed.
/// </summary>
public class NativeLibraryPatchTests
{
    [Fact]
    public void Patch_PackageLibrary_ChangesOnlyTheVersionNeedFlagAndIsIdempotent()
    {
        var original = FindPackageLibrary();
        if (original is null)
        {
            return; // Not a Linux x64 restore: there is nothing to patch.
        }

        var copy = Path.Combine(Path.GetTempPath(), $"libLibTorchSharp-{Guid.NewGuid():N}.so");
        File.Copy(original, copy);
        try
        {
            Assert.Contains("marked weak", RunTool(copy));
            Assert.Contains("already weak", RunTool(copy));

            var before = File.ReadAllBytes(original);
            var after = File.ReadAllBytes(copy);
            var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();

            // vna_flags is a little-endian u16: 0x0000 (none) becomes 0x0002 (VER_FLG_WEAK).
            Assert.Single(changed);
            Assert.Equal(0, before[changed[0]]);
            Assert.Equal(2, after[changed[0]]);
            AssertReadElfSeesWeakNeed(copy);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void Patch_NotAnElfFile_LeavesItAlone()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not a shared library");
        try
        {
            Assert.Contains("not a little-endian ELF64 file", RunTool(path));
            Assert.Equal("not a shared library", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BuildOutput_LibraryCopy_IsAlreadyPatched()
    {
        var inOutput = Directory
            .EnumerateFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories)
            .FirstOrDefault();
        if (inOutput is null || FindPackageLibrary() is null)
        {
            return;
        }

        Assert.Contains("already weak", RunTool(inOutput));
    }

    private static void AssertReadElfSeesWeakNeed(string path)
    {
        if (!File.Exists("/usr/bin/readelf"))
        {
            return;
        }

        var listing = Run("/usr/bin/readelf", $"-V \"{path}\"");
        var line = listing.Split('\n').Single(l => l.Contains("Name: GLIBCXX_3.4.32"));
        Assert.Contains("Flags: WEAK", line);
    }

    private static string? FindPackageLibrary()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native",
            "libLibTorchSharp.so");
        return File.Exists(path) ? path : null;
    }

    private static string RunTool(string file)
    {
        var tool = Path.Combine(RepositoryRoot(), "build", "BuildTools", "bin", BuildConfiguration(), "net10.0",
            "MLNetExtensions.BuildTools.dll");
        return Run("dotnet", $"\"{tool}\" patch-libstdcxx-need \"{file}\"");
    }

    private static string Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {arguments} exited {process.ExitCode}: {output}");
        return output;
    }

    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}")
            ? "Release"
            : "Debug";

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MLNetExtensions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException(
            $"No MLNetExtensions.sln above {AppContext.BaseDirectory}.");
    }
}

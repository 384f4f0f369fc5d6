namespace MLNetExtensions.Transforms.Data;

/// <summary>
/// Finds Fashion-MNIST: a directory the caller names, else a system-wide installation
/// (<see cref="InstalledDirectory"/>), else the stratified subset that ships with the
/// repository. The returned <see cref="FashionMnistLocation"/> says which one it used.
/// </summary>
public static class FashionMnistLocator
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the full set.</summary>
    public const string InstalledDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The shipped subset's path relative to the repository root.</summary>
    public const string SubsetRelativePath = "samples/data/fashion-mnist";

    /// <summary>
    /// Finds the data: <paramref name="directory"/> when given, else <see cref="InstalledDirectory"/>,
    /// else the shipped subset next to the application or in a parent directory's
    /// <see cref="SubsetRelativePath"/>.
    /// </summary>
    /// <param name="directory">A directory named by the user, or <see langword="null"/> to search.</param>
    /// <exception cref="DirectoryNotFoundException">
    /// <paramref name="directory"/> does not exist, or nothing was found; the message lists the places searched.
    /// </exception>
    /// <exception cref="FileNotFoundException"><paramref name="directory"/> lacks one of the four files.</exception>
    public static FashionMnistLocation Locate(string? directory = null) =>
        Locate(directory, [InstalledDirectory], DefaultSubsetCandidates());

    /// <summary>
    /// Finds the data as <see cref="Locate(string?)"/> does, searching the given candidate
    /// directories for an installation and for the subset.
    /// </summary>
    /// <param name="directory">A directory named by the user, or <see langword="null"/> to search.</param>
    /// <param name="installedCandidates">Directories that may hold the full set, in order.</param>
    /// <param name="subsetCandidates">Directories that may hold the shipped subset, in order.</param>
    /// <exception cref="ArgumentNullException">A candidate list is <see langword="null"/>.</exception>
    /// <exception cref="DirectoryNotFoundException">
    /// <paramref name="directory"/> does not exist, or nothing was found; the message lists the places searched.
    /// </exception>
    /// <exception cref="FileNotFoundException"><paramref name="directory"/> lacks one of the four files.</exception>
    public static FashionMnistLocation Locate(
        string? directory,
        IEnumerable<string> installedCandidates,
        IEnumerable<string> subsetCandidates)
    {
        ArgumentNullException.ThrowIfNull(installedCandidates);
        ArgumentNullException.ThrowIfNull(subsetCandidates);
        if (!string.IsNullOrEmpty(directory))
        {
            CheckGivenDirectory(directory);
            return new FashionMnistLocation(Path.GetFullPath(directory), FashionMnistSource.GivenDirectory);
        }

        var searched = new List<string>();
        return FindIn(installedCandidates, FashionMnistSource.Installed, searched)
            ?? FindIn(subsetCandidates, FashionMnistSource.ShippedSubset, searched)
            ?? throw new DirectoryNotFoundException(
                "Fashion-MNIST was not found. Searched: " + string.Join(", ", searched) +
                ". Name a directory holding the four idx files, or install dataset-fashion-mnist.");
    }

    /// <summary>Whether <paramref name="directory"/> holds all four files (compressed or raw).</summary>
    public static bool HasAllFiles(string directory) => MissingFile(directory) is null;

    private static FashionMnistLocation? FindIn(
        IEnumerable<string> candidates,
        FashionMnistSource source,
        List<string> searched)
    {
        foreach (string candidate in candidates)
        {
            searched.Add(candidate);
            if (HasAllFiles(candidate))
            {
                return new FashionMnistLocation(Path.GetFullPath(candidate), source);
            }
        }

        return null;
    }

    private static void CheckGivenDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The Fashion-MNIST directory '{directory}' does not exist.");
        }

        string? missing = MissingFile(directory);
        if (missing is not null)
        {
            throw new FileNotFoundException(
                $"The Fashion-MNIST directory '{directory}' lacks '{missing}' (compressed or raw).",
                Path.Combine(directory, missing));
        }
    }

    private static string? MissingFile(string directory) =>
        FashionMnist.FileNames.FirstOrDefault(name =>
            !File.Exists(Path.Combine(directory, name)) &&
            !File.Exists(Path.Combine(directory, Path.GetFileNameWithoutExtension(name))));

    private static IEnumerable<string> DefaultSubsetCandidates()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist");
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                yield return Path.Combine(dir.FullName, SubsetRelativePath);
            }
        }
    }
}

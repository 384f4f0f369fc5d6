namespace MLNetExtensions.Evaluators.Tests.Voc;

/// <summary>Finds the committed test data next to the test sources, whatever the output folder.</summary>
internal static class TestDataFolder
{
    private const string Relative = "tests/MLNetExtensions.Evaluators.Tests/TestData";

    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, Relative);
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.Combine([candidate, .. parts]);
            }
        }

        throw new DirectoryNotFoundException($"No '{Relative}' folder above {AppContext.BaseDirectory}.");
    }
}

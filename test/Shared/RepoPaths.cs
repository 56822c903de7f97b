namespace Corridors.Tests;

/// <summary>Paths inside the repository, found by walking up from the test binary to Corridors.slnx.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Corridors.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Repository root (Corridors.slnx) not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The bundled data directory.</summary>
    public static string Data => Path.Combine(Root, "data");

    /// <summary>The minimal valid data set (test/TestData/minimal).</summary>
    public static string MinimalData => Path.Combine(Root, "test", "TestData", "minimal");

    /// <summary>A copy of the minimal data set in a fresh temp folder, for tests that edit it.</summary>
    public static string MinimalDataCopy()
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.EnumerateFiles(MinimalData))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        return dir;
    }
}

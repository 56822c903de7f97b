namespace Corridors.Tests;

/// <summary>Temporary data directories for loader tests, and the repository's bundled data.</summary>
internal sealed class TempDataDir : IDisposable
{
    public TempDataDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corridors-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Write(string name, string text) => System.IO.File.WriteAllText(File(name), text);

    /// <summary>Writes the minimal valid data set (<see cref="MinimalData"/>).</summary>
    public TempDataDir WithMinimalData()
    {
        foreach (var (name, text) in MinimalData.Files)
        {
            Write(name, text);
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// A tiny valid network in test/TestData/minimal: Alashankou (CN, 1435) —transfer— Dostyk (KZ, 1520) —rail— Aktau
/// (Caspian) —ferry— Alat (AZ). Line numbers matter: tests edit a known line and assert the diagnostic's position.
/// </summary>
internal static class MinimalData
{
    public static string Directory => RepoPaths.MinimalData;

    public static string Nodes => File.ReadAllText(Path.Combine(Directory, "nodes.csv"));

    public static string Legs => File.ReadAllText(Path.Combine(Directory, "legs.csv"));

    public static IEnumerable<(string Name, string Text)> Files =>
        System.IO.Directory.EnumerateFiles(Directory, "*.csv").Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
}

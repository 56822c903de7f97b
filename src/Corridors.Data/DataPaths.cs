namespace Corridors.Data;

/// <summary>Locates the bundled data directory.</summary>
public static class DataPaths
{
    /// <summary>
    /// The bundled data directory: the first <c>data/</c> folder holding <c>nodes.csv</c> found walking up from the
    /// current directory, then from the program's directory. Front ends may override it (the CLI reads
    /// <c>CORRIDORS_DATA</c>); nothing here reads the environment.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, "nodes.csv")))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "data");
    }
}

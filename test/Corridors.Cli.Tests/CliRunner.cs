using Corridors.Cli;

namespace Corridors.Tests;

/// <summary>Runs the CLI in-process with captured stdout/stderr.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CorridorsApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

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

    public static string Data => Path.Combine(Root, "data");

    /// <summary>The minimal valid data set used by the loader tests, copied to a fresh temp folder.</summary>
    public static string MinimalDataCopy()
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "test", "TestData", "minimal")))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        return dir;
    }
}

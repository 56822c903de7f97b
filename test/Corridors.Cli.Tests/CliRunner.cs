using Corridors.Cli;

namespace Corridors.Tests;

/// <summary>
/// Runs the CLI in-process with captured stdout/stderr and an explicit environment: the bundled data, a run store
/// of its own in the temp folder (never the default <c>.corridors/corridors.db</c>) and a test cache folder. No test
/// reads or changes process-wide environment variables.
/// </summary>
internal static class CliRunner
{
    /// <summary>The store runs write to unless a test passes <c>--store</c> or <c>--no-store</c>.</summary>
    public static readonly string TestStore = Path.Combine(Path.GetTempPath(), "corridors-tests", "store-" + Guid.NewGuid().ToString("N") + ".db");

    /// <summary>The environment of every run.</summary>
    public static CliEnvironment Environment(TimeProvider? clock = null) => new(
        RepoPaths.Data,
        TestStore,
        Path.Combine(Path.GetTempPath(), "corridors-tests", "cache"),
        null,
        clock ?? TimeProvider.System);

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWith(Environment(), args);

    public static (int ExitCode, string Stdout, string Stderr) RunWith(CliEnvironment environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CorridorsApp.Run(args, stdout, stderr, environment);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

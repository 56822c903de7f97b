using Corridors.Data;
using Corridors.Data.Store;
using Corridors.Network;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Corridors.Cli;

/// <summary>
/// What every command needs: the output writers (stdout for results, stderr for logs and diagnostics), a logger
/// and the network loader. Created once per invocation; tests create it with string writers.
/// </summary>
internal sealed class CliContext : IDisposable
{
    private readonly Dictionary<string, NetworkDefinition> _definitions = new(StringComparer.Ordinal);

    public CliContext(TextWriter stdout, TextWriter stderr, bool verbose = false)
    {
        Stdout = stdout;
        Stderr = stderr;
        Verbose = verbose;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        // Redirected output (files, pipes, CI logs) has no terminal width; Spectre would assume 80 columns and wrap
        // every table cell. Use COLUMNS when set, else a width that fits the widest tables.
        if (!ReferenceEquals(stdout, System.Console.Out) || System.Console.IsOutputRedirected)
        {
            Console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 40 ? columns : 160;
        }

        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder
            .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning)
            .AddProvider(new TextWriterLoggerProvider(stderr)));
    }

    /// <summary>Results go here (tables, JSON, GeoJSON).</summary>
    public TextWriter Stdout { get; }

    /// <summary>Logs and diagnostics go here.</summary>
    public TextWriter Stderr { get; }

    /// <summary>Spectre console writing to <see cref="Stdout"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Print stack traces and debug logs.</summary>
    public bool Verbose { get; set; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>
    /// Loads and validates the network files in <paramref name="dataDirectory"/> (default: the bundled data). Warnings
    /// go to stderr; errors throw <see cref="Diagnostics.InputDataException"/> (exit code 2).
    /// </summary>
    public NetworkDefinition LoadDefinition(string? dataDirectory)
    {
        var dir = Path.GetFullPath(dataDirectory ?? DataPaths.DefaultDataDirectory());
        LastDataDirectory = dir;
        if (_definitions.TryGetValue(dir, out var cached))
        {
            return cached;
        }

        var result = NetworkLoader.Load(dir);
        foreach (var d in result.Diagnostics)
        {
            if (!d.IsError && Verbose)
            {
                Stderr.WriteLine(d.ToString());
            }
        }

        var definition = result.GetDefinitionOrThrow();
        _definitions[dir] = definition;
        return definition;
    }

    /// <summary>Where results are stored (SQLite); null disables storing (<c>--no-store</c>).</summary>
    /// <value><c>CORRIDORS_STORE</c> if set, else <c>.corridors/corridors.db</c> under the working directory.</value>
    public string? StorePath { get; set; } = DefaultStorePath();

    /// <summary>The data directory of the last load (for the stored run's fingerprint).</summary>
    public string? LastDataDirectory { get; private set; }

    /// <summary>
    /// Stores a result in the SQLite result store (one transaction per run). A failure to store is logged as a
    /// warning and does not fail the command: the result has already been printed.
    /// </summary>
    /// <returns>The stored run's id, or null when storing is off or failed.</returns>
    public long? Record(string command, IEnumerable<string> arguments, object result, int? year = null, long? seed = null)
    {
        if (StorePath is null)
        {
            return null;
        }

        try
        {
            using var store = ResultStore.Open(StorePath);
            var fingerprint = ResultStore.Fingerprint(LastDataDirectory ?? DataPaths.DefaultDataDirectory());
            var json = System.Text.Json.JsonSerializer.Serialize(result, JsonOutput.Options);
            var run = store.Save(command, string.Join(' ', arguments), fingerprint, year, seed, json);
            LoggerFactory.CreateLogger("Corridors.Store").LogDebug("Stored run {Id} in {Path}", run.Id, StorePath);
            return run.Id;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            Stderr.WriteLine($"warn: the result was not stored in {StorePath}: {ex.Message}");
            return null;
        }
    }

    private static string DefaultStorePath()
    {
        var env = Environment.GetEnvironmentVariable("CORRIDORS_STORE");
        return string.IsNullOrWhiteSpace(env) ? Path.Combine(Directory.GetCurrentDirectory(), ".corridors", "corridors.db") : env;
    }

    /// <summary>Loads the network and freezes it for <paramref name="year"/>.</summary>
    public CorridorNetwork LoadNetwork(string? dataDirectory, int year) =>
        CorridorNetwork.Build(LoadDefinition(dataDirectory), year);

    public void Dispose() => LoggerFactory.Dispose();
}

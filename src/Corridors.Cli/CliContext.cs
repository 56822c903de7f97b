using Corridors.Application.Requests;
using Corridors.Application.Runs;
using Corridors.Application.Services;
using Corridors.Application.Workspace;
using Corridors.Data;
using Corridors.Data.Store;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Corridors.Cli;

/// <summary>
/// What every command needs: the output writers (stdout for results, stderr for logs and diagnostics), a logger,
/// and the application workspace built from the global options and the <see cref="CliEnvironment"/>. Created once
/// per invocation; tests create it with string writers and an explicit environment.
/// </summary>
internal sealed class CliContext : IDisposable
{
    private CorridorsWorkspace? _workspace;

    public CliContext(TextWriter stdout, TextWriter stderr, CliEnvironment environment, bool verbose = false)
    {
        Stdout = stdout;
        Stderr = new LineWriter(stderr);
        Environment = environment;
        Verbose = verbose;
        var terminal = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        // Redirected output (files, pipes, CI logs) has no terminal width; Spectre would assume 80 columns and wrap
        // every table cell. Use COLUMNS when set, else a width that fits the widest tables.
        if (!terminal)
        {
            Console.Profile.Width = environment.Columns ?? 160;
        }

        // One provider and one level: no dependency-injection container to build on every call (start-up, issue 16).
        LoggerFactory = new TextWriterLoggerFactory(Stderr, verbose ? LogLevel.Debug : LogLevel.Warning);
    }

    /// <summary>Results go here (tables, JSON, GeoJSON).</summary>
    public TextWriter Stdout { get; }

    /// <summary>Logs and diagnostics go here, one message per line (<see cref="LineWriter"/>).</summary>
    public TextWriter Stderr { get; }

    /// <summary>Spectre console writing to <see cref="Stdout"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Where defaults come from.</summary>
    public CliEnvironment Environment { get; }

    /// <summary>Print stack traces and debug logs.</summary>
    public bool Verbose { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary><c>--data</c>, when given.</summary>
    public string? DataOption { get; set; }

    /// <summary><c>--store</c>, when given.</summary>
    public string? StoreOption { get; set; }

    /// <summary><c>--store-provider</c>, when given.</summary>
    public string? StoreProviderOption { get; set; }

    /// <summary><c>--no-store</c>.</summary>
    public bool NoStore { get; set; }

    /// <summary>When the invocation started (the duration recorded with a stored run).</summary>
    private readonly long _started = TimeProvider.System.GetTimestamp();

    /// <summary>The data directory: <c>--data</c>, else the environment's, else the bundled data.</summary>
    public string DataDirectory => Path.GetFullPath(DataDirectoryAsGiven);

    private string DataDirectoryAsGiven => DataOption ?? Environment.DataDirectory ?? DataPaths.DefaultDataDirectory();

    /// <summary>The provider word as given (<c>--store-provider</c>, else <c>CORRIDORS_STORE_PROVIDER</c>), or null.</summary>
    private string? StoreProviderWord => StoreProviderOption ?? Environment.StoreProvider;

    /// <summary>
    /// The run store, or null with <c>--no-store</c>: <c>--store</c> (else <c>CORRIDORS_STORE</c>) is the SQLite
    /// file or, with <c>--store-provider postgresql</c>, the connection string; a SQLite store defaults to
    /// <c>.corridors/corridors.db</c> under the working directory.
    /// </summary>
    public RunStoreOptions? Store
    {
        get
        {
            if (NoStore)
            {
                return null;
            }

            RunStoreOptions.TryParseProvider(StoreProviderWord ?? "sqlite", out var provider);
            var location = StoreOption ?? Environment.StorePath;
            return new RunStoreOptions(provider, location ?? (provider == RunStoreProvider.Sqlite ? Path.Combine(Directory.GetCurrentDirectory(), ".corridors", "corridors.db") : string.Empty));
        }
    }

    /// <summary><c>--scenario</c> of the command being run, when given (a preset name or a scenario file).</summary>
    public string? ScenarioOption { get; set; }

    /// <summary>The <c>--scenario</c> option of each command that has one (<see cref="Commands.ScenarioOption"/>).</summary>
    public Dictionary<System.CommandLine.Command, System.CommandLine.Option<string?>> ScenarioOptions { get; } = [];

    /// <summary>The application workspace of the data, built on first use from the options above.</summary>
    public CorridorsWorkspace BaseWorkspace
    {
        get
        {
            if (_workspace is null)
            {
                _workspace = Environment.Workspaces?.Invoke(WorkspaceOptions);
                _ownsWorkspace = _workspace is null;
                _workspace ??= new CorridorsWorkspace(WorkspaceOptions);
            }

            return _workspace;
        }
    }

    /// <summary>
    /// The workspace the command runs on: <see cref="BaseWorkspace"/> under <c>--scenario</c> when given. An unknown
    /// name is a usage error; a scenario file with errors throws <see cref="Diagnostics.InputDataException"/>.
    /// </summary>
    public CorridorsWorkspace Workspace
    {
        get
        {
            if (ScenarioOption is null)
            {
                return BaseWorkspace;
            }

            var opened = BaseWorkspace.Scenarios.Open(ScenarioOption, allowFiles: true);
            return opened.IsValid ? opened.Value : throw new CliUsageException(CorridorsApp.ScenarioPrefix + opened.Problems[0].Message);
        }
    }

    // A workspace lent by the environment (shared between invocations) keeps its store open.
    private bool _ownsWorkspace;

    private WorkspaceOptions WorkspaceOptions => new()
    {
        DataDirectory = DataDirectoryAsGiven,
        CacheDirectory = Environment.CacheDirectory,
        Store = Store,
        TimeProvider = Environment.Clock,
        LoggerFactory = LoggerFactory,
    };

    /// <summary>Problems of the global paths (<c>--data ""</c>, <c>--store ""</c>), checked before any command runs.</summary>
    public IReadOnlyList<RequestProblem> GlobalProblems()
    {
        var problems = new List<RequestProblem>();
        if (!NoStore && StoreProviderWord is { } word && !RunStoreOptions.TryParseProvider(word, out _))
        {
            problems.Add(new("storeProvider", $"Unknown run store provider '{RequestText.Quote(word)}'; use sqlite or postgresql."));
        }

        problems.AddRange(WorkspaceOptions.Problems());
        return problems;
    }

    /// <summary>Records a document in the run store and returns the text to print (the stored bytes).</summary>
    public RecordedRun Record<T>(string command, IEnumerable<string> arguments, T document, int? year = null, long? seed = null) =>
        Workspace.Runs.Record(new RunInfo(command, string.Join(' ', arguments), year, seed) { Duration = TimeProvider.System.GetElapsedTime(_started) }, document);

    /// <summary>
    /// Checks that find a command's request problems without running it, by command: when the command line also has
    /// values that could not be read, <see cref="CorridorsApp"/> reports these problems in the same round. A check
    /// reads option values with <see cref="OptionValues.Read{T}(System.CommandLine.ParseResult, System.CommandLine.Option{T})"/>
    /// and calls the application layer's check of the request, or the query itself where answering is as cheap and
    /// has no side effect (a network summary, a place listing, a sea route).
    /// </summary>
    public Dictionary<System.CommandLine.Command, Func<System.CommandLine.ParseResult, IReadOnlyList<RequestProblem>>> RequestChecks { get; } = [];

    /// <summary>Prints every problem of a request as <c>error: --option: message</c> and returns exit code 1.</summary>
    public int Fail(IReadOnlyList<RequestProblem> problems)
    {
        foreach (var p in problems)
        {
            Stderr.WriteLine($"error: {OptionNames.For(p)}: {OptionParsers.Escape(p.Message)}");
        }

        return ExitCodes.Usage;
    }

    public void Dispose()
    {
        if (_ownsWorkspace)
        {
            // Closing the store folds a SQLite WAL back into the file before the process ends.
            _workspace?.Runs.Close();
        }

        LoggerFactory.Dispose();
    }
}

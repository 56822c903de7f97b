using Corridors.Application.Contracts;
using Corridors.Application.Workspace;
using Corridors.Data.Postgres;
using Corridors.Data.Store;
using Microsoft.Extensions.Logging;

namespace Corridors.Application.Runs;

/// <summary>A document serialised once, and the id of its stored run (null when storing is off or failed).</summary>
/// <param name="Json">The document exactly as stored; print this.</param>
/// <param name="RunId">The stored run's id.</param>
public sealed record RecordedRun(string Json, long? RunId);

/// <summary>What a stored run records besides its document.</summary>
/// <param name="Command">The command or endpoint (route, compare, reliability, ...).</param>
/// <param name="Arguments">The request as the user gave it (CLI arguments, or the request JSON).</param>
/// <param name="Year">Network year.</param>
/// <param name="Seed">Random seed of a stochastic run.</param>
public sealed record RunInfo(string Command, string Arguments, int? Year, long? Seed)
{
    /// <summary>Scenario name, when the run was made under one.</summary>
    public string? Scenario { get; init; }

    /// <summary>SHA-256 of the scenario definition.</summary>
    public string? ScenarioFingerprint { get; init; }

    /// <summary>How long the run computed.</summary>
    public TimeSpan? Duration { get; init; }
}

/// <summary>Opens the run store of a <see cref="RunStoreOptions"/>: the one place that knows both providers.</summary>
public static class RunStores
{
    /// <summary>Opens (creating and migrating if needed) the store.</summary>
    /// <exception cref="ResultStoreException">The store cannot be opened; the message says why.</exception>
    public static IRunStore Open(RunStoreOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == RunStoreProvider.PostgreSql
            ? PostgresRunStore.Open(options.ConnectionString, clock)
            : SqliteRunStore.Open(options.ConnectionString, clock);
    }

    /// <summary>The store as named in messages, without opening it (never a PostgreSQL password).</summary>
    public static string Describe(RunStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == RunStoreProvider.Sqlite)
        {
            return options.ConnectionString;
        }

        try
        {
            var b = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
            return $"postgresql://{b.Host}:{b.Port}/{b.Database ?? b.Username ?? "postgres"}";
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return "postgresql";
        }
    }
}

/// <summary>
/// Stores results in the run store: the document is serialised once with <see cref="ContractJson.Options"/>, stored
/// with its seed, year, data fingerprint, scenario (name and fingerprint, under a scenario view of the workspace) and
/// duration, and the same text is returned for printing, so <c>runs show</c> gives back byte for byte what was printed.
/// The store is opened on first use and shared by every request of the workspace (a store that cannot be opened is
/// tried again next time). A failure to store is logged as a warning and never fails the request.
/// </summary>
public sealed class RunRecorder
{
    private readonly CorridorsWorkspace _workspace;
    private readonly ILogger _log;
    private readonly Shared _shared;

    internal RunRecorder(CorridorsWorkspace workspace, RunRecorder? root = null)
    {
        _workspace = workspace;
        _log = workspace.Options.LoggerFactory.CreateLogger("Corridors.Store");

        // A scenario view records under its scenario into the root workspace's store (one connection, one close).
        _shared = root?._shared ?? new Shared();
    }

    /// <summary>The store's options, or null when nothing is stored.</summary>
    public RunStoreOptions? Store => _workspace.Options.Store;

    /// <summary>The store as named in messages, or null when nothing is stored.</summary>
    public string? Location => Store is { } store ? RunStores.Describe(store) : null;

    /// <summary>Serialises <paramref name="document"/> and stores it (when a store is configured).</summary>
    public RecordedRun Record<T>(RunInfo info, T document) => RecordJson(info, ContractJson.Serialize(document), RunStatus.Succeeded);

    /// <summary>Stores an already serialised document with its status (a failed job stores the problem it ended with).</summary>
    public RecordedRun RecordJson(RunInfo info, string json, RunStatus status)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(json);
        if (Store is null)
        {
            return new RecordedRun(json, null);
        }

        try
        {
            var run = Open().Save(new RunRecord
            {
                Command = info.Command,
                Arguments = info.Arguments,
                DataFingerprint = _workspace.DataFingerprint,
                Year = info.Year,
                Seed = info.Seed,
                Scenario = info.Scenario ?? _workspace.Scenario?.Name,
                ScenarioFingerprint = info.ScenarioFingerprint ?? _workspace.Scenario?.Fingerprint,
                Duration = info.Duration,
                Status = status,
                ResultJson = json,
            });
            Log.RunStored(_log, run.Id, Location!);
            return new RecordedRun(json, run.Id);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.RunNotStored(_log, Location!, ex.Message);
            return new RecordedRun(json, null);
        }
    }

    /// <summary>
    /// Closes the shared store (a SQLite file is checkpointed, its WAL folded back into the file); the next use
    /// opens it again. Front ends call it when they stop.
    /// </summary>
    public void Close()
    {
        lock (_shared.Gate)
        {
            _shared.Store?.Dispose();
            _shared.Store = null;
        }
    }

    /// <summary>The workspace's store, opened on first use and shared.</summary>
    /// <exception cref="InvalidOperationException">No store is configured.</exception>
    /// <exception cref="ResultStoreException">The store cannot be opened.</exception>
    public IRunStore Open()
    {
        var options = Store ?? throw new InvalidOperationException("No run store is configured.");
        lock (_shared.Gate)
        {
            return _shared.Store ??= RunStores.Open(options, _workspace.Clock);
        }
    }

    /// <summary>The store a workspace and its scenario views share.</summary>
    private sealed class Shared
    {
        public Lock Gate { get; } = new();

        public IRunStore? Store { get; set; }
    }
}

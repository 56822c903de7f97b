using System.Threading.Channels;
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
            var run = Open().Save(Record(info, json, status));
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
    /// As <see cref="RecordJson"/>, for a server answering many requests at once: the run joins the runs other callers
    /// are storing at the same moment, and one writer stores them together in one transaction (group commit: one
    /// commit and no blocked request threads, instead of one lock, transaction and commit per run). The task ends
    /// after the transaction holding the run has committed, so a run id a caller hands out is a stored run; a batch
    /// that fails stores none of its runs, and each of its callers gets no id (logged, as <see cref="RecordJson"/>).
    /// </summary>
    public async Task<RecordedRun> RecordJsonAsync(RunInfo info, string json, RunStatus status)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(json);
        if (Store is null)
        {
            return new RecordedRun(json, null);
        }

        try
        {
            var id = await _shared.Enqueue(Record(info, json, status), this).ConfigureAwait(false);
            Log.RunStored(_log, id, Location!);
            return new RecordedRun(json, id);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.RunNotStored(_log, Location!, ex.Message);
            return new RecordedRun(json, null);
        }
    }

    private RunRecord Record(RunInfo info, string json, RunStatus status) => new()
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
    };

    /// <summary>
    /// Closes the shared store (a SQLite file is checkpointed, its WAL folded back into the file); the next use
    /// opens it again. Front ends call it when they stop.
    /// </summary>
    public void Close()
    {
        _shared.StopWriter();
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

    /// <summary>The store a workspace and its scenario views share, and its group-commit writer.</summary>
    private sealed class Shared
    {
        /// <summary>The most runs one transaction of the writer stores.</summary>
        private const int MaxBatch = 256;

        private readonly Lock _writerGate = new();
        private Channel<(RunRecord Run, TaskCompletionSource<long> Done)>? _queue;
        private Thread? _writer;

        public Lock Gate { get; } = new();

        public IRunStore? Store { get; set; }

        /// <summary>Queues <paramref name="run"/> for the writer (started on first use); the task ends with its id once committed.</summary>
        public Task<long> Enqueue(RunRecord run, RunRecorder recorder)
        {
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_writerGate)
            {
                if (_queue is null)
                {
                    var queue = Channel.CreateUnbounded<(RunRecord, TaskCompletionSource<long>)>(new UnboundedChannelOptions { SingleReader = true });
                    _writer = new Thread(() => Write(queue.Reader, recorder)) { IsBackground = true, Name = "Corridors run store writer" };
                    _queue = queue;
                    _writer.Start();
                }

                _queue.Writer.TryWrite((run, done));
            }

            return done.Task;
        }

        /// <summary>Lets the writer store what is queued, then stops it (the next run starts it again).</summary>
        public void StopWriter()
        {
            Thread? writer;
            lock (_writerGate)
            {
                _queue?.Writer.TryComplete();
                writer = _writer;
                _queue = null;
                _writer = null;
            }

            writer?.Join();
        }

        private static void Write(ChannelReader<(RunRecord Run, TaskCompletionSource<long> Done)> reader, RunRecorder recorder)
        {
            var batch = new List<(RunRecord Run, TaskCompletionSource<long> Done)>(MaxBatch);
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                try
                {
                    var stored = recorder.Open().SaveAll([.. batch.Select(b => b.Run)]);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Done.TrySetResult(stored[i].Id);
                    }
                }
#pragma warning disable CA1031 // The writer must outlive any failure: every caller of the batch hears it, and the next batch is tried.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    foreach (var b in batch)
                    {
                        b.Done.TrySetException(ex);
                    }
                }

                batch.Clear();
            }
        }
    }
}

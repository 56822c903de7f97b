using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Corridors.Data.Store;

/// <summary>How a stored run ended.</summary>
public enum RunStatus
{
    /// <summary>The run finished; its result is the document it returned.</summary>
    Succeeded,

    /// <summary>The run failed or was cancelled; its result is a document saying why.</summary>
    Failed,
}

/// <summary>What a run records: what was asked, on which data, with which seed, how long it took, and its result.</summary>
public sealed record RunRecord
{
    /// <summary>Command or endpoint, e.g. <c>compare</c>.</summary>
    public required string Command { get; init; }

    /// <summary>The parameters as given: the command line after the command name, or the request JSON.</summary>
    public required string Arguments { get; init; }

    /// <summary>SHA-256 of the data files the run used (see <see cref="DataFingerprint"/>).</summary>
    public required string DataFingerprint { get; init; }

    /// <summary>Network year, when the command has one.</summary>
    public int? Year { get; init; }

    /// <summary>Random seed, for stochastic runs.</summary>
    public long? Seed { get; init; }

    /// <summary>Scenario name, when the run was made under one.</summary>
    public string? Scenario { get; init; }

    /// <summary>SHA-256 of the scenario definition, when there is one.</summary>
    public string? ScenarioFingerprint { get; init; }

    /// <summary>How long the run computed (null when not measured).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>How the run ended.</summary>
    /// <value><see cref="RunStatus.Succeeded"/>.</value>
    public RunStatus Status { get; init; } = RunStatus.Succeeded;

    /// <summary>The result exactly as printed with <c>--json</c> or returned by the API.</summary>
    public required string ResultJson { get; init; }
}

/// <summary>A stored run.</summary>
/// <param name="Id">Row id, increasing.</param>
/// <param name="CreatedUtc">When the run was stored (from the injected clock, to the microsecond).</param>
/// <param name="Record">What the run records.</param>
/// <param name="ResultSha256">SHA-256 of <see cref="RunRecord.ResultJson"/> as written (null for runs stored before schema version 2).</param>
public sealed record StoredRun(long Id, DateTimeOffset CreatedUtc, RunRecord Record, string? ResultSha256);

/// <summary>Which database keeps the runs.</summary>
public enum RunStoreProvider
{
    /// <summary>An embedded SQLite file (WAL journal); the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    PostgreSql,
}

/// <summary>Where runs are stored: the provider, and the SQLite file or the PostgreSQL connection string.</summary>
/// <param name="Provider">The database.</param>
/// <param name="ConnectionString">
/// For SQLite the file path (a <c>Data Source=...</c> string is accepted too); for PostgreSQL an Npgsql connection
/// string (<c>Host=...;Database=...;Username=...</c>).
/// </param>
public sealed record RunStoreOptions(RunStoreProvider Provider, string ConnectionString)
{
    /// <summary>A SQLite store in <paramref name="path"/>.</summary>
    public static RunStoreOptions Sqlite(string path) => new(RunStoreProvider.Sqlite, path);

    /// <summary>Reads a provider name: <c>sqlite</c>, <c>postgresql</c> or <c>postgres</c> (any case).</summary>
    public static bool TryParseProvider(string? text, out RunStoreProvider provider)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "SQLITE":
                provider = RunStoreProvider.Sqlite;
                return true;
            case "POSTGRESQL" or "POSTGRES" or "NPGSQL":
                provider = RunStoreProvider.PostgreSql;
                return true;
            default:
                provider = RunStoreProvider.Sqlite;
                return false;
        }
    }

    /// <summary>The provider's configuration name.</summary>
    public static string Name(RunStoreProvider provider) => provider == RunStoreProvider.PostgreSql ? "postgresql" : "sqlite";
}

/// <summary>
/// The run store: every run written in one transaction (a process killed mid-write leaves no partial run), read
/// back byte for byte. Implementations are thread-safe and apply their schema migrations when opened (table
/// <c>schema_migrations</c>, one row per applied version).
/// </summary>
public interface IRunStore : IDisposable
{
    /// <summary>Where the store is, for messages: the SQLite path, or <c>postgresql://host:port/database</c> (never a password).</summary>
    string Location { get; }

    /// <summary>The highest schema version applied.</summary>
    int SchemaVersion { get; }

    /// <summary>Stores a run in one transaction and returns it with its id.</summary>
    /// <exception cref="ResultStoreException">The database refused the write.</exception>
    StoredRun Save(RunRecord run);

    /// <summary>
    /// Stores runs in one transaction (all or none: a process killed mid-write leaves none of them) and returns them
    /// with their ids, in order: one commit for many runs, for callers that gather concurrent writes.
    /// </summary>
    /// <exception cref="ResultStoreException">The database refused the write.</exception>
    IReadOnlyList<StoredRun> SaveAll(IReadOnlyList<RunRecord> runs);

    /// <summary>The most recent runs, newest first, optionally of one command.</summary>
    /// <exception cref="ResultStoreException">The database cannot be read.</exception>
    IReadOnlyList<StoredRun> List(int limit = 50, string? command = null);

    /// <summary>One run by id.</summary>
    /// <exception cref="ResultStoreException">The database cannot be read.</exception>
    bool TryGet(long id, [MaybeNullWhen(false)] out StoredRun run);

    /// <summary>Deletes one run; false when there is none with that id.</summary>
    /// <exception cref="ResultStoreException">The database refused the delete.</exception>
    bool Delete(long id);

    /// <summary>
    /// Checks the database (SQLite's integrity check; a round trip on PostgreSQL) and every run's result against its
    /// SHA-256; returns the ids of runs whose result does not match, or null when the database itself is damaged.
    /// </summary>
    IReadOnlyList<long>? Verify();
}

/// <summary>Fingerprints that name the exact inputs of a run.</summary>
public static class DataFingerprint
{
    /// <summary>
    /// SHA-256 over the relative names and contents of the files of a data directory (sorted by name), so a stored
    /// result names the exact data it was computed from.
    /// </summary>
    public static string Of(string dataDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(dataDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(dataDirectory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 }).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(dataDirectory, file) + "\n"));

                // A FIFO or device would block or never end; an unreadable file counts by its name only (the loader
                // reports it).
                if (Csv.CsvText.NotAFile(file) is null)
                {
                    try
                    {
                        hash.AppendData(File.ReadAllBytes(file));
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        hash.AppendData("\0unreadable"u8);
                    }
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of a text's UTF-8 bytes, lower-case hex.</summary>
    public static string OfText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>
/// The run store cannot be opened, read or written; the message is a sentence naming the store and the reason. An
/// <see cref="IOException"/>, so callers that tolerate a failing store (storing a run is never worth failing a
/// request) catch it with other I/O failures.
/// </summary>
public sealed class ResultStoreException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="location">The store as named in messages.</param>
    /// <param name="message">A sentence naming the store and the reason.</param>
    /// <param name="inner">The database or I/O failure, when there is one.</param>
    public ResultStoreException(string location, string message, Exception? inner = null)
        : base(message, inner) => StorePath = location;

    /// <summary>The store as named in messages (the SQLite path as given, or the PostgreSQL server and database).</summary>
    public string StorePath { get; }
}

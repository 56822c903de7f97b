using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Corridors.Data.Store;

/// <summary>A stored run: what was asked, on which data, with which seed, and the result as JSON.</summary>
/// <param name="Id">Row id, increasing.</param>
/// <param name="CreatedUtc">When the run was stored (from the injected clock).</param>
/// <param name="Command">Command name, e.g. <c>compare</c>.</param>
/// <param name="Arguments">The command line as given (after the command name).</param>
/// <param name="DataFingerprint">SHA-256 of the data files the run used (see <see cref="ResultStore.Fingerprint"/>).</param>
/// <param name="Year">Network year, when the command has one.</param>
/// <param name="Seed">Random seed, for stochastic runs.</param>
/// <param name="ResultJson">The result exactly as printed with <c>--json</c>.</param>
public sealed record StoredRun(long Id, DateTimeOffset CreatedUtc, string Command, string Arguments, string DataFingerprint, int? Year, long? Seed, string ResultJson);

/// <summary>
/// Keeps every result the CLI produces in a SQLite file, so runs can be listed, compared and reproduced later.
/// Each run is written in one transaction (WAL journal): a run that crashes mid-write leaves earlier results and
/// the file intact.
/// </summary>
public sealed class ResultStore : IDisposable
{
    private const int SchemaVersion = 1;
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    // One SQLite connection is not thread-safe; the store serialises its own calls so it can be shared.
    private readonly Lock _gate = new();

    private ResultStore(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>Path of the database file.</summary>
    public string Path => _connection.DataSource;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    /// <exception cref="ResultStoreException">
    /// The path is empty, names something other than a regular file (a directory, a link, a device or FIFO), is not a
    /// SQLite database, is damaged, or cannot be created or written.
    /// </exception>
    public static ResultStore Open(string path, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ResultStoreException(path, "The run store path is empty.");
        }

        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ResultStoreException(path, $"The run store path '{path}' is not a valid file name.", ex);
        }

        // SQLite follows links and opens devices and FIFOs (blocking on a FIFO, writing a journal next to the link's
        // target), so only a regular file or a new path is opened.
        var kind = FileKinds.Of(full);
        if (kind is not (PathKind.Missing or PathKind.RegularFile))
        {
            throw new ResultStoreException(path, $"The run store '{path}' cannot be opened: it is {FileKinds.Describe(kind)}.");
        }

        SqliteConnection? connection = null;
        try
        {
            var directory = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    created_utc TEXT NOT NULL,
                    command TEXT NOT NULL,
                    arguments TEXT NOT NULL,
                    data_fingerprint TEXT NOT NULL,
                    year INTEGER NULL,
                    seed INTEGER NULL,
                    result_json TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS runs_command ON runs(command, id);
                """);
            using var version = connection.CreateCommand();
            version.CommandText = "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', $v)";
            version.Parameters.AddWithValue("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture));
            version.ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new ResultStoreException(path, $"The run store '{path}' cannot be opened: {Reason(ex)}", ex);
        }

        return new ResultStore(connection, clock ?? TimeProvider.System);
    }

    /// <summary>A sentence for why SQLite or the file system refused the store.</summary>
    internal static string Reason(Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: 26 } => "it is not a SQLite database.",
        SqliteException { SqliteErrorCode: 11 } => "the database is damaged (truncated or overwritten).",
        SqliteException { SqliteErrorCode: 8 } => "it is read-only.",
        SqliteException { SqliteErrorCode: 14 } => "the file cannot be opened or created (check that its folder exists and is writable).",
        SqliteException { SqliteErrorCode: 5 or 6 } => "it is locked by another process.",
        SqliteException { SqliteErrorCode: 13 } => "the disk is full.",
        SqliteException { SqliteErrorCode: 1 } e => $"it is a SQLite database of another kind ({e.Message.TrimEnd('.')}).",
        SqliteException e => $"SQLite reported: {e.Message.TrimEnd('.')}.",
        InvalidCastException or FormatException => "a stored run has values of the wrong type.",
        _ => ex.Message.EndsWith('.') ? ex.Message : ex.Message + ".",
    };

    /// <summary>Stores a run in one transaction and returns it with its id.</summary>
    public StoredRun Save(string command, string arguments, string dataFingerprint, int? year, long? seed, string resultJson)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(dataFingerprint);
        ArgumentNullException.ThrowIfNull(resultJson);
        var created = _clock.GetUtcNow();
        lock (_gate)
        {
            try
            {
                return Insert(command, arguments, dataFingerprint, year, seed, resultJson, created);
            }
            catch (SqliteException ex)
            {
                throw new ResultStoreException(Path, $"The run store '{Path}' cannot be written: {Reason(ex)}", ex);
            }
        }
    }

    private StoredRun Insert(string command, string arguments, string dataFingerprint, int? year, long? seed, string resultJson, DateTimeOffset created)
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO runs(created_utc, command, arguments, data_fingerprint, year, seed, result_json)
            VALUES ($created, $command, $arguments, $fingerprint, $year, $seed, $json);
            SELECT last_insert_rowid();
            """;
        insert.Parameters.AddWithValue("$created", created.ToString("O", CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$command", command);
        insert.Parameters.AddWithValue("$arguments", arguments);
        insert.Parameters.AddWithValue("$fingerprint", dataFingerprint);
        insert.Parameters.AddWithValue("$year", (object?)year ?? DBNull.Value);
        insert.Parameters.AddWithValue("$seed", (object?)seed ?? DBNull.Value);
        insert.Parameters.AddWithValue("$json", resultJson);
        var id = (long)insert.ExecuteScalar()!;
        transaction.Commit();
        return new StoredRun(id, created, command, arguments, dataFingerprint, year, seed, resultJson);
    }

    /// <summary>The most recent runs, newest first, optionally of one command.</summary>
    public IReadOnlyList<StoredRun> List(int limit = 50, string? command = null)
    {
        lock (_gate)
        {
            try
            {
                return Query(limit, command);
            }
            catch (Exception ex) when (ex is SqliteException or InvalidCastException or FormatException)
            {
                throw new ResultStoreException(Path, $"The run store '{Path}' cannot be read: {Reason(ex)}", ex);
            }
        }
    }

    private List<StoredRun> Query(int limit, string? command)
    {
        using var query = _connection.CreateCommand();
        query.CommandText = command is null
            ? "SELECT id, created_utc, command, arguments, data_fingerprint, year, seed, result_json FROM runs ORDER BY id DESC LIMIT $limit"
            : "SELECT id, created_utc, command, arguments, data_fingerprint, year, seed, result_json FROM runs WHERE command = $command ORDER BY id DESC LIMIT $limit";
        query.Parameters.AddWithValue("$limit", limit);
        if (command is not null)
        {
            query.Parameters.AddWithValue("$command", command);
        }

        var runs = new List<StoredRun>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(Read(reader));
        }

        return runs;
    }

    /// <summary>One run by id.</summary>
    public bool TryGet(long id, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out StoredRun run)
    {
        lock (_gate)
        {
            try
            {
                return TryQuery(id, out run);
            }
            catch (Exception ex) when (ex is SqliteException or InvalidCastException or FormatException)
            {
                throw new ResultStoreException(Path, $"The run store '{Path}' cannot be read: {Reason(ex)}", ex);
            }
        }
    }

    private bool TryQuery(long id, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out StoredRun run)
    {
        using var query = _connection.CreateCommand();
        query.CommandText = "SELECT id, created_utc, command, arguments, data_fingerprint, year, seed, result_json FROM runs WHERE id = $id";
        query.Parameters.AddWithValue("$id", id);
        using var reader = query.ExecuteReader();
        if (reader.Read())
        {
            run = Read(reader);
            return true;
        }

        run = null;
        return false;
    }

    /// <summary>Runs a database integrity check; true when SQLite reports "ok".</summary>
    public bool CheckIntegrity()
    {
        using var query = _connection.CreateCommand();
        query.CommandText = "PRAGMA integrity_check";
        return string.Equals(query.ExecuteScalar() as string, "ok", StringComparison.Ordinal);
    }

    /// <summary>
    /// SHA-256 over the names and contents of the CSV files of a data directory (sorted by name), so a stored result
    /// names the exact data it was computed from.
    /// </summary>
    public static string Fingerprint(string dataDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(dataDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(dataDirectory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 }).Order(StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(System.IO.Path.GetRelativePath(dataDirectory, file) + "\n"));

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

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static StoredRun Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.IsDBNull(5) ? null : r.GetInt32(5),
        r.IsDBNull(6) ? null : r.GetInt64(6),
        r.GetString(7));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// The run store cannot be opened, read or written; the message is a sentence naming the path and the reason. An
/// <see cref="IOException"/>, so callers that tolerate a failing store (storing a run is never worth failing a
/// request) catch it with other I/O failures.
/// </summary>
public sealed class ResultStoreException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The store path as given.</param>
    /// <param name="message">A sentence naming the path and the reason.</param>
    /// <param name="inner">The SQLite or I/O failure, when there is one.</param>
    public ResultStoreException(string path, string message, Exception? inner = null)
        : base(message, inner) => StorePath = path;

    /// <summary>The store path as given.</summary>
    public string StorePath { get; }
}

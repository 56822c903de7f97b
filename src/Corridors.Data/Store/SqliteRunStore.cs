using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Corridors.Data.Store;

/// <summary>
/// The run store in an embedded SQLite file: WAL journal, <c>synchronous=NORMAL</c> (a commit survives a killed
/// process; only a power cut may lose the last commits, never corrupt the file), each run written in one
/// transaction. One connection, serialised by the store, so an instance can be shared by every request.
/// </summary>
public sealed class SqliteRunStore : IRunStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    // One SQLite connection is not thread-safe; the store serialises its own calls so it can be shared.
    private readonly Lock _gate = new();

    private SqliteRunStore(string location, SqliteConnection connection, TimeProvider clock, int version)
    {
        Location = location;
        _connection = connection;
        _clock = clock;
        SchemaVersion = version;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <summary>Opens (creating if needed, and migrating to <see cref="RunStoreSchema.Latest"/>) the store at <paramref name="path"/>.</summary>
    /// <exception cref="ResultStoreException">
    /// The path is empty, names something other than a regular file (a directory, a link, a device or FIFO), is not a
    /// SQLite database, is damaged, was written by a newer version, or cannot be created or written.
    /// </exception>
    public static SqliteRunStore Open(string path, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            path = new SqliteConnectionStringBuilder(path).DataSource;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ResultStoreException(path, "The run store path is empty.");
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
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
            var directory = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
            var version = Migrate(connection, clock ?? TimeProvider.System, path);
            return new SqliteRunStore(path, connection, clock ?? TimeProvider.System, version);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidCastException or FormatException)
        {
            connection?.Dispose();
            throw ex as ResultStoreException ?? new ResultStoreException(path, $"The run store '{path}' cannot be opened: {Reason(ex)}", ex);
        }
    }

    /// <summary>Applies the migrations the file lacks, each in one <c>BEGIN IMMEDIATE</c> transaction; returns the version.</summary>
    private static int Migrate(SqliteConnection connection, TimeProvider clock, string path)
    {
        Execute(connection, $"CREATE TABLE IF NOT EXISTS {RunStoreSchema.VersionTable} (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_utc TEXT NOT NULL)");
        var current = 0;
        foreach (var migration in RunStoreSchema.Migrations)
        {
            // BEGIN IMMEDIATE takes the write lock, so two processes opening a new file apply each version once.
            using var transaction = connection.BeginTransaction(deferred: false);
            current = CurrentVersion(connection, transaction);
            if (current > RunStoreSchema.Latest)
            {
                throw new ResultStoreException(path, $"The run store '{path}' cannot be opened: {RunStoreSchema.TooNew(current)}");
            }

            if (current >= migration.Version)
            {
                continue;
            }

            using (var apply = connection.CreateCommand())
            {
                apply.Transaction = transaction;
                apply.CommandText = migration.Sqlite;
                apply.ExecuteNonQuery();
            }

            using (var mark = connection.CreateCommand())
            {
                mark.Transaction = transaction;
                mark.CommandText = $"INSERT INTO {RunStoreSchema.VersionTable}(version, description, applied_utc) VALUES (@v, @d, @t)";
                mark.Parameters.AddWithValue("@v", migration.Version);
                mark.Parameters.AddWithValue("@d", migration.Description);
                mark.Parameters.AddWithValue("@t", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                mark.ExecuteNonQuery();
            }

            transaction.Commit();
            current = migration.Version;
        }

        return current;
    }

    private static int CurrentVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = $"SELECT COALESCE(MAX(version), 0) FROM {RunStoreSchema.VersionTable}";
        return Convert.ToInt32(query.ExecuteScalar(), CultureInfo.InvariantCulture);
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

    /// <inheritdoc />
    public StoredRun Save(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return SaveAll([run])[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredRun> SaveAll(IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var created = Microseconds(_clock.GetUtcNow());
        var shas = runs.Select(r => DataFingerprint.OfText(r.ResultJson)).ToArray(); // outside the lock
        return Guard("written", () =>
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var stored = new List<StoredRun>(runs.Count);
            for (var i = 0; i < runs.Count; i++)
            {
                using var insert = _connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = RunStoreSchema.Insert;
                StoredRunReader.AddParameters(insert, runs[i], created.ToString("O", CultureInfo.InvariantCulture), shas[i]);
                stored.Add(new StoredRun((long)insert.ExecuteScalar()!, created, runs[i], shas[i]));
            }

            transaction.Commit();
            return stored;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredRun> List(int limit = 50, string? command = null) => Guard("read", () =>
    {
        using var query = _connection.CreateCommand();
        query.CommandText = $"SELECT {RunStoreSchema.Columns} FROM runs WHERE (@command IS NULL OR command = @command) ORDER BY id DESC LIMIT @limit";
        query.Parameters.AddWithValue("@limit", limit);
        query.Parameters.AddWithValue("@command", (object?)command ?? DBNull.Value);
        var runs = new List<StoredRun>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(StoredRunReader.Read(reader, Created));
        }

        return runs;
    });

    /// <inheritdoc />
    public bool TryGet(long id, [MaybeNullWhen(false)] out StoredRun run)
    {
        run = Guard("read", () =>
        {
            using var query = _connection.CreateCommand();
            query.CommandText = $"SELECT {RunStoreSchema.Columns} FROM runs WHERE id = @id";
            query.Parameters.AddWithValue("@id", id);
            using var reader = query.ExecuteReader();
            return reader.Read() ? StoredRunReader.Read(reader, Created) : null;
        });
        return run is not null;
    }

    /// <inheritdoc />
    public bool Delete(long id) => Guard("written", () =>
    {
        using var delete = _connection.CreateCommand();
        delete.CommandText = "DELETE FROM runs WHERE id = @id";
        delete.Parameters.AddWithValue("@id", id);
        return delete.ExecuteNonQuery() > 0;
    });

    /// <inheritdoc />
    public IReadOnlyList<long>? Verify() => Guard("read", () =>
    {
        using (var check = _connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            if (!string.Equals(check.ExecuteScalar() as string, "ok", StringComparison.Ordinal))
            {
                return null;
            }
        }

        using var query = _connection.CreateCommand();
        query.CommandText = "SELECT id, result_json, result_sha256 FROM runs ORDER BY id";
        using var reader = query.ExecuteReader();
        return (IReadOnlyList<long>?)StoredRunReader.Mismatches(reader);
    });

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>Both providers keep microseconds (PostgreSQL's resolution), so a run reads back as it was saved.</summary>
    internal static DateTimeOffset Microseconds(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);

    private static DateTimeOffset Created(System.Data.Common.DbDataReader r, int i) =>
        DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private T Guard<T>(string what, Func<T> action)
    {
        lock (_gate)
        {
            try
            {
                return action();
            }
            catch (Exception ex) when (ex is SqliteException or InvalidCastException or FormatException)
            {
                throw new ResultStoreException(Location, $"The run store '{Location}' cannot be {what}: {Reason(ex)}", ex);
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

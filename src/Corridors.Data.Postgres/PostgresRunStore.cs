using System.Diagnostics.CodeAnalysis;
using Corridors.Data.Store;
using Npgsql;

namespace Corridors.Data.Postgres;

/// <summary>
/// The run store on a PostgreSQL server: the tables of <see cref="RunStoreSchema"/> in the connection's first
/// search-path schema, each run inserted in one transaction (a client killed mid-write leaves nothing: the server
/// rolls the transaction back when the connection drops). Pooled connections through one
/// <see cref="NpgsqlDataSource"/>, so an instance is shared by every request.
/// </summary>
public sealed class PostgresRunStore : IRunStore
{
    // Any fixed 64-bit key: every process migrating the same database waits on it.
    private const long MigrationLock = 0x436F7272_69646F72;

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _clock;

    private PostgresRunStore(NpgsqlDataSource source, string location, TimeProvider clock, int version)
    {
        _source = source;
        Location = location;
        _clock = clock;
        SchemaVersion = version;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <summary>Connects, migrates to <see cref="RunStoreSchema.Latest"/> and returns the store.</summary>
    /// <exception cref="ResultStoreException">
    /// The connection string is malformed, the server cannot be reached or refuses the login, or the database was
    /// written by a newer version.
    /// </exception>
    public static PostgresRunStore Open(string connectionString, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ResultStoreException("postgresql", "The PostgreSQL connection string is malformed (expected Host=...;Database=...;Username=...).", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ResultStoreException("postgresql", "The PostgreSQL connection string names no server (Host=...).");
        }

        var location = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "postgres"}";
        builder.Timeout = builder.Timeout is 15 ? 5 : builder.Timeout;
        NpgsqlDataSource? source = null;
        try
        {
            source = NpgsqlDataSource.Create(builder.ConnectionString);
            var version = Migrate(source, clock ?? TimeProvider.System, location);
            return new PostgresRunStore(source, location, clock ?? TimeProvider.System, version);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
        {
            source?.Dispose();
            throw ex as ResultStoreException ?? new ResultStoreException(location, $"The run store '{location}' cannot be opened: {Reason(ex)}", ex);
        }
    }

    private static int Migrate(NpgsqlDataSource source, TimeProvider clock, string location)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", MigrationLock));
        Execute(connection, transaction, $"CREATE TABLE IF NOT EXISTS {RunStoreSchema.VersionTable} (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_utc TIMESTAMPTZ NOT NULL)");
        int current;
        using (var query = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {RunStoreSchema.VersionTable}", connection, transaction))
        {
            current = Convert.ToInt32(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > RunStoreSchema.Latest)
        {
            throw new ResultStoreException(location, $"The run store '{location}' cannot be opened: {RunStoreSchema.TooNew(current)}");
        }

        // Every missing version in the one transaction (PostgreSQL's DDL is transactional): all or none.
        foreach (var migration in RunStoreSchema.Migrations.Where(m => m.Version > current))
        {
            Execute(connection, transaction, migration.PostgreSql);
            Execute(
                connection,
                transaction,
                $"INSERT INTO {RunStoreSchema.VersionTable}(version, description, applied_utc) VALUES (@v, @d, @t)",
                ("v", migration.Version),
                ("d", migration.Description),
                ("t", clock.GetUtcNow()));
            current = migration.Version;
        }

        transaction.Commit();
        return current;
    }

    /// <summary>A sentence for why the server refused.</summary>
    internal static string Reason(Exception ex) => ex switch
    {
        PostgresException { SqlState: "28P01" or "28000" } => "the server refused the login (check Username and Password).",
        PostgresException { SqlState: "3D000" } => "the database does not exist.",
        PostgresException pg => $"PostgreSQL reported: {pg.MessageText.TrimEnd('.')} ({pg.SqlState}).",
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException or IOException } => "the server cannot be reached (check Host and Port, and that it is running).",
        TimeoutException => "the server did not answer in time.",
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
        var created = SqliteRunStore.Microseconds(_clock.GetUtcNow());
        var shas = runs.Select(r => DataFingerprint.OfText(r.ResultJson)).ToArray();
        return Guard("written", () =>
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var stored = new List<StoredRun>(runs.Count);
            for (var i = 0; i < runs.Count; i++)
            {
                using var insert = new NpgsqlCommand(RunStoreSchema.Insert, connection, transaction);
                StoredRunReader.AddParameters(insert, runs[i], created, shas[i]);
                stored.Add(new StoredRun((long)insert.ExecuteScalar()!, created, runs[i], shas[i]));
            }

            transaction.Commit();
            return stored;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredRun> List(int limit = 50, string? command = null) => Guard("read", () =>
    {
        using var query = _source.CreateCommand($"SELECT {RunStoreSchema.Columns} FROM runs WHERE (@command::text IS NULL OR command = @command) ORDER BY id DESC LIMIT @limit");
        query.Parameters.AddWithValue("limit", limit);
        query.Parameters.Add(new NpgsqlParameter<string?>("command", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = command });
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
            using var query = _source.CreateCommand($"SELECT {RunStoreSchema.Columns} FROM runs WHERE id = @id");
            query.Parameters.AddWithValue("id", id);
            using var reader = query.ExecuteReader();
            return reader.Read() ? StoredRunReader.Read(reader, Created) : null;
        });
        return run is not null;
    }

    /// <inheritdoc />
    public bool Delete(long id) => Guard("written", () =>
    {
        using var delete = _source.CreateCommand("DELETE FROM runs WHERE id = @id");
        delete.Parameters.AddWithValue("id", id);
        return delete.ExecuteNonQuery() > 0;
    });

    /// <inheritdoc />
    public IReadOnlyList<long>? Verify() => Guard("read", () =>
    {
        // PostgreSQL's own crash recovery keeps its files consistent; what is checked here is every run's result.
        using var query = _source.CreateCommand("SELECT id, result_json, result_sha256 FROM runs ORDER BY id");
        using var reader = query.ExecuteReader();
        return (IReadOnlyList<long>?)StoredRunReader.Mismatches(reader);
    });

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();

    private static DateTimeOffset Created(System.Data.Common.DbDataReader r, int i) => new(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));

    private T Guard<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidCastException or FormatException or TimeoutException)
        {
            throw new ResultStoreException(Location, $"The run store '{Location}' cannot be {what}: {Reason(ex)}", ex);
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}

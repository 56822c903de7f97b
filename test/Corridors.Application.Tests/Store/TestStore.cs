using Corridors.Data.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Corridors.Tests.Store;

/// <summary>
/// A throwaway run store for one test: a SQLite file in its own temp folder, or a schema of its own on the
/// PostgreSQL server of <c>CORRIDORS_TEST_PG</c> (created here, dropped on dispose). Without that variable the
/// PostgreSQL tests are skipped with the reason on a developer machine and fail under CI (<c>CI</c> set), so a CI
/// run without the server can never pass them silently.
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly string? _folder;
    private readonly string? _schema;
    private readonly string? _server;

    private TestStore(RunStoreOptions options, string? folder, string? schema, string? server)
    {
        Options = options;
        _folder = folder;
        _schema = schema;
        _server = server;
    }

    /// <summary>The variable with the PostgreSQL test server's connection string.</summary>
    public const string ServerVariable = "CORRIDORS_TEST_PG";

    public RunStoreOptions Options { get; }

    public RunStoreProvider Provider => Options.Provider;

    /// <summary>A fresh store of <paramref name="provider"/>.</summary>
    public static TestStore Create(RunStoreProvider provider)
    {
        if (provider == RunStoreProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "corridors-store-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestStore(RunStoreOptions.Sqlite(Path.Combine(folder, "runs.db")), folder, null, null);
        }

        var server = PostgresServer();
        var schema = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            create.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema };
        return new TestStore(new RunStoreOptions(RunStoreProvider.PostgreSql, builder.ConnectionString), null, schema, server);
    }

    /// <summary>The server's connection string; skips (developer machine) or fails (CI) without one.</summary>
    public static string PostgresServer()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server)
        {
            return server;
        }

        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{ServerVariable} is not set under CI: .ci/run must start the PostgreSQL test server and export its connection string.");
        }

        Assert.Skip($"PostgreSQL store tests need a server: set {ServerVariable} (e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres); .ci/run starts one.");
        return string.Empty;
    }

    /// <summary>Runs SQL on the store's database outside the store (to tamper with it, or to leave a transaction open).</summary>
    public System.Data.Common.DbConnection OpenRaw()
    {
        System.Data.Common.DbConnection connection = Provider == RunStoreProvider.Sqlite
            ? new SqliteConnection($"Data Source={Options.ConnectionString};Pooling=False")
            : new NpgsqlConnection(Options.ConnectionString);
        connection.Open();
        return connection;
    }

    public void Execute(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (_schema is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }
}

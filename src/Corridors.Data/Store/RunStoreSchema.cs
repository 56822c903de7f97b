namespace Corridors.Data.Store;

/// <summary>One schema change of the run store, in each provider's dialect.</summary>
/// <param name="Version">Version number; applied in order, each in one transaction with its row in <c>schema_migrations</c>.</param>
/// <param name="Description">What the version adds.</param>
/// <param name="Sqlite">The SQLite statements.</param>
/// <param name="PostgreSql">The PostgreSQL statements.</param>
public sealed record RunStoreMigration(int Version, string Description, string Sqlite, string PostgreSql);

/// <summary>
/// The run store's schema as an ordered list of migrations, shared by both providers so that they hold the same
/// tables and columns. A store opened on a database applies the versions it lacks (under a write lock: SQLite's
/// <c>BEGIN IMMEDIATE</c>, a PostgreSQL advisory lock) and refuses one written by a newer version.
/// </summary>
public static class RunStoreSchema
{
    /// <summary>The table that records applied versions.</summary>
    public const string VersionTable = "schema_migrations";

    /// <summary>Every migration, oldest first.</summary>
    public static IReadOnlyList<RunStoreMigration> Migrations { get; } =
    [
        new(
            1,
            "runs: command, arguments, data fingerprint, year, seed, result",
            // IF NOT EXISTS: a store made before the version table existed already has this table.
            """
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
            """,
            """
            CREATE TABLE IF NOT EXISTS runs (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                created_utc TIMESTAMPTZ NOT NULL,
                command TEXT NOT NULL,
                arguments TEXT NOT NULL,
                data_fingerprint TEXT NOT NULL,
                year INTEGER NULL,
                seed BIGINT NULL,
                result_json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS runs_command ON runs(command, id);
            """),
        new(
            2,
            "status, scenario and its fingerprint, duration, result SHA-256",
            """
            ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'succeeded' CHECK (status IN ('succeeded', 'failed'));
            ALTER TABLE runs ADD COLUMN scenario TEXT NULL;
            ALTER TABLE runs ADD COLUMN scenario_fingerprint TEXT NULL;
            ALTER TABLE runs ADD COLUMN duration_ms REAL NULL;
            ALTER TABLE runs ADD COLUMN result_sha256 TEXT NULL;
            """,
            """
            ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'succeeded' CHECK (status IN ('succeeded', 'failed'));
            ALTER TABLE runs ADD COLUMN scenario TEXT NULL;
            ALTER TABLE runs ADD COLUMN scenario_fingerprint TEXT NULL;
            ALTER TABLE runs ADD COLUMN duration_ms DOUBLE PRECISION NULL;
            ALTER TABLE runs ADD COLUMN result_sha256 TEXT NULL;
            """),
    ];

    /// <summary>The newest version this build knows.</summary>
    public static int Latest => Migrations[^1].Version;

    /// <summary>The columns every query reads, in the order <see cref="StoredRunReader"/> expects.</summary>
    internal const string Columns = "id, created_utc, command, arguments, data_fingerprint, year, seed, result_json, status, scenario, scenario_fingerprint, duration_ms, result_sha256";

    /// <summary>The INSERT of a run (named parameters, the same in both dialects); the id comes back from RETURNING.</summary>
    internal const string Insert = """
        INSERT INTO runs(created_utc, command, arguments, data_fingerprint, year, seed, result_json, status, scenario, scenario_fingerprint, duration_ms, result_sha256)
        VALUES (@created, @command, @arguments, @fingerprint, @year, @seed, @json, @status, @scenario, @scenarioFingerprint, @duration, @sha)
        RETURNING id
        """;

    /// <summary>The sentence for a database written by a newer version.</summary>
    internal static string TooNew(int version) => $"it was written by a newer Corridors (schema version {version}; this one knows versions up to {Latest}).";

    /// <summary>The status column's word.</summary>
    internal static string Word(RunStatus status) => status == RunStatus.Failed ? "failed" : "succeeded";

    /// <summary>Reads the status column.</summary>
    internal static RunStatus Status(string word) => word switch
    {
        "failed" => RunStatus.Failed,
        "succeeded" => RunStatus.Succeeded,
        _ => throw new FormatException($"Unknown run status '{word}'."),
    };
}

/// <summary>Turns a row of <see cref="RunStoreSchema.Columns"/> into a <see cref="StoredRun"/>, for both providers.</summary>
internal static class StoredRunReader
{
    public static StoredRun Read(System.Data.Common.DbDataReader r, Func<System.Data.Common.DbDataReader, int, DateTimeOffset> created) => new(
        r.GetInt64(0),
        created(r, 1),
        new RunRecord
        {
            Command = r.GetString(2),
            Arguments = r.GetString(3),
            DataFingerprint = r.GetString(4),
            Year = r.IsDBNull(5) ? null : r.GetInt32(5),
            Seed = r.IsDBNull(6) ? null : r.GetInt64(6),
            ResultJson = r.GetString(7),
            Status = RunStoreSchema.Status(r.GetString(8)),
            Scenario = r.IsDBNull(9) ? null : r.GetString(9),
            ScenarioFingerprint = r.IsDBNull(10) ? null : r.GetString(10),
            Duration = r.IsDBNull(11) ? null : TimeSpan.FromMilliseconds(r.GetDouble(11)),
        },
        r.IsDBNull(12) ? null : r.GetString(12));

    /// <summary>Ids of runs whose result does not match its recorded SHA-256.</summary>
    public static List<long> Mismatches(System.Data.Common.DbDataReader r)
    {
        var bad = new List<long>();
        while (r.Read())
        {
            if (!r.IsDBNull(2) && !string.Equals(DataFingerprint.OfText(r.GetString(1)), r.GetString(2), StringComparison.Ordinal))
            {
                bad.Add(r.GetInt64(0));
            }
        }

        return bad;
    }

    /// <summary>The command parameters of a run, the same in both dialects (<c>@name</c>).</summary>
    /// <param name="insert">The INSERT command.</param>
    /// <param name="run">The run.</param>
    /// <param name="created">The creation time in the provider's representation.</param>
    /// <param name="sha256">The result's SHA-256, computed by the caller outside any lock.</param>
    public static void AddParameters(System.Data.Common.DbCommand insert, RunRecord run, object created, string sha256)
    {
        void Add(string name, object? value)
        {
            var p = insert.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            insert.Parameters.Add(p);
        }

        Add("created", created);
        Add("command", run.Command);
        Add("arguments", run.Arguments);
        Add("fingerprint", run.DataFingerprint);
        Add("year", run.Year);
        Add("seed", run.Seed);
        Add("json", run.ResultJson);
        Add("status", RunStoreSchema.Word(run.Status));
        Add("scenario", run.Scenario);
        Add("scenarioFingerprint", run.ScenarioFingerprint);
        Add("duration", run.Duration?.TotalMilliseconds);
        Add("sha", sha256);
    }
}

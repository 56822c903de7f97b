using Corridors.Application.Runs;
using Corridors.Data.Store;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Tests.Store;

/// <summary>The same store tests on SQLite (a real file) and PostgreSQL (a real server, a schema per test).</summary>
public abstract class RunStoreContractTests : IDisposable
{
    private readonly TestStore _store;

    protected RunStoreContractTests(RunStoreProvider provider) => _store = TestStore.Create(provider);

    private IRunStore Open(TimeProvider? clock = null) => RunStores.Open(_store.Options, clock);

    private static RunRecord Run(string command, string arguments, string json, long? seed = null) => new()
    {
        Command = command,
        Arguments = arguments,
        DataFingerprint = "abc123",
        Year = 2026,
        Seed = seed,
        ResultJson = json,
    };

    [Fact]
    public void Save_ThenListAndGet_RoundTripsEveryField()
    {
        // Given a clock with sub-microsecond ticks (both stores keep microseconds)
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero).AddTicks(1234567));
        using var store = Open(clock);

        // When two runs are saved, one with every optional field
        var first = store.Save(Run("compare", "--from Xian --to Duisburg", """{"routes":[]}"""));
        var second = store.Save(Run("reliability", "--seed 7", """{"routes":[{"seed":7}]}""", 7) with
        {
            Scenario = "closure",
            ScenarioFingerprint = "def456",
            Duration = TimeSpan.FromMilliseconds(1234.5),
            Status = RunStatus.Failed,
        });

        // Then they come back newest first, field for field
        second.Id.ShouldBeGreaterThan(first.Id);
        store.List().Select(r => r.Id).ShouldBe([second.Id, first.Id]);
        store.List(command: "compare").ShouldHaveSingleItem().Record.Arguments.ShouldBe("--from Xian --to Duisburg");
        store.TryGet(second.Id, out var run).ShouldBeTrue();
        run.ShouldBe(second);
        run.CreatedUtc.UtcTicks.ShouldBe(clock.GetUtcNow().UtcTicks - 7);
        run.Record.Duration.ShouldBe(TimeSpan.FromMilliseconds(1234.5));
        run.Record.Status.ShouldBe(RunStatus.Failed);
        run.ResultSha256.ShouldBe(DataFingerprint.OfText("""{"routes":[{"seed":7}]}"""));
        store.TryGet(999_999, out _).ShouldBeFalse();
    }

    [Fact]
    public void Open_Twice_AppliesEachMigrationOnceAndKeepsEarlierRuns()
    {
        using (var store = Open())
        {
            store.Save(Run("route", "a", "{}"));
            store.SchemaVersion.ShouldBe(RunStoreSchema.Latest);
        }

        using var reopened = Open();
        reopened.List().Count.ShouldBe(1);
        reopened.SchemaVersion.ShouldBe(RunStoreSchema.Latest);
        using var connection = _store.OpenRaw();
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*), MAX(version) FROM {RunStoreSchema.VersionTable}";
        using var reader = count.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(RunStoreSchema.Migrations.Count);
        reader.GetInt64(1).ShouldBe(RunStoreSchema.Latest);
    }

    [Fact]
    public void Open_SchemaFromANewerVersion_IsRefusedWithASentence()
    {
        using (Open())
        {
        }

        _store.Execute($"INSERT INTO {RunStoreSchema.VersionTable}(version, description, applied_utc) VALUES (99, 'future', CURRENT_TIMESTAMP)");

        var ex = Should.Throw<ResultStoreException>(() => Open());
        ex.Message.ShouldEndWith($"it was written by a newer Corridors (schema version 99; this one knows versions up to {RunStoreSchema.Latest}).");
    }

    [Fact]
    public void Delete_RemovesOnlyThatRun()
    {
        using var store = Open();
        var a = store.Save(Run("route", "a", "{}"));
        var b = store.Save(Run("route", "b", "{}"));

        store.Delete(a.Id).ShouldBeTrue();
        store.Delete(a.Id).ShouldBeFalse();

        store.List().ShouldHaveSingleItem().Id.ShouldBe(b.Id);
    }

    [Fact]
    public void UncommittedWrite_IsDiscarded_EarlierRunsIntact()
    {
        using (var store = Open())
        {
            store.Save(Run("route", "a", "{\"ok\":1}"));
            store.Save(Run("route", "b", "{\"ok\":2}"));
        }

        // A writer whose connection goes away between INSERT and COMMIT.
        var crashed = _store.OpenRaw();
        var transaction = crashed.BeginTransaction();
        using (var insert = crashed.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO runs(created_utc, command, arguments, data_fingerprint, result_json) VALUES (CURRENT_TIMESTAMP, 'route', 'c', 'f', '{\"half\":')";
            insert.ExecuteNonQuery();
        }

        crashed.Dispose();

        using var after = Open();
        after.Verify().ShouldBe([]);
        after.List().Select(r => r.Record.Arguments).ShouldBe(["b", "a"]);
    }

    [Fact]
    public void Verify_ResultChangedBehindTheStore_NamesTheRun()
    {
        using var store = Open();
        var good = store.Save(Run("route", "a", "{\"ok\":1}"));
        var bad = store.Save(Run("route", "b", "{\"ok\":2}"));

        _store.Execute($"UPDATE runs SET result_json = '{{\"ok\":3}}' WHERE id = {bad.Id}");

        store.Verify().ShouldBe([bad.Id]);
        store.TryGet(good.Id, out _).ShouldBeTrue();
    }

    [Fact]
    public void Save_FromTwoStoresConcurrently_KeepsEveryRun()
    {
        using var a = Open();
        using var b = Open();

        Parallel.For(0, 40, i => (i % 2 == 0 ? a : b).Save(Run("route", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "{}")));

        a.List(limit: 100).Select(r => r.Record.Arguments).Order().ShouldBe(Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public void SaveAll_StoresEveryRunInOrderWithIncreasingIds()
    {
        using var store = Open();
        var earlier = store.Save(Run("route", "before", "{}"));

        var saved = store.SaveAll([Run("route", "a", "{\"a\":1}"), Run("compare", "b", "{\"b\":2}", seed: 7), Run("route", "c", "{}")]);

        saved.Select(r => r.Record.Arguments).ShouldBe(["a", "b", "c"]);
        saved.Select(r => r.Id).ShouldBe(saved.Select(r => r.Id).Order());
        saved[0].Id.ShouldBeGreaterThan(earlier.Id);
        store.TryGet(saved[1].Id, out var b).ShouldBeTrue();
        (b.Record.Command, b.Record.Seed, b.Record.ResultJson).ShouldBe(("compare", (long?)7, "{\"b\":2}"));
        store.Verify().ShouldBeEmpty();
    }

    [Fact]
    public void Save_ResultWithQuotesAndUnicode_ComesBackByteForByte()
    {
        using var store = Open();
        const string Json = "{\"name\":\"Xi'an → Duisburg; DROP TABLE runs; --\",\"ü\":\"\\u0000\"}";

        var saved = store.Save(Run("route", "'; DROP TABLE runs; --", Json));

        store.TryGet(saved.Id, out var run).ShouldBeTrue();
        run.Record.ResultJson.ShouldBe(Json);
        run.Record.Arguments.ShouldBe("'; DROP TABLE runs; --");
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteRunStoreTests() : RunStoreContractTests(RunStoreProvider.Sqlite)
{
    [Fact]
    public void Open_StoreFromBeforeTheVersionTable_MigratesAndKeepsItsRuns()
    {
        // Given a file as the first store wrote it: runs without the version-2 columns and a meta table.
        var path = Path.Combine(Path.GetTempPath(), "corridors-legacy-" + Guid.NewGuid().ToString("N") + ".db");
        using (var legacy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            legacy.Open();
            using var create = legacy.CreateCommand();
            create.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema_version', '1');
                CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, created_utc TEXT NOT NULL, command TEXT NOT NULL, arguments TEXT NOT NULL,
                    data_fingerprint TEXT NOT NULL, year INTEGER NULL, seed INTEGER NULL, result_json TEXT NOT NULL);
                INSERT INTO runs(created_utc, command, arguments, data_fingerprint, year, seed, result_json)
                VALUES ('2026-01-02T03:04:05.0000000+00:00', 'route', '--from Xian', 'f', 2026, NULL, '{"old":true}');
                """;
            create.ExecuteNonQuery();
        }

        // When the current store opens it
        using var store = SqliteRunStore.Open(path);

        // Then it is at the latest version and the old run reads back as a succeeded run without a hash
        store.SchemaVersion.ShouldBe(RunStoreSchema.Latest);
        var run = store.List().ShouldHaveSingleItem();
        run.Record.ResultJson.ShouldBe("{\"old\":true}");
        run.Record.Status.ShouldBe(RunStatus.Succeeded);
        run.ResultSha256.ShouldBeNull();
        store.Verify().ShouldBe([]);
        store.Save(new RunRecord { Command = "route", Arguments = "new", DataFingerprint = "f", ResultJson = "{}" }).Id.ShouldBeGreaterThan(run.Id);
        store.Dispose();
        File.Delete(path);
    }
}

public sealed class PostgresRunStoreTests() : RunStoreContractTests(RunStoreProvider.PostgreSql);

using Corridors.Data.Store;
using Microsoft.Data.Sqlite;

namespace Corridors.Tests.Store;

/// <summary>The SQLite result store, on a real file in a per-test temp folder.</summary>
public sealed class ResultStoreTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    private string DbPath => _dir.File("runs.db");

    [Fact]
    public void Save_ThenListAndGet_RoundTripsEveryField()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero));
        using var store = ResultStore.Open(DbPath, clock);

        var first = store.Save("compare", "--from Xian --to Duisburg", "abc123", 2026, null, """{"routes":[]}""");
        var second = store.Save("reliability", "--seed 7", "abc123", 2026, 7, """{"routes":[{"seed":7}]}""");

        second.Id.ShouldBeGreaterThan(first.Id);
        store.List().Select(r => r.Id).ShouldBe([second.Id, first.Id]);
        store.List(command: "compare").ShouldHaveSingleItem().Arguments.ShouldBe("--from Xian --to Duisburg");
        store.TryGet(second.Id, out var run).ShouldBeTrue();
        run.ShouldBe(second);
        run.CreatedUtc.ShouldBe(clock.Now);
        store.TryGet(999, out _).ShouldBeFalse();
    }

    [Fact]
    public void Open_ExistingFile_KeepsEarlierRuns()
    {
        using (var store = ResultStore.Open(DbPath))
        {
            store.Save("route", "a", "f", 2026, null, "{}");
        }

        using var reopened = ResultStore.Open(DbPath);
        reopened.List().Count.ShouldBe(1);
    }

    [Fact]
    public void CrashMidWrite_UncommittedRunIsDiscarded_EarlierRunsAndFileIntact()
    {
        using (var store = ResultStore.Open(DbPath))
        {
            store.Save("route", "a", "f", 2026, null, "{\"ok\":1}");
            store.Save("route", "b", "f", 2026, null, "{\"ok\":2}");
        }

        // A writer that dies between INSERT and COMMIT: its connection goes away with the transaction open.
        var crashed = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        crashed.Open();
        var transaction = crashed.BeginTransaction();
        using (var insert = crashed.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO runs(created_utc, command, arguments, data_fingerprint, result_json) VALUES ('x', 'route', 'c', 'f', '{\"half\":')";
            insert.ExecuteNonQuery();
        }

        crashed.Dispose(); // no commit

        using var after = ResultStore.Open(DbPath);
        after.CheckIntegrity().ShouldBeTrue();
        after.List().Select(r => r.Arguments).ShouldBe(["b", "a"]);
    }

    [Fact]
    public void Save_FromTwoStoresConcurrently_KeepsEveryRun()
    {
        using var a = ResultStore.Open(DbPath);
        using var b = ResultStore.Open(DbPath);

        Parallel.For(0, 40, i => (i % 2 == 0 ? a : b).Save("route", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "f", 2026, null, "{}"));

        a.List(limit: 100).Count.ShouldBe(40);
    }

    [Fact]
    public void Fingerprint_ChangesWhenADataFileChanges()
    {
        var data = new TempDataDir().WithMinimalData();
        var before = ResultStore.Fingerprint(data.Path);
        ResultStore.Fingerprint(data.Path).ShouldBe(before);

        File.AppendAllText(data.File("legs.csv"), "\n");

        ResultStore.Fingerprint(data.Path).ShouldNotBe(before);
        data.Dispose();
    }

    public void Dispose() => _dir.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now => now;

        public override DateTimeOffset GetUtcNow() => now;
    }
}

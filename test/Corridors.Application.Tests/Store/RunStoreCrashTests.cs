using System.Diagnostics;
using System.Globalization;
using Corridors.Application.Runs;
using Corridors.Data.Store;

namespace Corridors.Tests.Store;

/// <summary>
/// A child process (test/Hosts/Corridors.StoreCrashHost) writes multi-megabyte runs into the store in a loop and is
/// killed with SIGKILL right after it says it began a write, three times over; afterwards the store opens, passes its
/// checks, holds every committed run whole, no partial run, and at most one run marked failed (the host marks none).
/// </summary>
public abstract class RunStoreCrashTests : IDisposable
{
    private const int PayloadBytes = 4 * 1024 * 1024;
    private readonly TestStore _store;

    protected RunStoreCrashTests(RunStoreProvider provider) => _store = TestStore.Create(provider);

    [Fact]
    public async Task KilledMidWrite_StoreOpensWithEveryCommittedRunWholeAndNoPartialRun()
    {
        var committed = new Dictionary<int, long>();
        var begun = new List<int>();
        var next = 0;
        var random = new Random(20261202);
        for (var round = 0; round < 3; round++)
        {
            // Given a writer that has committed a few runs and begun the next
            var (roundCommitted, lastBegun) = await WriteUntilKilledAsync(next, random.Next(0, 15));
            foreach (var (n, id) in roundCommitted)
            {
                committed[n] = id;
            }

            begun.Add(lastBegun);
            next = lastBegun + 1;

            // Then after each kill the store opens and checks clean
            using var store = RunStores.Open(_store.Options);
            store.Verify().ShouldBe([], $"round {round}: a run's result does not match its hash");
            var runs = store.List(limit: 10_000);
            var failed = runs.Count(r => r.Record.Status == RunStatus.Failed);
            failed.ShouldBeLessThanOrEqualTo(1);
            foreach (var run in runs)
            {
                var n = int.Parse(run.Record.Arguments, CultureInfo.InvariantCulture);
                run.Record.ResultJson.Length.ShouldBe(PayloadBytes, $"run {run.Id} (write {n}) is partial");
                run.Record.ResultJson.ShouldBe(CrashPayload.For(n, PayloadBytes), $"run {run.Id} (write {n}) differs from what was written");
            }

            // Every run the child reported committed is there; the only extra one may be the write it was killed in.
            var stored = runs.ToDictionary(r => int.Parse(r.Record.Arguments, CultureInfo.InvariantCulture), r => r.Id);
            foreach (var (n, id) in committed)
            {
                stored.ShouldContainKey(n, $"committed write {n} (run {id}) is missing after round {round}");
                stored[n].ShouldBe(id);
            }

            stored.Keys.Except(committed.Keys).ShouldAllBe(n => begun.Contains(n));
            TestContext.Current.TestOutputHelper?.WriteLine(stored.ContainsKey(lastBegun)
                ? $"round {round}: write {lastBegun} committed before the kill"
                : $"round {round}: write {lastBegun} was killed in flight and left nothing");
        }
    }

    /// <summary>Starts the host, waits for three or more commits and the next begin, waits a little, then SIGKILLs it.</summary>
    private async Task<(List<(int N, long Id)> Committed, int LastBegun)> WriteUntilKilledAsync(int first, int delayMs)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Corridors.StoreCrashHost.dll");
        File.Exists(host).ShouldBeTrue($"the crash host is missing at {host}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "exec", host, RunStoreOptions.Name(_store.Provider), _store.Options.ConnectionString, PayloadBytes.ToString(CultureInfo.InvariantCulture), first.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var committed = new List<(int, long)>();
        var lastBegun = first - 1;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var parts = line.Split(' ');
                if (parts[0] == "committed")
                {
                    committed.Add((int.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture)));
                }
                else if (parts[0] == "begin")
                {
                    lastBegun = int.Parse(parts[1], CultureInfo.InvariantCulture);
                    if (committed.Count >= 3)
                    {
                        // Inside the write: serialising the parameters, hashing and sending 4 MB take longer than this.
                        Thread.Sleep(delayMs);
                        process.Kill(); // SIGKILL on Unix: no finally block, no dispose, no rollback by the client
                        break;
                    }
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }

        committed.Count.ShouldBeGreaterThanOrEqualTo(3, "the host stopped before committing three runs: " + await process.StandardError.ReadToEndAsync(CancellationToken.None));
        return (committed, lastBegun);
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteRunStoreCrashTests() : RunStoreCrashTests(RunStoreProvider.Sqlite);

public sealed class PostgresRunStoreCrashTests() : RunStoreCrashTests(RunStoreProvider.PostgreSql);

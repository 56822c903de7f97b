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
        var table = new Table().AddColumns("#", "Corridor", "Routing days", "Mean", "P10", "P50", "P90", "P95");
        if (settings.Deadline is not null)
        {
            table.AddColumn("On time");
        }

        if (byCost)
        {
            table.AddColumns("Days late (exp.)", "USD + penalty");
        }

        foreach (var r in ranked)
        {
            var res = r.Alternative.Result;
            var route = routes.First(x => x.Corridor == r.Alternative.Name);
            var cells = new List<string>
            {
                r.Rank.ToString(Inv), Markup.Escape(r.Alternative.Name), route.Totals.Days.ToString("0.0", Inv), res.MeanDays.ToString("0.0", Inv),
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

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        console.MarkupLine(byCost
            ? $"Ranked by expected cost: route cost + USD {settings.PenaltyUsdPerDay!.Value.ToString("N0", Inv)} per day late after {settings.Deadline!.Value:yyyy-MM-dd HH:mm} UTC."
            : $"Ranked by P{settings.Percentile * 100:0} (days). Days are door-to-door, in simulated trips; 'Routing days' is the deterministic estimate.");
        foreach (var r in ranked)
        {
            RenderRoute(console, r, settings);
        }
    }

    private static void RenderRoute(IAnsiConsole console, RankedAlternative ranked, ReliabilitySettings settings)
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
        console.MarkupLine("Legs driving the spread (share of variance): " + Markup.Escape(string.Join("; ", top.Select(c => $"{c.Label} {c.VarianceShare.ToString("P0", Inv)}"))));
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

    public void AddTo(Command command)
    {
        Option[] all = [Corridor, Samples, Seed, Deadline, Penalty, Percentile, Bins];
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

using System.CommandLine;
using System.Globalization;
using Corridors.Data;
using Corridors.Diagnostics;
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
        reliability.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(context, globals, options, reliability, parse, cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, GlobalOptions globals, RouteOptions options, ReliabilityOptions reliability, ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = reliability.Read(parse);
        var dataDirectory = parse.GetValue(globals.Data);
        var network = context.LoadNetwork(dataDirectory, parse.GetValue(options.Year));
        var model = LoadModel(context, dataDirectory, network.Definition);
        var router = new CorridorRouter(network);
        var query = options.BuildQuery(parse, router);
        if (settings.Deadline is { } arriveBy && arriveBy <= new DateTimeOffset(query.DepartUtc, TimeSpan.Zero))
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"--deadline {arriveBy:yyyy-MM-dd HH:mm} UTC is not after the departure ({query.DepartUtc:yyyy-MM-dd HH:mm} UTC)."));
        }

        var result = router.Compare(query);
        var routes = result.Routes;
        if (settings.Corridor is { } wanted)
        {
            routes = [.. routes.Where(r => r.Corridor.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                                           || r.Family.ToString().Equals(wanted, StringComparison.OrdinalIgnoreCase))];
            if (routes.Count == 0 && result.Routes.Count > 0)
            {
                throw new CliUsageException($"No corridor matches '{wanted}'. Corridors for this query: {string.Join("; ", result.Routes.Select(r => r.Corridor))}.");
            }
        }

        if (routes.Count == 0)
        {
            if (parse.GetValue(options.Json))
            {
                JsonOutput.Write(context.Stdout, RoutesJson.Of(router, query, result));
            }
            else
            {
                RouteText.Render(context.Console, router, query, result, compare: true);
            }

            return ExitCodes.Ok;
        }

        var engine = new MonteCarloEngine();
        var mcOptions = new MonteCarloOptions { Samples = settings.Samples, Seed = settings.Seed };
        var simulated = new List<RouteAlternative>();
        var showProgress = !parse.GetValue(options.Json) && context.Console.Profile.Capabilities.Interactive;
        if (showProgress)
        {
            context.Console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    foreach (var route in routes)
                    {
                        var task = ctx.AddTask(Markup.Escape(route.Corridor), maxValue: settings.Samples);
                        var progress = new ProgressTaskReporter(task);
                        simulated.Add(Simulate(engine, model, network, route, mcOptions, progress, cancellationToken));
                        task.Value = settings.Samples;
                    }
                });
        }
        else
        {
            foreach (var route in routes)
            {
                simulated.Add(Simulate(engine, model, network, route, mcOptions, null, cancellationToken));
            }
        }

        var ranked = settings.Deadline is { } deadline && settings.PenaltyUsdPerDay is { } penalty
            ? ReliabilityRanking.ByExpectedCost(simulated, deadline, penalty)
            : ReliabilityRanking.ByPercentile(simulated, settings.Percentile);
        if (parse.GetValue(options.GeoJson) is { } file)
        {
            RouteCommand.WriteGeoJson(router, routes, file, RouteCommand.SeaLanes(dataDirectory));
            context.Stderr.WriteLine($"info: wrote {routes.Count} route(s) to {file}");
        }

        var json = ReliabilityJson.Of(router, query, routes, ranked, settings);
        context.Record("reliability", parse.Tokens.Select(t => t.Value), json, router.Network.Year, settings.Seed);
        if (parse.GetValue(options.Json))
        {
            JsonOutput.Write(context.Stdout, json);
        }
        else
        {
            Render(context.Console, router, query, routes, ranked, settings);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Loads <c>reliability.csv</c> next to the network files; errors throw (exit 2), warnings go to stderr.</summary>
    internal static ReliabilityModel LoadModel(CliContext context, string? dataDirectory, NetworkDefinition definition)
    {
        var bag = new DiagnosticBag();
        var model = NetworkLoader.LoadReliability(Path.GetFullPath(dataDirectory ?? DataPaths.DefaultDataDirectory()), bag, definition);
        foreach (var d in bag.Items)
        {
            if (!d.IsError)
            {
                context.Stderr.WriteLine(d.ToString());
            }
        }

        bag.ThrowIfErrors();
        return model;
    }

    internal static RouteAlternative Simulate(MonteCarloEngine engine, ReliabilityModel model, CorridorNetwork network, Route route, MonteCarloOptions options, IProgress<MonteCarloProgress>? progress, CancellationToken cancellationToken)
    {
        var departure = new DateTimeOffset(DateTime.SpecifyKind(route.DepartUtc, DateTimeKind.Utc));
        var plan = model.Compile(network, route.Path, departure);
        var result = engine.Run(plan, options, progress, cancellationToken);
        return new RouteAlternative(route.Corridor, result, route.Totals.CostUsd);
    }

    private static void Render(IAnsiConsole console, CorridorRouter router, RouteQuery query, IReadOnlyList<Route> routes, IReadOnlyList<RankedAlternative> ranked, ReliabilitySettings settings)
    {
        var from = router.Network.Node(query.From);
        var to = router.Network.Node(query.To);
        console.MarkupLine(Inv, $"[bold]{Markup.Escape(from.Name)} → {Markup.Escape(to.Name)}[/], departing {query.DepartUtc:yyyy-MM-dd HH:mm} UTC, network {router.Network.Year}: {settings.Samples:N0} simulated trips per route, seed {settings.Seed}");
        var byCost = settings.Deadline is not null && settings.PenaltyUsdPerDay is not null;
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

/// <summary>Settings read from the reliability options.</summary>
internal sealed record ReliabilitySettings(int Samples, long Seed, DateTimeOffset? Deadline, string? DeadlineText, double? PenaltyUsdPerDay, double Percentile, string? Corridor, int Bins);

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

    public ReliabilitySettings Read(ParseResult parse)
    {
        var samples = parse.GetValue(Samples);
        if (samples is < 1 or > MonteCarloOptions.MaxSamples)
        {
            throw new CliUsageException($"--samples must be between 1 and {MonteCarloOptions.MaxSamples.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        var percentile = parse.GetValue(Percentile);
        if (percentile is < 1 or > 99 || !double.IsFinite(percentile))
        {
            throw new CliUsageException("--percentile must be between 1 and 99.");
        }

        var bins = parse.GetValue(Bins);
        if (bins is < 1 or > 100)
        {
            throw new CliUsageException("--bins must be between 1 and 100.");
        }

        var deadlineText = parse.GetValue(Deadline);
        DateTimeOffset? deadline = deadlineText is null ? null : ParseDeadline(deadlineText);
        var penalty = parse.GetValue(Penalty);
        if (penalty is not null)
        {
            if (deadline is null)
            {
                throw new CliUsageException("--penalty needs --deadline.");
            }

            if (penalty < 0 || !double.IsFinite(penalty.Value))
            {
                throw new CliUsageException("--penalty must be zero or more USD per day.");
            }
        }

        return new ReliabilitySettings(samples, parse.GetValue(Seed), deadline, deadlineText, penalty, percentile / 100, parse.GetValue(Corridor), bins);
    }

    /// <summary>A date means the end of that day (arrive by 2026-04-10 = before 2026-04-11 00:00 UTC).</summary>
    internal static DateTimeOffset ParseDeadline(string text)
    {
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            return new DateTimeOffset(day.Date.AddDays(1), TimeSpan.Zero);
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mmZ", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return new DateTimeOffset(at, TimeSpan.Zero);
        }

        throw new CliUsageException($"--deadline '{text}' is not a date; use yyyy-MM-dd or yyyy-MM-ddTHH:mm (UTC).");
    }
}

/// <summary>The <c>reliability --json</c> document (docs/CLI.md). Fields may be added; none may be renamed.</summary>
internal sealed record ReliabilityJson(
    QueryJson Query,
    int Samples,
    long Seed,
    string? Deadline,
    double? PenaltyUsdPerDay,
    string RankedBy,
    IReadOnlyList<ReliabilityRouteJson> Routes)
{
    public static ReliabilityJson Of(CorridorRouter router, RouteQuery query, IReadOnlyList<Route> routes, IReadOnlyList<RankedAlternative> ranked, ReliabilitySettings settings)
    {
        var envelope = RoutesJson.Of(router, query, new RouteResult(RouteStatus.Optimal, routes, null, [], []));
        var byCost = settings.Deadline is not null && settings.PenaltyUsdPerDay is not null;
        return new ReliabilityJson(
            envelope.Query,
            settings.Samples,
            settings.Seed,
            settings.Deadline?.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture),
            settings.PenaltyUsdPerDay,
            byCost ? "expected-cost" : "p" + (settings.Percentile * 100).ToString("0.##", CultureInfo.InvariantCulture),
            [.. ranked.Select(r => ReliabilityRouteJson.Of(r, routes.First(x => x.Corridor == r.Alternative.Name), settings))]);
    }
}

internal sealed record ReliabilityRouteJson(
    int Rank,
    string Corridor,
    int Samples,
    long Seed,
    double RoutingDays,
    double MeanDays,
    double StdDevDays,
    double P10Days,
    double P50Days,
    double P90Days,
    double P95Days,
    double PercentileDays,
    double? OnTimeProbability,
    double? ExpectedLatenessDays,
    double CostUsd,
    double? ExpectedCostUsd,
    IReadOnlyList<ContributorJson> Contributors,
    IReadOnlyList<HistogramJson> Histogram)
{
    public static ReliabilityRouteJson Of(RankedAlternative ranked, Route route, ReliabilitySettings settings)
    {
        var r = ranked.Alternative.Result;
        return new ReliabilityRouteJson(
            ranked.Rank,
            ranked.Alternative.Name,
            r.Samples,
            r.Seed,
            JsonOutput.Round(route.Totals.Days, 3),
            JsonOutput.Round(r.MeanDays, 3),
            JsonOutput.Round(r.StdDevDays, 3),
            JsonOutput.Round(r.P10Days, 3),
            JsonOutput.Round(r.P50Days, 3),
            JsonOutput.Round(r.P90Days, 3),
            JsonOutput.Round(r.P95Days, 3),
            JsonOutput.Round(r.QuantileDays(settings.Percentile), 3),
            settings.Deadline is { } d ? JsonOutput.Round(r.OnTimeProbability(d), 4) : null,
            settings.Deadline is { } d2 ? JsonOutput.Round(r.ExpectedLatenessDays(d2), 3) : null,
            JsonOutput.Round(ranked.Alternative.CostUsd),
            ranked.ExpectedCostUsd is { } c ? JsonOutput.Round(c) : null,
            [.. r.Contributors.OrderByDescending(c => c.VarianceShare).ThenBy(c => c.PathIndex).Select(c => ContributorJson.Of(c, route))],
            [.. r.Histogram(settings.Bins).Select(b => new HistogramJson(JsonOutput.Round(b.FromDays, 3), JsonOutput.Round(b.ToDays, 3), b.Count))]);
    }
}

internal sealed record ContributorJson(int Index, string Leg, PlaceJson From, PlaceJson To, string Mode, double MeanHours, double Share)
{
    public static ContributorJson Of(LegContribution c, Route route)
    {
        var leg = route.Legs[c.PathIndex];
        return new ContributorJson(c.PathIndex, leg.LegId, PlaceJson.Of(leg.From), PlaceJson.Of(leg.To), CorridorRouter.ModeName(leg.Mode), JsonOutput.Round(c.MeanHours), JsonOutput.Round(c.VarianceShare, 4));
    }
}

internal sealed record HistogramJson(double FromDays, double ToDays, int Count);

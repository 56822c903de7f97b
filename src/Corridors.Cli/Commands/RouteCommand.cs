using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Application.Workspace;
using Corridors.Data;
using Corridors.Network;
using Corridors.Routing;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors route</c> (best route, alternatives, Pareto set) and <c>corridors compare</c> (best route per
/// corridor side by side). Shapes of <c>--json</c> and <c>--geojson</c> are documented in docs/CLI.md.
/// </summary>
internal static class RouteCommand
{
    public static Command CreateRoute(CliContext context, GlobalOptions globals)
    {
        var options = new RouteOptions();
        var alternatives = new Option<int>("--alternatives", "-k") { Description = "Up to this many routes that differ at corridor level (default 1).", DefaultValueFactory = _ => 1 };
        var pareto = new Option<bool>("--pareto") { Description = "List every route that is best on some mix of time, cost and CO2e (the Pareto set)." };
        var risk = new Option<bool>("--risk") { Description = "With --pareto: risk is a fourth criterion." };
        var command = new Command("route", "Find the best route between two places, with alternatives and a per-leg explanation.");
        options.AddTo(command);
        options.AddTableFormsTo(command);
        options.RegisterCheck(context, command);
        command.Options.Add(alternatives);
        command.Options.Add(pareto);
        command.Options.Add(risk);
        var percentile = new RoutePercentile();
        percentile.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new RouteRequest(options.ToRequest(parse))
            {
                Alternatives = parse.GetValue(alternatives),
                Pareto = parse.GetValue(pareto),
                ParetoRisk = parse.GetValue(risk),
                Percentile = percentile.ToRequest(parse),
            };
            var outcome = new RouteService(context.Workspace).Route(request, cancellationToken);
            return Task.FromResult(outcome.IsValid ? Output(context, parse, options, outcome.Value, compare: false, risk: request.Pareto && request.ParetoRisk) : context.Fail(outcome.Problems));
        });
        return command;
    }

    public static Command CreateCompare(CliContext context, GlobalOptions globals)
    {
        var options = new RouteOptions();
        var plot = new Option<string?>("--plot") { Description = "Also draw days and USD per corridor (P10–P90 whiskers with --percentile) to this file (.svg or .png)." };
        var command = new Command("compare", "Compare the best route of each corridor (Middle via the Black Sea or Türkiye, Northern, Southern, sea via Suez or the Cape) side by side.");
        options.AddTo(command);
        options.AddTableFormsTo(command);
        command.Options.Add(plot);
        options.RegisterCheck(context, command);
        var percentile = new RoutePercentile();
        percentile.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new CompareRequest(options.ToRequest(parse)) { Percentile = percentile.ToRequest(parse) };
            var outcome = new RouteService(context.Workspace).CompareLevels(request, cancellationToken);
            if (!outcome.IsValid)
            {
                return Task.FromResult(context.Fail(outcome.Problems));
            }

            if (parse.GetValue(plot) is { } plotFile)
            {
                PlotFile.Write(context, plotFile, svg => ComparePlot(outcome.Value[0], svg));
            }

            return Task.FromResult(outcome.Value.Count == 1
                ? Output(context, parse, options, outcome.Value[0], compare: true)
                : OutputLevels(context, parse, options, outcome.Value));
        });
        return command;
    }

    private static int Output(CliContext context, ParseResult parse, RouteOptions options, RouteAnswer answer, bool compare, bool risk = false)
    {
        var result = answer.Result;
        if (parse.GetValue(options.GeoJson) is { } file)
        {
            var written = result.Routes.Count > 0 ? result.Routes : [.. result.Relax.Select(r => r.Best)];
            WriteGeoJson(context, answer.Snapshot, written, file);
            context.Stderr.WriteLine(result.Routes.Count > 0
                ? $"info: wrote {written.Count} route(s) to {file}"
                : $"info: no route meets the constraints; wrote the best route for each constraint that could be relaxed ({written.Count}) to {file}");
        }

        var recorded = context.Record(compare ? "compare" : "route", parse.Tokens.Select(t => t.Value), answer.Document, answer.Snapshot.Year, answer.Seed);
        if (parse.GetValue(options.Json))
        {
            context.Stdout.WriteLine(recorded.Json);
        }
        else if (parse.GetValue(options.Csv))
        {
            RouteText.WriteCsv(context.Stdout, answer.Snapshot.Network, answer.Query, result);
        }
        else if (parse.GetValue(options.Summary))
        {
            RouteText.RenderNotes(context.Console, answer.Document.Query.Notes);
            RouteText.RenderSummary(context.Console, answer.Snapshot.Network, answer.Query, result, risk);
        }
        else
        {
            RouteText.RenderNotes(context.Console, answer.Document.Query.Notes);
            RouteText.Render(context.Console, answer.Snapshot.Network, answer.Query, result, compare, risk);
            RouteText.RenderPublishedRates(context.Console, answer.Document.PublishedRates);
            if (answer.Simulated is { Results.Count: > 0 } simulated)
            {
                RoutePercentile.Render(context.Console, result.Routes, simulated);
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>The <c>compare --plot</c> chart: days and USD per corridor, simulated P10–P90 whiskers when there are any.</summary>
    private static byte[] ComparePlot(RouteAnswer answer, bool svg)
    {
        var routes = answer.Result.Routes;
        var simulated = answer.Simulated?.Results;
        var bars = routes.Select((r, i) => new Rendering.CorridorBar(r.Corridor, r.Totals.Days, r.Totals.CostUsd,
            simulated is not null && i < simulated.Count ? simulated[i].P10Days : null,
            simulated is not null && i < simulated.Count ? simulated[i].P90Days : null)).ToList();
        var from = answer.Snapshot.Network.Node(answer.Query.From).Name;
        var to = answer.Snapshot.Network.Node(answer.Query.To).Name;
        var title = string.Create(CultureInfo.InvariantCulture, $"{from} → {to}, {answer.Query.Cargo.Teu:0.##} TEU, {answer.Query.DepartUtc:yyyy-MM-dd}, network {answer.Snapshot.Year}");
        return Rendering.CorridorPlot.Compare(bars, title, svg);
    }

    /// <summary><c>compare --service both</c>: one table per service level; one document holding both.</summary>
    private static int OutputLevels(CliContext context, ParseResult parse, RouteOptions options, IReadOnlyList<RouteAnswer> answers)
    {
        if (parse.GetValue(options.GeoJson) is { } file)
        {
            // The levels change times, not the legs of a year's network, so one snapshot draws the routes of all.
            var routes = answers.SelectMany(a => a.Result.Routes).ToArray();
            WriteGeoJson(context, answers[0].Snapshot, routes, file);
            context.Stderr.WriteLine($"info: wrote {routes.Length} route(s) of {answers.Count} service levels to {file}");
        }

        var document = new CompareLevelsDocument([.. answers.Select(a => a.Document)]);
        var recorded = context.Record("compare", parse.Tokens.Select(t => t.Value), document, answers[0].Snapshot.Year, answers.Select(a => a.Seed).FirstOrDefault(s => s is not null));
        if (parse.GetValue(options.Json))
        {
            context.Stdout.WriteLine(recorded.Json);
            return ExitCodes.Ok;
        }

        foreach (var answer in answers)
        {
            RouteText.Render(context.Console, answer.Snapshot.Network, answer.Query, answer.Result, compare: true);
            RouteText.RenderPublishedRates(context.Console, answer.Document.PublishedRates);
            if (answer.Simulated is { Results.Count: > 0 } simulated)
            {
                RoutePercentile.Render(context.Console, answer.Result.Routes, simulated);
            }

            context.Console.WriteLine();
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Writes routes as GeoJSON (<see cref="RouteGeoJson"/>) to <paramref name="path"/> through a temporary file, so a
    /// failure never leaves a truncated file. Water legs follow the sea lanes when the data has them; loading the lane
    /// graph costs a few seconds the first time in a process, so only <c>--geojson</c> asks for it.
    /// </summary>
    internal static void WriteGeoJson(CliContext context, NetworkSnapshot snapshot, IReadOnlyList<Route> routes, string path)
    {
        var seaLanes = context.Workspace.HasSeaLanes ? context.Workspace.Sea.Graph : null;
        OutputFiles.WriteAtomically(path, "--geojson", stream => RouteGeoJson.Write(snapshot.Network, routes, stream, seaLanes));
    }
}

/// <summary>Text rendering of route results.</summary>
internal static class RouteText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Render(IAnsiConsole console, CorridorNetwork network, RouteQuery query, RouteResult result, bool compare, bool risk = false, bool summary = false)
    {
        var from = network.Node(query.From);
        var to = network.Node(query.To);
        console.MarkupLine(Inv, $"[bold]{Markup.Escape(from.Name)} → {Markup.Escape(to.Name)}[/], {query.Cargo.Teu:0.##} TEU, departing {query.DepartUtc:yyyy-MM-dd HH:mm} UTC, network {network.Year}, {Words.Name(network.ServiceLevel)}, by {query.Objective.ToString().ToLowerInvariant()}");
        if (query.AvoidCountries.Count > 0)
        {
            console.MarkupLine($"Avoiding {Markup.Escape(string.Join(", ", query.AvoidCountries))}: no route below touches {(query.AvoidCountries.Count == 1 ? "it" : "them")}.");
        }

        if (result.Routes.Count == 0)
        {
            console.MarkupLine($"[bold red]No route.[/] {Markup.Escape(result.Reason ?? string.Empty)}");
            foreach (var r in result.Relax)
            {
                console.MarkupLine(Inv, $"  Relax [bold]{Markup.Escape(r.Constraint)}[/]: {Markup.Escape(r.Description)} Best then: {Markup.Escape(r.Best.Corridor)}, {r.Best.Totals.Days:0.0} days, USD {r.Best.Totals.CostUsd:N0}, {r.Best.Totals.Co2eKg:N0} kg CO2e.");
            }

            RenderExcluded(console, result);
            return;
        }

        if (compare || result.Routes.Count > 1)
        {
            RenderTable(console, network, query, result.Routes, risk);
            console.MarkupLine("[grey]Days: expected door-to-door time (the mean of `reliability`'s model without its disruptions: long holds, shocks, missed sailings, weather); `reliability` adds them and gives the full distribution (its mean is longer by the expected disruptions).[/]");
        }

        if (result.Status == RouteStatus.IterationLimit)
        {
            console.MarkupLine("[yellow]The Pareto search stopped at its label limit; the set may be incomplete.[/]");
        }

        RenderExcluded(console, result);
        if (compare || summary)
        {
            return;
        }

        if (result.Routes.Count == 1)
        {
            RenderSanctionLegend(console, network.Definition, result.Routes);
        }

        for (var i = 0; i < result.Routes.Count; i++)
        {
            RenderRoute(console, i + 1, result.Routes[i]);
        }
    }

    /// <summary>
    /// The routes side by side: rank by the objective (1 = best), the value of every criterion the ranking used (the
    /// generalized cost with <c>--by generalized</c>, risk with <c>--pareto --risk</c>), the best value of each column
    /// marked with *, and sanctioned countries flagged. Wrapping columns break at spaces only, so the table narrows
    /// to 80 columns without splitting a word.
    /// </summary>
    internal static void RenderTable(IAnsiConsole console, CorridorNetwork network, RouteQuery query, IReadOnlyList<Route> routes, bool risk)
    {
        var generalized = query.Objective == RouteObjective.Generalized;
        var rank = Ranks(query, routes);
        double Best(Func<Route, double> f) => routes.Min(f);
        string Mark(double value, double best, string text) => value <= best + 1e-9 && routes.Count > 1 ? text + "*" : text + " ";
        var bestDays = Best(r => r.Totals.Days);
        var bestUsd = Best(r => r.Totals.CostUsd);
        var bestCo2 = Best(r => r.Totals.Co2eKg);
        var bestGen = Best(r => Generalized(query, r));
        var bestRisk = Best(r => r.Totals.Risk);

        // Cells first (plain text, markup added at the end), so the widths are known before the table is laid out.
        var headers = new List<string> { "#", "Corridor", "Days", "USD", "kg CO2e" };
        if (generalized)
        {
            headers.Add("Gen. USD");
        }

        if (risk)
        {
            headers.Add("Risk");
        }

        headers.AddRange(["Bord.", "TS", "Countries", "Sanct."]);
        var rows = new List<(int Rank, string[] Cells, Route Route)>();
        for (var i = 0; i < routes.Count; i++)
        {
            var r = routes[i];
            var t = r.Totals;
            var cells = new List<string>
            {
                rank[i].ToString(Inv), r.Corridor,
                Mark(t.Days, bestDays, t.Days.ToString("0.0", Inv)),
                Mark(t.CostUsd, bestUsd, Usd(r)),
                Mark(t.Co2eKg, bestCo2, t.Co2eKg.ToString("N0", Inv)),
            };
            if (generalized)
            {
                var g = Generalized(query, r);
                cells.Add(Mark(g, bestGen, g.ToString("N0", Inv)));
            }

            if (risk)
            {
                cells.Add(Mark(t.Risk, bestRisk, t.Risk.ToString("N0", Inv)));
            }

            cells.Add(t.Borders.ToString(Inv));
            cells.Add(t.Transshipments.ToString(Inv));
            cells.Add(string.Join(" ", r.Countries));
            cells.Add(string.Join(",", SanctionContract.For(network.Definition, r.Countries).Select(f => f.Country)) is { Length: > 0 } flagged ? "⚠ " + flagged : string.Empty);
            rows.Add((rank[i], [.. cells], r));
        }

        var columns = headers.Select((h, c) => new FitColumn(h, Wraps: h is "Corridor" or "Countries", Right: c > 1 && c < headers.Count - 3 || h == "#", Optional: h == "Countries")).ToList();
        var sanctions = headers.Count - 1;
        var table = FitTable.Build(console.Profile.Width, columns, [.. rows.OrderBy(r => r.Rank).Select(r => r.Cells)],
            (c, text) => c == sanctions && text.Length > 0 ? "[red]" + Markup.Escape(text) + "[/]" : Markup.Escape(text));
        console.Write(table);
        console.MarkupLine(Inv, $"[grey]#: rank by {Objective(query)} (1 = best); *: best of the column; Bord.: borders; TS: transshipments; Sanct.: countries under sanctions.[/]");
        RenderSanctionLegend(console, network.Definition, routes);
    }

    /// <summary>One line per route: rank, corridor, days, USD, kg CO2e, sanctions (<c>--summary</c>).</summary>
    internal static void RenderSummary(IAnsiConsole console, CorridorNetwork network, RouteQuery query, RouteResult result, bool risk = false)
    {
        var rank = Ranks(query, result.Routes);
        for (var i = 0; i < result.Routes.Count; i++)
        {
            var r = result.Routes[i];
            var t = r.Totals;
            var flagged = SanctionContract.For(network.Definition, r.Countries);
            console.MarkupLine(Inv, $"{rank[i]}. {Markup.Escape(r.Corridor)}: {t.Days:0.0} days, USD {Usd(r)}, {t.Co2eKg:N0} kg CO2e{(query.Objective == RouteObjective.Generalized ? $", generalized USD {Generalized(query, r):N0}" : string.Empty)}{(risk ? $", risk {t.Risk:N0}" : string.Empty)}, {t.Borders} borders{(flagged.Count > 0 ? $", [red]⚠ sanctioned: {Markup.Escape(string.Join(",", flagged.Select(f => f.Country)))}[/]" : string.Empty)}");
        }

        foreach (var x in result.Excluded)
        {
            console.MarkupLine($"-. {Markup.Escape(x.Corridor)}: not shown, {Markup.Escape(x.Reason)}");
        }

        if (result.Routes.Count == 0)
        {
            console.MarkupLine($"No route. {Markup.Escape(result.Reason ?? string.Empty)}");
        }
    }

    /// <summary>The routes as CSV (<c>--csv</c>): one row per route with every criterion; excluded corridors with their reason.</summary>
    internal static void WriteCsv(TextWriter writer, CorridorNetwork network, RouteQuery query, RouteResult result)
    {
        var rank = Ranks(query, result.Routes);
        writer.WriteLine("rank,corridor,family,days,cost_usd,cost_is_lower_bound,co2e_kg,generalized_usd,risk,km,borders,transshipments,countries,sanctioned,excluded_reason");
        static string Q(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        for (var i = 0; i < result.Routes.Count; i++)
        {
            var r = result.Routes[i];
            var t = r.Totals;
            var flagged = SanctionContract.For(network.Definition, r.Countries);
            writer.WriteLine(string.Join(',',
                rank[i].ToString(Inv), Q(r.Corridor), CorridorFamilies.WireName(r.Family), t.Days.ToString("0.00", Inv), t.CostUsd.ToString("0", Inv),
                r.CostIsLowerBound ? "true" : "false", t.Co2eKg.ToString("0", Inv), Generalized(query, r).ToString("0", Inv), t.Risk.ToString("0.0", Inv),
                t.Km.ToString("0", Inv), t.Borders.ToString(Inv), t.Transshipments.ToString(Inv), string.Join(';', r.Countries),
                string.Join(';', flagged.Select(f => f.Country)), string.Empty));
        }

        foreach (var x in result.Excluded)
        {
            writer.WriteLine($",{Q(x.Corridor)},,,,,,,,,,,,,{Q(x.Reason)}");
        }
    }

    /// <summary>1-based rank of each route by the query's objective (ties keep the given order).</summary>
    private static int[] Ranks(RouteQuery query, IReadOnlyList<Route> routes)
    {
        double Key(Route r) => query.Objective switch
        {
            RouteObjective.Cost => r.Totals.CostUsd,
            RouteObjective.Co2 => r.Totals.Co2eKg,
            RouteObjective.Generalized => Generalized(query, r),
            _ => r.Totals.Hours,
        };
        var order = Enumerable.Range(0, routes.Count).OrderBy(i => Key(routes[i])).ThenBy(i => i).ToArray();
        var rank = new int[routes.Count];
        for (var k = 0; k < order.Length; k++)
        {
            rank[order[k]] = k + 1;
        }

        return rank;
    }

    private static double Generalized(RouteQuery query, Route r) => query.Weights.Cost(r.Totals.CostUsd, r.Totals.Hours, r.Totals.Co2eKg, r.Totals.Risk);

    private static string Objective(RouteQuery query) => query.Objective switch
    {
        RouteObjective.Cost => "USD",
        RouteObjective.Co2 => "kg CO2e",
        RouteObjective.Generalized => "generalized USD (cost + weights × hours, CO2e, risk)",
        _ => "days",
    };

    /// <summary>The ends of a route's leg by name ("Aktau and Alat"), for borders crossed along a leg.</summary>
    private static string LegEnds(Route r, string? legId) =>
        r.Legs.FirstOrDefault(l => l.LegId == legId) is { } leg ? $"{leg.From.Name} and {leg.To.Name}" : legId ?? "a leg";

    /// <summary>"⚠ RU,BY" when the route crosses countries under sanctions, else empty.</summary>
    internal static string SanctionCell(NetworkDefinition definition, Route r)
    {
        var flagged = SanctionContract.For(definition, r.Countries);
        return flagged.Count == 0 ? string.Empty : "[red]⚠ " + Markup.Escape(string.Join(",", flagged.Select(f => f.Country))) + "[/]";
    }

    /// <summary>One line per sanctioned country the routes cross: its name and regimes (countries.csv).</summary>
    internal static void RenderSanctionLegend(IAnsiConsole console, NetworkDefinition definition, IEnumerable<Route> routes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in routes.SelectMany(r => SanctionContract.For(definition, r.Countries)))
        {
            if (seen.Add(s.Country))
            {
                console.MarkupLine($"[red]⚠ {Markup.Escape(s.Country)}[/] {Markup.Escape(s.Name)} is under sanctions: {Markup.Escape(s.Regime)}. Insurers and forwarders may refuse transit; --avoid-sanctioned leaves it out.");
            }
        }
    }

    /// <summary>How places outside the network were understood (a coordinate, a gazetteer town and its stand-in terminal).</summary>
    public static void RenderNotes(IAnsiConsole console, IReadOnlyList<string> notes)
    {
        foreach (var note in notes)
        {
            console.MarkupLine($"[dim]note:[/] {Markup.Escape(note)}");
        }
    }

    /// <summary>Published all-in rates beside the model's build-up, one line each.</summary>
    public static void RenderPublishedRates(IAnsiConsole console, IReadOnlyList<PublishedRateContract> rates)
    {
        foreach (var r in rates)
        {
            console.MarkupLine(Inv, $"[grey]Published all-in, {Markup.Escape(r.Corridor)}: USD {r.PublishedUsdPerFeu:N0} per FEU ({Markup.Escape(r.Publisher)}, {Markup.Escape(r.Date)}); model {(r.ModelUsdPerFeu is { } m ? m.ToString("N0", Inv) : "-")}, gap {Markup.Escape(r.GapText)}[/]");
        }
    }

    /// <summary>A route's cost, "≥ N" when some legs have no known price.</summary>
    private static string Usd(Route r) => (r.CostIsLowerBound ? "≥ " : string.Empty) + r.Totals.CostUsd.ToString("N0", Inv);

    private static void RenderExcluded(IAnsiConsole console, RouteResult result)
    {
        foreach (var x in result.Excluded)
        {
            console.MarkupLine($"[grey]Not shown: {Markup.Escape(x.Corridor)} — {Markup.Escape(x.Reason)}[/]");
        }
    }

    private static void RenderRoute(IAnsiConsole console, int index, Route r)
    {
        var t = r.Totals;
        console.MarkupLine(Inv, $"\n[bold]{index}. {Markup.Escape(r.Corridor)}[/]: {t.Days:0.0} days ({t.Hours:0} h, of which {t.WaitHours:0} h waiting and {t.DwellHours:0} h dwell), USD {(r.CostIsLowerBound ? "at least " : string.Empty)}{t.CostUsd:N0}, {t.Co2eKg:N0} kg CO2e, {t.Km:N0} km, {t.Borders} borders, {t.Transshipments} transshipments");
        // The same three times as JSON's hours, dwellHours and waitHours: running, dwell before the leg, waiting for it.
        FitColumn[] columns =
        [
            new("Leg", Wraps: true), new("Mode"), new("km", Right: true), new("h", Right: true), new("dwell", Right: true),
            new("wait", Right: true), new("USD", Right: true), new("CO2e", Right: true), new("Country", Wraps: true, Optional: true),
        ];
        var rows = r.Legs.Select(leg => new[]
        {
            $"{leg.From.Name} → {leg.To.Name}", Words.Name(leg.Mode), leg.Km.ToString("N0", Inv), leg.Hours.ToString("0.#", Inv),
            leg.DwellHours.ToString("0.#", Inv), leg.WaitHours.ToString("0.#", Inv), (leg.Priced ? string.Empty : "? ") + leg.CostUsd.ToString("N0", Inv),
            leg.Co2eKg.ToString("N0", Inv), string.Join(" ", leg.Countries),
        }).ToList();
        var table = FitTable.Build(console.Profile.Width, columns, rows);
        console.Write(table);
        console.MarkupLine("[grey]h: running hours; dwell: hours at the leg's start (border stop or transfer); wait: hours waiting for the departure; CO2e: kg; ?: no known price.[/]");
        if (r.CostIsLowerBound)
        {
            console.MarkupLine($"[yellow]No tariff known for {Markup.Escape(string.Join(", ", r.UnpricedLegs))}: the cost leaves them out.[/]");
        }

        console.MarkupLine($"Countries: {Markup.Escape(string.Join(" → ", r.Countries))}");
        if (r.Borders.Count > 0)
        {
            console.MarkupLine($"Borders: {Markup.Escape(string.Join("; ", r.Borders.Select(b => $"{b.From}→{b.To} {(b.At is null ? "between " + LegEnds(r, b.LegId) : "at " + b.At.Name)}")))}");
        }

        if (r.Passages.Count > 0)
        {
            console.MarkupLine($"Passages: {Markup.Escape(string.Join(", ", r.Passages))}");
        }

        if (r.GaugeChanges.Count > 0)
        {
            console.MarkupLine($"Gauge changes: {Markup.Escape(string.Join(", ", r.GaugeChanges.Select(g => g.Name)))}");
        }

        console.MarkupLine($"[grey]CO2e basis: {Markup.Escape(string.Join("; ", r.EmissionBasis))}. Arrives {r.ArriveUtc.ToString("yyyy-MM-dd HH:mm", Inv)} UTC.[/]");
    }
}

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
            return Task.FromResult(outcome.IsValid ? Output(context, parse, options, outcome.Value, compare: false) : context.Fail(outcome.Problems));
        });
        return command;
    }

    public static Command CreateCompare(CliContext context, GlobalOptions globals)
    {
        var options = new RouteOptions();
        var command = new Command("compare", "Compare the best route of each corridor (Middle via the Black Sea or Türkiye, Northern, Southern, sea via Suez or the Cape) side by side.");
        options.AddTo(command);
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

            return Task.FromResult(outcome.Value.Count == 1
                ? Output(context, parse, options, outcome.Value[0], compare: true)
                : OutputLevels(context, parse, options, outcome.Value));
        });
        return command;
    }

    private static int Output(CliContext context, ParseResult parse, RouteOptions options, RouteAnswer answer, bool compare)
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
        else
        {
            RouteText.Render(context.Console, answer.Snapshot.Network, answer.Query, result, compare);
            RouteText.RenderPublishedRates(context.Console, answer.Document.PublishedRates);
            if (answer.Simulated is { Results.Count: > 0 } simulated)
            {
                RoutePercentile.Render(context.Console, result.Routes, simulated);
            }
        }

        return ExitCodes.Ok;
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

    public static void Render(IAnsiConsole console, CorridorNetwork network, RouteQuery query, RouteResult result, bool compare)
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
            var table = new Table().AddColumns("#", "Corridor", "Days", "USD", "kg CO2e", "Borders", "Transship.", "Countries");
            for (var i = 0; i < result.Routes.Count; i++)
            {
                var r = result.Routes[i];
                var t = r.Totals;
                table.AddRow((i + 1).ToString(Inv), Markup.Escape(r.Corridor), t.Days.ToString("0.0", Inv), Usd(r),
                    t.Co2eKg.ToString("N0", Inv), t.Borders.ToString(Inv), t.Transshipments.ToString(Inv), Markup.Escape(string.Join("→", r.Countries)));
            }

            console.Write(table);
            console.MarkupLine("[grey]Days: expected door-to-door time (the mean of `reliability`'s model without its disruptions: long holds, shocks, missed sailings, weather); `reliability` adds them and gives the full distribution (its mean is longer by the expected disruptions).[/]");
        }

        if (result.Status == RouteStatus.IterationLimit)
        {
            console.MarkupLine("[yellow]The Pareto search stopped at its label limit; the set may be incomplete.[/]");
        }

        RenderExcluded(console, result);
        if (compare)
        {
            return;
        }

        for (var i = 0; i < result.Routes.Count; i++)
        {
            RenderRoute(console, i + 1, result.Routes[i]);
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
        var table = new Table().AddColumns("From", "To", "Mode", "km", "h", "wait h", "USD", "kg CO2e", "Country");
        foreach (var leg in r.Legs)
        {
            table.AddRow(Markup.Escape(leg.From.Name), Markup.Escape(leg.To.Name), Words.Name(leg.Mode), leg.Km.ToString("N0", Inv),
                (leg.Hours + leg.DwellHours).ToString("0.#", Inv), leg.WaitHours.ToString("0.#", Inv), leg.CostUsd.ToString("N0", Inv),
                leg.Co2eKg.ToString("N0", Inv), Markup.Escape(string.Join("→", leg.Countries)));
        }

        console.Write(table);
        if (r.CostIsLowerBound)
        {
            console.MarkupLine($"[yellow]No tariff known for {Markup.Escape(string.Join(", ", r.UnpricedLegs))}: the cost leaves them out.[/]");
        }

        console.MarkupLine($"Countries: {Markup.Escape(string.Join(" → ", r.Countries))}");
        if (r.Borders.Count > 0)
        {
            console.MarkupLine($"Borders: {Markup.Escape(string.Join("; ", r.Borders.Select(b => $"{b.From}→{b.To} {(b.At is null ? "along " + b.LegId : "at " + b.At.Name)}")))}");
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

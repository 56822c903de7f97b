using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Corridors.Data;
using Corridors.Data.Sea;
using Corridors.Geo;
using Corridors.Network;
using Corridors.Routing;
using Corridors.Sea;
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
        command.Options.Add(alternatives);
        command.Options.Add(pareto);
        command.Options.Add(risk);
        var percentile = new RoutePercentile();
        percentile.AddTo(command);
        command.SetAction(parse =>
        {
            var router = new CorridorRouter(context.LoadNetwork(parse.GetValue(globals.Data), parse.GetValue(options.Year)));
            var query = options.BuildQuery(parse, router);
            var k = parse.GetValue(alternatives);
            if (k < 1)
            {
                throw new CliUsageException("--alternatives must be 1 or more.");
            }

            var result = parse.GetValue(pareto)
                ? router.Pareto(query with { ParetoIncludesRisk = parse.GetValue(risk), ParetoEpsilon = 0.01 })
                : router.Route(query, k);
            return Output(context, parse, options, router, query, result, compare: false, percentile, parse.GetValue(globals.Data));
        });
        return command;
    }

    public static Command CreateCompare(CliContext context, GlobalOptions globals)
    {
        var options = new RouteOptions();
        var command = new Command("compare", "Compare the best route of each corridor (Middle via the Black Sea or Türkiye, Northern, Southern, sea via Suez or the Cape) side by side.");
        options.AddTo(command);
        var percentile = new RoutePercentile();
        percentile.AddTo(command);
        command.SetAction(parse =>
        {
            var router = new CorridorRouter(context.LoadNetwork(parse.GetValue(globals.Data), parse.GetValue(options.Year)));
            var query = options.BuildQuery(parse, router);
            return Output(context, parse, options, router, query, router.Compare(query), compare: true, percentile, parse.GetValue(globals.Data));
        });
        return command;
    }

    private static int Output(CliContext context, ParseResult parse, RouteOptions options, CorridorRouter router, RouteQuery query, RouteResult result, bool compare, RoutePercentile percentile, string? dataDirectory)
    {
        var simulated = percentile.Simulate(context, parse, dataDirectory, router, result.Routes);
        if (parse.GetValue(options.GeoJson) is { } file)
        {
            var written = result.Routes.Count > 0 ? result.Routes : [.. result.Relax.Select(r => r.Best)];
            WriteGeoJson(router, written, file, SeaLanes(dataDirectory));
            context.Stderr.WriteLine(result.Routes.Count > 0
                ? $"info: wrote {written.Count} route(s) to {file}"
                : $"info: no route meets the constraints; wrote the best route for each constraint that could be relaxed ({written.Count}) to {file}");
        }

        var json = RoutesJson.Of(router, query, result);
        context.Record(compare ? "compare" : "route", parse.Tokens.Select(t => t.Value), json, router.Network.Year);
        if (parse.GetValue(options.Json))
        {
            if (simulated is not null)
            {
                JsonOutput.Write(context.Stdout, percentile.AddToJson(json, parse, simulated));
            }
            else
            {
                JsonOutput.Write(context.Stdout, json);
            }
        }
        else
        {
            RouteText.Render(context.Console, router, query, result, compare);
            if (simulated is { Count: > 0 })
            {
                percentile.Render(context.Console, parse, result.Routes, simulated);
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The sea-lane graph of <paramref name="dataDirectory"/> (default: the bundled data) for drawing water legs, or
    /// null when the directory has no lane network or it does not load. Loading it costs a few seconds the first
    /// time in a process, so only <c>--geojson</c> asks for it: <c>route</c> itself takes sea distances from the
    /// on-disk cache.
    /// </summary>
    internal static SeaGraph? SeaLanes(string? dataDirectory)
    {
        var dir = Path.GetFullPath(dataDirectory ?? DataPaths.DefaultDataDirectory());
        return SeaDataLoader.Exists(dir) ? SeaDataLoader.LoadCached(dir).Graph : null;
    }

    /// <summary>
    /// One feature per leg with the leg's numbers as properties. Ocean, feeder and ferry legs follow the sea lanes
    /// (<paramref name="seaLanes"/>), routed with the same passages and vessel size that gave the leg its distance
    /// (<see cref="OceanLegDistances.TryCreateRequest"/>); a path crossing the antimeridian becomes a MultiLineString
    /// split there (RFC 7946 §3.1.9). Other legs, and water legs with no lane path (the Caspian, lakes, no lane data),
    /// are straight LineStrings between the end nodes. Property <c>geometry</c> says which: <c>sea-lanes</c> or <c>straight</c>.
    /// </summary>
    internal static void WriteGeoJson(CorridorRouter router, IReadOnlyList<Route> routes, string path, SeaGraph? seaLanes)
    {
        var network = router.Network;
        var definition = network.Definition;
        var seaRouter = seaLanes is null ? null : new SeaRouter(seaLanes);
        var paths = new Dictionary<string, List<List<(double Lon, double Lat)>>?>(StringComparer.Ordinal);
        var temp = path + ".tmp";
        using (var stream = OutputFiles.Create(temp, "--geojson", path))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            for (var r = 0; r < routes.Count; r++)
            {
                var route = routes[r];
                foreach (var leg in route.Legs)
                {
                    var e = leg.Edge.Value;
                    var a = network.Tail[e];
                    var b = network.Head[e];
                    var parts = seaRouter is null ? null : SeaPath(definition, seaRouter, leg, paths);
                    w.WriteStartObject();
                    w.WriteString("type", "Feature");
                    w.WriteStartObject("geometry");
                    if (parts is null)
                    {
                        w.WriteString("type", "LineString");
                        w.WriteStartArray("coordinates");
                        GeoJsonExporter.WritePosition(w, network.Lon[a], network.Lat[a]);
                        GeoJsonExporter.WritePosition(w, network.Lon[b], network.Lat[b]);
                        w.WriteEndArray();
                    }
                    else if (parts.Count == 1)
                    {
                        w.WriteString("type", "LineString");
                        WriteLine(w, "coordinates", parts[0]);
                    }
                    else
                    {
                        w.WriteString("type", "MultiLineString");
                        w.WriteStartArray("coordinates");
                        foreach (var part in parts)
                        {
                            WriteLine(w, null, part);
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                    w.WriteStartObject("properties");
                    w.WriteNumber("route", r + 1);
                    w.WriteString("corridor", route.Corridor);
                    w.WriteString("leg", leg.LegId);
                    w.WriteString("from", leg.From.Id);
                    w.WriteString("fromName", leg.From.Name);
                    w.WriteString("to", leg.To.Id);
                    w.WriteString("toName", leg.To.Name);
                    w.WriteString("mode", CorridorRouter.ModeName(leg.Mode));
                    w.WriteString("geometry", parts is null ? "straight" : "sea-lanes");
                    w.WriteNumber("km", JsonOutput.Round(leg.Km, 1));
                    w.WriteNumber("hours", JsonOutput.Round(leg.Hours));
                    w.WriteNumber("waitHours", JsonOutput.Round(leg.WaitHours));
                    w.WriteNumber("dwellHours", JsonOutput.Round(leg.DwellHours));
                    w.WriteNumber("costUsd", JsonOutput.Round(leg.CostUsd));
                    w.WriteNumber("co2eKg", JsonOutput.Round(leg.Co2eKg));
                    w.WriteString("country", leg.Country);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// The lane path of a water leg in travel direction, split at the antimeridian, or null when the leg is not a
    /// sea leg on the lane graph or has no lane path. Paths are memoised per leg and direction (alternatives share legs).
    /// </summary>
    private static List<List<(double Lon, double Lat)>>? SeaPath(NetworkDefinition definition, SeaRouter seaRouter, RouteLeg leg, Dictionary<string, List<List<(double Lon, double Lat)>>?> memo)
    {
        if (leg.Mode is not (TransportMode.Ocean or TransportMode.Feeder or TransportMode.Ferry)
            || !definition.LegById.TryGetValue(leg.LegId, out var dataLeg))
        {
            return null;
        }

        // A leg may be travelled against its data direction (two-way legs); the lane path is the same, reversed.
        var reversed = !string.Equals(dataLeg.From, leg.From.Id, StringComparison.Ordinal);
        var key = (reversed ? "<" : ">") + leg.LegId;
        if (memo.TryGetValue(key, out var cached))
        {
            return cached;
        }

        List<List<(double Lon, double Lat)>>? parts = null;
        if (OceanLegDistances.TryCreateRequest(definition, seaRouter.Graph, dataLeg, out var request) && seaRouter.Route(request).IsFound)
        {
            var points = seaRouter.Geometry();
            if (reversed)
            {
                points.Reverse();
            }

            parts = GeoMath.SplitAtAntimeridian(points);
        }

        memo[key] = parts;
        return parts;
    }

    private static void WriteLine(Utf8JsonWriter w, string? name, List<(double Lon, double Lat)> points)
    {
        if (name is null)
        {
            w.WriteStartArray();
        }
        else
        {
            w.WriteStartArray(name);
        }

        foreach (var (lon, lat) in points)
        {
            GeoJsonExporter.WritePosition(w, lon, lat);
        }

        w.WriteEndArray();
    }
}

/// <summary>Text rendering of route results.</summary>
internal static class RouteText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Render(IAnsiConsole console, CorridorRouter router, RouteQuery query, RouteResult result, bool compare)
    {
        var from = router.Network.Node(query.From);
        var to = router.Network.Node(query.To);
        console.MarkupLine(Inv, $"[bold]{Markup.Escape(from.Name)} → {Markup.Escape(to.Name)}[/], {query.Cargo.Teu:0.##} TEU, departing {query.DepartUtc:yyyy-MM-dd HH:mm} UTC, network {router.Network.Year}, by {query.Objective.ToString().ToLowerInvariant()}");
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
                table.AddRow((i + 1).ToString(Inv), Markup.Escape(r.Corridor), t.Days.ToString("0.0", Inv), t.CostUsd.ToString("N0", Inv),
                    t.Co2eKg.ToString("N0", Inv), t.Borders.ToString(Inv), t.Transshipments.ToString(Inv), Markup.Escape(string.Join("→", r.Countries)));
            }

            console.Write(table);
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
        console.MarkupLine(Inv, $"\n[bold]{index}. {Markup.Escape(r.Corridor)}[/]: {t.Days:0.0} days ({t.Hours:0} h, of which {t.WaitHours:0} h waiting and {t.DwellHours:0} h dwell), USD {t.CostUsd:N0}, {t.Co2eKg:N0} kg CO2e, {t.Km:N0} km, {t.Borders} borders, {t.Transshipments} transshipments");
        var table = new Table().AddColumns("From", "To", "Mode", "km", "h", "wait h", "USD", "kg CO2e", "Country");
        foreach (var leg in r.Legs)
        {
            table.AddRow(Markup.Escape(leg.From.Name), Markup.Escape(leg.To.Name), CorridorRouter.ModeName(leg.Mode), leg.Km.ToString("N0", Inv),
                (leg.Hours + leg.DwellHours).ToString("0.#", Inv), leg.WaitHours.ToString("0.#", Inv), leg.CostUsd.ToString("N0", Inv),
                leg.Co2eKg.ToString("N0", Inv), Markup.Escape(string.Join("→", leg.Countries)));
        }

        console.Write(table);
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

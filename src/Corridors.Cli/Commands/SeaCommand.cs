using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Corridors.Data;
using Corridors.Data.Csv;
using Corridors.Data.Sea;
using Corridors.Diagnostics;
using Corridors.Geo;
using Corridors.Sea;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors sea --from PORT --to PORT [--avoid-passage P] [--via-passage P] [--avoid CC] [--knots 16] [--vessel-teu N] [--json]</c>
/// and <c>corridors sea --pairs pairs.csv</c>: port-to-port routes on the bundled maritime lane network.
/// </summary>
internal static class SeaCommand
{
    /// <summary>Default vessel speed: 16 kn, PEM's Asia–North Europe mainline assumption (corridor-facts §3.2).</summary>
    public const double DefaultKnots = 16;

    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var from = new Option<string?>("--from") { Description = "Origin: a port (corridor node id or name, UN/LOCODE or name from data/sea/ports.csv) or 'lon,lat'." };
        var to = new Option<string?>("--to") { Description = "Destination, as --from." };
        var pairs = new Option<string?>("--pairs") { Description = "CSV file of pairs: 'from_lon,from_lat,to_lon,to_lat[,from_label,to_label]' or 'from,to' (port names); a header row is optional." };
        var avoidPassage = new Option<string[]>("--avoid-passage") { Description = "Passage to avoid (ids from data/passages.csv: suez, bab-el-mandeb, hormuz, malacca, sunda, gibraltar, bosporus, dardanelles, panama, cape-good-hope, kiel, dover, kerch, corinth). Repeat or comma-separate.", AllowMultipleArgumentsPerToken = true };
        var viaPassage = new Option<string[]>("--via-passage") { Description = "Passage the route must cross (e.g. cape-good-hope for 'via the Cape'). Repeat or comma-separate; at most 4.", AllowMultipleArgumentsPerToken = true };
        var avoid = new Option<string[]>("--avoid") { Description = "Countries to avoid (ISO codes): their passages are avoided and ports in them refused. Repeat or comma-separate.", AllowMultipleArgumentsPerToken = true };
        var knots = new Option<double>("--knots") { Description = "Vessel speed in knots for the duration (default 16 kn: PEM, Asia–North Europe mainline service).", DefaultValueFactory = _ => DefaultKnots };
        var vesselTeu = new Option<int?>("--vessel-teu") { Description = "Container-ship size in TEU: passages too small for it (max_teu in data/sea/gates.csv, e.g. Panama ≈ 14,000) are not used. Default: ocean_vessel_teu in parameters.csv (17,000, a typical Asia–North Europe mainline ship); 0 ignores size limits." };
        var maxSnap = new Option<double>("--max-snap-km") { Description = "Largest distance from a port to its nearest lane vertex.", DefaultValueFactory = _ => SeaRouteRequest.DefaultMaxSnapKm };
        var noGeometry = new Option<bool>("--no-geometry") { Description = "Leave the GeoJSON geometry out of --json results (smaller distance tables)." };
        var json = CommonOptions.Json();
        var command = new Command("sea", "Port-to-port sea routes on the Eurostat marnet lane network: distance (km, nm), sailing time, passages crossed, geometry.")
        {
            from, to, pairs, avoidPassage, viaPassage, avoid, knots, vesselTeu, maxSnap, noGeometry, json,
        };
        command.SetAction(parse =>
        {
            var dataDir = Path.GetFullPath(parse.GetValue(globals.Data) ?? DataPaths.DefaultDataDirectory());
            var speed = parse.GetValue(knots);
            if (!(speed > 0) || speed > 60)
            {
                throw new CliUsageException("--knots must be between 0 and 60.");
            }

            var teu = parse.GetValue(vesselTeu);
            if (teu is < 0 or > 100000)
            {
                throw new CliUsageException("--vessel-teu must be between 0 (no size limit) and 100000.");
            }

            var sea = SeaSession.Load(context, dataDir);
            var vessel = teu ?? sea.DefaultVesselTeu;
            var avoidCountries = Split(parse.GetValue(avoid)).Select(c => c.ToUpperInvariant()).ToArray();
            var constraints = sea.Constraints(Split(parse.GetValue(avoidPassage)), Split(parse.GetValue(viaPassage)), avoidCountries, vessel);
            var options = new SeaQueryOptions(constraints, avoidCountries, speed, parse.GetValue(maxSnap), !parse.GetValue(noGeometry), vessel);
            var pairsFile = parse.GetValue(pairs);
            if (pairsFile is not null)
            {
                if (parse.GetValue(from) is not null || parse.GetValue(to) is not null)
                {
                    throw new CliUsageException("Use either --pairs or --from/--to, not both.");
                }

                return RunPairs(context, sea, pairsFile, options, parse.GetValue(json));
            }

            var fromText = parse.GetValue(from) ?? throw new CliUsageException("--from is required (or use --pairs).");
            var toText = parse.GetValue(to) ?? throw new CliUsageException("--to is required (or use --pairs).");
            var a = sea.Resolve(fromText);
            var b = sea.Resolve(toText);
            var result = sea.Query(a, b, options, out _);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Stdout, result);
            }
            else
            {
                Render(context.Console, result, speed);
            }

            return ExitCodes.Ok;
        });

        return command;
    }

    private static int RunPairs(CliContext context, SeaSession sea, string file, SeaQueryOptions options, bool json)
    {
        if (!File.Exists(file))
        {
            throw new CliUsageException($"The pairs file '{file}' does not exist.");
        }

        var bag = new DiagnosticBag();
        var records = CsvParser.Parse(File.ReadAllText(file), file, bag);
        var queries = new List<(SeaPlace From, SeaPlace To)>();
        foreach (var record in records)
        {
            var f = record.Fields;
            if (queries.Count == 0 && f.Count > 0 && !double.TryParse(f[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                && f[0].Value.StartsWith("from", StringComparison.OrdinalIgnoreCase))
            {
                continue; // header
            }

            try
            {
                if (f.Count is 4 or 6)
                {
                    // Optional 5th/6th columns label the two ends (shown instead of the coordinates).
                    var a = sea.Coordinates(f[0].Value, f[1].Value, $"{file}({record.Line},{f[0].Column})");
                    var b = sea.Coordinates(f[2].Value, f[3].Value, $"{file}({record.Line},{f[2].Column})");
                    queries.Add(f.Count == 6 ? (a with { Name = f[4].Value }, b with { Name = f[5].Value }) : (a, b));
                }
                else if (f.Count == 2)
                {
                    queries.Add((sea.Resolve(f[0].Value), sea.Resolve(f[1].Value)));
                }
                else
                {
                    bag.Error("CORR0005", file, record.Line, 1, $"A pair row has {f.Count} fields; expected 4 (from lon, from lat, to lon, to lat), 6 (the same plus two labels) or 2 (from, to).");
                }
            }
            catch (CliUsageException ex)
            {
                bag.Error("CORR0104", file, record.Line, 1, ex.Message);
            }
        }

        bag.ThrowIfErrors();
        var results = new JsonArray();
        var micros = new double[queries.Count];
        var rows = new List<JsonObject>();
        for (var i = 0; i < queries.Count; i++)
        {
            var result = sea.Query(queries[i].From, queries[i].To, options, out var seconds);
            micros[i] = seconds * 1e6;
            results.Add(result);
            rows.Add(result);
        }

        var total = micros.Sum() / 1e6;
        var p50 = Median(micros);
        if (json)
        {
            JsonOutput.Write(context.Stdout, new JsonObject
            {
                ["results"] = results,
                ["queryMicrosecondsP50"] = JsonOutput.Round(p50, 1),
                ["totalSeconds"] = JsonOutput.Round(total, 6),
            });
        }
        else
        {
            var table = new Table().AddColumns("From", "To", "km", "nm", "days", "Passages / reason");
            foreach (var r in rows)
            {
                var found = r["distanceKm"] is not null;
                table.AddRow(
                    Markup.Escape(Label(r["from"])),
                    Markup.Escape(Label(r["to"])),
                    found ? ((double)r["distanceKm"]!).ToString("N0", CultureInfo.InvariantCulture) : "-",
                    found ? ((double)r["distanceNm"]!).ToString("N0", CultureInfo.InvariantCulture) : "-",
                    found ? ((double)r["hours"]! / 24).ToString("0.0", CultureInfo.InvariantCulture) : "-",
                    Markup.Escape(found ? string.Join(", ", r["passages"]!.AsArray().Select(p => (string)p!)) : (string)r["reason"]!));
            }

            context.Console.Write(table);
            context.Console.MarkupLine(CultureInfo.InvariantCulture, $"{queries.Count} pairs, query p50 {p50:0.0} µs, total {total:0.000} s (routing only).");
        }

        return ExitCodes.Ok;
    }

    private static string Label(JsonNode? place) => place?["name"]?.GetValue<string>() ?? place?["query"]?.GetValue<string>() ?? "?";

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Render(IAnsiConsole console, JsonObject r, double knots)
    {
        var from = Label(r["from"]);
        var to = Label(r["to"]);
        if (r["distanceKm"] is null)
        {
            console.MarkupLine($"[bold]{Markup.Escape(from)} → {Markup.Escape(to)}[/]: no sea route. {Markup.Escape((string)r["reason"]!)}");
            return;
        }

        var km = (double)r["distanceKm"]!;
        var nm = (double)r["distanceNm"]!;
        var hours = (double)r["hours"]!;
        var passages = r["passages"]!.AsArray().Select(p => (string)p!).ToList();
        console.MarkupLine(CultureInfo.InvariantCulture, $"[bold]{Markup.Escape(from)} → {Markup.Escape(to)}[/]: {km:N0} km = {nm:N0} nm, {hours:N0} h ({hours / 24:0.0} days) at {knots:0.#} kn");
        console.MarkupLine(Markup.Escape($"Passages: {(passages.Count == 0 ? "none" : string.Join(" → ", passages))}"));
        var tooSmall = r["passagesTooSmall"]!.AsArray().Select(p => (string)p!).ToList();
        if (tooSmall.Count > 0)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Vessel {(int)r["vesselTeu"]!:N0} TEU: not using {string.Join(", ", tooSmall)} (too small; --vessel-teu to change)")));
        }

        console.MarkupLine(CultureInfo.InvariantCulture, $"Along lanes {(double)r["laneKm"]!:N0} km; port to lane {(double)r["snapKm"]!["from"]!:0} km and {(double)r["snapKm"]!["to"]!:0} km.");
    }

    private static IEnumerable<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>Query settings shared by single and batch mode.</summary>
internal sealed record SeaQueryOptions(SeaConstraints Constraints, IReadOnlyList<string> AvoidCountries, double Knots, double MaxSnapKm, bool Geometry, int VesselTeu);

/// <summary>Passage masks of a query, with a reason when a required passage is not in the network.</summary>
internal sealed record SeaConstraints(ulong Avoid, ulong Via, IReadOnlyList<string> AvoidIds, IReadOnlyList<string> ViaIds, string? ImpossibleReason, IReadOnlyList<string> TooSmallIds);

/// <summary>A resolved origin or destination.</summary>
internal sealed record SeaPlace(string Query, string? Id, string? Name, string? Country, double Lon, double Lat);

/// <summary>The sea graph, its router and the place gazetteer for one data directory.</summary>
internal sealed class SeaSession
{
    private static readonly Dictionary<string, SeaSession> Cache = new(StringComparer.Ordinal);
    private readonly List<SeaPlace> _places;

    private SeaSession(SeaGraph graph, List<SeaPlace> places, int defaultVesselTeu)
    {
        Graph = graph;
        DefaultVesselTeu = defaultVesselTeu;
        Router = new SeaRouter(graph);
        _places = places;
    }

    public SeaGraph Graph { get; }

    public SeaRouter Router { get; }

    /// <summary>Vessel size when --vessel-teu is not given: ocean_vessel_teu of parameters.csv, else the Core default.</summary>
    public int DefaultVesselTeu { get; }

    public static SeaSession Load(CliContext context, string dataDir)
    {
        if (Cache.TryGetValue(dataDir, out var cached))
        {
            return cached;
        }

        var result = SeaDataLoader.LoadCached(dataDir);
        var graph = result.GetGraphOrThrow();
        var places = new List<SeaPlace>();
        var vesselTeu = SeaRouteRequest.MainlineVesselTeu;

        // Seaports of the corridor network come first, so 'Poti' means the network's node.
        if (File.Exists(Path.Combine(dataDir, "nodes.csv")))
        {
            var definition = context.LoadDefinition(dataDir);
            vesselTeu = OceanLegDistances.VesselTeu(definition);
            foreach (var node in definition.Nodes)
            {
                if (node.Kind == Network.NodeKind.Seaport)
                {
                    places.Add(new SeaPlace(node.Id, node.Id, node.Name, node.Country, node.Lon, node.Lat));
                    foreach (var alias in node.Aliases)
                    {
                        places.Add(new SeaPlace(alias, node.Id, node.Name, node.Country, node.Lon, node.Lat));
                    }
                }
            }
        }

        foreach (var port in result.Ports)
        {
            places.Add(new SeaPlace(port.Id, port.Id, port.Name, port.Country, port.Lon, port.Lat));
        }

        var session = new SeaSession(graph, places, vesselTeu);
        Cache[dataDir] = session;
        return session;
    }

    public SeaConstraints Constraints(IEnumerable<string> avoidIds, IEnumerable<string> viaIds, IReadOnlyList<string> avoidCountries, int vesselTeu)
    {
        var tooSmall = Graph.PassagesClosedTo(vesselTeu);
        var avoidList = avoidIds.ToList();
        var viaList = viaIds.ToList();
        var avoid = Graph.PassageMask(avoidList, out var unknownAvoid) | Graph.PassageMaskOfCountries(avoidCountries);
        var via = Graph.PassageMask(viaList, out var unknownVia);
        if ((unknownAvoid ?? unknownVia) is { } unknown)
        {
            throw new CliUsageException($"Unknown passage '{unknown}'. Known: {string.Join(", ", Graph.Passages.Select(p => p.Id))}.");
        }

        if (viaList.Count > SeaRouter.MaxVia)
        {
            throw new CliUsageException($"At most {SeaRouter.MaxVia} --via-passage values are supported.");
        }

        string? impossible = null;
        foreach (var id in viaList)
        {
            if (!Graph.IsPassageInNetwork(id))
            {
                impossible = $"No lane of the bundled sea network crosses the '{id}' passage, so no route can be forced through it.";
            }
            else if ((avoid & (1UL << Graph.PassageBit(id))) != 0)
            {
                impossible = $"The passage '{id}' is both required and avoided.";
            }
            else if ((tooSmall & (1UL << Graph.PassageBit(id))) != 0)
            {
                var limit = Graph.Passages[Graph.PassageBit(id)].SizeLimit!;
                impossible = string.Create(CultureInfo.InvariantCulture, $"The passage '{id}' admits ships up to {limit.MaxTeu:N0} TEU; the vessel is {vesselTeu:N0} TEU (--vessel-teu).");
            }
        }

        return new SeaConstraints(avoid, via, Graph.PassageIds(avoid), viaList, impossible, Graph.PassageIds(tooSmall & ~avoid).Where(Graph.IsPassageInNetwork).ToList());
    }

    public SeaPlace Resolve(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return Coordinates(parts[0], parts[1], text);
        }

        foreach (var p in _places)
        {
            if (string.Equals(p.Query, text, StringComparison.OrdinalIgnoreCase))
            {
                return p with { Query = text };
            }
        }

        var folded = Corridors.Routing.PlaceResolver.Fold(text);
        foreach (var p in _places)
        {
            if (p.Name is not null && Corridors.Routing.PlaceResolver.Fold(p.Name) == folded)
            {
                return p with { Query = text };
            }
        }

        var suggestions = _places.Where(p => p.Name is not null)
            .Select(p => (Place: p, Distance: Corridors.Routing.PlaceResolver.EditDistance(Corridors.Routing.PlaceResolver.Fold(p.Name!), folded)))
            .OrderBy(x => x.Distance).Take(3).Select(x => $"{x.Place.Name} ({x.Place.Id})");
        throw new CliUsageException($"Unknown port '{text}'. Did you mean: {string.Join(", ", suggestions)}? Coordinates are accepted as 'lon,lat'.");
    }

    public SeaPlace Coordinates(string lonText, string latText, string where)
    {
        if (!double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || lon is < -180 or > 180
            || !double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90)
        {
            throw new CliUsageException($"'{lonText},{latText}' ({where}) is not a 'lon,lat' pair within -180..180, -90..90.");
        }

        return new SeaPlace(string.Create(CultureInfo.InvariantCulture, $"{lon},{lat}"), null, null, null, lon, lat);
    }

    public JsonObject Query(SeaPlace from, SeaPlace to, SeaQueryOptions options, out double seconds)
    {
        seconds = 0;
        var c = options.Constraints;
        string? reason = c.ImpossibleReason;
        if (reason is null)
        {
            foreach (var (place, role) in new[] { (from, "origin"), (to, "destination") })
            {
                if (place.Country is not null && options.AvoidCountries.Contains(place.Country, StringComparer.OrdinalIgnoreCase))
                {
                    reason = $"The {role} {place.Name} is in {place.Country}, which is avoided.";
                }
            }
        }

        var request = new SeaRouteRequest(from.Lon, from.Lat, to.Lon, to.Lat) { AvoidMask = c.Avoid, ViaMask = c.Via, MaxSnapKm = options.MaxSnapKm, VesselTeu = options.VesselTeu };
        SeaRoute route = default;
        if (reason is null)
        {
            var start = Stopwatch.GetTimestamp();
            route = Router.Route(request);
            seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (!route.IsFound)
            {
                reason = SeaRouter.Reason(route, from.Name ?? from.Query, to.Name ?? to.Query);
            }
        }

        var json = new JsonObject();
        if (reason is not null)
        {
            json["distanceKm"] = null;
            json["reason"] = reason;
        }
        else
        {
            json["distanceKm"] = JsonOutput.Round(route.DistanceKm, 1);
            json["distanceNm"] = JsonOutput.Round(route.DistanceNm, 1);
            json["hours"] = JsonOutput.Round(route.Hours(options.Knots), 1);
            json["passages"] = new JsonArray([.. Router.PassagesInOrder().Select(p => (JsonNode)p)]);
            if (options.Geometry)
            {
                var coordinates = new JsonArray();
                foreach (var (lon, lat) in Router.Geometry())
                {
                    coordinates.Add(new JsonArray(Math.Round(lon, 5), Math.Round(lat, 5)));
                }

                json["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = coordinates };
            }

            json["knots"] = options.Knots;
            json["laneKm"] = JsonOutput.Round(route.LaneKm, 1);
            json["snapKm"] = new JsonObject { ["from"] = JsonOutput.Round(route.FromSnapKm, 1), ["to"] = JsonOutput.Round(route.ToSnapKm, 1) };
        }

        json["from"] = Place(from);
        json["to"] = Place(to);
        json["avoidedPassages"] = new JsonArray([.. c.AvoidIds.Select(p => (JsonNode)p)]);
        json["viaPassages"] = new JsonArray([.. c.ViaIds.Select(p => (JsonNode)p)]);
        json["vesselTeu"] = options.VesselTeu;
        json["passagesTooSmall"] = new JsonArray([.. c.TooSmallIds.Select(p => (JsonNode)p)]);
        return json;
    }

    private static JsonObject Place(SeaPlace p) => new()
    {
        ["query"] = p.Query,
        ["id"] = p.Id,
        ["name"] = p.Name,
        ["country"] = p.Country,
        ["lon"] = p.Lon,
        ["lat"] = p.Lat,
    };
}

using System.CommandLine;
using System.Globalization;
using Corridors.Data;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Cli.Commands;

/// <summary>The query options shared by <c>route</c> and <c>compare</c>; one instance per command.</summary>
internal sealed class RouteOptions
{
    public Option<string> From { get; } = new("--from") { Description = "Origin: node id, name or alias (case and accents ignored, e.g. Xian, Xi'an).", Required = true };

    public Option<string> To { get; } = new("--to") { Description = "Destination: node id, name or alias.", Required = true };

    public Option<int> Year { get; } = CommonOptions.Year();

    public Option<string?> Depart { get; } = new("--depart") { Description = "Departure date (UTC), yyyy-MM-dd or yyyy-MM-ddTHH:mm; default today. Scheduled services are looked up from it." };

    public Option<double?> Teu { get; } = new("--teu") { Description = "Number of TEU (default 1)." };

    public Option<double?> Feu { get; } = new("--feu") { Description = "Number of FEU (1 FEU = 2 TEU); added to --teu." };

    public Option<double?> TonnesPerTeu { get; } = new("--tonnes-per-teu") { Description = "Cargo tonnes per TEU for CO2e (default: parameter teu_cargo_tonnes)." };

    public Option<string[]> Avoid { get; } = new("--avoid") { Description = "Countries to avoid (ISO codes, comma-separated or repeated), e.g. RU,BY." };

    public Option<string[]> AvoidPassage { get; } = new("--avoid-passage") { Description = "Passages to avoid (ids, e.g. suez, bosporus, volga-don)." };

    public Option<string[]> AvoidMode { get; } = new("--avoid-mode") { Description = "Modes to avoid: rail, road, ferry, feeder, ocean, inland-waterway." };

    public Option<string[]> RequireMode { get; } = new("--require-mode") { Description = "Modes the route must use at least once each." };

    public Option<string[]> Via { get; } = new("--via") { Description = "Places the route must pass (names or ids)." };

    public Option<string[]> ViaCountry { get; } = new("--via-country") { Description = "Countries the route must pass (ISO codes)." };

    public Option<string[]> ViaPassage { get; } = new("--via-passage") { Description = "Passages the route must use (ids)." };

    public Option<int?> MaxTransshipments { get; } = new("--max-transshipments") { Description = "At most this many transshipments (mode changes, gauge changes, transfer legs)." };

    public Option<bool> AllowClosed { get; } = new("--allow-closed") { Description = "Allow countries whose transit is closed in the baseline." };

    public Option<string> By { get; } = new("--by") { Description = "Objective: time, cost, co2 or generalized.", DefaultValueFactory = _ => "time" };

    public Option<bool> TimeValue { get; } = new("--time-value") { Description = "Add the time value of cargo to cost (parameters cargo_value_usd_per_teu and inventory_cost_rate_per_year, or --cargo-value)." };

    public Option<double?> CargoValue { get; } = new("--cargo-value") { Description = "Cargo value in USD per TEU for the time value of cargo (implies --time-value)." };

    public Option<double?> UsdPerHour { get; } = new("--usd-per-hour") { Description = "Generalized cost: USD per door-to-door hour." };

    public Option<double?> UsdPerTonneCo2 { get; } = new("--usd-per-tco2") { Description = "Generalized cost: USD per tonne CO2e." };

    public Option<double?> UsdPerRisk { get; } = new("--usd-per-risk") { Description = "Generalized cost: USD per risk point (hour × country risk weight)." };

    public Option<bool> Json { get; } = CommonOptions.Json();

    public Option<string?> GeoJson { get; } = new("--geojson") { Description = "Also write the routes as a GeoJSON FeatureCollection (one feature per leg; water legs follow the sea lanes) to this file." };

    public void AddTo(Command command)
    {
        Option[] all =
        [
            From, To, Year, Depart, Teu, Feu, TonnesPerTeu, Avoid, AvoidPassage, AvoidMode, RequireMode, Via, ViaCountry,
            ViaPassage, MaxTransshipments, AllowClosed, By, TimeValue, CargoValue, UsdPerHour, UsdPerTonneCo2, UsdPerRisk, Json, GeoJson,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Builds the query; bad values throw <see cref="CliUsageException"/> (exit code 1).</summary>
    public RouteQuery BuildQuery(ParseResult parse, CorridorRouter router)
    {
        var network = router.Network;
        var def = network.Definition;
        var teu = (parse.GetValue(Teu) ?? 0) + (2 * (parse.GetValue(Feu) ?? 0));
        if (parse.GetValue(Teu) is null && parse.GetValue(Feu) is null)
        {
            teu = 1;
        }

        if (teu <= 0 || !double.IsFinite(teu))
        {
            throw new CliUsageException("The number of containers must be positive (--teu / --feu).");
        }

        var tonnes = parse.GetValue(TonnesPerTeu);
        if (tonnes is { } t && (t <= 0 || !double.IsFinite(t)))
        {
            throw new CliUsageException("--tonnes-per-teu must be positive.");
        }

        double cargoValue = 0, rate = 0;
        if (parse.GetValue(TimeValue) || parse.GetValue(CargoValue) is not null)
        {
            var perTeu = NonNegative(parse.GetValue(CargoValue), "--cargo-value") ?? def.Parameter("cargo_value_usd_per_teu", double.NaN);
            var perYear = def.Parameter("inventory_cost_rate_per_year", double.NaN);
            if (double.IsNaN(perTeu) || double.IsNaN(perYear))
            {
                throw new CliUsageException("The time value of cargo needs the parameters cargo_value_usd_per_teu and inventory_cost_rate_per_year, or --cargo-value.");
            }

            cargoValue = perTeu * teu;
            rate = perYear / 365.0;
        }

        var objective = parse.GetValue(By)?.ToLowerInvariant() switch
        {
            "time" or "fastest" => RouteObjective.Time,
            "cost" or "cheapest" => RouteObjective.Cost,
            "co2" or "co2e" or "greenest" => RouteObjective.Co2,
            "generalized" or "generalised" => RouteObjective.Generalized,
            var other => throw new CliUsageException($"Unknown objective '{other}'; use time, cost, co2 or generalized."),
        };

        return new RouteQuery
        {
            From = ResolvePlace(router, parse.GetValue(From)!, "--from"),
            To = ResolvePlace(router, parse.GetValue(To)!, "--to"),
            DepartUtc = ParseDepart(parse.GetValue(Depart)),
            Cargo = new Cargo(teu, tonnes, cargoValue, rate),
            Objective = objective,
            Weights = new GeneralizedWeights(
                NonNegative(parse.GetValue(UsdPerHour), "--usd-per-hour") ?? 0,
                NonNegative(parse.GetValue(UsdPerTonneCo2), "--usd-per-tco2") ?? 0,
                NonNegative(parse.GetValue(UsdPerRisk), "--usd-per-risk") ?? 0),
            AvoidCountries = Countries(def, parse.GetValue(Avoid), "--avoid"),
            AvoidPassages = Passages(def, parse.GetValue(AvoidPassage), "--avoid-passage"),
            AvoidModes = Modes(parse.GetValue(AvoidMode), "--avoid-mode"),
            RequireModes = Modes(parse.GetValue(RequireMode), "--require-mode"),
            ViaNodes = [.. Split(parse.GetValue(Via)).Select(v => ResolvePlace(router, v, "--via"))],
            ViaCountries = Countries(def, parse.GetValue(ViaCountry), "--via-country"),
            ViaPassages = Passages(def, parse.GetValue(ViaPassage), "--via-passage"),
            MaxTransshipments = parse.GetValue(MaxTransshipments) is { } max && max < 0
                ? throw new CliUsageException("--max-transshipments must be 0 or more.")
                : parse.GetValue(MaxTransshipments),
            AllowClosedCountries = parse.GetValue(AllowClosed),
        };
    }

    private static NodeId ResolvePlace(CorridorRouter router, string text, string option)
    {
        var match = router.Places.Resolve(text);
        return match.Status switch
        {
            PlaceMatchStatus.Found => match.Node,
            PlaceMatchStatus.Ambiguous => throw new CliUsageException(
                $"{option} '{text}' matches several places: {string.Join(", ", match.Candidates.Select(c => $"{c.Name} ({c.Id})"))}. Give the id."),
            _ => throw new CliUsageException(match.Candidates.Count == 0
                ? $"{option} '{text}' is not a place in the network. `corridors network info` lists what is there."
                : $"{option} '{text}' is not a place in the network. Did you mean {string.Join(", ", match.Candidates.Select(c => $"{c.Name} ({c.Id})"))}?"),
        };
    }

    /// <summary>Prices and weights must be finite and not negative: a negative weight rewards detours without end.</summary>
    private static double? NonNegative(double? value, string option) =>
        value is { } v && (v < 0 || !double.IsFinite(v))
            ? throw new CliUsageException($"{option} must be zero or more (got {v.ToString(CultureInfo.InvariantCulture)}).")
            : value;

    private static DateTime ParseDepart(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        }

        throw new CliUsageException($"--depart '{text}' is not a date; use yyyy-MM-dd or yyyy-MM-ddTHH:mm (UTC).");
    }

    private static IEnumerable<string> Split(string[]? values)
    {
        if (values is null)
        {
            yield break;
        }

        foreach (var value in values)
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return part;
            }
        }
    }

    private static string[] Countries(NetworkDefinition def, string[]? values, string option)
    {
        var list = new List<string>();
        foreach (var code in Split(values))
        {
            var iso = code.ToUpperInvariant();
            if (!def.CountryById.ContainsKey(iso))
            {
                throw new CliUsageException($"{option}: '{code}' is not a country in the data (use ISO 3166-1 alpha-2 codes such as RU, BY, IR).");
            }

            if (!list.Contains(iso))
            {
                list.Add(iso);
            }
        }

        return [.. list];
    }

    private static string[] Passages(NetworkDefinition def, string[]? values, string option)
    {
        var list = new List<string>();
        foreach (var text in Split(values))
        {
            var key = PlaceResolver.Fold(text);
            var match = def.Passages.FirstOrDefault(p => PlaceResolver.Fold(p.Id) == key || PlaceResolver.Fold(p.Name) == key);
            if (match is null)
            {
                throw new CliUsageException($"{option}: '{text}' is not a passage in the data. Known: {string.Join(", ", def.Passages.Select(p => p.Id))}.");
            }

            if (!list.Contains(match.Id))
            {
                list.Add(match.Id);
            }
        }

        return [.. list];
    }

    private static TransportMode[] Modes(string[]? values, string option)
    {
        var list = new List<TransportMode>();
        foreach (var text in Split(values))
        {
            if (!Words.Mode.TryGetValue(text.ToLowerInvariant(), out var mode))
            {
                throw new CliUsageException($"{option}: '{text}' is not a mode; use rail, road, ferry, feeder, ocean or inland-waterway.");
            }

            if (!list.Contains(mode))
            {
                list.Add(mode);
            }
        }

        return [.. list];
    }
}

using System.Globalization;
using Corridors.Application.Workspace;
using Corridors.Data;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Application.Requests;

/// <summary>A request turned into a Core query, with the snapshot it runs on.</summary>
/// <param name="Snapshot">The network of the request's year.</param>
/// <param name="Query">The Core query.</param>
public sealed record ResolvedQuery(NetworkSnapshot Snapshot, RouteQuery Query)
{
    /// <summary>How places that are not in the network were understood (a coordinate or a gazetteer town, and the terminal standing for it).</summary>
    /// <value>Empty.</value>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// Turns a <see cref="RouteQueryRequest"/> into a <see cref="RouteQuery"/> on the snapshot of its year, or returns every
/// problem at once (unknown places with suggestions, unknown countries, passages and modes, values out of range).
/// </summary>
public static class RouteQueryResolver
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>Resolves <paramref name="request"/> against the workspace's network of the request's year.</summary>
    /// <exception cref="Diagnostics.InputDataException">The data files have errors.</exception>
    public static Outcome<ResolvedQuery> Resolve(RouteQueryRequest request, CorridorsWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workspace);
        var problems = new List<RequestProblem>();
        if (!string.IsNullOrWhiteSpace(request.Scenario))
        {
            var opened = workspace.Scenarios.Open(request.Scenario, allowFiles: false);
            if (opened.IsValid)
            {
                workspace = opened.Value;
            }
            else
            {
                problems.AddRange(opened.Problems);
            }
        }

        // One clock for both: the network year defaults to the departure's year, and the departure to today's date
        // moved into the requested year, so a 2027 departure runs on the 2027 network.
        var departGiven = !string.IsNullOrWhiteSpace(request.Depart);
        var depart = ParseDepart(request.Depart, workspace.Clock, problems);
        if (!departGiven && request.Year is { } askedYear && askedYear is >= NetworkYears.Min and <= NetworkYears.Max && depart.Year != askedYear)
        {
            depart = new DateTime(askedYear, depart.Month, Math.Min(depart.Day, DateTime.DaysInMonth(askedYear, depart.Month)), 0, 0, 0, DateTimeKind.Utc);
        }

        var year = request.Year ?? (depart == default ? NetworkYears.Default : !departGiven && workspace.Scenario?.Scenario.BaseYear is { } baseYear ? baseYear : depart.Year);
        if (request.Year is null && !departGiven && workspace.Scenario?.Scenario.BaseYear is { } scenarioYear && depart.Year != scenarioYear)
        {
            // A scenario describes its base year: today's date moved into it.
            depart = new DateTime(scenarioYear, depart.Month, Math.Min(depart.Day, DateTime.DaysInMonth(scenarioYear, depart.Month)), 0, 0, 0, DateTimeKind.Utc);
        }

        if (year is < NetworkYears.Min or > NetworkYears.Max)
        {
            problems.Add(new("year", request.Year is null
                ? Invariant($"The departure's year {year} is outside the years the network data covers ({NetworkYears.Min}–{NetworkYears.Max}); give a year.")
                : Invariant($"{year} is outside the years the network data covers ({NetworkYears.Min}–{NetworkYears.Max}).")));
            year = NetworkYears.Default; // still check the rest against the default year's network
        }

        var level = ServiceLevels.Parse(request.ServiceLevel, allowBoth: false, "serviceLevel", problems)[0];
        var snapshot = workspace.Snapshot(year, level);
        var def = snapshot.Network.Definition;

        // Container types (parameters.csv): an FEU takes feu_teu TEU of space (and CO2e) but is charged
        // feu_cost_factor 20' rates; a 40' high cube takes hc_teu TEU and is charged hc_cost_factor 20' rates.
        var feuTeu = def.Parameter("feu_teu", 2);
        var feuCost = def.Parameter("feu_cost_factor", feuTeu);
        var hcTeu = def.Parameter("hc_teu", feuTeu);
        var hcCost = def.Parameter("hc_cost_factor", feuCost);
        var teu = (request.Teu ?? 0) + (feuTeu * (request.Feu ?? 0)) + (hcTeu * (request.Hc ?? 0));
        double? chargedTeu = request.Feu is > 0 || request.Hc is > 0
            ? (request.Teu ?? 0) + (feuCost * (request.Feu ?? 0)) + (hcCost * (request.Hc ?? 0))
            : null;
        if (request.Teu is null && request.Feu is null && request.Hc is null)
        {
            teu = 1;
        }

        if (request.Teu is { } t0 && (t0 < 0 || !double.IsFinite(t0)))
        {
            problems.Add(new("teu", "The number of TEU must be zero or more."));
        }
        else if (request.Feu is { } f0 && (f0 < 0 || !double.IsFinite(f0)))
        {
            problems.Add(new("feu", "The number of FEU must be zero or more."));
        }
        else if (request.Hc is { } h0 && (h0 < 0 || !double.IsFinite(h0)))
        {
            problems.Add(new("hc", "The number of 40' high-cube containers must be zero or more."));
        }
        else if (!(teu > 0) || !double.IsFinite(teu) || teu > MaxTeu)
        {
            problems.Add(new(request.Teu is null ? (request.Feu is not null ? "feu" : request.Hc is not null ? "hc" : "teu") : "teu",
                Invariant($"The number of containers must be positive and at most {MaxTeu:N0} TEU (TEU + 2 × FEU + 2 × 40' HC).")));
        }

        var tonnes = request.TonnesPerTeu;
        if (tonnes is { } t && (t <= 0 || !double.IsFinite(t) || t > 40))
        {
            problems.Add(new("tonnesPerTeu", "The cargo tonnes per TEU must be above 0 and at most 40."));
        }

        double cargoValue = 0, rate = 0;
        if (request.TimeValue || request.CargoValueUsdPerTeu is not null)
        {
            var perTeu = NonNegative(request.CargoValueUsdPerTeu, "cargoValueUsdPerTeu", problems) ?? def.Parameter("cargo_value_usd_per_teu", double.NaN);
            var perYear = def.Parameter("inventory_cost_rate_per_year", double.NaN);
            if (double.IsNaN(perTeu) || double.IsNaN(perYear))
            {
                problems.Add(new("timeValue", "The time value of cargo needs the parameters cargo_value_usd_per_teu and inventory_cost_rate_per_year, or a cargo value."));
            }
            else if (problems.Count == 0)
            {
                cargoValue = perTeu * teu;
                rate = perYear / 365.0;
                if (!double.IsFinite(cargoValue * rate))
                {
                    problems.Add(new("cargoValueUsdPerTeu", "The cargo value is too large."));
                }
            }
        }

        var objective = RouteObjective.Time;
        switch (request.By?.Trim().ToLowerInvariant())
        {
            case null or "" or "time" or "fastest": break;
            case "cost" or "cheapest": objective = RouteObjective.Cost; break;
            case "co2" or "co2e" or "greenest": objective = RouteObjective.Co2; break;
            case "generalized" or "generalised": objective = RouteObjective.Generalized; break;
            default: problems.Add(new("by", $"Unknown objective '{RequestText.Quote(request.By)}'; use time, cost, co2 or generalized.")); break;
        }

        var notes = new List<string>();
        var from = ResolvePlace(snapshot, request.From, "from", problems, notes);
        var to = ResolvePlace(snapshot, request.To, "to", problems, notes);
        var via = new List<NodeId>();
        for (var i = 0; i < request.Via.Count; i++)
        {
            if (ResolvePlace(snapshot, request.Via[i], $"via[{i}]", problems, notes) is { } node)
            {
                via.Add(node);
            }
        }

        var usdPerHour = NonNegative(request.UsdPerHour, "usdPerHour", problems) ?? 0;
        var usdPerCo2 = NonNegative(request.UsdPerTonneCo2, "usdPerTonneCo2", problems) ?? 0;
        var usdPerRisk = NonNegative(request.UsdPerRisk, "usdPerRisk", problems) ?? 0;
        if (request.MaxTransshipments is < 0)
        {
            problems.Add(new("maxTransshipments", "The transshipment limit must be 0 or more."));
        }

        var avoid = Countries(def, request.AvoidCountries, "avoidCountries", problems);
        if (request.AvoidSanctioned)
        {
            avoid = [.. avoid.Union(def.Countries.Where(c => c.Sanctioned).Select(c => c.Id), StringComparer.Ordinal)];
        }

        var viaCountries = Countries(def, request.ViaCountries, "viaCountries", problems);
        var avoidPassages = Passages(def, request.AvoidPassages, "avoidPassages", problems);
        var viaPassages = Passages(def, request.ViaPassages, "viaPassages", problems);
        var avoidModes = Modes(request.AvoidModes, "avoidModes", problems);
        var requireModes = Modes(request.RequireModes, "requireModes", problems);
        if (problems.Count > 0 || from is null || to is null)
        {
            return Outcome<ResolvedQuery>.Invalid(problems);
        }

        var query = new RouteQuery
        {
            From = from.Value,
            To = to.Value,
            DepartUtc = depart,
            Cargo = new Cargo(teu, tonnes, cargoValue, rate) { ChargedTeu = chargedTeu },
            Objective = objective,
            Weights = new GeneralizedWeights(usdPerHour, usdPerCo2, usdPerRisk),
            AvoidCountries = avoid,
            AvoidPassages = avoidPassages,
            AvoidModes = avoidModes,
            RequireModes = requireModes,
            ViaNodes = via,
            ViaCountries = viaCountries,
            ViaPassages = viaPassages,
            MaxTransshipments = request.MaxTransshipments,
            AllowClosedCountries = request.AllowClosedCountries,
        };
        // Core's own checks (the origin equal to the destination, anything the spelling rules above let through)
        // become request problems rather than exceptions.
        var core = RouteQueryChecks.Find(query, snapshot.Network);
        if (core.Count > 0)
        {
            return Outcome<ResolvedQuery>.Invalid([.. core.Select(p => new RequestProblem(p.Field, p.Message))]);
        }

        return Outcome<ResolvedQuery>.Ok(new ResolvedQuery(snapshot, query) { Notes = notes });
    }

    /// <summary>Largest consignment a request may state (a whole block train is about 100 TEU).</summary>
    public const double MaxTeu = 100_000;

    /// <summary>Parses a departure; empty means today (UTC) by <paramref name="clock"/>.</summary>
    internal static DateTime ParseDepart(string? text, TimeProvider clock, List<RequestProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return clock.GetUtcNow().UtcDateTime.Date;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            if (date.Year is < 1900 or > 2200)
            {
                problems.Add(new("depart", $"'{RequestText.Quote(text)}' is outside the dates the model handles (years 1900–2200)."));
                return default;
            }

            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        }

        problems.Add(new("depart", $"'{RequestText.Quote(text)}' is not a date; use yyyy-MM-dd or yyyy-MM-ddTHH:mm (UTC)."));
        return default;
    }

    private static NodeId? ResolvePlace(NetworkSnapshot snapshot, string? text, string field, List<RequestProblem> problems, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(field, "A place is required."));
            return null;
        }

        if (text.Length > RequestText.MaxLength)
        {
            problems.Add(new(field, RequestText.TooLong("A place name")));
            return null;
        }

        var match = Places.PlaceLookup.Resolve(snapshot, text);
        if (match.Problem is not null)
        {
            problems.Add(new(field, match.Problem));
            return null;
        }

        switch (match.Status)
        {
            case PlaceMatchStatus.Found:
                if (match.Note is not null)
                {
                    notes.Add(match.Note);
                }

                return match.Node;
            case PlaceMatchStatus.Ambiguous:
                problems.Add(new(field, $"'{RequestText.Quote(text)}' matches several places: {string.Join(", ", match.Candidates.Select(c => $"{c.Name} ({c.Id})"))}. Give the id."));
                return null;
            default:
                problems.Add(new(field, match.Candidates.Count == 0
                    ? $"'{RequestText.Quote(text)}' is not a place in the network. `corridors places` lists what is there."
                    : $"'{RequestText.Quote(text)}' is not a place in the network. Did you mean {string.Join(", ", match.Candidates.Select(c => $"{c.Name} ({c.Id})"))}?"));
                return null;
        }
    }

    /// <summary>Prices and weights must be finite and not negative: a negative weight rewards detours without end.</summary>
    private static double? NonNegative(double? value, string field, List<RequestProblem> problems)
    {
        if (value is { } v && (v < 0 || !double.IsFinite(v) || v > 1e12))
        {
            problems.Add(new(field, Invariant($"The value must be zero or more and at most 1e12 (got {v}).")));
            return null;
        }

        return value;
    }

    private static string[] Countries(NetworkDefinition def, IReadOnlyList<string> values, string field, List<RequestProblem> problems)
    {
        var list = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            if (CountryNames.Resolve(def, values[i], $"{field}[{i}]", problems) is { } iso && !list.Contains(iso))
            {
                list.Add(iso);
            }
        }

        return [.. list];
    }

    private static string[] Passages(NetworkDefinition def, IReadOnlyList<string> values, string field, List<RequestProblem> problems)
    {
        var list = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var text = values[i];
            var key = PlaceResolver.Fold(text);
            var match = def.Passages.FirstOrDefault(p => PlaceResolver.Fold(p.Id) == key || PlaceResolver.Fold(p.Name) == key);
            if (match is null)
            {
                problems.Add(new($"{field}[{i}]", $"'{RequestText.Quote(text)}' is not a passage in the data. Known: {string.Join(", ", def.Passages.Select(p => p.Id))}."));
            }
            else if (!list.Contains(match.Id))
            {
                list.Add(match.Id);
            }
        }

        return [.. list];
    }

    private static TransportMode[] Modes(IReadOnlyList<string> values, string field, List<RequestProblem> problems)
    {
        var list = new List<TransportMode>();
        for (var i = 0; i < values.Count; i++)
        {
            var text = values[i];
            if (!Words.Mode.TryGetValue(text.Trim().ToLowerInvariant(), out var mode) || mode == TransportMode.Transfer)
            {
                problems.Add(new($"{field}[{i}]", $"'{RequestText.Quote(text)}' is not a mode; use rail, road, ferry, feeder, ocean or inland-waterway."));
            }
            else if (!list.Contains(mode))
            {
                list.Add(mode);
            }
        }

        return [.. list];
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

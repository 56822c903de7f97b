using Corridors.Network;

namespace Corridors.Application.Requests;

/// <summary>The words of the service levels a request may name, and the default.</summary>
public static class ServiceLevels
{
    /// <summary>The level of a request that names none: a single container or wagon in ordinary traffic.</summary>
    public const Network.ServiceLevel Default = Network.ServiceLevel.Groupage;

    /// <summary>The word <c>compare</c> takes for both levels side by side.</summary>
    public const string Both = "both";

    /// <summary>The word of a level (<c>groupage</c>, <c>block-train</c>).</summary>
    public static string Name(Network.ServiceLevel level) => Words.Name(level);

    /// <summary>
    /// The levels <paramref name="text"/> names: one, or both when <paramref name="allowBoth"/> and it says
    /// <see cref="Both"/>; adds a problem for <paramref name="field"/> and returns the default otherwise.
    /// </summary>
    public static IReadOnlyList<Network.ServiceLevel> Parse(string? text, bool allowBoth, string field, List<RequestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var word = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(word))
        {
            return [Default];
        }

        if (allowBoth && word == Both)
        {
            return [Network.ServiceLevel.Groupage, Network.ServiceLevel.BlockTrain];
        }

        if (Words.ServiceLevel.TryGetValue(word, out var level))
        {
            return [level];
        }

        var allowed = string.Join(", ", Words.ServiceLevel.Keys.Order(StringComparer.Ordinal)) + (allowBoth ? ", " + Both : string.Empty);
        problems.Add(new(field, $"Unknown service level '{RequestText.Quote(text!)}'; use {allowed}."));
        return [Default];
    }
}

/// <summary>The years the baseline network data covers and the default year of a request.</summary>
public static class NetworkYears
{
    /// <summary>First year of the data.</summary>
    public const int Min = 2020;

    /// <summary>Last year of the data.</summary>
    public const int Max = 2035;

    /// <summary>The year of a request that names none.</summary>
    public const int Default = 2026;
}

/// <summary>
/// A routing question as a user or client states it: place names, ISO codes, passage and mode words, a date as
/// text. <see cref="RouteQueryResolver"/> turns it into a Core query or lists every problem.
/// </summary>
public sealed record RouteQueryRequest
{
    /// <summary>Origin: node id, name or alias (case and accents ignored).</summary>
    public required string From { get; init; }

    /// <summary>Destination: node id, name or alias.</summary>
    public required string To { get; init; }

    /// <summary>Network year.</summary>
    /// <value>The year of <see cref="Depart"/>, else the scenario's base year, else <see cref="NetworkYears.Default"/>.</value>
    public int? Year { get; init; }

    /// <summary>
    /// A preset scenario (data/scenarios/, e.g. <c>russia-closed</c>) to answer under; files are given by front ends
    /// that may read them (the CLI's <c>--scenario FILE</c>), never in a request.
    /// </summary>
    /// <value>null: the workspace's own scenario (the baseline unless it is a scenario view).</value>
    public string? Scenario { get; init; }

    /// <summary>
    /// Service level: <c>groupage</c> (a single container or wagon in ordinary traffic) or <c>block-train</c> (a
    /// whole scheduled train with booked sailings and border priority); <c>compare</c> also takes <c>both</c>.
    /// </summary>
    /// <value><c>groupage</c> (<see cref="ServiceLevels.Default"/>).</value>
    public string? ServiceLevel { get; init; }

    /// <summary>Departure (UTC), <c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHH:mm</c>.</summary>
    /// <value>Today (the workspace clock).</value>
    public string? Depart { get; init; }

    /// <summary>Number of TEU.</summary>
    /// <value>1 when neither TEU nor FEU is given.</value>
    public double? Teu { get; init; }

    /// <summary>Number of FEU (1 FEU = 2 TEU), added to <see cref="Teu"/>.</summary>
    public double? Feu { get; init; }

    /// <summary>
    /// Number of 40' high-cube containers, added to <see cref="Teu"/> and <see cref="Feu"/>: each takes
    /// <c>hc_teu</c> TEU of space and is charged <c>hc_cost_factor</c> 20' rates (parameters.csv).
    /// </summary>
    public double? Hc { get; init; }

    /// <summary>Cargo tonnes per TEU for CO2e.</summary>
    /// <value>The <c>teu_cargo_tonnes</c> parameter.</value>
    public double? TonnesPerTeu { get; init; }

    /// <summary>Countries to avoid (ISO 3166-1 alpha-2, any case).</summary>
    public IReadOnlyList<string> AvoidCountries { get; init => field = value ?? []; } = [];

    /// <summary>Passages to avoid (ids or names).</summary>
    public IReadOnlyList<string> AvoidPassages { get; init => field = value ?? []; } = [];

    /// <summary>Modes to avoid (rail, road, ferry, feeder, ocean, inland-waterway).</summary>
    public IReadOnlyList<string> AvoidModes { get; init => field = value ?? []; } = [];

    /// <summary>Modes the route must use at least once each.</summary>
    public IReadOnlyList<string> RequireModes { get; init => field = value ?? []; } = [];

    /// <summary>Places the route must pass (names or ids).</summary>
    public IReadOnlyList<string> Via { get; init => field = value ?? []; } = [];

    /// <summary>Countries the route must pass (ISO codes).</summary>
    public IReadOnlyList<string> ViaCountries { get; init => field = value ?? []; } = [];

    /// <summary>Passages the route must use (ids or names).</summary>
    public IReadOnlyList<string> ViaPassages { get; init => field = value ?? []; } = [];

    /// <summary>At most this many transshipments.</summary>
    public int? MaxTransshipments { get; init; }

    /// <summary>Allow countries whose transit is closed in the baseline.</summary>
    public bool AllowClosedCountries { get; init; }

    /// <summary>Avoid every country marked sanctioned in countries.csv (added to <see cref="AvoidCountries"/>).</summary>
    public bool AvoidSanctioned { get; init; }

    /// <summary>Objective: time, cost, co2 or generalized.</summary>
    /// <value>time.</value>
    public string? By { get; init; }

    /// <summary>Add the time value of cargo to cost.</summary>
    public bool TimeValue { get; init; }

    /// <summary>Cargo value in USD per TEU (implies <see cref="TimeValue"/>).</summary>
    public double? CargoValueUsdPerTeu { get; init; }

    /// <summary>Generalized cost: USD per door-to-door hour.</summary>
    public double? UsdPerHour { get; init; }

    /// <summary>Generalized cost: USD per tonne CO2e.</summary>
    public double? UsdPerTonneCo2 { get; init; }

    /// <summary>Generalized cost: USD per risk point.</summary>
    public double? UsdPerRisk { get; init; }
}

/// <summary>Monte Carlo percentiles added to route or compare results.</summary>
/// <param name="Percentile">The percentile of door-to-door days to report (1–99).</param>
/// <param name="Samples">Simulated trips per route.</param>
/// <param name="Seed">Random seed (recorded with the results).</param>
public sealed record PercentileRequest(double Percentile, int Samples = PercentileRequest.DefaultSamples, long Seed = PercentileRequest.DefaultSeed)
{
    /// <summary>Default trips per route for <c>--percentile</c>.</summary>
    public const int DefaultSamples = 20_000;

    /// <summary>Default seed of every stochastic computation.</summary>
    public const long DefaultSeed = 42;
}

/// <summary>The best route, alternatives or the Pareto set.</summary>
/// <param name="Query">The routing question.</param>
public sealed record RouteRequest(RouteQueryRequest Query)
{
    /// <summary>Up to this many routes that differ at corridor level.</summary>
    /// <value>1.</value>
    public int Alternatives { get; set; } = 1;

    /// <summary>Every route that is best on some mix of time, cost and CO2e.</summary>
    public bool Pareto { get; init; }

    /// <summary>With <see cref="Pareto"/>: risk is a fourth criterion.</summary>
    public bool ParetoRisk { get; init; }

    /// <summary>Also simulate each route and report a percentile.</summary>
    public PercentileRequest? Percentile { get; init; }
}

/// <summary>The best route per corridor family.</summary>
/// <param name="Query">The routing question.</param>
public sealed record CompareRequest(RouteQueryRequest Query)
{
    /// <summary>Also simulate each route and report a percentile.</summary>
    public PercentileRequest? Percentile { get; init; }
}

/// <summary>Transit-time distributions per corridor by Monte Carlo.</summary>
/// <param name="Query">The routing question.</param>
public sealed record ReliabilityRequest(RouteQueryRequest Query)
{
    /// <summary>Simulated trips per route.</summary>
    /// <value>100 000.</value>
    public int Samples { get; init; } = 100_000;

    /// <summary>Random seed.</summary>
    /// <value>42.</value>
    public long Seed { get; init; } = PercentileRequest.DefaultSeed;

    /// <summary>Arrive-by time (UTC): <c>yyyy-MM-dd</c> (end of that day) or <c>yyyy-MM-ddTHH:mm</c>.</summary>
    public string? Deadline { get; init; }

    /// <summary>Late-delivery penalty in USD per day after <see cref="Deadline"/>; ranks by expected cost.</summary>
    public double? PenaltyUsdPerDay { get; init; }

    /// <summary>Rank by this percentile (1–99).</summary>
    /// <value>90.</value>
    public double Percentile { get; init; } = 90;

    /// <summary>Only the corridor whose name contains this text.</summary>
    public string? Corridor { get; init; }

    /// <summary>Histogram bars (1–100).</summary>
    /// <value>16.</value>
    public int Bins { get; init; } = 16;
}

/// <summary>A port-to-port sea route on the lane network, or a batch of them (<see cref="SeaBatchRequest"/>).</summary>
/// <remarks>
/// Bound from request bodies by generated serializer metadata, which passes the type's default for an init-only
/// property the body leaves out (dotnet/runtime#84484): lists therefore turn null into empty and the defaulted
/// numbers have setters, so a missing field keeps the default written here.
/// </remarks>
public sealed record SeaRouteOptions
{
    /// <summary>Default vessel speed: 16 kn, PEM's Asia–North Europe mainline assumption (corridor-facts §3.2).</summary>
    public const double DefaultKnots = 16;

    /// <summary>Passages to avoid (ids).</summary>
    public IReadOnlyList<string> AvoidPassages { get; init => field = value ?? []; } = [];

    /// <summary>Passages the route must cross (ids; at most 4).</summary>
    public IReadOnlyList<string> ViaPassages { get; init => field = value ?? []; } = [];

    /// <summary>Countries to avoid: their passages are avoided and ports in them refused.</summary>
    public IReadOnlyList<string> AvoidCountries { get; init => field = value ?? []; } = [];

    /// <summary>Vessel speed in knots (1–60).</summary>
    /// <value>16.</value>
    public double Knots { get; set; } = DefaultKnots;

    /// <summary>Container-ship size in TEU; 0 ignores size limits.</summary>
    /// <value><c>ocean_vessel_teu</c> of parameters.csv.</value>
    public int? VesselTeu { get; init; }

    /// <summary>Largest distance from a port to its nearest lane vertex, km.</summary>
    public double MaxSnapKm { get; set; } = Sea.SeaRouteRequest.DefaultMaxSnapKm;

    /// <summary>Include the route geometry.</summary>
    /// <value>true.</value>
    public bool Geometry { get; set; } = true;
}

/// <summary>One sea route.</summary>
/// <param name="From">A port (corridor node id or name, UN/LOCODE, gazetteer name) or <c>lon,lat</c>.</param>
/// <param name="To">As <paramref name="From"/>.</param>
/// <param name="Options">Constraints and vessel.</param>
public sealed record SeaRequest(string From, string To, SeaRouteOptions Options);

/// <summary>One pair of a sea batch: names (ports or <c>lon,lat</c>) and optional display labels.</summary>
/// <param name="From">Origin text.</param>
/// <param name="To">Destination text.</param>
/// <param name="FromLabel">Shown instead of the origin's coordinates.</param>
/// <param name="ToLabel">Shown instead of the destination's coordinates.</param>
public sealed record SeaPair(string From, string To, string? FromLabel = null, string? ToLabel = null);

/// <summary>A distance table: many sea routes with one set of options.</summary>
/// <param name="Pairs">The pairs.</param>
/// <param name="Options">Constraints and vessel.</param>
public sealed record SeaBatchRequest(IReadOnlyList<SeaPair> Pairs, SeaRouteOptions Options);

/// <summary>What the network of a year contains.</summary>
/// <param name="Year">Network year.</param>
/// <param name="ServiceLevel">The service level whose dwell and border times the network carries (<c>groupage</c> by default).</param>
public sealed record NetworkInfoRequest(int? Year, string? ServiceLevel = null);

/// <summary>Two network years to compare (<c>network diff</c>).</summary>
/// <param name="FromYear">The earlier year.</param>
/// <param name="ToYear">The later year.</param>
public sealed record NetworkDiffRequest(int FromYear, int ToYear);

using Corridors.Application.Requests;

namespace Corridors.Api;

// The fields a body adds to the request record it shares (RouteQueryRequest, SeaRouteOptions): bound from the same
// JSON object, so a route body is flat ({"from": ..., "to": ..., "alternatives": 3}) and a problem's field is the
// body's field. Defaults are the application records' own.

/// <summary>Route fields besides the query: <see cref="RouteRequest"/> and an optional percentile.</summary>
public sealed record RouteBodyExtras
{
    /// <summary>Up to this many routes that differ at corridor level (1–20).</summary>
    public int? Alternatives { get; init; }

    /// <summary>Every route that is best on some mix of time, cost and CO2e.</summary>
    public bool Pareto { get; init; }

    /// <summary>With <see cref="Pareto"/>: risk is a fourth criterion.</summary>
    public bool ParetoRisk { get; init; }

    /// <summary>Simulate each route and report this percentile of door-to-door days (1–99).</summary>
    public double? Percentile { get; init; }

    /// <summary>With <see cref="Percentile"/>: simulated trips per route.</summary>
    public int? Samples { get; init; }

    /// <summary>With <see cref="Percentile"/>: random seed.</summary>
    public long? Seed { get; init; }
}

/// <summary>Reliability fields besides the query (<see cref="ReliabilityRequest"/>).</summary>
public sealed record ReliabilityBodyExtras
{
    /// <summary>Simulated trips per route.</summary>
    public int? Samples { get; init; }

    /// <summary>Random seed.</summary>
    public long? Seed { get; init; }

    /// <summary>Arrive-by time (UTC), <c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHH:mm</c>.</summary>
    public string? Deadline { get; init; }

    /// <summary>Late-delivery penalty in USD per day after the deadline.</summary>
    public double? PenaltyUsdPerDay { get; init; }

    /// <summary>Rank by this percentile (1–99).</summary>
    public double? Percentile { get; init; }

    /// <summary>Only the corridor whose name contains this text.</summary>
    public string? Corridor { get; init; }

    /// <summary>Histogram bars (1–100).</summary>
    public int? Bins { get; init; }
}

/// <summary>The two ends of a sea route, beside <see cref="SeaRouteOptions"/>.</summary>
public sealed record SeaBodyEnds
{
    /// <summary>A port (node id or name, UN/LOCODE, gazetteer name) or <c>lon,lat</c>.</summary>
    public required string From { get; init; }

    /// <summary>As <see cref="From"/>.</summary>
    public required string To { get; init; }
}

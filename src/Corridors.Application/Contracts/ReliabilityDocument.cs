using System.Globalization;
using Corridors.Network;
using Corridors.Reliability;
using Corridors.Routing;

namespace Corridors.Application.Contracts;

/// <summary>The <c>reliability</c> document (docs/CLI.md). Fields may be added; none may be renamed.</summary>
/// <param name="Query">The query as understood.</param>
/// <param name="Samples">Simulated trips per route.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Deadline">Arrive-by time, UTC.</param>
/// <param name="PenaltyUsdPerDay">Late penalty, USD per day.</param>
/// <param name="RankedBy"><c>p90</c> (a percentile) or <c>expected-cost</c>.</param>
/// <param name="Routes">Routes in rank order.</param>
public sealed record ReliabilityDocument(
    QueryContract Query,
    int Samples,
    long Seed,
    string? Deadline,
    double? PenaltyUsdPerDay,
    string RankedBy,
    IReadOnlyList<ReliabilityRouteContract> Routes)
{
    /// <summary>The document of ranked simulated routes.</summary>
    public static ReliabilityDocument Of(CorridorNetwork network, RouteQuery query, IReadOnlyList<Route> routes, IReadOnlyList<RankedAlternative> ranked, ReliabilitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(settings);
        return new ReliabilityDocument(
            QueryContract.Of(network, query),
            settings.Samples,
            settings.Seed,
            settings.Deadline is { } deadline ? ContractJson.Time(deadline) : null,
            settings.PenaltyUsdPerDay,
            settings.RanksByExpectedCost ? "expected-cost" : "p" + (settings.Percentile * 100).ToString("0.##", CultureInfo.InvariantCulture),
            [.. ranked.Select(r => ReliabilityRouteContract.Of(r, routes.First(x => x.Corridor == r.Alternative.Name), settings, network.Definition))]);
    }
}

/// <summary>Resolved reliability settings.</summary>
/// <param name="Samples">Trips per route.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Deadline">Arrive-by time.</param>
/// <param name="PenaltyUsdPerDay">Late penalty.</param>
/// <param name="Percentile">Ranking percentile as a fraction (0.9).</param>
/// <param name="Corridor">Corridor filter.</param>
/// <param name="Bins">Histogram bars.</param>
public sealed record ReliabilitySettings(int Samples, long Seed, DateTimeOffset? Deadline, double? PenaltyUsdPerDay, double Percentile, string? Corridor, int Bins)
{
    /// <summary>True when routes are ranked by route cost plus expected lateness penalty.</summary>
    public bool RanksByExpectedCost => Deadline is not null && PenaltyUsdPerDay is not null;
}

/// <summary>One simulated route.</summary>
public sealed record ReliabilityRouteContract(
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
    IReadOnlyList<ContributorContract> Contributors,
    IReadOnlyList<HistogramContract> Histogram)
{
    /// <summary>The corridor family (as in <c>compare</c>).</summary>
    public string Family { get; init; } = string.Empty;

    /// <summary>Countries in route order (ISO codes).</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>The route's countries under sanctions, with the regimes.</summary>
    public IReadOnlyList<SanctionContract> Sanctions { get; init; } = [];

    /// <summary>The legs, as in <c>route</c>'s document.</summary>
    public IReadOnlyList<LegContract> Legs { get; init; } = [];

    /// <summary>The contract of a ranked alternative.</summary>
    public static ReliabilityRouteContract Of(RankedAlternative ranked, Route route, ReliabilitySettings settings, NetworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(settings);
        var r = ranked.Alternative.Result;
        return new ReliabilityRouteContract(
            ranked.Rank,
            ranked.Alternative.Name,
            r.Samples,
            r.Seed,
            ContractJson.Round(route.Totals.Days, 3),
            ContractJson.Round(r.MeanDays, 3),
            ContractJson.Round(r.StdDevDays, 3),
            ContractJson.Round(r.P10Days, 3),
            ContractJson.Round(r.P50Days, 3),
            ContractJson.Round(r.P90Days, 3),
            ContractJson.Round(r.P95Days, 3),
            ContractJson.Round(r.QuantileDays(settings.Percentile), 3),
            settings.Deadline is { } d ? ContractJson.Round(r.OnTimeProbability(d), 4) : null,
            settings.Deadline is { } d2 ? ContractJson.Round(r.ExpectedLatenessDays(d2), 3) : null,
            ContractJson.Round(ranked.Alternative.CostUsd),
            ranked.ExpectedCostUsd is { } c ? ContractJson.Round(c) : null,
            [.. r.Contributors.OrderByDescending(c => c.VarianceShare).ThenBy(c => c.PathIndex).Select(c => ContributorContract.Of(c, route))],
            [.. r.Histogram(settings.Bins).Select(b => new HistogramContract(ContractJson.Round(b.FromDays, 3), ContractJson.Round(b.ToDays, 3), b.Count))])
        {
            Family = Routing.CorridorFamilies.WireName(route.Family),
            Countries = route.Countries,
            Sanctions = SanctionContract.For(definition, route.Countries),
            Legs = RouteContract.Of(route).Legs,
        };
    }
}

/// <summary>A leg's share of the transit-time variance.</summary>
public sealed record ContributorContract(int Index, string Leg, PlaceContract From, PlaceContract To, string Mode, double MeanHours, double Share)
{
    /// <summary>The contract of a leg contribution.</summary>
    public static ContributorContract Of(LegContribution c, Route route)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(route);
        var leg = route.Legs[c.PathIndex];
        return new ContributorContract(c.PathIndex, leg.LegId, PlaceContract.Of(leg.From), PlaceContract.Of(leg.To), Words.Name(leg.Mode), ContractJson.Round(c.MeanHours), ContractJson.Round(c.VarianceShare, 4));
    }
}

/// <summary>One histogram bar (the last also holds every slower trip).</summary>
public sealed record HistogramContract(double FromDays, double ToDays, int Count);

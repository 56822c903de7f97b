namespace Corridors.Reliability;

/// <summary>A route alternative to rank: its name (corridor), simulated times and deterministic cost.</summary>
/// <param name="Name">Label, usually the corridor name.</param>
/// <param name="Result">Simulated transit-time distribution.</param>
/// <param name="CostUsd">Cost of the route without lateness (tariffs, handling; from routing).</param>
public sealed record RouteAlternative(string Name, ReliabilityResult Result, double CostUsd = 0);

/// <summary>An alternative with the figure it was ranked by.</summary>
/// <param name="Rank">1 = best.</param>
/// <param name="Alternative">The alternative.</param>
/// <param name="PercentileDays">Transit time at the ranking percentile (or at P90 when ranked by cost).</param>
/// <param name="ExpectedLatenessDays">E[days late] after the deadline, when one was given.</param>
/// <param name="ExpectedCostUsd">Cost + penalty × expected days late, when ranked by cost.</param>
public sealed record RankedAlternative(int Rank, RouteAlternative Alternative, double PercentileDays, double? ExpectedLatenessDays, double? ExpectedCostUsd);

/// <summary>Route choice under uncertainty: rank alternatives by a percentile or by expected cost with a lateness penalty.</summary>
public static class ReliabilityRanking
{
    /// <summary>Ranks by the <paramref name="percentile"/> (0–1, e.g. 0.9) transit time, fastest first; ties keep input order.</summary>
    public static IReadOnlyList<RankedAlternative> ByPercentile(IReadOnlyList<RouteAlternative> alternatives, double percentile)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 1);
        return alternatives
            .Select((a, i) => (a, i, days: a.Result.QuantileDays(percentile)))
            .OrderBy(x => x.days)
            .ThenBy(x => x.i)
            .Select((x, rank) => new RankedAlternative(rank + 1, x.a, x.days, null, null))
            .ToArray();
    }

    /// <summary>
    /// Ranks by expected cost = cost + <paramref name="penaltyUsdPerDay"/> × E[days late after
    /// <paramref name="deadline"/>], cheapest first; ties keep input order.
    /// </summary>
    public static IReadOnlyList<RankedAlternative> ByExpectedCost(IReadOnlyList<RouteAlternative> alternatives, DateTimeOffset deadline, double penaltyUsdPerDay)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        ArgumentOutOfRangeException.ThrowIfNegative(penaltyUsdPerDay);
        return alternatives
            .Select((a, i) =>
            {
                var late = a.Result.ExpectedLatenessDays(deadline);
                return (a, i, late, cost: a.CostUsd + (penaltyUsdPerDay * late));
            })
            .OrderBy(x => x.cost)
            .ThenBy(x => x.i)
            .Select((x, rank) => new RankedAlternative(rank + 1, x.a, x.a.Result.P90Days, x.late, x.cost))
            .ToArray();
    }
}

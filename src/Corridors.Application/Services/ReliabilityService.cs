using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Reliability;
using Corridors.Routing;

namespace Corridors.Application.Services;

/// <summary>
/// A reliability answer: the compared routes, their ranked simulations and the document. When the constraints leave
/// no route, <see cref="Ranked"/> is empty and <see cref="NoRouteDocument"/> says why (the compare document).
/// </summary>
/// <param name="Snapshot">The network.</param>
/// <param name="Query">The resolved query.</param>
/// <param name="Compare">The per-corridor comparison the simulated routes come from.</param>
/// <param name="Routes">The simulated routes (after the corridor filter).</param>
/// <param name="Ranked">Simulated routes in rank order.</param>
/// <param name="Settings">Resolved settings.</param>
/// <param name="Document">The document, or null when there is no route.</param>
/// <param name="NoRouteDocument">The compare document when there is no route, else null.</param>
public sealed record ReliabilityAnswer(
    NetworkSnapshot Snapshot,
    RouteQuery Query,
    RouteResult Compare,
    IReadOnlyList<Route> Routes,
    IReadOnlyList<RankedAlternative> Ranked,
    ReliabilitySettings Settings,
    ReliabilityDocument? Document,
    RoutesDocument? NoRouteDocument);

/// <summary><c>reliability</c>: Monte Carlo transit-time distributions of the best route of each corridor (docs/MODEL.md).</summary>
/// <param name="workspace">The workspace.</param>
public sealed class ReliabilityService(CorridorsWorkspace workspace)
{
    /// <summary>Simulates and ranks; <paramref name="progressFor"/> may give a progress sink per route.</summary>
    public Outcome<ReliabilityAnswer> Run(ReliabilityRequest request, Func<Route, IProgress<MonteCarloProgress>?>? progressFor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        RouteService.CheckSamples(request.Samples, "samples", problems);
        RouteService.CheckPercentileValue(request.Percentile, "percentile", problems);
        if (request.Bins is < 1 or > 100)
        {
            problems.Add(new("bins", "The number of histogram bars must be between 1 and 100."));
        }

        DateTimeOffset? deadline = null;
        if (request.Deadline is { } deadlineText)
        {
            deadline = ParseDeadline(deadlineText, problems);
        }

        if (request.PenaltyUsdPerDay is { } penalty)
        {
            if (request.Deadline is null)
            {
                problems.Add(new("penaltyUsdPerDay", "A lateness penalty needs a deadline."));
            }

            if (penalty < 0 || !double.IsFinite(penalty) || penalty > 1e9)
            {
                problems.Add(new("penaltyUsdPerDay", "The penalty must be zero or more and at most 1e9 USD per day."));
            }
        }

        var resolved = RouteQueryResolver.Resolve(request.Query, workspace);
        if (resolved.IsValid && deadline is { } arriveBy && arriveBy <= new DateTimeOffset(resolved.Value.Query.DepartUtc, TimeSpan.Zero))
        {
            var depart = resolved.Value.Query.DepartUtc;
            problems.Add(new("deadline", string.Create(CultureInfo.InvariantCulture,
                $"{arriveBy:yyyy-MM-dd HH:mm} UTC is not after the departure ({depart:yyyy-MM-dd HH:mm} UTC).")));
        }

        if (!resolved.IsValid || problems.Count > 0)
        {
            return Outcome<ReliabilityAnswer>.Invalid([.. resolved.Problems, .. problems]);
        }

        var (snapshot, query) = resolved.Value;
        var settings = new ReliabilitySettings(request.Samples, request.Seed, deadline, request.PenaltyUsdPerDay, request.Percentile / 100, request.Corridor, request.Bins);
        RouteResult compare;
        using (var lease = snapshot.RentRouter())
        {
            compare = lease.Router.Compare(query);
        }

        var routes = compare.Routes;
        if (settings.Corridor is { } wanted)
        {
            routes = [.. routes.Where(r => r.Corridor.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                                           || r.Family.ToString().Equals(wanted, StringComparison.OrdinalIgnoreCase)
                                           || CorridorFamilies.WireName(r.Family).Equals(wanted, StringComparison.OrdinalIgnoreCase))];
            if (routes.Count == 0 && compare.Routes.Count > 0)
            {
                return Outcome<ReliabilityAnswer>.Invalid("corridor", $"No corridor matches '{wanted}'. Corridors for this query: {string.Join("; ", compare.Routes.Select(r => r.Corridor))}.");
            }
        }

        if (routes.Count == 0)
        {
            return Outcome<ReliabilityAnswer>.Ok(new ReliabilityAnswer(snapshot, query, compare, routes, [], settings, null, RoutesDocument.Of(snapshot.Network, query, compare)));
        }

        var options = new MonteCarloOptions { Samples = settings.Samples, Seed = settings.Seed };
        var simulated = new List<RouteAlternative>(routes.Count);
        foreach (var route in routes)
        {
            var result = RouteService.Simulate(snapshot, route, options, progressFor?.Invoke(route), cancellationToken);
            simulated.Add(new RouteAlternative(route.Corridor, result, route.Totals.CostUsd));
        }

        var ranked = settings.RanksByExpectedCost
            ? ReliabilityRanking.ByExpectedCost(simulated, settings.Deadline!.Value, settings.PenaltyUsdPerDay!.Value)
            : ReliabilityRanking.ByPercentile(simulated, settings.Percentile);
        var document = ReliabilityDocument.Of(snapshot.Network, query, routes, ranked, settings);
        document = document with { Query = document.Query with { Notes = resolved.Value.Notes } };
        return Outcome<ReliabilityAnswer>.Ok(new ReliabilityAnswer(snapshot, query, compare, routes, ranked, settings, document, null));
    }

    /// <summary>A date means the end of that day (arrive by 2026-04-10 = before 2026-04-11 00:00 UTC).</summary>
    internal static DateTimeOffset? ParseDeadline(string text, List<RequestProblem> problems)
    {
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            if (day.Year is < 1900 or > 2200)
            {
                problems.Add(new("deadline", $"'{text}' is outside the dates the model handles (years 1900–2200)."));
                return null;
            }

            return new DateTimeOffset(day.Date.AddDays(1), TimeSpan.Zero);
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mmZ", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            if (at.Year is < 1900 or > 2200)
            {
                problems.Add(new("deadline", $"'{text}' is outside the dates the model handles (years 1900–2200)."));
                return null;
            }

            return new DateTimeOffset(at, TimeSpan.Zero);
        }

        problems.Add(new("deadline", $"'{text}' is not a date; use yyyy-MM-dd or yyyy-MM-ddTHH:mm (UTC)."));
        return null;
    }
}

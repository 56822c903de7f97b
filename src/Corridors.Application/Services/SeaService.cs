using System.Diagnostics;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Sea;

namespace Corridors.Application.Services;

/// <summary><c>sea</c>: port-to-port routes on the maritime lane network, one or a batch.</summary>
/// <param name="workspace">The workspace.</param>
public sealed class SeaService(CorridorsWorkspace workspace)
{
    /// <summary>Largest batch a request may hold.</summary>
    public const int MaxPairs = 100_000;

    /// <summary>The slowest vessel speed a request may give, in knots.</summary>
    public const double MinKnots = 1;

    /// <summary>One route.</summary>
    public Outcome<SeaRouteDocument> Route(SeaRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sea = workspace.Sea;
        var problems = new List<RequestProblem>();
        var (constraints, vessel) = Prepare(sea, UnderScenario(request.Options), problems);
        var from = sea.Resolve(request.From, "from");
        var to = sea.Resolve(request.To, "to");
        problems.AddRange(from.Problems);
        problems.AddRange(to.Problems);
        if (problems.Count > 0)
        {
            return Outcome<SeaRouteDocument>.Invalid(problems);
        }

        return Outcome<SeaRouteDocument>.Ok(Query(sea, from.Value, to.Value, UnderScenario(request.Options), constraints, vessel, out _));
    }

    /// <summary>A distance table; each pair's problems carry its index (<c>pairs[3].from</c>).</summary>
    public Outcome<SeaBatchDocument> Batch(SeaBatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sea = workspace.Sea;
        var problems = new List<RequestProblem>();
        if (request.Pairs.Count > MaxPairs)
        {
            problems.Add(new("pairs", $"At most {MaxPairs} pairs are allowed in one request."));
        }

        var (constraints, vessel) = Prepare(sea, UnderScenario(request.Options), problems);
        var places = new List<(SeaPlaceContract From, SeaPlaceContract To)>(request.Pairs.Count);
        for (var i = 0; i < request.Pairs.Count && i < MaxPairs; i++)
        {
            var pair = request.Pairs[i];
            var from = sea.Resolve(pair.From, $"pairs[{i}].from");
            var to = sea.Resolve(pair.To, $"pairs[{i}].to");
            problems.AddRange(from.Problems);
            problems.AddRange(to.Problems);
            if (from.IsValid && to.IsValid)
            {
                places.Add((pair.FromLabel is null ? from.Value : from.Value with { Name = pair.FromLabel }, pair.ToLabel is null ? to.Value : to.Value with { Name = pair.ToLabel }));
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<SeaBatchDocument>.Invalid(problems);
        }

        var results = new List<SeaRouteDocument>(places.Count);
        var micros = new double[places.Count];
        for (var i = 0; i < places.Count; i++)
        {
            results.Add(Query(sea, places[i].From, places[i].To, UnderScenario(request.Options), constraints, vessel, out var seconds));
            micros[i] = seconds * 1e6;
        }

        return Outcome<SeaBatchDocument>.Ok(new SeaBatchDocument(results, ContractJson.Round(Median(micros), 1), ContractJson.Round(micros.Sum() / 1e6, 6)));
    }

    /// <summary>
    /// The options under the workspace's scenario: the passages and countries it closes (in any year: the lane network
    /// has no years) are avoided as well.
    /// </summary>
    private SeaRouteOptions UnderScenario(SeaRouteOptions options)
    {
        if (workspace.Scenario?.Scenario is not { } scenario)
        {
            return options;
        }

        var passages = scenario.Closures.Where(c => c.Target.Kind == Scenarios.ScenarioTargetKind.Passage).Select(c => c.Target.Id);
        var countries = scenario.Closures.Where(c => c.Target.Kind == Scenarios.ScenarioTargetKind.Country).Select(c => c.Target.Id);
        return options with
        {
            AvoidPassages = [.. options.AvoidPassages.Concat(passages).Distinct(StringComparer.OrdinalIgnoreCase)],
            AvoidCountries = [.. options.AvoidCountries.Concat(countries).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }

    private static (SeaConstraints Constraints, int VesselTeu) Prepare(SeaSnapshot sea, SeaRouteOptions options, List<RequestProblem> problems)
    {
        // A floor of 1 kn: a speed just above 0 (1e-308) makes the sailing time infinite.
        if (!(options.Knots >= MinKnots) || options.Knots > 60)
        {
            problems.Add(new("knots", "The speed must be at least 1 and at most 60 knots."));
        }

        if (options.VesselTeu is < 0 or > 100000)
        {
            problems.Add(new("vesselTeu", "The vessel size must be between 0 (no size limit) and 100000 TEU."));
        }

        // Core reads 0 as "the default" (300 km); a request says what it means, so 0, negatives and NaN are refused.
        if (!(options.MaxSnapKm > 0) || options.MaxSnapKm > 5000)
        {
            problems.Add(new("maxSnapKm", "The largest port-to-lane distance must be above 0 and at most 5000 km."));
        }

        var vessel = options.VesselTeu is >= 0 and <= 100000 ? options.VesselTeu.Value : sea.DefaultVesselTeu;
        return (sea.Constraints(options, vessel, problems), vessel);
    }

    private static SeaRouteDocument Query(SeaSnapshot sea, SeaPlaceContract from, SeaPlaceContract to, SeaRouteOptions options, SeaConstraints c, int vesselTeu, out double seconds)
    {
        seconds = 0;
        var reason = c.ImpossibleReason;
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

        var document = new SeaRouteDocument
        {
            From = from,
            To = to,
            AvoidedPassages = c.AvoidIds,
            ViaPassages = c.ViaIds,
            VesselTeu = vesselTeu,
            PassagesTooSmall = c.TooSmallIds,
        };
        if (reason is not null)
        {
            return document with { Reason = reason };
        }

        var request = new SeaRouteRequest(from.Lon, from.Lat, to.Lon, to.Lat) { AvoidMask = c.Avoid, ViaMask = c.Via, MaxSnapKm = options.MaxSnapKm, VesselTeu = vesselTeu };
        using var lease = sea.RentRouter();
        var router = lease.Value;
        var start = Stopwatch.GetTimestamp();
        var route = router.Route(request);
        seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (!route.IsFound)
        {
            return document with { Reason = SeaRouter.Reason(route, from.Name ?? from.Query, to.Name ?? to.Query) };
        }

        return document with
        {
            DistanceKm = ContractJson.Round(route.DistanceKm, 1),
            DistanceNm = ContractJson.Round(route.DistanceNm, 1),
            Hours = ContractJson.Round(route.Hours(options.Knots), 1),
            Passages = router.PassagesInOrder(),
            Geometry = options.Geometry
                ? new LineStringContract("LineString", [.. router.Geometry().Select(p => new[] { Math.Round(p.Lon, 5), Math.Round(p.Lat, 5) })])
                : null,
            Knots = options.Knots,
            LaneKm = ContractJson.Round(route.LaneKm, 1),
            SnapKm = new SnapContract(ContractJson.Round(route.FromSnapKm, 1), ContractJson.Round(route.ToSnapKm, 1)),
        };
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

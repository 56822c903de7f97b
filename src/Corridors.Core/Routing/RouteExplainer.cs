using System.Globalization;
using Corridors.Network;

namespace Corridors.Routing;

/// <summary>
/// Turns a path into a <see cref="Route"/>: replays it through <see cref="QueryWeights.Step"/> (the same step
/// function the searches use, so the totals are the searches' numbers) and lists legs, countries, borders,
/// passages and gauge changes.
/// </summary>
public static class RouteExplainer
{
    /// <summary>Explains <paramref name="path"/> under the query <paramref name="weights"/> were prepared for.</summary>
    /// <exception cref="ArgumentException">The path is empty, not connected, or uses an edge the query blocks.</exception>
    public static Route Explain(QueryWeights weights, IReadOnlyList<EdgeId> path)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0)
        {
            throw new ArgumentException("A route needs at least one edge.", nameof(path));
        }

        var graph = weights.Graph;
        var network = graph.Network;
        var depart = weights.Query.DepartUtc;
        var legs = new List<RouteLeg>(path.Count);
        var countries = new List<string>();
        var passages = new List<string>();
        var borders = new List<BorderCrossing>();
        var gaugeChanges = new List<Place>();
        var basis = new List<string>();
        double time = 0, cost = 0, co2 = 0, risk = 0, km = 0, wait = 0, dwell = 0;
        var transshipments = 0;
        var previous = -1;
        var lastGauge = 0;
        for (var i = 0; i < path.Count; i++)
        {
            var e = path[i].Value;
            if (previous >= 0 && network.Head[previous] != network.Tail[e])
            {
                throw new ArgumentException($"Edge {path[i]} does not start where edge {path[i - 1]} ends.", nameof(path));
            }

            if (!weights.Step(previous, e, time, out var step))
            {
                throw new ArgumentException($"Edge {path[i]} is blocked by the query or closed for the season.", nameof(path));
            }

            var leg = network.LegOf(path[i]);
            var from = network.Node(new NodeId(network.Tail[e]));
            var to = network.Node(new NodeId(network.Head[e]));
            var legDepart = time + step.DwellHours + step.WaitHours;
            time += step.Hours;
            cost += step.CostUsd;
            co2 += step.Co2eKg;
            risk += step.Risk;
            km += network.LengthKm[e];
            wait += step.WaitHours;
            dwell += step.DwellHours;
            transshipments += step.Transshipments;

            var legCountries = network.EdgeReversed[e] ? Reversed(leg.Countries) : leg.Countries;
            AddCountry(countries, borders, from.Country, Place.Of(from), null);
            for (var c = 0; c < legCountries.Count; c++)
            {
                // Entering the leg's first country happens at its start node; changes inside a leg's country list
                // happen along the leg, except on a transfer leg, which is a border station pair.
                var atNode = c == 0 || leg.Mode == TransportMode.Transfer ? Place.Of(from) : null;
                AddCountry(countries, borders, legCountries[c], atNode, atNode is null ? leg.Id : null);
            }

            AddCountry(countries, borders, to.Country, Place.Of(to), null);
            foreach (var p in network.EdgeReversed[e] ? Reversed(leg.Passages) : leg.Passages)
            {
                passages.Add(p);
            }

            if (leg.Mode == TransportMode.Rail && leg.GaugeMm is { } gauge)
            {
                if (lastGauge != 0 && gauge != lastGauge)
                {
                    gaugeChanges.Add(Place.Of(from));
                }

                lastGauge = gauge;
            }
            else if (leg.Mode != TransportMode.Transfer)
            {
                lastGauge = 0;
            }

            var factor = network.Definition.EmissionFactorFor(leg);
            if (factor is not null && network.LengthKm[e] > 0)
            {
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"{factor.Id} ({factor.GramsCo2ePerTonneKm:0.##} g {(factor.IsCo2Equivalent ? "CO2e" : "CO2")}/t-km, {(factor.Basis == EmissionBasis.TankToWheel ? "TTW" : "WTW")})");
                if (!basis.Contains(text))
                {
                    basis.Add(text);
                }
            }

            legs.Add(new RouteLeg(
                path[i], leg.Id, Place.Of(from), Place.Of(to), leg.Mode, network.LengthKm[e], step.RunHours,
                step.WaitHours, step.DwellHours, step.CostUsd, step.Co2eKg, step.Risk,
                legCountries.Count > 0 ? legCountries[0] : from.Country, legCountries, leg.Passages, leg.GaugeMm,
                factor?.Id, depart.AddHours(legDepart), depart.AddHours(time))
            {
                Priced = weights.Graph.Priced[e],
            });
            previous = e;
        }

        var gaugeCount = gaugeChanges.Count;
        var totals = new RouteTotals(time, cost, co2, risk, km, wait, dwell, borders.Count, transshipments, gaugeCount);
        var (family, name) = CorridorClassifier.Classify(network, path);
        return new Route(name, family, [.. path], legs, totals, countries, passages, borders, gaugeChanges, basis,
            depart, depart.AddHours(time));
    }

    private static void AddCountry(List<string> countries, List<BorderCrossing> borders, string iso, Place? at, string? legId)
    {
        if (countries.Count > 0 && countries[^1] == iso)
        {
            return;
        }

        if (countries.Count > 0)
        {
            borders.Add(new BorderCrossing(countries[^1], iso, at, legId));
        }

        countries.Add(iso);
    }

    private static string[] Reversed(IReadOnlyList<string> list)
    {
        var copy = new string[list.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = list[list.Count - 1 - i];
        }

        return copy;
    }
}

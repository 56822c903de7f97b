using System.Globalization;
using Corridors.Network;

namespace Corridors.Routing;

/// <summary>
/// Whether a route has a shape a forwarder would accept: it never passes the same place twice, and never re-enters a
/// country it has left. A single leg whose own line crosses a border and back (its <c>countries</c> list names a
/// country twice, as the Trans-Siberian does through Petropavlovsk) is the railway's shape, not a detour, and is
/// allowed, and so is a leg that the data marks as re-entering a country (legs.csv <c>reenters</c>: the Zangezur/TRIPP
/// link into Azerbaijan's Nakhchivan exclave). Corridor comparisons also call a route a detour when it is more than <see cref="MaxDetourFactor"/> times
/// as long as the shortest route of its kind (overland or by deep sea) found for the same question.
/// </summary>
public static class RouteShape
{
    /// <summary>A route more than this many times as long (km) as the shortest one of its kind is a detour.</summary>
    public const double MaxDetourFactor = 1.5;

    /// <summary>Why <paramref name="route"/> loops (a sentence), or null when it passes each place and country once.</summary>
    public static string? Loop(CorridorNetwork network, Route route)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(route);
        if (route.Legs.Count == 0)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { route.Legs[0].From.Id };
        var left = new HashSet<string>(StringComparer.Ordinal);
        var current = network.Node(new NodeId(network.Tail[route.Legs[0].Edge.Value])).Country;
        foreach (var leg in route.Legs)
        {
            if (!seen.Add(leg.To.Id))
            {
                return $"It passes {leg.To.Name} twice.";
            }

            // Countries inside one leg may repeat (the line's own shape); what a leg leaves counts for later legs.
            var leftHere = new HashSet<string>(StringComparer.Ordinal);
            var head = network.Node(new NodeId(network.Head[leg.Edge.Value])).Country;
            foreach (var country in leg.Countries.Append(head))
            {
                if (country == current)
                {
                    continue;
                }

                if (left.Contains(country) && !leftHere.Contains(country) && !network.LegOf(leg.Edge).Reenters.Contains(country))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"It leaves {CountryName(network, country)} and enters it again at {leg.From.Name} → {leg.To.Name}.");
                }

                leftHere.Add(current);
                current = country;
            }

            left.UnionWith(leftHere);
        }

        return null;
    }

    /// <summary>True when the route has at least one deep-sea leg (its kind for the detour rule).</summary>
    public static bool IsDeepSea(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Legs.Any(l => l.Mode == TransportMode.Ocean);
    }

    private static string CountryName(CorridorNetwork network, string iso) =>
        network.Definition.CountryById.TryGetValue(iso, out var c) ? $"{c.Name} ({iso})" : iso;
}

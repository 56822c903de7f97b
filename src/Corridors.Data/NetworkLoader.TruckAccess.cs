using System.Globalization;
using Corridors.Geo;
using Corridors.Network;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    /// <summary>The id prefix of the generated first/last-mile truck legs (<see cref="AddTruckAccess"/>).</summary>
    public const string TruckAccessPrefix = "TA-";

    /// <summary>Closer than this, two places are one site (the two gauge sides of Astara, Aktau port and hub) that the data joins by its own legs.</summary>
    private const double SameSiteKm = 5;

    /// <summary>
    /// The generic first and last mile (docs/DATA.md, "Truck access"): with parameter <c>truck_access_max_km</c>, every
    /// place that is not a border station, has no road leg in the data and is not one of several nodes of one site
    /// gets a two-way truck leg to its nearest other non-border place in the same country, when that lies within the
    /// limit and is not the same site. Its length is
    /// the great circle × <c>road_circuity_factor</c>, its speed <c>truck_speed_kmh</c>, its rate
    /// <c>truck_usd_per_teu_km</c> and its CO2e the road default factor: the figures the bundled road legs use. A place
    /// with a road leg and another mode but no dwell of its own gets the rail↔truck handling dwell
    /// <c>truck_transfer_dwell_{min,mode,max}_h</c> (applied only where a route changes mode there).
    /// </summary>
    private static (Node[] Nodes, Leg[] Legs) AddTruckAccess(Node[] nodes, Leg[] legs, Parameter[] parameters)
    {
        var byKey = parameters.ToDictionary(p => p.Key, StringComparer.Ordinal);
        if (!byKey.TryGetValue("truck_access_max_km", out var max) || max.Value <= 0
            || !byKey.TryGetValue("road_circuity_factor", out var circuity)
            || !byKey.TryGetValue("truck_speed_kmh", out var speed)
            || !byKey.TryGetValue("truck_usd_per_teu_km", out var rate))
        {
            return (nodes, legs);
        }

        // Only places the data gives no road leg: a road leg of the data may carry handling or border time in its
        // hours (Astara–Rasht includes the rail-to-truck transshipment), which a generated leg next to it would bypass.
        var hasRoad = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leg in legs)
        {
            if (leg.Mode == TransportMode.Road)
            {
                hasRoad.Add(leg.From);
                hasRoad.Add(leg.To);
            }
        }

        var places = nodes.Where(n => n.Kind != NodeKind.Border && n.Validity.Status != InfrastructureStatus.Closed).ToArray();
        var added = new List<Leg>();
        var seen = new HashSet<(string, string)>();
        foreach (var place in places)
        {
            // A site of several nodes (the two gauge sides of Akhalkalaki, Aktau port and hub) is joined by its own
            // transfer legs; a truck leg from each side to one neighbour would bypass that transfer's handling.
            if (hasRoad.Contains(place.Id) || nodes.Any(n => !ReferenceEquals(n, place) && GeoMath.GreatCircleKm(place.Lat, place.Lon, n.Lat, n.Lon) < SameSiteKm))
            {
                continue;
            }

            Node? nearest = null;
            var best = double.PositiveInfinity;
            foreach (var other in places)
            {
                if (ReferenceEquals(other, place) || other.Country != place.Country)
                {
                    continue;
                }

                var km = GeoMath.GreatCircleKm(place.Lat, place.Lon, other.Lat, other.Lon);
                if (km >= SameSiteKm && (km < best || (km == best && string.CompareOrdinal(other.Id, nearest!.Id) < 0)))
                {
                    (best, nearest) = (km, other);
                }
            }

            if (nearest is null || best > max.Value)
            {
                continue;
            }

            var pair = Pair(place.Id, nearest.Id);
            if (!seen.Add(pair))
            {
                continue;
            }

            var (a, b) = string.CompareOrdinal(place.Id, nearest.Id) < 0 ? (place, nearest) : (nearest, place);
            var distance = Math.Round(best * circuity.Value);
            var source = string.Create(CultureInfo.InvariantCulture,
                $"generated first/last-mile truck leg (parameter truck_access_max_km {max.Value:0} km): {b.Name} is the nearest place to {place.Name} in {place.Country}; distance = great-circle {best:0} km × road_circuity_factor {circuity.Value}; speed truck_speed_kmh, rate truck_usd_per_teu_km (parameters.csv: {speed.Provenance.Source} | {rate.Provenance.Source})");
            // Open with its later end (so `network diff` names it with the project that brings that end); in a year
            // where an end is closed the leg is dropped with it anyway (CorridorNetwork.Build).
            added.Add(new Leg(
                TruckAccessPrefix + a.Id + "-" + b.Id, a.Id, b.Id, TransportMode.Road, Bidirectional: true, distance, speed.Value, Hours: null,
                GaugeMm: null, Electrified: null, TariffFixedUsdPerTeu: 0, rate.Value, CapacityTeuPerYear: null, CapacityTrainsPerDay: null,
                CapacityMtPerYear: null, [place.Country], [], MaxDraftM: null, OpenMonths: null, EmissionFactor: null,
                LaterOpening(a.Validity, b.Validity), new Provenance(source, "truck access: the first or last mile to the nearest place"), max.Origin));
        }

        if (added.Count == 0)
        {
            return (nodes, legs);
        }

        var allLegs = legs.Concat(added).ToArray();
        return (WithTruckDwell(nodes, allLegs, byKey), allLegs);
    }

    /// <summary>Places where a road leg meets another mode and the data gives no dwell get the rail↔truck handling dwell.</summary>
    private static Node[] WithTruckDwell(Node[] nodes, Leg[] legs, Dictionary<string, Parameter> byKey)
    {
        if (!byKey.TryGetValue("truck_transfer_dwell_min_h", out var min) || !byKey.TryGetValue("truck_transfer_dwell_mode_h", out var mode)
            || !byKey.TryGetValue("truck_transfer_dwell_max_h", out var max) || !(min.Value <= mode.Value && mode.Value <= max.Value))
        {
            return nodes;
        }

        var road = new HashSet<string>(StringComparer.Ordinal);
        var other = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leg in legs)
        {
            var set = leg.Mode == TransportMode.Road ? road : leg.Mode == TransportMode.Transfer ? null : other;
            set?.Add(leg.From);
            set?.Add(leg.To);
        }

        var dwell = new Triangular(min.Value, mode.Value, max.Value);
        return [.. nodes.Select(n => n.DwellHours is null && n.Kind != NodeKind.Border && road.Contains(n.Id) && other.Contains(n.Id)
            ? n with
            {
                DwellHours = dwell,
                DwellRule = DwellRule.Transfer,
                Provenance = n.Provenance with { Notes = Join(n.Provenance.Notes, "rail↔truck dwell from parameters.csv truck_transfer_dwell_*_h: " + mode.Provenance.Source) },
            }
            : n)];
    }

    /// <summary>The validity of the end that opens later; an always-open end adds nothing. Scenario suspensions are not copied.</summary>
    private static Validity LaterOpening(Validity a, Validity b)
    {
        var later = (b.OpenYear ?? int.MinValue) > (a.OpenYear ?? int.MinValue) ? b : a;
        return new Validity(later.Status, later.OpenYear, later.CloseYear);
    }

    private static string Join(string? a, string b) => string.IsNullOrEmpty(a) ? b : a + " | " + b;

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}

using System.Globalization;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Application.Places;

/// <summary>How a text resolved to a place of a network (<see cref="PlaceLookup.Resolve"/>).</summary>
/// <param name="Status">Found (possibly by a fallback), ambiguous or not found.</param>
/// <param name="Node">The node, when found.</param>
/// <param name="Candidates">Ambiguous matches or spelling suggestions, best first.</param>
/// <param name="Note">When the text named no network place and a nearby terminal stands for it: what was done.</param>
/// <param name="Problem">Why the text cannot be a place at all (a coordinate out of range), else null.</param>
public sealed record PlaceResolution(PlaceMatchStatus Status, NodeId Node, IReadOnlyList<Place> Candidates, string? Note, string? Problem);

/// <summary>
/// The one place resolver of the application layer, used by every routing request, <c>corridors places</c> and
/// <c>GET /api/places</c>: a node by id, name, alias, UN/LOCODE or exonym (<see cref="PlaceResolver"/>); else a
/// <c>lon,lat</c> pair, or a name the port gazetteer knows (<c>data/sea/ports.csv</c>), stands for the nearest
/// terminal with a road leg, and says so in <see cref="PlaceResolution.Note"/>.
/// </summary>
public static class PlaceLookup
{
    /// <summary>
    /// The farthest a gazetteer place may lie from the terminal that stands for it. assumption: a forwarder trucks
    /// pre- and on-carriage of up to a day's drive (about 600 km at 60–70 km/h for 9 h, the EU daily driving limit of
    /// Regulation (EC) No 561/2006); farther, the terminal is not a sensible stand-in and the place is refused.
    /// </summary>
    public const double MaxStandInKm = 600;

    /// <summary>
    /// A point this close to a network place is that place, whatever legs it has (a coordinate in Astana is Astana).
    /// assumption: 25 km, the radius of a large city's built-up area and its freight terminals (Astana's stations and
    /// dry port lie within about 15 km of its centre); farther, the nearest terminal with a road leg stands in.
    /// </summary>
    public const double SamePlaceKm = 25;

    /// <summary>Resolves <paramref name="text"/> on <paramref name="snapshot"/>.</summary>
    public static PlaceResolution Resolve(NetworkSnapshot snapshot, string text)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(text);
        if (TryCoordinates(text, out var lon, out var lat, out var bad))
        {
            if (bad is not null)
            {
                return new PlaceResolution(PlaceMatchStatus.NotFound, default, [], null, bad);
            }

            var label = string.Create(CultureInfo.InvariantCulture, $"{lon},{lat}");
            return StandIn(snapshot, lon, lat, $"'{label}' is a coordinate, not a network place", []);
        }

        var match = snapshot.Places.Resolve(text);
        if (match.Status != PlaceMatchStatus.NotFound)
        {
            return new PlaceResolution(match.Status, match.Node, match.Candidates, null, null);
        }

        if (Gazetteer(snapshot.Workspace, text) is { } port)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"'{RequestText.Quote(text)}' is not a network place; the port gazetteer puts {port.Name} ({port.Id}, {port.Country}) at {port.Lon:0.###},{port.Lat:0.###}");
            return StandIn(snapshot, port.Lon, port.Lat, where, match.Candidates);
        }

        return new PlaceResolution(PlaceMatchStatus.NotFound, default, match.Candidates, null, null);
    }

    /// <summary>True when the node has a road leg in the snapshot's network (a truck can reach it).</summary>
    public static bool HasRoadLeg(CorridorNetwork network, NodeId node)
    {
        ArgumentNullException.ThrowIfNull(network);
        var edges = network.OutEdges(node);
        var modes = network.Mode;
        for (var e = edges.Start.Value; e < edges.End.Value; e++)
        {
            if ((TransportMode)modes[e] == TransportMode.Road)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="text"/> is meant as <c>lon,lat</c> (two comma-separated numbers); <paramref name="problem"/>
    /// is set when they are out of range.
    /// </summary>
    internal static bool TryCoordinates(string text, out double lon, out double lat, out string? problem)
    {
        lon = lat = 0;
        problem = null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out lon)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out lat))
        {
            return false;
        }

        if (!double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            problem = $"'{RequestText.Quote(text)}' is not a 'lon,lat' pair within -180..180, -90..90.";
        }

        return true;
    }

    private static PlaceResolution StandIn(NetworkSnapshot snapshot, double lon, double lat, string what, IReadOnlyList<Place> suggestions)
    {
        var network = snapshot.Network;
        var byRoad = snapshot.Places.TryNearest(lon, lat, v => HasRoadLeg(network, v), out var node, out var km);
        if (snapshot.Places.TryNearest(lon, lat, _ => true, out var here, out var hereKm) && hereKm <= SamePlaceKm && (!byRoad || here != node))
        {
            var place = network.Node(here);
            var same = string.Create(CultureInfo.InvariantCulture, $"{what}: using {place.Name} ({place.Id}), the network place {hereKm:N0} km away by great circle{TruckLeg(network.Definition, hereKm)}.");
            return new PlaceResolution(PlaceMatchStatus.Found, here, [], same, null);
        }

        if (!byRoad || km > MaxStandInKm)
        {
            var nearest = km < double.PositiveInfinity
                ? string.Create(CultureInfo.InvariantCulture, $"; the nearest terminal with a road leg, {network.Node(node).Name} ({network.Node(node).Id}), is {km:N0} km away (more than {MaxStandInKm:N0} km)")
                : "; the network has no terminal with a road leg";
            return new PlaceResolution(PlaceMatchStatus.NotFound, default, suggestions, null, what + nearest + ".");
        }

        var n = network.Node(node);
        var note = string.Create(CultureInfo.InvariantCulture, $"{what}: using {n.Name} ({n.Id}), the nearest terminal with a road leg, {km:N0} km away by great circle{TruckLeg(network.Definition, km)}.");
        return new PlaceResolution(PlaceMatchStatus.Found, node, [], note, null);
    }

    /// <summary>
    /// The truck leg from the point to its stand-in at the figures of the generated first/last-mile legs
    /// (<c>road_circuity_factor</c>, <c>truck_speed_kmh</c>, <c>truck_usd_per_teu_km</c>, the default road emission
    /// factor): said in the note, not added to the route, whose totals start and end at the terminal.
    /// </summary>
    internal static string TruckLeg(NetworkDefinition definition, double greatCircleKm)
    {
        var circuity = definition.Parameter("road_circuity_factor", double.NaN);
        var speed = definition.Parameter("truck_speed_kmh", double.NaN);
        var rate = definition.Parameter("truck_usd_per_teu_km", double.NaN);
        var factor = definition.EmissionFactors.FirstOrDefault(f => f.Mode == TransportMode.Road && f.IsDefault);
        if (!double.IsFinite(circuity) || !(speed > 0) || !double.IsFinite(rate) || factor is null || greatCircleKm < 0.5)
        {
            return string.Empty;
        }

        var roadKm = greatCircleKm * circuity;
        var kgCo2e = roadKm * factor.GramsCo2ePerTonneKm * definition.Parameter("teu_cargo_tonnes", 10) / 1000;
        return string.Create(CultureInfo.InvariantCulture,
            $"; that first or last mile by truck is about {roadKm:N0} road-km, {roadKm / speed:0.#} h, USD {roadKm * rate:N0} and {kgCo2e:N0} kg CO2e per TEU, not counted in the route");
    }

    private static Data.Sea.SeaPort? Gazetteer(CorridorsWorkspace workspace, string text)
    {
        if (!workspace.HasSeaLanes)
        {
            return null;
        }

        var key = PlaceResolver.Fold(text);
        foreach (var port in workspace.Gazetteer)
        {
            if (string.Equals(port.Id, text.Trim(), StringComparison.OrdinalIgnoreCase) || PlaceResolver.Fold(port.Name) == key)
            {
                return port;
            }
        }

        return null;
    }
}

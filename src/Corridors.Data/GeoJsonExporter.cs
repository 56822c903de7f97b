using System.Text.Json;
using Corridors.Network;

namespace Corridors.Data;

/// <summary>
/// Writes a frozen network as an RFC 7946 GeoJSON FeatureCollection: one Point feature per node and one LineString
/// per leg (positions as [longitude, latitude], WGS 84, no "crs" member). Given the sea-lane graph, ocean, feeder and
/// ferry legs follow the lanes as in route GeoJSON (property <c>geometry</c>: <c>sea-lanes</c> or <c>straight</c>);
/// every feature carries simplestyle properties (<see cref="SimpleStyle"/>). Legs planned or under construction that
/// the year does not have yet are included with <c>active: false</c> so a map can draw what is coming.
/// </summary>
public static class GeoJsonExporter
{
    /// <summary>Writes the network to <paramref name="stream"/> (UTF-8).</summary>
    public static void Write(CorridorNetwork network, Stream stream, bool indented = false) => Write(network, stream, null, indented);

    /// <summary>Writes the network to <paramref name="stream"/> (UTF-8), water legs along <paramref name="seaLanes"/> when given.</summary>
    public static void Write(CorridorNetwork network, Stream stream, Corridors.Sea.SeaGraph? seaLanes, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        var seaRouter = seaLanes is null ? null : new Corridors.Sea.SeaRouter(seaLanes);
        var paths = new Dictionary<string, List<List<(double Lon, double Lat)>>?>(StringComparer.Ordinal);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartObject("properties");
        w.WriteNumber("year", network.Year);
        w.WriteNumber("nodes", network.NodeCount);
        w.WriteNumber("legs", network.Legs.Count);
        w.WriteString("serviceLevel", Words.Name(network.ServiceLevel));
        w.WriteEndObject();
        w.WriteStartArray("features");
        foreach (var node in network.Nodes)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", node.Id);
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(Math.Round(node.Lon, 6));
            w.WriteNumberValue(Math.Round(node.Lat, 6));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("feature", "node");
            w.WriteString("name", node.Name);
            w.WriteString("country", node.Country);
            w.WriteString("kind", Words.Name(node.Kind));
            w.WriteString("status", Words.Name(node.Validity.Status));
            if (node.Sea != SeaArea.None)
            {
                w.WriteString("sea", Words.Name(node.Sea));
            }

            w.WriteString("gauges", string.Join(";", node.GaugesMm));
            WriteOptional(w, "dwellHours", node.DwellHours?.Mean);
            WriteOptional(w, "rollDwellHours", node.RollDwellHours?.Mean);
            WriteOptional(w, "handlingTeuPerYear", node.HandlingTeuPerYear);
            WriteOptional(w, "handlingMtPerYear", node.HandlingMtPerYear);
            WriteOptional(w, "depthM", node.DepthM);
            w.WriteString("source", node.Provenance.Source);
            SimpleStyle.WriteMarker(w, node.Kind, $"{node.Name} ({Words.Name(node.Kind)}, {node.Country})");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        foreach (var leg in network.Legs)
        {
            network.TryGetNode(leg.From, out var from);
            network.TryGetNode(leg.To, out var to);
            var a = network.Node(from);
            var b = network.Node(to);
            WriteLeg(w, network, leg, (a.Lon, a.Lat, a.Name), (b.Lon, b.Lat, b.Name), active: true, seaRouter, paths);
        }

        // Legs planned or under construction that the year does not have yet: drawn as such (active false).
        var definedNodes = network.Definition.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var leg in network.Definition.Legs)
        {
            if (leg.Validity.Status is InfrastructureStatus.Planned or InfrastructureStatus.UnderConstruction && !leg.Validity.IsActive(network.Year)
                && definedNodes.TryGetValue(leg.From, out var a) && definedNodes.TryGetValue(leg.To, out var b))
            {
                WriteLeg(w, network, leg, (a.Lon, a.Lat, a.Name), (b.Lon, b.Lat, b.Name), active: false, seaRouter, paths);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, 2));
        }
    }

    private static void WriteLeg(
        Utf8JsonWriter w, CorridorNetwork network, Leg leg, (double Lon, double Lat, string Name) from, (double Lon, double Lat, string Name) to, bool active,
        Corridors.Sea.SeaRouter? seaRouter, Dictionary<string, List<List<(double Lon, double Lat)>>?> paths)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", leg.Id);
        var parts = seaRouter is null ? null : RouteGeoJson.LanePath(network.Definition, seaRouter, leg, reversed: false, paths);
        RouteGeoJson.WriteGeometry(w, parts, (from.Lon, from.Lat), (to.Lon, to.Lat));
        w.WriteStartObject("properties");
        w.WriteString("feature", "leg");
        w.WriteString("from", leg.From);
        w.WriteString("to", leg.To);
        w.WriteString("mode", Words.Name(leg.Mode));
        if (leg.GaugeMm is { } gauge)
        {
            w.WriteNumber("gaugeMm", gauge);
        }

        w.WriteNumber("distanceKm", leg.DistanceKm);
        w.WriteNumber("hours", Math.Round(leg.RunningHoursExpected, 2));
        w.WriteString("countries", string.Join(";", leg.Countries));
        w.WriteString("passages", string.Join(";", leg.Passages));
        w.WriteString("status", Words.Name(leg.Validity.Status));
        w.WriteBoolean("active", active);
        if (leg.Validity.OpenYear is { } open)
        {
            w.WriteNumber("openYear", open);
        }

        w.WriteBoolean("bidirectional", leg.Bidirectional);
        w.WriteString("source", leg.Provenance.Source);
        if (seaRouter is not null)
        {
            w.WriteString("geometry", parts is null ? "straight" : "sea-lanes");
        }

        SimpleStyle.WriteLine(w, leg.Mode, $"{from.Name} – {to.Name} ({Words.Name(leg.Mode)})");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes one RFC 7946 position <c>[longitude, latitude]</c>, rounded to 6 decimals (~0.1 m).</summary>
    public static void WritePosition(Utf8JsonWriter w, double lon, double lat)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(lon, 6));
        w.WriteNumberValue(Math.Round(lat, 6));
        w.WriteEndArray();
    }
}

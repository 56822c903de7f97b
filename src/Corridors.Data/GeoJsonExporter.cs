using System.Text.Json;
using Corridors.Network;

namespace Corridors.Data;

/// <summary>
/// Writes a frozen network as an RFC 7946 GeoJSON FeatureCollection: one Point feature per node and one LineString
/// per leg (positions as [longitude, latitude], WGS 84, no "crs" member). Given the sea-lane graph, ocean, feeder and
/// ferry legs follow the lanes as in route GeoJSON (property <c>geometry</c>: <c>sea-lanes</c> or <c>straight</c>);
/// every feature carries simplestyle properties (<see cref="SimpleStyle"/>).
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
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", leg.Id);
            var parts = seaRouter is null ? null : RouteGeoJson.LanePath(network.Definition, seaRouter, leg, reversed: false, paths);
            RouteGeoJson.WriteGeometry(w, parts, (a.Lon, a.Lat), (b.Lon, b.Lat));
            w.WriteStartObject("properties");
            w.WriteString("feature", "leg");
            w.WriteString("from", leg.From);
            w.WriteString("to", leg.To);
            w.WriteString("mode", Words.Name(leg.Mode));
            w.WriteNumber("distanceKm", leg.DistanceKm);
            w.WriteNumber("hours", Math.Round(leg.RunningHoursExpected, 2));
            w.WriteString("countries", string.Join(";", leg.Countries));
            w.WriteString("passages", string.Join(";", leg.Passages));
            w.WriteString("status", Words.Name(leg.Validity.Status));
            w.WriteBoolean("bidirectional", leg.Bidirectional);
            w.WriteString("source", leg.Provenance.Source);
            if (seaRouter is not null)
            {
                w.WriteString("geometry", parts is null ? "straight" : "sea-lanes");
            }

            SimpleStyle.WriteLine(w, leg.Mode, $"{a.Name} – {b.Name} ({Words.Name(leg.Mode)})");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
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

using System.Text.Json;
using Corridors.Network;

namespace Corridors.Data;

/// <summary>
/// Writes a frozen network as an RFC 7946 GeoJSON FeatureCollection: one Point feature per node and one LineString
/// per leg (positions as [longitude, latitude], WGS 84, no "crs" member); legs planned or under construction that the
/// year does not have yet are included with <c>active: false</c> so a map can draw what is coming.
/// </summary>
public static class GeoJsonExporter
{
    /// <summary>Writes the network to <paramref name="stream"/> (UTF-8).</summary>
    public static void Write(CorridorNetwork network, Stream stream, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
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
            w.WriteEndObject();
            w.WriteEndObject();
        }

        foreach (var leg in network.Legs)
        {
            network.TryGetNode(leg.From, out var from);
            network.TryGetNode(leg.To, out var to);
            var a = network.Node(from);
            var b = network.Node(to);
            WriteLeg(w, leg, (a.Lon, a.Lat), (b.Lon, b.Lat), active: true);
        }

        // Legs planned or under construction that the year does not have yet: drawn as such (active false).
        var definedNodes = network.Definition.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var leg in network.Definition.Legs)
        {
            if (leg.Validity.Status is InfrastructureStatus.Planned or InfrastructureStatus.UnderConstruction && !leg.Validity.IsActive(network.Year)
                && definedNodes.TryGetValue(leg.From, out var a) && definedNodes.TryGetValue(leg.To, out var b))
            {
                WriteLeg(w, leg, (a.Lon, a.Lat), (b.Lon, b.Lat), active: false);
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

    private static void WriteLeg(Utf8JsonWriter w, Leg leg, (double Lon, double Lat) from, (double Lon, double Lat) to, bool active)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", leg.Id);
        w.WriteStartObject("geometry");
        w.WriteString("type", "LineString");
        w.WriteStartArray("coordinates");
        WritePosition(w, from.Lon, from.Lat);
        WritePosition(w, to.Lon, to.Lat);
        w.WriteEndArray();
        w.WriteEndObject();
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

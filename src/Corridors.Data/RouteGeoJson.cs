using System.Text.Encodings.Web;
using System.Text.Json;
using Corridors.Geo;
using Corridors.Network;
using Corridors.Routing;
using Corridors.Sea;

namespace Corridors.Data;

/// <summary>
/// Route geometry as RFC 7946 GeoJSON, shared by the CLI's <c>--geojson</c> and the web map: one feature per leg with
/// the leg's numbers as properties. Ocean, feeder and ferry legs follow the sea lanes, routed with the same passages
/// and vessel size that gave the leg its distance (<see cref="OceanLegDistances.TryCreateRequest"/>); a path crossing
/// the antimeridian becomes a MultiLineString split there (RFC 7946 §3.1.9). Other legs, and water legs with no lane
/// path (the Caspian, lakes, no lane data), are straight LineStrings between the end nodes. Property
/// <c>geometry</c> says which: <c>sea-lanes</c> or <c>straight</c>.
/// </summary>
public static class RouteGeoJson
{
    /// <summary>Writes <paramref name="routes"/> on <paramref name="network"/> to <paramref name="stream"/> (UTF-8).</summary>
    /// <param name="network">The network the routes were found on.</param>
    /// <param name="routes">The routes; property <c>route</c> numbers them from 1.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="seaLanes">The sea-lane graph for water legs, or null for straight lines only.</param>
    public static void Write(CorridorNetwork network, IReadOnlyList<Route> routes, Stream stream, SeaGraph? seaLanes)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(stream);
        var definition = network.Definition;
        var seaRouter = seaLanes is null ? null : new SeaRouter(seaLanes);
        var paths = new Dictionary<string, List<List<(double Lon, double Lat)>>?>(StringComparer.Ordinal);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        for (var r = 0; r < routes.Count; r++)
        {
            var route = routes[r];
            foreach (var leg in route.Legs)
            {
                var e = leg.Edge.Value;
                var a = network.Tail[e];
                var b = network.Head[e];
                var parts = seaRouter is null ? null : SeaPath(definition, seaRouter, leg, paths);
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                WriteGeometry(w, parts, (network.Lon[a], network.Lat[a]), (network.Lon[b], network.Lat[b]));
                w.WriteStartObject("properties");
                w.WriteNumber("route", r + 1);
                w.WriteString("corridor", route.Corridor);
                w.WriteString("leg", leg.LegId);
                w.WriteString("from", leg.From.Id);
                w.WriteString("fromName", leg.From.Name);
                w.WriteString("to", leg.To.Id);
                w.WriteString("toName", leg.To.Name);
                w.WriteString("mode", Words.Name(leg.Mode));
                w.WriteString("geometry", parts is null ? "straight" : "sea-lanes");
                w.WriteNumber("km", Round(leg.Km, 1));
                w.WriteNumber("hours", Round(leg.Hours, 2));
                w.WriteNumber("waitHours", Round(leg.WaitHours, 2));
                w.WriteNumber("dwellHours", Round(leg.DwellHours, 2));
                w.WriteNumber("costUsd", Round(leg.CostUsd, 2));
                w.WriteNumber("co2eKg", Round(leg.Co2eKg, 2));
                w.WriteString("country", leg.Country);
                SimpleStyle.WriteLine(w, leg.Mode, $"{route.Corridor}: {leg.From.Name} → {leg.To.Name} ({Words.Name(leg.Mode)})");
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A leg's geometry: the lane path (a MultiLineString when split at the antimeridian), else a straight line.</summary>
    internal static void WriteGeometry(Utf8JsonWriter w, List<List<(double Lon, double Lat)>>? parts, (double Lon, double Lat) a, (double Lon, double Lat) b)
    {
        w.WriteStartObject("geometry");
        if (parts is null)
        {
            w.WriteString("type", "LineString");
            w.WriteStartArray("coordinates");
            GeoJsonExporter.WritePosition(w, a.Lon, a.Lat);
            GeoJsonExporter.WritePosition(w, b.Lon, b.Lat);
            w.WriteEndArray();
        }
        else if (parts.Count == 1)
        {
            w.WriteString("type", "LineString");
            WriteLine(w, "coordinates", parts[0]);
        }
        else
        {
            w.WriteString("type", "MultiLineString");
            w.WriteStartArray("coordinates");
            foreach (var part in parts)
            {
                WriteLine(w, null, part);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// The lane path of a water leg in travel direction, split at the antimeridian, or null when the leg is not a
    /// sea leg on the lane graph or has no lane path. Paths are memoised per leg and direction (alternatives share legs).
    /// </summary>
    private static List<List<(double Lon, double Lat)>>? SeaPath(NetworkDefinition definition, SeaRouter seaRouter, RouteLeg leg, Dictionary<string, List<List<(double Lon, double Lat)>>?> memo)
    {
        if (!definition.LegById.TryGetValue(leg.LegId, out var dataLeg))
        {
            return null;
        }

        // A leg may be travelled against its data direction (two-way legs); the lane path is the same, reversed.
        return LanePath(definition, seaRouter, dataLeg, !string.Equals(dataLeg.From, leg.From.Id, StringComparison.Ordinal), memo);
    }

    /// <summary>The lane path of a data leg (reversed: from its <c>to</c> end), or null when it is no water leg on the lanes.</summary>
    internal static List<List<(double Lon, double Lat)>>? LanePath(NetworkDefinition definition, SeaRouter seaRouter, Leg dataLeg, bool reversed, Dictionary<string, List<List<(double Lon, double Lat)>>?> memo)
    {
        if (dataLeg.Mode is not (TransportMode.Ocean or TransportMode.Feeder or TransportMode.Ferry))
        {
            return null;
        }

        var key = (reversed ? "<" : ">") + dataLeg.Id;
        if (memo.TryGetValue(key, out var cached))
        {
            return cached;
        }

        List<List<(double Lon, double Lat)>>? parts = null;
        if (OceanLegDistances.TryCreateRequest(definition, seaRouter.Graph, dataLeg, out var request) && seaRouter.Route(request).IsFound)
        {
            var points = seaRouter.Geometry();
            if (reversed)
            {
                points.Reverse();
            }

            parts = GeoMath.SplitAtAntimeridian(points);
        }

        memo[key] = parts;
        return parts;
    }

    private static void WriteLine(Utf8JsonWriter w, string? name, List<(double Lon, double Lat)> points)
    {
        if (name is null)
        {
            w.WriteStartArray();
        }
        else
        {
            w.WriteStartArray(name);
        }

        foreach (var (lon, lat) in points)
        {
            GeoJsonExporter.WritePosition(w, lon, lat);
        }

        w.WriteEndArray();
    }

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}

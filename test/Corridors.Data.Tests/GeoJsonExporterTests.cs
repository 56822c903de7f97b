using System.Text.Json;
using Corridors.Data;
using Corridors.Network;

namespace Corridors.Tests;

/// <summary>GeoJSON output follows the rules of RFC 7946 that a consumer relies on.</summary>
public sealed class GeoJsonExporterTests
{
    [Fact]
    public void Write_MinimalNetwork_IsValidRfc7946()
    {
        using var dir = new TempDataDir().WithMinimalData();
        var network = CorridorNetwork.Build(NetworkLoader.Load(dir.Path).GetDefinitionOrThrow(), 2025);

        var doc = Export(network);

        var problems = Rfc7946.Check(doc.RootElement);
        problems.ShouldBeEmpty(string.Join("\n", problems));
        var features = doc.RootElement.GetProperty("features");
        features.GetArrayLength().ShouldBe(network.NodeCount + network.Legs.Count);
        var dostyk = features.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "KZ-DOSTYK");
        var position = dostyk.GetProperty("geometry").GetProperty("coordinates");
        position[0].GetDouble().ShouldBe(82.4839); // longitude first
        position[1].GetDouble().ShouldBe(45.2522);
    }

    [Fact]
    public void Write_BundledNetwork_IsValidRfc7946()
    {
        var result = NetworkLoader.Load(RepoPaths.Data);
        var network = CorridorNetwork.Build(result.GetDefinitionOrThrow(), 2025);

        var doc = Export(network);

        var problems = Rfc7946.Check(doc.RootElement);
        problems.ShouldBeEmpty(string.Join("\n", problems.Take(20)));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        var coming = features.Where(f => f.GetProperty("properties").TryGetProperty("active", out var a) && !a.GetBoolean()).ToList();
        features.Count.ShouldBe(network.NodeCount + network.Legs.Count + coming.Count);

        // What the year does not have yet is drawn as coming: planned or under construction, never already open.
        coming.ShouldNotBeEmpty("the bundled data has legs planned after 2025");
        foreach (var leg in coming)
        {
            leg.GetProperty("properties").GetProperty("status").GetString().ShouldBeOneOf("planned", "under-construction");
            network.Legs.ShouldNotContain(l => l.Id == leg.GetProperty("id").GetString());
        }
    }

    [Fact]
    public void Check_BrokenDocuments_AreRejected()
    {
        // The checker itself must be able to fail.
        Rfc7946.Check(JsonDocument.Parse("""{"type":"FeatureCollection"}""").RootElement).ShouldNotBeEmpty();
        Rfc7946.Check(JsonDocument.Parse("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[200,10]},"properties":{}}]}""").RootElement).ShouldNotBeEmpty();
        Rfc7946.Check(JsonDocument.Parse("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2]]},"properties":null}]}""").RootElement).ShouldNotBeEmpty();
        Rfc7946.Check(JsonDocument.Parse("""{"type":"FeatureCollection","crs":{},"features":[]}""").RootElement).ShouldNotBeEmpty();
    }

    private static JsonDocument Export(CorridorNetwork network)
    {
        using var stream = new MemoryStream();
        GeoJsonExporter.Write(network, stream);
        return JsonDocument.Parse(stream.ToArray());
    }
}

/// <summary>A checker for the RFC 7946 rules that apply to FeatureCollections of Points and LineStrings.</summary>
internal static class Rfc7946
{
    public static List<string> Check(JsonElement root)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection")
        {
            problems.Add("root is not an object with type FeatureCollection (§3.3)");
            return problems;
        }

        if (root.TryGetProperty("crs", out _))
        {
            problems.Add("'crs' member is not allowed (§4)");
        }

        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            problems.Add("FeatureCollection has no 'features' array (§3.3)");
            return problems;
        }

        var i = 0;
        foreach (var f in features.EnumerateArray())
        {
            var where = $"feature {i++}";
            if (!f.TryGetProperty("type", out var ft) || ft.GetString() != "Feature")
            {
                problems.Add($"{where}: type is not Feature (§3.2)");
            }

            if (!f.TryGetProperty("properties", out var props) || (props.ValueKind != JsonValueKind.Object && props.ValueKind != JsonValueKind.Null))
            {
                problems.Add($"{where}: 'properties' must be an object or null (§3.2)");
            }

            if (f.TryGetProperty("id", out var id) && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problems.Add($"{where}: 'id' must be a string or number (§3.2)");
            }

            if (!f.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where}: no geometry object (§3.2)");
                continue;
            }

            var gt = g.TryGetProperty("type", out var gtype) ? gtype.GetString() : null;
            if (!g.TryGetProperty("coordinates", out var c))
            {
                problems.Add($"{where}: geometry has no coordinates (§3.1)");
                continue;
            }

            switch (gt)
            {
                case "Point":
                    CheckPosition(c, where, problems);
                    break;
                case "LineString":
                    if (c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2)
                    {
                        problems.Add($"{where}: LineString needs two or more positions (§3.1.4)");
                        break;
                    }

                    foreach (var p in c.EnumerateArray())
                    {
                        CheckPosition(p, where, problems);
                    }

                    break;
                default:
                    problems.Add($"{where}: unexpected geometry type '{gt}'");
                    break;
            }
        }

        return problems;
    }

    private static void CheckPosition(JsonElement p, string where, List<string> problems)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() is < 2 or > 3 || p.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number))
        {
            problems.Add($"{where}: a position is two or three numbers (§3.1.1)");
            return;
        }

        var lon = p[0].GetDouble();
        var lat = p[1].GetDouble();
        if (lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            problems.Add($"{where}: position [{lon}, {lat}] is outside WGS 84 longitude/latitude ranges (§4)");
        }
    }
}

using System.Text.Json;
using Corridors.Geo;

namespace Corridors.Tests;

/// <summary><c>route --geojson</c> on the bundled data: water legs are drawn along the sea lanes they were routed on.</summary>
public sealed class RouteGeoJsonTests
{
    private static (JsonElement Root, string Stderr) Run(params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), "corridors-geo-" + Guid.NewGuid().ToString("N") + ".geojson");
        try
        {
            var (code, _, stderr) = CliRunner.Run(["route", "--data", RepoPaths.Data, "--depart", "2026-03-03", "--no-store", .. args, "--geojson", file]);
            code.ShouldBe(0, stderr);
            return (JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone(), stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<JsonElement> Features(JsonElement root, string mode) =>
        [.. root.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("properties").GetProperty("mode").GetString() == mode)];

    private static List<(double Lon, double Lat)> Positions(JsonElement lineString)
    {
        lineString.GetProperty("type").GetString().ShouldBe("LineString");
        return [.. lineString.GetProperty("coordinates").EnumerateArray().Select(p =>
        {
            p.GetArrayLength().ShouldBe(2);
            return (p[0].GetDouble(), p[1].GetDouble());
        })];
    }

    private static double NearestKm(List<(double Lon, double Lat)> line, double lat, double lon) =>
        line.Min(p => GeoMath.GreatCircleKm(p.Lat, p.Lon, lat, lon));

    private static double LengthKm(List<(double Lon, double Lat)> line) =>
        line.Zip(line.Skip(1)).Sum(s => GeoMath.GreatCircleKm(s.First.Lat, s.First.Lon, s.Second.Lat, s.Second.Lon));

    [Fact]
    public void Route_ShanghaiRotterdamOcean_DrawsTheLegAlongTheSeaLanesThroughSuez()
    {
        var (root, _) = Run("--from", "Shanghai", "--to", "Rotterdam", "--require-mode", "ocean");

        var ocean = Features(root, "ocean");
        ocean.ShouldNotBeEmpty();
        var feature = ocean.Single(f => f.GetProperty("properties").GetProperty("leg").GetString()!.Contains("SUEZ", StringComparison.Ordinal));
        feature.GetProperty("properties").GetProperty("geometry").GetString().ShouldBe("sea-lanes");
        var line = Positions(feature.GetProperty("geometry"));
        line.Count.ShouldBeGreaterThan(20);
        line.ShouldAllBe(p => p.Lon >= -180 && p.Lon <= 180 && p.Lat >= -90 && p.Lat <= 90 && double.IsFinite(p.Lon) && double.IsFinite(p.Lat));

        // Through the Suez Canal (30.0N 32.55E), not round the Cape, and starting and ending at the ports.
        NearestKm(line, 30.0, 32.55).ShouldBeLessThan(100);
        NearestKm(line, -34.36, 18.47).ShouldBeGreaterThan(2000);
        GeoMath.GreatCircleKm(line[0].Lat, line[0].Lon, 31.23, 121.47).ShouldBeLessThan(50);
        GeoMath.GreatCircleKm(line[^1].Lat, line[^1].Lon, 51.95, 4.05).ShouldBeLessThan(50);

        // The drawn path is the one whose distance the leg carries.
        var km = feature.GetProperty("properties").GetProperty("km").GetDouble();
        LengthKm(line).ShouldBe(km, km * 0.005);
    }

    [Fact]
    public void Route_ShanghaiRotterdamAvoidingSuez_DrawsTheCapeLegRoundTheCape()
    {
        // Iran avoided: the Gulf sea-rail land bridge (Bandar Abbas, issue 11) is faster than the Cape.
        var (root, _) = Run("--from", "Shanghai", "--to", "Rotterdam", "--require-mode", "ocean", "--avoid-passage", "suez", "--avoid", "IR");

        var feature = Features(root, "ocean").ShouldHaveSingleItem();
        feature.GetProperty("properties").GetProperty("geometry").GetString().ShouldBe("sea-lanes");
        var line = Positions(feature.GetProperty("geometry"));
        NearestKm(line, -34.36, 18.47).ShouldBeLessThan(500);
        NearestKm(line, 30.0, 32.55).ShouldBeGreaterThan(1000);
        var km = feature.GetProperty("properties").GetProperty("km").GetDouble();
        LengthKm(line).ShouldBe(km, km * 0.005);
    }

    [Fact]
    public void Route_CaspianFerry_FallsBackToAStraightLine()
    {
        var (root, _) = Run("--from", "Kuryk", "--to", "Alat", "--require-mode", "ferry");

        var ferry = Features(root, "ferry").ShouldHaveSingleItem();
        ferry.GetProperty("properties").GetProperty("geometry").GetString().ShouldBe("straight");
        var line = Positions(ferry.GetProperty("geometry"));
        line.Count.ShouldBe(2);
        NearestKm([line[0]], 43.17, 51.64).ShouldBeLessThan(60);
    }

    [Fact]
    public void Route_BlackSeaFeeder_FollowsTheLanes()
    {
        var (root, _) = Run("--from", "Poti", "--to", "Constanta", "--require-mode", "feeder");

        var feeder = Features(root, "feeder").ShouldHaveSingleItem();
        feeder.GetProperty("properties").GetProperty("geometry").GetString().ShouldBe("sea-lanes");
        Positions(feeder.GetProperty("geometry")).Count.ShouldBeGreaterThan(2);
        Features(root, "rail").ShouldAllBe(f => f.GetProperty("properties").GetProperty("geometry").GetString() == "straight");
    }
}

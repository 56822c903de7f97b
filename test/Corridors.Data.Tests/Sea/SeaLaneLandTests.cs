using Corridors.Geo;
using Corridors.Sea;

namespace Corridors.Tests.Sea;

/// <summary>
/// Sampled routes must not cross land. A sample counts as "deep on land" when it and all 8 points 40 km around it
/// are land in Natural Earth 1:50m; that tolerance absorbs the mask's coarse coastline while still catching a lane
/// drawn across a peninsula or continent. Canals (within 60 km of the Suez, Panama or Kiel gate) are land by nature
/// and exempt, and so are river approaches within 120 km of either port (the Elbe to Hamburg).
/// </summary>
public sealed class SeaLaneLandTests
{
    private static readonly Lazy<LandMask> Land = new(() => new LandMask(Path.Combine(AppContext.BaseDirectory, "Sea", "TestData", "land-50m.json")));

    // Major container ports across all oceans (UN/LOCODEs of data/sea/ports.csv).
    private static readonly string[] Ports =
    [
        "CNSHA", "CNNGB", "CNTAO", "KRPUS", "JPYOK", "HKHKG", "SGSIN", "MYPKG", "THLCH", "VNSGN", "IDJKT", "LKCMB", "INNSA",
        "PKKHI", "AEJEA", "OMSLL", "DJJIB", "EGPSD", "KEMBA", "ZADUR", "ZACPT", "NGLOS", "MAPTM", "ESALG", "ITGOA", "GRPIR",
        "TRMER", "ROCND", "GEPTI", "UAODS", "NLRTM", "BEANR", "DEHAM", "GBFXT", "PLGDN", "FIHEL", "USNYC", "USLAX", "BRSSZ",
        "AUSYD",
    ];

    [Fact]
    public void LandMask_KnownPoints_AreClassified()
    {
        Land.Value.RingCount.ShouldBeGreaterThan(100);
        Land.Value.IsLand(10, 50).ShouldBeTrue();     // Germany
        Land.Value.IsLand(100, 60).ShouldBeTrue();    // Siberia
        Land.Value.IsLand(-30, 30).ShouldBeFalse();   // Atlantic
        Land.Value.IsLand(18, 35).ShouldBeFalse();    // Ionian Sea
    }

    [Fact]
    public void DeepOnLand_StraightLineShanghaiRotterdam_IsCaught()
    {
        // Negative control: the great circle from Shanghai to Rotterdam runs over Eurasia and must be flagged.
        var flagged = 0;
        for (var s = 1; s < 100; s++)
        {
            var (lon, lat) = Interpolate(121.47, 31.23, 4.5, 51.92, s / 100.0);
            flagged += DeepOnLand(lon, lat) ? 1 : 0;
        }

        flagged.ShouldBeGreaterThan(80);
    }

    [Fact]
    public void SampledRoutes_BetweenMajorPorts_DoNotCrossLand()
    {
        var graph = SeaTestData.Graph;
        var router = new SeaRouter(graph);
        var failures = new List<string>();
        var samples = 0;
        var routes = 0;
        for (var i = 0; i < Ports.Length; i++)
        {
            for (var j = i + 1; j < Ports.Length; j++)
            {
                var route = router.Route(SeaTestData.Request(Ports[i], Ports[j]));
                if (!route.IsFound)
                {
                    continue;
                }

                routes++;
                var line = router.Geometry();

                // Lane part only: the first and last legs are the straight port-to-lane access legs.
                for (var k = 2; k < line.Count - 1; k++)
                {
                    var (lon1, lat1) = line[k - 1];
                    var (lon2, lat2) = line[k];
                    var km = GeoMath.GreatCircleKm(lat1, lon1, lat2, lon2);
                    var steps = Math.Max(1, (int)(km / 25));
                    for (var s = 0; s <= steps; s++)
                    {
                        var (lon, lat) = Interpolate(lon1, lat1, lon2, lat2, (double)s / steps);
                        samples++;
                        if (DeepOnLand(lon, lat) && !NearCanal(graph, lon, lat) && !NearPort(line, lon, lat))
                        {
                            failures.Add($"{Ports[i]}→{Ports[j]} at ({lon:0.00}, {lat:0.00})");
                        }
                    }
                }
            }
        }

        routes.ShouldBeGreaterThan(700);
        samples.ShouldBeGreaterThan(100_000);
        var distinct = failures.Distinct().ToList();
        distinct.Count.ShouldBe(0, $"samples deep on land: {string.Join("; ", distinct.Take(20))}");
    }

    private static bool DeepOnLand(double lon, double lat)
    {
        if (!Land.Value.IsLand(lon, lat))
        {
            return false;
        }

        const double d = 40.0 / 111.2; // 40 km in degrees of latitude
        var dx = d / Math.Max(0.1, Math.Cos(lat * Math.PI / 180));
        for (var a = 0; a < 8; a++)
        {
            var angle = a * Math.PI / 4;
            if (!Land.Value.IsLand(lon + (dx * Math.Cos(angle)), lat + (d * Math.Sin(angle))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Port approach channels up rivers (the Elbe to Hamburg is about 100 km) are land in the 1:50m mask.</summary>
    private static bool NearPort(List<(double Lon, double Lat)> line, double lon, double lat) =>
        GeoMath.GreatCircleKm(lat, lon, line[0].Lat, line[0].Lon) < 120 || GeoMath.GreatCircleKm(lat, lon, line[^1].Lat, line[^1].Lon) < 120;

    private static bool NearCanal(SeaGraph graph, double lon, double lat)
    {
        foreach (var gate in graph.Passages)
        {
            if (gate.Id is not ("suez" or "panama" or "kiel"))
            {
                continue; // only canals are land by nature; straits must be open water in the mask
            }

            var mid = ((gate.Lon1 + gate.Lon2) / 2, (gate.Lat1 + gate.Lat2) / 2);
            if (GeoMath.GreatCircleKm(lat, lon, mid.Item2, mid.Item1) < 60 + (GeoMath.GreatCircleKm(gate.Lat1, gate.Lon1, gate.Lat2, gate.Lon2) / 2))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Point at fraction f along the great circle between two points (lanes are great-circle segments).</summary>
    private static (double Lon, double Lat) Interpolate(double lon1, double lat1, double lon2, double lat2, double f)
    {
        const double r = Math.PI / 180;
        var (x1, y1, z1) = (Math.Cos(lat1 * r) * Math.Cos(lon1 * r), Math.Cos(lat1 * r) * Math.Sin(lon1 * r), Math.Sin(lat1 * r));
        var (x2, y2, z2) = (Math.Cos(lat2 * r) * Math.Cos(lon2 * r), Math.Cos(lat2 * r) * Math.Sin(lon2 * r), Math.Sin(lat2 * r));
        var omega = Math.Acos(Math.Clamp((x1 * x2) + (y1 * y2) + (z1 * z2), -1, 1));
        if (omega < 1e-12)
        {
            return (lon1, lat1);
        }

        var a = Math.Sin((1 - f) * omega) / Math.Sin(omega);
        var b = Math.Sin(f * omega) / Math.Sin(omega);
        var (x, y, z) = ((a * x1) + (b * x2), (a * y1) + (b * y2), (a * z1) + (b * z2));
        return (Math.Atan2(y, x) / r, Math.Atan2(z, Math.Sqrt((x * x) + (y * y))) / r);
    }
}

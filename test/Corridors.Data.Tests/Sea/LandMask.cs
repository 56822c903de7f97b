using System.Text.Json;

namespace Corridors.Tests.Sea;

/// <summary>
/// Natural Earth 1:50m land (world-atlas TopoJSON) as a point-in-land test: even-odd rule over every ring, with a
/// bounding box per ring. Coarse (coasts are off by up to ~10 km and narrow straits are closed), which is why the
/// land test asks for points deep inside land rather than on it.
/// </summary>
internal sealed class LandMask
{
    private const double Band = 0.5;
    private readonly List<(double[] X, double[] Y, double MinX, double MinY, double MaxX, double MaxY)> _rings = [];
    private readonly List<Dictionary<int, List<int>>> _bands = [];

    public LandMask(string topoJsonPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(topoJsonPath));
        var root = doc.RootElement;
        var transform = root.GetProperty("transform");
        var sx = transform.GetProperty("scale")[0].GetDouble();
        var sy = transform.GetProperty("scale")[1].GetDouble();
        var tx = transform.GetProperty("translate")[0].GetDouble();
        var ty = transform.GetProperty("translate")[1].GetDouble();

        // Decode the delta-encoded, quantized arcs.
        var arcs = new List<List<(double X, double Y)>>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new List<(double, double)>();
            long x = 0, y = 0;
            foreach (var p in arc.EnumerateArray())
            {
                x += p[0].GetInt64();
                y += p[1].GetInt64();
                points.Add(((x * sx) + tx, (y * sy) + ty));
            }

            arcs.Add(points);
        }

        foreach (var geometry in root.GetProperty("objects").GetProperty("land").GetProperty("geometries").EnumerateArray())
        {
            var type = geometry.GetProperty("type").GetString();
            var polygons = type == "Polygon"
                ? [geometry.GetProperty("arcs")]
                : geometry.GetProperty("arcs").EnumerateArray().ToList();
            foreach (var polygon in polygons)
            {
                foreach (var ring in polygon.EnumerateArray())
                {
                    var xs = new List<double>();
                    var ys = new List<double>();
                    foreach (var index in ring.EnumerateArray())
                    {
                        var i = index.GetInt32();
                        var arc = i >= 0 ? arcs[i] : Enumerable.Reverse(arcs[~i]).ToList();
                        foreach (var (px, py) in arc.Skip(xs.Count == 0 ? 0 : 1))
                        {
                            xs.Add(px);
                            ys.Add(py);
                        }
                    }

                    _rings.Add(([.. xs], [.. ys], xs.Min(), ys.Min(), xs.Max(), ys.Max()));

                    // Edges by latitude band, so a query tests only the edges its horizontal ray can meet.
                    var bands = new Dictionary<int, List<int>>();
                    for (int i = 0, j = xs.Count - 1; i < xs.Count; j = i++)
                    {
                        var lo = (int)Math.Floor(Math.Min(ys[i], ys[j]) / Band);
                        var hi = (int)Math.Floor(Math.Max(ys[i], ys[j]) / Band);
                        for (var b = lo; b <= hi; b++)
                        {
                            if (!bands.TryGetValue(b, out var list))
                            {
                                bands[b] = list = [];
                            }

                            list.Add(i);
                        }
                    }

                    _bands.Add(bands);
                }
            }
        }
    }

    public int RingCount => _rings.Count;

    public bool IsLand(double lon, double lat)
    {
        lon = ((lon + 540) % 360) - 180;
        var inside = false;
        var band = (int)Math.Floor(lat / Band);
        for (var r = 0; r < _rings.Count; r++)
        {
            var (xs, ys, minX, minY, maxX, maxY) = _rings[r];
            if (lon < minX || lon > maxX || lat < minY || lat > maxY || !_bands[r].TryGetValue(band, out var edges))
            {
                continue;
            }

            foreach (var i in edges)
            {
                var j = i == 0 ? xs.Length - 1 : i - 1;
                if ((ys[i] > lat) != (ys[j] > lat) && lon < ((xs[j] - xs[i]) * (lat - ys[i]) / (ys[j] - ys[i])) + xs[i])
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }
}

using Corridors.Geo;

namespace Corridors.Sea;

/// <summary>
/// Collects sea-lane polylines, passage gates and landlocked basins, then builds a frozen <see cref="SeaGraph"/>:
/// vertices de-duplicated on a 1e-5 degree grid, the ±180° meridian stitched, fragments not connected to the
/// ocean pruned, degree-2 chains compacted into single edges, and every lane segment tagged with the gates it crosses.
/// </summary>
public sealed class SeaGraphBuilder
{
    private const double GridScale = 1e5;
    private readonly List<double[]> _lines = [];
    private readonly List<PassageGate> _gates = [];
    private readonly List<LandlockedBasin> _basins = [];

    /// <summary>Adds a polyline given as interleaved longitude/latitude pairs in degrees.</summary>
    public SeaGraphBuilder AddLine(ReadOnlySpan<double> lonLat)
    {
        if (lonLat.Length % 2 != 0)
        {
            throw new ArgumentException("A polyline needs an even number of values (lon, lat pairs).", nameof(lonLat));
        }

        for (var i = 0; i < lonLat.Length; i += 2)
        {
            if (!double.IsFinite(lonLat[i]) || !double.IsFinite(lonLat[i + 1]) || Math.Abs(lonLat[i]) > 180 || Math.Abs(lonLat[i + 1]) > 90)
            {
                throw new ArgumentOutOfRangeException(nameof(lonLat), $"Coordinate ({lonLat[i]}, {lonLat[i + 1]}) is outside lon -180..180, lat -90..90.");
            }
        }

        _lines.Add(lonLat.ToArray());
        return this;
    }

    /// <summary>Adds a passage gate. At most 64 gates.</summary>
    public SeaGraphBuilder AddGate(PassageGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (_gates.Count == 64)
        {
            throw new InvalidOperationException("At most 64 passage gates are supported (one bit each in a lane's mask).");
        }

        if (_gates.Exists(g => g.Id == gate.Id))
        {
            throw new ArgumentException($"Passage gate '{gate.Id}' was added twice.", nameof(gate));
        }

        _gates.Add(gate);
        return this;
    }

    /// <summary>Adds a landlocked basin whose lane fragments are kept aside (not routable).</summary>
    public SeaGraphBuilder AddBasin(LandlockedBasin basin)
    {
        ArgumentNullException.ThrowIfNull(basin);
        _basins.Add(basin);
        return this;
    }

    /// <summary>Builds the graph.</summary>
    public SeaGraph Build()
    {
        // 1. De-duplicate vertices. -180 is folded onto +180 so lanes meeting at the antimeridian join up.
        var index = new Dictionary<long, int>(capacity: 16_384);
        var lon = new List<double>();
        var lat = new List<double>();
        var stitched = 0;
        var coordinates = 0;
        var edgeSet = new HashSet<long>();
        var edges = new List<(int A, int B)>();
        foreach (var line in _lines)
        {
            var prev = -1;
            for (var i = 0; i < line.Length; i += 2)
            {
                coordinates++;
                var x = line[i];
                var y = line[i + 1];
                var folded = x <= -180 + (0.5 / GridScale);
                if (folded)
                {
                    x = 180;
                }

                // Grid key packed in one long: lon in ±18,000,000 and lat in ±9,000,000 steps of 1e-5°.
                var key = ((long)Math.Round(x * GridScale) + 18_000_000L) * 20_000_000L + ((long)Math.Round(y * GridScale) + 9_000_000L);
                if (!index.TryGetValue(key, out var v))
                {
                    v = lon.Count;
                    index[key] = v;
                    lon.Add(x);
                    lat.Add(y);
                }
                else if (folded && line[i] != x)
                {
                    stitched++;
                }

                if (prev >= 0 && prev != v)
                {
                    var a = Math.Min(prev, v);
                    var b = Math.Max(prev, v);
                    if (edgeSet.Add(((long)a << 32) | (uint)b))
                    {
                        edges.Add((a, b));
                    }
                }

                prev = v;
            }
        }

        var distinct = lon.Count;

        // 2. Connected components; the largest is the ocean network.
        var adjacency = new List<int>[distinct];
        for (var v = 0; v < distinct; v++)
        {
            adjacency[v] = [];
        }

        foreach (var (a, b) in edges)
        {
            adjacency[a].Add(b);
            adjacency[b].Add(a);
        }

        var component = new int[distinct];
        Array.Fill(component, -1);
        var sizes = new List<int>();
        var stack = new Stack<int>();
        for (var s = 0; s < distinct; s++)
        {
            if (component[s] >= 0)
            {
                continue;
            }

            var c = sizes.Count;
            var size = 0;
            component[s] = c;
            stack.Push(s);
            while (stack.Count > 0)
            {
                var v = stack.Pop();
                size++;
                foreach (var w in adjacency[v])
                {
                    if (component[w] < 0)
                    {
                        component[w] = c;
                        stack.Push(w);
                    }
                }
            }

            sizes.Add(size);
        }

        var main = 0;
        for (var c = 1; c < sizes.Count; c++)
        {
            if (sizes[c] > sizes[main])
            {
                main = c;
            }
        }

        // 3. Components wholly inside a landlocked basin are remembered; other fragments are dropped.
        var componentBasin = new int[sizes.Count];
        Array.Fill(componentBasin, -1);
        for (var c = 0; c < sizes.Count; c++)
        {
            if (c == main)
            {
                continue;
            }

            for (var b = 0; b < _basins.Count && componentBasin[c] < 0; b++)
            {
                var inside = true;
                for (var v = 0; v < distinct && inside; v++)
                {
                    if (component[v] == c && !_basins[b].Contains(lon[v], lat[v]))
                    {
                        inside = false;
                    }
                }

                if (inside)
                {
                    componentBasin[c] = b;
                }
            }
        }

        var newId = new int[distinct];
        var keptLon = new List<double>();
        var keptLat = new List<double>();
        var basinLon = new List<double>();
        var basinLat = new List<double>();
        var basinOf = new List<int>();
        var droppedComponents = new HashSet<int>();
        var droppedVertices = 0;
        for (var v = 0; v < distinct; v++)
        {
            var c = component[v];
            if (c == main)
            {
                newId[v] = keptLon.Count;
                keptLon.Add(lon[v]);
                keptLat.Add(lat[v]);
            }
            else
            {
                newId[v] = -1;
                if (componentBasin[c] >= 0)
                {
                    basinLon.Add(lon[v]);
                    basinLat.Add(lat[v]);
                    basinOf.Add(componentBasin[c]);
                }
                else
                {
                    droppedComponents.Add(c);
                    droppedVertices++;
                }
            }
        }

        var n = keptLon.Count;
        var adj = new List<int>[n];
        for (var v = 0; v < n; v++)
        {
            adj[v] = [];
        }

        foreach (var (a, b) in edges)
        {
            if (newId[a] >= 0)
            {
                adj[newId[a]].Add(newId[b]);
                adj[newId[b]].Add(newId[a]);
            }
        }

        var report = new SeaGraphBuildReport(
            _lines.Count, coordinates, distinct, stitched, sizes.Count, n, basinLon.Count,
            droppedComponents.Count, droppedVertices, new Dictionary<string, int>());
        return Compact([.. keptLon], [.. keptLat], adj, [.. basinLon], [.. basinLat], [.. basinOf], report);
    }

    private SeaGraph Compact(double[] lon, double[] lat, List<int>[] adj, double[] basinLon, double[] basinLat, int[] basinOf, SeaGraphBuildReport report)
    {
        var n = lon.Length;
        var gates = _gates.ToArray();
        var crossings = new int[gates.Length];

        // Junctions: every vertex whose degree is not 2. A ring of degree-2 vertices gets one junction.
        var vertexNode = new int[n];
        Array.Fill(vertexNode, -1);
        var nodeVertex = new List<int>();
        for (var v = 0; v < n; v++)
        {
            if (adj[v].Count != 2)
            {
                vertexNode[v] = nodeVertex.Count;
                nodeVertex.Add(v);
            }
        }

        var vertexChain = new int[n];
        var vertexPos = new int[n];
        Array.Fill(vertexChain, -1);
        var chainFirst = new List<int> { 0 };
        var chainVertex = new List<int>();
        var chainOffset = new List<double>();
        var chainSegMask = new List<ulong>();
        var usedEdge = new HashSet<long>();

        void WalkFrom(int start)
        {
            foreach (var first in adj[start])
            {
                if (usedEdge.Contains(Key(start, first)))
                {
                    continue;
                }

                var chain = chainFirst.Count - 1;
                var prev = start;
                var cur = first;
                chainVertex.Add(start);
                chainOffset.Add(0);
                var offset = 0.0;
                while (true)
                {
                    usedEdge.Add(Key(prev, cur));
                    var mask = SegmentMask(gates, crossings, lon[prev], lat[prev], lon[cur], lat[cur]);
                    chainSegMask.Add(mask);
                    offset += GeoMath.GreatCircleKm(lat[prev], lon[prev], lat[cur], lon[cur]);
                    chainVertex.Add(cur);
                    chainOffset.Add(offset);
                    if (vertexNode[cur] >= 0)
                    {
                        break;
                    }

                    vertexChain[cur] = chain;
                    vertexPos[cur] = chainVertex.Count - 1 - chainFirst[chain];
                    var next = adj[cur][0] == prev ? adj[cur][1] : adj[cur][0];
                    prev = cur;
                    cur = next;
                }

                chainSegMask.Add(0); // the last vertex of a chain starts no segment
                chainFirst.Add(chainVertex.Count);
            }
        }

        for (var j = 0; j < nodeVertex.Count; j++)
        {
            WalkFrom(nodeVertex[j]);
        }

        for (var v = 0; v < n; v++)
        {
            if (vertexNode[v] < 0 && vertexChain[v] < 0)
            {
                // A ring with no junction: promote one vertex.
                vertexNode[v] = nodeVertex.Count;
                nodeVertex.Add(v);
                WalkFrom(v);
            }
        }

        var gateReport = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < gates.Length; g++)
        {
            gateReport[gates[g].Id] = crossings[g];
        }

        return new SeaGraph(
            lon, lat, vertexNode, vertexChain, vertexPos, [.. nodeVertex],
            [.. chainFirst], [.. chainVertex], [.. chainOffset], [.. chainSegMask],
            gates, [.. _basins], basinLon, basinLat, basinOf,
            report with { GateCrossings = gateReport });
    }

    private static long Key(int a, int b) => ((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);

    internal static ulong SegmentMask(PassageGate[] gates, int[] crossings, double lon1, double lat1, double lon2, double lat2)
    {
        // A segment across the antimeridian is unwrapped so the planar test sees the short way round.
        if (lon2 - lon1 > 180)
        {
            lon2 -= 360;
        }
        else if (lon1 - lon2 > 180)
        {
            lon2 += 360;
        }

        ulong mask = 0;
        for (var g = 0; g < gates.Length; g++)
        {
            var gate = gates[g];
            if (Crosses(lon1, lat1, lon2, lat2, gate.Lon1, gate.Lat1, gate.Lon2, gate.Lat2))
            {
                mask |= 1UL << g;
                crossings[g]++;
            }
        }

        return mask;
    }

    /// <summary>
    /// Planar segment crossing in lon/lat with a half-open rule: an end point exactly on the other line counts as
    /// lying on its non-positive side, so a path through a vertex on a gate is counted once, not twice.
    /// </summary>
    internal static bool Crosses(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        static double Orient(double px, double py, double qx, double qy, double rx, double ry) =>
            ((qx - px) * (ry - py)) - ((qy - py) * (rx - px));

        var d1 = Orient(cx, cy, dx, dy, ax, ay) > 0;
        var d2 = Orient(cx, cy, dx, dy, bx, by) > 0;
        var d3 = Orient(ax, ay, bx, by, cx, cy) > 0;
        var d4 = Orient(ax, ay, bx, by, dx, dy) > 0;
        return d1 != d2 && d3 != d4;
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Corridors.Geo;

namespace Corridors.Sea;

/// <summary>
/// A* over the compacted sea-lane graph with reusable workspace: one router per thread, any number of queries,
/// no allocation per query once warmed up. Required passages ("via") are handled exactly by searching a layered
/// graph whose layer records which required passages have been crossed so far. The heuristic is the larger of the
/// chord between a node and the destination vertex (lanes are great-circle segments, never shorter than the chord)
/// and the ALT landmark bounds; both are consistent lower bounds, so the first route found is the shortest.
/// </summary>
public sealed class SeaRouter
{
    /// <summary>Largest number of required passages in one query.</summary>
    public const int MaxVia = 4;

    private const int SeedJunction = -1;
    private const int SeedBackward = -2;
    private const int SeedForward = -3;

    private readonly SeaGraph _graph;
    private readonly PriorityQueue<int, double> _queue = new();
    private readonly ulong[] _viaBits = new ulong[MaxVia];
    private double[] _dist = [];
    private int[] _parentEdge = [];
    private int[] _parentState = [];
    private int[] _stamp = [];
    private int[] _settled = [];
    private int[] _path = new int[64];
    private int _generation;
    private int _layers = 1;
    private double[] _targetLandmark = [];
    private double _tx;
    private double _ty;
    private double _tz;

    // The last route, kept for Geometry() and PassagesInOrder().
    private SeaRoute _last;
    private int _pathLength;
    private int _fromVertex;
    private int _toVertex;
    private int _seedKind;
    private int _endKind;
    private double _fromLon;
    private double _fromLat;
    private double _toLon;
    private double _toLat;

    /// <summary>Creates a router over a graph.</summary>
    public SeaRouter(SeaGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
    }

    /// <summary>The graph routed on.</summary>
    public SeaGraph Graph => _graph;

    /// <summary>Number of states settled by the last query (for benchmarks).</summary>
    public int LastSettled { get; private set; }

    /// <summary>Finds the shortest sea route for a request.</summary>
    // Optimised at first call: a CLI process runs few queries, too few for tiered JIT to promote this code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SeaRoute Route(in SeaRouteRequest request)
    {
        var g = _graph;
        _fromLon = request.FromLon;
        _fromLat = request.FromLat;
        _toLon = request.ToLon;
        _toLat = request.ToLat;
        _pathLength = 0;
        LastSettled = 0;
        var maxSnap = request.MaxSnapKm > 0 ? request.MaxSnapKm : SeaRouteRequest.DefaultMaxSnapKm;

        var s = g.Snap(request.FromLon, request.FromLat, out var fromSnap, out var fromBasin);
        var t = g.Snap(request.ToLon, request.ToLat, out var toSnap, out var toBasin);
        if (fromBasin is not null || toBasin is not null)
        {
            return _last = new SeaRoute(SeaRouteStatus.Landlocked, double.NaN, double.NaN, fromSnap, toSnap, 0, fromBasin ?? toBasin, fromBasin is not null);
        }

        if (s < 0 || t < 0 || fromSnap > maxSnap || toSnap > maxSnap)
        {
            return _last = new SeaRoute(SeaRouteStatus.TooFarFromLanes, double.NaN, double.NaN, fromSnap, toSnap, 0, null, s < 0 || fromSnap > maxSnap);
        }

        _fromVertex = s;
        _toVertex = t;

        var viaCount = 0;
        var via = request.ViaMask;
        while (via != 0 && viaCount < MaxVia)
        {
            var low = via & (~via + 1);
            _viaBits[viaCount++] = low;
            via &= via - 1;
        }

        if (via != 0)
        {
            throw new ArgumentException($"At most {MaxVia} required passages are supported.", nameof(request));
        }

        // Passages too small for the vessel are avoided; requiring one of them cannot succeed.
        var closed = g.PassagesClosedTo(request.VesselTeu);
        if ((request.ViaMask & closed) != 0)
        {
            return _last = new SeaRoute(SeaRouteStatus.VesselTooLarge, double.NaN, double.NaN, fromSnap, toSnap, request.ViaMask & closed, null, false);
        }

        var layers = 1 << viaCount;
        var full = layers - 1;
        var avoid = request.AvoidMask | closed;
        EnsureCapacity(g.NodeCount * layers);
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            Array.Clear(_settled);
            _generation = 1;
        }

        var gen = _generation;
        var vertexNode = g.VertexNodeArray;
        var vertexChain = g.VertexChainArray;
        var vertexPos = g.VertexPosArray;
        var chainFirst = g.ChainFirstArray;
        var chainVertex = g.ChainVertexArray;
        var chainOffset = g.ChainOffsetArray;
        var segMask = g.ChainSegmentMaskArray;
        var firstEdge = g.FirstEdgeArray;
        var head = g.HeadArray;
        var edgeLength = g.EdgeLengthArray;
        var edgeMask = g.EdgeMaskArray;
        var nx = g.NodeXArray;
        var ny = g.NodeYArray;
        var nz = g.NodeZArray;
        var (tx, ty, tz) = SpatialIndex.ToUnit(g.Lon[t], g.Lat[t]);

        // Target ends: the destination vertex itself when it is a node, else both ends of its chain.
        int tNodeA, tNodeB = -1;
        double tCostA = 0, tCostB = 0;
        ulong tMaskA = 0, tMaskB = 0;
        int tChain = -1, tAbs = -1;
        if (vertexNode[t] >= 0)
        {
            tNodeA = vertexNode[t];
        }
        else
        {
            tChain = vertexChain[t];
            var b0 = chainFirst[tChain];
            var b1 = chainFirst[tChain + 1] - 1;
            tAbs = b0 + vertexPos[t];
            tNodeA = vertexNode[chainVertex[b0]];
            tNodeB = vertexNode[chainVertex[b1]];
            tCostA = chainOffset[tAbs];
            tCostB = chainOffset[b1] - chainOffset[tAbs];
            for (var k = b0; k < tAbs; k++)
            {
                tMaskA |= segMask[k];
            }

            for (var k = tAbs; k < b1; k++)
            {
                tMaskB |= segMask[k];
            }
        }

        // ALT: distances from each landmark to the destination vertex (through the nearer end of its chain).
        var landmarks = g.LandmarkCount;
        var landmarkDist = g.LandmarkDistArray;
        if (_targetLandmark.Length != landmarks)
        {
            _targetLandmark = new double[landmarks];
        }

        for (var k = 0; k < landmarks; k++)
        {
            _targetLandmark[k] = tNodeB < 0
                ? landmarkDist[(tNodeA * landmarks) + k] + tCostA
                : Math.Min(landmarkDist[(tNodeA * landmarks) + k] + tCostA, landmarkDist[(tNodeB * landmarks) + k] + tCostB);
        }

        (_tx, _ty, _tz) = (tx, ty, tz);

        var best = double.PositiveInfinity;
        var bestState = -1;
        var bestEnd = 0;
        ulong bestTailMask = 0;
        _queue.Clear();

        // Seeds from the origin.
        if (vertexNode[s] >= 0)
        {
            Seed(vertexNode[s] * layers, 0, SeedJunction, nx, ny, nz, gen);
        }
        else
        {
            var c = vertexChain[s];
            var b0 = chainFirst[c];
            var b1 = chainFirst[c + 1] - 1;
            var sAbs = b0 + vertexPos[s];
            ulong back = 0, fwd = 0;
            for (var k = b0; k < sAbs; k++)
            {
                back |= segMask[k];
            }

            for (var k = sAbs; k < b1; k++)
            {
                fwd |= segMask[k];
            }

            if ((back & avoid) == 0)
            {
                Seed((vertexNode[chainVertex[b0]] * layers) + ViaLayer(back, viaCount), chainOffset[sAbs], SeedBackward, nx, ny, nz, gen);
            }

            if ((fwd & avoid) == 0)
            {
                Seed((vertexNode[chainVertex[b1]] * layers) + ViaLayer(fwd, viaCount), chainOffset[b1] - chainOffset[sAbs], SeedForward, nx, ny, nz, gen);
            }

            if (c == tChain)
            {
                // Both ends on one chain: the direct stretch between them is a candidate.
                var lo = Math.Min(sAbs, tAbs);
                var hi = Math.Max(sAbs, tAbs);
                ulong mask = 0;
                for (var k = lo; k < hi; k++)
                {
                    mask |= segMask[k];
                }

                if ((mask & avoid) == 0 && ViaLayer(mask, viaCount) == full)
                {
                    best = Math.Abs(chainOffset[tAbs] - chainOffset[sAbs]);
                    bestEnd = 3;
                    bestTailMask = mask;
                }
            }
        }

        var settledCount = 0;
        while (_queue.TryDequeue(out var state, out var f))
        {
            if (f >= best)
            {
                break;
            }

            if (_settled[state] == gen)
            {
                continue;
            }

            _settled[state] = gen;
            settledCount++;
            var node = state / layers;
            var layer = state - (node * layers);
            var d = _dist[state];

            if (node == tNodeA && (tMaskA & avoid) == 0 && (layer | ViaLayer(tMaskA, viaCount)) == full && d + tCostA < best)
            {
                (best, bestState, bestEnd, bestTailMask) = (d + tCostA, state, tChain < 0 ? 0 : 1, tMaskA);
            }

            if (node == tNodeB && (tMaskB & avoid) == 0 && (layer | ViaLayer(tMaskB, viaCount)) == full && d + tCostB < best)
            {
                (best, bestState, bestEnd, bestTailMask) = (d + tCostB, state, 2, tMaskB);
            }

            for (var e = firstEdge[node]; e < firstEdge[node + 1]; e++)
            {
                var mask = edgeMask[e];
                if ((mask & avoid) != 0)
                {
                    continue;
                }

                var h = head[e];
                var next = (h * layers) + (layer | ViaLayer(mask, viaCount));
                if (_settled[next] == gen)
                {
                    continue;
                }

                var nd = d + edgeLength[e];
                if (_stamp[next] != gen || nd < _dist[next])
                {
                    _stamp[next] = gen;
                    _dist[next] = nd;
                    _parentEdge[next] = e;
                    _parentState[next] = state;
                    _queue.Enqueue(next, nd + Heuristic(h, nx, ny, nz, landmarkDist, landmarks));
                }
            }
        }

        LastSettled = settledCount;
        if (double.IsPositiveInfinity(best))
        {
            return _last = new SeaRoute(SeaRouteStatus.Unreachable, double.NaN, double.NaN, fromSnap, toSnap, 0, null, false);
        }

        // Reconstruct the edge path (reversed into _path) and the passages crossed.
        ulong passages = bestTailMask;
        _endKind = bestEnd;
        _seedKind = SeedJunction;
        if (bestEnd != 3)
        {
            var st = bestState;
            var count = 0;
            while (_parentEdge[st] >= 0)
            {
                if (count == _path.Length)
                {
                    Array.Resize(ref _path, count * 2);
                }

                var e = _parentEdge[st];
                _path[count++] = e;
                passages |= edgeMask[e];
                st = _parentState[st];
            }

            _seedKind = _parentEdge[st];
            _pathLength = count;
            Array.Reverse(_path, 0, count);
            if (_seedKind != SeedJunction)
            {
                var c = vertexChain[s];
                var sAbs = chainFirst[c] + vertexPos[s];
                var (lo, hi) = _seedKind == SeedBackward ? (chainFirst[c], sAbs) : (sAbs, chainFirst[c + 1] - 1);
                for (var k = lo; k < hi; k++)
                {
                    passages |= segMask[k];
                }
            }
        }

        return _last = new SeaRoute(SeaRouteStatus.Found, fromSnap + best + toSnap, best, fromSnap, toSnap, passages, null, false);
    }

    /// <summary>
    /// Geometry of the last found route as longitude/latitude pairs: origin, lane vertices, destination.
    /// Longitudes are unwrapped (they may leave -180..180 when the route crosses the antimeridian) so the line
    /// never jumps across the map. Empty when the last query found no route.
    /// </summary>
    public List<(double Lon, double Lat)> Geometry()
    {
        var points = new List<(double Lon, double Lat)>();
        Walk(points, []);
        return points;
    }

    /// <summary>Passage ids of the last found route in the order they are crossed.</summary>
    public List<string> PassagesInOrder()
    {
        var passages = new List<string>();
        Walk(null, passages);
        return passages;
    }

    /// <summary>Human-readable reason for a route that was not found.</summary>
    public static string Reason(in SeaRoute route, string fromLabel, string toLabel)
    {
        ArgumentNullException.ThrowIfNull(fromLabel);
        ArgumentNullException.ThrowIfNull(toLabel);
        var ci = CultureInfo.InvariantCulture;
        return route.Status switch
        {
            SeaRouteStatus.Found => string.Empty,
            SeaRouteStatus.Landlocked => string.Create(ci,
                $"{(route.BasinAtOrigin ? fromLabel : toLabel)} lies on the {route.Basin?.Name ?? "landlocked basin"}, which has no sea connection to the ocean (only Russian inland waterways: Volga–Don, seasonal and draft-limited). Caspian crossings are ferry/feeder legs of the corridor network; use 'corridors route'."),
            SeaRouteStatus.TooFarFromLanes => string.Create(ci,
                $"{(route.BasinAtOrigin ? fromLabel : toLabel)} is {(route.BasinAtOrigin ? route.FromSnapKm : route.ToSnapKm):0} km from the nearest sea lane (limit exceeded); is it inland?"),
            SeaRouteStatus.VesselTooLarge => "A required passage is too small for the vessel (its max_teu in data/sea/gates.csv is below the vessel size); choose a smaller vessel or another passage.",
            _ => "No sea route satisfies the passage constraints (avoided or required passages, or passages too small for the vessel), or the two ends are not connected by lanes.",
        };
    }

    private void Walk(List<(double Lon, double Lat)>? points, List<string> passages)
    {
        if (!_last.IsFound)
        {
            return;
        }

        var g = _graph;
        var lon = g.LonArray;
        var lat = g.LatArray;
        var chainFirst = g.ChainFirstArray;
        var chainVertex = g.ChainVertexArray;
        var segMask = g.ChainSegmentMaskArray;
        var vertexChain = g.VertexChainArray;
        var vertexPos = g.VertexPosArray;
        var edgeChain = g.EdgeChainArray;
        var reversed = g.EdgeReversedArray;
        ulong seen = 0;
        var prevLon = _fromLon;

        void Add(double x, double y)
        {
            if (points is null)
            {
                return;
            }

            while (x - prevLon > 180)
            {
                x -= 360;
            }

            while (prevLon - x > 180)
            {
                x += 360;
            }

            prevLon = x;
            points.Add((x, y));
        }

        void Cross(ulong mask)
        {
            var fresh = mask & ~seen;
            for (var b = 0; fresh != 0; b++, fresh >>= 1)
            {
                if ((fresh & 1) != 0)
                {
                    passages.Add(g.Passages[b].Id);
                }
            }

            seen |= mask;
        }

        // Visit chain positions [from..to] (absolute chain-vertex indices, either direction), skipping the first.
        void Stretch(int from, int to)
        {
            var step = to >= from ? 1 : -1;
            for (var k = from; k != to; k += step)
            {
                Cross(segMask[step > 0 ? k : k - 1]);
                var v = chainVertex[k + step];
                Add(lon[v], lat[v]);
            }
        }

        Add(_fromLon, _fromLat);
        Add(lon[_fromVertex], lat[_fromVertex]);
        if (_endKind == 3)
        {
            var c = vertexChain[_fromVertex];
            Stretch(chainFirst[c] + vertexPos[_fromVertex], chainFirst[c] + vertexPos[_toVertex]);
        }
        else
        {
            if (_seedKind != SeedJunction)
            {
                var c = vertexChain[_fromVertex];
                var sAbs = chainFirst[c] + vertexPos[_fromVertex];
                Stretch(sAbs, _seedKind == SeedBackward ? chainFirst[c] : chainFirst[c + 1] - 1);
            }

            for (var i = 0; i < _pathLength; i++)
            {
                var e = _path[i];
                var c = edgeChain[e];
                var (a, b) = (chainFirst[c], chainFirst[c + 1] - 1);
                if (reversed[e])
                {
                    (a, b) = (b, a);
                }

                Stretch(a, b);
            }

            if (_endKind != 0)
            {
                var c = vertexChain[_toVertex];
                var tAbs = chainFirst[c] + vertexPos[_toVertex];
                Stretch(_endKind == 1 ? chainFirst[c] : chainFirst[c + 1] - 1, tAbs);
            }
        }

        Add(_toLon, _toLat);
    }

    // Optimised at first call: a CLI process runs few queries, too few for tiered JIT to promote this code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Seed(int state, double cost, int kind, double[] nx, double[] ny, double[] nz, int gen)
    {
        if (_stamp[state] == gen && _dist[state] <= cost)
        {
            return;
        }

        _stamp[state] = gen;
        _dist[state] = cost;
        _parentEdge[state] = kind;
        _parentState[state] = -1;
        var n = state / _layers;
        _queue.Enqueue(state, cost + Heuristic(n, nx, ny, nz, _graph.LandmarkDistArray, _graph.LandmarkCount));
    }

    /// <summary>
    /// Lower bound on the lane distance from node <paramref name="node"/> to the destination: the larger of the chord
    /// and the landmark bounds |d(L, t) − d(L, v)|. Both are consistent, so is their maximum; constraints only remove
    /// edges, which can only lengthen the true distance, so the bound stays valid under avoid/via.
    /// </summary>
    // Optimised at first call: a CLI process runs few queries, too few for tiered JIT to promote this code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Heuristic(int node, double[] nx, double[] ny, double[] nz, double[] landmarkDist, int landmarks)
    {
        var dx = nx[node] - _tx;
        var dy = ny[node] - _ty;
        var dz = nz[node] - _tz;
        var h = GeoMath.EarthRadiusKm * Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
        var row = node * landmarks;
        for (var k = 0; k < landmarks; k++)
        {
            var bound = Math.Abs(_targetLandmark[k] - landmarkDist[row + k]);
            if (bound > h)
            {
                h = bound;
            }
        }

        // Rounding in the stored sums must never make the bound exceed the true distance.
        return h * (1 - 1e-12);
    }

    // Optimised at first call: a CLI process runs few queries, too few for tiered JIT to promote this code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ViaLayer(ulong mask, int viaCount)
    {
        var layer = 0;
        for (var i = 0; i < viaCount; i++)
        {
            if ((mask & _viaBits[i]) != 0)
            {
                layer |= 1 << i;
            }
        }

        return layer;
    }

    private void EnsureCapacity(int states)
    {
        _layers = states / _graph.NodeCount;
        if (_dist.Length >= states)
        {
            return;
        }

        _dist = new double[states];
        _parentEdge = new int[states];
        _parentState = new int[states];
        _stamp = new int[states];
        _settled = new int[states];
        _generation = 0;
    }
}

using Corridors.Geo;

namespace Corridors.Sea;

/// <summary>
/// A frozen sea-lane graph. Lane vertices (de-duplicated, antimeridian stitched) are kept for geometry and port
/// snapping; routing runs on the compacted graph whose nodes are the junctions and dead ends and whose edges are
/// the degree-2 chains between them, in CSR layout with struct-of-arrays attributes (same style as
/// <see cref="Corridors.Network.CorridorNetwork"/>). Immutable and safe to read from many threads; build it with
/// <see cref="SeaGraphBuilder"/> and query it with a <see cref="SeaRouter"/> per thread.
/// </summary>
public sealed partial class SeaGraph
{
    private readonly double[] _lon;
    private readonly double[] _lat;
    private readonly int[] _vertexNode;
    private readonly int[] _vertexChain;
    private readonly int[] _vertexPos;
    private readonly int[] _nodeVertex;
    private readonly int[] _chainFirst;
    private readonly int[] _chainVertex;
    private readonly double[] _chainOffsetKm;
    private readonly ulong[] _chainSegmentMask;
    private readonly ulong[] _chainMask;
    private readonly int[] _firstEdge;
    private readonly int[] _head;
    private readonly int[] _edgeChain;
    private readonly bool[] _edgeReversed;
    private readonly float[] _edgeLengthKm;
    private readonly ulong[] _edgeMask;
    private readonly double[] _nodeX;
    private readonly double[] _nodeY;
    private readonly double[] _nodeZ;
    private readonly PassageGate[] _gates;
    private readonly int[] _gateMaxTeu;
    private readonly LandlockedBasin[] _basins;
    private readonly int[] _basinOf;
    private readonly double[] _basinLon;
    private readonly double[] _basinLat;
    private readonly SpatialIndex _index;
    private readonly SpatialIndex _basinIndex;

    internal SeaGraph(
        double[] lon, double[] lat, int[] vertexNode, int[] vertexChain, int[] vertexPos, int[] nodeVertex,
        int[] chainFirst, int[] chainVertex, double[] chainOffsetKm, ulong[] chainSegmentMask,
        PassageGate[] gates, LandlockedBasin[] basins, double[] basinLon, double[] basinLat, int[] basinOf,
        SeaGraphBuildReport report, (int Count, double[] Distances)? landmarks = null)
    {
        _lon = lon;
        _lat = lat;
        _vertexNode = vertexNode;
        _vertexChain = vertexChain;
        _vertexPos = vertexPos;
        _nodeVertex = nodeVertex;
        _chainFirst = chainFirst;
        _chainVertex = chainVertex;
        _chainOffsetKm = chainOffsetKm;
        _chainSegmentMask = chainSegmentMask;
        _gates = gates;
        _gateMaxTeu = new int[gates.Length];
        for (var g = 0; g < gates.Length; g++)
        {
            _gateMaxTeu[g] = gates[g].SizeLimit?.MaxTeu ?? int.MaxValue;
        }

        _basins = basins;
        _basinOf = basinOf;
        _basinLon = basinLon;
        _basinLat = basinLat;
        BuildReport = report;

        var chains = chainFirst.Length - 1;
        _chainMask = new ulong[chains];
        for (var c = 0; c < chains; c++)
        {
            for (var k = chainFirst[c]; k < chainFirst[c + 1]; k++)
            {
                _chainMask[c] |= chainSegmentMask[k];
            }
        }

        // CSR: each chain is two directed edges, counting-sorted by tail (stable: deterministic order).
        var nodes = nodeVertex.Length;
        _firstEdge = new int[nodes + 1];
        for (var c = 0; c < chains; c++)
        {
            _firstEdge[vertexNode[chainVertex[chainFirst[c]]] + 1]++;
            _firstEdge[vertexNode[chainVertex[chainFirst[c + 1] - 1]] + 1]++;
        }

        for (var v = 0; v < nodes; v++)
        {
            _firstEdge[v + 1] += _firstEdge[v];
        }

        var m = 2 * chains;
        _head = new int[m];
        _edgeChain = new int[m];
        _edgeReversed = new bool[m];
        _edgeLengthKm = new float[m];
        _edgeMask = new ulong[m];
        var next = _firstEdge[..^1];
        for (var c = 0; c < chains; c++)
        {
            var a = vertexNode[chainVertex[chainFirst[c]]];
            var b = vertexNode[chainVertex[chainFirst[c + 1] - 1]];
            var length = (float)chainOffsetKm[chainFirst[c + 1] - 1];
            var i = next[a]++;
            (_head[i], _edgeChain[i], _edgeReversed[i], _edgeLengthKm[i], _edgeMask[i]) = (b, c, false, length, _chainMask[c]);
            i = next[b]++;
            (_head[i], _edgeChain[i], _edgeReversed[i], _edgeLengthKm[i], _edgeMask[i]) = (a, c, true, length, _chainMask[c]);
        }

        _nodeX = new double[nodes];
        _nodeY = new double[nodes];
        _nodeZ = new double[nodes];
        for (var j = 0; j < nodes; j++)
        {
            (_nodeX[j], _nodeY[j], _nodeZ[j]) = SpatialIndex.ToUnit(lon[nodeVertex[j]], lat[nodeVertex[j]]);
        }

        _index = new SpatialIndex(lon, lat);
        _basinIndex = new SpatialIndex(basinLon, basinLat);
        // The landmark tables are a dozen full Dijkstra runs: a stored graph (SeaGraph.Serialization.cs) brings its own.
        (_landmarkCount, _landmarkDist) = landmarks ?? BuildLandmarks(Math.Min(LandmarkTarget, nodes));
    }

    /// <summary>Landmarks for the ALT lower bound (A*, landmarks, triangle inequality).</summary>
    private const int LandmarkTarget = 12;

    private readonly int _landmarkCount;

    // Node-major: distance from landmark k to node v is _landmarkDist[v * _landmarkCount + k].
    private readonly double[] _landmarkDist;

    /// <summary>
    /// Picks landmarks farthest-first (each new one maximises its distance to those already chosen, starting from the
    /// node farthest from node 0) and stores shortest-path distances from each to every node. Deterministic.
    /// </summary>
    private (int Count, double[] Distances) BuildLandmarks(int count)
    {
        var n = NodeCount;
        if (count == 0)
        {
            return (0, []);
        }

        var table = new double[n * count];
        var dist = new double[n];
        var minToChosen = new double[n];
        Array.Fill(minToChosen, double.PositiveInfinity);
        Dijkstra(0, dist);
        var next = ArgMaxFinite(dist);
        for (var k = 0; k < count; k++)
        {
            Dijkstra(next, dist);
            for (var v = 0; v < n; v++)
            {
                table[(v * count) + k] = double.IsFinite(dist[v]) ? dist[v] : 0;
                minToChosen[v] = Math.Min(minToChosen[v], dist[v]);
            }

            next = ArgMaxFinite(minToChosen);
        }

        return (count, table);
    }

    private static int ArgMaxFinite(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]) && (!double.IsFinite(values[best]) || values[i] > values[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private void Dijkstra(int source, double[] dist)
    {
        Array.Fill(dist, double.PositiveInfinity);
        var queue = new PriorityQueue<int, double>();
        dist[source] = 0;
        queue.Enqueue(source, 0);
        while (queue.TryDequeue(out var v, out var d))
        {
            if (d > dist[v])
            {
                continue;
            }

            for (var e = _firstEdge[v]; e < _firstEdge[v + 1]; e++)
            {
                var nd = d + _edgeLengthKm[e];
                if (nd < dist[_head[e]])
                {
                    dist[_head[e]] = nd;
                    queue.Enqueue(_head[e], nd);
                }
            }
        }
    }

    internal int LandmarkCount => _landmarkCount;

    internal double[] LandmarkDistArray => _landmarkDist;

    /// <summary>What the builder kept and dropped.</summary>
    public SeaGraphBuildReport BuildReport { get; }

    /// <summary>Number of lane vertices in the routing graph.</summary>
    public int VertexCount => _lon.Length;

    /// <summary>Number of nodes (junctions and dead ends) of the compacted routing graph.</summary>
    public int NodeCount => _nodeVertex.Length;

    /// <summary>Number of directed edges of the compacted routing graph (two per chain).</summary>
    public int EdgeCount => _head.Length;

    /// <summary>Longitude of each lane vertex in degrees (the antimeridian is +180).</summary>
    public ReadOnlySpan<double> Lon => _lon;

    /// <summary>Latitude of each lane vertex in degrees.</summary>
    public ReadOnlySpan<double> Lat => _lat;

    /// <summary>CSR offsets over nodes, length <see cref="NodeCount"/> + 1.</summary>
    public ReadOnlySpan<int> FirstEdge => _firstEdge;

    /// <summary>Head node of each directed edge.</summary>
    public ReadOnlySpan<int> Head => _head;

    /// <summary>Length of each directed edge in km (sum of great-circle segment lengths).</summary>
    public ReadOnlySpan<float> EdgeLengthKm => _edgeLengthKm;

    /// <summary>Passage bit mask of each directed edge (bit = index in <see cref="Passages"/>).</summary>
    public ReadOnlySpan<ulong> EdgePassageMask => _edgeMask;

    /// <summary>Lane vertex of each node.</summary>
    public ReadOnlySpan<int> NodeVertex => _nodeVertex;

    /// <summary>Passage gates; a gate's index is its bit in the masks.</summary>
    public IReadOnlyList<PassageGate> Passages => _gates;

    /// <summary>Landlocked basins whose lanes are kept aside.</summary>
    public IReadOnlyList<LandlockedBasin> Basins => _basins;

    /// <summary>Total length of all lanes in km.</summary>
    public double TotalLaneKm
    {
        get
        {
            double sum = 0;
            for (var c = 0; c + 1 < _chainFirst.Length; c++)
            {
                sum += _chainOffsetKm[_chainFirst[c + 1] - 1];
            }

            return sum;
        }
    }

    /// <summary>Bit of a passage id, or -1 when the graph has no gate for it.</summary>
    public int PassageBit(string id)
    {
        for (var g = 0; g < _gates.Length; g++)
        {
            if (string.Equals(_gates[g].Id, id, StringComparison.Ordinal))
            {
                return g;
            }
        }

        return -1;
    }

    /// <summary>True when a passage is known and at least one lane crosses its gate.</summary>
    public bool IsPassageInNetwork(string id) =>
        BuildReport.GateCrossings.TryGetValue(id, out var crossings) && crossings > 0;

    /// <summary>Mask of the given passage ids; unknown ids are reported through <paramref name="unknown"/>.</summary>
    public ulong PassageMask(IEnumerable<string> ids, out string? unknown)
    {
        ArgumentNullException.ThrowIfNull(ids);
        unknown = null;
        ulong mask = 0;
        foreach (var id in ids)
        {
            var bit = PassageBit(id);
            if (bit < 0)
            {
                unknown ??= id;
                continue;
            }

            mask |= 1UL << bit;
        }

        return mask;
    }

    /// <summary>
    /// Mask of the passages too small for a container ship of <paramref name="vesselTeu"/> TEU (their
    /// <see cref="PassageSizeLimit.MaxTeu"/> is below it). Zero or negative means no vessel size: nothing is closed.
    /// Allocates nothing.
    /// </summary>
    public ulong PassagesClosedTo(int vesselTeu)
    {
        ulong mask = 0;
        if (vesselTeu <= 0)
        {
            return mask;
        }

        var limits = _gateMaxTeu;
        for (var g = 0; g < limits.Length; g++)
        {
            if (vesselTeu > limits[g])
            {
                mask |= 1UL << g;
            }
        }

        return mask;
    }

    /// <summary>Mask of the passages controlled by or bordering any of the given countries.</summary>
    public ulong PassageMaskOfCountries(IEnumerable<string> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var set = countries.ToHashSet(StringComparer.OrdinalIgnoreCase);
        ulong mask = 0;
        for (var g = 0; g < _gates.Length; g++)
        {
            foreach (var c in _gates[g].Countries)
            {
                if (set.Contains(c))
                {
                    mask |= 1UL << g;
                }
            }
        }

        return mask;
    }

    /// <summary>Passage ids of the bits set in a mask, in gate order.</summary>
    public IReadOnlyList<string> PassageIds(ulong mask)
    {
        var ids = new List<string>();
        for (var g = 0; g < _gates.Length; g++)
        {
            if ((mask & (1UL << g)) != 0)
            {
                ids.Add(_gates[g].Id);
            }
        }

        return ids;
    }

    /// <summary>
    /// Nearest lane vertex to a point (great-circle), through the spatial index. When a landlocked basin's lanes
    /// are nearer than any ocean lane, <paramref name="basin"/> is that basin.
    /// </summary>
    public int Snap(double lon, double lat, out double distanceKm, out LandlockedBasin? basin)
    {
        var v = _index.Nearest(lon, lat, out var chord2);
        distanceKm = ChordToKm(chord2);
        basin = null;
        if (_basinIndex.Count > 0)
        {
            var b = _basinIndex.Nearest(lon, lat, out var basinChord2);
            if (basinChord2 < chord2)
            {
                basin = _basins[_basinOf[b]];
                distanceKm = ChordToKm(basinChord2);
            }
        }

        return v;
    }

    /// <summary>Great-circle km for a squared chord on the unit sphere.</summary>
    internal static double ChordToKm(double chord2) =>
        2 * GeoMath.EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(chord2) / 2));

    internal double[] LonArray => _lon;

    internal double[] LatArray => _lat;

    internal int[] VertexNodeArray => _vertexNode;

    internal int[] VertexChainArray => _vertexChain;

    internal int[] VertexPosArray => _vertexPos;

    internal int[] ChainFirstArray => _chainFirst;

    internal int[] ChainVertexArray => _chainVertex;

    internal double[] ChainOffsetArray => _chainOffsetKm;

    internal ulong[] ChainSegmentMaskArray => _chainSegmentMask;

    internal int[] FirstEdgeArray => _firstEdge;

    internal int[] HeadArray => _head;

    internal int[] EdgeChainArray => _edgeChain;

    internal bool[] EdgeReversedArray => _edgeReversed;

    internal float[] EdgeLengthArray => _edgeLengthKm;

    internal ulong[] EdgeMaskArray => _edgeMask;

    internal double[] NodeXArray => _nodeX;

    internal double[] NodeYArray => _nodeY;

    internal double[] NodeZArray => _nodeZ;
}

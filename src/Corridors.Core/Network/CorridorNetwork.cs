using System.Collections.Frozen;

namespace Corridors.Network;

/// <summary>
/// The corridor network frozen for one year: a compressed-sparse-row (CSR) directed graph with edge attributes
/// in parallel arrays. Immutable and safe to read from many threads. Each bidirectional <see cref="Leg"/> becomes
/// two directed edges.
/// </summary>
public sealed partial class CorridorNetwork
{
    private readonly int[] _firstEdge;
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly int[] _edgeLeg;
    private readonly bool[] _edgeReversed;
    private readonly float[] _lengthKm;
    private readonly float[] _hoursMode;
    private readonly float[] _hoursExpected;
    private readonly byte[] _mode;
    private readonly ulong[] _countryMask;
    private readonly ulong[] _passageMask;
    private readonly double[] _lat;
    private readonly double[] _lon;
    private readonly Node[] _nodes;
    private readonly Leg[] _legs;
    private readonly FrozenDictionary<string, int> _nodeIndex;
    private readonly FrozenDictionary<string, int> _countryBit;
    private readonly FrozenDictionary<string, int> _passageBit;

    /// <summary>The definition this network was frozen from.</summary>
    public NetworkDefinition Definition { get; }

    /// <summary>The year the network is valid for.</summary>
    public int Year { get; }

    /// <summary>The service level whose times the network was frozen with.</summary>
    public ServiceLevel ServiceLevel { get; }

    /// <summary>
    /// The services active in <see cref="Year"/>, frozen per leg: merged timetables and sail-when-full frequencies.
    /// Routing and the Monte Carlo engine both wait for departures from it.
    /// </summary>
    public ServiceSchedule Schedule { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Number of directed edges.</summary>
    public int EdgeCount => _head.Length;

    /// <summary>CSR offsets, length <see cref="NodeCount"/> + 1: the out-edges of node v are <c>FirstEdge[v]..FirstEdge[v+1]</c>.</summary>
    public ReadOnlySpan<int> FirstEdge => _firstEdge;

    /// <summary>Head (target node) of each edge.</summary>
    public ReadOnlySpan<int> Head => _head;

    /// <summary>Tail (source node) of each edge.</summary>
    public ReadOnlySpan<int> Tail => _tail;

    /// <summary>Index into <see cref="Legs"/> of each edge.</summary>
    public ReadOnlySpan<int> EdgeLeg => _edgeLeg;

    /// <summary>True when the edge runs a leg from its <c>to</c> node to its <c>from</c> node.</summary>
    public ReadOnlySpan<bool> EdgeReversed => _edgeReversed;

    /// <summary>Length of each edge in km.</summary>
    public ReadOnlySpan<float> LengthKm => _lengthKm;

    /// <summary>Most likely running time of each edge in hours (excluding waiting and dwell).</summary>
    public ReadOnlySpan<float> HoursMode => _hoursMode;

    /// <summary>Expected (mean) running time of each edge in hours (excluding waiting and dwell); what routing uses.</summary>
    public ReadOnlySpan<float> HoursExpected => _hoursExpected;

    /// <summary>Mode of each edge as a <see cref="TransportMode"/> byte.</summary>
    public ReadOnlySpan<byte> Mode => _mode;

    /// <summary>Bit mask of countries each edge touches (bit = <see cref="CountryBit(string)"/>).</summary>
    public ReadOnlySpan<ulong> CountryMask => _countryMask;

    /// <summary>Bit mask of passages each edge traverses (bit = <see cref="PassageBit(string)"/>).</summary>
    public ReadOnlySpan<ulong> PassageMask => _passageMask;

    /// <summary>Latitude of each node in degrees.</summary>
    public ReadOnlySpan<double> Lat => _lat;

    /// <summary>Longitude of each node in degrees.</summary>
    public ReadOnlySpan<double> Lon => _lon;

    /// <summary>Active nodes, indexed by <see cref="NodeId"/>.</summary>
    public IReadOnlyList<Node> Nodes => _nodes;

    /// <summary>Active legs, indexed by <see cref="EdgeLeg"/>.</summary>
    public IReadOnlyList<Leg> Legs => _legs;

    /// <summary>The node record at an index.</summary>
    public Node Node(NodeId id) => _nodes[id.Value];

    /// <summary>The leg an edge runs on.</summary>
    public Leg LegOf(EdgeId edge) => _legs[_edgeLeg[edge.Value]];

    /// <summary>Out-edges of a node as an index range into the edge arrays.</summary>
    public Range OutEdges(NodeId node) => _firstEdge[node.Value].._firstEdge[node.Value + 1];

    /// <summary>Looks up a node by its data id (exact, case-sensitive).</summary>
    public bool TryGetNode(string id, out NodeId node)
    {
        if (_nodeIndex.TryGetValue(id, out var index))
        {
            node = new NodeId(index);
            return true;
        }

        node = default;
        return false;
    }

    /// <summary>Bit index of a country in <see cref="CountryMask"/>, or -1 when no active edge touches it.</summary>
    public int CountryBit(string iso) => _countryBit.TryGetValue(iso, out var bit) ? bit : -1;

    /// <summary>Bit index of a passage in <see cref="PassageMask"/>, or -1 when no active edge traverses it.</summary>
    public int PassageBit(string passage) => _passageBit.TryGetValue(passage, out var bit) ? bit : -1;

    /// <summary>Mask with the bits of the given countries set (unknown codes are ignored).</summary>
    public ulong CountryMaskOf(IEnumerable<string> isoCodes) => MaskOf(_countryBit, isoCodes);

    /// <summary>Mask with the bits of the given passages set (unknown ids are ignored).</summary>
    public ulong PassageMaskOf(IEnumerable<string> passages) => MaskOf(_passageBit, passages);

    private static ulong MaskOf(FrozenDictionary<string, int> bits, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ulong mask = 0;
        foreach (var key in keys)
        {
            if (bits.TryGetValue(key, out var bit))
            {
                mask |= 1UL << bit;
            }
        }

        return mask;
    }
}

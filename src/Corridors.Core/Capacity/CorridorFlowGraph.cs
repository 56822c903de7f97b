using Corridors.Network;

namespace Corridors.Capacity;

/// <summary>What a link of a <see cref="CorridorFlowGraph"/> stands for.</summary>
public enum FlowLinkKind : byte
{
    /// <summary>A zone's zero-cost access to or egress from a node of its countries.</summary>
    Access,

    /// <summary>A node's handling (its in half to its out half).</summary>
    Handling,

    /// <summary>A directed edge of a leg.</summary>
    Edge,
}

/// <summary>A link of a <see cref="CorridorFlowGraph"/>.</summary>
/// <param name="From">Tail (graph node).</param>
/// <param name="To">Head (graph node).</param>
/// <param name="Kind">What it stands for.</param>
/// <param name="Element">Node index for <see cref="FlowLinkKind.Handling"/>, edge index for <see cref="FlowLinkKind.Edge"/>, the zone for access links.</param>
/// <param name="CapacityTeu">TEU per year; <see cref="double.PositiveInfinity"/> without a sourced capacity.</param>
public readonly record struct FlowLink(int From, int To, FlowLinkKind Kind, int Element, double CapacityTeu);

/// <summary>
/// The graph both corridor assignments (user equilibrium and system optimum) run on: one node per demand zone (a
/// region joined at zero cost to every node of its countries), each network node split into an in half and an out
/// half by a link carrying its handling capacity, and one link per directed edge of the year's network (ocean edges
/// only when asked for). Built once per (capacities, demand); immutable.
/// </summary>
public sealed class CorridorFlowGraph
{
    private readonly int[] _handlingLink;
    private readonly int[] _edgeLink;

    private CorridorFlowGraph(CorridorCapacities capacities, IReadOnlyList<RegionDemand> demand, bool withOcean)
    {
        Capacities = capacities;
        var network = capacities.Network;
        var zones = new List<(string Name, IReadOnlySet<string> Countries)>();
        foreach (var d in demand)
        {
            foreach (var z in new[] { (d.FromRegion, d.From), (d.ToRegion, d.To) })
            {
                if (!zones.Exists(x => x.Name == z.Item1))
                {
                    zones.Add(z);
                }
            }
        }

        var names = zones.Select(z => z.Name).ToArray();
        Zones = names;
        var zoneCount = zones.Count;
        var n = network.NodeCount;
        NodeCount = zoneCount + (2 * n);
        var links = new List<FlowLink>();
        for (var zone = 0; zone < zoneCount; zone++)
        {
            for (var v = 0; v < n; v++)
            {
                if (zones[zone].Countries.Contains(network.Nodes[v].Country))
                {
                    links.Add(new FlowLink(zone, InHalf(v), FlowLinkKind.Access, zone, double.PositiveInfinity));
                    links.Add(new FlowLink(OutHalf(v), zone, FlowLinkKind.Access, zone, double.PositiveInfinity));
                }
            }
        }

        _handlingLink = new int[n];
        for (var v = 0; v < n; v++)
        {
            _handlingLink[v] = links.Count;
            links.Add(new FlowLink(InHalf(v), OutHalf(v), FlowLinkKind.Handling, v, capacities.NodeTeuPerYear[v]));
        }

        _edgeLink = new int[network.EdgeCount];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (!withOcean && network.Mode[e] == (byte)TransportMode.Ocean)
            {
                _edgeLink[e] = -1;
                continue;
            }

            _edgeLink[e] = links.Count;
            links.Add(new FlowLink(OutHalf(network.Tail[e]), InHalf(network.Head[e]), FlowLinkKind.Edge, e, capacities.EdgeTeuPerYear[e]));
        }

        Links = links;
        var pairs = new List<(int From, int To, double Teu)>();
        foreach (var d in demand)
        {
            var o = Array.IndexOf(names, d.FromRegion);
            var t = Array.IndexOf(names, d.ToRegion);
            if (o != t)
            {
                pairs.Add((o, t, d.Teu));
            }
        }

        Demand = pairs;
    }

    /// <summary>The capacities (and through them the network) the graph was built from.</summary>
    public CorridorCapacities Capacities { get; }

    /// <summary>Zone names, in graph-node order (zone z is graph node z).</summary>
    public IReadOnlyList<string> Zones { get; }

    /// <summary>Graph nodes: zones, then the in halves, then the out halves of the network's nodes.</summary>
    public int NodeCount { get; }

    /// <summary>Links: access links, then handling links in node order, then edge links in edge order.</summary>
    public IReadOnlyList<FlowLink> Links { get; }

    /// <summary>Zone-to-zone demand (TEU per year); rows between the same zone are dropped.</summary>
    public IReadOnlyList<(int From, int To, double Teu)> Demand { get; }

    /// <summary>Graph node of the in half of network node <paramref name="node"/>.</summary>
    public int InHalf(int node) => Zones.Count + node;

    /// <summary>Graph node of the out half of network node <paramref name="node"/>.</summary>
    public int OutHalf(int node) => Zones.Count + Capacities.Network.NodeCount + node;

    /// <summary>The handling link of network node <paramref name="node"/>.</summary>
    public int HandlingLink(int node) => _handlingLink[node];

    /// <summary>The link of directed edge <paramref name="edge"/>, or −1 when the edge is left out (ocean).</summary>
    public int EdgeLink(int edge) => _edgeLink[edge];

    /// <summary>Per-link values spread back onto the network: one value per directed edge and per node (0 where left out).</summary>
    public (double[] Edges, double[] Nodes) ToElements(IReadOnlyList<double> perLink)
    {
        ArgumentNullException.ThrowIfNull(perLink);
        var network = Capacities.Network;
        var edges = new double[network.EdgeCount];
        var nodes = new double[network.NodeCount];
        for (var e = 0; e < edges.Length; e++)
        {
            edges[e] = _edgeLink[e] >= 0 ? perLink[_edgeLink[e]] : 0;
        }

        for (var v = 0; v < nodes.Length; v++)
        {
            nodes[v] = perLink[_handlingLink[v]];
        }

        return (edges, nodes);
    }

    /// <summary>Builds the graph.</summary>
    /// <param name="capacities">The year's frozen capacities.</param>
    /// <param name="demand">Region-to-region demand.</param>
    /// <param name="withOcean">Keep ocean edges.</param>
    public static CorridorFlowGraph Build(CorridorCapacities capacities, IReadOnlyList<RegionDemand> demand, bool withOcean)
    {
        ArgumentNullException.ThrowIfNull(capacities);
        ArgumentNullException.ThrowIfNull(demand);
        return new CorridorFlowGraph(capacities, demand, withOcean);
    }
}

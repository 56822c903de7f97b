using Corridors.Flow;
using Corridors.Network;

namespace Corridors.Capacity;

/// <summary>What a minimum-cut element is.</summary>
public enum CutElementKind
{
    /// <summary>A directed edge of a leg.</summary>
    Edge,

    /// <summary>A node's handling capacity.</summary>
    Node,
}

/// <summary>One element of a minimum cut.</summary>
/// <param name="Kind">Edge or node.</param>
/// <param name="Index">Edge index (<see cref="CorridorNetwork.EdgeCount"/>) or node index.</param>
/// <param name="CapacityTeu">Its capacity, TEU per year.</param>
public readonly record struct CutElement(CutElementKind Kind, int Index, double CapacityTeu);

/// <summary>Maximum TEU per year between two sets of countries and the minimum cut that caps it.</summary>
/// <param name="MaxFlowTeu">Maximum flow, TEU per year; infinite when uncapacitated elements join the regions.</param>
/// <param name="MinCut">Elements of one minimum cut, largest capacity first (empty when unbounded).</param>
/// <param name="EdgeFlowTeu">Flow on each directed edge in one maximum flow.</param>
public sealed record BypassResult(double MaxFlowTeu, IReadOnlyList<CutElement> MinCut, IReadOnlyList<double> EdgeFlowTeu)
{
    /// <summary>True when a path of elements without sourced capacity joins the regions.</summary>
    public bool IsUnbounded => double.IsPositiveInfinity(MaxFlowTeu);
}

/// <summary>
/// Region-to-region bypass capacity: the maximum flow from every node in the origin countries to every node in the
/// destination countries over edges and nodes (split into in and out halves carrying the handling capacity), with
/// avoided countries' nodes and every edge crossing them removed, and ocean legs removed unless asked for.
/// </summary>
public static class BypassAnalysis
{
    /// <summary>Runs one bypass query.</summary>
    /// <param name="capacities">Frozen capacities of the year's network.</param>
    /// <param name="origins">Origin country codes.</param>
    /// <param name="destinations">Destination country codes.</param>
    /// <param name="avoided">Countries closed to transit.</param>
    /// <param name="withSea">Keep ocean legs.</param>
    /// <param name="enabledEdges">Optional filter: only edges for which it returns true are used.</param>
    /// <param name="enabledNodes">Optional filter: other nodes are removed with their edges, as avoided countries' are.</param>
    public static BypassResult Run(
        CorridorCapacities capacities,
        IReadOnlySet<string> origins,
        IReadOnlySet<string> destinations,
        IReadOnlySet<string> avoided,
        bool withSea,
        Func<int, bool>? enabledEdges = null,
        Func<int, bool>? enabledNodes = null)
    {
        ArgumentNullException.ThrowIfNull(capacities);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(destinations);
        ArgumentNullException.ThrowIfNull(avoided);
        var network = capacities.Network;
        var n = network.NodeCount;
        var avoidMask = network.CountryMaskOf(avoided.Where(c => network.CountryBit(c) >= 0));
        var source = 2 * n;
        var sink = 2 * n + 1;
        var arcs = new List<FlowArc>();
        var element = new List<CutElement>();
        var edgeArc = new int[network.EdgeCount];
        Array.Fill(edgeArc, -1);
        var nodeCapacity = capacities.NodeTeuPerYear;
        for (var v = 0; v < n; v++)
        {
            if (avoided.Contains(network.Nodes[v].Country) || (enabledNodes is not null && !enabledNodes(v)))
            {
                continue;
            }

            Add(arcs, element, new FlowArc(v, n + v, nodeCapacity[v]), new CutElement(CutElementKind.Node, v, nodeCapacity[v]));
            var country = network.Nodes[v].Country;
            if (origins.Contains(country))
            {
                Add(arcs, element, new FlowArc(source, v, double.PositiveInfinity), default);
            }

            if (destinations.Contains(country))
            {
                Add(arcs, element, new FlowArc(n + v, sink, double.PositiveInfinity), default);
            }
        }

        var head = network.Head;
        var tail = network.Tail;
        var mask = network.CountryMask;
        var mode = network.Mode;
        var edgeCapacity = capacities.EdgeTeuPerYear;
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if ((mask[e] & avoidMask) != 0
                || avoided.Contains(network.Nodes[tail[e]].Country)
                || avoided.Contains(network.Nodes[head[e]].Country)
                || (!withSea && mode[e] == (byte)TransportMode.Ocean)
                || (enabledEdges is not null && !enabledEdges(e))
                || (enabledNodes is not null && (!enabledNodes(tail[e]) || !enabledNodes(head[e]))))
            {
                continue;
            }

            edgeArc[e] = arcs.Count;
            Add(arcs, element, new FlowArc(n + tail[e], head[e], edgeCapacity[e]), new CutElement(CutElementKind.Edge, e, edgeCapacity[e]));
        }

        var result = MaxFlow.Solve(2 * n + 2, arcs, source, sink);
        var cut = result.MinCut.Select(i => element[i]).OrderByDescending(c => c.CapacityTeu).ThenBy(c => c.Kind).ThenBy(c => c.Index).ToList();
        var edgeFlow = new double[network.EdgeCount];
        for (var e = 0; e < edgeFlow.Length; e++)
        {
            edgeFlow[e] = edgeArc[e] >= 0 ? result.Flow[edgeArc[e]] : 0;
        }

        return new BypassResult(result.Value, cut, edgeFlow);
    }

    private static void Add(List<FlowArc> arcs, List<CutElement> elements, FlowArc arc, CutElement element)
    {
        arcs.Add(arc);
        elements.Add(element);
    }
}

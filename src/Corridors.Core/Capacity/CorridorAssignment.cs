using Corridors.Assignment;
using Corridors.Flow;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Capacity;

/// <summary>Demand between two regions (sets of country codes), TEU per year.</summary>
/// <param name="FromRegion">Origin region name (one zone per distinct name).</param>
/// <param name="From">Its countries.</param>
/// <param name="ToRegion">Destination region name.</param>
/// <param name="To">Its countries.</param>
/// <param name="Teu">TEU per year.</param>
public sealed record RegionDemand(string FromRegion, IReadOnlySet<string> From, string ToRegion, IReadOnlySet<string> To, double Teu);

/// <summary>Flows of a corridor assignment, TEU per year.</summary>
/// <param name="Assignment">The equilibrium solver's result on the derived traffic network (null for the system optimum).</param>
/// <param name="EdgeFlowTeu">Flow on each directed edge of the corridor network.</param>
/// <param name="NodeFlowTeu">Flow through each node.</param>
/// <param name="UnservedTeu">Demand left unserved: with no path (equilibrium), or beyond what pays its way at the penalty (optimum).</param>
public sealed record CorridorFlows(AssignmentResult? Assignment, IReadOnlyList<double> EdgeFlowTeu, IReadOnlyList<double> NodeFlowTeu, double UnservedTeu)
{
    /// <summary>System optimum only: USD saved per year per extra TEU per year of each directed edge's capacity.</summary>
    public IReadOnlyList<double>? EdgeShadowPriceUsd { get; init; }

    /// <summary>System optimum only: the same for each node's handling capacity.</summary>
    public IReadOnlyList<double>? NodeShadowPriceUsd { get; init; }

    /// <summary>System optimum only: the linear program's optimum.</summary>
    public MultiCommodityFlowResult? Optimum { get; init; }
}

/// <summary>
/// Region-to-region TEU demand on a year's corridor network (<see cref="CorridorFlowGraph"/>), as a user equilibrium
/// (<see cref="Solve"/>) or as the input of a system optimum (<see cref="SystemOptimumProblem"/>).
/// Under the equilibrium every directed edge costs its expected hours; elements with a finite capacity get a BPR
/// volume-delay function <c>t = t0 (1 + 0.15 (v/c)^4)</c> (assumption: the standard BPR parameters, with t0 at least
/// one hour so a capacity binds even on a zero-time transfer); the others keep a constant time.
/// </summary>
/// <remarks>
/// The volume-delay function of an element is chosen in one place, <see cref="Element"/>. A Caspian crossing given a
/// wait curve (the crossing simulation's mean wait for a sailing against the TEU a year offered to its line and
/// direction) costs its expected hours plus that wait at its flow, in place of BPR: the simulated queue is the
/// crossing's congestion.
/// </remarks>
public static class CorridorAssignment
{
    /// <summary>BPR multiplier on capacity-limited elements.</summary>
    public const double BprB = 0.15;

    /// <summary>BPR power on capacity-limited elements.</summary>
    public const double BprPower = 4;

    /// <summary>Solves the equilibrium.</summary>
    /// <param name="capacities">The year's frozen capacities.</param>
    /// <param name="demand">Region-to-region demand.</param>
    /// <param name="options">Method and stopping rule.</param>
    /// <param name="crossingWaits">Wait curves of the Caspian crossings by (leg id, from node id), hours against TEU a year on that edge; null: BPR everywhere.</param>
    /// <param name="progress">Called after every iteration.</param>
    /// <param name="cancellationToken">Checked between iterations.</param>
    public static CorridorFlows Solve(
        CorridorCapacities capacities, IReadOnlyList<RegionDemand> demand, AssignmentOptions options,
        IReadOnlyDictionary<(string Leg, string From), DelayCurve>? crossingWaits = null,
        Action<AssignmentIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(capacities);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(options);
        var network = capacities.Network;
        var graph = CorridorFlowGraph.Build(capacities, demand, withOcean: true);
        var links = new List<TrafficLink>(graph.Links.Count);
        foreach (var link in graph.Links)
        {
            links.Add(link.Kind switch
            {
                FlowLinkKind.Access => new TrafficLink(link.From, link.To, 1, 0, 0, 0, 0),
                FlowLinkKind.Handling => Element(0, link.CapacityTeu, link.From, link.To),
                _ => crossingWaits is not null && crossingWaits.TryGetValue((network.Legs[network.EdgeLeg[link.Element]].Id, network.Nodes[network.Tail[link.Element]].Id), out var wait)
                    ? new TrafficLink(link.From, link.To, 1, 0, network.HoursExpected[link.Element], 0, 0, 0, wait)
                    : Element(network.HoursExpected[link.Element], link.CapacityTeu, link.From, link.To),
            });
        }

        var z = graph.Zones.Count;
        var traffic = TrafficNetwork.Create(graph.NodeCount, z, z, links);
        var trips = new TripTable(z);
        foreach (var (from, to, teu) in graph.Demand)
        {
            trips[from, to] += teu;
        }

        var result = new UserEquilibriumSolver(traffic).Solve(trips, options, progress, cancellationToken);
        var (edgeFlow, nodeFlow) = graph.ToElements(result.Flow);
        return new CorridorFlows(result, edgeFlow, nodeFlow, result.UnreachableDemand);
    }

    /// <summary>
    /// The system optimum's linear program on the overland graph (ocean edges left out: the demand files hold the
    /// overland market): each edge costs its tariffs and charges for one TEU (<see cref="RoutingGraph.MoneyUsd"/>, a
    /// per-load charge shared by the TEU of a load) plus the time value of cargo over its expected hours, each node's
    /// handling the time value over its expected dwell; capacities are hard; unserved TEU cost
    /// <paramref name="unservedPenaltyUsd"/> each.
    /// </summary>
    /// <param name="capacities">The year's frozen capacities.</param>
    /// <param name="routing">Routing attributes of the same network (tariffs, charges, dwell).</param>
    /// <param name="demand">Region-to-region demand.</param>
    /// <param name="timeValueUsdPerTeuHour">Time value of one TEU of cargo per hour.</param>
    /// <param name="teuPerLoad">TEU per wagon, for per-load charges.</param>
    /// <param name="unservedPenaltyUsd">Cost of one TEU per year left unserved.</param>
    public static (CorridorFlowGraph Graph, MultiCommodityFlowProblem Problem) SystemOptimumProblem(
        CorridorCapacities capacities, RoutingGraph routing, IReadOnlyList<RegionDemand> demand,
        double timeValueUsdPerTeuHour, double teuPerLoad, double unservedPenaltyUsd)
    {
        ArgumentNullException.ThrowIfNull(capacities);
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentOutOfRangeException.ThrowIfNegative(timeValueUsdPerTeuHour);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(teuPerLoad);
        if (!ReferenceEquals(routing.Network, capacities.Network))
        {
            throw new ArgumentException("The routing graph must belong to the capacities' network.", nameof(routing));
        }

        var network = capacities.Network;
        var graph = CorridorFlowGraph.Build(capacities, demand, withOcean: false);
        var arcs = new List<CostArc>(graph.Links.Count);
        foreach (var link in graph.Links)
        {
            var cost = link.Kind switch
            {
                FlowLinkKind.Access => 0,
                FlowLinkKind.Handling => timeValueUsdPerTeuHour * routing.NodeDwell[link.Element],
                _ => routing.MoneyUsd(link.Element, 1, 1 / teuPerLoad) + (timeValueUsdPerTeuHour * network.HoursExpected[link.Element]),
            };
            arcs.Add(new CostArc(link.From, link.To, link.CapacityTeu, cost));
        }

        var demands = graph.Demand.Select(d => new FlowDemand(d.From, d.To, d.Teu)).ToList();
        return (graph, new MultiCommodityFlowProblem(graph.NodeCount, arcs, demands, unservedPenaltyUsd));
    }

    /// <summary>The flows, unserved TEU and shadow prices of a solved <see cref="SystemOptimumProblem"/>.</summary>
    public static CorridorFlows SystemOptimumFlows(CorridorFlowGraph graph, MultiCommodityFlowResult optimum)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(optimum);
        if (optimum.Status != FlowStatus.Optimal)
        {
            return new CorridorFlows(null, new double[graph.Capacities.Network.EdgeCount], new double[graph.Capacities.Network.NodeCount],
                graph.Demand.Sum(d => d.Teu)) { Optimum = optimum };
        }

        var (edgeFlow, nodeFlow) = graph.ToElements(optimum.Flow);
        var (edgePrice, nodePrice) = graph.ToElements(optimum.ShadowPrice);
        return new CorridorFlows(null, edgeFlow, nodeFlow, optimum.Unserved.Sum())
        {
            EdgeShadowPriceUsd = edgePrice,
            NodeShadowPriceUsd = nodePrice,
            Optimum = optimum,
        };
    }

    // A capacity of 0 closes the element: a prohibitive constant time keeps it out of every path that has another way.
    private const double ClosedHours = 1e7;

    // The one place an element's volume-delay function is chosen (see the remarks above).
    private static TrafficLink Element(double hours, double capacity, int from, int to) =>
        double.IsPositiveInfinity(capacity) ? new TrafficLink(from, to, 1, 0, hours, 0, 0)
        : capacity <= 0 ? new TrafficLink(from, to, 1, 0, ClosedHours, 0, 0)
        : new TrafficLink(from, to, capacity, 0, Math.Max(hours, 1), BprB, BprPower);
}

using Corridors.Assignment;
using Corridors.Network;

namespace Corridors.Capacity;

/// <summary>Demand between two regions (sets of country codes), TEU per year.</summary>
/// <param name="FromRegion">Origin region name (one zone per distinct name).</param>
/// <param name="From">Its countries.</param>
/// <param name="ToRegion">Destination region name.</param>
/// <param name="To">Its countries.</param>
/// <param name="Teu">TEU per year.</param>
public sealed record RegionDemand(string FromRegion, IReadOnlySet<string> From, string ToRegion, IReadOnlySet<string> To, double Teu);

/// <summary>Flows of a corridor assignment, TEU per year.</summary>
/// <param name="Assignment">The solver's result on the derived traffic network.</param>
/// <param name="EdgeFlowTeu">Flow on each directed edge of the corridor network.</param>
/// <param name="NodeFlowTeu">Flow through each node.</param>
/// <param name="UnservedTeu">Demand with no path.</param>
public sealed record CorridorFlows(AssignmentResult Assignment, IReadOnlyList<double> EdgeFlowTeu, IReadOnlyList<double> NodeFlowTeu, double UnservedTeu);

/// <summary>
/// User equilibrium of region-to-region TEU demand on a year's corridor network. Each region is a zone joined at
/// zero cost to every node of its countries; each node is split in two by a link for its handling; every directed
/// edge costs its expected hours. Elements with a finite capacity get a BPR volume-delay function
/// <c>t = t0 (1 + 0.15 (v/c)^4)</c> (assumption: the standard BPR parameters, with t0 at least one hour so a
/// capacity binds even on a zero-time transfer); the others keep a constant time.
/// </summary>
public static class CorridorAssignment
{
    /// <summary>BPR multiplier on capacity-limited elements.</summary>
    public const double BprB = 0.15;

    /// <summary>BPR power on capacity-limited elements.</summary>
    public const double BprPower = 4;

    /// <summary>Solves the equilibrium.</summary>
    public static CorridorFlows Solve(
        CorridorCapacities capacities, IReadOnlyList<RegionDemand> demand, AssignmentOptions options,
        Action<AssignmentIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(capacities);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(options);
        var network = capacities.Network;
        var zones = demand.SelectMany(d => new[] { (d.FromRegion, d.From), (d.ToRegion, d.To) })
            .DistinctBy(z => z.Item1, StringComparer.Ordinal).ToList();
        var z = zones.Count;
        var n = network.NodeCount;
        int In(int v) => z + v;
        int Out(int v) => z + n + v;
        var links = new List<TrafficLink>();
        for (var zone = 0; zone < z; zone++)
        {
            for (var v = 0; v < n; v++)
            {
                if (zones[zone].Item2.Contains(network.Nodes[v].Country))
                {
                    links.Add(new TrafficLink(zone, In(v), 1, 0, 0, 0, 0));
                    links.Add(new TrafficLink(Out(v), zone, 1, 0, 0, 0, 0));
                }
            }
        }

        var nodeLink = links.Count;
        for (var v = 0; v < n; v++)
        {
            links.Add(Element(0, capacities.NodeTeuPerYear[v], In(v), Out(v)));
        }

        var edgeLink = links.Count;
        for (var e = 0; e < network.EdgeCount; e++)
        {
            links.Add(Element(network.HoursExpected[e], capacities.EdgeTeuPerYear[e], Out(network.Tail[e]), In(network.Head[e])));
        }

        var traffic = TrafficNetwork.Create(z + 2 * n, z, z, links);
        var trips = new TripTable(z);
        foreach (var d in demand)
        {
            var o = zones.FindIndex(x => x.Item1 == d.FromRegion);
            var t = zones.FindIndex(x => x.Item1 == d.ToRegion);
            if (o != t)
            {
                trips[o, t] += d.Teu;
            }
        }

        var result = new UserEquilibriumSolver(traffic).Solve(trips, options, progress, cancellationToken);
        var nodeFlow = new double[n];
        var edgeFlow = new double[network.EdgeCount];
        for (var v = 0; v < n; v++)
        {
            nodeFlow[v] = result.Flow[nodeLink + v];
        }

        for (var e = 0; e < edgeFlow.Length; e++)
        {
            edgeFlow[e] = result.Flow[edgeLink + e];
        }

        return new CorridorFlows(result, edgeFlow, nodeFlow, result.UnreachableDemand);
    }

    // A capacity of 0 closes the element: a prohibitive constant time keeps it out of every path that has another way.
    private const double ClosedHours = 1e7;

    private static TrafficLink Element(double hours, double capacity, int from, int to) =>
        double.IsPositiveInfinity(capacity) ? new TrafficLink(from, to, 1, 0, hours, 0, 0)
        : capacity <= 0 ? new TrafficLink(from, to, 1, 0, ClosedHours, 0, 0)
        : new TrafficLink(from, to, capacity, 0, Math.Max(hours, 1), BprB, BprPower);
}

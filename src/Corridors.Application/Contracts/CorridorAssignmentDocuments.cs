using Corridors.Capacity;
using Corridors.Network;

namespace Corridors.Application.Contracts;

/// <summary>Builds <see cref="CorridorAssignmentDocument"/> from a corridor assignment.</summary>
public static class CorridorAssignmentDocuments
{
    /// <summary>
    /// The document of <paramref name="flows"/> on <paramref name="capacities"/>' network: a user equilibrium when
    /// <see cref="CorridorFlows.Assignment"/> is set, else a system optimum (then <paramref name="optimum"/> is required).
    /// </summary>
    public static CorridorAssignmentDocument Of(CorridorCapacities capacities, CorridorFlows flows, double demandTeu, SystemOptimumContract? optimum = null)
    {
        ArgumentNullException.ThrowIfNull(capacities);
        ArgumentNullException.ThrowIfNull(flows);
        var network = capacities.Network;
        var legs = new List<LegFlowContract>();
        double northern = 0, middle = 0, southern = 0;
        for (var e = 0; e < network.EdgeCount; e++)
        {
            var flow = flows.EdgeFlowTeu[e];
            var price = flows.EdgeShadowPriceUsd?[e];
            if (flow <= 0.5 && !(price > 0.005))
            {
                continue;
            }

            var tail = network.Nodes[network.Tail[e]];
            var head = network.Nodes[network.Head[e]];
            var capacity = capacities.EdgeTeuPerYear[e];
            var finite = !double.IsPositiveInfinity(capacity);
            legs.Add(new LegFlowContract(network.Legs[network.EdgeLeg[e]].Id, tail.Id, head.Id, Math.Round(flow),
                finite ? Math.Round(capacity) : null, finite && capacity > 0 ? Math.Round(flow / capacity, 4) : null, Price(price)));
            northern += Entering(tail, head, "RU") ? flow : 0;
            southern += Entering(tail, head, "IR") ? flow : 0;
            var mode = (TransportMode)network.Mode[e];
            middle += mode is TransportMode.Ferry or TransportMode.Feeder && (tail.Sea == SeaArea.Caspian || head.Sea == SeaArea.Caspian) ? flow : 0;
        }

        var nodes = new List<NodeFlowContract>();
        for (var v = 0; v < network.NodeCount; v++)
        {
            var capacity = capacities.NodeTeuPerYear[v];
            var price = flows.NodeShadowPriceUsd?[v];
            if (!double.IsPositiveInfinity(capacity) && capacity > 0 && (flows.NodeFlowTeu[v] > 0.5 || price > 0.005))
            {
                nodes.Add(new NodeFlowContract(network.Nodes[v].Id, Math.Round(flows.NodeFlowTeu[v]), Math.Round(capacity), Math.Round(flows.NodeFlowTeu[v] / capacity, 4), Price(price)));
            }
        }

        string method, status;
        double gap;
        int iterations;
        if (flows.Assignment is { } a)
        {
            (method, gap, iterations) = ("ue", a.RelativeGap, a.Iterations[^1].Iteration);
            status = a.Status switch
            {
                Assignment.AssignmentStatus.Converged => "converged",
                Assignment.AssignmentStatus.Unreachable => "unreachable",
                _ => "iteration-limit",
            };
        }
        else
        {
            ArgumentNullException.ThrowIfNull(optimum);
            var lp = flows.Optimum ?? throw new ArgumentException("A system optimum's flows carry the linear program's result.", nameof(flows));
            (method, gap, iterations) = ("so", lp.RelativeGap, (int)Math.Min(int.MaxValue, lp.Iterations));
            status = lp.Status == Flow.FlowStatus.Optimal ? "optimal" : "not-solved";
        }

        return new CorridorAssignmentDocument(
            network.Year,
            method,
            status,
            gap,
            iterations,
            Math.Round(demandTeu),
            Math.Round(flows.UnservedTeu),
            new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["northern"] = Math.Round(northern),
                ["middle"] = Math.Round(middle),
                ["southern"] = Math.Round(southern),
            },
            [.. legs.OrderByDescending(l => l.Utilisation ?? -1).ThenByDescending(l => l.FlowTeu).ThenBy(l => l.Id, StringComparer.Ordinal)],
            [.. nodes.OrderByDescending(x => x.Utilisation).ThenBy(x => x.Id, StringComparer.Ordinal)],
            optimum);
    }

    // Shadow prices in whole cents: below that they are the solver's round-off.
    private static double? Price(double? usd) => usd is { } p ? Math.Round(p, 2) : null;

    private static bool Entering(Node tail, Node head, string country) => tail.Country != country && head.Country == country;
}

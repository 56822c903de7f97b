namespace Corridors.Flow;

/// <summary>A directed arc with a capacity and a cost per unit of flow.</summary>
/// <param name="From">Tail node (0-based).</param>
/// <param name="To">Head node (0-based).</param>
/// <param name="Capacity">Non-negative capacity shared by every commodity; <see cref="double.PositiveInfinity"/> for none.</param>
/// <param name="UnitCost">Non-negative cost of one unit of flow on the arc.</param>
public readonly record struct CostArc(int From, int To, double Capacity, double UnitCost);

/// <summary>Demand of flow from one node to another.</summary>
/// <param name="From">Origin node.</param>
/// <param name="To">Destination node.</param>
/// <param name="Amount">Non-negative amount to move.</param>
public readonly record struct FlowDemand(int From, int To, double Amount);

/// <summary>
/// A multi-commodity min-cost flow: move every demand over arcs whose capacities all demands share, at least cost,
/// where any amount may be left unserved at <see cref="UnservedPenalty"/> per unit (so the problem is always
/// feasible, and a binding capacity's dual is bounded by the penalty).
/// </summary>
/// <param name="NodeCount">Number of nodes.</param>
/// <param name="Arcs">Arcs.</param>
/// <param name="Demands">Demands; pairs may repeat.</param>
/// <param name="UnservedPenalty">Cost of one unit of demand left unserved (positive, finite).</param>
public sealed record MultiCommodityFlowProblem(int NodeCount, IReadOnlyList<CostArc> Arcs, IReadOnlyList<FlowDemand> Demands, double UnservedPenalty)
{
    /// <summary>Every problem with the instance, as sentences; empty when it is well formed.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (NodeCount <= 0)
        {
            problems.Add("The node count must be positive.");
        }

        if (!(UnservedPenalty > 0 && double.IsFinite(UnservedPenalty)))
        {
            problems.Add("The unserved penalty must be a positive finite number.");
        }

        for (var i = 0; i < Arcs.Count; i++)
        {
            var a = Arcs[i];
            if ((uint)a.From >= (uint)NodeCount || (uint)a.To >= (uint)NodeCount)
            {
                problems.Add($"Arc {i} joins nodes outside 0..{NodeCount - 1}.");
            }

            if (!(a.Capacity >= 0) || !(a.UnitCost >= 0 && double.IsFinite(a.UnitCost)))
            {
                problems.Add($"Arc {i} needs a non-negative capacity and a non-negative finite cost.");
            }
        }

        for (var i = 0; i < Demands.Count; i++)
        {
            var d = Demands[i];
            if ((uint)d.From >= (uint)NodeCount || (uint)d.To >= (uint)NodeCount || d.From == d.To)
            {
                problems.Add($"Demand {i} must join two distinct nodes in 0..{NodeCount - 1}.");
            }

            if (!(d.Amount >= 0 && double.IsFinite(d.Amount)))
            {
                problems.Add($"Demand {i} needs a non-negative finite amount.");
            }
        }

        return problems;
    }
}

/// <summary>How a flow optimisation ended.</summary>
public enum FlowStatus
{
    /// <summary>Solved to optimality within the solver's tolerances.</summary>
    Optimal,

    /// <summary>The solver stopped without an optimal solution (limit or numerical trouble).</summary>
    NotSolved,
}

/// <summary>The optimum of a <see cref="MultiCommodityFlowProblem"/>.</summary>
/// <param name="Status">Optimal, or not solved (then the other fields are empty or zero).</param>
/// <param name="Objective">Total cost, unserved penalty included.</param>
/// <param name="DualObjective">The dual bound computed from the duals; equals <paramref name="Objective"/> at an exact optimum.</param>
/// <param name="Flow">Total flow on each arc (all commodities), in input order.</param>
/// <param name="ShadowPrice">
/// For each arc, the cost saved per extra unit of its capacity (minus the dual of its capacity row, ≥ 0); 0 for arcs
/// without a binding capacity.
/// </param>
/// <param name="Unserved">Unserved amount of each demand, in input order.</param>
/// <param name="Iterations">Solver iterations (simplex pivots).</param>
/// <param name="Solver">Solver name and version.</param>
public sealed record MultiCommodityFlowResult(
    FlowStatus Status, double Objective, double DualObjective, IReadOnlyList<double> Flow, IReadOnlyList<double> ShadowPrice,
    IReadOnlyList<double> Unserved, long Iterations, string Solver)
{
    /// <summary>|primal − dual| ÷ max(1, |primal|): how far the reported optimum is from its dual bound.</summary>
    public double RelativeGap => Math.Abs(Objective - DualObjective) / Math.Max(1, Math.Abs(Objective));
}

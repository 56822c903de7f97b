using Corridors.Flow;
using Google.OrTools.LinearSolver;

namespace Corridors.Optimization;

/// <summary>
/// Solves a <see cref="MultiCommodityFlowProblem"/> as a linear program with OR-Tools' GLOP (primal/dual simplex),
/// so the duals of the shared capacity rows are exact and reproducible (PDLP's first-order duals are neither).
/// </summary>
/// <remarks>
/// Commodities are aggregated by origin, which is exact for linear costs: one flow variable per (origin, arc), one
/// conservation row per (origin, node), one unserved variable per demand (cost = the penalty, between 0 and the
/// demand, so the unserved amount of one origin's demands is not traded between them), and one row Σ flow ≤ capacity
/// for every arc with a finite capacity. The dual bound is Σ b·y over the conservation rows, plus Σ capacity·μ over
/// the capacity rows, plus demand × min(0, reduced cost) over the unserved variables (the flows' only finite bound is
/// 0); the shadow price of an arc is −μ ≥ 0.
/// </remarks>
public static class MultiCommodityFlowLp
{
    /// <summary>Solves <paramref name="problem"/>.</summary>
    /// <exception cref="ArgumentException">The problem is malformed (the message lists every problem).</exception>
    public static MultiCommodityFlowResult Solve(MultiCommodityFlowProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var problems = problem.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(problem));
        }

        var arcs = problem.Arcs;
        var demands = problem.Demands;
        var n = problem.NodeCount;
        var origins = demands.Where(d => d.Amount > 0).Select(d => d.From).Distinct().Order().ToArray();
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools' GLOP solver is not available.");
        var objective = solver.Objective();
        objective.SetMinimization();

        // Right-hand sides: + at the origin, − at each destination, per commodity.
        var rhs = new double[origins.Length, n];
        for (var i = 0; i < demands.Count; i++)
        {
            var k = Array.BinarySearch(origins, demands[i].From);
            if (k >= 0)
            {
                rhs[k, demands[i].From] += demands[i].Amount;
                rhs[k, demands[i].To] -= demands[i].Amount;
            }
        }

        var rows = new Constraint[origins.Length, n];
        for (var k = 0; k < origins.Length; k++)
        {
            for (var v = 0; v < n; v++)
            {
                rows[k, v] = solver.MakeConstraint(rhs[k, v], rhs[k, v], string.Empty);
            }
        }

        var flow = new Variable[origins.Length, arcs.Count];
        var capacityRows = new Constraint?[arcs.Count];
        for (var a = 0; a < arcs.Count; a++)
        {
            var arc = arcs[a];
            if (!double.IsPositiveInfinity(arc.Capacity))
            {
                capacityRows[a] = solver.MakeConstraint(double.NegativeInfinity, arc.Capacity, string.Empty);
            }

            for (var k = 0; k < origins.Length; k++)
            {
                var x = solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);
                flow[k, a] = x;
                objective.SetCoefficient(x, arc.UnitCost);
                rows[k, arc.From].SetCoefficient(x, 1);
                rows[k, arc.To].SetCoefficient(x, -1);
                capacityRows[a]?.SetCoefficient(x, 1);
            }
        }

        // Unserved demand leaves the origin's balance and enters the destination's without using an arc.
        var unserved = new Variable?[demands.Count];
        for (var i = 0; i < demands.Count; i++)
        {
            var k = Array.BinarySearch(origins, demands[i].From);
            if (k < 0)
            {
                continue;
            }

            var u = solver.MakeNumVar(0, demands[i].Amount, string.Empty);
            unserved[i] = u;
            objective.SetCoefficient(u, problem.UnservedPenalty);
            rows[k, demands[i].From].SetCoefficient(u, 1);
            rows[k, demands[i].To].SetCoefficient(u, -1);
        }

        var status = solver.Solve();
        var version = solver.SolverVersion();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            return new MultiCommodityFlowResult(FlowStatus.NotSolved, 0, 0, [], [], [], solver.Iterations(), version);
        }

        var total = new double[arcs.Count];
        var shadow = new double[arcs.Count];
        var dual = 0.0;
        for (var k = 0; k < origins.Length; k++)
        {
            for (var v = 0; v < n; v++)
            {
                dual += rhs[k, v] * rows[k, v].DualValue();
            }
        }

        for (var a = 0; a < arcs.Count; a++)
        {
            for (var k = 0; k < origins.Length; k++)
            {
                total[a] += flow[k, a].SolutionValue();
            }

            if (capacityRows[a] is { } row)
            {
                var mu = row.DualValue();
                dual += arcs[a].Capacity * mu;
                shadow[a] = Math.Max(0, -mu);
            }
        }

        var left = new double[demands.Count];
        for (var i = 0; i < demands.Count; i++)
        {
            if (unserved[i] is { } u)
            {
                left[i] = u.SolutionValue();
                dual += demands[i].Amount * Math.Min(0, u.ReducedCost());
            }
        }

        return new MultiCommodityFlowResult(FlowStatus.Optimal, objective.Value(), dual, total, shadow, left, solver.Iterations(), version);
    }
}

using Corridors.Flow;
using Corridors.Optimization;
using Google.OrTools.Graph;

namespace Corridors.Tests;

public sealed class MultiCommodityFlowLpTests
{
    private const double Penalty = 1000;

    // A random instance: integer capacities and costs, every node joined to the next by an arc (so some demand can
    // always move), plus random extra arcs; demands from random origins (one origin when singleOrigin).
    private static MultiCommodityFlowProblem Random(int seed, bool singleOrigin)
    {
        var random = new Random(seed);
        var n = random.Next(4, 16);
        var arcs = new List<CostArc>();
        for (var v = 0; v + 1 < n; v++)
        {
            arcs.Add(new CostArc(v, v + 1, random.Next(1, 30), random.Next(0, 20)));
        }

        var extra = random.Next(n, 4 * n);
        for (var i = 0; i < extra; i++)
        {
            var from = random.Next(n);
            var to = random.Next(n);
            if (from != to)
            {
                arcs.Add(new CostArc(from, to, random.Next(2) == 0 ? double.PositiveInfinity : random.Next(0, 30), random.Next(0, 20)));
            }
        }

        var origin = random.Next(n);
        var demands = new List<FlowDemand>();
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var from = singleOrigin ? origin : random.Next(n);
            var to = random.Next(n);
            if (from != to)
            {
                demands.Add(new FlowDemand(from, to, random.Next(1, 60)));
            }
        }

        if (demands.Count == 0)
        {
            demands.Add(new FlowDemand(0, n - 1, 10));
        }

        return new MultiCommodityFlowProblem(n, arcs, demands, Penalty);
    }

    // OR-Tools' MinCostFlow on the same instance: unserved demand as an arc from the origin to the destination
    // at the penalty; an uncapacitated arc gets the total demand as its capacity (no more can ever use it).
    private static long OracleCost(MultiCommodityFlowProblem p)
    {
        var total = (long)p.Demands.Sum(d => d.Amount);
        var mcf = new MinCostFlow();
        foreach (var a in p.Arcs)
        {
            mcf.AddArcWithCapacityAndUnitCost(a.From, a.To, double.IsPositiveInfinity(a.Capacity) ? total : (long)a.Capacity, (long)a.UnitCost);
        }

        var supply = new long[p.NodeCount];
        foreach (var d in p.Demands)
        {
            mcf.AddArcWithCapacityAndUnitCost(d.From, d.To, (long)d.Amount, (long)p.UnservedPenalty);
            supply[d.From] += (long)d.Amount;
            supply[d.To] -= (long)d.Amount;
        }

        for (var v = 0; v < p.NodeCount; v++)
        {
            mcf.SetNodeSupply(v, supply[v]);
        }

        mcf.Solve().ShouldBe(MinCostFlow.Status.OPTIMAL);
        return mcf.OptimalCost();
    }

    private static void ShouldBeFeasible(MultiCommodityFlowProblem p, MultiCommodityFlowResult r, int seed)
    {
        for (var a = 0; a < p.Arcs.Count; a++)
        {
            r.Flow[a].ShouldBeGreaterThanOrEqualTo(-1e-9, $"seed {seed}, arc {a}");
            r.Flow[a].ShouldBeLessThanOrEqualTo(p.Arcs[a].Capacity + 1e-6, $"seed {seed}, arc {a}: capacity exceeded");
        }

        // Total flow is conserved: what leaves a node minus what enters it is what it sends less what it receives (served).
        var balance = new double[p.NodeCount];
        for (var a = 0; a < p.Arcs.Count; a++)
        {
            balance[p.Arcs[a].From] += r.Flow[a];
            balance[p.Arcs[a].To] -= r.Flow[a];
        }

        for (var i = 0; i < p.Demands.Count; i++)
        {
            var served = p.Demands[i].Amount - r.Unserved[i];
            served.ShouldBeGreaterThanOrEqualTo(-1e-6, $"seed {seed}, demand {i}");
            balance[p.Demands[i].From] -= served;
            balance[p.Demands[i].To] += served;
        }

        for (var v = 0; v < p.NodeCount; v++)
        {
            balance[v].ShouldBe(0, 1e-6, $"seed {seed}, node {v}: flow not conserved");
        }
    }

    [Fact]
    public void Solve_RandomSingleCommodity_EqualsOrToolsMinCostFlow()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var problem = Random(seed, singleOrigin: true);

            var result = MultiCommodityFlowLp.Solve(problem);

            result.Status.ShouldBe(FlowStatus.Optimal, $"seed {seed}");
            result.Objective.ShouldBe(OracleCost(problem), 1e-6, $"seed {seed}");
            result.RelativeGap.ShouldBeLessThan(1e-9, $"seed {seed}");
            ShouldBeFeasible(problem, result, seed);
        }
    }

    [Fact]
    public void Solve_RandomMultiCommodity_ConservesFlowRespectsCapacitiesAndClosesTheDualGap()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var problem = Random(seed, singleOrigin: false);

            var result = MultiCommodityFlowLp.Solve(problem);

            result.Status.ShouldBe(FlowStatus.Optimal, $"seed {seed}");
            result.DualObjective.ShouldBe(result.Objective, 1e-6 * Math.Max(1, result.Objective), $"seed {seed}");
            ShouldBeFeasible(problem, result, seed);
            result.ShadowPrice.ShouldAllBe(p => p >= 0 && p <= Penalty + 1e-9);
        }
    }

    [Fact]
    public void Solve_SharedCapacity_CommoditiesCompeteForIt()
    {
        // Two demands of 10 from 0 and 1 to 3 share the arc 2 → 3 (capacity 12, cost 1); the bypass 2 → 3 costs 7.
        // Demand 0 reaches 2 at cost 1, demand 1 at cost 2: 12 units take the cheap arc, 8 the bypass.
        var problem = new MultiCommodityFlowProblem(4,
            [new(0, 2, double.PositiveInfinity, 1), new(1, 2, double.PositiveInfinity, 2), new(2, 3, 12, 1), new(2, 3, double.PositiveInfinity, 7)],
            [new(0, 3, 10), new(1, 3, 10)], Penalty);

        var result = MultiCommodityFlowLp.Solve(problem);

        result.Flow.ShouldBe([10, 10, 12, 8], tolerance: 1e-9);
        result.Objective.ShouldBe((10 * 1) + (10 * 2) + (12 * 1) + (8 * 7), 1e-9);
        result.ShadowPrice[2].ShouldBe(6, 1e-9);
    }

    [Theory]
    [InlineData(15, 4)]   // the expensive path carries the rest: one more unit of capacity saves 5 − 1
    [InlineData(40, 999)] // both paths full, 10 unserved: one more unit saves the penalty less the cheap path's cost
    public void ShadowPrice_OneMoreUnitOfCapacity_LowersTheCostByTheDual(double demand, double expected)
    {
        // 0 → 1 → 2 at cost 1 with capacity 10 on 1 → 2; 0 → 2 at cost 5 with capacity 20.
        MultiCommodityFlowProblem Instance(double cheapCapacity) => new(3,
            [new(0, 1, double.PositiveInfinity, 0), new(1, 2, cheapCapacity, 1), new(0, 2, 20, 5)], [new(0, 2, demand)], Penalty);

        var result = MultiCommodityFlowLp.Solve(Instance(10));
        var more = MultiCommodityFlowLp.Solve(Instance(11));

        result.ShadowPrice[1].ShouldBe(expected, 1e-9);
        (result.Objective - more.Objective).ShouldBe(result.ShadowPrice[1], 1e-6);
        result.ShadowPrice[0].ShouldBe(0);
    }

    [Fact]
    public void ShadowPrice_RandomInstances_AgreeWithFiniteDifferences()
    {
        // Where a unit more and a unit less of an arc's capacity change the cost by the same amount, the optimum is
        // locally linear in that capacity, and that slope is the only valid dual: the LP must report it.
        var checkedArcs = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var problem = Random(seed, singleOrigin: false);
            var result = MultiCommodityFlowLp.Solve(problem);
            for (var a = 0; a < problem.Arcs.Count; a++)
            {
                var cap = problem.Arcs[a].Capacity;
                if (double.IsPositiveInfinity(cap) || cap < 1)
                {
                    continue;
                }

                var up = Resolve(problem, a, cap + 1);
                var down = Resolve(problem, a, cap - 1);
                var saved = result.Objective - up;
                if (Math.Abs(saved - (down - result.Objective)) < 1e-6)
                {
                    result.ShadowPrice[a].ShouldBe(saved, 1e-6, $"seed {seed}, arc {a}");
                    checkedArcs++;
                }
            }
        }

        checkedArcs.ShouldBeGreaterThan(100);
    }

    private static double Resolve(MultiCommodityFlowProblem p, int arc, double capacity)
    {
        var arcs = p.Arcs.ToArray();
        arcs[arc] = arcs[arc] with { Capacity = capacity };
        return MultiCommodityFlowLp.Solve(p with { Arcs = arcs }).Objective;
    }

    [Fact]
    public void Solve_MalformedProblem_ListsEveryProblem()
    {
        var problem = new MultiCommodityFlowProblem(2, [new(0, 5, -1, 1)], [new(1, 1, 3)], 0);

        var error = Should.Throw<ArgumentException>(() => MultiCommodityFlowLp.Solve(problem));

        error.Message.ShouldStartWith("The unserved penalty must be a positive finite number. Arc 0 joins nodes outside 0..1. Arc 0 needs a non-negative capacity and a non-negative finite cost. Demand 0 must join two distinct nodes in 0..1.");
    }
}

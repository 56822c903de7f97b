using Corridors.Flow;

namespace Corridors.Tests.Capacity;

public sealed class MaxFlowTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Solve_RandomGraphs_FlowEqualsMinCutAndBruteForceCut(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var n = random.Next(3, 9);
            var arcs = new List<FlowArc>();
            var m = random.Next(n, 4 * n);
            for (var i = 0; i < m; i++)
            {
                var from = random.Next(n);
                var to = random.Next(n);
                if (from != to)
                {
                    arcs.Add(new FlowArc(from, to, random.Next(0, 20)));
                }
            }

            var result = MaxFlow.Solve(n, arcs, 0, n - 1);

            result.MinCut.Sum(i => arcs[i].Capacity).ShouldBe(result.Value, 1e-9, $"seed {seed} round {round}");
            result.Value.ShouldBe(BruteForceMinCut(n, arcs), 1e-9, $"seed {seed} round {round}");
            AssertFeasible(n, arcs, result, $"seed {seed} round {round}");
        }
    }

    [Fact]
    public void Solve_InfinitePath_IsUnbounded()
    {
        FlowArc[] arcs = [new(0, 1, double.PositiveInfinity), new(1, 2, double.PositiveInfinity), new(0, 2, 5)];

        var result = MaxFlow.Solve(3, arcs, 0, 2);

        result.IsUnbounded.ShouldBeTrue();
        result.MinCut.ShouldBeEmpty();
    }

    [Fact]
    public void Solve_InfiniteArcBehindFiniteCut_IsBoundedByTheCut()
    {
        FlowArc[] arcs = [new(0, 1, 7), new(1, 2, double.PositiveInfinity), new(0, 2, 5)];

        var result = MaxFlow.Solve(3, arcs, 0, 2);

        result.Value.ShouldBe(12);
        result.MinCut.ShouldBe([0, 2], ignoreOrder: true);
    }

    private static void AssertFeasible(int n, List<FlowArc> arcs, MaxFlowResult result, string context)
    {
        var balance = new double[n];
        for (var i = 0; i < arcs.Count; i++)
        {
            result.Flow[i].ShouldBeInRange(-1e-9, arcs[i].Capacity + 1e-9, context);
            balance[arcs[i].From] -= result.Flow[i];
            balance[arcs[i].To] += result.Flow[i];
        }

        for (var v = 1; v < n - 1; v++)
        {
            balance[v].ShouldBe(0, 1e-9, context);
        }

        balance[n - 1].ShouldBe(result.Value, 1e-9, context);
    }

    private static double BruteForceMinCut(int n, List<FlowArc> arcs)
    {
        var best = double.PositiveInfinity;
        // Every set containing the source (bit 0) and not the sink (bit n-1).
        for (var set = 0; set < 1 << n; set++)
        {
            if ((set & 1) == 0 || (set & (1 << (n - 1))) != 0)
            {
                continue;
            }

            var capacity = arcs.Where(a => (set & (1 << a.From)) != 0 && (set & (1 << a.To)) == 0).Sum(a => a.Capacity);
            best = Math.Min(best, capacity);
        }

        return best;
    }
}

using Corridors.Network;
using Corridors.Routing;
using FsCheck.Xunit;

namespace Corridors.Tests.Routing;

public sealed class ParetoPropertyTests
{
    [Property(MaxTest = 200)]
    public void Pareto_RandomGraph_EqualsNonDominatedSetOfAllSimplePaths(int seed)
    {
        var (net, n, edges, _, _) = RandomNetworks.Graph(seed, 6, 3, modes: false, dwell: false);
        var router = new CorridorRouter(net.Build());
        var query = new RouteQuery { From = new NodeId(0), To = new NodeId(n - 1), DepartUtc = RandomNetworks.Monday };

        var expected = NonDominated(AllSimplePaths(edges, n, 0, n - 1));
        var result = router.Pareto(query);
        var actual = result.Routes.Select(r => Key(r.Totals.Hours, r.Totals.CostUsd, r.Totals.Co2eKg)).Distinct().Order().ToList();

        actual.ShouldBe(expected.Order().ToList(), $"seed {seed}");
    }

    [Property(MaxTest = 100)]
    public void Pareto_WithTransshipmentLimit_EveryRouteRespectsItAndTheFastestMatchesDijkstra(int seed)
    {
        var (net, n, _, _, _) = RandomNetworks.Graph(seed, 6, 3, modes: true, dwell: true);
        var router = new CorridorRouter(net.Build());
        var query = new RouteQuery { From = new NodeId(0), To = new NodeId(n - 1), DepartUtc = RandomNetworks.Monday, MaxTransshipments = 1 };
        var pareto = router.Pareto(query);
        var best = router.BestRoute(query);
        if (best is null)
        {
            pareto.Routes.ShouldBeEmpty($"seed {seed}");
            return;
        }

        pareto.Routes.ShouldAllBe(r => r.Totals.Transshipments <= 1, $"seed {seed}");
        pareto.Routes.Min(r => r.Totals.Hours).ShouldBe(best.Totals.Hours, 1e-9, $"seed {seed}");
    }

    private static string Key(double a, double b, double c) => FormattableString.Invariant($"{a:F6}|{b:F6}|{c:F6}");

    private static List<(double H, double C, double E)> AllSimplePaths(List<RandomNetworks.Edge> edges, int n, int s, int t)
    {
        var result = new List<(double, double, double)>();
        var visited = new bool[n];
        visited[s] = true;
        Walk(s, 0, 0, 0);
        return result;

        void Walk(int v, double h, double c, double e)
        {
            if (v == t)
            {
                result.Add((h, c, e));
                return;
            }

            foreach (var edge in edges)
            {
                if (edge.From == v && !visited[edge.To])
                {
                    visited[edge.To] = true;

                    // CO2e: 10 g/t-km default factor × 10 t per TEU × 1 TEU = 0.1 kg per km.
                    Walk(edge.To, h + edge.Hours, c + edge.Tariff, e + (edge.Km * 0.1));
                    visited[edge.To] = false;
                }
            }
        }
    }

    private static List<string> NonDominated(List<(double H, double C, double E)> points)
    {
        var keep = new HashSet<string>();
        foreach (var p in points)
        {
            var dominated = points.Any(q => q.H <= p.H && q.C <= p.C && q.E <= p.E && (q.H < p.H || q.C < p.C || q.E < p.E));
            if (!dominated)
            {
                keep.Add(Key(p.H, p.C, p.E));
            }
        }

        return [.. keep];
    }
}

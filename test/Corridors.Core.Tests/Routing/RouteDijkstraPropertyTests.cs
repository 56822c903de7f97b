using Corridors.Network;
using Corridors.Routing;
using FsCheck.Xunit;

namespace Corridors.Tests.Routing;

public sealed class RouteDijkstraPropertyTests
{
    [Property(MaxTest = 300)]
    public void BestRoute_RandomGraphWithDwell_MatchesBellmanFordOnEdgeStates(int seed)
    {
        var (net, n, edges, dwell, always) = RandomNetworks.Graph(seed, 7, 3, modes: true, dwell: true);
        var router = new CorridorRouter(net.Build());
        foreach (var objective in new[] { RouteObjective.Time, RouteObjective.Cost })
        {
            var query = new RouteQuery { From = new NodeId(0), To = new NodeId(n - 1), DepartUtc = RandomNetworks.Monday, Objective = objective };
            var expected = BellmanFord(edges, dwell, always, 0, n - 1, objective);
            var route = router.BestRoute(query);
            if (double.IsPositiveInfinity(expected))
            {
                route.ShouldBeNull($"seed {seed}: oracle finds no path");
                continue;
            }

            route.ShouldNotBeNull($"seed {seed}: oracle finds {expected}");
            var actual = objective == RouteObjective.Time ? route.Totals.Hours : route.Totals.CostUsd;
            actual.ShouldBe(expected, 1e-9, $"seed {seed}, {objective}");
        }
    }

    [Property(MaxTest = 200)]
    public void ShortestPath_RandomGraph_MatchesBellmanFord(int seed)
    {
        var rng = new Random(seed);
        var n = rng.Next(1, 12);
        var m = rng.Next(0, 4 * n);
        var tails = new int[m];
        var heads = new int[m];
        var w = new double[m];
        for (var i = 0; i < m; i++)
        {
            tails[i] = rng.Next(n);
            heads[i] = rng.Next(n);
            w[i] = rng.NextDouble() * 10;
        }

        // CSR by counting sort.
        var first = new int[n + 1];
        foreach (var t in tails)
        {
            first[t + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            first[v + 1] += first[v];
        }

        var next = first[..^1].ToArray();
        var head = new int[m];
        var weight = new double[m];
        for (var i = 0; i < m; i++)
        {
            var p = next[tails[i]]++;
            head[p] = heads[i];
            weight[p] = w[i];
        }

        var sp = new ShortestPath();
        sp.Run(first, head, weight, 0);
        var dist = new double[n];
        Array.Fill(dist, double.PositiveInfinity);
        dist[0] = 0;
        for (var round = 0; round < n; round++)
        {
            for (var i = 0; i < m; i++)
            {
                dist[heads[i]] = Math.Min(dist[heads[i]], dist[tails[i]] + w[i]);
            }
        }

        for (var v = 0; v < n; v++)
        {
            if (double.IsPositiveInfinity(dist[v]))
            {
                double.IsPositiveInfinity(sp.Distances[v]).ShouldBeTrue($"seed {seed}, node {v}");
            }
            else
            {
                sp.Distances[v].ShouldBe(dist[v], 1e-9, $"seed {seed}, node {v}");
            }
        }
    }

    /// <summary>
    /// Oracle written from the documented rules, independently of the engine: states are edges; taking f after e
    /// at node v costs f's hours plus v's dwell when v's rule is "always" or the mode changes.
    /// </summary>
    private static double BellmanFord(List<RandomNetworks.Edge> edges, double[] dwell, bool[] always, int s, int t, RouteObjective objective)
    {
        var m = edges.Count;
        var dist = new double[m];
        for (var i = 0; i < m; i++)
        {
            dist[i] = edges[i].From == s ? Weight(-1, i) : double.PositiveInfinity;
        }

        for (var round = 0; round < m + 1; round++)
        {
            for (var e = 0; e < m; e++)
            {
                for (var f = 0; f < m; f++)
                {
                    if (edges[e].To == edges[f].From)
                    {
                        dist[f] = Math.Min(dist[f], dist[e] + Weight(e, f));
                    }
                }
            }
        }

        var best = double.PositiveInfinity;
        for (var e = 0; e < m; e++)
        {
            if (edges[e].To == t)
            {
                best = Math.Min(best, dist[e]);
            }
        }

        return best;

        double Weight(int e, int f)
        {
            if (objective == RouteObjective.Cost)
            {
                return edges[f].Tariff;
            }

            var v = edges[f].From;
            var stop = e >= 0 && (always[v] || edges[e].Mode != edges[f].Mode);
            return edges[f].Hours + (stop ? dwell[v] : 0);
        }
    }
}

using Corridors.Network;
using Corridors.Testing;

namespace Corridors.Tests.Routing;

/// <summary>Seeded random small networks for property tests (the seed is in every failure message).</summary>
internal static class RandomNetworks
{
    public static readonly DateTime Monday = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    public sealed record Edge(int From, int To, TransportMode Mode, double Hours, double Tariff, double Km);

    public static (TestNetwork Net, int N, List<Edge> Edges, double[] Dwell, bool[] Always) Graph(int seed, int maxNodes, int edgesPerNode, bool modes, bool dwell)
    {
        var rng = new Random(seed);
        var n = rng.Next(2, maxNodes + 1);
        var net = new TestNetwork();
        var dw = new double[n];
        var always = new bool[n];
        for (var v = 0; v < n; v++)
        {
            dw[v] = dwell ? rng.Next(0, 6) : 0;
            always[v] = dwell && rng.Next(3) == 0;
            net.Node($"N{v}", dwellHours: dw[v], rule: always[v] ? DwellRule.Always : DwellRule.Transfer);
        }

        var edges = new List<Edge>();
        var m = rng.Next(0, (edgesPerNode * n) + 1);
        TransportMode[] pool = modes ? [TransportMode.Rail, TransportMode.Road, TransportMode.Ferry] : [TransportMode.Rail];
        for (var i = 0; i < m; i++)
        {
            var a = rng.Next(n);
            var b = rng.Next(n);
            if (a == b)
            {
                continue;
            }

            var e = new Edge(a, b, pool[rng.Next(pool.Length)], rng.Next(1, 11), rng.Next(1, 11), rng.Next(1, 11));
            edges.Add(e);
            net.Leg($"N{a}", $"N{b}", e.Hours, e.Km, e.Mode, tariffFixed: e.Tariff);
        }

        return (net, n, edges, dw, always);
    }
}

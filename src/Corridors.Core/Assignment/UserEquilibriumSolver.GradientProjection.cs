namespace Corridors.Assignment;

public sealed partial class UserEquilibriumSolver
{
    // Passes over the path sets after each shortest-path pass. A pass costs about a tenth of a shortest-path pass on
    // Chicago Sketch, so settling the flow well before generating paths again pays: 11 passes reach a gap of 1e-8 in
    // 16 iterations, where 4 passes needed 26 (bench/results/assignment/tntp.md).
    private const int EquilibrationPasses = 11;

    private double SolveGradientProjection(RunContext context)
    {
        var trips = context.Trips;
        var paths = new PathStore(_network.LinkCount);
        var derivative = new double[_flow.Length];
        var mark = new int[_flow.Length];
        var pairs = new List<(int Origin, int Destination, double Demand)>();
        var originStart = new int[trips.ZoneCount + 1];
        for (var o = 0; o < trips.ZoneCount; o++)
        {
            originStart[o] = pairs.Count;
            var row = trips.Row(o);
            for (var d = 0; d < row.Length; d++)
            {
                if (row[d] > 0 && d != o)
                {
                    pairs.Add((o, d, row[d]));
                }
            }
        }

        originStart[trips.ZoneCount] = pairs.Count;
        var pairPaths = new PathList[pairs.Count];
        var state = new ShiftState(derivative, mark);

        // Iteration 0: all-or-nothing at free flow, one path per pair.
        Array.Clear(_flow);
        UpdateCosts();
        var unreachable = 0.0;
        for (var o = 0; o < trips.ZoneCount; o++)
        {
            if (originStart[o] == originStart[o + 1])
            {
                continue;
            }

            _tree.Run(o, _cost);
            for (var k = originStart[o]; k < originStart[o + 1]; k++)
            {
                var (_, d, q) = pairs[k];
                if (double.IsPositiveInfinity(_tree.Distance[d]))
                {
                    unreachable += q;
                    continue;
                }

                var id = paths.Add(_tree.PredecessorLink, _network.Tail, o, d);
                paths.Flow[id] = q;
                pairPaths[k].Add(id);
                foreach (var e in paths.Links(id))
                {
                    _flow[e] += q;
                }
            }
        }

        UpdateCosts();
        for (var e = 0; e < derivative.Length; e++)
        {
            derivative[e] = _network.Derivative(e, _flow[e]);
        }

        for (var iteration = 0; ; iteration++)
        {
            // One shortest-path pass per iteration serves both the gap (every tree at the same costs) and column
            // generation: each pair's shortest path joins its set, and the shifts come after the pass.
            var totalTravelTime = TotalTravelTime();
            var shortest = 0.0;
            for (var o = 0; o < trips.ZoneCount; o++)
            {
                if (originStart[o] == originStart[o + 1])
                {
                    continue;
                }

                _tree.Run(o, _cost);
                var distance = _tree.Distance;
                for (var k = originStart[o]; k < originStart[o + 1]; k++)
                {
                    if (pairPaths[k].Count == 0)
                    {
                        continue;
                    }

                    var (_, d, q) = pairs[k];
                    shortest += q * distance[d];
                    paths.AddIfNew(ref pairPaths[k], _tree.PredecessorLink, _network.Tail, o, d);
                }
            }

            if (Record(context, iteration, RelativeGap(totalTravelTime, shortest)))
            {
                break;
            }

            for (var pass = 0; pass < EquilibrationPasses; pass++)
            {
                for (var k = 0; k < pairPaths.Length; k++)
                {
                    if (pairPaths[k].Count > 1)
                    {
                        Equilibrate(paths, ref pairPaths[k], state);
                    }
                }
            }
        }

        return unreachable;
    }

    /// <summary>One Newton shift of every costlier path of a pair towards its cheapest path.</summary>
    private void Equilibrate(PathStore paths, ref PathList list, ShiftState state)
    {
        if (list.Count < 2)
        {
            return;
        }

        var best = list[0];
        var bestCost = PathCost(paths, best);
        for (var i = 1; i < list.Count; i++)
        {
            var c = PathCost(paths, list[i]);
            if (c < bestCost)
            {
                best = list[i];
                bestCost = c;
            }
        }

        for (var i = 0; i < list.Count; i++)
        {
            var p = list[i];
            if (p == best)
            {
                continue;
            }

            var gap = PathCost(paths, p) - bestCost;
            if (gap <= 0)
            {
                continue;
            }

            var stamp = ++state.Stamp;
            var slope = 0.0;
            foreach (var e in paths.Links(best))
            {
                state.Mark[e] = stamp;
                slope += state.Derivative[e];
            }

            foreach (var e in paths.Links(p))
            {
                slope += state.Mark[e] == stamp ? -state.Derivative[e] : state.Derivative[e];
            }

            var available = paths.Flow[p];
            var shift = slope > 0 ? Math.Min(available, gap / slope) : available;
            if (shift <= 0)
            {
                continue;
            }

            paths.Flow[p] = available - shift;
            paths.Flow[best] += shift;
            foreach (var e in paths.Links(p))
            {
                Move(e, -shift, state);
            }

            foreach (var e in paths.Links(best))
            {
                Move(e, shift, state);
            }

            bestCost = PathCost(paths, best);
        }

        list.RemoveEmpty(paths.Flow);
    }

    private void Move(int e, double delta, ShiftState state)
    {
        var f = _flow[e] + delta;
        f = f < 0 ? 0 : f;
        _flow[e] = f;
        _cost[e] = _network.Cost(e, f);
        state.Derivative[e] = _network.Derivative(e, f);
    }

    private double PathCost(PathStore paths, int id)
    {
        var sum = 0.0;
        foreach (var e in paths.Links(id))
        {
            sum += _cost[e];
        }

        return sum;
    }

    private sealed class ShiftState(double[] derivative, int[] mark)
    {
        public double[] Derivative { get; } = derivative;

        public int[] Mark { get; } = mark;

        public int Stamp { get; set; }
    }

    /// <summary>The paths in use by one origin–destination pair (ids into a <see cref="PathStore"/>).</summary>
    private struct PathList
    {
        private int[]? _ids;

        public int Count { get; private set; }

        public readonly int this[int i] => _ids![i];

        public void Add(int id)
        {
            _ids ??= new int[2];
            if (Count == _ids.Length)
            {
                Array.Resize(ref _ids, Count * 2);
            }

            _ids[Count++] = id;
        }

        public void RemoveEmpty(double[] flow)
        {
            var kept = 0;
            for (var i = 0; i < Count; i++)
            {
                if (flow[_ids![i]] > 0)
                {
                    _ids[kept++] = _ids[i];
                }
            }

            // A pair always keeps one path, even if rounding emptied it.
            Count = Math.Max(kept, 1);
        }
    }

    /// <summary>Link sequences of all generated paths, in one growable array.</summary>
    private sealed class PathStore(int linkCount)
    {
        private int[] _links = new int[Math.Max(1024, linkCount)];
        private int[] _start = new int[1024];
        private int[] _length = new int[1024];
        private int _linkTotal;
        private int[] _scratch = new int[64];

        public double[] Flow { get; private set; } = new double[1024];

        public int Count { get; private set; }

        public ReadOnlySpan<int> Links(int id) => _links.AsSpan(_start[id], _length[id]);

        public int Add(ReadOnlySpan<int> predecessorLink, ReadOnlySpan<int> tail, int origin, int destination)
        {
            var n = Trace(predecessorLink, tail, origin, destination);
            return Store(n);
        }

        public void AddIfNew(ref PathList list, ReadOnlySpan<int> predecessorLink, ReadOnlySpan<int> tail, int origin, int destination)
        {
            var n = Trace(predecessorLink, tail, origin, destination);
            var candidate = _scratch.AsSpan(0, n);
            for (var i = 0; i < list.Count; i++)
            {
                if (Links(list[i]).SequenceEqual(candidate))
                {
                    return;
                }
            }

            list.Add(Store(n));
        }

        private int Trace(ReadOnlySpan<int> predecessorLink, ReadOnlySpan<int> tail, int origin, int destination)
        {
            var n = 0;
            for (var v = destination; v != origin;)
            {
                var e = predecessorLink[v];
                if (n == _scratch.Length)
                {
                    Array.Resize(ref _scratch, n * 2);
                }

                _scratch[n++] = e;
                v = tail[e];
            }

            return n;
        }

        private int Store(int n)
        {
            if (Count == _start.Length)
            {
                Array.Resize(ref _start, Count * 2);
                Array.Resize(ref _length, Count * 2);
                var flow = Flow;
                Array.Resize(ref flow, Count * 2);
                Flow = flow;
            }

            if (_linkTotal + n > _links.Length)
            {
                Array.Resize(ref _links, Math.Max(_links.Length * 2, _linkTotal + n));
            }

            _scratch.AsSpan(0, n).CopyTo(_links.AsSpan(_linkTotal));
            _start[Count] = _linkTotal;
            _length[Count] = n;
            _linkTotal += n;
            return Count++;
        }
    }
}

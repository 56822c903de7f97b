using Corridors.Network;

namespace Corridors.Routing;

/// <summary>
/// Single-objective, time-dependent, edge-based Dijkstra over the corridor network. A search state is
/// (edge arrived on, requirement bits collected, transshipments so far when bounded): edge-based so that dwell
/// and transshipments, which depend on the pair of consecutive legs, are exact; requirement bits so that via
/// points and required modes are exact; the transshipment layer so that a transshipment limit is exact.
/// Owns reusable workspaces; one instance per thread.
/// </summary>
public sealed class RouteDijkstra
{
    private readonly PriorityQueue<int, double> _queue = new();
    private double[] _dist = [];
    private double[] _time = [];
    private int[] _pred = [];
    private int[] _stamp = [];
    private bool[] _settled = [];
    private int _run;

    /// <summary>States settled by the last run (a work measure).</summary>
    public int SettledCount { get; private set; }

    /// <summary>
    /// Finds the path minimising the query objective. Returns the edges of the path in order, or null when no
    /// path satisfies the constraints.
    /// </summary>
    public EdgeId[]? Run(QueryWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var query = weights.Query;
        var network = weights.Graph.Network;
        var m = network.EdgeCount;
        var flagCount = 1 << weights.RequirementCount;
        var layers = query.MaxTransshipments is { } max ? max + 1 : 1;
        var states = (long)m * flagCount * layers;
        if (states > int.MaxValue / 2)
        {
            throw new ArgumentException("The query has too many via points or too high a transshipment limit for this network.", nameof(weights));
        }

        Ensure((int)states);
        _run++;
        if (_run == int.MaxValue)
        {
            Array.Clear(_stamp);
            _run = 1;
        }

        SettledCount = 0;
        _queue.Clear();
        var firstEdge = network.FirstEdge;
        var head = network.Head;
        var reqBits = weights.RequirementBits;
        var required = (int)weights.RequiredBits;
        var bounded = query.MaxTransshipments is not null; // a limit of 0 has one layer but is still a limit
        var target = query.To.Value;

        var source = query.From.Value;
        for (var e = firstEdge[source]; e < firstEdge[source + 1]; e++)
        {
            if (!weights.Step(-1, e, 0, out var step) || (bounded && step.Transshipments >= layers))
            {
                continue;
            }

            var state = StateOf(e, bounded ? step.Transshipments : 0, (int)reqBits[e], layers, flagCount);
            Relax(state, weights.Scalar(step), step.Hours, -1);
        }

        while (_queue.TryDequeue(out var state, out var key))
        {
            if (_settled[state] || key > _dist[state])
            {
                continue; // lazy deletion
            }

            _settled[state] = true;
            SettledCount++;
            var flags = state % flagCount;
            var rest = state / flagCount;
            var transshipments = rest % layers;
            var e = rest / layers;
            var v = head[e];
            if (v == target && flags == required)
            {
                return Path(state, flagCount, layers);
            }

            var time = _time[state];
            var dist = _dist[state];
            for (var f = firstEdge[v]; f < firstEdge[v + 1]; f++)
            {
                if (!weights.Step(e, f, time, out var step))
                {
                    continue;
                }

                var t = transshipments;
                if (bounded)
                {
                    t += step.Transshipments;
                    if (t >= layers)
                    {
                        continue;
                    }
                }

                var next = StateOf(f, t, flags | (int)reqBits[f], layers, flagCount);
                Relax(next, dist + weights.Scalar(step), time + step.Hours, state);
            }
        }

        return null;
    }

    private static int StateOf(int edge, int transshipments, int flags, int layers, int flagCount) =>
        (((edge * layers) + transshipments) * flagCount) + flags;

    private void Relax(int state, double dist, double time, int pred)
    {
        if (_stamp[state] != _run)
        {
            _stamp[state] = _run;
            _settled[state] = false;
        }
        else if (_settled[state] || dist >= _dist[state])
        {
            return;
        }

        _dist[state] = dist;
        _time[state] = time;
        _pred[state] = pred;
        _queue.Enqueue(state, dist);
    }

    private EdgeId[] Path(int state, int flagCount, int layers)
    {
        var count = 0;
        for (var s = state; s >= 0; s = _pred[s])
        {
            count++;
        }

        var path = new EdgeId[count];
        for (var s = state; s >= 0; s = _pred[s])
        {
            path[--count] = new EdgeId(s / flagCount / layers);
        }

        return path;
    }

    private void Ensure(int states)
    {
        if (_dist.Length >= states)
        {
            return;
        }

        var size = Math.Max(states, _dist.Length * 2);
        _dist = new double[size];
        _time = new double[size];
        _pred = new int[size];
        _stamp = new int[size];
        _settled = new bool[size];
        _run = 0;
    }
}

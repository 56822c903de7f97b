using Corridors.Network;

namespace Corridors.Routing;

/// <summary>Criteria of one Pareto-optimal path.</summary>
/// <param name="Hours">Door-to-door hours.</param>
/// <param name="CostUsd">Money for the consignment.</param>
/// <param name="Co2eKg">kg CO2e for the consignment.</param>
/// <param name="Risk">Risk points.</param>
/// <param name="Transshipments">Transshipments.</param>
public readonly record struct Criteria(double Hours, double CostUsd, double Co2eKg, double Risk, int Transshipments);

/// <summary>
/// Multi-criteria label-setting search (time, cost, CO2e, optionally risk) returning the non-dominated set of
/// paths. Labels live on edge-based states (edge, requirement bits) like <see cref="RouteDijkstra"/>; a label is
/// discarded when another label at its state dominates it, or when a label already at the target dominates it
/// even after adding lower bounds of the remaining time, cost, CO2e and risk (reverse Dijkstra on static weights).
/// When a transshipment limit is set, transshipments become a further criterion. The label count is bounded by
/// <see cref="RouteQuery.MaxLabels"/>. Owns reusable workspaces; one instance per thread.
/// </summary>
/// <remarks>
/// Time dependence: services are FIFO, so an earlier, cheaper label never loses to a later one on time, money
/// or CO2e. Risk accrues while waiting, so with <see cref="RouteQuery.ParetoIncludesRisk"/> on scheduled legs
/// the set is a close approximation rather than exact.
/// </remarks>
public sealed class ParetoSearch
{
    private readonly PriorityQueue<int, double> _queue = new();
    private readonly ShortestPath _bounds = new();
    private readonly List<int> _targets = [];
    private double[] _time = [];
    private double[] _cost = [];
    private double[] _co2 = [];
    private double[] _risk = [];
    private int[] _edge = [];
    private int[] _parent = [];
    private int[] _trans = [];
    private int[] _flags = [];
    private int[] _nextInBag = [];
    private bool[] _dead = [];
    private int _labels;
    private int[] _bagHead = [];
    private int[] _bagStamp = [];
    private int _run;
    private double[] _lbTime = [];
    private double[] _lbCost = [];
    private double[] _lbCo2 = [];
    private double[] _lbRisk = [];
    private double[] _scratch = [];
    private RouteQuery? _queryCache;
    private CorridorNetwork? _network;

    /// <summary>Labels created by the last run.</summary>
    public int LabelCount => _labels;

    /// <summary>True when the last run stopped at <see cref="RouteQuery.MaxLabels"/>.</summary>
    public bool HitLabelLimit { get; private set; }

    /// <summary>
    /// Runs the search and returns the non-dominated paths (edges in order) with their criteria, fastest first.
    /// Empty when no path satisfies the constraints.
    /// </summary>
    public IReadOnlyList<(EdgeId[] Path, Criteria Criteria)> Run(QueryWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var query = weights.Query;
        var graph = weights.Graph;
        var network = graph.Network;
        var m = network.EdgeCount;
        var flagCount = 1 << weights.RequirementCount;
        var states = (long)m * flagCount;
        if (states > int.MaxValue / 2)
        {
            throw new ArgumentException("The query has too many via points for this network.", nameof(weights));
        }

        EnsureStates((int)states, network.NodeCount, m);
        ComputeLowerBounds(weights);
        _run++;
        if (_run == int.MaxValue)
        {
            Array.Clear(_bagStamp);
            _run = 1;
        }

        _labels = 0;
        HitLabelLimit = false;
        _targets.Clear();
        _queue.Clear();
        var firstEdge = network.FirstEdge;
        var head = network.Head;
        var reqBits = weights.RequirementBits;
        var required = (int)weights.RequiredBits;
        var target = query.To.Value;
        var maxTrans = query.MaxTransshipments ?? int.MaxValue;

        var source = query.From.Value;
        if (double.IsPositiveInfinity(_lbTime[source]))
        {
            return [];
        }

        for (var e = firstEdge[source]; e < firstEdge[source + 1]; e++)
        {
            if (weights.Step(-1, e, 0, out var step) && step.Transshipments <= maxTrans)
            {
                TryAdd(e, (int)reqBits[e], -1, step.Hours, step.CostUsd, step.Co2eKg, step.Risk, step.Transshipments, flagCount, target, required);
            }
        }

        while (_queue.TryDequeue(out var label, out _))
        {
            if (_dead[label])
            {
                continue; // lazy deletion
            }

            if (_labels >= query.MaxLabels)
            {
                HitLabelLimit = true;
                break;
            }

            var e = _edge[label];
            var v = head[e];
            if (DominatedByTarget(v, _time[label], _cost[label], _co2[label], _risk[label], _trans[label]))
            {
                continue; // a result found since this label was queued already beats it
            }

            var flags = _flags[label];
            var time = _time[label];
            for (var f = firstEdge[v]; f < firstEdge[v + 1]; f++)
            {
                if (!weights.Step(e, f, time, out var step))
                {
                    continue;
                }

                var t = _trans[label] + step.Transshipments;
                if (t > maxTrans)
                {
                    continue;
                }

                TryAdd(f, flags | (int)reqBits[f], label, time + step.Hours, _cost[label] + step.CostUsd,
                    _co2[label] + step.Co2eKg, _risk[label] + step.Risk, t, flagCount, target, required);
            }
        }

        return Collect(flagCount);
    }

    private void TryAdd(int edge, int flags, int parent, double time, double cost, double co2, double risk, int trans, int flagCount, int target, int required)
    {
        var query = _queryCache!;
        var v = _network!.Head[edge];
        var eps = 1 + query.ParetoEpsilon;
        var useRisk = query.ParetoIncludesRisk;
        var useTrans = query.MaxTransshipments is not null;
        if (DominatedByTarget(v, time, cost, co2, risk, trans))
        {
            return;
        }

        var state = (edge * flagCount) + flags;
        if (_bagStamp[state] != _run)
        {
            _bagStamp[state] = _run;
            _bagHead[state] = -1;
        }

        var prev = -1;
        for (var l = _bagHead[state]; l >= 0; l = _nextInBag[l])
        {
            if (_time[l] <= time * eps && _cost[l] <= cost * eps && _co2[l] <= co2 * eps
                && (!useRisk || _risk[l] <= risk * eps) && (!useTrans || _trans[l] <= trans))
            {
                return; // dominated at its state
            }
        }

        for (var l = _bagHead[state]; l >= 0; l = _nextInBag[l])
        {
            if (time <= _time[l] && cost <= _cost[l] && co2 <= _co2[l] && (!useRisk || risk <= _risk[l]) && (!useTrans || trans <= _trans[l]))
            {
                _dead[l] = true;
                if (prev < 0)
                {
                    _bagHead[state] = _nextInBag[l];
                }
                else
                {
                    _nextInBag[prev] = _nextInBag[l];
                }
            }
            else
            {
                prev = l;
            }
        }

        var label = NewLabel();
        _time[label] = time;
        _cost[label] = cost;
        _co2[label] = co2;
        _risk[label] = risk;
        _edge[label] = edge;
        _parent[label] = parent;
        _trans[label] = trans;
        _flags[label] = flags;
        _dead[label] = false;
        _nextInBag[label] = _bagHead[state];
        _bagHead[state] = label;
        if (v == target && flags == required)
        {
            // Costs are non-negative, so a path that has reached the target with every requirement met is never
            // improved by going on; it is a result, not a label to expand.
            for (var i = _targets.Count - 1; i >= 0; i--)
            {
                var t = _targets[i];
                if (time <= _time[t] && cost <= _cost[t] && co2 <= _co2[t] && (!useRisk || risk <= _risk[t]) && (!useTrans || trans <= _trans[t]))
                {
                    _dead[t] = true;
                    _targets.RemoveAt(i);
                }
            }

            _targets.Add(label);
            return;
        }

        _queue.Enqueue(label, time);
    }

    private bool DominatedByTarget(int v, double time, double cost, double co2, double risk, int trans)
    {
        var query = _queryCache!;
        var eps = 1 + query.ParetoEpsilon;
        var useRisk = query.ParetoIncludesRisk;
        var useTrans = query.MaxTransshipments is not null;
        var lt = time + _lbTime[v];
        if (double.IsPositiveInfinity(lt))
        {
            return true;
        }

        var lc = cost + _lbCost[v];
        var le = co2 + _lbCo2[v];
        var lr = risk + _lbRisk[v];
        foreach (var t in _targets)
        {
            if (_time[t] <= lt * eps && _cost[t] <= lc * eps && _co2[t] <= le * eps
                && (!useRisk || _risk[t] <= lr * eps) && (!useTrans || _trans[t] <= trans))
            {
                return true;
            }
        }

        return false;
    }

    private IReadOnlyList<(EdgeId[] Path, Criteria Criteria)> Collect(int flagCount)
    {
        _ = flagCount;
        var result = new List<(EdgeId[], Criteria)>(_targets.Count);
        for (var i = 1; i < _targets.Count; i++)
        {
            // Insertion sort by time: the set is small, and this keeps the query free of closures.
            var t = _targets[i];
            var j = i - 1;
            while (j >= 0 && _time[_targets[j]] > _time[t])
            {
                _targets[j + 1] = _targets[j];
                j--;
            }

            _targets[j + 1] = t;
        }

        foreach (var t in _targets)
        {
            if (_dead[t])
            {
                continue;
            }

            var count = 0;
            for (var l = t; l >= 0; l = _parent[l])
            {
                count++;
            }

            var path = new EdgeId[count];
            for (var l = t; l >= 0; l = _parent[l])
            {
                path[--count] = new EdgeId(_edge[l]);
            }

            result.Add((path, new Criteria(_time[t], _cost[t], _co2[t], _risk[t], _trans[t])));
        }

        return result;
    }

    private void ComputeLowerBounds(QueryWeights weights)
    {
        var graph = weights.Graph;
        var network = graph.Network;
        var m = network.EdgeCount;
        var n = network.NodeCount;
        var blocked = weights.Blocked;
        _queryCache = weights.Query;
        _network = network;
        var hours = network.HoursExpected;
        var risk = graph.RiskPerHour;

        for (var pass = 0; pass < 4; pass++)
        {
            for (var e = 0; e < m; e++)
            {
                _scratch[e] = blocked[e] ? double.PositiveInfinity : pass switch
                {
                    0 => hours[e],
                    1 => weights.EdgeCostUsd[e],
                    2 => weights.EdgeCo2eKg[e],
                    _ => (double)hours[e] * risk[e],
                };
            }

            _bounds.RunReverse(graph.ReverseFirst, graph.ReverseEdges, network.Tail, _scratch.AsSpan(0, m), weights.Query.To.Value);
            var target = pass switch { 0 => _lbTime, 1 => _lbCost, 2 => _lbCo2, _ => _lbRisk };
            _bounds.Distances.CopyTo(target.AsSpan(0, n));
        }
    }

    private int NewLabel()
    {
        if (_labels == _time.Length)
        {
            var size = Math.Max(1024, _time.Length * 2);
            Array.Resize(ref _time, size);
            Array.Resize(ref _cost, size);
            Array.Resize(ref _co2, size);
            Array.Resize(ref _risk, size);
            Array.Resize(ref _edge, size);
            Array.Resize(ref _parent, size);
            Array.Resize(ref _trans, size);
            Array.Resize(ref _flags, size);
            Array.Resize(ref _nextInBag, size);
            Array.Resize(ref _dead, size);
        }

        return _labels++;
    }

    private void EnsureStates(int states, int nodes, int edges)
    {
        if (_bagHead.Length < states)
        {
            var size = Math.Max(states, _bagHead.Length * 2);
            _bagHead = new int[size];
            _bagStamp = new int[size];
            _run = 0;
        }

        if (_lbTime.Length < nodes)
        {
            var size = Math.Max(nodes, _lbTime.Length * 2);
            _lbTime = new double[size];
            _lbCost = new double[size];
            _lbCo2 = new double[size];
            _lbRisk = new double[size];
        }

        if (_scratch.Length < edges)
        {
            _scratch = new double[Math.Max(edges, _scratch.Length * 2)];
        }
    }
}

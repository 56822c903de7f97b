using System.Diagnostics;

namespace Corridors.Assignment;

/// <summary>
/// Solves the static user equilibrium (Wardrop's first principle) on a <see cref="TrafficNetwork"/> with BPR
/// link costs. One instance owns its flow, cost and shortest-path arrays; use one per thread.
/// </summary>
public sealed partial class UserEquilibriumSolver
{
    private readonly TrafficNetwork _network;
    private readonly ShortestPathTree _tree;
    private readonly double[] _flow;
    private readonly double[] _cost;
    private readonly double[] _nodeLoad;

    /// <summary>Creates a solver for <paramref name="network"/>.</summary>
    public UserEquilibriumSolver(TrafficNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _tree = new ShortestPathTree(network);
        _flow = new double[network.LinkCount];
        _cost = new double[network.LinkCount];
        _nodeLoad = new double[network.NodeCount];
    }

    /// <summary>Assigns <paramref name="trips"/> until the relative gap or the iteration limit is reached.</summary>
    /// <param name="trips">Demand between the network's zones.</param>
    /// <param name="options">Algorithm and stopping rule.</param>
    /// <param name="progress">Called after every iteration.</param>
    /// <param name="cancellationToken">Checked between iterations.</param>
    public AssignmentResult Solve(
        TripTable trips, AssignmentOptions options, Action<AssignmentIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trips);
        ArgumentNullException.ThrowIfNull(options);
        if (trips.ZoneCount != _network.ZoneCount)
        {
            throw new ArgumentException($"The trip table has {trips.ZoneCount} zones; the network has {_network.ZoneCount}.", nameof(trips));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.TargetGap);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIterations);
        var clock = Stopwatch.StartNew();
        var history = new List<AssignmentIteration>();
        var context = new RunContext(trips, options, progress, history, clock, cancellationToken);
        var unreachable = options.Method == AssignmentMethod.GradientProjection
            ? SolveGradientProjection(context)
            : SolveFrankWolfe(context);
        var status = unreachable > 0
            ? AssignmentStatus.Unreachable
            : history.Count > 0 && history[^1].RelativeGap <= options.TargetGap ? AssignmentStatus.Converged : AssignmentStatus.IterationLimit;
        var flow = new double[_flow.Length];
        var cost = new double[_flow.Length];
        var input = _network.InputIndex;
        for (var e = 0; e < flow.Length; e++)
        {
            flow[input[e]] = _flow[e];
            cost[input[e]] = _network.Cost(e, _flow[e]);
        }

        return new AssignmentResult(status, options.Method, flow, cost, history, unreachable);
    }

    private void UpdateCosts()
    {
        for (var e = 0; e < _cost.Length; e++)
        {
            _cost[e] = _network.Cost(e, _flow[e]);
        }
    }

    private double Beckmann(ReadOnlySpan<double> flow)
    {
        var sum = 0.0;
        for (var e = 0; e < flow.Length; e++)
        {
            sum += _network.Integral(e, flow[e]);
        }

        return sum;
    }

    /// <summary>
    /// Runs shortest paths from every origin with the current costs. Returns the shortest-path travel time
    /// (demand times shortest distance) and, when <paramref name="allOrNothing"/> is given, loads every
    /// origin's demand onto its tree there.
    /// </summary>
    private double ShortestPathPass(TripTable trips, Span<double> allOrNothing, out double unreachable)
    {
        allOrNothing.Clear();
        var load = !allOrNothing.IsEmpty;
        var total = 0.0;
        unreachable = 0;
        var tail = _network.Tail;
        for (var o = 0; o < trips.ZoneCount; o++)
        {
            var row = trips.Row(o);
            if (!HasDemand(row))
            {
                continue;
            }

            _tree.Run(o, _cost);
            var distance = _tree.Distance;
            for (var d = 0; d < row.Length; d++)
            {
                var q = row[d];
                if (q <= 0 || d == o)
                {
                    continue;
                }

                if (double.IsPositiveInfinity(distance[d]))
                {
                    unreachable += q;
                    continue;
                }

                total += q * distance[d];
            }

            if (load)
            {
                LoadTree(o, row, allOrNothing, tail);
            }
        }

        return total;
    }

    private void LoadTree(int origin, ReadOnlySpan<double> row, Span<double> target, ReadOnlySpan<int> tail)
    {
        var order = _tree.SettleOrder;
        var predecessor = _tree.PredecessorLink;
        foreach (var v in order)
        {
            _nodeLoad[v] = v < row.Length && v != origin ? row[v] : 0;
        }

        for (var i = order.Length - 1; i > 0; i--)
        {
            var v = order[i];
            var q = _nodeLoad[v];
            if (q > 0)
            {
                var e = predecessor[v];
                target[e] += q;
                _nodeLoad[tail[e]] += q;
            }
        }
    }

    private static bool HasDemand(ReadOnlySpan<double> row)
    {
        foreach (var q in row)
        {
            if (q > 0)
            {
                return true;
            }
        }

        return false;
    }

    private double TotalTravelTime()
    {
        var sum = 0.0;
        for (var e = 0; e < _flow.Length; e++)
        {
            sum += _flow[e] * _cost[e];
        }

        return sum;
    }

    private static double RelativeGap(double totalTravelTime, double shortestPathTime) =>
        totalTravelTime > 0 ? Math.Max(0, 1 - shortestPathTime / totalTravelTime) : 0;

    private bool Record(RunContext context, int iteration, double gap)
    {
        var entry = new AssignmentIteration(iteration, gap, Beckmann(_flow), context.Clock.Elapsed.TotalSeconds);
        context.History.Add(entry);
        context.Progress?.Invoke(entry);
        return gap <= context.Options.TargetGap || iteration >= context.Options.MaxIterations || context.CancellationToken.IsCancellationRequested;
    }

    private sealed record RunContext(
        TripTable Trips,
        AssignmentOptions Options,
        Action<AssignmentIteration>? Progress,
        List<AssignmentIteration> History,
        Stopwatch Clock,
        CancellationToken CancellationToken);
}

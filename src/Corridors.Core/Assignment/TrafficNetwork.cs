using Corridors.Network;

namespace Corridors.Assignment;

/// <summary>
/// One directed link of a <see cref="TrafficNetwork"/> with a BPR volume-delay function
/// <c>t(v) = FreeFlowTime · (1 + B · (v / Capacity)^Power)</c>.
/// </summary>
/// <param name="From">0-based tail node.</param>
/// <param name="To">0-based head node.</param>
/// <param name="Capacity">Practical capacity (the BPR denominator); must be positive when <paramref name="B"/> is.</param>
/// <param name="Length">Length, used only through a distance factor in the generalised cost.</param>
/// <param name="FreeFlowTime">Travel time at zero flow.</param>
/// <param name="B">BPR multiplier.</param>
/// <param name="Power">BPR exponent.</param>
/// <param name="Toll">Toll, used only through a toll factor in the generalised cost.</param>
/// <param name="Delay">A volume-delay term added to the BPR time (e.g. a simulated queue's wait against flow); null for none.</param>
public readonly record struct TrafficLink(
    int From,
    int To,
    double Capacity,
    double Length,
    double FreeFlowTime,
    double B,
    double Power,
    double Toll = 0,
    DelayCurve? Delay = null);

/// <summary>
/// A frozen network for traffic assignment: links in CSR order by tail node, with BPR parameters in parallel
/// arrays. Zones are nodes <c>0 .. ZoneCount-1</c>; a path may pass through a zone node only when its index is at
/// least <see cref="FirstThroughNode"/> (TNTP's <c>FIRST THRU NODE</c>, 0-based here).
/// </summary>
public sealed class TrafficNetwork
{
    private readonly int[] _firstLink;
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly int[] _inputIndex;
    private readonly double[] _capacity;
    private readonly double[] _freeFlowTime;
    private readonly double[] _b;
    private readonly double[] _power;
    private readonly double[] _fixedCost;
    private readonly DelayCurve?[] _delay;

    private TrafficNetwork(int nodeCount, int zoneCount, int firstThroughNode, TrafficLink[] links, double tollFactor, double distanceFactor)
    {
        NodeCount = nodeCount;
        ZoneCount = zoneCount;
        FirstThroughNode = firstThroughNode;
        // Grouped by tail, stable: the input order among a node's links is kept.
        var tails = new int[links.Length];
        for (var i = 0; i < tails.Length; i++)
        {
            tails[i] = links[i].From;
        }

        (_firstLink, var slotLink) = Csr.Group(nodeCount, tails);
        var m = links.Length;
        _head = new int[m];
        _tail = new int[m];
        _inputIndex = new int[m];
        _capacity = new double[m];
        _freeFlowTime = new double[m];
        _b = new double[m];
        _power = new double[m];
        _fixedCost = new double[m];
        _delay = new DelayCurve?[m];
        for (var e = 0; e < m; e++)
        {
            var i = slotLink[e];
            var link = links[i];
            _head[e] = link.To;
            _tail[e] = link.From;
            _inputIndex[e] = i;
            _capacity[e] = link.Capacity;
            _freeFlowTime[e] = link.FreeFlowTime;
            _b[e] = link.B;
            _power[e] = link.Power;
            _fixedCost[e] = tollFactor * link.Toll + distanceFactor * link.Length;
            _delay[e] = link.Delay;
        }
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>Number of links.</summary>
    public int LinkCount => _head.Length;

    /// <summary>Number of zones (nodes <c>0 .. ZoneCount-1</c>).</summary>
    public int ZoneCount { get; }

    /// <summary>0-based index of the first node that paths may pass through.</summary>
    public int FirstThroughNode { get; }

    /// <summary>CSR offsets: the links leaving node <c>v</c> are <c>FirstLink[v] .. FirstLink[v+1]-1</c>.</summary>
    public ReadOnlySpan<int> FirstLink => _firstLink;

    /// <summary>Head node of each link, in CSR order.</summary>
    public ReadOnlySpan<int> Head => _head;

    /// <summary>Tail node of each link, in CSR order.</summary>
    public ReadOnlySpan<int> Tail => _tail;

    /// <summary>Index of each CSR link in the list given to <see cref="Create"/>.</summary>
    public ReadOnlySpan<int> InputIndex => _inputIndex;

    /// <summary>BPR capacity of each link.</summary>
    public ReadOnlySpan<double> Capacity => _capacity;

    /// <summary>Free-flow time of each link.</summary>
    public ReadOnlySpan<double> FreeFlowTime => _freeFlowTime;

    /// <summary>Flow-independent part of each link's cost (toll and distance terms).</summary>
    public ReadOnlySpan<double> FixedCost => _fixedCost;

    /// <summary>Builds a network; links may come in any order.</summary>
    /// <param name="nodeCount">Number of nodes.</param>
    /// <param name="zoneCount">Number of zones (the first nodes).</param>
    /// <param name="firstThroughNode">0-based first node paths may pass through.</param>
    /// <param name="links">Links with 0-based node indices.</param>
    /// <param name="tollFactor">Weight of <see cref="TrafficLink.Toll"/> in the cost.</param>
    /// <param name="distanceFactor">Weight of <see cref="TrafficLink.Length"/> in the cost.</param>
    public static TrafficNetwork Create(
        int nodeCount, int zoneCount, int firstThroughNode, IReadOnlyList<TrafficLink> links, double tollFactor = 0, double distanceFactor = 0)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(zoneCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(zoneCount, nodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(firstThroughNode);
        var copy = links.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            var link = copy[i];
            if ((uint)link.From >= (uint)nodeCount || (uint)link.To >= (uint)nodeCount)
            {
                throw new ArgumentException($"Link {i} joins node {link.From} to node {link.To}, outside 0..{nodeCount - 1}.", nameof(links));
            }

            if (link.FreeFlowTime < 0 || link.B < 0 || link.Power < 0 || (link.B > 0 && !(link.Capacity > 0)))
            {
                throw new ArgumentException($"Link {i} has a negative time or BPR parameter, or a non-positive capacity with B > 0.", nameof(links));
            }
        }

        return new TrafficNetwork(nodeCount, zoneCount, firstThroughNode, copy, tollFactor, distanceFactor);
    }

    /// <summary>Cost of link <paramref name="e"/> at flow <paramref name="flow"/>.</summary>
    public double Cost(int e, double flow) => _fixedCost[e] + Time(e, flow);

    /// <summary>Travel time of link <paramref name="e"/> at flow <paramref name="flow"/>: BPR plus the link's delay curve.</summary>
    public double Time(int e, double flow) => _delay[e] is { } delay ? Bpr(e, flow) + delay.Hours(flow) : Bpr(e, flow);

    private double Bpr(int e, double flow)
    {
        var t0 = _freeFlowTime[e];
        var b = _b[e];
        if (b == 0 || t0 == 0 || flow <= 0)
        {
            return t0;
        }

        return t0 * (1 + b * Pow(flow / _capacity[e], _power[e]));
    }

    /// <summary>Derivative of the link cost with respect to flow.</summary>
    public double Derivative(int e, double flow) => _delay[e] is { } delay ? BprDerivative(e, flow) + delay.Derivative(flow) : BprDerivative(e, flow);

    private double BprDerivative(int e, double flow)
    {
        var t0 = _freeFlowTime[e];
        var b = _b[e];
        var p = _power[e];
        if (b == 0 || t0 == 0 || p == 0 || flow <= 0)
        {
            return 0;
        }

        var c = _capacity[e];
        return t0 * b * p * Pow(flow / c, p - 1) / c;
    }

    /// <summary>Integral of the link cost from 0 to <paramref name="flow"/> (the Beckmann term).</summary>
    public double Integral(int e, double flow) => _delay[e] is { } delay ? BprIntegral(e, flow) + delay.Integral(flow) : BprIntegral(e, flow);

    private double BprIntegral(int e, double flow)
    {
        if (flow <= 0)
        {
            return 0;
        }

        var t0 = _freeFlowTime[e];
        var b = _b[e];
        var p = _power[e];
        var fixedPart = (_fixedCost[e] + t0) * flow;
        return b == 0 || t0 == 0 ? fixedPart : fixedPart + t0 * b * flow * Pow(flow / _capacity[e], p) / (p + 1);
    }

    private static double Pow(double x, double p) => p switch
    {
        4 => x * x * (x * x),
        3 => x * x * x,
        2 => x * x,
        1 => x,
        0 => 1,
        _ => Math.Pow(x, p),
    };
}

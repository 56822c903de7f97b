namespace Corridors.Assignment;

/// <summary>
/// A volume-delay term read from points (flow, hours): linear between the points, the first point's hours below
/// the first flow, and the last segment's slope beyond the last point (a queue past saturation keeps growing). The
/// hours are made nondecreasing in flow (each point at least the one before), so the equilibrium's cost stays
/// monotone and its Beckmann objective convex; simulated points that dip from sampling noise are lifted. Immutable.
/// </summary>
public sealed class DelayCurve
{
    private readonly double[] _flow;
    private readonly double[] _hours;

    /// <summary>A curve through points (at least one; flows distinct and non-negative, hours non-negative).</summary>
    /// <param name="points">Points in any order.</param>
    public DelayCurve(IEnumerable<(double Flow, double Hours)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Flow).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A delay curve needs at least one point.", nameof(points));
        }

        _flow = new double[sorted.Length];
        _hours = new double[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var (flow, hours) = sorted[i];
            if (!(flow >= 0) || !(hours >= 0) || !double.IsFinite(flow) || !double.IsFinite(hours) || (i > 0 && flow <= _flow[i - 1]))
            {
                throw new ArgumentException("Delay curve points need distinct, finite, non-negative flows and hours.", nameof(points));
            }

            _flow[i] = flow;
            _hours[i] = i > 0 ? Math.Max(hours, _hours[i - 1]) : hours;
        }
    }

    /// <summary>The points after the monotone lift, by flow.</summary>
    public IReadOnlyList<(double Flow, double Hours)> Points => [.. _flow.Select((f, i) => (f, _hours[i]))];

    /// <summary>Hours at <paramref name="flow"/>.</summary>
    public double Hours(double flow)
    {
        var i = Segment(flow);
        return i < 0 ? _hours[0] : _hours[i] + (Slope(i) * (flow - _flow[i]));
    }

    /// <summary>Derivative of <see cref="Hours"/> at <paramref name="flow"/> (the right-hand one at a point).</summary>
    public double Derivative(double flow)
    {
        var i = Segment(flow);
        return i < 0 ? 0 : Slope(i);
    }

    /// <summary>Integral of <see cref="Hours"/> from 0 to <paramref name="flow"/>.</summary>
    public double Integral(double flow)
    {
        if (flow <= 0)
        {
            return 0;
        }

        var below = Math.Min(flow, _flow[0]);
        var sum = _hours[0] * below;
        for (var i = 0; i < _flow.Length && flow > _flow[i]; i++)
        {
            var end = i + 1 < _flow.Length ? Math.Min(flow, _flow[i + 1]) : flow;
            var width = end - _flow[i];
            sum += width * (_hours[i] + (0.5 * Slope(i) * width));
        }

        return sum;
    }

    // The segment whose left end is at or below flow: −1 below the first point; the last index beyond the last.
    private int Segment(double flow)
    {
        if (flow < _flow[0])
        {
            return -1;
        }

        var i = Array.BinarySearch(_flow, flow);
        return i >= 0 ? i : (~i) - 1;
    }

    // Slope of the segment starting at point i; beyond the last point the last segment's (0 for a single point).
    private double Slope(int i)
    {
        if (_flow.Length == 1)
        {
            return 0;
        }

        var a = Math.Min(i, _flow.Length - 2);
        return (_hours[a + 1] - _hours[a]) / (_flow[a + 1] - _flow[a]);
    }
}

namespace Corridors.Simulation;

/// <summary>
/// A TEU-weighted distribution of waiting times in one-hour bins (the last bin holds every longer wait), with the
/// exact weighted mean kept beside it. Adding is O(1) and allocation-free.
/// </summary>
public sealed class WaitHistogram
{
    private readonly double[] _bins;
    private double _sum;

    /// <summary>An empty histogram.</summary>
    /// <param name="maxHours">Hours covered by the bins; longer waits land in the last one.</param>
    public WaitHistogram(int maxHours = 4000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHours);
        _bins = new double[maxHours];
    }

    /// <summary>Total weight (TEU).</summary>
    public double Weight { get; private set; }

    /// <summary>Weighted mean wait, hours (0 when empty).</summary>
    public double Mean => Weight > 0 ? _sum / Weight : 0;

    /// <summary>Longest wait seen, hours.</summary>
    public double Max { get; private set; }

    /// <summary>Weight per one-hour bin.</summary>
    public ReadOnlySpan<double> Bins => _bins;

    /// <summary>Adds <paramref name="weight"/> TEU that waited <paramref name="hours"/>.</summary>
    public void Add(double hours, double weight)
    {
        if (!(weight > 0))
        {
            return;
        }

        var h = Math.Max(0, hours);
        _bins[Math.Min(_bins.Length - 1, (int)h)] += weight;
        _sum += h * weight;
        Weight += weight;
        Max = Math.Max(Max, h);
    }

    /// <summary>The wait below which a share <paramref name="p"/> of the weight lies, hours (linear within a bin).</summary>
    public double Quantile(double p)
    {
        if (Weight <= 0)
        {
            return 0;
        }

        var target = Math.Clamp(p, 0, 1) * Weight;
        var seen = 0.0;
        for (var i = 0; i < _bins.Length; i++)
        {
            if (_bins[i] > 0 && seen + _bins[i] >= target)
            {
                var within = (target - seen) / _bins[i];
                return Math.Min(Max, i + within);
            }

            seen += _bins[i];
        }

        return Max;
    }
}

using Corridors.Network;

namespace Corridors.Reliability;

/// <summary>How much one leg adds to the spread of the door-to-door time.</summary>
/// <param name="PathIndex">0-based position on the route.</param>
/// <param name="Label">Short label <c>FROM → TO (mode)</c>.</param>
/// <param name="From">Data id of the start node.</param>
/// <param name="To">Data id of the end node.</param>
/// <param name="Mode">Mode of the leg.</param>
/// <param name="MeanHours">Mean of the leg's time: dwell at its start node + wait + running.</param>
/// <param name="VarianceShare">
/// Cov(leg, total) / Var(total). The shares of all legs sum to 1; a negative share means the leg absorbs
/// delay (for example, a late arrival meets a departure sooner).
/// </param>
public sealed record LegContribution(int PathIndex, string Label, string From, string To, TransportMode Mode, double MeanHours, double VarianceShare);

/// <summary>One bar of a transit-time histogram.</summary>
/// <param name="FromDays">Lower edge (inclusive).</param>
/// <param name="ToDays">Upper edge (exclusive, except for the last bar).</param>
/// <param name="Count">Samples in the bar.</param>
public readonly record struct HistogramBin(double FromDays, double ToDays, int Count);

/// <summary>
/// The simulated door-to-door transit-time distribution of one route, with the seed and sample count that
/// reproduce it. Quantiles use linear interpolation between order statistics (Hyndman–Fan type 7).
/// </summary>
public sealed class ReliabilityResult
{
    private readonly double[] _sortedHours;

    internal ReliabilityResult(RoutePlan plan, int samples, long seed, double[] sortedHours, double meanHours, double varianceHours, IReadOnlyList<LegContribution> contributors)
    {
        Plan = plan;
        Samples = samples;
        Seed = seed;
        _sortedHours = sortedHours;
        MeanHours = meanHours;
        VarianceHours = varianceHours;
        Contributors = contributors;
    }

    /// <summary>The compiled route.</summary>
    public RoutePlan Plan { get; }

    /// <summary>Number of simulated trips.</summary>
    public int Samples { get; }

    /// <summary>Seed of the run.</summary>
    public long Seed { get; }

    /// <summary>Simulated door-to-door times in hours, ascending.</summary>
    public ReadOnlySpan<double> SortedHours => _sortedHours;

    /// <summary>Mean door-to-door time in hours.</summary>
    public double MeanHours { get; }

    /// <summary>Sample variance of the door-to-door time (hours²).</summary>
    public double VarianceHours { get; }

    /// <summary>Mean in days.</summary>
    public double MeanDays => MeanHours / 24;

    /// <summary>Standard deviation in days.</summary>
    public double StdDevDays => Math.Sqrt(VarianceHours) / 24;

    /// <summary>10th percentile in days.</summary>
    public double P10Days => QuantileDays(0.10);

    /// <summary>Median in days.</summary>
    public double P50Days => QuantileDays(0.50);

    /// <summary>90th percentile in days.</summary>
    public double P90Days => QuantileDays(0.90);

    /// <summary>95th percentile in days.</summary>
    public double P95Days => QuantileDays(0.95);

    /// <summary>Legs with their share of the variance, in route order.</summary>
    public IReadOnlyList<LegContribution> Contributors { get; }

    /// <summary>The <paramref name="p"/>-quantile (0–1) in hours.</summary>
    public double QuantileHours(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var h = (_sortedHours.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, _sortedHours.Length - 1);
        return _sortedHours[lo] + ((h - lo) * (_sortedHours[hi] - _sortedHours[lo]));
    }

    /// <summary>The <paramref name="p"/>-quantile (0–1) in days.</summary>
    public double QuantileDays(double p) => QuantileHours(p) / 24;

    /// <summary>Share of trips that take at most <paramref name="hours"/>.</summary>
    public double ProbabilityWithinHours(double hours)
    {
        // Upper bound: index of the first sample greater than hours.
        int lo = 0, hi = _sortedHours.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sortedHours[mid] <= hours)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (double)lo / _sortedHours.Length;
    }

    /// <summary>Probability of arriving by <paramref name="deadline"/>, leaving at the plan's departure time.</summary>
    public double OnTimeProbability(DateTimeOffset deadline) => ProbabilityWithinHours(HoursUntil(deadline));

    /// <summary>Expected days late after <paramref name="deadline"/> (0 for trips on time): E[max(0, T − deadline)].</summary>
    public double ExpectedLatenessDays(DateTimeOffset deadline)
    {
        var limit = HoursUntil(deadline);
        var late = 0.0;
        for (var i = _sortedHours.Length - 1; i >= 0 && _sortedHours[i] > limit; i--)
        {
            late += _sortedHours[i] - limit;
        }

        return late / _sortedHours.Length / 24;
    }

    /// <summary>
    /// Equal-width histogram from the minimum to the 99.5th percentile; the last bar also holds the slower
    /// trips so every sample is counted.
    /// </summary>
    public IReadOnlyList<HistogramBin> Histogram(int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var low = _sortedHours[0] / 24;
        var high = Math.Max(QuantileDays(0.995), low + 1e-9);
        var width = (high - low) / bins;
        var counts = new int[bins];
        foreach (var h in _sortedHours)
        {
            var b = (int)(((h / 24) - low) / width);
            counts[Math.Clamp(b, 0, bins - 1)]++;
        }

        var result = new HistogramBin[bins];
        for (var b = 0; b < bins; b++)
        {
            result[b] = new HistogramBin(low + (b * width), low + ((b + 1) * width), counts[b]);
        }

        return result;
    }

    private double HoursUntil(DateTimeOffset deadline) => (deadline - Plan.Departure).TotalHours;
}

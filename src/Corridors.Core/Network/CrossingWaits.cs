using System.Collections.Frozen;
using Corridors.Reliability;

namespace Corridors.Network;

/// <summary>The simulated wait of groupage cargo for one directed sea crossing: from arrival at the port to sailing.</summary>
/// <param name="MeanHours">TEU-weighted mean wait, hours.</param>
/// <param name="P90Hours">90th percentile, hours.</param>
public readonly record struct CrossingWait(double MeanHours, double P90Hours)
{
    /// <summary>
    /// The wait the Monte Carlo engine samples: a lognormal with exactly <see cref="MeanHours"/> as its mean and
    /// <see cref="P90Hours"/> as its 90th percentile where a lognormal can have both (P90 / mean between 1 and
    /// e^(z²/2) ≈ 2.27, z the 90 % normal quantile); outside that range the spread is clamped and the mean kept, so
    /// routing's deterministic wait (<see cref="MeanHours"/>) is always the expectation of what is sampled.
    /// </summary>
    public DelayDistribution Distribution
    {
        get
        {
            if (!(MeanHours > 0))
            {
                return DelayDistribution.Fixed(0);
            }

            const double z90 = 1.2815515655446004;
            var lnRatio = P90Hours > MeanHours ? Math.Log(P90Hours / MeanHours) : 0;
            var sigma = z90 - Math.Sqrt(Math.Max(0, (z90 * z90) - (2 * lnRatio)));
            return new DelayDistribution(DistributionKind.LogNormal, Math.Log(MeanHours) - (sigma * sigma / 2), sigma);
        }
    }
}

/// <summary>
/// Waits at congested sea crossings for one network year, computed outside Core (the Caspian crossing simulation of
/// the application layer) and frozen into a <see cref="CorridorNetwork"/> built for <see cref="ServiceLevel.Groupage"/>:
/// on a directed crossing it names, routing waits <see cref="CrossingWait.MeanHours"/> and the Monte Carlo engine
/// samples <see cref="CrossingWait.Distribution"/> instead of the services' headway (block trains keep their booked
/// sailings). Immutable and thread-safe.
/// </summary>
public sealed class CrossingWaits
{
    private readonly FrozenDictionary<(string Leg, string From), CrossingWait> _waits;

    /// <summary>A table of waits by (leg id, node the crossing starts from).</summary>
    /// <param name="year">Network year the waits were simulated for.</param>
    /// <param name="source">What computed them (recorded in explanations), e.g. the seeds and demand.</param>
    /// <param name="waits">Waits by (leg id, from node id).</param>
    public CrossingWaits(int year, string source, IEnumerable<KeyValuePair<(string Leg, string From), CrossingWait>> waits)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(waits);
        Year = year;
        Source = source;
        _waits = waits.ToFrozenDictionary();
    }

    /// <summary>Network year.</summary>
    public int Year { get; }

    /// <summary>What computed the waits.</summary>
    public string Source { get; }

    /// <summary>Number of directed crossings in the table.</summary>
    public int Count => _waits.Count;

    /// <summary>The directed crossings and their waits, ordered by leg then node.</summary>
    public IEnumerable<KeyValuePair<(string Leg, string From), CrossingWait>> Entries =>
        _waits.OrderBy(p => p.Key.Leg, StringComparer.Ordinal).ThenBy(p => p.Key.From, StringComparer.Ordinal);

    /// <summary>The wait on leg <paramref name="legId"/> leaving from node <paramref name="fromNodeId"/>.</summary>
    public bool TryGet(string legId, string fromNodeId, out CrossingWait wait) => _waits.TryGetValue((legId, fromNodeId), out wait);
}

namespace Corridors.Simulation;

/// <summary>One point of a wait curve: what the crossing did at one demand level (averaged over seeds).</summary>
/// <param name="DemandTeu">Demand offered to the whole crossing, TEU a year.</param>
/// <param name="MeanWaitHours">TEU-weighted mean wait from arrival at the port to sailing.</param>
/// <param name="P90WaitHours">90th percentile of that wait.</param>
/// <param name="ThroughputTeu">TEU that sailed in the year.</param>
/// <param name="BacklogTeu">TEU still waiting at the year's end.</param>
public readonly record struct WaitCurvePoint(double DemandTeu, double MeanWaitHours, double P90WaitHours, double ThroughputTeu, double BacklogTeu);

/// <summary>
/// The Caspian crossing's waiting time as a function of demand, for one line (or the whole crossing) in one network
/// year at one sea level and fleet, computed by <see cref="CrossingSimulation"/>. Routing and the Monte Carlo engine
/// read it with <see cref="WaitHours"/> at the demand they assume: linear between the simulated points, the first
/// point's wait below them, and the last segment's slope beyond the last point (a queue past saturation keeps
/// growing; callers that want to know use <see cref="IsSaturated"/>). Immutable and thread-safe.
/// </summary>
public sealed class CaspianWaitCurve
{
    private readonly WaitCurvePoint[] _points;

    /// <summary>A curve through simulated points (at least one; demand levels distinct).</summary>
    /// <param name="lineId">Line (service id), or <see cref="WholeCrossing"/>.</param>
    /// <param name="year">Network year.</param>
    /// <param name="seaLevelM">Sea level, m BS.</param>
    /// <param name="seeds">Seeds averaged per point.</param>
    /// <param name="points">Points in any order.</param>
    public CaspianWaitCurve(string lineId, int year, double seaLevelM, IReadOnlyList<long> seeds, IEnumerable<WaitCurvePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        LineId = lineId;
        Year = year;
        SeaLevelM = seaLevelM;
        Seeds = seeds;
        _points = [.. points.OrderBy(p => p.DemandTeu)];
        if (_points.Length == 0)
        {
            throw new ArgumentException("A wait curve needs at least one point.", nameof(points));
        }
    }

    /// <summary>The line id of the whole crossing (all lines pooled).</summary>
    public const string WholeCrossing = "*";

    /// <summary>Line (service id) or <see cref="WholeCrossing"/>.</summary>
    public string LineId { get; }

    /// <summary>Network year.</summary>
    public int Year { get; }

    /// <summary>Sea level, m BS.</summary>
    public double SeaLevelM { get; }

    /// <summary>Seeds averaged per point.</summary>
    public IReadOnlyList<long> Seeds { get; }

    /// <summary>The simulated points, by demand.</summary>
    public IReadOnlyList<WaitCurvePoint> Points => _points;

    /// <summary>Mean wait at a demand (TEU a year for the whole crossing), hours.</summary>
    public double WaitHours(double demandTeu) => Interpolate(demandTeu, static p => p.MeanWaitHours);

    /// <summary>90th-percentile wait at a demand, hours.</summary>
    public double P90Hours(double demandTeu) => Interpolate(demandTeu, static p => p.P90WaitHours);

    /// <summary>True when, at this demand, the simulated crossing ended the year with more than a week's demand waiting.</summary>
    public bool IsSaturated(double demandTeu) => Interpolate(demandTeu, static p => p.BacklogTeu) > demandTeu * 7 / 365;

    private double Interpolate(double x, Func<WaitCurvePoint, double> y)
    {
        if (_points.Length == 1 || x <= _points[0].DemandTeu)
        {
            return y(_points[0]);
        }

        var i = 1;
        while (i < _points.Length - 1 && x > _points[i].DemandTeu)
        {
            i++;
        }

        var a = _points[i - 1];
        var b = _points[i];
        var value = y(a) + ((y(b) - y(a)) * (x - a.DemandTeu) / (b.DemandTeu - a.DemandTeu));
        return Math.Max(0, value);
    }

    /// <summary>
    /// Simulates a crossing at each demand level with each seed and averages: one curve per line and one for the
    /// whole crossing (the last in the list).
    /// </summary>
    /// <param name="scenarioAt">The scenario at a demand level (TEU a year for the whole crossing) and seed.</param>
    /// <param name="demandsTeu">Demand levels.</param>
    /// <param name="seeds">Seeds (common to every level, so the curve is smooth in demand).</param>
    /// <param name="year">Network year (recorded).</param>
    /// <param name="seaLevelM">Sea level (recorded).</param>
    /// <param name="cancellationToken">Stops between runs.</param>
    public static IReadOnlyList<CaspianWaitCurve> Compute(Func<double, long, CrossingScenario> scenarioAt, IReadOnlyList<double> demandsTeu, IReadOnlyList<long> seeds, int year, double seaLevelM, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarioAt);
        ArgumentNullException.ThrowIfNull(demandsTeu);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        var simulation = new CrossingSimulation();
        var byLine = new Dictionary<string, List<WaitCurvePoint>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var demand in demandsTeu.Distinct().Order())
        {
            var sums = new Dictionary<string, (double Mean, double P90, double Thru, double Backlog)>(StringComparer.Ordinal);
            foreach (var seed in seeds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = simulation.Run(scenarioAt(demand, seed), null, cancellationToken);
                foreach (var line in result.Lines)
                {
                    var s = sums.GetValueOrDefault(line.Id);
                    sums[line.Id] = (s.Mean + line.MeanWaitHours, s.P90 + line.P90WaitHours, s.Thru + line.ShippedTeu, s.Backlog + line.BacklogTeu);
                }

                var w = sums.GetValueOrDefault(WholeCrossing);
                sums[WholeCrossing] = (w.Mean + result.Waits.Mean, w.P90 + result.Waits.Quantile(0.9), w.Thru + result.ShippedTeu, w.Backlog + result.BacklogTeu);
            }

            foreach (var (id, s) in sums)
            {
                if (!byLine.TryGetValue(id, out var list))
                {
                    byLine[id] = list = [];
                    order.Add(id);
                }

                var n = seeds.Count;
                list.Add(new WaitCurvePoint(demand, s.Mean / n, s.P90 / n, s.Thru / n, s.Backlog / n));
            }
        }

        return [.. order.Where(id => id != WholeCrossing).Append(WholeCrossing).Where(byLine.ContainsKey).Select(id => new CaspianWaitCurve(id, year, seaLevelM, seeds, byLine[id]))];
    }
}

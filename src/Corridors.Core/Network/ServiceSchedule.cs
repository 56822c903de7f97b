using System.Runtime.CompilerServices;

namespace Corridors.Network;

/// <summary>
/// The services of a <see cref="CorridorNetwork"/> frozen for its year into flat per-leg arrays: one merged
/// timetable of the scheduled services and the combined sail-when-full frequency of each leg. Routing and the
/// Monte Carlo engine both read it, so a departure is the same instant in both. Built once with the network;
/// immutable and safe to read from many threads.
/// </summary>
/// <remarks>
/// <para>
/// Time is counted in hours since <see cref="Epoch"/> (Monday 1970-01-05 00:00 UTC), so a service that does not
/// run every week (0.7 departures a week: every 240 h) has the same departures whatever week a query starts in.
/// </para>
/// <para>
/// Scheduled services. A service with departure days departs every week on each day at its hour (UTC). One without
/// days departs every 168 / <c>departures_per_week</c> hours from its hour on the epoch Monday. A leg's timetable
/// repeats every <see cref="PeriodHours(int)"/> = 168 × W hours, W the smallest number of weeks (at most
/// <see cref="MaxPeriodWeeks"/>) in which every scheduled service of the leg has a whole number of departures;
/// when no such W exists, each service's departure count over 52 weeks is rounded. The departure times of all
/// scheduled services of the leg are merged into one sorted list within the period.
/// </para>
/// <para>
/// Sail-when-full services have no timetable: their departures per week are summed into one frequency f, with mean
/// headway 168 / f hours. Both directions of a bidirectional leg share the leg's services.
/// </para>
/// </remarks>
public sealed class ServiceSchedule
{
    /// <summary>Hours in a week.</summary>
    public const double HoursPerWeek = 168.0;

    /// <summary>Longest timetable period in weeks; a leg whose services repeat only over a longer span is rounded to it.</summary>
    public const int MaxPeriodWeeks = 52;

    /// <summary>
    /// A departure at most this many hours (3.6 ms) before the ready time still counts as caught, so rounding in
    /// summed hours never turns a just-in-time connection into a wait of a whole headway.
    /// </summary>
    public const double DepartureToleranceHours = 1e-6;

    /// <summary>The parameter giving how often groupage trains leave an origin, per week.</summary>
    public const string GroupageDeparturesParameter = "groupage_departures_per_week";

    /// <summary>Monday 1970-01-05 00:00 UTC: hour 0 of every timetable.</summary>
    public static readonly DateTime Epoch = new(1970, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    private const double WholeDepartures = 1e-6;

    private readonly int[] _edgeLeg;
    private readonly double _originHeadway;
    private readonly Service[][] _active;
    private readonly int[] _timetableStart;
    private readonly double[] _departures;
    private readonly double[] _period;
    private readonly double[] _sailWhenFullPerWeek;
    private readonly double[] _sailWhenFullWait;
    private readonly CrossingWait?[]? _crossing;

    internal ServiceSchedule(NetworkDefinition definition, IReadOnlyList<Leg> legs, int[] edgeLeg, int year, ServiceLevel level, CrossingWait?[]? crossing = null)
    {
        _crossing = crossing;
        Year = year;
        Level = level;
        var perWeek = definition.Parameter(GroupageDeparturesParameter, 0);
        // Mean hours between groupage trains from an origin; 0 for a block train, which leaves when it is loaded.
        _originHeadway = level == ServiceLevel.Groupage && perWeek > 0 ? HoursPerWeek / perWeek : 0;
        _edgeLeg = edgeLeg;
        var count = legs.Count;
        _active = new Service[count][];
        _timetableStart = new int[count + 1];
        _period = new double[count];
        _sailWhenFullPerWeek = new double[count];
        _sailWhenFullWait = new double[count];
        var departures = new List<double>();
        var scheduled = new List<Service>();
        for (var l = 0; l < count; l++)
        {
            var active = definition.ServicesByLeg.TryGetValue(legs[l].Id, out var services)
                ? services.Where(s => s.Validity.IsActive(year)).ToArray()
                : [];
            _active[l] = active;
            scheduled.Clear();
            foreach (var s in active)
            {
                if (s.DeparturesPerWeek <= 0)
                {
                    continue;
                }

                if (s.Kind == ServiceKind.SailWhenFull)
                {
                    _sailWhenFullPerWeek[l] += s.DeparturesPerWeek;
                }
                else
                {
                    scheduled.Add(s);
                }
            }

            if (scheduled.Count > 0)
            {
                var (period, times) = MergedTimetable(scheduled);
                _period[l] = period;
                departures.AddRange(times);
            }

            _timetableStart[l + 1] = departures.Count;
            _sailWhenFullWait[l] = _sailWhenFullPerWeek[l] > 0 ? HoursPerWeek / (2 * _sailWhenFullPerWeek[l]) : double.PositiveInfinity;
        }

        _departures = [.. departures];
    }

    /// <summary>The year the services were frozen for.</summary>
    public int Year { get; }

    /// <summary>
    /// The service level the waits are for. Both levels wait for the next departure of a leg; a
    /// <see cref="ServiceLevel.Groupage"/> consignment also waits at its origin for the next groupage train,
    /// <see cref="OriginWaitHours(TransportMode)"/>.
    /// </summary>
    public ServiceLevel Level { get; }


    /// <summary>
    /// Hours between groupage departures for a route whose first leg is of <paramref name="firstMode"/>: the
    /// groupage headway for every start but a deep-sea ship (ocean box services are booked per container on their
    /// own weekly timetables, the ocean legs' services), else 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double OriginHeadwayHours(TransportMode firstMode) => firstMode == TransportMode.Ocean ? 0 : _originHeadway;

    /// <summary>Expected wait at the origin for cargo arriving at a random moment: half of <see cref="OriginHeadwayHours(TransportMode)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double OriginWaitHours(TransportMode firstMode) => OriginHeadwayHours(firstMode) / 2;

    /// <summary>Number of legs (the network's <see cref="CorridorNetwork.Legs"/>).</summary>
    public int LegCount => _active.Length;

    /// <summary>Hours from <see cref="Epoch"/> to <paramref name="utc"/> (read as UTC whatever its <see cref="DateTime.Kind"/>).</summary>
    public static double HoursSinceEpoch(DateTime utc) => (utc - Epoch).TotalHours;

    /// <summary>Hours from <see cref="Epoch"/> to <paramref name="instant"/>.</summary>
    public static double HoursSinceEpoch(DateTimeOffset instant) => (instant.UtcDateTime - Epoch).TotalHours;

    /// <summary>The services of leg <paramref name="leg"/> (index into <see cref="CorridorNetwork.Legs"/>) active in <see cref="Year"/>, in file order.</summary>
    public IReadOnlyList<Service> ActiveServices(int leg) => _active[leg];

    /// <summary>Length in hours of the merged timetable of leg <paramref name="leg"/>; 0 when it has no scheduled service.</summary>
    public double PeriodHours(int leg) => _period[leg];

    /// <summary>
    /// Departure times of leg <paramref name="leg"/>'s scheduled services, in hours after the start of a period
    /// (periods start at <see cref="Epoch"/>): sorted, distinct, in [0, <see cref="PeriodHours(int)"/>). Empty when
    /// the leg has no scheduled service.
    /// </summary>
    public ReadOnlySpan<double> DepartureHours(int leg) =>
        _departures.AsSpan(_timetableStart[leg], _timetableStart[leg + 1] - _timetableStart[leg]);

    /// <summary>Combined departures per week of leg <paramref name="leg"/>'s sail-when-full services; 0 when it has none.</summary>
    public double SailWhenFullPerWeek(int leg) => _sailWhenFullPerWeek[leg];

    /// <summary>
    /// Mean hours between sail-when-full departures of leg <paramref name="leg"/>: 168 / <see cref="SailWhenFullPerWeek(int)"/>;
    /// positive infinity when it has none.
    /// </summary>
    public double SailWhenFullHeadwayHours(int leg) =>
        _sailWhenFullPerWeek[leg] > 0 ? HoursPerWeek / _sailWhenFullPerWeek[leg] : double.PositiveInfinity;

    /// <summary>True when directed edge <paramref name="edge"/> has a timetable (a scheduled service on its leg).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool HasTimetable(int edge) => _period[_edgeLeg[edge]] > 0;

    /// <summary>True when directed edge <paramref name="edge"/> has a sail-when-full service on its leg.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool HasSailWhenFull(int edge) => _sailWhenFullPerWeek[_edgeLeg[edge]] > 0;

    /// <summary>True when directed edge <paramref name="edge"/> has any service: cargo waits for a departure there.</summary>
    public bool HasService(int edge)
    {
        var leg = _edgeLeg[edge];
        return _period[leg] > 0 || _sailWhenFullPerWeek[leg] > 0;
    }

    /// <summary>
    /// Hours to wait at the tail of <paramref name="edge"/>, for cargo ready at <paramref name="hoursSinceEpoch"/>,
    /// until the next departure of its timetable, after letting <paramref name="missed"/> departures go (the Monte
    /// Carlo missed-sailing model). A departure up to <see cref="DepartureToleranceHours"/> before the ready time
    /// counts as caught. Leaving later never departs earlier (FIFO). Positive infinity when the edge has no timetable.
    /// </summary>
    public double NextDepartureWaitHours(int edge, double hoursSinceEpoch, int missed = 0)
    {
        var leg = _edgeLeg[edge];
        var period = _period[leg];
        if (period <= 0)
        {
            return double.PositiveInfinity;
        }

        var start = _timetableStart[leg];
        var times = _departures.AsSpan(start, _timetableStart[leg + 1] - start);
        var position = hoursSinceEpoch - (period * Math.Floor(hoursSinceEpoch / period));
        if (position >= period)
        {
            position -= period;
        }

        // First departure not more than the tolerance before the ready time (binary search: timetables over many
        // weeks hold hundreds of departures).
        var threshold = position - DepartureToleranceHours;
        int lo = 0, hi = times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (times[mid] < threshold)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var next = lo + Math.Max(missed, 0);
        var wraps = next / times.Length;
        var wait = times[next - (wraps * times.Length)] + (wraps * period) - position;
        return wait > 0 ? wait : 0;
    }

    /// <summary>
    /// Expected wait for a sail-when-full departure of <paramref name="edge"/> for cargo arriving at a random moment
    /// on departures evenly spaced at the leg's combined frequency: half the mean headway. Positive infinity when the
    /// edge has no sail-when-full service.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double ExpectedSailWhenFullWaitHours(int edge) => _sailWhenFullWait[_edgeLeg[edge]];

    /// <summary>
    /// The simulated crossing wait of directed edge <paramref name="edge"/> (groupage networks built with
    /// <see cref="CrossingWaits"/>), or null: when set, it replaces the services' wait on that edge for routing
    /// (its mean) and for the Monte Carlo engine (its distribution).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CrossingWait? CrossingWaitOf(int edge) => _crossing?[edge];

    /// <summary>
    /// The wait routing uses at the tail of <paramref name="edge"/> for cargo ready at <paramref name="hoursSinceEpoch"/>:
    /// the simulated crossing wait's mean where the network carries one (<see cref="CrossingWaitOf"/>); else the
    /// sooner of the next timetabled departure (<see cref="NextDepartureWaitHours"/>) and the expected
    /// sail-when-full wait (<see cref="ExpectedSailWhenFullWaitHours"/>); 0 when the edge has no service. FIFO, as
    /// the minimum of two FIFO waits (a constant crossing wait is FIFO too).
    /// </summary>
    public double ExpectedWaitHours(int edge, double hoursSinceEpoch)
    {
        if (_crossing?[edge] is { } crossing && HasService(edge))
        {
            return crossing.MeanHours;
        }

        var leg = _edgeLeg[edge];
        var sailWhenFull = _sailWhenFullWait[leg];
        if (_period[leg] <= 0)
        {
            return double.IsFinite(sailWhenFull) ? sailWhenFull : 0;
        }

        return Math.Min(NextDepartureWaitHours(edge, hoursSinceEpoch), sailWhenFull);
    }

    private static (double Period, double[] Times) MergedTimetable(List<Service> services)
    {
        var weeks = PeriodWeeks(services);
        var period = HoursPerWeek * weeks;
        var times = new List<double>();
        foreach (var s in services)
        {
            if (s.DepartureDays.Count > 0)
            {
                for (var w = 0; w < weeks; w++)
                {
                    foreach (var day in s.DepartureDays)
                    {
                        // DayOfWeek counts from Sunday; the epoch (and every timetable week) starts on Monday.
                        times.Add(PositiveModulo((w * HoursPerWeek) + (((int)day + 6) % 7 * 24.0) + s.DepartureHour, period));
                    }
                }

                continue;
            }

            // Whole when the period fits every service; over 52 weeks otherwise, rounded.
            var count = Math.Max(1, (int)Math.Round(s.DeparturesPerWeek * weeks));
            var spacing = period / count;
            for (var k = 0; k < count; k++)
            {
                times.Add(PositiveModulo((k * spacing) + s.DepartureHour, period));
            }
        }

        times.Sort();
        var distinct = new List<double>(times.Count);
        foreach (var t in times)
        {
            if (distinct.Count == 0 || t - distinct[^1] > 1e-9)
            {
                distinct.Add(t);
            }
        }

        return (period, [.. distinct]);
    }

    /// <summary>Smallest W ≤ 52 in which every service has a whole number of departures; 52 (inexact) when none.</summary>
    private static int PeriodWeeks(List<Service> services)
    {
        for (var w = 1; w <= MaxPeriodWeeks; w++)
        {
            var whole = true;
            foreach (var s in services)
            {
                if (s.DepartureDays.Count > 0)
                {
                    continue;
                }

                var n = s.DeparturesPerWeek * w;
                if (Math.Abs(n - Math.Round(n)) > WholeDepartures)
                {
                    whole = false;
                    break;
                }
            }

            if (whole)
            {
                return w;
            }
        }

        return MaxPeriodWeeks;
    }

    private static double PositiveModulo(double x, double m)
    {
        var r = x % m;
        return r < 0 ? r + m : r;
    }
}

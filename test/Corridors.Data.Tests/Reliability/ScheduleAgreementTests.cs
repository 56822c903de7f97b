using System.Globalization;
using Corridors.Data;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Reliability;
using Corridors.Routing;

namespace Corridors.Tests.Reliability;

/// <summary>
/// On the bundled data, for every year 2020–2035 and every leg with an active service, routing and the Monte Carlo
/// engine wait for the same departures: both read <see cref="CorridorNetwork.Schedule"/>. (Here rather than in
/// Corridors.Core.Tests because the CSV loader lives in Corridors.Data; the sampler's one-step wait is internal to
/// Core, visible to this project.)
/// </summary>
public sealed class ScheduleAgreementTests(ITestOutputHelper output)
{
    private const int ReadyTimes = 50;
    private const int Draws = 20_000;

    private static readonly Lazy<(NetworkDefinition Definition, ReliabilityModel Model)> Bundled = new(() =>
    {
        var definition = NetworkLoader.Load(RepoPaths.Data).GetDefinitionOrThrow();
        var bag = new DiagnosticBag();
        var model = NetworkLoader.LoadReliability(RepoPaths.Data, bag, definition);
        bag.Items.Where(d => d.IsError).ShouldBeEmpty();
        return (definition, model);
    });

    public static TheoryData<int> Years => [.. Enumerable.Range(NetworkLoader.FirstYear, NetworkLoader.LastYear - NetworkLoader.FirstYear + 1)];

    /// <summary>
    /// Scheduled legs: routing's wait (<see cref="QueryWeights.Step"/> on a one-edge query) equals the Monte Carlo
    /// step's sampled wait with missed-sailing probability 0, for 50 ready times spread over two timetable periods,
    /// within 1e-6 h.
    /// </summary>
    [Theory]
    [MemberData(nameof(Years))]
    public void ScheduledLeg_FiftyReadyTimes_RoutingWaitEqualsMonteCarloWait(int year)
    {
        // At the block-train level nothing waits at the origin, so the first step's wait is the leg's own wait from t
        // (groupage first waits for its train, uniform in the Monte Carlo; the same expectation is checked elsewhere).
        var (definition, model) = Bundled.Value;
        var network = CorridorNetwork.Build(definition, year, ServiceLevel.BlockTrain);
        var graph = new RoutingGraph(network);
        var weights = new QueryWeights();
        var schedule = network.Schedule;
        var depart = new DateTime(year, 1, 15, 7, 30, 0, DateTimeKind.Utc);
        var compared = 0;
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (!schedule.HasTimetable(e) || schedule.HasSailWhenFull(e))
            {
                continue;
            }

            var leg = network.EdgeLeg[e];
            var period = schedule.PeriodHours(leg);
            weights.Prepare(graph, OneEdgeQuery(network, e, depart));
            var plan = model.Compile(network, [new EdgeId(e)], new DateTimeOffset(depart));
            var rng = new RandomStream((ulong)((year * 100_000) + e));
            for (var k = 0; k < ReadyTimes; k++)
            {
                var t = k * 2 * period / ReadyTimes;
                weights.Step(-1, e, t, out var step).ShouldBeTrue($"{network.Legs[leg].Id} closed at +{t} h in {year}");
                var sampled = RouteSampler.SampleServiceWait(plan, in plan.Steps[0], t, 0, ref rng);
                sampled.ShouldBe(step.WaitHours, 1e-6, $"{network.Legs[leg].Id} ready {t} h after {depart:u} in {year}");
            }

            compared++;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{year}: {compared} scheduled edges × {ReadyTimes} ready times agree"));
        compared.ShouldBeGreaterThan(0, "the bundled data has scheduled Black Sea services in every year");
    }

    /// <summary>
    /// Sail-when-full legs: routing's expected wait (half the mean headway, 168 / (2 f)) and the Monte Carlo mean of
    /// 20,000 seeded draws (no missed sailings) agree to a relative difference of at most CV² + 3 %, CV the
    /// coefficient of variation of the headway distribution after rescaling to the schedule's mean headway m.
    /// </summary>
    /// <remarks>
    /// The CV² term is the headway-variance term that routing's random-arrival formula leaves out: cargo arriving at
    /// a random moment waits E[H²] / (2 E[H]) = (m / 2)(1 + CV²), while routing takes m / 2 (evenly spaced
    /// departures), so the Monte Carlo mean is higher by CV² relative to routing's wait (CV²/2 relative to the
    /// headway). The 3 % cover sampling error (about 0.4 % at one standard error for 20,000 draws) with a wide margin.
    /// Without a <c>sailing-headway</c> rule the headway is fixed, CV = 0, and only sampling error remains.
    /// </remarks>
    [Theory]
    [MemberData(nameof(Years))]
    public void SailWhenFullLeg_MeanOf20000Draws_AgreesWithRoutingWithinHeadwayVarianceTerm(int year)
    {
        var (definition, model) = Bundled.Value;
        var network = CorridorNetwork.Build(definition, year);
        var graph = new RoutingGraph(network);
        var weights = new QueryWeights();
        var schedule = network.Schedule;
        var depart = new DateTime(year, 4, 6, 0, 0, 0, DateTimeKind.Utc);
        var compared = 0;
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (!schedule.HasSailWhenFull(e) || schedule.HasTimetable(e))
            {
                continue;
            }

            var leg = network.EdgeLeg[e];
            weights.Prepare(graph, OneEdgeQuery(network, e, depart));
            weights.Step(-1, e, 0, out var step).ShouldBeTrue($"{network.Legs[leg].Id} closed in April {year}");
            step.WaitHours.ShouldBe(schedule.SailWhenFullHeadwayHours(leg) / 2, 1e-9);

            var plan = model.Compile(network, [new EdgeId(e)], new DateTimeOffset(depart));
            var headway = plan.Steps[0].SailWhenFullHeadway;
            headway.Mean.ShouldBe(schedule.SailWhenFullHeadwayHours(leg), 1e-9, "the headway is rescaled to the schedule's mean");
            var rng = new RandomStream((ulong)((year * 100_000) + e));
            double sum = 0;
            for (var i = 0; i < Draws; i++)
            {
                sum += RouteSampler.SampleServiceWait(plan, in plan.Steps[0], 0, 0, ref rng);
            }

            var mean = sum / Draws;
            var cv2 = headway.Variance / (headway.Mean * headway.Mean);
            var relative = (mean - step.WaitHours) / step.WaitHours;
            var services = string.Join("+", schedule.ActiveServices(leg).Where(s => s.Kind == ServiceKind.SailWhenFull).Select(s => s.Id));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{year} {network.Legs[leg].Id}{(network.EdgeReversed[e] ? " (reverse)" : string.Empty)} [{services}]: routing {step.WaitHours:F3} h, MC {mean:F3} h, relative {relative:+0.0000;-0.0000}, CV² {cv2:F4}"));
            Math.Abs(relative).ShouldBeLessThanOrEqualTo(cv2 + 0.03, $"{network.Legs[leg].Id} in {year}");
            compared++;
        }

        compared.ShouldBeGreaterThan(0, "the bundled data has Caspian ferries in every year");
    }

    /// <summary>
    /// Simulated crossing waits (groupage): on every Caspian ferry and feeder edge of a network built with a
    /// <see cref="CrossingWaits"/> table, routing's wait is the table's mean to 1e-9 h and the mean of 20,000
    /// seeded Monte Carlo draws (no missed sailings) lies within four standard errors of it — the sampled
    /// distribution has exactly that mean, for spreads from none (P90 = mean) to beyond what a lognormal can take
    /// (P90 = 3 × mean, clamped). The block-train network built from the same table carries none of it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Years))]
    public void SimulatedCrossingWait_MeanOf20000Draws_EqualsRoutingWait(int year)
    {
        var (definition, model) = Bundled.Value;
        var plain = CorridorNetwork.Build(definition, year);
        var entries = new Dictionary<(string, string), CrossingWait>();
        for (var e = 0; e < plain.EdgeCount; e++)
        {
            var from = plain.Nodes[plain.Tail[e]];
            var to = plain.Nodes[plain.Head[e]];
            if (from.Sea == SeaArea.Caspian && to.Sea == SeaArea.Caspian && plain.Schedule.HasService(e))
            {
                var k = entries.Count;
                var mean = 5 + (37.0 * k);
                entries[(plain.LegOf(new EdgeId(e)).Id, from.Id)] = new CrossingWait(mean, mean * (1 + (0.5 * (k % 5))));
            }
        }

        entries.ShouldNotBeEmpty("the bundled data has Caspian ferries in every year");
        var table = new CrossingWaits(year, "test table", entries);
        var network = CorridorNetwork.Build(definition, year, ServiceLevel.Groupage, table);
        CorridorNetwork.Build(definition, year, ServiceLevel.BlockTrain, table).CrossingWaits.ShouldBeNull();
        var graph = new RoutingGraph(network);
        var weights = new QueryWeights();
        var depart = new DateTime(year, 4, 6, 0, 0, 0, DateTimeKind.Utc);
        var compared = 0;
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (network.Schedule.CrossingWaitOf(e) is not { } wait)
            {
                continue;
            }

            weights.Prepare(graph, OneEdgeQuery(network, e, depart));
            weights.Step(-1, e, 0, out var step).ShouldBeTrue($"{network.Legs[network.EdgeLeg[e]].Id} closed in April {year}");
            step.WaitHours.ShouldBe(wait.MeanHours, 1e-9);

            var plan = model.Compile(network, [new EdgeId(e)], new DateTimeOffset(depart));
            plan.Steps[0].SailWhenFullWait.Mean.ShouldBe(wait.MeanHours, 1e-9 * wait.MeanHours, "the sampled distribution has the routing wait as its mean");
            var rng = new RandomStream((ulong)((year * 100_000) + e));
            double sum = 0;
            for (var i = 0; i < Draws; i++)
            {
                sum += RouteSampler.SampleServiceWait(plan, in plan.Steps[0], 0, 0, ref rng);
            }

            var standardError = Math.Sqrt(plan.Steps[0].SailWhenFullWait.Variance / Draws);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{year} {network.Legs[network.EdgeLeg[e]].Id} from {network.Nodes[network.Tail[e]].Id}: routing {step.WaitHours:F2} h, MC {sum / Draws:F2} h (SE {standardError:F2}), P90/mean {wait.P90Hours / wait.MeanHours:F1}"));
            (sum / Draws).ShouldBe(wait.MeanHours, (4 * standardError) + (1e-9 * wait.MeanHours), $"{network.Legs[network.EdgeLeg[e]].Id} in {year}");
            compared++;
        }

        compared.ShouldBe(entries.Count);
    }

    private static RouteQuery OneEdgeQuery(CorridorNetwork network, int edge, DateTime depart) => new()
    {
        From = new NodeId(network.Tail[edge]),
        To = new NodeId(network.Head[edge]),
        DepartUtc = depart,
        AllowClosedCountries = true,
    };
}

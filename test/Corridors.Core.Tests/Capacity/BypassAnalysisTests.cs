using Corridors.Testing;
using Corridors.Capacity;
using Corridors.Network;

namespace Corridors.Tests.Capacity;

public sealed class BypassAnalysisTests
{
    private static readonly CapacityConversions Conversions = new(TeuPerTrain: 100, GrossTonnesPerTeu: 12);

    // CN → KZ (1,000) splits into a northern branch through RU (600) and a southern one through AZ (300 on the
    // ferry; the AZ port handles 250); both reach PL. XX is connected to nothing on the way.
    private static CorridorCapacities Corridor(int year = 2026)
    {
        var d = new TestNetwork()
            .Node("CN-A", "CN").Node("KZ-B", "KZ").Node("RU-C", "RU").Node("AZ-E", "AZ").Node("PL-D", "PL").Node("XX-F", "XX")
            .Leg("CN-A", "KZ-B", 10, id: "cn-kz", countries: ["CN", "KZ"])
            .Leg("KZ-B", "RU-C", 10, id: "kz-ru", countries: ["KZ", "RU"])
            .Leg("RU-C", "PL-D", 10, id: "ru-pl", countries: ["RU", "BY", "PL"])
            .Leg("KZ-B", "AZ-E", 10, mode: TransportMode.Ferry, id: "kz-az", countries: ["KZ", "AZ"])
            .Leg("AZ-E", "PL-D", 10, id: "az-pl", countries: ["AZ", "PL"])
            .Leg("XX-F", "PL-D", 10, id: "xx-pl", countries: ["XX", "PL"])
            .Definition();
        double? Teu(Leg l) => l.Id switch { "cn-kz" => 1000, "ru-pl" => 600, "kz-az" => 300, _ => null };
        var legs = d.Legs.Select(l => l with { CapacityTeuPerYear = Teu(l), CapacityTrainsPerDay = l.Id == "xx-pl" ? 1 : null }).ToList();
        var nodes = d.Nodes.Select(n => n.Id == "AZ-E" ? n with { HandlingTeuPerYear = 250 } : n).ToList();
        var definition = new NetworkDefinition(d.Countries, d.Passages, nodes, legs, d.Vessels, d.Services, d.EmissionFactors, d.Parameters);
        return CorridorCapacities.Freeze(CorridorNetwork.Build(definition, year), Conversions);
    }

    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.Ordinal);

    [Fact]
    public void Run_OpenNetwork_IsCappedByTheBorderCrossing()
    {
        var result = BypassAnalysis.Run(Corridor(), Set("CN"), Set("PL"), Set(), withSea: false);

        result.MaxFlowTeu.ShouldBe(850);
        result.MinCut.Select(c => (c.Kind, c.CapacityTeu)).ShouldBe([(CutElementKind.Edge, 600), (CutElementKind.Node, 250)]);
    }

    [Fact]
    public void Run_AvoidingRussia_LeavesThePortHandlingAsTheCut()
    {
        var capacities = Corridor();

        var result = BypassAnalysis.Run(capacities, Set("CN"), Set("PL"), Set("RU"), withSea: false);

        result.MaxFlowTeu.ShouldBe(250);
        result.MinCut.ShouldHaveSingleItem().ShouldBe(new CutElement(CutElementKind.Node, capacities.Network.Nodes.ToList().FindIndex(n => n.Id == "AZ-E"), 250));
    }

    [Fact]
    public void Run_AvoidingBelarus_ClosesTheLegThatCrossesIt()
    {
        BypassAnalysis.Run(Corridor(), Set("CN"), Set("PL"), Set("BY"), withSea: false).MaxFlowTeu.ShouldBe(250);
    }

    [Fact]
    public void Run_CountryOnNoPath_HasNoLeverage()
    {
        var capacities = Corridor();
        var open = BypassAnalysis.Run(capacities, Set("CN"), Set("PL"), Set(), withSea: false).MaxFlowTeu;

        var withoutXx = BypassAnalysis.Run(capacities, Set("CN"), Set("PL"), Set("XX"), withSea: false).MaxFlowTeu;

        (open - withoutXx).ShouldBe(0);
    }

    [Fact]
    public void Freeze_TrainsPerDay_ConvertsWithTeuPerTrain()
    {
        var capacities = Corridor();
        var network = capacities.Network;
        var edge = Enumerable.Range(0, network.EdgeCount).Single(e => network.Legs[network.EdgeLeg[e]].Id == "xx-pl");

        capacities.EdgeTeuPerYear[edge].ShouldBe(100 * 365);
        capacities.EdgeBasis[edge].ShouldBe(CapacityBasis.TrainsPerDay);
    }

    [Fact]
    public void Run_FlowRespectsEveryCapacity()
    {
        var capacities = Corridor();

        var result = BypassAnalysis.Run(capacities, Set("CN"), Set("PL"), Set(), withSea: false);

        for (var e = 0; e < capacities.Network.EdgeCount; e++)
        {
            result.EdgeFlowTeu[e].ShouldBeLessThanOrEqualTo(capacities.EdgeTeuPerYear[e] + 1e-9);
        }
    }
}

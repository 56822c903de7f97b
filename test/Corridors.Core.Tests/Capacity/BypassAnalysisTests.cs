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

public sealed class CorridorAssignmentTests
{
    [Fact]
    public void Solve_TwoBranches_ConservesFlowAndLoadsTheCheaperBranchFirst()
    {
        // A (CN) → B (KZ) then either B → C (RU, 10 h, capacity 100) → D (PL) or B → E (AZ, 30 h, uncapacitated) → D.
        var d = new TestNetwork()
            .Node("A", "CN").Node("B", "KZ").Node("C", "RU").Node("E", "AZ").Node("D", "PL")
            .Leg("A", "B", 5, id: "ab", countries: ["CN", "KZ"])
            .Leg("B", "C", 10, id: "bc", countries: ["KZ", "RU"])
            .Leg("C", "D", 10, id: "cd", countries: ["RU", "PL"])
            .Leg("B", "E", 30, id: "be", countries: ["KZ", "AZ"])
            .Leg("E", "D", 10, id: "ed", countries: ["AZ", "PL"])
            .Definition();
        var legs = d.Legs.Select(l => l.Id == "bc" ? l with { CapacityTeuPerYear = 100 } : l).ToList();
        var network = CorridorNetwork.Build(new NetworkDefinition(d.Countries, d.Passages, d.Nodes, legs, d.Vessels, d.Services, d.EmissionFactors, d.Parameters), 2026);
        var capacities = CorridorCapacities.Freeze(network, new CapacityConversions(100, 12));
        var demand = new RegionDemand("CN", new HashSet<string> { "CN" }, "PL", new HashSet<string> { "PL" }, 300);

        var flows = CorridorAssignment.Solve(capacities, [demand], new Corridors.Assignment.AssignmentOptions(TargetGap: 1e-8), cancellationToken: TestContext.Current.CancellationToken);

        double Flow(string leg) => Enumerable.Range(0, network.EdgeCount).Where(e => network.Legs[network.EdgeLeg[e]].Id == leg).Sum(e => flows.EdgeFlowTeu[e]);
        Flow("ab").ShouldBe(300, 1e-6);
        (Flow("bc") + Flow("be")).ShouldBe(300, 1e-6);
        Flow("cd").ShouldBe(Flow("bc"), 1e-6);
        // Equal times at equilibrium: 10 (1 + 0.15 (v/100)^4) + 10 = 30 + 10 → v = 100 · (20 / 1.5)^(1/4).
        Flow("bc").ShouldBe(100 * Math.Pow(20 / 1.5, 0.25), 1e-3);
        flows.UnservedTeu.ShouldBe(0);
    }
}

using Corridors.Capacity;
using Corridors.Flow;
using Corridors.Network;
using Corridors.Optimization;
using Corridors.Routing;
using Corridors.Testing;

namespace Corridors.Tests;

public sealed class CorridorSystemOptimumTests
{
    private const double Penalty = 5000;

    // CN → KZ (1,000 TEU/yr, USD 100) then PL through RU (USD 100 + 200, the RU–PL leg 600 TEU/yr) or through AZ
    // (ferry USD 300, 300 TEU/yr; the AZ port handles 250; then USD 200). An ocean leg CN → PL would carry anything.
    private static CorridorCapacities Corridor()
    {
        var d = new TestNetwork()
            .Node("CN-A", "CN").Node("KZ-B", "KZ").Node("RU-C", "RU").Node("AZ-E", "AZ").Node("PL-D", "PL")
            .Leg("CN-A", "KZ-B", 10, tariffFixed: 100, id: "cn-kz", countries: ["CN", "KZ"])
            .Leg("KZ-B", "RU-C", 10, tariffFixed: 100, id: "kz-ru", countries: ["KZ", "RU"])
            .Leg("RU-C", "PL-D", 10, tariffFixed: 200, id: "ru-pl", countries: ["RU", "BY", "PL"])
            .Leg("KZ-B", "AZ-E", 10, mode: TransportMode.Ferry, tariffFixed: 300, id: "kz-az", countries: ["KZ", "AZ"])
            .Leg("AZ-E", "PL-D", 10, tariffFixed: 200, id: "az-pl", countries: ["AZ", "PL"])
            .Leg("CN-A", "PL-D", 800, mode: TransportMode.Ocean, tariffFixed: 50, id: "sea", countries: [])
            .Definition();
        double? Teu(Leg l) => l.Id switch { "cn-kz" => 1000, "ru-pl" => 600, "kz-az" => 300, _ => null };
        var legs = d.Legs.Select(l => l with { CapacityTeuPerYear = Teu(l) }).ToList();
        var nodes = d.Nodes.Select(n => n.Id == "AZ-E" ? n with { HandlingTeuPerYear = 250 } : n).ToList();
        var definition = new NetworkDefinition(d.Countries, d.Passages, nodes, legs, d.Vessels, d.Services, d.EmissionFactors, d.Parameters);
        return CorridorCapacities.Freeze(CorridorNetwork.Build(definition, 2026), new CapacityConversions(100, 12));
    }

    private static RegionDemand CnToPl(double teu) => new("CN", new HashSet<string> { "CN" }, "PL", new HashSet<string> { "PL" }, teu);

    private static CorridorFlows Solve(CorridorCapacities capacities, double teu)
    {
        var (graph, problem) = CorridorAssignment.SystemOptimumProblem(
            capacities, new RoutingGraph(capacities.Network), [CnToPl(teu)], timeValueUsdPerTeuHour: 0, teuPerLoad: 2, Penalty);
        return CorridorAssignment.SystemOptimumFlows(graph, MultiCommodityFlowLp.Solve(problem));
    }

    private static int Edge(CorridorNetwork network, string leg) =>
        Enumerable.Range(0, network.EdgeCount).Single(e => network.Legs[network.EdgeLeg[e]].Id == leg && !network.EdgeReversed[e]);

    [Fact]
    public void SystemOptimum_DemandBeyondTheOverlandCut_LeavesTheRestUnservedAndPricesTheCut()
    {
        var capacities = Corridor();
        var network = capacities.Network;

        var flows = Solve(capacities, 1000);

        // Overland max flow is 600 + 250: the 150 TEU beyond it are unserved (the ocean leg is left out).
        flows.UnservedTeu.ShouldBe(150, 1e-6);
        flows.EdgeFlowTeu[Edge(network, "ru-pl")].ShouldBe(600, 1e-6);
        flows.EdgeFlowTeu[Edge(network, "kz-az")].ShouldBe(250, 1e-6);
        flows.EdgeFlowTeu[Edge(network, "sea")].ShouldBe(0);
        flows.Optimum!.Objective.ShouldBe((850 * 100) + (600 * 300) + (250 * 500) + (150 * Penalty), 1e-6);

        // One more TEU through RU saves the penalty less the RU path's USD 400; through the AZ port, less USD 600.
        flows.EdgeShadowPriceUsd![Edge(network, "ru-pl")].ShouldBe(Penalty - 400, 1e-6);
        network.TryGetNode("AZ-E", out var az).ShouldBeTrue();
        flows.NodeShadowPriceUsd![az.Value].ShouldBe(Penalty - 600, 1e-6);
        flows.EdgeShadowPriceUsd[Edge(network, "kz-az")].ShouldBe(0);
        flows.EdgeShadowPriceUsd[Edge(network, "cn-kz")].ShouldBe(0);
    }

    [Fact]
    public void SystemOptimum_DemandWithinCapacity_TakesTheCheapPathFirst()
    {
        var capacities = Corridor();
        var network = capacities.Network;

        var flows = Solve(capacities, 700);

        flows.UnservedTeu.ShouldBe(0, 1e-6);
        flows.EdgeFlowTeu[Edge(network, "ru-pl")].ShouldBe(600, 1e-6);
        flows.EdgeFlowTeu[Edge(network, "az-pl")].ShouldBe(100, 1e-6);
        // The RU leg is full and the AZ route (USD 200 dearer) carries the rest: its capacity is worth USD 200.
        flows.EdgeShadowPriceUsd![Edge(network, "ru-pl")].ShouldBe(200, 1e-6);
        for (var e = 0; e < network.EdgeCount; e++)
        {
            flows.EdgeFlowTeu[e].ShouldBeLessThanOrEqualTo(capacities.EdgeTeuPerYear[e] + 1e-6);
        }
    }
}

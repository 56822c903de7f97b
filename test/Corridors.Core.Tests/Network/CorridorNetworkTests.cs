using Corridors.Network;
using FsCheck;
using FsCheck.Fluent;

namespace Corridors.Tests.Network;

public sealed class CorridorNetworkTests
{
    private static readonly Provenance Src = new("assumption: unit-test fixture with made-up values");

    [Fact]
    public void Build_RandomEdgeLists_CsrRoundTripsEveryLeg()
    {
        // Property: for any set of legs, the CSR holds exactly one forward edge per leg and one reverse edge per
        // bidirectional leg, each under its tail's offsets.
        var gen =
            from n in Gen.Choose(1, 12)
            from m in Gen.Choose(0, 40)
            from legs in Gen.ArrayOf(
                from a in Gen.Choose(0, n - 1)
                from b in Gen.Choose(0, n - 1)
                from both in ArbMap.Default.GeneratorFor<bool>()
                select (a, b, both), m)
            select (n, legs);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (n, legs) = t;
            var definition = Definition(n, legs);
            var network = CorridorNetwork.Build(definition, 2025);

            var expected = new List<(int, int, string)>();
            foreach (var leg in definition.Legs)
            {
                var a = int.Parse(leg.From[1..], System.Globalization.CultureInfo.InvariantCulture);
                var b = int.Parse(leg.To[1..], System.Globalization.CultureInfo.InvariantCulture);
                expected.Add((a, b, leg.Id));
                if (leg.Bidirectional)
                {
                    expected.Add((b, a, leg.Id));
                }
            }

            var actual = new List<(int, int, string)>();
            for (var v = 0; v < network.NodeCount; v++)
            {
                for (var e = network.FirstEdge[v]; e < network.FirstEdge[v + 1]; e++)
                {
                    network.Tail[e].ShouldBe(v);
                    actual.Add((v, network.Head[e], network.Legs[network.EdgeLeg[e]].Id));
                }
            }

            return network.FirstEdge[network.NodeCount] == network.EdgeCount
                && actual.Order().SequenceEqual(expected.Order());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Build_PlannedLegBeforeItsOpeningYear_IsLeftOut()
    {
        var definition = Definition(3, [(0, 1, true), (1, 2, true)], planned: 1, openYear: 2030);

        CorridorNetwork.Build(definition, 2029).Legs.Count.ShouldBe(1);
        CorridorNetwork.Build(definition, 2030).Legs.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(InfrastructureStatus.Operational, null, null, 2020, true)]
    [InlineData(InfrastructureStatus.Operational, null, 2026, 2025, true)]
    [InlineData(InfrastructureStatus.Operational, null, 2026, 2026, false)]
    [InlineData(InfrastructureStatus.Operational, 2024, null, 2023, false)]
    [InlineData(InfrastructureStatus.Planned, null, null, 2035, false)]
    [InlineData(InfrastructureStatus.Planned, 2030, null, 2030, true)]
    [InlineData(InfrastructureStatus.UnderConstruction, 2027, null, 2026, false)]
    [InlineData(InfrastructureStatus.Closed, null, null, 2025, false)]
    [InlineData(InfrastructureStatus.Closed, 2010, 2022, 2021, true)]
    public void Validity_IsActive_FollowsStatusAndYears(InfrastructureStatus status, int? open, int? close, int year, bool expected)
    {
        new Validity(status, open, close).IsActive(year).ShouldBe(expected);
    }

    [Fact]
    public void CountryMask_AvoidedCountry_MarksEveryEdgeThatTouchesIt()
    {
        var definition = Definition(3, [(0, 1, true), (1, 2, false)]);
        var network = CorridorNetwork.Build(definition, 2025);
        var mask = network.CountryMaskOf(["BB"]);

        var touching = Enumerable.Range(0, network.EdgeCount).Count(e => (network.CountryMask[e] & mask) != 0);

        touching.ShouldBe(1); // only the forward-only leg 1→2 crosses BB
        network.CountryBit("ZZ").ShouldBe(-1);
    }

    internal static NetworkDefinition Definition(int nodes, (int From, int To, bool Both)[] legs, int planned = -1, int? openYear = null)
    {
        var countries = new[] { "AA", "BB" }.Select(c => new Country(c, c, [], false, false, 1, Src, default)).ToArray();
        var nodeList = Enumerable.Range(0, nodes).Select(i => new Node(
            "n" + i, "Node " + i, [], "AA", NodeKind.Junction, 40 + i, 60 + i, true, [1520], SeaArea.None,
            null, null, null, DwellRule.Transfer, null, null, Validity.Always, Src, default)).ToArray();
        var legList = legs.Select((l, i) => new Leg(
            "L" + i, "n" + l.From, "n" + l.To, TransportMode.Rail, l.Both, 100, 50, null, 1520, null, 0, 0.1, null, null, null,
            l.Both ? ["AA"] : ["AA", "BB"], [], null, null, null,
            i == planned ? new Validity(InfrastructureStatus.Planned, openYear, null) : Validity.Always, Src, default)).ToArray();
        return new NetworkDefinition(countries, [], nodeList, legList, [], [], [], []);
    }
}

public sealed class RouteQueryValidationTests
{
    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -5, 0)]
    [InlineData(0, 0, double.NaN)]
    public void GeneralizedWeights_NegativeOrNaN_Throws(double perHour, double perTonne, double perRisk)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Corridors.Routing.GeneralizedWeights(perHour, perTonne, perRisk));
    }

    [Fact]
    public void Cargo_NonPositiveTeu_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Corridors.Routing.Cargo(0));
        Should.Throw<ArgumentOutOfRangeException>(() => new Corridors.Routing.Cargo(2, CargoValueUsd: -1));
        new Corridors.Routing.Cargo(2).Teu.ShouldBe(2);
    }
}

using Corridors.Data;
using Corridors.Network;

namespace Corridors.Tests;

/// <summary>service_levels.csv on the bundled network: every row lands on its elements, and a block train is never slower.</summary>
public sealed class ServiceLevelDataTests
{
    private static readonly Lazy<NetworkDefinition> Definition = new(() => NetworkLoader.Load(RepoPaths.Data).GetDefinitionOrThrow());

    [Fact]
    public void BundledFigures_AreLoadedAndSourced()
    {
        var figures = Definition.Value.ServiceLevelFigures;

        figures.Count.ShouldBeGreaterThan(10);
        figures.ShouldAllBe(f => !string.IsNullOrWhiteSpace(f.Provenance.Source));
        figures.ShouldContain(f => f.Level == ServiceLevel.BlockTrain);
        figures.ShouldContain(f => f.Level == ServiceLevel.Groupage);
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2026)]
    public void BlockTrain_IsNeverSlowerThanGroupage_OnAnyLegOrNode(int year)
    {
        var groupage = CorridorNetwork.Build(Definition.Value, year, ServiceLevel.Groupage);
        var block = CorridorNetwork.Build(Definition.Value, year, ServiceLevel.BlockTrain);

        block.Legs.Count.ShouldBe(groupage.Legs.Count);
        for (var i = 0; i < block.Legs.Count; i++)
        {
            block.Legs[i].Id.ShouldBe(groupage.Legs[i].Id);
            block.Legs[i].RunningHoursExpected.ShouldBeLessThanOrEqualTo(groupage.Legs[i].RunningHoursExpected + 1e-9, block.Legs[i].Id);
        }

        for (var v = 0; v < block.NodeCount; v++)
        {
            var b = block.Nodes[v].DwellHours?.Mean ?? 0;
            var g = groupage.Nodes[v].DwellHours?.Mean ?? 0;
            b.ShouldBeLessThanOrEqualTo(g + 1e-9, block.Nodes[v].Id);
        }
    }

    [Fact]
    public void Figures_ReplaceTheLegsOwnTimes_ForTheirLevelAndYears()
    {
        var block = CorridorNetwork.Build(Definition.Value, 2026, ServiceLevel.BlockTrain);
        var groupage = CorridorNetwork.Build(Definition.Value, 2026, ServiceLevel.Groupage);
        var groupage2021 = CorridorNetwork.Build(Definition.Value, 2021, ServiceLevel.Groupage);

        Leg Of(CorridorNetwork n, string id) => n.Legs.Single(l => l.Id == id);
        Of(block, "T-CN-KZ-ALASHANKOU-DOSTYK").Hours.ShouldBe(new Triangular(4.25, 4.25, 9));
        Of(block, "T-CN-KZ-ALASHANKOU-DOSTYK").LevelFigure!.Id.ShouldBe("SL-BT-ALASHANKOU-DOSTYK");
        Of(groupage, "T-CN-KZ-ALASHANKOU-DOSTYK").Hours!.Value.Mode.ShouldBe(108.5);
        Of(groupage2021, "T-CN-KZ-ALASHANKOU-DOSTYK").Hours!.Value.Mode.ShouldBe(92.3);
        Of(groupage2021, "T-BY-BREST-PL-MALASZEWICZE").Hours!.Value.Mode.ShouldBe(240);
        Of(groupage, "T-BY-BREST-PL-MALASZEWICZE").LevelFigure.ShouldBeNull();
        Of(block, "R-AZ-ALAT-BEYUKKESIK").SpeedKmh.ShouldBe(26.4);
        Of(groupage, "R-AZ-ALAT-BEYUKKESIK").SpeedKmh.ShouldBe(17.9);
        block.Nodes.Single(n => n.Id == "AZ-ALAT").RollDwellHours.ShouldBe(new Triangular(6, 8, 12));
        groupage.Nodes.Single(n => n.Id == "AZ-ALAT").RollDwellHours.ShouldBe(new Triangular(6, 8, 12));
    }
}

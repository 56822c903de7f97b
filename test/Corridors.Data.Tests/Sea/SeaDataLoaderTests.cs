using Corridors.Data.Sea;
using Corridors.Diagnostics;
using Corridors.Sea;

namespace Corridors.Tests.Sea;

public sealed class SeaDataLoaderTests
{
    private static (SeaGraph Graph, DiagnosticBag Bag) Read(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "corridors-sea-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        var builder = new SeaGraphBuilder();
        var bag = new DiagnosticBag();
        SeaDataLoader.ReadNetwork(path, builder, bag);
        return (builder.Build(), bag);
    }

    [Fact]
    public void ReadNetwork_LineAndMultiLineStrings_AreAllRead()
    {
        var (graph, bag) = Read("""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"type":"ignored","coordinates":[[9,9],[8,8]]},"geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}},
              {"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[1,0],[2,0]],[[2,0],[2,1],[3,1]]]}}
            ]}
            """);

        bag.HasErrors.ShouldBeFalse();
        graph.VertexCount.ShouldBe(5);
        graph.BuildReport.InputLines.ShouldBe(3);
    }

    [Fact]
    public void ReadNetwork_PositionOutOfRange_IsCorr0120()
    {
        var (_, bag) = Read("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[200,0]]}}]}""");

        bag.Items.ShouldContain(d => d.Code == "CORR0120" && d.Message == "Feature 1 has a position that is not [lon, lat] within -180..180, -90..90.");
    }

    [Fact]
    public void ReadNetwork_BrokenJson_IsCorr0120WithLine()
    {
        var (_, bag) = Read("{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,0]]}}\n");

        var error = bag.Items.ShouldHaveSingleItem();
        error.Code.ShouldBe("CORR0120");
        error.Message.ShouldStartWith("The sea-lane network is not valid JSON");
    }

    [Fact]
    public void ReadNetwork_NotAFeatureCollection_IsCorr0120()
    {
        var (_, bag) = Read("""{"type":"Feature"}""");

        bag.Items.ShouldContain(d => d.Code == "CORR0120" && d.Message.Contains("no 'features' array", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_GateWithUnknownPassage_IsCorr0110AtItsCell()
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-sea-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "sea"));
        File.WriteAllText(Path.Combine(dir, "passages.csv"), "id,name,kind,countries,lat,lon,source\nsuez,Suez Canal,canal,EG,30.7,32.34,\"x, n.d.\"\n");
        File.WriteAllText(Path.Combine(dir, "sea", "marnet_densified.json"), """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}}]}""");
        File.WriteAllText(Path.Combine(dir, "sea", "gates.csv"), "id,lon1,lat1,lon2,lat2,source\nsuez,32,30.7,32.7,30.7,assumption: test\natlantis,0,1,0,-1,assumption: test\n");
        File.WriteAllText(Path.Combine(dir, "sea", "basins.csv"), "id,name,min_lon,min_lat,max_lon,max_lat,source\n");

        var result = SeaDataLoader.Load(dir);

        result.Graph.ShouldBeNull();
        var error = result.Diagnostics.Items.ShouldHaveSingleItem();
        error.ToString().ShouldEndWith("gates.csv(3,1): error CORR0110: Gate 'atlantis' names a passage that is not in passages.csv. Hint: Use a passage id from data/passages.csv.");
        Should.Throw<InputDataException>(() => result.GetGraphOrThrow());
    }

    [Theory]
    [InlineData("14000,366,,,", "gates.csv(2,31): error CORR0111: Gate 'panama' has a vessel size limit without a 'size_source'. Hint: Cite the canal authority's rules (publication, URL, date) or write 'assumption: <reason>'.")]
    [InlineData("14000.5,,,,x", "gates.csv(2,19): error CORR0103: Gate 'panama' has 'max_teu' = 14000.5, which is not a whole number of TEU.")]
    [InlineData(",,,,ACP 2016", "gates.csv(2,23): error CORR0102: Gate 'panama' has a 'size_source' but no max_teu, max_loa_m, max_beam_m or max_draft_m.")]
    [InlineData("0,,,,x", "gates.csv(2,19): error CORR0104: Gate 'panama' has 'max_teu' = 0, outside the allowed range 1–100000.")]
    public void Load_GateSizeLimitProblems_AreReportedAtTheirCells(string limitColumns, string expected)
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-sea-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "sea"));
        File.WriteAllText(Path.Combine(dir, "sea", "marnet_densified.json"), """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}}]}""");
        File.WriteAllText(Path.Combine(dir, "sea", "gates.csv"), $"id,lon1,lat1,lon2,lat2,source,max_teu,max_loa_m,max_beam_m,max_draft_m,size_source\npanama,0,1,0,-1,x,{limitColumns}\n");
        File.WriteAllText(Path.Combine(dir, "sea", "basins.csv"), "id,name,min_lon,min_lat,max_lon,max_lat,source\n");

        var result = SeaDataLoader.Load(dir);

        result.Graph.ShouldBeNull();
        result.Diagnostics.Items.ShouldHaveSingleItem().ToString().ShouldEndWith(expected);
    }

    [Fact]
    public void Load_GateSizeLimit_IsOnTheGate()
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-sea-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "sea"));
        File.WriteAllText(Path.Combine(dir, "sea", "marnet_densified.json"), """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}}]}""");
        File.WriteAllText(Path.Combine(dir, "sea", "gates.csv"), "id,lon1,lat1,lon2,lat2,source,max_teu,max_loa_m,max_beam_m,max_draft_m,size_source\npanama,0.5,1,0.5,-1,x,14000,366,51.25,15.2,ACP\nsuez,5,1,5,-1,x,,,,,\n");
        File.WriteAllText(Path.Combine(dir, "sea", "basins.csv"), "id,name,min_lon,min_lat,max_lon,max_lat,source\n");

        var graph = SeaDataLoader.Load(dir).GetGraphOrThrow();

        graph.Passages[graph.PassageBit("panama")].SizeLimit.ShouldBe(new PassageSizeLimit(14_000, 366, 51.25, 15.2, "ACP"));
        graph.Passages[graph.PassageBit("suez")].SizeLimit.ShouldBeNull();
        graph.PassagesClosedTo(14_001).ShouldBe(1UL << graph.PassageBit("panama"));
    }
}

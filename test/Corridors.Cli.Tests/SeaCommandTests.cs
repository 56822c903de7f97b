using System.Text.Json;

namespace Corridors.Tests;

/// <summary>The JSON contract of <c>corridors sea</c> (issue 4).</summary>
public sealed class SeaCommandTests
{
    [Fact]
    public void Sea_ShanghaiRotterdamJson_HasContractFields()
    {
        var (code, stdout, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", "CNSHA", "--to", "NLRTM", "--json");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var km = root.GetProperty("distanceKm").GetDouble();
        root.GetProperty("distanceNm").GetDouble().ShouldBe(km / 1.852, 0.1);
        root.GetProperty("hours").GetDouble().ShouldBe(km / 1.852 / 16, 0.1);
        root.GetProperty("passages").EnumerateArray().Select(p => p.GetString()).ShouldContain("suez");
        var geometry = root.GetProperty("geometry");
        geometry.GetProperty("type").GetString().ShouldBe("LineString");
        geometry.GetProperty("coordinates").GetArrayLength().ShouldBeGreaterThan(50);
    }

    [Theory]
    [InlineData("suez")]
    [InlineData("bab-el-mandeb")]
    public void Sea_ShanghaiRotterdam_RedSeaPassageAvoided_RoundsTheCapeWithDefaultVessel(string avoided)
    {
        var (code, stdout, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", "CNSHA", "--to", "NLRTM", "--avoid-passage", avoided, "--json", "--no-geometry");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var passages = root.GetProperty("passages").EnumerateArray().Select(p => p.GetString()).ToList();
        passages.ShouldContain("cape-good-hope");
        passages.ShouldNotContain("panama");
        passages.ShouldNotContain("suez");
        root.GetProperty("vesselTeu").GetInt32().ShouldBe(17_000);
        root.GetProperty("passagesTooSmall").EnumerateArray().Select(p => p.GetString()).ShouldContain("panama");
    }

    [Fact]
    public void Sea_SmallVessel_MayUsePanama_AndLargeVesselCannotBeForcedThroughIt()
    {
        var (code, stdout, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", "CNSHA", "--to", "NLRTM", "--avoid-passage", "suez", "--vessel-teu", "5000", "--json", "--no-geometry");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("passages").EnumerateArray().Select(p => p.GetString()).ShouldContain("panama");

        var (code2, stdout2, stderr2) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", "CNSHA", "--to", "NLRTM", "--via-passage", "panama", "--vessel-teu", "18000", "--json");
        code2.ShouldBe(0, stderr2);
        using var json2 = JsonDocument.Parse(stdout2);
        json2.RootElement.GetProperty("distanceKm").ValueKind.ShouldBe(JsonValueKind.Null);
        json2.RootElement.GetProperty("reason").GetString().ShouldBe("The passage 'panama' admits ships up to 14,000 TEU; the vessel is 18,000 TEU (--vessel-teu).");
    }

    [Fact]
    public void Sea_NegativeVesselTeu_IsUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", "CNSHA", "--to", "NLRTM", "--vessel-teu", "-1");

        code.ShouldNotBe(0);
        stderr.ShouldContain("error: --vessel-teu: The vessel size must be between 0 (no size limit) and 100000 TEU.");
    }

    [Fact]
    public void Sea_KnotsOption_ScalesHours()
    {
        var (_, stdout, _) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", "121.9,30.6", "--to", "4.0,51.95", "--knots", "20", "--json");

        using var json = JsonDocument.Parse(stdout);
        var nm = json.RootElement.GetProperty("distanceNm").GetDouble();
        json.RootElement.GetProperty("hours").GetDouble().ShouldBe(nm / 20, 0.1);
    }

    [Fact]
    public void Sea_FromCaspianPort_ReturnsNullDistanceWithReason()
    {
        var (code, stdout, _) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", "49.867,40.409", "--to", "NLRTM", "--json");

        code.ShouldBe(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("distanceKm").ValueKind.ShouldBe(JsonValueKind.Null);
        json.RootElement.GetProperty("reason").GetString()!.ShouldContain("Caspian Sea");
    }

    [Fact]
    public void Sea_PairsFile_ReturnsOneResultPerPairAndTimings()
    {
        var file = Path.Combine(Path.GetTempPath(), "corridors-pairs-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(file, "from_lon,from_lat,to_lon,to_lat\n121.9,30.6,4.0,51.95\n28.65,44.18,23.62,37.93,Constanta,Piraeus\n49.867,40.409,4.0,51.95\n");

        var (code, stdout, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--pairs", file, "--json", "--no-geometry");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var results = json.RootElement.GetProperty("results");
        results.GetArrayLength().ShouldBe(3);
        results[1].GetProperty("passages").EnumerateArray().Select(p => p.GetString()).ShouldBe(["bosporus", "dardanelles"]);
        results[1].GetProperty("from").GetProperty("name").GetString().ShouldBe("Constanta");
        results[2].GetProperty("distanceKm").ValueKind.ShouldBe(JsonValueKind.Null);
        results[0].TryGetProperty("geometry", out _).ShouldBeFalse();
        json.RootElement.GetProperty("queryMicrosecondsP50").GetDouble().ShouldBeGreaterThan(0);
        json.RootElement.GetProperty("totalSeconds").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Sea_PairsFileWithBadRow_ExitsTwoWithLocatedDiagnostic()
    {
        var file = Path.Combine(Path.GetTempPath(), "corridors-pairs-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(file, "121.9,30.6,4.0,51.95\n121.9,30.6,4.0\n");

        var (code, _, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--pairs", file);

        code.ShouldBe(2);
        stderr.ShouldContain("(2,1): error CORR0005: A pair row has 3 fields; expected 4");
    }

    [Theory]
    [InlineData("--avoid-passage", "atlantis", "Unknown passage 'atlantis'")]
    [InlineData("--knots", "0", "error: --knots: The speed must be at least 1 and at most 60 knots.")]
    public void Sea_BadOption_IsAUsageError(string option, string value, string message)
    {
        var (code, _, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", "CNSHA", "--to", "NLRTM", option, value);

        code.ShouldBe(1);
        stderr.ShouldContain(message);
    }

    [Fact]
    public void Sea_UnknownPort_SuggestsNames()
    {
        var (code, _, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", "Rotterdamm", "--to", "CNSHA");

        code.ShouldBe(1);
        stderr.ShouldContain("Unknown port 'Rotterdamm'. Did you mean: Rotterdam");
    }

    [Fact]
    public void Route_SuezAvoided_UsesCapeLegWithSeaLaneDistance()
    {
        // End to end: the ocean leg's distance comes from the sea-lane graph (same as 'sea --via-passage' with the
        // leg's own passages), and avoiding Suez picks the Cape variant. Iran is avoided: since issue 11 the sea-rail
        // land bridge Shanghai → Bandar Abbas → Iran → Türkiye is faster than the Cape.
        var (code, stdout, stderr) = CliRunner.Run("--data", RepoPaths.Data, "route", "--from", "Shanghai", "--to", "Rotterdam",
            "--require-mode", "ocean", "--avoid-passage", "suez", "--avoid", "IR", "--no-store", "--json");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var legs = json.RootElement.GetProperty("routes")[0].GetProperty("legs").EnumerateArray().ToList();
        var ocean = legs.Single(l => l.GetProperty("mode").GetString() == "ocean");
        ocean.GetProperty("leg").GetString().ShouldBe("O-SHA-RTM-CAPE");
        ocean.GetProperty("passages").EnumerateArray().Select(p => p.GetString()).ShouldContain("cape-good-hope");

        var (_, seaOut, _) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", "CN-SHANGHAI", "--to", "NL-ROTTERDAM",
            "--via-passage", "cape-good-hope", "--avoid-passage", "suez,bab-el-mandeb,malacca,panama,gibraltar", "--json", "--no-geometry");
        using var sea = JsonDocument.Parse(seaOut);
        ocean.GetProperty("km").GetDouble().ShouldBe(sea.RootElement.GetProperty("distanceKm").GetDouble(), 0.5);
    }
}

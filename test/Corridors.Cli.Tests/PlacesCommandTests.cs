using System.Text.Json;

namespace Corridors.Tests;

public sealed class PlacesCommandTests
{
    [Fact]
    public void Places_Json_ListsIdNameCountryKindLonLatAliases()
    {
        var (code, stdout, stderr) = CliRunner.Run("places", "--country", "GE", "--kind", "seaport", "--json");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var places = json.RootElement.GetProperty("places").EnumerateArray().ToList();
        places.Select(p => p.GetProperty("id").GetString()).ShouldContain("GE-POTI");
        var poti = places.Single(p => p.GetProperty("id").GetString() == "GE-POTI");
        foreach (var field in new[] { "name", "country", "kind", "lon", "lat", "aliases" })
        {
            poti.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        poti.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).ShouldContain("GEPTI");
    }

    [Fact]
    public void Places_Name_ResolvesAsRouteWould()
    {
        var (code, stdout, _) = CliRunner.Run("places", "Genova");

        code.ShouldBe(0);
        stdout.ShouldContain("Genoa (IT-GENOA)");
    }

    [Fact]
    public void Places_UnknownName_SuggestsAndExits1()
    {
        var (code, stdout, _) = CliRunner.Run("places", "Duisbrug");

        code.ShouldBe(1);
        stdout.ShouldContain("Did you mean Duisburg (DE-DUISBURG)?");
    }

    [Fact]
    public void Route_Coordinate_SaysWhichTerminalStandsInForIt()
    {
        var (code, stdout, stderr) = CliRunner.Run("route", "--from", "Xian", "--to", "44.8,41.7", "--no-store");

        code.ShouldBe(0, stderr);
        stdout.ShouldContain("note: '44.8,41.7' is a coordinate, not a network place: using Tbilisi (GE-TBILISI)");
    }

    [Fact]
    public void Route_AvoidCountryByName_IsAccepted()
    {
        var (code, _, stderr) = CliRunner.Run("compare", "--from", "Xian", "--to", "Duisburg", "--avoid", "Russia", "--no-store");

        code.ShouldBe(0, stderr);
    }

    [Fact]
    public void Places_Help_HasExamples()
    {
        var (code, stdout, _) = CliRunner.Run("places", "--help");

        code.ShouldBe(0);
        stdout.ShouldContain("Examples:");
        stdout.ShouldContain("corridors places --country KZ");
    }
}

public sealed class PlotOptionTests
{
    [Fact]
    public void Compare_PlotSvg_DrawsEveryCorridor()
    {
        var file = Path.Combine(Path.GetTempPath(), "corridors-tests", $"compare-{Guid.NewGuid():N}.svg");
        var (code, _, stderr) = CliRunner.Run("compare", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--percentile", "90", "--samples", "500", "--plot", file, "--no-store", "--summary");

        code.ShouldBe(0, stderr);
        var svg = File.ReadAllText(file);
        svg.ShouldContain("<svg");
        svg.ShouldContain("Sea via Cape");
        svg.ShouldContain("P10–P90");
        File.Delete(file);
    }

    [Fact]
    public void Reliability_PlotPng_WritesAPng()
    {
        var file = Path.Combine(Path.GetTempPath(), "corridors-tests", $"reliability-{Guid.NewGuid():N}.png");
        var (code, _, stderr) = CliRunner.Run("reliability", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--samples", "500", "--deadline", "2026-04-10", "--plot", file, "--no-store", "--json");

        code.ShouldBe(0, stderr);
        File.ReadAllBytes(file).Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        File.Delete(file);
    }

    [Fact]
    public void Compare_PlotWithAnotherExtension_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("compare", "--from", "Xian", "--to", "Duisburg", "--plot", "chart.pdf", "--no-store");

        code.ShouldBe(1);
        stderr.ShouldContain("--plot: the file must end in .svg or .png.");
    }
}

public sealed class NetworkDiffTests
{
    [Fact]
    public void Diff_2026To2030_ListsOpeningProjectsByName()
    {
        var (code, stdout, stderr) = CliRunner.Run("network", "diff", "--from", "2026", "--to", "2030", "--json");

        code.ShouldBe(0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var opens = json.RootElement.GetProperty("opens").EnumerateArray().ToList();
        var anaklia = opens.Single(o => o.GetProperty("id").GetString() == "GE-ANAKLIA");
        anaklia.GetProperty("name").GetString().ShouldBe("Port of Anaklia (planned)");
        anaklia.GetProperty("openYear").GetInt32().ShouldBe(2029);
        opens.ShouldContain(o => o.GetProperty("type").GetString() == "leg" && o.GetProperty("name").GetString()!.Contains(" – ", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_YearsOutOfRange_NamesBothOptions()
    {
        var (code, _, stderr) = CliRunner.Run("network", "diff", "--from", "1999", "--to", "2099");

        code.ShouldBe(1);
        stderr.ShouldContain("error: --from: 1999 is outside");
        stderr.ShouldContain("error: --to: 2099 is outside");
    }
}

public sealed class NetworkGeoJsonStyleTests
{
    [Fact]
    public void Export_WaterLegsFollowTheLanesAndFeaturesCarrySimplestyle()
    {
        var (code, stdout, stderr) = CliRunner.Run("export", "geojson", "--year", "2026");

        code.ShouldBe(0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        var ocean = features.First(f => f.GetProperty("properties").TryGetProperty("mode", out var m) && m.GetString() == "ocean");
        ocean.GetProperty("properties").GetProperty("geometry").GetString().ShouldBe("sea-lanes");
        ocean.GetProperty("geometry").GetProperty("coordinates").GetArrayLength().ShouldBeGreaterThan(2);
        foreach (var f in features)
        {
            var properties = f.GetProperty("properties");
            properties.TryGetProperty("title", out var title).ShouldBeTrue();
            title.GetString().ShouldNotBeNullOrEmpty();
            if (f.GetProperty("geometry").GetProperty("type").GetString() != "Point")
            {
                properties.GetProperty("stroke").GetString()!.ShouldStartWith("#");
            }
        }
    }
}

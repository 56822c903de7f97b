using System.Text.Json;

namespace Corridors.Tests;

/// <summary><c>route</c> and <c>compare</c>: the JSON contract, avoidance, relaxation, place names and GeoJSON.</summary>
public sealed class RouteCommandTests
{
    private static string Mini => Path.Combine(RepoPaths.Root, "test", "Corridors.Cli.Tests", "TestData", "mini");

    private static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement.Clone();

    private static string[] Corridors(JsonElement root) =>
        [.. root.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("corridor").GetString()!)];

    [Fact]
    public void Compare_MiniNetwork_ShowsMiddleNorthernAndSeaWithTheContractFields()
    {
        var (code, stdout, stderr) = CliRunner.Run("compare", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--json");

        code.ShouldBe(0, stderr);
        var root = Json(stdout);
        Corridors(root).ShouldBe([
            "Middle (Caspian ferry, Black Sea exit)", "Middle (Caspian ferry, BTK/Türkiye)", "Northern (Russia–Belarus)", "Sea via Suez", "Sea via Cape",
        ]);
        var route = root.GetProperty("routes")[0];
        foreach (var field in new[] { "days", "hours", "costUsd", "co2eKg", "borders", "transshipments" })
        {
            route.GetProperty("totals").GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Number, field);
        }

        route.GetProperty("countries")[0].GetString().ShouldBe("CN");
        route.GetProperty("passages").ValueKind.ShouldBe(JsonValueKind.Array);
        var leg = route.GetProperty("legs")[0];
        leg.GetProperty("from").GetProperty("id").GetString().ShouldBe("CN-XIAN");
        leg.GetProperty("from").GetProperty("name").GetString().ShouldBe("Xi'an");
        foreach (var field in new[] { "to", "mode", "km", "hours", "waitHours", "costUsd", "co2eKg", "country" })
        {
            leg.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        root.GetProperty("excluded")[0].GetProperty("corridor").GetString().ShouldBe("Southern (Iran)");
    }

    [Fact]
    public void Compare_AvoidRussia_NoRouteTouchesRussiaAndTheOutputSaysSo()
    {
        var (code, stdout, _) = CliRunner.Run("compare", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--avoid", "RU", "--json");
        var (_, text, _) = CliRunner.Run("compare", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--avoid", "ru");

        code.ShouldBe(0);
        var root = Json(stdout);
        root.GetProperty("routes").GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var r in root.GetProperty("routes").EnumerateArray())
        {
            r.GetProperty("countries").EnumerateArray().Select(c => c.GetString()).ShouldNotContain("RU");
        }

        var excluded = root.GetProperty("excluded").EnumerateArray().Single(x => x.GetProperty("corridor").GetString() == "Northern (Russia–Belarus)");
        excluded.GetProperty("reason").GetString().ShouldBe("Needs Russia (RU), which the query avoids.");
        // The console wraps long lines when output is redirected: compare with whitespace collapsed.
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        text.ShouldContain("Avoiding RU: no route below touches it.");
        text.ShouldContain("Not shown: Northern (Russia–Belarus) — Needs Russia (RU), which the query avoids.");
    }

    [Fact]
    public void Route_Impossible_PrintsEmptyRoutesReasonAndRelaxAndExitsZero()
    {
        var (code, stdout, _) = CliRunner.Run("route", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03",
            "--avoid", "KZ", "--avoid-mode", "ocean", "--json");

        code.ShouldBe(0);
        var root = Json(stdout);
        root.GetProperty("routes").GetArrayLength().ShouldBe(0);
        root.GetProperty("reason").GetString().ShouldBe("No route from Xi'an to Duisburg satisfies the constraints (avoid KZ; avoid modes ocean).");
        var relax = root.GetProperty("relax").EnumerateArray().ToList();
        relax.Select(r => r.GetProperty("constraint").GetString()).ShouldBe(["avoid:KZ", "avoid-mode:ocean"]);
        relax[1].GetProperty("route").GetProperty("corridor").GetString().ShouldBe("Sea via Suez");
    }

    [Fact]
    public void Route_Alternatives_AreDistinctCorridorsAndThePathIsEdgeIds()
    {
        var (code, stdout, stderr) = CliRunner.Run("route", "--data", Mini, "--from", "XI'AN", "--to", "duisburg", "--depart", "2026-03-03", "--alternatives", "3", "--json");

        code.ShouldBe(0, stderr);
        var root = Json(stdout);
        var names = Corridors(root);
        names.Length.ShouldBe(3);
        names.Distinct().Count().ShouldBe(3);
        var first = root.GetProperty("routes")[0];
        first.GetProperty("path").GetArrayLength().ShouldBe(first.GetProperty("legs").GetArrayLength());
    }

    [Fact]
    public void Route_Typo_ExitsOneWithASuggestion()
    {
        var (code, _, stderr) = CliRunner.Run("route", "--data", Mini, "--from", "Xain", "--to", "Duisburg");

        code.ShouldBe(1);
        stderr.ShouldContain("error: --from: 'Xain' is not a place in the network. Did you mean Xi'an (CN-XIAN)?");
    }

    [Theory]
    [InlineData("--usd-per-hour", "-5")]
    [InlineData("--usd-per-tco2", "-1")]
    [InlineData("--usd-per-risk", "-0.5")]
    [InlineData("--cargo-value", "-100")]
    public void Route_NegativePriceOrWeight_ExitsOne(string option, string value)
    {
        // Regression: a negative weight was accepted and rewarded endless detours (a 4,000-day "best" route).
        var (code, stdout, stderr) = CliRunner.Run("route", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--by", "generalized", option, value);

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain($"error: {option}: The value must be zero or more and at most 1e12 (got {value}).");
    }

    [Fact]
    public void Route_UnknownCountry_ExitsOne()
    {
        var (code, _, stderr) = CliRunner.Run("route", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--avoid", "XX");

        code.ShouldBe(1);
        stderr.ShouldContain("--avoid: 'XX' is not a country in the data");
    }

    [Fact]
    public void Route_GeoJson_WritesOneLineStringPerLeg()
    {
        var file = Path.Combine(Path.GetTempPath(), "corridors-route-" + Guid.NewGuid().ToString("N") + ".geojson");
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("route", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03",
                "--alternatives", "2", "--json", "--geojson", file);

            code.ShouldBe(0, stderr);
            var legs = Json(stdout).GetProperty("routes").EnumerateArray().Sum(r => r.GetProperty("legs").GetArrayLength());
            var geo = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
            geo.GetProperty("type").GetString().ShouldBe("FeatureCollection");
            var features = geo.GetProperty("features").EnumerateArray().ToList();
            features.Count.ShouldBe(legs);
            features.ShouldAllBe(f => f.GetProperty("geometry").GetProperty("type").GetString() == "LineString");
            features[0].GetProperty("properties").GetProperty("from").GetString().ShouldBe("CN-XIAN");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Compare_BundledData_XianDuisburgShowsMiddleNorthernAndSea()
    {
        var (code, stdout, stderr) = CliRunner.Run("compare", "--from", "Xian", "--to", "Duisburg", "--data", RepoPaths.Data, "--depart", "2026-03-03", "--json");

        code.ShouldBe(0, stderr);
        var routes = Json(stdout).GetProperty("routes").EnumerateArray().ToList();
        var families = routes.Select(r => r.GetProperty("family").GetString()).ToList();
        families.ShouldContain(f => f!.StartsWith("middle", StringComparison.Ordinal));
        families.ShouldContain("northern");
        families.ShouldContain(f => f!.StartsWith("sea", StringComparison.Ordinal));
        foreach (var r in routes)
        {
            // Plausibility bands for China–Europe door to door: 8–60 days, USD 500–20 000 per TEU.
            var totals = r.GetProperty("totals");
            totals.GetProperty("days").GetDouble().ShouldBeInRange(8, 60);
            totals.GetProperty("costUsd").GetDouble().ShouldBeInRange(500, 20_000);
            totals.GetProperty("co2eKg").GetDouble().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void Compare_BundledDataAvoidRussia_NoRouteTouchesRussia()
    {
        var (code, stdout, stderr) = CliRunner.Run("compare", "--from", "Xian", "--to", "Duisburg", "--data", RepoPaths.Data, "--depart", "2026-03-03", "--avoid", "RU", "--json");

        code.ShouldBe(0, stderr);
        var root = Json(stdout);
        root.GetProperty("routes").GetArrayLength().ShouldBeGreaterThan(0);
        root.GetProperty("routes").EnumerateArray().ShouldAllBe(r => r.GetProperty("countries").EnumerateArray().All(c => c.GetString() != "RU"));
        root.GetProperty("excluded").EnumerateArray().Select(x => x.GetProperty("corridor").GetString()).ShouldContain("Northern (Russia–Belarus)");
    }
}

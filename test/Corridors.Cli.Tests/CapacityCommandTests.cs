using System.Text.Json;

namespace Corridors.Tests;

public sealed class CapacityCommandTests
{
    private static string SiouxFalls(string file) => Path.GetFullPath(Path.Combine(
        Environment.GetEnvironmentVariable("CORRIDORS_TNTP") ?? Path.Combine(RepoPaths.Root, "..", "shared", "benchmarks", "tntp"), "SiouxFalls", file));

    [Fact]
    public void Bypass_UnknownRegionAndCountry_ListsEveryProblem()
    {
        var (code, _, stderr) = CliRunner.Run("bypass", "--from-region", "XQ", "--to-region", "EU", "--avoid", "RU,ZZ", "--no-store");

        code.ShouldBe(1);
        stderr.ShouldBe(
            "error: --from-region: 'XQ' is neither a country nor a membership in countries.csv.\n" +
            "error: --avoid: 'ZZ' is not a country in countries.csv.\n", StringCompareShould.IgnoreLineEndings);
    }

    [Fact]
    public void Bypass_AvoidingRussia_CutCapacitiesSumToTheMaxFlow()
    {
        var (code, stdout, stderr) = CliRunner.Run("bypass", "--from-region", "CN", "--to-region", "EU", "--avoid", "RU", "--json", "--no-store");

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var max = doc.RootElement.GetProperty("maxFlowTeu").GetDouble();
        var cut = doc.RootElement.GetProperty("minCut").EnumerateArray().Sum(c => c.GetProperty("capacityTeu").GetDouble());
        max.ShouldBeGreaterThan(0);
        cut.ShouldBe(max, 1.0 * doc.RootElement.GetProperty("minCut").GetArrayLength());
        doc.RootElement.GetProperty("avoided").EnumerateArray().Select(a => a.GetString()).ShouldBe(["RU"]);
    }

    [Fact]
    public void Leverage_WithRussiaClosed_SharesAreBetweenZeroAndOne()
    {
        var (code, stdout, stderr) = CliRunner.Run("leverage", "--from-region", "CN", "--to-region", "EU", "--avoid", "RU", "--json", "--no-store");

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var countries = doc.RootElement.GetProperty("countries").EnumerateArray().ToList();
        countries.ShouldNotBeEmpty();
        foreach (var c in countries)
        {
            c.GetProperty("share").GetDouble().ShouldBeInRange(0, 1);
        }

        countries.Select(c => c.GetProperty("code").GetString()).ShouldNotContain("RU");
    }

    [Fact]
    public void AssignTntp_SiouxFalls_ConvergesWithGapByIteration()
    {
        var (code, stdout, stderr) = CliRunner.Run("assign", "--tntp", SiouxFalls("SiouxFalls_net.tntp"), SiouxFalls("SiouxFalls_trips.tntp"), "--gap", "1e-6", "--json", "--no-store");

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("status").GetString().ShouldBe("converged");
        doc.RootElement.GetProperty("relativeGap").GetDouble().ShouldBeLessThanOrEqualTo(1e-6);
        doc.RootElement.GetProperty("links").GetArrayLength().ShouldBe(76);
        doc.RootElement.GetProperty("gapByIteration").GetArrayLength().ShouldBe(doc.RootElement.GetProperty("iterations").GetInt32() + 1);
    }

    [Fact]
    public void AssignTntp_MissingFileAndBadMethod_ReportProblems()
    {
        var (code, _, stderr) = CliRunner.Run("assign", "--tntp", "nowhere_net.tntp", "nowhere_trips.tntp", "--method", "xyz", "--no-store");

        code.ShouldBe(1);
        stderr.ShouldContain("error: --method: 'xyz' is not a method; use gp, bfw or fw.");

        var (dataCode, _, dataErr) = CliRunner.Run("assign", "--tntp", "nowhere_net.tntp", "nowhere_trips.tntp", "--no-store");

        dataCode.ShouldBe(2);
        dataErr.ShouldContain("nowhere_net.tntp: error CORR0001: The file cannot be read");
    }

    [Fact]
    public void AssignDemand_Bundled2024_ServesAllDemandAndReportsUtilisation()
    {
        var file = Path.Combine(RepoPaths.Data, "demand", "2024.csv");

        var (code, stdout, stderr) = CliRunner.Run("assign", "--demand", file, "--json", "--no-store");

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("year").GetInt32().ShouldBe(2024);
        doc.RootElement.GetProperty("demandTeu").GetDouble().ShouldBe(2_077_216);
        doc.RootElement.GetProperty("unservedTeu").GetDouble().ShouldBe(0);
        doc.RootElement.GetProperty("status").GetString().ShouldBe("converged");
        foreach (var leg in doc.RootElement.GetProperty("legs").EnumerateArray())
        {
            if (leg.GetProperty("capacityTeu").ValueKind == JsonValueKind.Number)
            {
                leg.GetProperty("utilisation").GetDouble().ShouldBe(leg.GetProperty("flowTeu").GetDouble() / leg.GetProperty("capacityTeu").GetDouble(), 1e-3);
            }
        }
    }

    [Fact]
    public void AssignDemand_SystemOptimum_GivesShadowPricesWithinCapacities()
    {
        var file = Path.Combine(RepoPaths.Data, "demand", "2024.csv");

        var (code, stdout, stderr) = CliRunner.Run("assign", "--demand", file, "--method", "so", "--json", "--no-store");

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        root.GetProperty("method").GetString().ShouldBe("so");
        root.GetProperty("status").GetString().ShouldBe("optimal");
        root.GetProperty("relativeGap").GetDouble().ShouldBeLessThan(1e-6);
        root.GetProperty("iterations").GetInt32().ShouldBeGreaterThan(0);
        root.GetProperty("unservedTeu").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        root.GetProperty("corridorShares").EnumerateObject().Select(p => p.Name).ShouldBe(["northern", "middle", "southern"]);
        root.GetProperty("optimum").GetProperty("solver").GetString().ShouldStartWith("Glop");
        var binding = 0;
        foreach (var leg in root.GetProperty("legs").EnumerateArray())
        {
            var price = leg.GetProperty("shadowPrice").GetDouble();
            price.ShouldBeGreaterThanOrEqualTo(0);
            if (leg.GetProperty("capacityTeu").ValueKind == JsonValueKind.Number)
            {
                var capacity = leg.GetProperty("capacityTeu").GetDouble();
                leg.GetProperty("flowTeu").GetDouble().ShouldBeLessThanOrEqualTo(capacity + 1);
                // Complementary slackness: only a full element can have a price.
                if (price > 0)
                {
                    binding++;
                    leg.GetProperty("flowTeu").GetDouble().ShouldBe(capacity, 1);
                }
            }
            else
            {
                price.ShouldBe(0);
            }
        }

        binding.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void AssignDemand_BadMethodPenaltyAndBothInputs_AreUsageErrors()
    {
        var file = Path.Combine(RepoPaths.Data, "demand", "2024.csv");

        var (code, _, stderr) = CliRunner.Run("assign", "--demand", file, "--method", "xyz", "--unserved-penalty", "-5", "--no-store");

        code.ShouldBe(1);
        stderr.ShouldContain("error: --method: 'xyz' is not a method; use ue (user equilibrium) or so (system optimum).");
        stderr.ShouldContain("error: --unserved-penalty: The unserved penalty must be a positive number of USD per TEU.");
        CliRunner.Run("assign", "--demand", file, "--tntp", "a", "b", "--no-store").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void ValidateModel_CapacityBelowObservedVolume_FailsWithTheReason() =>
        WithCases("too-busy,AZ-ALAT,AZ-ALAT,capacity-teu,best,value,200000,200000,10000000,2024-12-31,any,1", file =>
        {
            var (code, stdout, stderr) = CliRunner.Run("validate-model", "--cases", file, "--json", "--no-store");

            code.ShouldBe(0, stderr);
            using var doc = JsonDocument.Parse(stdout);
            var c = doc.RootElement.GetProperty("cases")[0];
            c.GetProperty("pass").GetBoolean().ShouldBeFalse();
            c.GetProperty("model").GetDouble().ShouldBe(100_000);
            c.GetProperty("reason").GetString().ShouldBe("The model's capacity 100,000 TEU/yr is below the band 200,000–10,000,000: the element carried 200,000 TEU that year.");

            File.WriteAllText(file, File.ReadAllText(file).Replace("AZ-ALAT,AZ-ALAT", "NO-SUCH,NO-SUCH", StringComparison.Ordinal));
            var (badCode, _, badErr) = CliRunner.Run("validate-model", "--cases", file, "--no-store");
            badCode.ShouldBe(2);
            badErr.ShouldContain("error CORR0301: Case 'too-busy': 'NO-SUCH' is not a leg or node id.");
        });

    // A cases file holding one case row (the source cell is added), removed afterwards.
    private static void WithCases(string row, Action<string> body)
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-capcases-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "cases.csv");
        File.WriteAllText(file,
            "id,from,to,what,corridor,statistic,published,band_low,band_high,date,service_level,weight,source\n" + row + ",\"Test, https://example.org, 2025-01-01\"\n");
        try
        {
            body(file);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ValidateModel_CaseBetweenTwoNodes_AddsEveryLineFromTheOneToTheOther() =>
        WithCases("crossing,KZ-AKTAU,AZ-ALAT,capacity-teu,best,value,1000,1000,10000000,2026-06-30,any,1", file =>
        {
            var (code, stdout, stderr) = CliRunner.Run("validate-model", "--cases", file, "--json", "--no-store");
            code.ShouldBe(0, stderr);
            using var doc = JsonDocument.Parse(stdout);
            var model = doc.RootElement.GetProperty("cases")[0].GetProperty("model").GetDouble();

            // The same as the Aktau → Alat crossings bypass reports for 2026 (rail ferry and feeder added).
            var (_, bypass, _) = CliRunner.Run("bypass", "--from-region", "CN", "--to-region", "EU", "--avoid", "RU", "--year", "2026", "--json", "--no-store");
            using var b = JsonDocument.Parse(bypass);
            var crossings = b.RootElement.GetProperty("caspian").GetProperty("crossings").EnumerateArray()
                .Where(x => x.GetProperty("from").GetString() == "KZ-AKTAU" && x.GetProperty("to").GetString() == "AZ-ALAT").ToList();
            crossings.Count.ShouldBe(2);
            model.ShouldBe(crossings.Sum(x => x.GetProperty("capacityTeu").GetDouble()), 1.0);

            File.WriteAllText(file, File.ReadAllText(file).Replace("KZ-AKTAU,AZ-ALAT", "KZ-AKTAU,NO-SUCH", StringComparison.Ordinal));
            var (badCode, _, badErr) = CliRunner.Run("validate-model", "--cases", file, "--no-store");
            badCode.ShouldBe(2);
            badErr.ShouldContain("error CORR0301: Case 'crossing': 'NO-SUCH' is not a node id.");
        });

    [Fact]
    public void Invest_CnToEuAvoidingRussia_GainsAreNonNegativeAndBoundedByTheHorizon()
    {
        var (code, stdout, stderr) = CliRunner.Run("invest", "--from-region", "CN", "--to-region", "EU", "--avoid", "RU", "--year", "2026", "--json", "--no-store");

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var baseFlow = doc.RootElement.GetProperty("baseMaxFlowTeu").GetDouble();
        var horizon = doc.RootElement.GetProperty("horizonMaxFlowTeu").GetDouble();
        horizon.ShouldBeGreaterThanOrEqualTo(baseFlow);
        var projects = doc.RootElement.GetProperty("projects").EnumerateArray().ToList();
        projects.ShouldNotBeEmpty();
        foreach (var p in projects)
        {
            p.GetProperty("addedTeu").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
            p.GetProperty("horizonLossTeu").GetDouble().ShouldBeInRange(0, horizon);
        }

        CliRunner.Run("invest", "--from-region", "CN", "--to-region", "EU", "--year", "2035", "--no-store").Stderr
            .ShouldContain("error: --horizon: The horizon must be a year after the base year and at most 2035.");
    }
}

using System.Text.Json;

namespace Corridors.Tests.Reliability;

public sealed class ReliabilityCommandTests
{
    private static JsonElement RunJson(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(["reliability", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--json", .. args]);
        code.ShouldBe(0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Reliability_Json_HasTheContractFieldsPerRoute()
    {
        var root = RunJson("--samples", "8000", "--seed", "7", "--deadline", "2026-04-10");
        var routes = root.GetProperty("routes").EnumerateArray().ToArray();
        routes.Length.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var route in routes)
        {
            route.GetProperty("corridor").GetString().ShouldNotBeNullOrEmpty();
            route.GetProperty("samples").GetInt32().ShouldBe(8000);
            route.GetProperty("seed").GetInt64().ShouldBe(7);
            var p10 = route.GetProperty("p10Days").GetDouble();
            var p50 = route.GetProperty("p50Days").GetDouble();
            var p90 = route.GetProperty("p90Days").GetDouble();
            var p95 = route.GetProperty("p95Days").GetDouble();
            p10.ShouldBeLessThanOrEqualTo(p50);
            p50.ShouldBeLessThanOrEqualTo(p90);
            p90.ShouldBeLessThanOrEqualTo(p95);
            route.GetProperty("meanDays").GetDouble().ShouldBeGreaterThan(p10);
            route.GetProperty("onTimeProbability").GetDouble().ShouldBeInRange(0, 1);
            var shares = route.GetProperty("contributors").EnumerateArray().Select(c => c.GetProperty("share").GetDouble()).ToArray();
            shares.Sum().ShouldBe(1, 0.01);
        }

        // Ranked by P90: non-decreasing down the list.
        var p90s = routes.Select(r => r.GetProperty("p90Days").GetDouble()).ToArray();
        p90s.ShouldBe(p90s.Order().ToArray());
        root.GetProperty("rankedBy").GetString().ShouldBe("p90");
    }

    [Fact]
    public void Reliability_SameSeedTwice_GivesTheSameDocument()
    {
        var (_, first, _) = CliRunner.Run("reliability", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--corridor", "Middle", "--samples", "5000", "--json");
        var (_, second, _) = CliRunner.Run("reliability", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--corridor", "Middle", "--samples", "5000", "--json");
        second.ShouldBe(first);
        JsonDocument.Parse(first).RootElement.GetProperty("routes").EnumerateArray()
            .ShouldAllBe(r => r.GetProperty("corridor").GetString()!.Contains("Middle"));
    }

    [Fact]
    public void Reliability_UnknownCorridor_IsAUsageErrorListingTheCorridors()
    {
        var (code, _, stderr) = CliRunner.Run("reliability", "--from", "Xian", "--to", "Duisburg", "--corridor", "Arctic", "--samples", "100");
        code.ShouldBe(1);
        stderr.ShouldContain("No corridor matches 'Arctic'. Corridors for this query:");
    }

    [Fact]
    public void Reliability_PenaltyWithoutDeadline_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("reliability", "--from", "Xian", "--to", "Duisburg", "--penalty", "500");
        code.ShouldBe(1);
        stderr.ShouldContain("error: --penalty: A lateness penalty needs a deadline.");
    }

    [Fact]
    public void Reliability_DeadlineBeforeDeparture_IsAUsageError()
    {
        var (code, stdout, stderr) = CliRunner.Run("reliability", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--deadline", "2026-03-01", "--samples", "100", "--json");
        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("error: --deadline: 2026-03-02 00:00 UTC is not after the departure (2026-03-03 00:00 UTC).");
    }
}

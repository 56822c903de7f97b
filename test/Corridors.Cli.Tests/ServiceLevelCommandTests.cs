using System.Text.Json;

namespace Corridors.Tests;

/// <summary><c>--service</c>: every output names its level; <c>compare --service both</c> shows both; bad words fail at the option.</summary>
public sealed class ServiceLevelCommandTests
{
    private static readonly string[] Xian = ["--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03"];

    [Fact]
    public void Compare_Both_HoldsOneDocumentPerLevel_AndTheBlockTrainIsNeverSlower()
    {
        var (code, stdout, stderr) = CliRunner.Run(["compare", .. Xian, "--service", "both", "--json"]);

        code.ShouldBe(0, stderr);
        var levels = JsonDocument.Parse(stdout).RootElement.GetProperty("serviceLevels");
        levels.GetArrayLength().ShouldBe(2);
        levels[0].GetProperty("query").GetProperty("serviceLevel").GetString().ShouldBe("groupage");
        levels[1].GetProperty("query").GetProperty("serviceLevel").GetString().ShouldBe("block-train");
        double Fastest(JsonElement doc) => doc.GetProperty("routes").EnumerateArray().Min(r => r.GetProperty("totals").GetProperty("days").GetDouble());
        Fastest(levels[1]).ShouldBeLessThan(Fastest(levels[0]));
    }

    [Fact]
    public void Route_DefaultsToGroupage_AndNamesTheLevelInTextAndJson()
    {
        var (code, stdout, stderr) = CliRunner.Run(["route", .. Xian, "--json"]);
        var (_, text, _) = CliRunner.Run(["route", .. Xian, "--service", "block-train"]);

        code.ShouldBe(0, stderr);
        JsonDocument.Parse(stdout).RootElement.GetProperty("query").GetProperty("serviceLevel").GetString().ShouldBe("groupage");
        text.ShouldContain("network 2026, block-train, by time");
    }

    [Theory]
    [InlineData("route")]
    [InlineData("reliability")]
    public void UnknownOrBothOutsideCompare_ExitsOneAtTheOption_WithTheOtherProblems(string command)
    {
        var (code, _, stderr) = CliRunner.Run([command, "--from", "Xain", "--to", "Duisburg", "--service", "both"]);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --service: Unknown service level 'both'; use block-train, groupage.");
        stderr.ShouldContain("error: --from:");
    }

    [Fact]
    public void Compare_UnknownLevel_ListsItWithEveryOtherProblem()
    {
        var (code, _, stderr) = CliRunner.Run(["compare", "--from", "Xian", "--to", "Duisburg", "--service", "express", "--teu", "-1"]);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --service: Unknown service level 'express'; use block-train, groupage, both.");
        stderr.ShouldContain("error: --teu:");
    }
}

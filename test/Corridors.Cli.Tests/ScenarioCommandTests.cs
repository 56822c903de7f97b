using System.Text.Json;
using Corridors.Data.Store;

namespace Corridors.Tests;

public sealed class ScenarioCommandTests
{
    private static string TempFile(string name, string? text = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-cli-scenario-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        if (text is not null)
        {
            File.WriteAllText(path, text);
        }

        return path;
    }

    [Fact]
    public void Route_UnderRussiaClosed_AvoidsRussia_AndIsStoredWithTheScenarioFingerprint()
    {
        var store = TempFile("runs.db");

        var (code, stdout, stderr) = CliRunner.Run("route", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--scenario", "russia-closed", "--json", "--store", store);

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("routes")[0].GetProperty("countries").EnumerateArray().Select(c => c.GetString()).ShouldNotContain("RU");
        using var opened = SqliteRunStore.Open(store);
        var run = opened.List().Single().Record;
        run.Command.ShouldBe("route");
        run.Scenario.ShouldBe("russia-closed");
        run.ScenarioFingerprint.ShouldNotBeNull().Length.ShouldBe(64);
        run.ResultJson.ShouldBe(stdout.TrimEnd('\n'));
    }

    [Fact]
    public void Scenario_UnknownPresetOrBadFile_IsAUsageOrInputError()
    {
        var bad = TempFile("bad.json", "{\n  \"closures\": [ { \"country\": \"RUS\" } ]\n}\n");

        var unknown = CliRunner.Run("bypass", "--from-region", "CN", "--to-region", "EU", "--scenario", "rusia-closed", "--no-store");
        var file = CliRunner.Run("compare", "--from", "Xian", "--to", "Duisburg", "--scenario", bad, "--no-store");
        var validate = CliRunner.Run("scenario", "validate", bad);

        unknown.ExitCode.ShouldBe(1);
        unknown.Stderr.ShouldContain("error: --scenario: Unknown scenario 'rusia-closed'; did you mean 'russia-closed'?");
        file.ExitCode.ShouldBe(2);
        file.Stderr.ShouldContain("(2,30): error CORR0805: $.closures[0].country: unknown country 'RUS'; did you mean 'RU'?");
        validate.ExitCode.ShouldBe(2);
        validate.Stderr.ShouldContain("$.closures[0].country: unknown country 'RUS'; did you mean 'RU'?");
    }

    [Fact]
    public void ScenarioListShowValidate_CoverThePresets()
    {
        var list = CliRunner.Run("scenario", "list", "--json");
        var show = CliRunner.Run("scenario", "show", "digital-borders");
        var validate = CliRunner.Run("scenario", "validate");

        list.ExitCode.ShouldBe(0, list.Stderr);
        list.Stdout.ShouldContain("\"name\": \"red-sea-closed\"");
        show.ExitCode.ShouldBe(0, show.Stderr);
        show.Stdout.ShouldContain("dwell at all crossings: × 0.5");
        validate.ExitCode.ShouldBe(0, validate.Stderr);
        validate.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(7);
    }

    [Fact]
    public void ScenarioCompare_WritesTablesJsonAndAnOfflineHtmlReport()
    {
        var html = TempFile("report.html");

        var (code, stdout, stderr) = CliRunner.Run("scenario", "compare", "russia-closed", "--pairs", "Xian:Duisburg", "--samples", "200", "--no-caspian", "--html", html, "--json", "--no-store");

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("scenarios").GetArrayLength().ShouldBe(2);
        var report = File.ReadAllText(html);
        report.ShouldStartWith("<!DOCTYPE html>");
        report.ShouldContain("<svg");
        report.ShouldNotContain("<script");
        report.ShouldNotContain("src=\"http");
    }

    [Fact]
    public void ScenarioSweep_PrintsATable_AndJobs()
    {
        var table = CliRunner.Run("scenario", "sweep", "--param", "sea-level=-29:-30:0.5", "--output", "caspian-lift-teu", "--days", "3", "--threads", "2", "--no-store");
        var jobs = CliRunner.Run("scenario", "sweep", "--param", "demand-growth=0:100:50", "--output", "max-flow-teu", "--jobs");
        var bad = CliRunner.Run("scenario", "sweep", "--param", "sea-levle=-29:-30:0.5", "--output", "caspian-lift", "--no-store");

        table.ExitCode.ShouldBe(0, table.Stderr);
        table.Stdout.ShouldContain("caspian-lift-teu");
        table.Stdout.ShouldContain("-29.5");
        jobs.ExitCode.ShouldBe(0, jobs.Stderr);
        jobs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
        bad.ExitCode.ShouldBe(1);
        bad.Stderr.ShouldContain("Unknown parameter 'sea-levle'; did you mean 'sea-level'?");
        bad.Stderr.ShouldContain("Unknown output 'caspian-lift'; did you mean 'caspian-lift-teu'?");
    }
}

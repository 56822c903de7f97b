using System.Text.Json;

namespace Corridors.Tests;

/// <summary><c>validate-model</c>: exit codes, the JSON contract, the text table and the Markdown report.</summary>
public sealed class ValidateModelCommandTests
{
    private const string Header = "id,from,to,what,corridor,statistic,published,band_low,band_high,date,service_level,weight,source,notes\n";
    private const string Source = "\"Test source, https://example.org/a, 2026-01-01\"";

    private static string Mini => Path.Combine(RepoPaths.Root, "test", "Corridors.Cli.Tests", "TestData", "mini");

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-tests", "validate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string Cases(string rows)
    {
        var file = Path.Combine(TempDir(), "cases.csv");
        File.WriteAllText(file, Header + rows);
        return file;
    }

    private static string Synthetic() => Cases(
        "northern-days,Xian,Duisburg,days,northern,value,15,1,100,2026-03-03,block-train,2," + Source + ",\n"
        + "northern-p90,Xian,Duisburg,days,northern,p90,15,1,100,2026-03-03,groupage,1," + Source + ",\n"
        + "sea-km-absurd,Shanghai,Rotterdam,km,sea-suez,value,10,5,20,2026-03,any,1," + Source + ",\n");

    [Fact]
    public void ValidateModel_Json_ExitsZeroWithTheContractFields()
    {
        var (code, stdout, stderr) = CliRunner.Run("validate-model", "--data", Mini, "--cases", Synthetic(), "--json", "--no-store");

        code.ShouldBe(0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        root.GetProperty("score").GetDouble().ShouldBe(0.75);
        root.GetProperty("seed").GetInt64().ShouldBe(42);
        root.GetProperty("samples").GetInt32().ShouldBe(4000);
        var cases = root.GetProperty("cases");
        cases.GetArrayLength().ShouldBe(3);
        foreach (var c in cases.EnumerateArray())
        {
            foreach (var field in new[] { "id", "what", "model", "published", "band", "unit", "pass", "weight", "date", "serviceLevel", "source", "reason" })
            {
                c.TryGetProperty(field, out _).ShouldBeTrue(field);
            }
        }

        cases[1].GetProperty("statistic").GetString().ShouldBe("p90");
        cases[1].GetProperty("serviceLevel").GetString().ShouldBe("groupage");
        cases[2].GetProperty("pass").GetBoolean().ShouldBeFalse();
        cases[2].GetProperty("band").GetProperty("high").GetDouble().ShouldBe(20);
        cases[2].GetProperty("reason").GetString()!.ShouldContain("above the band 5–20");
    }

    [Fact]
    public void ValidateModel_Text_PrintsATableWithin100ColumnsAndTheScore()
    {
        var (code, stdout, stderr) = CliRunner.Run("validate-model", "--data", Mini, "--cases", Synthetic(), "--no-store");

        code.ShouldBe(0, stderr);
        stdout.Split('\n').ShouldAllBe(line => line.TrimEnd('\r').Length <= 100);
        stdout.ShouldContain("sea-km-absurd");
        stdout.ShouldContain("Score 0.750: 2 of 3 cases pass (weighted share).");
    }

    [Fact]
    public void ValidateModel_Markdown_WritesTheReportWithEveryCaseAndTheFailures()
    {
        var file = Path.Combine(TempDir(), "VALIDATION.md");

        var (code, _, stderr) = CliRunner.Run("validate-model", "--data", Mini, "--cases", Synthetic(), "--markdown", file, "--no-store");

        code.ShouldBe(0, stderr);
        var md = File.ReadAllText(file);
        md.ShouldStartWith("# Model validation");
        md.ShouldContain("**Score 0.750**");
        md.ShouldContain("| northern-p90 | Xian → Duisburg | days p90 | northern |");
        md.ShouldContain("### sea-km-absurd");
        md.ShouldContain("No explanation recorded yet");
    }

    [Fact]
    public void ValidateModel_MalformedCases_ExitsTwoWithLocatedErrors()
    {
        var file = Cases("bad,Xian,Duisburg,furlongs,northern,value,15,1,100,2026-03-03,block-train,1," + Source + ",\n");

        var (code, stdout, stderr) = CliRunner.Run("validate-model", "--data", Mini, "--cases", file, "--json", "--no-store");

        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("cases.csv(2,19): error CORR0105: Case 'bad' has 'what' = 'furlongs'");
    }

    [Fact]
    public void ValidateModel_BundledCases_ExitsZeroWithValidJson()
    {
        var (code, stdout, stderr) = CliRunner.Run("validate-model", "--json", "--no-store");

        code.ShouldBe(0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        root.GetProperty("cases").GetArrayLength().ShouldBeGreaterThanOrEqualTo(40);
        root.GetProperty("score").GetDouble().ShouldBeInRange(0, 1);
    }
}

using System.Text.Json;

namespace Corridors.Tests;

/// <summary>The <c>caspian</c> command (issue 12): JSON contract, option errors, CSV and plot files.</summary>
public sealed class CaspianCommandTests
{
    [Fact]
    public void Caspian_json_has_the_contract_fields()
    {
        var (code, stdout, stderr) = CliRunner.Run("--data", RepoPaths.Data, "caspian", "--year", "2027", "--level", "-29.6", "--demand-teu", "150000", "--fleet-add", "ro-pax:2", "--seed", "42", "--days", "365", "--json", "--no-store");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        foreach (var field in new[] { "throughputTeu", "throughputWagons", "meanWaitHours", "p90WaitHours", "backlogTeu", "seaLevelM", "seed" })
        {
            root.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Number, field);
        }

        root.GetProperty("seaLevelM").GetDouble().ShouldBe(-29.6);
        root.GetProperty("seed").GetInt64().ShouldBe(42);
        root.GetProperty("utilisation").GetProperty("vessels").GetProperty("V-ASCO-AZERBAIJAN+2").GetDouble().ShouldBeInRange(0, 1);
        root.GetProperty("utilisation").GetProperty("berths").GetProperty("KZ-KURYK").GetDouble().ShouldBeInRange(0, 1);
        root.GetProperty("payloadFactor").GetProperty("V-ASCO-BALAKAN").GetDouble().ShouldBeInRange(0, 1);
        var lines = root.GetProperty("lines").EnumerateArray().ToList();
        lines.ShouldContain(l => l.GetProperty("id").GetString() == "S-ROPAX-ALAT-KURYK-2026" && l.GetProperty("vesselCount").GetInt32() == 5);
        lines.Sum(l => l.GetProperty("sailings").GetInt32()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Caspian_bad_options_print_every_problem_and_exit_1()
    {
        var (code, _, stderr) = CliRunner.Run("--data", RepoPaths.Data, "caspian", "--level", "3", "--days", "0", "--fleet-add", "yacht:2", "--no-store");

        code.ShouldBe(1);
        stderr.ShouldContain("error: --level:");
        stderr.ShouldContain("error: --days:");
        stderr.ShouldContain("error: --fleet-add:");
        stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public void Caspian_writes_the_queue_csv_and_the_plot()
    {
        var dir = Directory.CreateTempSubdirectory("caspian-cli-").FullName;
        var csv = Path.Combine(dir, "queue.csv");
        var svg = Path.Combine(dir, "queue.svg");
        var (code, stdout, stderr) = CliRunner.Run("--data", RepoPaths.Data, "caspian", "--year", "2024", "--days", "60", "--csv", csv, "--plot", svg, "--no-store");

        code.ShouldBe(0, stderr);
        stdout.ShouldContain("Throughput TEU");
        var rows = File.ReadAllLines(csv);
        rows[0].ShouldStartWith("day,hour,queue_teu_");
        rows.Length.ShouldBe(61); // header + one sample a day
        File.ReadAllText(svg).ShouldContain("<svg");
    }
}

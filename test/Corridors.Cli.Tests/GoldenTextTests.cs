namespace Corridors.Tests;

/// <summary>
/// The text output of the main commands at 80 and 120 columns, and <c>--csv</c> and <c>--summary</c>, pinned by golden
/// files (Golden/NAME.txt, commands in Golden/text-commands.txt), plus the layout rules every table keeps: no line
/// wider than the terminal, and no word split across lines. Regenerate with <c>CORRIDORS_UPDATE_GOLDEN=1</c>.
/// </summary>
public sealed class GoldenTextTests
{
    private static string Folder => Path.Combine(RepoPaths.Root, "test", "Corridors.Cli.Tests", "Golden");

    public static TheoryData<string, int, string> Commands()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "text-commands.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('|', 3);
            data.Add(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Text_IsTheGoldenFileAndFitsTheWidth(string name, int columns, string arguments)
    {
        var environment = CliRunner.Environment() with { Columns = columns };
        var (code, stdout, stderr) = CliRunner.RunWith(environment, [.. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--no-store"]);
        code.ShouldBe(0, stderr);
        var golden = Path.Combine(Folder, name + ".txt");
        if (System.Environment.GetEnvironmentVariable("CORRIDORS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, stdout);
        }

        File.Exists(golden).ShouldBeTrue($"missing {golden}; run with CORRIDORS_UPDATE_GOLDEN=1 to create it");
        stdout.ShouldBe(File.ReadAllText(golden), $"the text of '{arguments}' changed; review the diff and regenerate with CORRIDORS_UPDATE_GOLDEN=1");
        if (!arguments.Contains("--csv", StringComparison.Ordinal))
        {
            foreach (var line in stdout.Split('\n'))
            {
                line.TrimEnd('\r').Length.ShouldBeLessThanOrEqualTo(columns, line);
            }
        }
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(120)]
    public void CompareTable_NoCorridorNameIsSplitInsideAWord(int columns)
    {
        var environment = CliRunner.Environment() with { Columns = columns };
        var (_, stdout, _) = CliRunner.RunWith(environment, "compare", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--no-store");

        // Every word of every corridor name appears whole on some line of the table.
        foreach (var word in new[] { "(Russia–Belarus)", "BTK/Türkiye)", "(Caspian", "Northern", "Southern" })
        {
            stdout.ShouldContain(word);
        }
    }

    [Fact]
    public void Compare_ByCo2_ListsEveryCorridorOrSaysWhyNot()
    {
        var (code, stdout, stderr) = CliRunner.Run("compare", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--by", "co2", "--csv", "--no-store");

        code.ShouldBe(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        // Every family compare knows is a row: shown with its rank, or excluded with a reason.
        foreach (var family in new[] { "Northern", "Southern", "Sea via Suez", "Sea via Cape", "Middle" })
        {
            lines.ShouldContain(l => l.Contains(family, StringComparison.Ordinal), family);
        }
    }
}

namespace Corridors.Tests;

/// <summary>
/// Every command's <c>--json</c> document is pinned by a golden file (Golden/NAME.json, commands in
/// Golden/commands.txt), so a refactoring cannot change a contract unnoticed. A deliberate change is reviewed as a
/// diff of the golden files: regenerate with <c>CORRIDORS_UPDATE_GOLDEN=1 dotnet test test/Corridors.Cli.Tests --filter Golden</c>.
/// </summary>
public sealed class GoldenDocumentTests
{
    private static string Folder => Path.Combine(RepoPaths.Root, "test", "Corridors.Cli.Tests", "Golden");

    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "commands.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var bar = line.IndexOf('|', StringComparison.Ordinal);
            data.Add(line[..bar], line[(bar + 1)..]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Document_IsTheGoldenFile(string name, string arguments)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--no-store"]);
        code.ShouldBe(0, stderr);
        var golden = Path.Combine(Folder, name + ".json");
        if (System.Environment.GetEnvironmentVariable("CORRIDORS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, stdout);
        }

        File.Exists(golden).ShouldBeTrue($"missing {golden}; run with CORRIDORS_UPDATE_GOLDEN=1 to create it");
        stdout.ShouldBe(File.ReadAllText(golden), $"the --json document of '{arguments}' changed; review the diff and regenerate with CORRIDORS_UPDATE_GOLDEN=1");
    }
}

namespace Corridors.Tests;

/// <summary>A chart depends on its input only, not on how many the process drew before (a server draws many).</summary>
public sealed class PlotDeterminismTests
{
    [Fact]
    public void The_same_svg_chart_drawn_twice_in_one_process_has_the_same_bytes()
    {
        var folder = Directory.CreateTempSubdirectory("corridors-plot-").FullName;
        var first = Path.Combine(folder, "first.svg");
        var second = Path.Combine(folder, "second.svg");

        CliRunner.Run("--no-store", "compare", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--plot", first).ExitCode.ShouldBe(0);
        CliRunner.Run("--no-store", "caspian", "--days", "30", "--plot", Path.Combine(folder, "between.svg")).ExitCode.ShouldBe(0);
        CliRunner.Run("--no-store", "compare", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--plot", second).ExitCode.ShouldBe(0);

        File.ReadAllBytes(second).ShouldBe(File.ReadAllBytes(first));
        File.ReadAllText(first).ShouldContain("id=\"cl_1\"");
    }
}

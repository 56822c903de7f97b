using Corridors.Data;
using Corridors.Diagnostics;
using Corridors.Simulation;

namespace Corridors.Tests;

public sealed class CaspianDataTests
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(RepoPaths.Data, NetworkLoader.CaspianFolder, name));

    private static CaspianData Parse(DiagnosticBag bag, string? ports = null, string? depths = null, string? months = null) => NetworkLoader.ParseCaspian(
        (Read("sea_levels.csv"), "sea_levels.csv"),
        (ports ?? Read("ports.csv"), "ports.csv"),
        (depths ?? Read("port_depths.csv"), "port_depths.csv"),
        (Read("hulls.csv"), "hulls.csv"),
        (months ?? Read("months.csv"), "months.csv"),
        (Read("demand.csv"), "demand.csv"),
        (Read("parameters.csv"), "parameters.csv"),
        bag);

    [Fact]
    public void The_bundled_tables_load_without_problems_and_check_against_the_network()
    {
        var bag = new DiagnosticBag();
        var definition = NetworkLoader.Load(RepoPaths.Data).GetDefinitionOrThrow();
        var data = NetworkLoader.LoadCaspian(RepoPaths.Data, bag, definition);
        bag.Items.Where(d => d.IsError).ShouldBeEmpty();
        data.Ports.Select(p => p.Id).ShouldBe(["KZ-AKTAU", "KZ-KURYK", "AZ-ALAT", "TM-TURKMENBASHI", "KZ-AKTAU-HUB"], ignoreOrder: true);
        data.Scenarios.ShouldBe(["optimistic", "pessimistic", "trend"]);
        data.Trajectory("pessimistic").Level(2025).ShouldBe(-29.21);
        data.Trajectory("pessimistic").Level(2030).ShouldBe(-30.0);
        data.ClosureByMonth.Count.ShouldBe(12);

        // Aktau: 6.0 m reported at the 2024 level (−29.1 m); Kuryk dredged to 8 m from 2025.
        data.DepthIn("KZ-AKTAU", 2024)!.ReferenceLevelM.ShouldBe(-29.1);
        data.AllowedDraftM("KZ-KURYK", 2025, -29.1)!.Value.ShouldBe(7.5, 1e-9);
        data.AllowedDraftM("KZ-KURYK", 2024, -29.1)!.Value.ShouldBe(6.5, 1e-9);
    }

    [Fact]
    public void A_bad_cell_is_reported_at_its_file_line_and_column()
    {
        var bag = new DiagnosticBag();
        var ports = Read("ports.csv").Replace("KZ-KURYK,2,1000,6,8,12,", "KZ-KURYK,2.5,1000,9,8,12,", StringComparison.Ordinal);
        Parse(bag, ports: ports);
        var errors = bag.Items.Where(d => d.IsError).ToList();
        errors.Count.ShouldBe(1); // one row, one error: the first (fractional berths) stops the row
        errors[0].Code.ShouldBe("CORR0603");
        errors[0].File.ShouldEndWith("ports.csv");
        errors[0].Line.ShouldBe(4);
        errors[0].Column.ShouldBe("KZ-KURYK,".Length + 1);
    }

    [Fact]
    public void A_missing_month_and_an_unsourced_depth_are_errors()
    {
        var bag = new DiagnosticBag();
        var months = string.Join('\n', Read("months.csv").Split('\n').Where(l => !l.StartsWith("7,", StringComparison.Ordinal)));
        var depths = Read("port_depths.csv") + "TM-TURKMENBASHI,2030,7.0,2030,TODO,\n";
        Parse(bag, depths: depths, months: months);
        var codes = bag.Items.Where(d => d.IsError).Select(d => d.Code).ToList();
        codes.ShouldContain("CORR0605");
        codes.ShouldContain("CORR0111");
    }
}

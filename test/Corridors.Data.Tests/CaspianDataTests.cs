using Corridors.Data;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Simulation;

namespace Corridors.Tests;

public sealed class CaspianDataTests
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(RepoPaths.Data, NetworkLoader.CaspianFolder, name));

    private static CaspianData Parse(DiagnosticBag bag, string? ports = null, string? depths = null, string? months = null, string? fleet = null, NetworkDefinition? definition = null) => NetworkLoader.ParseCaspian(
        (Read("sea_levels.csv"), "sea_levels.csv"),
        (ports ?? Read("ports.csv"), "ports.csv"),
        (depths ?? Read("port_depths.csv"), "port_depths.csv"),
        (Read("hulls.csv"), "hulls.csv"),
        (months ?? Read("months.csv"), "months.csv"),
        (Read("demand.csv"), "demand.csv"),
        (Read("parameters.csv"), "parameters.csv"),
        bag,
        definition,
        (fleet, "fleet.csv"));

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
    public void The_bundled_fleet_gives_each_line_its_vessels_by_year_and_demand_is_interpolated_between_rows()
    {
        var bag = new DiagnosticBag();
        var definition = NetworkLoader.Load(RepoPaths.Data).GetDefinitionOrThrow();
        var data = NetworkLoader.LoadCaspian(RepoPaths.Data, bag, definition);
        bag.Items.Where(d => d.IsError).ShouldBeEmpty();
        int Vessels(string line, int year) => data.FleetFor(line, year).Sum(f => f.Count);
        Vessels("S-RAILFERRY-ALAT-AKTAU", 2020).ShouldBe(6);
        Vessels("S-RAILFERRY-ALAT-AKTAU", 2024).ShouldBe(6);
        Vessels("S-FERRY-ALAT-TURKMENBASHI", 2024).ShouldBe(6);
        Vessels("S-FEEDER-AKTAU-ALAT-2022", 2023).ShouldBe(2); // full-time equivalents of the 7 hulls (voyage count)
        Vessels("S-FEEDER-AKTAU-ALAT-2022", 2025).ShouldBe(3); // + one vessel-year of the 2025 charters
        Vessels("S-FEEDER-AKTAU-ALAT-2022", 2026).ShouldBe(2);
        Vessels("S-ROPAX-ALAT-KURYK-2026", 2026).ShouldBe(0); // no rows: the service's own vessels
        data.DemandFor(2024)!.Teu.ShouldBe(56_500);
        data.DemandFor(2027)!.Teu.ShouldBe(77_000 + ((300_000 - 77_000) / 2.0));
        data.DemandFor(2035)!.Teu.ShouldBe(300_000);
        data.DemandFor(2019).ShouldBeNull();
        data.DemandSource(2027).ShouldBe("data/caspian/demand.csv (between 2025 and 2029)");
    }

    [Fact]
    public void Fleet_rows_with_an_unknown_line_or_vessel_a_fractional_count_or_reversed_years_are_errors()
    {
        var bag = new DiagnosticBag();
        var definition = NetworkLoader.Load(RepoPaths.Data).GetDefinitionOrThrow();
        var fleet = "line,from_year,to_year,vessel,count,source,notes\n"
            + "S-NOPE,,,V-ASCO-BARDA,1,assumption: a test row,\n"
            + "S-RAILFERRY-ALAT-AKTAU,,,V-NOPE,1,assumption: a test row,\n"
            + "S-RAILFERRY-ALAT-AKTAU,2025,2024,V-ASCO-BARDA,1.5,assumption: a test row,\n";
        Parse(bag, fleet: fleet, definition: definition);
        var errors = bag.Items.Where(d => d.IsError).Select(d => (d.Code, d.Line, d.Message)).ToList();
        errors.ShouldBe(
        [
            ("CORR0610", 2, "Fleet for line 'S-NOPE', which is not a service of services.csv."),
            ("CORR0610", 3, "Fleet row names vessel 'V-NOPE', which is not in vessels.csv."),
            ("CORR0611", 4, "A fleet row has count = 1.5, which is not a whole number of vessels."),
            ("CORR0611", 4, "A fleet row ends in 2024, before it starts (2025)."),
        ]);
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

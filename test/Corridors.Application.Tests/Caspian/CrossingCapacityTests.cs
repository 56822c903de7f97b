using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Capacity;

namespace Corridors.Tests.Caspian;

/// <summary>The Caspian crossings' capacities in the capacity analyses follow the sea level (issue 13).</summary>
public sealed class CrossingCapacityTests
{
    private static readonly Corridors.Application.Workspace.CorridorsWorkspace Workspace = TestWorkspaces.Bundled();
    private static readonly CaspianService Caspian = new(Workspace);

    [Fact]
    public void A_lower_sea_never_raises_a_crossing_capacity_and_a_deep_fall_lowers_them()
    {
        IReadOnlyDictionary<(string Leg, string From), double>? previous = null;
        double? first = null;
        var last = 0.0;
        foreach (var level in new[] { -28.0, -29.0, -29.5, -30.0, -30.5, -31.0, -31.5, -32.0, -33.0 })
        {
            var c = Caspian.CrossingCapacitiesFor(2026, level).ShouldNotBeNull();
            c.SeaLevelM.ShouldBe(level);
            c.TeuPerYear.ShouldNotBeEmpty();
            if (previous is not null)
            {
                c.TeuPerYear.Keys.ShouldBe(previous.Keys, ignoreOrder: true);
                foreach (var (key, teu) in c.TeuPerYear)
                {
                    teu.ShouldBeLessThanOrEqualTo(previous[key] + 1e-9, $"{key} at {level} m");
                }
            }

            previous = c.TeuPerYear;
            last = c.TeuPerYear.Values.Sum();
            first ??= last;
        }

        last.ShouldBeLessThan(first!.Value * 0.5);
    }

    [Fact]
    public void A_crossing_capacity_is_the_simulations_fleet_capacity_at_that_level()
    {
        // The simulation's own numbers at the level: each vessel's TEU per sailing after the payload factor, and the
        // line's round trip (two passages plus the two ports' mean handling) from the same data.
        foreach (var level in new[] { -29.0, -31.0 })
        {
            var run = Caspian.Run(new CaspianRequest { Year = 2026, Level = level, DemandTeu = 1000 }, null, TestContext.Current.CancellationToken);
            run.IsValid.ShouldBeTrue();
            var document = run.Value.Document;
            var data = Caspian.LoadData();
            var open = Enumerable.Range(1, 12).Sum(m => DateTime.DaysInMonth(2001, m) * (1 - data.ClosureByMonth[m - 1])) / 365;
            var capacities = Caspian.CrossingCapacitiesFor(2026, level).ShouldNotBeNull();
            var definition = Workspace.Definition;
            foreach (var line in document.Lines)
            {
                var service = definition.Services.Single(s => s.Id == line.Id);
                var leg = definition.Legs.Single(l => l.Id == service.Leg);
                var sailing = leg.Hours?.Mean ?? leg.RunningHoursExpected;
                var handling = data.Ports.Where(p => p.Id == line.From || p.Id == line.To).Sum(p => p.HandlingHours.Mean);
                var perSailing = document.Vessels.Where(v => v.Line == line.Id).Sum(v => v.CapacityTeu);
                var expected = perSailing * 8760 / ((2 * sailing) + handling) * open;
                var sharing = definition.Services.Count(s => s.Leg == service.Leg && document.Lines.Any(l => l.Id == s.Id));
                if (sharing == 1)
                {
                    capacities.TeuPerYear[(service.Leg, line.From)].ShouldBe(expected, expected * 1e-9, $"{line.Id} at {level} m");
                    capacities.TeuPerYear[(service.Leg, line.To)].ShouldBe(expected, expected * 1e-9);
                }
            }
        }
    }

    [Fact]
    public void Saturated_the_simulated_crossing_ships_no_more_than_the_capacity_it_is_given()
    {
        var run = Caspian.Run(new CaspianRequest { Year = 2026, DemandTeu = 2_000_000, DemandWagons = 0 }, null, TestContext.Current.CancellationToken);
        run.IsValid.ShouldBeTrue();
        var capacities = Caspian.CrossingCapacitiesFor(2026).ShouldNotBeNull();
        var total = capacities.TeuPerYear.Values.Sum();
        var shipped = run.Value.Document.ThroughputTeu;
        shipped.ShouldBeLessThanOrEqualTo(total * 1.05);
        shipped.ShouldBeGreaterThan(total * 0.6);
    }

    [Fact]
    public void Bypass_under_a_lower_sea_reports_lower_crossing_capacities_and_a_crossing_in_the_cut_carries_the_lower_figure()
    {
        var service = new CapacityService(Workspace);
        var request = new BypassRequest("CN", "EU", ["RU", "IR"], 2026, false);
        var baseline = service.Bypass(request).Value;
        var lower = new CapacityService(Open("caspian-minus-1m")).Bypass(request).Value;
        var baseCaspian = baseline.Caspian.ShouldNotBeNull();
        var lowCaspian = lower.Caspian.ShouldNotBeNull();
        lowCaspian.SeaLevelM.ShouldBe(baseCaspian.SeaLevelM - 1, 1e-9);
        lowCaspian.Crossings.Sum(c => c.CapacityTeu).ShouldBeLessThan(baseCaspian.Crossings.Sum(c => c.CapacityTeu));
        lowCaspian.Crossings.ShouldAllBe(c => c.Basis == "caspian_fleet");

        // Far enough down the crossing, not the port of Alat, caps the flow.
        var deep = new CapacityService(Open(ScenarioFile(-32.5))).Bypass(request).Value;
        var cut = deep.MinCut.Where(c => c.Basis == "caspian_fleet").ToList();
        cut.ShouldNotBeEmpty();
        deep.MaxFlowTeu.ShouldNotBeNull().ShouldBeLessThan(baseline.MaxFlowTeu.ShouldNotBeNull());
        foreach (var c in cut)
        {
            var atBase = baseCaspian.Crossings.Single(x => x.Id == c.Id && x.From == c.From);
            c.CapacityTeu.ShouldBeLessThanOrEqualTo(atBase.CapacityTeu);
            deep.Caspian.ShouldNotBeNull().Crossings.Single(x => x.Id == c.Id && x.From == c.From).CapacityTeu.ShouldBe(c.CapacityTeu);
        }
    }

    private static Corridors.Application.Workspace.CorridorsWorkspace Open(string scenario)
    {
        var opened = Workspace.Scenarios.Open(scenario, allowFiles: true);
        opened.IsValid.ShouldBeTrue(string.Join("; ", opened.Problems.Select(p => p.Message)));
        return opened.Value;
    }

    private static string ScenarioFile(double level)
    {
        var path = Path.Combine(Path.GetTempPath(), "corridors-tests", FormattableString.Invariant($"caspian-at-{level}.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, FormattableString.Invariant(
            $$"""{ "title": "Caspian at {{level}} m", "description": "test", "sources": ["assumption: test"], "seaLevel": { "levelM": {{level}}, "source": "assumption: test" } }"""));
        return path;
    }
}

/// <summary>The equilibrium's Caspian volume-delay is the simulated wait curve (issue 13).</summary>
public sealed class CrossingWaitCurveAssignmentTests
{
    [Fact]
    public void The_crossing_curves_map_the_simulated_waits_onto_edge_flows()
    {
        var workspace = TestWorkspaces.Bundled();
        var caspian = new CaspianService(workspace);
        var curves = workspace.CrossingWaitCurvesFor(2026).ShouldNotBeNull();
        var capacities = workspace.CrossingCapacitiesFor(2026).ShouldNotBeNull();
        curves.Keys.ShouldBe(capacities.TeuPerYear.Keys, ignoreOrder: true);
        var simulated = caspian.WaitCurves(2026, cancellationToken: TestContext.Current.CancellationToken);
        var whole = CaspianCurveRequest.DefaultDemands;
        foreach (var (key, curve) in curves)
        {
            var points = curve.Points;
            points.Count.ShouldBe(whole.Count);
            for (var k = 1; k < points.Count; k++)
            {
                points[k].Flow.ShouldBeGreaterThan(points[k - 1].Flow);
                points[k].Hours.ShouldBeGreaterThanOrEqualTo(points[k - 1].Hours);
            }

            // A leg run by one line: its wait at the edge flow of a simulated level is that line's simulated wait
            // (lifted to be nondecreasing), and the westbound edge carries three times the eastbound one.
            var lines = workspace.Definition.Services.Where(s => s.Leg == key.Leg && simulated.Any(c => c.LineId == s.Id)).ToList();
            if (lines.Count == 1)
            {
                var line = simulated.Single(c => c.LineId == lines[0].Id);
                var lifted = 0.0;
                for (var k = 0; k < whole.Count; k++)
                {
                    lifted = Math.Max(lifted, line.WaitHours(whole[k]));
                    points[k].Hours.ShouldBe(lifted, 1e-9);
                }
            }
        }
    }

    [Fact]
    public void Under_a_closed_Russia_the_equilibrium_loads_the_crossing_and_prices_its_wait()
    {
        var file = Path.Combine(RepoPaths.Data, "demand", "2024.csv");
        var request = new CorridorAssignRequest(file, Year: 2024, Gap: 1e-4, MaxIterations: 400);
        var withCurves = Assign(new() { DataDirectory = RepoPaths.Data, CacheDirectory = TestWorkspaces.Cache }, request);
        var bpr = Assign(new() { DataDirectory = RepoPaths.Data, CacheDirectory = TestWorkspaces.Cache, SimulateCrossings = false }, request);
        withCurves.Status.ShouldBe("converged");
        bpr.Status.ShouldBe("converged");
        Caspian(withCurves).ShouldBeGreaterThan(0);
        Caspian(bpr).ShouldBeGreaterThan(0);
        // Different volume-delay functions on the crossings give a different split.
        Math.Abs(Caspian(withCurves) - Caspian(bpr)).ShouldBeGreaterThan(1);

        static double Caspian(CorridorAssignmentDocument d) => d.Legs.Where(l => l.Id.StartsWith("F", StringComparison.Ordinal) && l.From.StartsWith("KZ-", StringComparison.Ordinal) && l.To == "AZ-ALAT").Sum(l => l.FlowTeu);
    }

    private static CorridorAssignmentDocument Assign(Corridors.Application.Workspace.WorkspaceOptions options, CorridorAssignRequest request)
    {
        var workspace = new Corridors.Application.Workspace.CorridorsWorkspace(options);
        var opened = workspace.Scenarios.Open("russia-closed", allowFiles: false);
        opened.IsValid.ShouldBeTrue();
        var outcome = new CapacityService(opened.Value).Assign(request, cancellationToken: TestContext.Current.CancellationToken);
        outcome.IsValid.ShouldBeTrue(string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return outcome.Value;
    }
}

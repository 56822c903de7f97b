using Corridors.Network;
using Corridors.Simulation;

namespace Corridors.Tests.Simulation;

public sealed class CrossingTests
{
    private static readonly double[] Flat = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    private static readonly double[] Stormy = [0.08, 0.08, 0.08, 0.04, 0.04, 0.02, 0.02, 0.02, 0.02, 0.04, 0.08, 0.08];

    private static CrossingScenario Scenario(double demandTeu, int vessels, long seed, double payload = 1, SailingPolicy policy = SailingPolicy.SailWhenFull, int berths = 2) => new()
    {
        Ports =
        [
            new CrossingPort("E", "East", berths, 1000, new Triangular(6, 8, 12)),
            new CrossingPort("W", "West", berths, 1000, new Triangular(10, 20, 30)),
        ],
        Lines =
        [
            new CrossingLine("L", "Line", 0, 1, policy, new Triangular(18, 21, 22), 72, 3, [.. Enumerable.Range(1, vessels).Select(i => new CrossingVessel($"V{i}", $"V{i}", 100, payload))], demandTeu * 0.75, demandTeu * 0.25, true),
        ],
        Seed = seed,
        ClosureProbabilityByMonth = Stormy,
        SeasonalityByMonth = Flat,
    };

    private static CrossingResult Run(CrossingScenario s) => new CrossingSimulation().Run(s, null, TestContext.Current.CancellationToken);

    [Fact]
    public void Arrived_equals_shipped_plus_waiting()
    {
        foreach (var demand in new[] { 5_000.0, 20_000, 60_000 })
        {
            var r = Run(Scenario(demand, 2, 11));
            r.ArrivedTeu.ShouldBe(r.ShippedTeu + r.BacklogTeu, 1e-6);
            r.Lines.Sum(l => l.ShippedTeu).ShouldBe(r.ShippedTeu, 1e-6);
            r.Waits.Weight.ShouldBe(r.ShippedTeu, 1e-6);
            r.ArrivedTeu.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_and_another_seed_another()
    {
        var a = Run(Scenario(30_000, 2, 5));
        var b = Run(Scenario(30_000, 2, 5));
        var c = Run(Scenario(30_000, 2, 6));
        a.Events.ShouldBe(b.Events);
        a.Waits.Mean.ShouldBe(b.Waits.Mean);
        a.QueueTeuByPort[0].ShouldBe(b.QueueTeuByPort[0]);
        a.Lines.ShouldBe(b.Lines);
        c.Waits.Mean.ShouldNotBe(a.Waits.Mean);
    }

    [Fact]
    public void A_smaller_payload_never_raises_capacity()
    {
        // Saturating demand: what sails is the capacity. Payload factors as a falling sea gives them.
        var previous = double.PositiveInfinity;
        foreach (var payload in new[] { 1.0, 0.9, 0.75, 0.5, 0.25 })
        {
            var shipped = Enumerable.Range(0, 3).Average(s => Run(Scenario(200_000, 2, 100 + s, payload)).ShippedTeu);
            shipped.ShouldBeLessThanOrEqualTo(previous);
            previous = shipped;
        }
    }

    [Theory]
    [InlineData(SailingPolicy.SailWhenFull, 15_000)]
    [InlineData(SailingPolicy.SailWhenFull, 30_000)]
    [InlineData(SailingPolicy.Scheduled, 15_000)]
    public void More_vessels_never_lengthen_the_mean_wait(SailingPolicy policy, double demand)
    {
        var previous = double.PositiveInfinity;
        for (var vessels = 1; vessels <= 4; vessels++)
        {
            var wait = Enumerable.Range(0, 4).Average(s => Run(Scenario(demand, vessels, 200 + s, policy: policy, berths: 4)).Waits.Mean);
            wait.ShouldBeLessThanOrEqualTo(previous, $"{vessels} vessels");
            previous = Math.Min(previous, wait);
        }
    }

    [Fact]
    public void Waits_grow_with_demand_and_a_saturated_crossing_builds_a_backlog()
    {
        var light = Run(Scenario(10_000, 2, 9));
        var heavy = Run(Scenario(60_000, 2, 9));
        heavy.Waits.Mean.ShouldBeGreaterThan(light.Waits.Mean);
        heavy.BacklogTeu.ShouldBeGreaterThan(light.BacklogTeu);
        heavy.Ports[0].MaxQueueTeu.ShouldBeGreaterThan(light.Ports[0].MaxQueueTeu);
    }

    [Fact]
    public void A_sail_when_full_vessel_waits_no_longer_than_the_limit_for_cargo()
    {
        // One train a year in each direction: every sailing is by the 72 h limit, not full.
        var r = Run(Scenario(200, 1, 3));
        r.Lines[0].LoadFactor.ShouldBeLessThan(0.1);
        r.Vessels[0].Sailings.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Scheduled_sailings_follow_the_timetable()
    {
        // 3 departures a week each way with enough vessels: about 3 × 52 × 2 sailings.
        var r = Run(Scenario(5_000, 3, 4, policy: SailingPolicy.Scheduled, berths: 3));
        r.Lines[0].Sailings.ShouldBeInRange(290, 313);
    }

    [Fact]
    public void Hydrostatics_matches_a_hand_computed_case_for_the_ASCO_Ro_Pax()
    {
        // Azerbaijan (ASCO Ro-Pax, 2021): 154.5 m × 17.7 m, draft 4.5 m, DWT 5,740 t (PortNews 2022-12-26; Baird Maritime).
        // C_WP 0.85 (assumption), ρ 1.0095 t/m³: TPC = 0.85 × 154.5 × 17.7 × 1.0095 / 100 = 23.4653 t/cm.
        // Aktau berth depth 6.0 m at −29.10 m; at −30.60 m: 4.50 m; less 0.5 m clearance: 4.00 m allowed.
        // 50 cm to come up × 23.4653 = 1,173.27 t lost; payload 4,566.73 t; factor 0.79560.
        var hull = new HullParticulars("V-ASCO-AZERBAIJAN", 154.5, 17.7, 4.5, 0.85, 5740);
        Hydrostatics.TonnesPerCm(hull, 1.0095).ShouldBe(23.4653, 1e-4);
        var allowed = Hydrostatics.DepthAt(6.0, -29.10, -30.60) - 0.5;
        allowed.ShouldBe(4.0, 1e-12);
        Hydrostatics.AllowedPayloadTonnes(hull, allowed, 1.0095).ShouldBe(4566.73, 0.01);
        Hydrostatics.PayloadFactor(hull, allowed, 1.0095).ShouldBe(0.79560, 1e-5);
        Hydrostatics.PayloadFactor(hull, 4.6, 1.0095).ShouldBe(1);
        Hydrostatics.PayloadFactor(hull, 1.0, 1.0095).ShouldBe(0);
    }

    [Fact]
    public void Sea_level_trajectory_interpolates_between_years_and_is_flat_beyond()
    {
        var t = new SeaLevelTrajectory([(2020, -28.23), (2025, -29.21), (2030, -30.0)]);
        t.Level(2020).ShouldBe(-28.23);
        t.Level(2027).ShouldBe(-29.21 + (0.4 * (-30.0 + 29.21)), 1e-12);
        t.Level(2010).ShouldBe(-28.23);
        t.Level(2040).ShouldBe(-30.0);
    }

    [Fact]
    public void A_wait_curve_interpolates_and_extends_its_last_slope()
    {
        var curve = new CaspianWaitCurve("L", 2024, -29.1, [42], [new(10_000, 20, 40, 10_000, 0), new(50_000, 60, 120, 50_000, 0), new(100_000, 260, 600, 80_000, 30_000)]);
        curve.WaitHours(5_000).ShouldBe(20);
        curve.WaitHours(30_000).ShouldBe(40, 1e-9);
        curve.WaitHours(150_000).ShouldBe(460, 1e-9);
        curve.P90Hours(75_000).ShouldBe(360, 1e-9);
        curve.IsSaturated(100_000).ShouldBeTrue();
        curve.IsSaturated(10_000).ShouldBeFalse();
    }

    [Fact]
    public void Computed_wait_curves_rise_with_demand()
    {
        var curves = CaspianWaitCurve.Compute((d, s) => Scenario(d, 2, s), [5_000, 20_000, 40_000], [1, 2], 2024, -29.1, TestContext.Current.CancellationToken);
        curves.Count.ShouldBe(2);
        curves[^1].LineId.ShouldBe(CaspianWaitCurve.WholeCrossing);
        var p = curves[^1].Points;
        p[2].MeanWaitHours.ShouldBeGreaterThan(p[0].MeanWaitHours);
    }
}

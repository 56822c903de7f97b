using Corridors.Application.Contracts;
using Corridors.Application.Services;
using Corridors.Network;

namespace Corridors.Tests.Caspian;

public sealed class CaspianServiceTests
{
    private static readonly CaspianService Service = new(TestWorkspaces.Bundled());

    private static CaspianDocument Run(CaspianRequest request)
    {
        var outcome = Service.Run(request, null, TestContext.Current.CancellationToken);
        outcome.IsValid.ShouldBeTrue(string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return outcome.Value.Document;
    }

    [Fact]
    public void The_bundled_2024_crossing_runs_on_the_network_fleet_and_conserves_cargo()
    {
        var d = Run(new CaspianRequest { Year = 2024 });
        d.DemandTeu.ShouldBe(56_500);
        d.DemandWagons.ShouldBe(63_433); // (4.484 Mt − 56,500 TEU × 12 t) / 60 t
        d.Lines.Single(l => l.Id == "S-RAILFERRY-ALAT-AKTAU").VesselCount.ShouldBe(6); // data/caspian/fleet.csv
        d.SeaLevelM.ShouldBe(-29.1);
        d.Lines.Select(l => l.Id).ShouldContain("S-ROPAX-ALAT-KURYK-2022");
        d.Lines.Select(l => l.Id).ShouldContain("S-RAILFERRY-ALAT-AKTAU");
        d.PayloadFactor.Keys.ShouldContain("V-ASCO-AZERBAIJAN");
        d.ArrivedTeu.ShouldBe(d.ThroughputTeu + d.BacklogTeu, 1.5);
        d.MeanWaitHours.ShouldBeGreaterThan(0);
        d.P90WaitHours.ShouldBeGreaterThanOrEqualTo(d.P50WaitHours);
        d.Seed.ShouldBe(42);
    }

    [Fact]
    public void The_same_request_gives_the_same_document()
    {
        var request = new CaspianRequest { Year = 2022, Days = 120 };
        ContractJson.Serialize(Run(request)).ShouldBe(ContractJson.Serialize(Run(request)));
    }

    [Fact]
    public void A_lower_sea_never_raises_payload_or_capacity()
    {
        var previousFactor = new Dictionary<string, double>();
        var previousShipped = double.PositiveInfinity;
        foreach (var level in new[] { -29.0, -30.0, -30.6, -31.2, -32.0, -33.0 })
        {
            var d = Run(new CaspianRequest { Year = 2025, Level = level, DemandTeu = 400_000 });
            foreach (var (id, f) in d.PayloadFactor)
            {
                f.ShouldBeLessThanOrEqualTo(previousFactor.GetValueOrDefault(id, 1));
                previousFactor[id] = f;
            }

            d.ThroughputTeu.ShouldBeLessThanOrEqualTo(previousShipped, $"level {level}");
            previousShipped = d.ThroughputTeu;
        }

        // At −33 m the Ro-Pax (4.5 m design draft) may float at no more than 6.0 + (−33 + 29.1) − 0.5 = 1.6 m at Aktau-side lines.
        previousFactor["V-ASCO-BALAKAN"].ShouldBeLessThan(1);
    }

    [Fact]
    public void Dredging_raises_the_payload_of_a_falling_sea()
    {
        // Aktau is dredged to 7.7 m from 2026 (data/caspian/port_depths.csv): the same level costs less payload.
        var before = Run(new CaspianRequest { Year = 2025, Level = -31.0, Days = 30 });
        var after = Run(new CaspianRequest { Year = 2026, Level = -31.0, Days = 30 });
        before.PayloadFactor["V-ASCO-BALAKAN"].ShouldBeLessThan(after.PayloadFactor["V-ASCO-BALAKAN"]);
    }

    [Fact]
    public void Added_ro_pax_shorten_the_Kuryk_line_wait()
    {
        double Wait(string[] add) => Enumerable.Range(0, 3).Average(s =>
            Run(new CaspianRequest { Year = 2024, DemandTeu = 80_000, FleetAdd = add, Seed = 10 + s }).Lines.Single(l => l.Id == "S-ROPAX-ALAT-KURYK-2022").MeanWaitHours);
        var without = Wait([]);
        var with = Wait(["ro-pax:2"]);
        with.ShouldBeLessThan(without);
    }

    [Fact]
    public void The_2024_surge_waits_longer_than_2022()
    {
        // Not 2022 against 2021: with the fleet of fleet.csv a quiet year's sail-when-full vessels wait up to
        // max_wait_h to fill, so thin demand waits too; the 2024 surge (56,500 TEU and 4.5 Mt) is what queues.
        double Mean(int year) => Enumerable.Range(0, 3).Average(s => Run(new CaspianRequest { Year = year, Seed = 1 + s }).MeanWaitHours);
        Mean(2024).ShouldBeGreaterThan(1.5 * Mean(2022));
    }

    [Fact]
    public void The_groupage_network_carries_the_simulated_crossing_waits_and_the_block_train_network_does_not()
    {
        // Given a workspace without a cache (every call simulates) and one with a fresh cache directory
        var cache = Path.Combine(Path.GetTempPath(), "corridors-tests", "crossing-" + Guid.NewGuid().ToString("N"));
        var cached = new Corridors.Application.Workspace.CorridorsWorkspace(new() { DataDirectory = RepoPaths.Data, CacheDirectory = cache });
        var direct = Service.CrossingWaitsFor(2024, TestContext.Current.CancellationToken)!;

        // When the groupage snapshot of 2024 is built (twice: the second workspace reads the cache file)
        var first = cached.Snapshot(2024, ServiceLevel.Groupage).Network;
        var second = new Corridors.Application.Workspace.CorridorsWorkspace(new() { DataDirectory = RepoPaths.Data, CacheDirectory = cache }).Snapshot(2024, ServiceLevel.Groupage).Network;

        // Then both carry the same waits as a direct simulation, on every directed Caspian ferry and feeder crossing
        Directory.GetFiles(cache, "caspian-waits-2024-*.json").Length.ShouldBe(1);
        foreach (var network in new[] { first, second })
        {
            network.CrossingWaits.ShouldNotBeNull();
            network.CrossingWaits.Entries.ShouldBe(direct.Entries);
            network.CrossingWaits.Source.ShouldBe(direct.Source);
        }

        direct.Count.ShouldBe(10); // Aktau, Kuryk and Turkmenbashi ferries and the Aktau and Turkmenbashi feeders, both ways
        direct.TryGet("F-KZ-AZ-AKTAU-ALAT", "KZ-AKTAU", out var aktau).ShouldBeTrue();
        aktau.MeanHours.ShouldBeGreaterThan(0);
        aktau.P90Hours.ShouldBeGreaterThanOrEqualTo(aktau.MeanHours);
        var edges = Enumerable.Range(0, first.EdgeCount).Where(e => first.Schedule.CrossingWaitOf(e) is not null).ToList();
        edges.Count.ShouldBe(direct.Count);
        cached.Snapshot(2024, ServiceLevel.BlockTrain).Network.CrossingWaits.ShouldBeNull();
        new Corridors.Application.Workspace.CorridorsWorkspace(new() { DataDirectory = RepoPaths.Data, SimulateCrossings = false })
            .Snapshot(2024).Network.CrossingWaits.ShouldBeNull();
        Directory.Delete(cache, recursive: true);
    }

    [Fact]
    public void The_simulated_waits_show_the_2024_surge_against_2022()
    {
        // Mean westbound wait of the crossings, pooled over the three ferry lines.
        static double Ferries(CrossingWaits w) => new[] { ("F-KZ-AZ-AKTAU-ALAT", "KZ-AKTAU"), ("F-KZ-AZ-KURYK-ALAT", "KZ-KURYK"), ("F-TM-AZ-TURKMENBASHI-ALAT", "TM-TURKMENBASHI") }
            .Average(k => w.TryGet(k.Item1, k.Item2, out var x) ? x.MeanHours : double.NaN);
        var w2022 = Service.CrossingWaitsFor(2022, TestContext.Current.CancellationToken)!;
        var w2024 = Service.CrossingWaitsFor(2024, TestContext.Current.CancellationToken)!;
        Ferries(w2024).ShouldBeGreaterThan(Ferries(w2022) * 1.5);
        Service.CrossingWaitsFor(2019, TestContext.Current.CancellationToken).ShouldBeNull(); // no demand row at or before 2019
    }

    [Fact]
    public void Bad_requests_give_every_problem()
    {
        var outcome = Service.Run(new CaspianRequest { Year = 1990, Level = 5, Days = 0, DemandTeu = -1, FleetAdd = ["submarine:2", "ro-pax"], SeaScenario = "wet" }, null, TestContext.Current.CancellationToken);
        outcome.IsValid.ShouldBeFalse();
        outcome.Problems.Select(p => p.Field).ShouldBe(["year", "level", "days", "demandTeu", "seaScenario", "fleetAdd[0]", "fleetAdd[1]"], ignoreOrder: true);
    }

    [Fact]
    public void A_class_no_line_runs_is_refused()
    {
        var outcome = Service.Run(new CaspianRequest { Year = 2024, FleetAdd = ["container-ship:1"] }, null, TestContext.Current.CancellationToken);
        outcome.Problems.Single().Field.ShouldBe("fleetAdd[0]");
    }

    [Fact]
    public void Wait_curves_cover_every_line_and_the_whole_crossing()
    {
        var outcome = Service.Curve(new CaspianCurveRequest(new CaspianRequest { Year = 2024, Days = 120 }) { DemandsTeu = [10_000, 60_000, 150_000], Seeds = 1 }, TestContext.Current.CancellationToken);
        outcome.IsValid.ShouldBeTrue();
        var curves = outcome.Value.Curves;
        curves[^1].LineId.ShouldBe("*");
        curves.Count.ShouldBeGreaterThan(2);
        curves[^1].WaitHours(150_000).ShouldBeGreaterThan(curves[^1].WaitHours(10_000));
    }
}

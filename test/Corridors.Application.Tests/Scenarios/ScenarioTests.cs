using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Application.Workspace;
using Corridors.Diagnostics;
using Corridors.Network;

namespace Corridors.Tests.Scenarios;

/// <summary>Scenarios applied to the bundled data: presets, application, views, stored runs and sweeps.</summary>
public sealed class ScenarioTests
{
    private static readonly CorridorsWorkspace Workspace = TestWorkspaces.Bundled();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static CorridorsWorkspace Open(string scenario, CorridorsWorkspace? workspace = null) =>
        (workspace ?? Workspace).Scenarios.Open(scenario, allowFiles: true).Value;

    private static string File(string json)
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-scenarios-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "test.json");
        System.IO.File.WriteAllText(path, json);
        return path;
    }

    private static RoutesDocument Compare(CorridorsWorkspace view, string from, string to, int year = 2026) =>
        new RouteService(view).Compare(new CompareRequest(new RouteQueryRequest { From = from, To = to, Year = year, Depart = $"{year}-03-03" }), Token).Value.Document;

    [Fact]
    public void EmptyScenario_AnswersExactlyAsTheBaseline_AndTheBaseIsNeverChanged()
    {
        var empty = Open(File("{ \"title\": \"nothing\" }"));
        var before = Workspace.BaseDefinition;
        var russia = Open("russia-closed");

        ContractJson.Serialize(Compare(empty, "Xian", "Duisburg")).ShouldBe(ContractJson.Serialize(Compare(Workspace, "Xian", "Duisburg")));
        ContractJson.Serialize(Compare(empty, "Shanghai", "Rotterdam")).ShouldBe(ContractJson.Serialize(Compare(Workspace, "Shanghai", "Rotterdam")));
        Workspace.BaseDefinition.ShouldBeSameAs(before);
        russia.Definition.ShouldNotBeSameAs(before);
        before.Legs.Where(l => l.Countries.Contains("RU")).ShouldAllBe(l => l.Validity.Suspended == null);
        russia.Definition.Legs.Where(l => l.Countries.Contains("RU")).ShouldAllBe(l => !l.Validity.IsActive(2026));
        empty.Snapshot(2026).ShouldNotBeSameAs(Workspace.Snapshot(2026));
        russia.Snapshot(2026).ShouldBeSameAs(Open("russia-closed").Snapshot(2026));
    }

    [Theory]
    [InlineData("Xian", "Duisburg")]
    [InlineData("Shanghai", "Rotterdam")]
    [InlineData("Almaty", "Istanbul")]
    [InlineData("Chongqing", "Warsaw")]
    public void RussiaClosed_LeavesNoRouteThroughRussia(string from, string to)
    {
        var baseline = Compare(Workspace, from, to);
        var closed = Compare(Open("russia-closed"), from, to);

        baseline.Routes.ShouldContain(r => r.Countries.Contains("RU"));
        closed.Routes.ShouldNotBeEmpty();
        closed.Routes.ShouldAllBe(r => !r.Countries.Contains("RU") && r.Legs.All(l => !l.Countries.Contains("RU")));
        closed.Routes.ShouldNotContain(r => r.Family == "northern");
    }

    [Fact]
    public void RedSeaClosed_MovesSuezTrafficToTheCape()
    {
        var baseline = Compare(Workspace, "Shanghai", "Rotterdam");
        var closed = Compare(Open("red-sea-closed"), "Shanghai", "Rotterdam");
        var seaBaseline = new SeaService(Workspace).Route(new SeaRequest("Shanghai", "Rotterdam", new SeaRouteOptions { Geometry = false })).Value;
        var seaClosed = new SeaService(Open("red-sea-closed")).Route(new SeaRequest("Shanghai", "Rotterdam", new SeaRouteOptions { Geometry = false })).Value;

        baseline.Routes.ShouldContain(r => r.Passages.Contains("suez"));
        closed.Routes.ShouldAllBe(r => !r.Passages.Contains("suez") && !r.Passages.Contains("bab-el-mandeb"));
        closed.Routes.ShouldContain(r => r.Passages.Contains("cape-good-hope"));
        seaBaseline.Passages!.ShouldContain("suez");
        seaClosed.Passages!.ShouldNotContain("suez");
        seaClosed.Passages!.ShouldNotContain("bab-el-mandeb");
        seaClosed.DistanceKm!.Value.ShouldBeGreaterThan(seaBaseline.DistanceKm!.Value);
    }

    [Fact]
    public void LoweringTheCaspian_NeverRaisesCaspianCapacity()
    {
        var sweep = new SweepService(Workspace).Run(new SweepRequest
        {
            Parameters = [new SweepParameter("sea-level", -28.5, -31, 0.25)],
            Outputs = ["caspian-lift-teu"],
            CaspianDays = 5,
        }, Token).Value;

        var lift = sweep.Cases.Select(c => c.Outputs["caspian-lift-teu"]!.Value).ToArray();
        lift.Length.ShouldBe(11);
        for (var i = 1; i < lift.Length; i++)
        {
            lift[i].ShouldBeLessThanOrEqualTo(lift[i - 1], $"at {sweep.Cases[i].Parameters["sea-level"]} m");
        }

        lift[^1].ShouldBeLessThan(lift[0]);
        var minus = new CaspianService(Open("caspian-minus-1m")).Run(new CaspianRequest { Year = 2026, Days = 5 }, cancellationToken: Token).Value.Document;
        var baseline = new CaspianService(Workspace).Run(new CaspianRequest { Year = 2026, Days = 5 }, cancellationToken: Token).Value.Document;
        minus.SeaLevelM.ShouldBe(baseline.SeaLevelM - 1, 1e-9);
        minus.Vessels.Sum(v => v.CapacityTeu).ShouldBeLessThanOrEqualTo(baseline.Vessels.Sum(v => v.CapacityTeu));
    }

    [Fact]
    public void RunUnderAScenario_IsStoredWithTheScenarioFingerprint()
    {
        var store = Path.Combine(Path.GetTempPath(), "corridors-scenario-store-" + Guid.NewGuid().ToString("N") + ".db");
        var workspace = TestWorkspaces.Bundled(store: store);
        var view = Open("russia-closed", workspace);
        var answer = new RouteService(view).Route(new RouteRequest(new RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = "2026-03-03" }), Token).Value;

        var recorded = answer.Snapshot.Workspace.Runs.Record(new Application.Runs.RunInfo("route", "--scenario russia-closed", answer.Snapshot.Year, null), answer.Document);
        var baseline = workspace.Runs.Record(new Application.Runs.RunInfo("route", "", 2026, null), answer.Document);

        using var opened = workspace.Runs.Open();
        opened.TryGet(recorded.RunId!.Value, out var run).ShouldBeTrue();
        run.Record.DataFingerprint.ShouldBe(workspace.DataFingerprint);
        run.Record.Scenario.ShouldBe("russia-closed");
        run.Record.ScenarioFingerprint.ShouldBe(view.Scenario!.Fingerprint);
        view.Scenario.Fingerprint.Length.ShouldBe(64);
        opened.TryGet(baseline.RunId!.Value, out var plain).ShouldBeTrue();
        plain.Record.DataFingerprint.ShouldBe(workspace.DataFingerprint);
        plain.Record.Scenario.ShouldBeNull();
        plain.Record.ScenarioFingerprint.ShouldBeNull();
    }

    [Fact]
    public void Sweep_GivesTheSameResultsOnOneAndTwoThreads_AndEachCaseIsASerialisableJob()
    {
        var request = new SweepRequest
        {
            Parameters = [new SweepParameter("demand-growth", 0, 100, 50), new SweepParameter("border-dwell", 1, 0.5, 0.5)],
            Outputs = ["route-days", "max-flow-teu", "caspian-lift-teu", "caspian-mean-wait-h"],
            Scenario = "russia-closed",
            CaspianDays = 20,
        };
        var service = new SweepService(Workspace);

        var one = ContractJson.Serialize(service.Run(request with { Threads = 1 }, Token).Value);
        var two = ContractJson.Serialize(service.Run(request with { Threads = 2 }, Token).Value);
        var jobs = service.Jobs(request).Value;
        var text = ContractJson.Serialize(jobs[3]);
        var again = System.Text.Json.JsonSerializer.Deserialize<SweepJob>(text, ContractJson.Options)!;

        two.ShouldBe(one);
        jobs.Count.ShouldBe(6);
        ContractJson.Serialize(service.Run(again, Token)).ShouldBe(ContractJson.Serialize(service.Run(jobs[3], Token)));
        var doc = service.Run(request with { Threads = 2 }, Token).Value;
        doc.Cases[0].Outputs["route-days"].ShouldNotBeNull();
        doc.Cases.Single(c => c.Parameters["demand-growth"] == 0 && c.Parameters["border-dwell"] == 0.5).Outputs["route-days"]!.Value
            .ShouldBeLessThan(doc.Cases.Single(c => c.Parameters["demand-growth"] == 0 && c.Parameters["border-dwell"] == 1).Outputs["route-days"]!.Value);
    }

    [Fact]
    public void Extends_MergesTheParent_AndTheChildsChangesApplyLast()
    {
        var child = Open(File("""
            {
              "extends": "russia-closed",
              "closures": [ { "passage": "suez" } ],
              "riskWeights": { "IR": 9 },
              "baseYear": 2027
            }
            """));

        var s = child.Scenario!.Scenario;
        s.Extends.ShouldBe(["russia-closed"]);
        s.Closures.Select(c => c.Target.Id).ShouldBe(["RU", "suez"]);
        s.Title.ShouldBe("Russia closed to transit");
        s.BaseYear.ShouldBe(2027);
        child.Definition.CountryById["IR"].RiskWeight.ShouldBe(9);
        var routes = Compare(child, "Shanghai", "Rotterdam", 2027);
        routes.Routes.ShouldAllBe(r => !r.Countries.Contains("RU") && !r.Passages.Contains("suez"));
        child.Scenario.Fingerprint.ShouldNotBe(Open("russia-closed").Scenario!.Fingerprint);
    }

    [Fact]
    public void EveryKindOfChange_ReachesTheDefinition()
    {
        var baseDef = Workspace.BaseDefinition;
        var digital = Open("digital-borders").Definition;
        var invest = Open("middle-corridor-2030-investments").Definition;
        var tripp = Open("tripp-opens");
        var crossing = baseDef.Legs.First(l => l.Id == "T-CN-KZ-ALASHANKOU-DOSTYK");
        var fleet = Open(File("""
            {
              "fleet": [ { "service": "S-RAILFERRY-ALAT-AKTAU", "add": 2, "remove": ["V-ASCO-BARDA"] } ],
              "tariffs": [ { "country": "KZ", "percent": -50 }, { "mode": "ocean", "absoluteUsdPerTeu": 100 } ],
              "capacity": [ { "leg": "T-CN-KZ-ALASHANKOU-DOSTYK", "scale": 2 } ],
              "newNodes": [ { "id": "KZ-NEW", "name": "New terminal", "country": "KZ", "kind": "terminal", "lat": 43.2, "lon": 76.9, "source": "assumption: test" } ],
              "newLegs": [ { "id": "R-KZ-NEW", "from": "KZ-NEW", "to": "KZ-ALMATY", "mode": "rail", "distanceKm": 10, "speedKmh": 40, "source": "assumption: test" } ],
              "newServices": [ { "id": "S-KZ-NEW", "leg": "R-KZ-NEW", "name": "Shuttle", "kind": "scheduled", "departuresPerWeek": 7, "source": "assumption: test" } ]
            }
            """)).Definition;

        digital.LegById[crossing.Id].Hours!.Value.Mode.ShouldBe(crossing.Hours!.Value.Mode * 0.5, 1e-9);
        invest.NodeById["AZ-ALAT"].HandlingTeuPerYear.ShouldBe(500_000);
        tripp.Definition.LegById["R-AM-TRIPP"].Validity.IsActive(2028).ShouldBeTrue();
        baseDef.LegById["R-AM-TRIPP"].Validity.IsActive(2028).ShouldBeFalse();
        tripp.Snapshot(2028).Network.Legs.ShouldContain(l => l.Id == "R-AM-TRIPP");
        var ferry = fleet.Services.Single(s => s.Id == "S-RAILFERRY-ALAT-AKTAU");
        ferry.Vessels.Count.ShouldBe(3);
        ferry.Vessels.ShouldNotContain("V-ASCO-BARDA");
        ferry.Vessels.Where(v => v != "V-ASCO-BALAKAN").ShouldAllBe(v => fleet.VesselById.ContainsKey(v));
        var kzLeg = baseDef.Legs.First(l => l.Countries.Count == 1 && l.Countries[0] == "KZ" && l.TariffUsdPerTeuKm > 0);
        fleet.LegById[kzLeg.Id].TariffUsdPerTeuKm.ShouldBe(kzLeg.TariffUsdPerTeuKm * 0.5, 1e-12);
        var ocean = baseDef.Legs.First(l => l.Mode == TransportMode.Ocean);
        fleet.LegById[ocean.Id].TariffFixedUsdPerTeu.ShouldBe(ocean.TariffFixedUsdPerTeu + 100, 1e-9);
        fleet.LegById[crossing.Id].CapacityMtPerYear.ShouldBe(crossing.CapacityMtPerYear * 2);
        fleet.NodeById.ContainsKey("KZ-NEW").ShouldBeTrue();
        fleet.LegById["R-KZ-NEW"].Countries.ShouldBe(["KZ"]);
        fleet.ServicesByLeg["R-KZ-NEW"].Single().DeparturesPerWeek.ShouldBe(7);
    }

    [Fact]
    public void DatedClosure_ClosesOnlyTheYearsItTouches()
    {
        var view = Open(File("""{ "closures": [ { "passage": "suez", "from": "2027-06-01", "to": "2028-02-01" } ] }"""));

        Compare(view, "Shanghai", "Rotterdam", 2026).Routes.ShouldContain(r => r.Passages.Contains("suez"));
        Compare(view, "Shanghai", "Rotterdam", 2027).Routes.ShouldAllBe(r => !r.Passages.Contains("suez"));
        Compare(view, "Shanghai", "Rotterdam", 2028).Routes.ShouldAllBe(r => !r.Passages.Contains("suez"));
        Compare(view, "Shanghai", "Rotterdam", 2029).Routes.ShouldContain(r => r.Passages.Contains("suez"));
    }

    [Fact]
    public void Compare_BaselineAgainstScenarios_OnPairsAssignmentAndCapacity()
    {
        var doc = new ScenarioService(Workspace).Compare(new ScenarioCompareRequest
        {
            Scenarios = ["russia-closed", "caspian-minus-1m"],
            Pairs = [new OdPair("Xian", "Duisburg")],
            DemandFile = Path.Combine(RepoPaths.Data, "demand", "2024.csv"),
            Samples = 500,
        }, Token).Value;

        doc.Scenarios.Select(s => s.Name).ShouldBe(["baseline", "russia-closed", "caspian-minus-1m"]);
        var od = doc.Routes.Single().Scenarios;
        od[0].Corridors.ShouldContain(c => c.Family == "northern");
        od[1].Corridors.ShouldNotContain(c => c.Family == "northern");
        od[1].Corridors.ShouldAllBe(c => c.P90Days >= c.P50Days);
        doc.Assignment!.Scenarios[0].CorridorShares.GetValueOrDefault("northern").ShouldBeGreaterThan(0);
        doc.Assignment.Scenarios[1].CorridorShares.GetValueOrDefault("northern").ShouldBe(0);
        doc.Assignment.Scenarios[1].Appear.ShouldNotBeEmpty();
        doc.Capacity!.Scenarios[1].MaxFlowTeu.ShouldNotBeNull();
        doc.Caspian[2].SeaLevelM.ShouldBe(doc.Caspian[0].SeaLevelM - 1, 1e-9);
        doc.Caspian[2].LiftTeu.ShouldBeLessThan(doc.Caspian[0].LiftTeu);
    }

    [Fact]
    public void UnknownScenario_IsARequestProblemWithASuggestion()
    {
        var outcome = new RouteService(Workspace).Route(new RouteRequest(new RouteQueryRequest { From = "Xian", To = "Duisburg", Scenario = "rusia-closed" }), Token);

        outcome.Problems.ShouldContain(p => p.Field == "scenario" && p.Message.StartsWith("Unknown scenario 'rusia-closed'; did you mean 'russia-closed'?", StringComparison.Ordinal));
        Workspace.Scenarios.Open("/etc/passwd.json", allowFiles: false).Problems.Single().Field.ShouldBe("scenario");
        Should.Throw<InputDataException>(() => Workspace.Scenarios.Open(File("""{ "closures": [ { "country": "RUS" } ] }"""), allowFiles: true));
    }
}

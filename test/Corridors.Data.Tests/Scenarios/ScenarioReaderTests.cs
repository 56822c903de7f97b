using Corridors.Data;
using Corridors.Data.Scenarios;
using Corridors.Network;

namespace Corridors.Tests.Scenarios;

public sealed class ScenarioReaderTests
{
    private static readonly Lazy<NetworkDefinition> Definition = new(() => NetworkLoader.Load(RepoPaths.Data).GetDefinitionOrThrow());

    private static ScenarioReader Reader => new(Definition.Value, Path.Combine(RepoPaths.Data, "scenarios"));

    private static string Dir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-scenario-reader-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void Presets_AreValidAgainstTheBundledData()
    {
        var presets = Reader.Presets();

        presets.ShouldBe(["caspian-2030-projection", "caspian-minus-1m", "digital-borders", "middle-corridor-2030-investments", "red-sea-closed", "russia-closed", "tripp-opens"]);
        foreach (var preset in presets)
        {
            var loaded = Reader.Load(Reader.PresetFile(preset)!);
            loaded.Diagnostics.ShouldBeEmpty(preset);
            loaded.Scenario!.Sources.ShouldNotBeEmpty(preset);
            loaded.Scenario.Name.ShouldBe(preset);
        }
    }

    [Fact]
    public void BadFile_EveryFieldIsReportedWithItsJsonPathAndAHint_AllAtOnce()
    {
        var json = """
            {
              "nmae": "typo",
              "baseYear": 1900,
              "closures": [
                { "country": "RU" },
                { "passage": "suze" },
                { "country": "RUS" },
                { "node": "CN-XIAN", "leg": "R-X" },
                { },
                { "crossing": "CN-XIAN" },
                { "service": "S-NOPE", "from": "2027-13-01" },
                { "country": "KZ", "from": "2028-01-01", "to": "2027-01-01" }
              ],
              "capacity": [ { "leg": "T-CN-KZ-ALASHANKOU-DOSTYK", "scale": -1 }, { "node": "AZ-ALAT", "scale": 2, "setTeuPerYear": 5 }, { "service": "S-RAILFERRY-ALAT-AKTAU", "setTeuPerYear": 5 } ],
              "tariffs": [ { "operator": "asko", "percent": 10 }, { "mode": "rocket", "percent": 5 }, { "country": "KZ" } ],
              "dwell": [ { "crossings": "some", "factor": 0.5 }, { "node": "KZ-DOSTYK", "factor": "half" } ],
              "fleet": [ { "service": "S-RAILFERRY-ALAT-AKTAU", "add": 2, "copyOf": "V-NOPE", "remove": ["V-ASCO-AZERBAIJAN"] } ],
              "openings": [ { "leg": "R-AM-TRIPP" } ],
              "newNodes": [ { "id": "CN-XIAN", "name": "dup", "country": "XX", "kind": "moon", "lat": 95, "lon": 0, "source": "assumption: test" } ],
              "newLegs": [ { "id": "R-NEW", "from": "CN-XIAN", "to": "NOWHERE", "mode": "rail", "distanceKm": 10, "source": "assumption: test" } ],
              "newServices": [ { "id": "S-NEW", "leg": "R-NEW", "name": "x", "kind": "daily", "departuresPerWeek": 1 } ],
              "seaLevel": { "levelM": -29, "offsetM": -1 },
              "demandGrowthPercent": "lots",
              "riskWeights": { "IRN": 3, "KZ": 11 }
            }
            """;

        var result = Reader.Parse(json, "bad.json");
        var messages = result.Diagnostics.Select(d => d.Message).ToArray();

        result.IsValid.ShouldBeFalse();
        result.Scenario.ShouldBeNull();
        messages.ShouldBe(
        [
            "$.nmae: unknown field 'nmae'; did you mean 'name'?",
            "$.baseYear: 1900 is out of range; give 2000 to 2100.",
            "$.newNodes[0].id: a node 'CN-XIAN' exists already; a new node needs a new id.",
            "$.newNodes[0].country: unknown country 'XX'; use an ISO 3166-1 alpha-2 code of countries.csv.",
            "$.newNodes[0].kind: unknown kind 'moon'; known: border, city, dry-port, junction, seaport, terminal.",
            "$.newNodes[0].lat: 95 is out of range; give -90 to 90.",
            "$.newLegs[0].to: unknown node 'NOWHERE'.",
            "$.newLegs[0]: a new leg needs speedKmh or hours.",
            "$.newServices[0].kind: unknown kind 'daily'; known: sail-when-full, scheduled.",
            "$.newServices[0].source: missing.",
            "$.closures[1].passage: unknown passage 'suze'; did you mean 'suez'?",
            "$.closures[2].country: unknown country 'RUS'; did you mean 'RU'?",
            "$.closures[3]: give only one of node, leg.",
            "$.closures[4]: say what it applies to: one of country, crossing, crossings, node, leg, passage, service, mode, operator.",
            "$.closures[5].crossing: unknown border crossing (a border node or a transfer leg between two countries) 'CN-XIAN'.",
            "$.closures[6].service: unknown service 'S-NOPE'.",
            "$.closures[6].from: '2027-13-01' is not a date yyyy-MM-dd in 2000–2100.",
            "$.closures[7].to: the closure ends (2027-01-01) before it starts (2028-01-01).",
            "$.capacity[0].scale: -1 is out of range; give 0 to 100.",
            "$.capacity[1]: give scale or setTeuPerYear, not both.",
            "$.capacity[2].setTeuPerYear: a service's capacity is per departure; use scale for a service.",
            "$.openings[0].year: missing; give the first year in service.",
            "$.tariffs[0].operator: unknown operator 'asko'; did you mean 'ASCO'?",
            "$.tariffs[1].mode: unknown mode 'rocket'; known: feeder, ferry, inland-waterway, ocean, rail, road.",
            "$.tariffs[2]: give percent or absoluteUsdPerTeu.",
            "$.dwell[0].crossings: expected \"all\" (every border crossing).",
            "$.dwell[1].factor: expected a number, got the string \"half\".",
            "$.fleet[0].copyOf: unknown vessel 'V-NOPE'.",
            "$.fleet[0].remove[0]: 'V-ASCO-AZERBAIJAN' is not a vessel of service 'S-RAILFERRY-ALAT-AKTAU'; known: V-ASCO-BALAKAN, V-ASCO-BARDA.",
            "$.seaLevel: give exactly one of levelM, offsetM or trajectory.",
            "$.demandGrowthPercent: expected a number, got the string \"lots\".",
            "$.riskWeights.IRN: unknown country 'IRN'; did you mean 'IR'?",
            "$.riskWeights.KZ: a risk weight is a number from 0 to 10 (countries.csv's scale).",
        ], ignoreOrder: true);
        result.Diagnostics.ShouldAllBe(d => d.IsError && d.File == "bad.json" && d.Code.StartsWith("CORR08", StringComparison.Ordinal));
        var rus = result.Diagnostics.Single(d => d.Message.StartsWith("$.closures[2]", StringComparison.Ordinal));
        (rus.Line, rus.Column, rus.Code).ShouldBe((7, 18, "CORR0805"));
        rus.ToString().ShouldBe("bad.json(7,18): error CORR0805: $.closures[2].country: unknown country 'RUS'; did you mean 'RU'?");
    }

    [Fact]
    public void NotJson_IsReportedAtItsPlace()
    {
        var result = Reader.Parse("{\n  \"closures\": [ { \"country\": \"RU\" ] }\n", "broken.json");

        var d = result.Diagnostics.Single();
        d.Code.ShouldBe("CORR0801");
        d.Line.ShouldBe(2);
        d.Message.ShouldStartWith("$: the file is not valid JSON:");
    }

    [Fact]
    public void Extends_ResolvesPresetsAndRelativeFiles_AndReportsCycles()
    {
        var dir = Dir();
        File.WriteAllText(Path.Combine(dir, "a.json"), """{ "extends": "b.json", "closures": [ { "passage": "suez" } ] }""");
        File.WriteAllText(Path.Combine(dir, "b.json"), """{ "extends": "russia-closed", "demandGrowthPercent": 20 }""");
        File.WriteAllText(Path.Combine(dir, "c.json"), """{ "extends": "d.json" }""");
        File.WriteAllText(Path.Combine(dir, "d.json"), """{ "extends": "c.json" }""");
        File.WriteAllText(Path.Combine(dir, "e.json"), """{ "extends": "rusia-closed" }""");

        var a = Reader.Load(Path.Combine(dir, "a.json"));
        var cycle = Reader.Load(Path.Combine(dir, "c.json"));
        var typo = Reader.Load(Path.Combine(dir, "e.json"));

        a.Diagnostics.ShouldBeEmpty();
        a.Scenario!.Extends.ShouldBe(["b", "russia-closed"]);
        a.Scenario.Closures.Select(c => c.Target.Id).ShouldBe(["RU", "suez"]);
        a.Scenario.DemandGrowthPercent.ShouldBe(20);
        a.Files.Count.ShouldBe(3);
        cycle.Diagnostics.Single().Message.ShouldBe("$.extends: 'c.json' extends this file again (a cycle: c.json → d.json → c.json).");
        typo.Diagnostics.Single().Message.ShouldBe("$.extends: unknown scenario 'rusia-closed'; did you mean 'russia-closed'?.");

        // The fingerprint covers the parents: changing one changes it.
        var before = a.Fingerprint;
        File.WriteAllText(Path.Combine(dir, "b.json"), """{ "extends": "russia-closed", "demandGrowthPercent": 30 }""");
        Reader.Load(Path.Combine(dir, "a.json")).Fingerprint.ShouldNotBe(before);
    }

    [Fact]
    public void MissingFile_IsADiagnostic()
    {
        var result = Reader.Load(Path.Combine(Dir(), "none.json"));

        result.Diagnostics.Single().Code.ShouldBe("CORR0800");
        result.IsValid.ShouldBeFalse();
    }
}

public sealed class ScenarioSchemaTests
{
    [Fact]
    public void PublishedSchema_NamesExactlyTheFieldsTheReaderReads()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "scenario.schema.json")));

        var fields = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

        fields.ShouldBe(ScenarioJson.RootFields.Order(StringComparer.Ordinal));
    }
}

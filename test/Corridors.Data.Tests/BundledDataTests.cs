using Corridors.Data;
using Corridors.Network;

namespace Corridors.Tests;

/// <summary>The bundled baseline network: loads cleanly, is fully sourced, and offers real alternatives.</summary>
public sealed class BundledDataTests
{
    public static readonly string[] ChineseOrigins =
        ["CN-XIAN", "CN-CHONGQING", "CN-CHENGDU", "CN-ZHENGZHOU", "CN-YIWU", "CN-URUMQI", "CN-LIANYUNGANG", "CN-SHANGHAI", "CN-NINGBO", "CN-QINGDAO"];

    public static readonly string[] EuropeanDestinations =
        ["DE-DUISBURG", "DE-HAMBURG", "NL-ROTTERDAM", "PL-LODZ", "PL-MALASZEWICZE", "HU-BUDAPEST", "CZ-PRAGUE", "RO-CONSTANTA", "TR-ISTANBUL", "GR-PIRAEUS", "TR-MERSIN"];

    private static readonly Lazy<NetworkLoadResult> Loaded = new(() => NetworkLoader.Load(RepoPaths.Data));

    [Fact]
    public void Load_BundledData_HasNoErrors()
    {
        var result = Loaded.Value;

        result.ErrorCount.ShouldBe(0, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Take(30)));
        result.Definition.ShouldNotBeNull();
    }

    [Fact]
    public void Load_BundledData_EveryRowIsSourcedOrAnAssumption()
    {
        var d = Loaded.Value.GetDefinitionOrThrow();
        var provenances = d.Nodes.Select(x => (x.Id, x.Provenance)).Concat(d.Legs.Select(x => (x.Id, x.Provenance)))
            .Concat(d.Services.Select(x => (x.Id, x.Provenance))).Concat(d.Vessels.Select(x => (x.Id, x.Provenance)))
            .Concat(d.Countries.Select(x => (x.Id, x.Provenance))).Concat(d.Passages.Select(x => (x.Id, x.Provenance)))
            .Concat(d.EmissionFactors.Select(x => (x.Id, x.Provenance))).Concat(d.Parameters.Select(x => (x.Key, x.Provenance)));

        foreach (var (id, p) in provenances)
        {
            p.Source.ShouldNotBeNullOrWhiteSpace($"'{id}' has no source");
            (p.IsAssumption || p.Source.Contains("http", StringComparison.OrdinalIgnoreCase) || p.Source.Contains(',', StringComparison.Ordinal))
                .ShouldBeTrue($"'{id}' source is neither a citation nor an assumption: {p.Source}");
        }
    }

    [Fact]
    public void Network2025_EveryChineseOriginReachesEveryEuropeanDestination_ByThreeCorridors()
    {
        var network = CorridorNetwork.Build(Loaded.Value.GetDefinitionOrThrow(), 2025);
        var missing = new List<string>();

        foreach (var o in ChineseOrigins)
        {
            foreach (var dest in EuropeanDestinations)
            {
                network.TryGetNode(o, out var origin).ShouldBeTrue($"origin {o} missing");
                network.TryGetNode(dest, out var destination).ShouldBeTrue($"destination {dest} missing");
                foreach (var (name, allowed, required) in Corridors(network))
                {
                    if (!Reaches(network, origin, destination, allowed, required))
                    {
                        missing.Add($"{o} → {dest}: no {name} route");
                    }
                }
            }
        }

        missing.ShouldBeEmpty(string.Join("\n", missing));
    }

    [Fact]
    public void Network2025_WithRussiaAndBelarusAvoided_StillReachesEuropeOverland()
    {
        var network = CorridorNetwork.Build(Loaded.Value.GetDefinitionOrThrow(), 2025);
        var avoid = network.CountryMaskOf(["RU", "BY"]);
        network.TryGetNode("CN-XIAN", out var xian).ShouldBeTrue();
        network.TryGetNode("DE-DUISBURG", out var duisburg).ShouldBeTrue();

        Reaches(network, xian, duisburg, e => (network.CountryMask[e] & avoid) == 0 && network.Mode[e] != (byte)TransportMode.Ocean, _ => true)
            .ShouldBeTrue();
    }

    [Fact]
    public void Caspian_IsCrossedOnlyByItsFerryAndFeederServices()
    {
        var d = Loaded.Value.GetDefinitionOrThrow();
        var caspianLegs = 0;
        foreach (var leg in d.Legs.Where(l => l.IsWater))
        {
            var a = d.NodeById[leg.From];
            var b = d.NodeById[leg.To];
            var caspianEnds = (a.Sea == SeaArea.Caspian ? 1 : 0) + (b.Sea == SeaArea.Caspian ? 1 : 0);
            if (caspianEnds == 0)
            {
                continue;
            }

            if (caspianEnds == 2 && leg.Mode is TransportMode.Ferry or TransportMode.Feeder)
            {
                caspianLegs++;
                continue;
            }

            // Anything else leaving the Caspian must be the Russian inland waterway, tagged and seasonal.
            leg.Mode.ShouldBe(TransportMode.InlandWaterway, $"leg {leg.Id}");
            leg.Countries.ShouldContain("RU", $"leg {leg.Id}");
            leg.Passages.ShouldContain("volga-don", $"leg {leg.Id}");
            leg.OpenMonths.ShouldNotBeNull($"leg {leg.Id} must carry its seasonal limit");
        }

        caspianLegs.ShouldBeGreaterThan(2);
        var oceanFromCaspian = d.Legs.Where(l => l.Mode == TransportMode.Ocean
            && (d.NodeById[l.From].Sea == SeaArea.Caspian || d.NodeById[l.To].Sea == SeaArea.Caspian)).Select(l => l.Id);
        oceanFromCaspian.ShouldBeEmpty();
    }

    [Fact]
    public void AvoidingRussia_RemovesEveryWaterLinkOutOfTheCaspian()
    {
        var network = CorridorNetwork.Build(Loaded.Value.GetDefinitionOrThrow(), 2025);
        var ru = network.CountryMaskOf(["RU"]);
        for (var e = 0; e < network.EdgeCount; e++)
        {
            // Waterways out of the Caspian (Volga–Don); the Danube (issue 11) runs elsewhere and is not Russian.
            var leg = network.Legs[network.EdgeLeg[e]];
            if (leg.Mode == TransportMode.InlandWaterway && (network.Nodes[network.Tail[e]].Sea == SeaArea.Caspian || network.Nodes[network.Head[e]].Sea == SeaArea.Caspian))
            {
                (network.CountryMask[e] & ru).ShouldNotBe(0UL, $"{leg.Id} must be tagged RU so avoiding Russia removes it");
            }
        }
    }

    private static IEnumerable<(string Name, Func<int, bool> Allowed, Func<int, bool> Required)> Corridors(CorridorNetwork n)
    {
        var russia = n.CountryMaskOf(["RU", "BY"]);
        bool IsCaspian(int e) => n.Mode[e] is (byte)TransportMode.Ferry or (byte)TransportMode.Feeder
            && n.Nodes[n.Tail[e]].Sea == SeaArea.Caspian && n.Nodes[n.Head[e]].Sea == SeaArea.Caspian;
        bool IsOcean(int e) => n.Mode[e] == (byte)TransportMode.Ocean;
        bool TouchesRussia(int e) => (n.CountryMask[e] & russia) != 0;

        yield return ("Middle (Caspian, no Russia/Belarus)", e => !TouchesRussia(e) && !IsOcean(e), IsCaspian);
        yield return ("Northern (through Russia)", e => !IsOcean(e) && !IsCaspian(e), TouchesRussia);
        yield return ("sea", e => !TouchesRussia(e) && !IsCaspian(e), IsOcean);
    }

    /// <summary>Reachability over allowed edges that uses at least one required edge (BFS on a two-layer graph).</summary>
    private static bool Reaches(CorridorNetwork n, NodeId from, NodeId to, Func<int, bool> allowed, Func<int, bool> required)
    {
        var seen = new bool[n.NodeCount * 2];
        var queue = new Queue<int>();
        queue.Enqueue(from.Value * 2);
        seen[from.Value * 2] = true;
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var (v, used) = (state / 2, state % 2);
            if (v == to.Value && used == 1)
            {
                return true;
            }

            for (var e = n.FirstEdge[v]; e < n.FirstEdge[v + 1]; e++)
            {
                if (!allowed(e))
                {
                    continue;
                }

                var next = n.Head[e] * 2 + (used == 1 || required(e) ? 1 : 0);
                if (!seen[next])
                {
                    seen[next] = true;
                    queue.Enqueue(next);
                }
            }
        }

        return false;
    }
}

using BenchmarkDotNet.Attributes;
using Corridors.Network;
using Corridors.Reliability;

namespace Corridors.Benchmarks;

/// <summary>
/// Monte Carlo throughput: 100,000 trips of a synthetic 20-leg route that exercises every element model (rail
/// running variation, border dwell with long holds, sail-when-full ferry with missed sailings and weather,
/// scheduled feeder, a scale shock and an add-once shock). Leg-samples per second = 2,000,000 / mean time.
/// Baseline: one worker thread; the ratio shows the parallel speed-up on the machine's cores.
/// </summary>
[MemoryDiagnoser]
public class ReliabilityBenchmarks
{
    private const int Samples = 100_000;
    private RoutePlan _plan = null!;

    /// <summary>Legs of the synthetic route.</summary>
    public const int Legs = 20;

    [Params(1, -1)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _plan = SyntheticRoute.Build(Legs);

    [Benchmark(Description = "100k trips of a 20-leg route")]
    public double HundredThousandTrips() =>
        new MonteCarloEngine().Run(_plan, new MonteCarloOptions { Samples = Samples, Seed = 42, MaxDegreeOfParallelism = Threads }).MeanHours;
}

/// <summary>Builds a line network of rail legs with a Caspian ferry and a Black Sea feeder in the middle.</summary>
internal static class SyntheticRoute
{
    private static readonly DataOrigin Here = new("bench", 1);
    private static readonly Provenance Source = new("assumption: synthetic benchmark network");

    public static RoutePlan Build(int legs)
    {
        var nodes = new List<Node>();
        var legList = new List<Leg>();
        var services = new List<Service>();
        for (var i = 0; i <= legs; i++)
        {
            var border = i % 4 == 2;
            var sea = i == legs / 2 || i == (legs / 2) + 1 ? SeaArea.Caspian : i == (legs / 2) + 3 || i == (legs / 2) + 4 ? SeaArea.BlackSea : SeaArea.None;
            nodes.Add(new Node("N" + i, "N" + i, [], "KZ", border ? NodeKind.Border : sea != SeaArea.None ? NodeKind.Seaport : NodeKind.Junction, 43 + (i * 0.1), 51, true, [],
                sea, null, null, border || sea != SeaArea.None ? new Triangular(2, 6, 30) : null, border ? DwellRule.Always : DwellRule.Transfer, null, null, Validity.Always, Source, Here));
        }

        for (var i = 1; i <= legs; i++)
        {
            var mode = i == (legs / 2) + 1 ? TransportMode.Ferry : i == (legs / 2) + 4 ? TransportMode.Feeder : TransportMode.Rail;
            var hours = mode == TransportMode.Rail ? (Triangular?)null : new Triangular(18, 22, 40);
            legList.Add(new Leg("L" + i, "N" + (i - 1), "N" + i, mode, false, 400, mode == TransportMode.Rail ? 35 : null, hours, null, null, 0, 0, null, null, null,
                ["KZ"], [], null, null, null, Validity.Always, Source, Here));
            if (mode == TransportMode.Ferry)
            {
                services.Add(new Service("S" + i, "L" + i, "ferry", null, ServiceKind.SailWhenFull, 1.75, [], 0, null, null, [], Validity.Always, Source, Here));
            }
            else if (mode == TransportMode.Feeder)
            {
                services.Add(new Service("S" + i, "L" + i, "feeder", null, ServiceKind.Scheduled, 2, [DayOfWeek.Monday, DayOfWeek.Thursday], 12, null, null, [], Validity.Always, Source, Here));
            }
        }

        var network = CorridorNetwork.Build(new NetworkDefinition([], [], nodes, legList, [], services, [], []), 2026);
        var path = Enumerable.Range(0, legs).Select(i => new EdgeId(network.OutEdges(new NodeId(i)).Start.Value)).ToArray();
        MonthSet.TryParse("11-3", out var winter);
        ReliabilityRule Rule(string id, ReliabilityComponent c, RuleScope s, string target, DelayDistribution d, double p = 1, ShockEffect e = ShockEffect.AddOnce, MonthSet? months = null) =>
            new(id, c, s, [target], months ?? MonthSet.All, p, d, e, Source, Here);
        var model = new ReliabilityModel(
        [
            Rule("rv", ReliabilityComponent.RunningVariation, RuleScope.Mode, "rail", DelayDistribution.Triangular(0.9, 1, 1.4)),
            Rule("tail", ReliabilityComponent.DwellTail, RuleScope.NodeKind, "border", DelayDistribution.LogNormalFromMedianP95(24, 96), 0.2),
            Rule("headway", ReliabilityComponent.SailingHeadway, RuleScope.Sea, "caspian", DelayDistribution.Uniform(72, 120)),
            Rule("missed", ReliabilityComponent.MissedSailing, RuleScope.Mode, "ferry", DelayDistribution.Zero, 0.1),
            Rule("missed-feeder", ReliabilityComponent.MissedSailing, RuleScope.Mode, "feeder", DelayDistribution.Zero, 0.05),
            Rule("storm", ReliabilityComponent.WeatherClosure, RuleScope.Sea, "caspian", DelayDistribution.Triangular(12, 48, 120), 0.15, months: winter),
            Rule("peak", ReliabilityComponent.Shock, RuleScope.Sea, "caspian", DelayDistribution.Triangular(1, 1.5, 2), 0.42, ShockEffect.Scale),
            Rule("closure", ReliabilityComponent.Shock, RuleScope.NodeKind, "border", DelayDistribution.Triangular(168, 240, 504), 0.015),
        ]);
        return model.Compile(network, path, new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.Zero));
    }
}

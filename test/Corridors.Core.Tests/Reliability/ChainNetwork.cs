using Corridors.Network;
using Corridors.Reliability;

namespace Corridors.Tests.Reliability;

/// <summary>Builds tiny line networks N0 → N1 → … for reliability tests, one leg per hop.</summary>
internal sealed class ChainNetwork
{
    private static readonly DataOrigin Here = new("test", 1);
    private static readonly Provenance Source = new("assumption: test network");
    private readonly List<Node> _nodes = [];
    private readonly List<Leg> _legs = [];
    private readonly List<Service> _services = [];

    public ChainNetwork Node(string id, Triangular? dwell = null, DwellRule rule = DwellRule.Always, SeaArea sea = SeaArea.None, NodeKind kind = NodeKind.Junction, string country = "KZ")
    {
        _nodes.Add(new Node(id, id, [], country, kind, 43 + (_nodes.Count * 0.1), 51, true, [], sea, null, null, dwell, rule, null, null, Validity.Always, Source, Here));
        return this;
    }

    /// <summary>A leg from the previous node to the last added node.</summary>
    public ChainNetwork Leg(string id, TransportMode mode = TransportMode.Rail, Triangular? hours = null, double distanceKm = 100, double? speedKmh = null)
    {
        var from = _nodes[^2].Id;
        var to = _nodes[^1].Id;
        _legs.Add(new Leg(id, from, to, mode, false, distanceKm, speedKmh, hours, null, null, 0, 0, null, null, null, ["KZ"], [], null, null, null, Validity.Always, Source, Here));
        return this;
    }

    public ChainNetwork Service(string leg, ServiceKind kind, double perWeek, IReadOnlyList<DayOfWeek>? days = null, int hour = 0)
    {
        _services.Add(new Service("S-" + leg + "-" + _services.Count, leg, "service", null, kind, perWeek, days ?? [], hour, null, null, [], Validity.Always, Source, Here));
        return this;
    }

    public CorridorNetwork Build(out EdgeId[] path) => Build(out path, ServiceLevel.Groupage, []);

    /// <summary>The chain frozen for 2026 (or <paramref name="year"/>) at <paramref name="level"/> with service-level <paramref name="figures"/>.</summary>
    public CorridorNetwork Build(out EdgeId[] path, ServiceLevel level, IReadOnlyList<ServiceLevelFigure> figures, int year = 2026, IReadOnlyList<Parameter>? parameters = null)
    {
        var definition = new NetworkDefinition([], [], _nodes, _legs, [], _services, [], parameters ?? []) { ServiceLevelFigures = figures };
        var network = CorridorNetwork.Build(definition, year, level);
        network.TryGetNode(_nodes[0].Id, out var at).ShouldBeTrue();
        var edges = new List<EdgeId>();
        for (var i = 0; i < _legs.Count; i++)
        {
            var range = network.OutEdges(at);
            var (offset, length) = range.GetOffsetAndLength(network.EdgeCount);
            length.ShouldBe(1);
            edges.Add(new EdgeId(offset));
            at = new NodeId(network.Head[offset]);
        }

        path = [.. edges];
        return network;
    }

    /// <summary>A chain of <paramref name="legs"/> rail legs of <paramref name="hours"/> each (distance / speed).</summary>
    public static ChainNetwork RailChain(int legs, double hours)
    {
        var chain = new ChainNetwork().Node("N0");
        for (var i = 1; i <= legs; i++)
        {
            chain.Node("N" + i).Leg("L" + i, TransportMode.Rail, distanceKm: hours * 50, speedKmh: 50);
        }

        return chain;
    }

    public static ReliabilityRule Rule(
        string id,
        ReliabilityComponent component,
        RuleScope scope,
        string[] targets,
        DelayDistribution distribution,
        double probability = 1,
        ShockEffect effect = ShockEffect.AddOnce,
        string? months = null)
    {
        MonthSet.TryParse(months, out var set).ShouldBeTrue();
        return new ReliabilityRule(id, component, scope, targets, set, probability, distribution, effect, Source, Here);
    }

    public static Parameter Parameter(string key, double value) => new(key, value, string.Empty, Source, Here);

    public static ServiceLevelFigure Figure(string id, ServiceLevel? level, ServiceLevelFigureKind kind, string[] elements, Triangular? hours = null, double? speed = null) =>
        new(id, level, elements, kind, hours, speed, Source, Here);
}

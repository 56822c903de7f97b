using System.Collections.Frozen;

namespace Corridors.Network;

public sealed partial class CorridorNetwork
{
    private CorridorNetwork(NetworkDefinition definition, int year, ServiceLevel level, Node[] nodes, Leg[] legs, List<(int Tail, int Head, int Leg, bool Reversed)> edges, CrossingWaits? crossingWaits)
    {
        Definition = definition;
        Year = year;
        ServiceLevel = level;
        _nodes = nodes;
        _legs = legs;
        _nodeIndex = nodes.Select((n, i) => (n.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _countryBit = AssignBits(legs.SelectMany(l => l.Countries).Concat(nodes.Select(n => n.Country)), "countries");
        _passageBit = AssignBits(legs.SelectMany(l => l.Passages), "passages");

        // Grouped by tail, stable: edges keep file order within a node (deterministic results).
        var tails = new int[edges.Count];
        for (var k = 0; k < tails.Length; k++)
        {
            tails[k] = edges[k].Tail;
        }

        (_firstEdge, var slotEdge) = Csr.Group(nodes.Length, tails);
        var m = edges.Count;
        _head = new int[m];
        _tail = new int[m];
        _edgeLeg = new int[m];
        _edgeReversed = new bool[m];
        _lengthKm = new float[m];
        _hoursMode = new float[m];
        _hoursExpected = new float[m];
        _mode = new byte[m];
        _countryMask = new ulong[m];
        _passageMask = new ulong[m];
        for (var i = 0; i < m; i++)
        {
            var e = edges[slotEdge[i]];
            var leg = legs[e.Leg];
            _head[i] = e.Head;
            _tail[i] = e.Tail;
            _edgeLeg[i] = e.Leg;
            _edgeReversed[i] = e.Reversed;
            _lengthKm[i] = (float)leg.DistanceKm;
            _hoursMode[i] = (float)leg.RunningHoursMode;
            _hoursExpected[i] = (float)leg.RunningHoursExpected;
            _mode[i] = (byte)leg.Mode;
            _countryMask[i] = MaskOf(_countryBit, leg.Countries);
            _passageMask[i] = MaskOf(_passageBit, leg.Passages);
        }

        _lat = nodes.Select(n => n.Lat).ToArray();
        _lon = nodes.Select(n => n.Lon).ToArray();
        // Simulated crossing waits apply to groupage only: a block train keeps its booked sailings.
        CrossingWaits = level == ServiceLevel.Groupage ? crossingWaits : null;
        CrossingWait?[]? crossing = null;
        if (CrossingWaits is { Count: > 0 } table)
        {
            crossing = new CrossingWait?[m];
            for (var i = 0; i < m; i++)
            {
                crossing[i] = table.TryGet(legs[_edgeLeg[i]].Id, nodes[_tail[i]].Id, out var w) ? w : null;
            }
        }

        Schedule = new ServiceSchedule(definition, legs, _edgeLeg, year, level, crossing);
    }

    /// <summary>The simulated crossing waits frozen into this network (groupage only); null when none were given.</summary>
    public CrossingWaits? CrossingWaits { get; }

    /// <summary>
    /// Freezes the definition for <paramref name="year"/>: keeps nodes and legs active in that year (a leg also
    /// needs both ends active), builds the CSR graph and freezes the services of that year (<see cref="Schedule"/>).
    /// </summary>
    public static CorridorNetwork Build(NetworkDefinition definition, int year) => Build(definition, year, ServiceLevel.Groupage);

    /// <summary>
    /// Freezes the definition for <paramref name="year"/> as <see cref="Build(NetworkDefinition, int)"/> does, with the
    /// times of <paramref name="level"/>: each service_levels.csv row of that level (or of both) and year replaces the hours or
    /// speed of the legs it names and the dwell of the nodes it names, or sets their roll dwell. A later row for the
    /// same element and figure wins, so specific rows follow general ones in the file.
    /// </summary>
    public static CorridorNetwork Build(NetworkDefinition definition, int year, ServiceLevel level) => Build(definition, year, level, null);

    /// <summary>
    /// Freezes the definition as <see cref="Build(NetworkDefinition, int, ServiceLevel)"/> does and, at the
    /// <see cref="ServiceLevel.Groupage"/> level, the simulated waits of <paramref name="crossingWaits"/> into the
    /// schedule (<see cref="ServiceSchedule.CrossingWaitOf"/>), which routing and the Monte Carlo engine both read.
    /// </summary>
    public static CorridorNetwork Build(NetworkDefinition definition, int year, ServiceLevel level, CrossingWaits? crossingWaits)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var figures = definition.ServiceLevelFigures.Where(f => f.AppliesTo(level, year)).ToArray();
        var nodes = definition.Nodes.Where(n => n.Validity.IsActive(year)).Select(n => WithLevel(n, figures)).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            index[nodes[i].Id] = i;
        }

        var legs = new List<Leg>();
        var edges = new List<(int, int, int, bool)>();
        foreach (var leg in definition.Legs)
        {
            if (!leg.Validity.IsActive(year)
                || !index.TryGetValue(leg.From, out var from)
                || !index.TryGetValue(leg.To, out var to))
            {
                continue;
            }

            var legIndex = legs.Count;
            legs.Add(WithLevel(leg, figures));
            edges.Add((from, to, legIndex, false));
            if (leg.Bidirectional)
            {
                edges.Add((to, from, legIndex, true));
            }
        }

        return new CorridorNetwork(definition, year, level, nodes, [.. legs], edges, crossingWaits);
    }

    private static Leg WithLevel(Leg leg, ServiceLevelFigure[] figures)
    {
        foreach (var figure in figures)
        {
            if (!figure.Elements.Contains(leg.Id, StringComparer.Ordinal))
            {
                continue;
            }

            leg = figure.Kind switch
            {
                ServiceLevelFigureKind.Hours => leg with { Hours = figure.Hours, SpeedKmh = null, LevelFigure = figure },
                ServiceLevelFigureKind.Speed => leg with { Hours = null, SpeedKmh = figure.SpeedKmh, LevelFigure = figure },
                _ => leg,
            };
        }

        return leg;
    }

    private static Node WithLevel(Node node, ServiceLevelFigure[] figures)
    {
        foreach (var figure in figures)
        {
            if (!figure.Elements.Contains(node.Id, StringComparer.Ordinal))
            {
                continue;
            }

            node = figure.Kind switch
            {
                ServiceLevelFigureKind.Dwell => node with { DwellHours = figure.Hours, LevelFigures = [.. node.LevelFigures, figure] },
                ServiceLevelFigureKind.RollDwell => node with { RollDwellHours = figure.Hours, LevelFigures = [.. node.LevelFigures, figure] },
                _ => node,
            };
        }

        return node;
    }

    private static FrozenDictionary<string, int> AssignBits(IEnumerable<string> keys, string what)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (distinct.Length > 64)
        {
            // A mask per edge keeps constraint checks to one AND in the hot loop; 64 is far above the
            // number of countries or passages on Eurasian corridors.
            throw new InvalidOperationException($"The network uses {distinct.Length} {what}; at most 64 are supported.");
        }

        return distinct.Select((k, i) => (k, i)).ToFrozenDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
    }
}

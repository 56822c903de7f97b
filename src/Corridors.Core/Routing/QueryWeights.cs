using Corridors.Network;

namespace Corridors.Routing;

/// <summary>The cost of taking one edge after another, as returned by <see cref="QueryWeights.Step"/>.</summary>
/// <param name="DwellHours">Dwell at the tail node before the edge (border stop or transfer handling).</param>
/// <param name="WaitHours">Waiting at the tail node for the edge's next departure.</param>
/// <param name="RunHours">Running or sailing time of the edge.</param>
/// <param name="CostUsd">Tariffs of the edge for the consignment, plus time value of cargo over the three times.</param>
/// <param name="Co2eKg">CO2e of the edge for the consignment.</param>
/// <param name="Risk">Risk points: hours × country risk weight.</param>
/// <param name="Transshipments">0 or 1: a transfer leg, or a mode or gauge change between the two edges.</param>
public readonly record struct StepCost(
    double DwellHours, double WaitHours, double RunHours, double CostUsd, double Co2eKg, double Risk, int Transshipments)
{
    /// <summary>Dwell + wait + running hours.</summary>
    public double Hours => DwellHours + WaitHours + RunHours;
}

/// <summary>
/// Per-query edge weights derived from a <see cref="RoutingGraph"/> and a <see cref="RouteQuery"/>: money and CO2e
/// per edge for the consignment, the edges the constraints exclude, the requirement bits each edge satisfies, and
/// the time-dependent step function all searches and the explanation share.
/// </summary>
/// <remarks>
/// Money: (<c>tariff_fixed_usd_per_teu</c> + <c>tariff_usd_per_teu_km</c> × km + per-TEU charges) × TEU charged, plus
/// per-load charges × loads (charges.csv), plus time value of cargo
/// (value × daily rate ÷ 24 per hour) when set. CO2e: the leg's emission factor (g CO2e per tonne-km, its own or the
/// mode default, basis as stated by the factor) × km × TEU × cargo tonnes per TEU (<c>teu_cargo_tonnes</c>, the
/// IMO EEOI convention of 10 t per loaded TEU, unless the query gives its own): tonne-km of cargo, tare excluded, as
/// the factors are defined. Risk: running hours × mean
/// risk weight of the leg's countries, plus dwell and waiting hours × the node country's weight.
/// </remarks>
public sealed class QueryWeights
{
    private double[] _cost = [];
    private double[] _co2 = [];
    private ulong[] _reqBits = [];
    private bool[] _blocked = [];
    private RoutingGraph _graph = null!;

    /// <summary>The graph the weights were prepared for.</summary>
    public RoutingGraph Graph => _graph;

    /// <summary>The query the weights were prepared for.</summary>
    public RouteQuery Query { get; private set; } = null!;

    /// <summary>Cargo tonnes per TEU used for tonne-km.</summary>
    public double CargoTonnesPerTeu { get; private set; }

    /// <summary>Bits every route must collect (one per requirement).</summary>
    public ulong RequiredBits { get; private set; }

    /// <summary>Number of requirement bits.</summary>
    public int RequirementCount { get; private set; }

    /// <summary>
    /// The query's departure in hours since <see cref="ServiceSchedule.Epoch"/> (Monday 1970-01-05 00:00 UTC), the
    /// clock timetables are read on.
    /// </summary>
    public double DepartureHoursSinceEpoch { get; private set; }

    /// <summary>Money per edge for the consignment, excluding time value of cargo.</summary>
    public ReadOnlySpan<double> EdgeCostUsd => _cost;

    /// <summary>CO2e per edge for the consignment in kg.</summary>
    public ReadOnlySpan<double> EdgeCo2eKg => _co2;

    /// <summary>Requirement bits each edge collects.</summary>
    public ReadOnlySpan<ulong> RequirementBits => _reqBits;

    /// <summary>True when the constraints exclude the edge.</summary>
    public ReadOnlySpan<bool> Blocked => _blocked;

    /// <summary>
    /// Prepares the weights for <paramref name="query"/>, reusing this instance's arrays.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The query does not fit the network (<see cref="RouteQueryChecks.Find"/>; the message lists every problem), or
    /// it carries more than 16 via points and required modes.
    /// </exception>
    /// <exception cref="InvalidOperationException">The query gives no tonnes per TEU and the network has no <c>teu_cargo_tonnes</c> parameter.</exception>
    public void Prepare(RoutingGraph graph, RouteQuery query)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(query);
        RouteQueryChecks.ThrowIfInvalid(query, graph.Network);
        PrepareChecked(graph, query);
    }

    /// <summary>
    /// <see cref="Prepare"/> for a query already checked with <see cref="RouteQueryChecks"/>, or derived by the
    /// router from a checked one (corridor families add country codes a small network may not define).
    /// </summary>
    internal void PrepareChecked(RoutingGraph graph, RouteQuery query)
    {
        if (query.RequirementCount > 16)
        {
            throw new ArgumentException("A query may carry at most 16 via points and required modes.", nameof(query));
        }

        _graph = graph;
        Query = query;
        var network = graph.Network;
        var m = network.EdgeCount;
        if (_cost.Length < m)
        {
            _cost = new double[m];
            _co2 = new double[m];
            _reqBits = new ulong[m];
            _blocked = new bool[m];
        }

        var tonnes = query.Cargo.CargoTonnesPerTeu ?? network.Definition.Parameter("teu_cargo_tonnes", double.NaN);
        if (double.IsNaN(tonnes))
        {
            throw new InvalidOperationException(
                "The network defines no teu_cargo_tonnes parameter; give the cargo tonnes per TEU in the query.");
        }

        CargoTonnesPerTeu = tonnes;
        DepartureHoursSinceEpoch = ServiceSchedule.HoursSinceEpoch(query.DepartUtc);

        var avoidCountries = network.CountryMaskOf(query.AvoidCountries);
        if (!query.AllowClosedCountries)
        {
            avoidCountries |= graph.ClosedCountryMask;
        }

        var avoidPassages = network.PassageMaskOf(query.AvoidPassages);
        var avoidModes = 0;
        foreach (var avoided in query.AvoidModes)
        {
            avoidModes |= 1 << (int)avoided;
        }

        // Requirement bits: via nodes, via countries, via passages, required modes, in that order.
        var viaNodes = query.ViaNodes;
        var viaCountryMasks = new ulong[query.ViaCountries.Count];
        for (var i = 0; i < viaCountryMasks.Length; i++)
        {
            viaCountryMasks[i] = network.CountryMaskOf([query.ViaCountries[i]]);
        }

        var viaPassageMasks = new ulong[query.ViaPassages.Count];
        for (var i = 0; i < viaPassageMasks.Length; i++)
        {
            viaPassageMasks[i] = network.PassageMaskOf([query.ViaPassages[i]]);
        }

        RequirementCount = query.RequirementCount;
        RequiredBits = RequirementCount == 0 ? 0 : (1UL << RequirementCount) - 1;

        var head = network.Head;
        var tail = network.Tail;
        var km = network.LengthKm;
        var mode = network.Mode;
        var passageMask = network.PassageMask;
        var touch = graph.TouchMask;
        var factor = graph.Co2GramsPerTonneKm;
        var teu = query.Cargo.Teu;
        var charged = query.Cargo.TariffTeu;
        var loads = query.Cargo.Loads ?? Math.Max(1, Math.Ceiling(teu / network.Definition.Parameter("teu_per_wagon", 2)));
        for (var e = 0; e < m; e++)
        {
            _cost[e] = graph.MoneyUsd(e, charged, loads);
            _co2[e] = (double)factor[e] * km[e] * tonnes * teu / 1000.0;
            _blocked[e] = (touch[e] & avoidCountries) != 0
                || (passageMask[e] & avoidPassages) != 0
                || ((1 << mode[e]) & avoidModes) != 0;

            ulong bits = 0;
            var bit = 0;
            for (var i = 0; i < viaNodes.Count; i++, bit++)
            {
                if (viaNodes[i].Value == head[e] || viaNodes[i].Value == tail[e])
                {
                    bits |= 1UL << bit;
                }
            }

            for (var i = 0; i < viaCountryMasks.Length; i++, bit++)
            {
                if ((touch[e] & viaCountryMasks[i]) != 0)
                {
                    bits |= 1UL << bit;
                }
            }

            for (var i = 0; i < viaPassageMasks.Length; i++, bit++)
            {
                if ((passageMask[e] & viaPassageMasks[i]) != 0)
                {
                    bits |= 1UL << bit;
                }
            }

            for (var i = 0; i < query.RequireModes.Count; i++, bit++)
            {
                if (mode[e] == (byte)query.RequireModes[i])
                {
                    bits |= 1UL << bit;
                }
            }

            _reqBits[e] = bits;
        }
    }

    /// <summary>True when the origin itself lies in an avoided or closed country.</summary>
    public bool OriginBlocked(NodeId node, out bool destination)
    {
        destination = false;
        var avoid = _graph.Network.CountryMaskOf(Query.AvoidCountries) | (Query.AllowClosedCountries ? 0 : _graph.ClosedCountryMask);
        var mask = _graph.NodeCountryMask;
        destination = (mask[Query.To.Value] & avoid) != 0;
        return (mask[node.Value] & avoid) != 0;
    }

    /// <summary>
    /// The cost of taking <paramref name="edge"/> after <paramref name="previousEdge"/> (-1 at the origin) with the
    /// cargo ready at the tail <paramref name="time"/> hours after departure. Returns false when the edge is blocked,
    /// closed for the season at that time, or runs back over the transfer leg of <paramref name="previousEdge"/>.
    /// </summary>
    public bool Step(int previousEdge, int edge, double time, out StepCost cost)
    {
        if (_blocked[edge])
        {
            cost = default;
            return false;
        }

        var g = _graph;
        var network = g.Network;

        // No U-turn over a transfer leg: out to a terminal and straight back reaches the same place without the
        // dwell a direct change there would pay. (A via point at the end of a spur may still be left the way it
        // was reached over running legs.)
        if (previousEdge >= 0 && network.EdgeLeg[previousEdge] == network.EdgeLeg[edge] && network.Mode[edge] == (byte)TransportMode.Transfer)
        {
            cost = default;
            return false;
        }

        var modes = network.Mode;
        var v = network.Tail[edge];
        var transfer = (byte)TransportMode.Transfer;
        double dwell = 0;
        var change = previousEdge >= 0
            && TransferRule.ChangesAt((TransportMode)modes[previousEdge], g.Gauge[previousEdge], (TransportMode)modes[edge], g.Gauge[edge]);
        var transshipments = modes[edge] == transfer || change ? 1 : 0;
        if (previousEdge < 0)
        {
            dwell = network.Schedule.OriginWaitHours((TransportMode)modes[edge]); // groupage waits for its train
        }
        else
        {
            if (TransferRule.DwellApplies(g.DwellAlways(v), change))
            {
                dwell = g.NodeDwell[v];
            }
            else if (TransferRule.Rolls((TransportMode)modes[previousEdge], (TransportMode)modes[edge]))
            {
                dwell = g.NodeRollDwell[v];
            }
        }

        var ready = time + dwell;
        if (g.IsSeasonal(edge))
        {
            var month = Query.DepartUtc.AddHours(ready).Month;
            if (!g.IsOpenInMonth(edge, month))
            {
                cost = default;
                return false;
            }
        }

        var wait = network.Schedule.ExpectedWaitHours(edge, DepartureHoursSinceEpoch + ready);
        double run = network.HoursExpected[edge];
        var hours = dwell + wait + run;
        var money = _cost[edge] + (Query.Cargo.TimeValueUsdPerHour * hours);
        var risk = (run * g.RiskPerHour[edge]) + ((dwell + wait) * g.NodeRisk[v]);
        cost = new StepCost(dwell, wait, run, money, _co2[edge], risk, transshipments);
        return true;
    }

    /// <summary>The scalar the query's objective minimises for one step.</summary>
    public double Scalar(in StepCost step) => Query.ObjectiveValue(step.Hours, step.CostUsd, step.Co2eKg, step.Risk);
}

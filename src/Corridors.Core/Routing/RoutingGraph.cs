using Corridors.Network;

namespace Corridors.Routing;

/// <summary>
/// Query-independent routing attributes of a frozen <see cref="CorridorNetwork"/>: the reverse CSR, gauges, node
/// dwell, per-edge risk weights and emission factors, all as flat arrays. Built once per network; immutable and safe
/// to share between threads. Departures come from the network's <see cref="CorridorNetwork.Schedule"/>, which the
/// Monte Carlo engine reads too.
/// </summary>
/// <remarks>
/// Waiting model (see <see cref="ServiceSchedule.ExpectedWaitHours"/>). A leg with scheduled services waits for the
/// next departure of its merged timetable, counted in hours since <see cref="ServiceSchedule.Epoch"/> (FIFO: leaving
/// later never arrives earlier). A leg with sail-when-full services gets the expected wait of a random arrival on a
/// regular service with the combined frequency, 168 / (2 × departures per week) hours; with both kinds, the sooner.
/// </remarks>
public sealed class RoutingGraph
{
    private readonly int[] _revFirst;
    private readonly int[] _revEdge;
    private readonly short[] _gauge;
    private readonly byte[] _openFrom;
    private readonly byte[] _openTo;
    private readonly float[] _tariffFixed;
    private readonly float[] _chargePerTeu;
    private readonly float[] _chargePerLoad;
    private readonly bool[] _priced;
    private readonly float[] _tariffPerKm;
    private readonly float[] _co2GramsPerTkm;
    private readonly float[] _riskPerHour;
    private readonly ulong[] _touchMask;
    private readonly float[] _nodeDwell;
    private readonly bool[] _nodeDwellAlways;
    private readonly float[] _nodeRollDwell;
    private readonly float[] _nodeRisk;
    private readonly ulong[] _nodeCountryMask;

    /// <summary>Builds the routing attributes for <paramref name="network"/>.</summary>
    public RoutingGraph(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        var n = network.NodeCount;
        var m = network.EdgeCount;
        var def = network.Definition;

        (_revFirst, _revEdge) = Csr.Group(n, network.Head);

        _nodeDwell = new float[n];
        _nodeRollDwell = new float[n];
        _nodeDwellAlways = new bool[n];
        _nodeRisk = new float[n];
        _nodeCountryMask = new ulong[n];
        for (var v = 0; v < n; v++)
        {
            var node = network.Nodes[v];
            // Expected dwell (the triangular mean): transit times are expectations, not the most likely case.
            _nodeDwell[v] = (float)(node.DwellHours?.Mean ?? 0);
            _nodeRollDwell[v] = (float)(node.RollDwellHours?.Mean ?? 0);
            _nodeDwellAlways[v] = node.DwellRule == DwellRule.Always;
            _nodeRisk[v] = (float)(def.CountryById.TryGetValue(node.Country, out var c) ? c.RiskWeight : 0);
            _nodeCountryMask[v] = network.CountryMaskOf([node.Country]);
        }

        foreach (var country in def.Countries)
        {
            if (country.Closed)
            {
                ClosedCountryMask |= network.CountryMaskOf([country.Id]);
            }
        }

        _gauge = new short[m];
        _openFrom = new byte[m];
        _openTo = new byte[m];
        _tariffFixed = new float[m];
        _chargePerTeu = new float[m];
        _chargePerLoad = new float[m];
        _priced = new bool[m];
        var charges = def.Charges.Where(c => c.AppliesIn(network.Year)).ToArray();
        var lon = network.Lon;
        _tariffPerKm = new float[m];
        _co2GramsPerTkm = new float[m];
        _riskPerHour = new float[m];
        _touchMask = new ulong[m];
        var tail = network.Tail;
        var head = network.Head;
        var countryMask = network.CountryMask;
        var legFactor = new EmissionFactor?[network.Legs.Count];
        for (var e = 0; e < m; e++)
        {
            var legIndex = network.EdgeLeg[e];
            var leg = network.Legs[legIndex];
            _gauge[e] = (short)(leg.GaugeMm ?? 0);
            if (leg.OpenMonths is { } months)
            {
                _openFrom[e] = (byte)months.From;
                _openTo[e] = (byte)months.To;
            }

            // Tariffs by direction (rate_factors.csv): eastbound = the edge's head lies east of its tail.
            var eastbound = lon[head[e]] > lon[tail[e]];
            // A market index by year (part = fixed) moves only the fixed per-TEU part; the per-km part of an ocean leg
            // is fuel, a cost of the distance.
            double factor = 1.0, fixedFactor = 1.0;
            foreach (var rate in def.RateFactors)
            {
                if (rate.AppliesTo(leg, eastbound, network.Year))
                {
                    fixedFactor *= rate.Factor;
                    factor *= rate.FixedPartOnly ? 1.0 : rate.Factor;
                }
            }

            _tariffFixed[e] = (float)(leg.TariffFixedUsdPerTeu * fixedFactor);
            _priced[e] = leg.TariffKnown;
            foreach (var charge in charges)
            {
                if (charge.AppliesTo(leg))
                {
                    if (charge.Basis == ChargeBasis.PerTeu)
                    {
                        _chargePerTeu[e] += (float)charge.Usd;
                    }
                    else
                    {
                        _chargePerLoad[e] += (float)charge.Usd;
                    }

                    _priced[e] = true; // a leg with a fee of its own is priced, even without a tariff
                }
            }
            _tariffPerKm[e] = (float)(leg.TariffUsdPerTeuKm * factor);
            legFactor[legIndex] ??= def.EmissionFactorFor(leg);
            _co2GramsPerTkm[e] = (float)(legFactor[legIndex]?.GramsCo2ePerTonneKm ?? 0);
            double risk = 0;
            foreach (var iso in leg.Countries)
            {
                risk += def.CountryById.TryGetValue(iso, out var c) ? c.RiskWeight : 0;
            }

            // Running time is split evenly over the countries a leg lists: legs carry no per-country split.
            _riskPerHour[e] = leg.Countries.Count == 0 ? 0 : (float)(risk / leg.Countries.Count);
            _touchMask[e] = countryMask[e] | _nodeCountryMask[tail[e]] | _nodeCountryMask[head[e]];
        }
    }

    /// <summary>
    /// Money of edge <paramref name="edge"/> for a consignment charged <paramref name="chargedTeu"/> 20' rates and
    /// filling <paramref name="loads"/> loads: (fixed tariff + per-km tariff × km + per-TEU charges) × charged TEU +
    /// per-load charges × loads. The one formula routing (<see cref="QueryWeights"/>) and the system optimum use.
    /// </summary>
    public double MoneyUsd(int edge, double chargedTeu, double loads) =>
        ((_tariffFixed[edge] + ((double)_tariffPerKm[edge] * Network.LengthKm[edge]) + _chargePerTeu[edge]) * chargedTeu) + (_chargePerLoad[edge] * loads);

    /// <summary>The frozen network.</summary>
    public CorridorNetwork Network { get; }

    /// <summary>The network's frozen services (<see cref="CorridorNetwork.Schedule"/>).</summary>
    public ServiceSchedule Schedule => Network.Schedule;

    /// <summary>Mask of countries whose transit is closed in the baseline.</summary>
    public ulong ClosedCountryMask { get; }

    /// <summary>Reverse CSR offsets: the in-edges of node v are <c>ReverseEdges[ReverseFirst[v]..ReverseFirst[v+1]]</c>.</summary>
    public ReadOnlySpan<int> ReverseFirst => _revFirst;

    /// <summary>Edge ids grouped by head node (see <see cref="ReverseFirst"/>).</summary>
    public ReadOnlySpan<int> ReverseEdges => _revEdge;

    /// <summary>Rail gauge of each edge in mm, 0 when not rail or unknown.</summary>
    public ReadOnlySpan<short> Gauge => _gauge;

    /// <summary>Countries each edge touches, including the countries of its two end nodes.</summary>
    public ReadOnlySpan<ulong> TouchMask => _touchMask;

    /// <summary>Country mask of each node.</summary>
    public ReadOnlySpan<ulong> NodeCountryMask => _nodeCountryMask;

    /// <summary>Expected dwell hours (mean of the triangular) of each node.</summary>
    public ReadOnlySpan<float> NodeDwell => _nodeDwell;

    /// <summary>Expected roll dwell per node in hours (<see cref="Node.RollDwellHours"/>; 0 = none).</summary>
    public ReadOnlySpan<float> NodeRollDwell => _nodeRollDwell;

    /// <summary>Tariff per TEU independent of distance, per edge.</summary>
    public ReadOnlySpan<float> TariffFixed => _tariffFixed;

    /// <summary>Charges per TEU charged for each edge in the network's year (charges.csv: tolls, surcharges).</summary>
    public ReadOnlySpan<float> ChargePerTeu => _chargePerTeu;

    /// <summary>Charges per load (wagon or truck) for each edge in the network's year (charges.csv: border and terminal fees).</summary>
    public ReadOnlySpan<float> ChargePerLoad => _chargePerLoad;

    /// <summary>False for edges whose cost is unknown (no tariff and no charge in the data): routes over them cost at least their total.</summary>
    public ReadOnlySpan<bool> Priced => _priced;

    /// <summary>Tariff per TEU-km, per edge.</summary>
    public ReadOnlySpan<float> TariffPerKm => _tariffPerKm;

    /// <summary>Emission factor (g CO2e per tonne-km) of each edge; 0 when no factor applies.</summary>
    public ReadOnlySpan<float> Co2GramsPerTonneKm => _co2GramsPerTkm;

    /// <summary>Risk points per running hour of each edge (mean risk weight of the countries the leg lists).</summary>
    public ReadOnlySpan<float> RiskPerHour => _riskPerHour;

    /// <summary>Risk weight per hour spent at each node (its country's weight).</summary>
    public ReadOnlySpan<float> NodeRisk => _nodeRisk;

    /// <summary>True when the edge is open in <paramref name="month"/> (1–12); legs without a season are always open.</summary>
    public bool IsOpenInMonth(int edge, int month)
    {
        int from = _openFrom[edge];
        if (from == 0)
        {
            return true;
        }

        int to = _openTo[edge];
        return from <= to ? month >= from && month <= to : month >= from || month <= to;
    }

    /// <summary>True when the edge has a seasonal window.</summary>
    public bool IsSeasonal(int edge) => _openFrom[edge] != 0;

    /// <summary>True when the node's dwell applies to every route through it.</summary>
    public bool DwellAlways(int node) => _nodeDwellAlways[node];
}

using Corridors.Network;

namespace Corridors.Simulation;

/// <summary>One sea-level figure (m, Baltic system).</summary>
/// <param name="Year">Year.</param>
/// <param name="LevelM">Level, m BS.</param>
/// <param name="Scenario"><c>observed</c>, or the projection the row belongs to.</param>
/// <param name="Provenance">Source.</param>
/// <param name="Origin">File and line.</param>
public sealed record SeaLevelRow(int Year, double LevelM, string Scenario, Provenance Provenance, DataOrigin Origin);

/// <summary>Container demand across the sea in one year.</summary>
/// <param name="Year">Year.</param>
/// <param name="Teu">Containers, TEU a year, both directions.</param>
/// <param name="Tonnes">All cargo across the sea, tonnes a year (containers included); null when unknown.</param>
/// <param name="Provenance">Source.</param>
/// <param name="Origin">File and line.</param>
public sealed record CrossingDemandRow(int Year, double Teu, double? Tonnes, Provenance Provenance, DataOrigin Origin);

/// <summary>Vessels of one kind on one Caspian line in a span of years (data/caspian/fleet.csv).</summary>
/// <param name="LineId">Service id (services.csv).</param>
/// <param name="FromYear">First year, inclusive; null = open.</param>
/// <param name="ToYear">Last year, inclusive; null = open.</param>
/// <param name="VesselId">Vessel (vessels.csv).</param>
/// <param name="Count">Copies of the vessel on the line.</param>
/// <param name="Provenance">Source.</param>
/// <param name="Origin">File and line.</param>
public sealed record FleetRow(string LineId, int? FromYear, int? ToYear, string VesselId, int Count, Provenance Provenance, DataOrigin Origin)
{
    /// <summary>True when the row applies in <paramref name="year"/>.</summary>
    public bool AppliesIn(int year) => YearWindow.Contains(FromYear, ToYear, year);
}

/// <summary>
/// The data of the Caspian crossing model (data/caspian/): sea levels and projections, port berths, yards and
/// handling, port depths with dredging, hull particulars, monthly storm closures and demand profile, historic demand
/// and the model's settings. Immutable once loaded.
/// </summary>
public sealed class CaspianData
{
    /// <summary>The scenario name of measured levels.</summary>
    public const string Observed = "observed";

    /// <summary>The projection used when none is asked for (see data/caspian/sea_levels.csv and docs/DATA.md).</summary>
    public const string DefaultScenario = "pessimistic";

    /// <summary>Assembles the data.</summary>
    public CaspianData(
        IReadOnlyList<SeaLevelRow> levels,
        IReadOnlyList<CrossingPort> ports,
        IReadOnlyList<PortDepth> depths,
        IReadOnlyList<HullParticulars> hulls,
        IReadOnlyList<double> closureByMonth,
        IReadOnlyList<double> demandByMonth,
        IReadOnlyList<CrossingDemandRow> demand,
        IReadOnlyDictionary<string, double> parameters,
        IReadOnlyList<FleetRow>? fleet = null)
    {
        Fleet = fleet ?? [];
        Levels = levels;
        Ports = ports;
        Depths = depths;
        Hulls = hulls;
        ClosureByMonth = closureByMonth;
        DemandByMonth = demandByMonth;
        Demand = demand;
        Parameters = parameters;
    }

    /// <summary>Sea-level rows.</summary>
    public IReadOnlyList<SeaLevelRow> Levels { get; }

    /// <summary>Ports with berths, yard and handling.</summary>
    public IReadOnlyList<CrossingPort> Ports { get; }

    /// <summary>Depths by port and year.</summary>
    public IReadOnlyList<PortDepth> Depths { get; }

    /// <summary>Hull particulars.</summary>
    public IReadOnlyList<HullParticulars> Hulls { get; }

    /// <summary>Storm-closure probability per day, by month.</summary>
    public IReadOnlyList<double> ClosureByMonth { get; }

    /// <summary>Relative demand by month.</summary>
    public IReadOnlyList<double> DemandByMonth { get; }

    /// <summary>Historic demand by year.</summary>
    public IReadOnlyList<CrossingDemandRow> Demand { get; }

    /// <summary>Fleet rows by line and year (fleet.csv; empty when the file is absent).</summary>
    public IReadOnlyList<FleetRow> Fleet { get; }

    /// <summary>Settings by key (parameters.csv).</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Under-keel clearance, m.</summary>
    public double UnderKeelClearanceM => Parameter("under_keel_clearance_m", 0.5);

    /// <summary>Water density, t/m³.</summary>
    public double WaterDensity => Parameter("water_density_t_m3", 1.0095);

    /// <summary>Share of the demand that runs westbound (east port → Alat).</summary>
    public double WestboundShare => Parameter("westbound_share", 0.75);

    /// <summary>TEU per train arriving at a port.</summary>
    public double BatchTeu => Parameter("batch_teu", 100);

    /// <summary>Longest wait of a sail-when-full vessel at the berth, hours.</summary>
    public double MaxWaitHours => Parameter("max_wait_h", 72);

    /// <summary>TEU per rail wagon.</summary>
    public double TeuPerWagon => Parameter("teu_per_wagon", 2);

    /// <summary>Average cargo per loaded TEU, t (to take the containers out of a tonnage).</summary>
    public double TonnesPerTeu => Parameter("tonnes_per_teu", 12);

    /// <summary>Net load per rail wagon, t.</summary>
    public double TonnesPerWagon => Parameter("tonnes_per_wagon", 60);

    /// <summary>Wagons a year implied by a demand row: tonnes beyond the containers over the load per wagon (0 without tonnes).</summary>
    public double WagonsFor(CrossingDemandRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Tonnes is { } t ? Math.Max(0, t - (row.Teu * TonnesPerTeu)) / TonnesPerWagon : 0;
    }

    /// <summary>Projections named in the data (besides <see cref="Observed"/>).</summary>
    public IReadOnlyList<string> Scenarios => [.. Levels.Select(l => l.Scenario).Where(s => s != Observed).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The observed series continued by one projection (projection rows win in years they share).</summary>
    public SeaLevelTrajectory Trajectory(string scenario)
    {
        var byYear = new SortedDictionary<int, double>();
        foreach (var row in Levels.Where(l => l.Scenario == Observed))
        {
            byYear[row.Year] = row.LevelM;
        }

        var last = byYear.Count > 0 ? byYear.Keys.Max() : int.MinValue;
        foreach (var row in Levels.Where(l => l.Scenario == scenario && l.Year > last))
        {
            byYear[row.Year] = row.LevelM;
        }

        return new SeaLevelTrajectory(byYear.Select(p => (p.Key, p.Value)));
    }

    /// <summary>The depth row in force at a port in a year (the latest <see cref="PortDepth.FromYear"/> ≤ year), or null.</summary>
    public PortDepth? DepthIn(string portId, int year) =>
        Depths.Where(d => d.PortId == portId && d.FromYear <= year).OrderBy(d => d.FromYear).LastOrDefault();

    /// <summary>The deepest draft allowed at a port in a year at a sea level, m (null when the port has no depth).</summary>
    public double? AllowedDraftM(string portId, int year, double seaLevelM) =>
        DepthIn(portId, year) is { } d ? Hydrostatics.DepthAt(d.DepthM, d.ReferenceLevelM, seaLevelM) - UnderKeelClearanceM : null;

    /// <summary>The fleet rows of a line in a year, in file order; empty when fleet.csv does not name the line for that year.</summary>
    public IReadOnlyList<FleetRow> FleetFor(string lineId, int year) => [.. Fleet.Where(f => f.LineId == lineId && f.AppliesIn(year))];

    /// <summary>
    /// Demand for a year: the row of that year; between two rows, linear in teu and tonnes (tonnes null unless both
    /// rows have them), carrying the later row's source and origin; after the last row, the last row; null before the first.
    /// </summary>
    public CrossingDemandRow? DemandFor(int year)
    {
        var before = Demand.Where(d => d.Year <= year).MaxBy(d => d.Year);
        if (before is null || before.Year == year)
        {
            return before;
        }

        var after = Demand.Where(d => d.Year > year).MinBy(d => d.Year);
        if (after is null)
        {
            return before;
        }

        var w = (double)(year - before.Year) / (after.Year - before.Year);
        double? tonnes = before.Tonnes is { } t0 && after.Tonnes is { } t1 ? t0 + (w * (t1 - t0)) : null;
        return new CrossingDemandRow(year, Math.Round(before.Teu + (w * (after.Teu - before.Teu))), tonnes is { } t ? Math.Round(t) : null, after.Provenance, after.Origin);
    }

    /// <summary>Where <see cref="DemandFor"/>'s figure for a year comes from, for reports.</summary>
    public string DemandSource(int year)
    {
        var row = DemandFor(year);
        if (row is null)
        {
            return "none";
        }

        if (Demand.Any(d => d.Year == year))
        {
            return $"data/caspian/demand.csv ({year})";
        }

        var before = Demand.Where(d => d.Year < year).Max(d => d.Year);
        var after = Demand.Where(d => d.Year > year).Select(d => (int?)d.Year).Min();
        return after is null ? $"data/caspian/demand.csv ({before}, the last row)" : $"data/caspian/demand.csv (between {before} and {after})";
    }

    private double Parameter(string key, double fallback) => Parameters.TryGetValue(key, out var v) ? v : fallback;
}

namespace Corridors.Network;

/// <summary>Where a record came from: file and 1-based line, for diagnostics raised after loading.</summary>
/// <param name="File">Path of the file as given to the loader.</param>
/// <param name="Line">1-based line of the row.</param>
public readonly record struct DataOrigin(string File, int Line);

/// <summary>Provenance of a record's numbers: a citation or <c>assumption: reason</c>, plus notes on conflicts.</summary>
/// <param name="Source">Citation(s) or an <c>assumption:</c> with its reason; never empty.</param>
/// <param name="Notes">Ranges, conflicts and derivations.</param>
public sealed record Provenance(string Source, string? Notes = null)
{
    /// <summary>True when the row is marked as an assumption rather than cited.</summary>
    public bool IsAssumption => Source.StartsWith("assumption:", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The one rule for the optional <c>from_year</c>/<c>to_year</c> columns of service_levels.csv, charges.csv,
/// rate_factors.csv and reliability.csv: a row applies from its first year to its last, both inclusive; an empty
/// end is open.
/// </summary>
public static class YearWindow
{
    /// <summary>True when <paramref name="year"/> lies in [<paramref name="fromYear"/>, <paramref name="toYear"/>] (null ends are open).</summary>
    public static bool Contains(int? fromYear, int? toYear, int year) => (fromYear is null || year >= fromYear) && (toYear is null || year <= toYear);
}

/// <summary>Validity window in years: usable from <see cref="OpenYear"/> (inclusive) until <see cref="CloseYear"/> (exclusive).</summary>
/// <param name="Status">Build status as of the data date.</param>
/// <param name="OpenYear">First year in service; null = always (operational) or never (planned, no year).</param>
/// <param name="CloseYear">First year no longer in service; null = open-ended.</param>
public readonly record struct Validity(InfrastructureStatus Status, int? OpenYear, int? CloseYear)
{
    /// <summary>Always operational.</summary>
    public static Validity Always => new(InfrastructureStatus.Operational, null, null);

    /// <summary>
    /// Years in which a scenario closes the element (both inclusive; a null end is open): it is not usable then,
    /// whatever its status (<see cref="Scenarios.ScenarioApplier"/>).
    /// </summary>
    /// <value>null: never suspended.</value>
    public (int? FromYear, int? ToYear)? Suspended { get; init; }

    /// <summary>True when the element is usable in <paramref name="year"/>.</summary>
    public bool IsActive(int year)
    {
        if ((CloseYear is { } close && year >= close) || (Suspended is { } s && YearWindow.Contains(s.FromYear, s.ToYear, year)))
        {
            return false;
        }

        return Status switch
        {
            InfrastructureStatus.Operational => OpenYear is null || year >= OpenYear,
            InfrastructureStatus.Closed => OpenYear is not null && CloseYear is not null && year >= OpenYear,
            _ => OpenYear is { } open && year >= open,
        };
    }
}

/// <summary>A country with the memberships and flags that matter for routing and risk.</summary>
/// <param name="Id">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">English short name.</param>
/// <param name="Memberships">Organisations (EU, EAEU, CSTO, OTS, SCO, NATO, CIS, GUAM).</param>
/// <param name="Sanctioned">Under broad sanctions affecting transit.</param>
/// <param name="Closed">Transit closed in the baseline.</param>
/// <param name="RiskWeight">Risk weight per hour spent in the country (0–10).</param>
/// <param name="Provenance">Source of the row.</param>
/// <param name="Origin">File and line.</param>
public sealed record Country(
    string Id,
    string Name,
    IReadOnlyList<string> Memberships,
    bool Sanctioned,
    bool Closed,
    double RiskWeight,
    Provenance Provenance,
    DataOrigin Origin)
{
    /// <summary>The sanctions regimes in short (countries.csv <c>sanctions</c>), when <see cref="Sanctioned"/>.</summary>
    /// <value>Null.</value>
    public string? SanctionsRegime { get; init; }
}

/// <summary>A named chokepoint or waterway (Suez, Bosporus, Volga–Don, ...).</summary>
public sealed record Passage(
    string Id,
    string Name,
    PassageKind Kind,
    IReadOnlyList<string> Countries,
    double Lat,
    double Lon,
    Provenance Provenance,
    DataOrigin Origin);

/// <summary>A place in the network: terminal, port, border station, junction or city.</summary>
public sealed record Node(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    string Country,
    NodeKind Kind,
    double Lat,
    double Lon,
    bool CoordinatesVerified,
    IReadOnlyList<int> GaugesMm,
    SeaArea Sea,
    double? HandlingTeuPerYear,
    double? HandlingMtPerYear,
    Triangular? DwellHours,
    DwellRule DwellRule,
    double? DepthM,
    int? DepthYear,
    Validity Validity,
    Provenance Provenance,
    DataOrigin Origin)
{
    /// <summary>
    /// Dwell in hours where rail wagons roll between a train and a rail ferry here (no cargo handled); null = none
    /// beyond the sailing itself. Set from service_levels.csv (<see cref="ServiceLevelFigureKind.RollDwell"/>).
    /// </summary>
    public Triangular? RollDwellHours { get; init; }

    /// <summary>The service-level rows that replaced this node's dwell or set its roll dwell, if any.</summary>
    /// <value>Empty.</value>
    public IReadOnlyList<ServiceLevelFigure> LevelFigures { get; init; } = [];
}

/// <summary>One stretch between two nodes with one mode.</summary>
public sealed record Leg(
    string Id,
    string From,
    string To,
    TransportMode Mode,
    bool Bidirectional,
    double DistanceKm,
    double? SpeedKmh,
    Triangular? Hours,
    int? GaugeMm,
    bool? Electrified,
    double TariffFixedUsdPerTeu,
    double TariffUsdPerTeuKm,
    double? CapacityTeuPerYear,
    double? CapacityTrainsPerDay,
    double? CapacityMtPerYear,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Passages,
    double? MaxDraftM,
    (int From, int To)? OpenMonths,
    string? EmissionFactor,
    Validity Validity,
    Provenance Provenance,
    DataOrigin Origin)
{
    /// <summary>Running time in hours: the mode of <see cref="Hours"/> if given, else distance / speed.</summary>
    public double RunningHoursMode => Hours?.Mode ?? (SpeedKmh is > 0 ? DistanceKm / SpeedKmh.Value : 0);

    /// <summary>
    /// Expected running time in hours: the mean of <see cref="Hours"/> if given, else distance / speed. Routing uses
    /// this, so a route's transit time is an expectation; the reliability model gives the whole distribution.
    /// </summary>
    public double RunningHoursExpected => Hours?.Mean ?? (SpeedKmh is > 0 ? DistanceKm / SpeedKmh.Value : 0);

    /// <summary>
    /// Countries this leg enters again although a route on it has left them before, because the line itself does
    /// (the Zangezur/TRIPP link through Armenia into Azerbaijan's Nakhchivan exclave): <see cref="Routing.RouteShape"/>
    /// does not call that a detour. Column <c>reenters</c> of legs.csv.
    /// </summary>
    /// <value>Empty.</value>
    public IReadOnlyList<string> Reenters { get; init; } = [];

    /// <summary>
    /// False when the data gives no tariff for the leg (both tariff cells empty): its cost is unknown, not zero, and a
    /// route over it costs at least its total (<see cref="Routing.Route.UnpricedLegs"/>).
    /// </summary>
    /// <value>true.</value>
    public bool TariffKnown { get; init; } = true;

    /// <summary>The service-level row that replaced this leg's hours or speed, if any (null = the leg's own figure).</summary>
    public ServiceLevelFigure? LevelFigure { get; init; }

    /// <summary>True for ferry, feeder, ocean and inland-waterway legs.</summary>
    public bool IsWater => Mode is TransportMode.Ferry or TransportMode.Feeder or TransportMode.Ocean or TransportMode.InlandWaterway;
}

/// <summary>A vessel with its particulars where known.</summary>
public sealed record Vessel(
    string Id,
    string Name,
    VesselClass Class,
    string? Operator,
    int? BuiltYear,
    double? LengthM,
    double? BeamM,
    double? DraftM,
    double? DwtTonnes,
    double? SpeedKnots,
    int? Teu,
    int? Wagons,
    int? Trucks,
    Provenance Provenance,
    DataOrigin Origin);

/// <summary>A scheduled or sail-when-full service on a leg.</summary>
public sealed record Service(
    string Id,
    string Leg,
    string Name,
    string? Operator,
    ServiceKind Kind,
    double DeparturesPerWeek,
    IReadOnlyList<DayOfWeek> DepartureDays,
    int DepartureHour,
    double? CapacityTeuPerDeparture,
    double? CapacityWagonsPerDeparture,
    IReadOnlyList<string> Vessels,
    Validity Validity,
    Provenance Provenance,
    DataOrigin Origin);

/// <summary>A CO2e emission factor for a mode (and optionally a vessel class or traction).</summary>
public sealed record EmissionFactor(
    string Id,
    TransportMode Mode,
    string? AppliesTo,
    bool IsDefault,
    double GramsCo2ePerTonneKm,
    EmissionBasis Basis,
    bool IsCo2Equivalent,
    Provenance Provenance,
    DataOrigin Origin);

/// <summary>A global model constant.</summary>
public sealed record Parameter(string Key, double Value, string Unit, Provenance Provenance, DataOrigin Origin);

/// <summary>
/// One row of service_levels.csv: a time that depends on how the consignment is booked, for the legs or nodes it
/// names. <see cref="CorridorNetwork.Build(NetworkDefinition, int, ServiceLevel)"/> applies the rows of the level
/// asked for over the legs' and nodes' own figures, which stand for whatever the row does not cover.
/// </summary>
/// <param name="Id">Row id.</param>
/// <param name="Level">The level the figure applies to; null = both.</param>
/// <param name="Elements">Leg ids (for <see cref="ServiceLevelFigureKind.Hours"/> and <see cref="ServiceLevelFigureKind.Speed"/>) or node ids (dwell figures).</param>
/// <param name="Kind">What the row sets.</param>
/// <param name="Hours">Hours (min, mode, max) for hours and dwell figures.</param>
/// <param name="SpeedKmh">Speed for speed figures.</param>
/// <param name="Provenance">Source of the figure.</param>
/// <param name="Origin">File and line.</param>
public sealed record ServiceLevelFigure(
    string Id,
    ServiceLevel? Level,
    IReadOnlyList<string> Elements,
    ServiceLevelFigureKind Kind,
    Triangular? Hours,
    double? SpeedKmh,
    Provenance Provenance,
    DataOrigin Origin)
{
    /// <summary>First network year the figure applies to (column <c>from_year</c>); null = every year up to <see cref="ToYear"/>.</summary>
    public int? FromYear { get; init; }

    /// <summary>Last network year the figure applies to (column <c>to_year</c>, inclusive); null = open-ended.</summary>
    public int? ToYear { get; init; }

    /// <summary>True when the figure applies to <paramref name="level"/> in network year <paramref name="year"/>.</summary>
    public bool AppliesTo(ServiceLevel level, int year) =>
        (Level is null || Level == level) && YearWindow.Contains(FromYear, ToYear, year);
}

/// <summary>
/// One row of charges.csv: money charged for using a passage (a canal toll, a war-risk surcharge) or a leg (a border
/// or terminal fee), per TEU or per load, in the years given. Applied on top of the legs' own tariffs.
/// </summary>
/// <param name="Id">Row id.</param>
/// <param name="Passage">The passage whose legs pay it (passages.csv), or null.</param>
/// <param name="Legs">The legs that pay it (legs*.csv); empty with a passage.</param>
/// <param name="Basis">Per TEU charged, or per load (wagon or truck).</param>
/// <param name="Usd">USD per TEU or per load.</param>
/// <param name="Provenance">Source of the figure.</param>
/// <param name="Origin">File and line.</param>
public sealed record Charge(string Id, string? Passage, IReadOnlyList<string> Legs, ChargeBasis Basis, double Usd, Provenance Provenance, DataOrigin Origin)
{
    /// <summary>First network year the charge applies to; null = every year up to <see cref="ToYear"/>.</summary>
    public int? FromYear { get; init; }

    /// <summary>Last network year the charge applies to (inclusive); null = open-ended.</summary>
    public int? ToYear { get; init; }

    /// <summary>True when the charge applies on the network of <paramref name="year"/>.</summary>
    public bool AppliesIn(int year) => YearWindow.Contains(FromYear, ToYear, year);

    /// <summary>True when <paramref name="leg"/> pays the charge: it is one of the legs named, or it crosses the passage named.</summary>
    public bool AppliesTo(Leg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return Legs.Contains(leg.Id, StringComparer.Ordinal)
            || (Passage is not null && leg.Passages.Contains(Passage, StringComparer.Ordinal));
    }
}

/// <summary>
/// One row of rate_factors.csv: a factor on the tariffs of the legs of some modes in some countries when travelled
/// in one direction (eastbound: the head lies east of the tail), in the years given. Published indices price the
/// two directions of a corridor differently (the ERAI index: China→Europe above Europe→China).
/// </summary>
/// <param name="Id">Row id.</param>
/// <param name="Countries">ISO codes: a leg all of whose countries are among them is covered; empty = legs in any country.</param>
/// <param name="Modes">Modes covered.</param>
/// <param name="Eastbound">True for eastbound edges, false for westbound ones, null for both directions (a market index by year).</param>
/// <param name="Factor">Multiplies the leg's per-TEU tariffs (not the charges of charges.csv).</param>
/// <param name="Provenance">Source of the figure.</param>
/// <param name="Origin">File and line.</param>
public sealed record RateFactor(string Id, IReadOnlyList<string> Countries, IReadOnlyList<TransportMode> Modes, bool? Eastbound, double Factor, Provenance Provenance, DataOrigin Origin)
{
    /// <summary>First network year the factor applies to; null = every year up to <see cref="ToYear"/>.</summary>
    public int? FromYear { get; init; }

    /// <summary>Last network year the factor applies to (inclusive); null = open-ended.</summary>
    public int? ToYear { get; init; }

    /// <summary>
    /// True when the factor scales only the fixed per-TEU part of the tariff (<c>tariff_fixed_usd_per_teu</c>), not
    /// the per-km part: a market index moves the ocean market rate, while the fuel burnt per km stays a cost of the
    /// distance.
    /// </summary>
    /// <value>False: both parts.</value>
    public bool FixedPartOnly { get; init; }

    /// <summary>True when the factor applies to <paramref name="leg"/> travelled east (<paramref name="eastbound"/>) or west in <paramref name="year"/>.</summary>
    public bool AppliesTo(Leg leg, bool eastbound, int year)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return (Eastbound is null || eastbound == Eastbound) && YearWindow.Contains(FromYear, ToYear, year) && Modes.Contains(leg.Mode)
            && (Countries.Count == 0 || (leg.Countries.Count > 0 && leg.Countries.All(c => Countries.Contains(c, StringComparer.Ordinal))));
    }
}

/// <summary>Another name of a network place (place_names.csv): a UN/LOCODE, an exonym or an alias.</summary>
/// <param name="Node">The node it names.</param>
/// <param name="Name">The name or code.</param>
/// <param name="Kind">What the name is.</param>
/// <param name="Provenance">Source of the name.</param>
/// <param name="Origin">File and line.</param>
public sealed record PlaceName(string Node, string Name, PlaceNameKind Kind, Provenance Provenance, DataOrigin Origin);

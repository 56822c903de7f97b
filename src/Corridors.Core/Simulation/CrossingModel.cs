using Corridors.Network;

namespace Corridors.Simulation;

/// <summary>A Caspian port in the crossing model.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Berths">Berths that ferries and feeders of the modelled lines can use at once.</param>
/// <param name="YardTeu">Yard (or rail-siding) space for cargo waiting for a vessel, TEU; arrivals beyond it still queue, and the time above it is reported.</param>
/// <param name="HandlingHours">Berth time per call to discharge and load (the loading wait for cargo comes on top).</param>
public sealed record CrossingPort(string Id, string Name, int Berths, double YardTeu, Triangular HandlingHours);

/// <summary>A vessel on a line, with its capacity at the modelled sea level.</summary>
/// <param name="Id">Vessel id (vessels.csv, or a generated id for added or inferred vessels).</param>
/// <param name="Name">Display name.</param>
/// <param name="DesignTeu">Design capacity per sailing, TEU (wagon ferries: wagons × TEU per wagon).</param>
/// <param name="PayloadFactor">Allowed payload at the sea level / design payload.</param>
public sealed record CrossingVessel(string Id, string Name, double DesignTeu, double PayloadFactor)
{
    /// <summary>TEU per sailing at the sea level (whole TEU, rounded down).</summary>
    public double CapacityTeu => Math.Floor(DesignTeu * PayloadFactor);
}

/// <summary>When a vessel leaves a berth once it has discharged.</summary>
public enum SailingPolicy
{
    /// <summary>When full, or when the longest wait is reached (then with whatever is aboard).</summary>
    SailWhenFull,

    /// <summary>At the next timetable slot (departures per week, evenly spaced).</summary>
    Scheduled,
}

/// <summary>
/// One line across the sea between an eastern port (A: Aktau, Kuryk or Turkmenbashi) and a western port (B: Alat),
/// with its vessels shuttling A → B → A and its demand in both directions.
/// </summary>
/// <param name="Id">Line id (the service id in services.csv).</param>
/// <param name="Name">Display name.</param>
/// <param name="PortA">Index of the eastern port in <see cref="CrossingScenario.Ports"/>.</param>
/// <param name="PortB">Index of the western port.</param>
/// <param name="Policy">Sailing policy.</param>
/// <param name="SailingHours">Sea passage, hours.</param>
/// <param name="MaxWaitHours">Sail-when-full: longest time a vessel waits for cargo after discharging.</param>
/// <param name="DeparturesPerWeek">Scheduled: departures per week per direction.</param>
/// <param name="Vessels">Vessels deployed.</param>
/// <param name="WestboundTeuPerYear">Demand A → B, TEU a year.</param>
/// <param name="EastboundTeuPerYear">Demand B → A, TEU a year.</param>
/// <param name="CarriesWagons">True for rail-ferry and ro-pax lines (throughput also reported in wagons).</param>
public sealed record CrossingLine(
    string Id,
    string Name,
    int PortA,
    int PortB,
    SailingPolicy Policy,
    Triangular SailingHours,
    double MaxWaitHours,
    double DeparturesPerWeek,
    IReadOnlyList<CrossingVessel> Vessels,
    double WestboundTeuPerYear,
    double EastboundTeuPerYear,
    bool CarriesWagons);

/// <summary>Everything one crossing run needs.</summary>
public sealed record CrossingScenario
{
    /// <summary>Ports.</summary>
    public required IReadOnlyList<CrossingPort> Ports { get; init; }

    /// <summary>Lines.</summary>
    public required IReadOnlyList<CrossingLine> Lines { get; init; }

    /// <summary>Simulated days from 1 January.</summary>
    /// <value>365.</value>
    public int Days { get; init; } = 365;

    /// <summary>Seed of the random streams.</summary>
    public long Seed { get; init; }

    /// <summary>Chance, by month (January first), that a day is closed to sailing by storm.</summary>
    public required IReadOnlyList<double> ClosureProbabilityByMonth { get; init; }

    /// <summary>Relative demand by month (January first); scaled so the year's total is the line demand.</summary>
    public required IReadOnlyList<double> SeasonalityByMonth { get; init; }

    /// <summary>TEU brought by one arrival (a train).</summary>
    /// <value>100.</value>
    public double BatchTeu { get; init; } = 100;

    /// <summary>TEU per rail wagon, for reporting wagons.</summary>
    /// <value>2.</value>
    public double TeuPerWagon { get; init; } = 2;

    /// <summary>Hours between samples of the queue.</summary>
    /// <value>24.</value>
    public double SampleHours { get; init; } = 24;

    /// <summary>
    /// Cargo of the first days is not counted in the wait statistics when this is above 0 (the yards start empty);
    /// throughput and conservation still count everything.
    /// </summary>
    /// <value>0.</value>
    public int WarmupDays { get; init; }
}

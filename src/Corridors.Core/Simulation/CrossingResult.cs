namespace Corridors.Simulation;

/// <summary>What one line did in a run.</summary>
/// <param name="Id">Line id.</param>
/// <param name="Name">Line name.</param>
/// <param name="Sailings">Departures, both directions.</param>
/// <param name="ArrivedTeu">Cargo that arrived for the line, TEU.</param>
/// <param name="ShippedTeu">Cargo loaded and sailed, TEU.</param>
/// <param name="WestboundShippedTeu">Of which A → B.</param>
/// <param name="BacklogTeu">Cargo still waiting at the end, TEU.</param>
/// <param name="MeanWaitHours">TEU-weighted mean wait from arrival to sailing.</param>
/// <param name="P90WaitHours">90th percentile of that wait.</param>
/// <param name="LoadFactor">Shipped TEU / (sailings × capacity).</param>
/// <param name="CapacityTeuPerYear">Sailings × capacity per sailing, scaled to a year.</param>
/// <param name="CarriesWagons">True for wagon-carrying lines.</param>
public sealed record CrossingLineResult(
    string Id,
    string Name,
    int Sailings,
    double ArrivedTeu,
    double ShippedTeu,
    double WestboundShippedTeu,
    double BacklogTeu,
    double MeanWaitHours,
    double P90WaitHours,
    double LoadFactor,
    double CapacityTeuPerYear,
    bool CarriesWagons)
{
    /// <summary>Waits of the cargo that sailed A → B (westbound).</summary>
    public DirectionWaits Westbound { get; init; }

    /// <summary>Waits of the cargo that sailed B → A (eastbound).</summary>
    public DirectionWaits Eastbound { get; init; }
}

/// <summary>The waits of the cargo that sailed one way on a line.</summary>
/// <param name="Teu">TEU counted (after the warm-up).</param>
/// <param name="MeanHours">TEU-weighted mean wait from arrival to sailing; 0 when none sailed.</param>
/// <param name="P90Hours">90th percentile of that wait.</param>
public readonly record struct DirectionWaits(double Teu, double MeanHours, double P90Hours)
{
    /// <summary>The figures of a histogram.</summary>
    public static DirectionWaits Of(WaitHistogram waits)
    {
        ArgumentNullException.ThrowIfNull(waits);
        return new(waits.Weight, waits.Mean, waits.Quantile(0.9));
    }
}

/// <summary>What one vessel did in a run.</summary>
/// <param name="Id">Vessel id.</param>
/// <param name="Name">Vessel name.</param>
/// <param name="Line">Line id.</param>
/// <param name="Sailings">Departures.</param>
/// <param name="Utilisation">Share of the time sailing or handling cargo (not idle at a berth waiting for cargo, a slot or the weather, nor queueing for a berth).</param>
/// <param name="LoadFactor">Shipped TEU / (sailings × capacity).</param>
/// <param name="CapacityTeu">TEU per sailing at the sea level.</param>
/// <param name="PayloadFactor">Allowed payload / design payload.</param>
public sealed record CrossingVesselResult(string Id, string Name, string Line, int Sailings, double Utilisation, double LoadFactor, double CapacityTeu, double PayloadFactor);

/// <summary>What one port did in a run.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Name">Name.</param>
/// <param name="BerthUtilisation">Berth-hours occupied / (berths × hours).</param>
/// <param name="HoursAboveYard">Hours during which waiting cargo exceeded the yard.</param>
/// <param name="MaxQueueTeu">Largest cargo waiting at once, TEU.</param>
/// <param name="MeanBerthQueueHours">Mean time a vessel waited for a free berth.</param>
public sealed record CrossingPortResult(string Id, string Name, double BerthUtilisation, double HoursAboveYard, double MaxQueueTeu, double MeanBerthQueueHours);

/// <summary>The outcome of one <see cref="CrossingSimulation"/> run.</summary>
public sealed record CrossingResult
{
    /// <summary>Cargo that arrived at the ports, TEU.</summary>
    public required double ArrivedTeu { get; init; }

    /// <summary>Cargo that sailed, TEU.</summary>
    public required double ShippedTeu { get; init; }

    /// <summary>Cargo waiting at the end, TEU (arrived = shipped + backlog).</summary>
    public required double BacklogTeu { get; init; }

    /// <summary>Shipped TEU on wagon-carrying lines, in wagons.</summary>
    public required double ShippedWagons { get; init; }

    /// <summary>Waits of all shipped cargo, TEU-weighted, hours.</summary>
    public required WaitHistogram Waits { get; init; }

    /// <summary>Per line.</summary>
    public required IReadOnlyList<CrossingLineResult> Lines { get; init; }

    /// <summary>Per vessel.</summary>
    public required IReadOnlyList<CrossingVesselResult> Vessels { get; init; }

    /// <summary>Per port.</summary>
    public required IReadOnlyList<CrossingPortResult> Ports { get; init; }

    /// <summary>Sample times, hours since 1 January 00:00.</summary>
    public required IReadOnlyList<double> SampleHours { get; init; }

    /// <summary>Cargo waiting per port at each sample, TEU ([port][sample]).</summary>
    public required IReadOnlyList<IReadOnlyList<double>> QueueTeuByPort { get; init; }

    /// <summary>Mean wait of the cargo that sailed in each sample interval, hours (NaN where none sailed).</summary>
    public required IReadOnlyList<double> MeanWaitBySample { get; init; }

    /// <summary>Days closed to sailing by storm.</summary>
    public required int ClosedDays { get; init; }

    /// <summary>Events processed.</summary>
    public required long Events { get; init; }

    /// <summary>Simulated days.</summary>
    public required int Days { get; init; }

    /// <summary>Seed.</summary>
    public required long Seed { get; init; }
}

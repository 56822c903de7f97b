namespace Corridors.Application.Contracts;

/// <summary>
/// The <c>caspian</c> document: one simulated year (or <c>days</c>) of the Caspian crossing. Fields may be added;
/// none may be renamed. Hours are from a train's arrival at the port to its vessel's sailing; TEU counts both
/// directions.
/// </summary>
public sealed record CaspianDocument
{
    /// <summary>Network year (fleet, services, depths).</summary>
    public required int Year { get; init; }

    /// <summary>Sea level used, m (Baltic system).</summary>
    public required double SeaLevelM { get; init; }

    /// <summary>Where the level came from: <c>given</c>, or the trajectory (<c>observed+pessimistic</c>, …).</summary>
    public required string SeaLevelFrom { get; init; }

    /// <summary>Seed of the run.</summary>
    public required long Seed { get; init; }

    /// <summary>Simulated days from 1 January.</summary>
    public required int Days { get; init; }

    /// <summary>Container demand offered, TEU a year.</summary>
    public required double DemandTeu { get; init; }

    /// <summary>Where the demand came from: <c>given</c> or <c>data/caspian/demand.csv (year)</c>.</summary>
    public required string DemandFrom { get; init; }

    /// <summary>Rail-wagon demand offered to the wagon-carrying lines, wagons a year.</summary>
    public required double DemandWagons { get; init; }

    /// <summary>Cargo that arrived at the ports in the simulated days, TEU.</summary>
    public required double ArrivedTeu { get; init; }

    /// <summary>Cargo that sailed, TEU.</summary>
    public required double ThroughputTeu { get; init; }

    /// <summary>Cargo that sailed on wagon-carrying lines, in wagons.</summary>
    public required double ThroughputWagons { get; init; }

    /// <summary>TEU-weighted mean wait, hours.</summary>
    public required double MeanWaitHours { get; init; }

    /// <summary>Median wait, hours.</summary>
    public required double P50WaitHours { get; init; }

    /// <summary>90th-percentile wait, hours.</summary>
    public required double P90WaitHours { get; init; }

    /// <summary>Longest wait, hours.</summary>
    public required double MaxWaitHours { get; init; }

    /// <summary>Cargo waiting at the end, TEU (arrived = throughput + backlog).</summary>
    public required double BacklogTeu { get; init; }

    /// <summary>Utilisation by vessel and by berth (port).</summary>
    public required CaspianUtilisation Utilisation { get; init; }

    /// <summary>By vessel id: allowed payload at the sea level / design payload.</summary>
    public required IReadOnlyDictionary<string, double> PayloadFactor { get; init; }

    /// <summary>Per vessel: capacity, draft and payload details.</summary>
    public required IReadOnlyList<CaspianVesselContract> Vessels { get; init; }

    /// <summary>Per line.</summary>
    public required IReadOnlyList<CaspianLineContract> Lines { get; init; }

    /// <summary>Per port.</summary>
    public required IReadOnlyList<CaspianPortContract> Ports { get; init; }

    /// <summary>Days closed to sailing by storm.</summary>
    public required int ClosedDays { get; init; }

    /// <summary>Simulation events processed.</summary>
    public required long Events { get; init; }

    /// <summary>Assumptions the run made beyond the data (inferred fleets, vessels without hull data, …).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>Utilisation maps.</summary>
/// <param name="Vessels">By vessel id: share of the time sailing or handling cargo.</param>
/// <param name="Berths">By port id: berth-hours occupied / (berths × hours).</param>
public sealed record CaspianUtilisation(IReadOnlyDictionary<string, double> Vessels, IReadOnlyDictionary<string, double> Berths);

/// <summary>One vessel.</summary>
/// <param name="Id">Vessel id.</param>
/// <param name="Name">Name.</param>
/// <param name="Line">Line (service id).</param>
/// <param name="DesignTeu">Design TEU per sailing.</param>
/// <param name="CapacityTeu">TEU per sailing at the sea level.</param>
/// <param name="PayloadFactor">Allowed / design payload.</param>
/// <param name="AllowedDraftM">Deepest draft allowed on the line at the level (the shallower port), m; null without depth data.</param>
/// <param name="DesignDraftM">Design draft, m; null without hull data.</param>
/// <param name="TonnesPerCm">Tonnes per centimetre immersion; null without hull data.</param>
/// <param name="Sailings">Departures.</param>
/// <param name="Utilisation">Share of the time sailing or handling.</param>
/// <param name="LoadFactor">Shipped TEU / (sailings × capacity).</param>
public sealed record CaspianVesselContract(string Id, string Name, string Line, double DesignTeu, double CapacityTeu, double PayloadFactor, double? AllowedDraftM, double? DesignDraftM, double? TonnesPerCm, int Sailings, double Utilisation, double LoadFactor);

/// <summary>One line.</summary>
/// <param name="Id">Service id.</param>
/// <param name="Name">Name.</param>
/// <param name="From">Eastern port.</param>
/// <param name="To">Western port.</param>
/// <param name="Policy"><c>sail-when-full</c> or <c>scheduled</c>.</param>
/// <param name="VesselCount">Vessels deployed.</param>
/// <param name="Sailings">Departures, both directions.</param>
/// <param name="DemandTeu">Demand offered to the line, TEU a year.</param>
/// <param name="ThroughputTeu">TEU that sailed.</param>
/// <param name="WestboundTeu">Of which westbound.</param>
/// <param name="MeanWaitHours">Mean wait.</param>
/// <param name="P90WaitHours">90th-percentile wait.</param>
/// <param name="BacklogTeu">Waiting at the end.</param>
/// <param name="LoadFactor">Shipped / offered capacity.</param>
/// <param name="CapacityTeuPerYear">Capacity that sailed, scaled to a year.</param>
public sealed record CaspianLineContract(string Id, string Name, string From, string To, string Policy, int VesselCount, int Sailings, double DemandTeu, double ThroughputTeu, double WestboundTeu, double MeanWaitHours, double P90WaitHours, double BacklogTeu, double LoadFactor, double CapacityTeuPerYear);

/// <summary>One port.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Name">Name.</param>
/// <param name="Berths">Berths modelled.</param>
/// <param name="BerthUtilisation">Berth-hours occupied / (berths × hours).</param>
/// <param name="MeanBerthQueueHours">Mean time a vessel waited for a berth.</param>
/// <param name="MaxQueueTeu">Largest cargo waiting at once.</param>
/// <param name="HoursAboveYard">Hours with more cargo waiting than the yard holds.</param>
public sealed record CaspianPortContract(string Id, string Name, int Berths, double BerthUtilisation, double MeanBerthQueueHours, double MaxQueueTeu, double HoursAboveYard);

/// <summary>The <c>caspian --curve</c> document: wait curves per line and for the whole crossing.</summary>
/// <param name="Year">Network year.</param>
/// <param name="SeaLevelM">Sea level, m BS.</param>
/// <param name="Seeds">Seeds averaged per point.</param>
/// <param name="Days">Simulated days per run.</param>
/// <param name="Curves">One per line, then <c>*</c> for the whole crossing.</param>
public sealed record CaspianCurveDocument(int Year, double SeaLevelM, IReadOnlyList<long> Seeds, int Days, IReadOnlyList<CaspianCurveContract> Curves);

/// <summary>One wait curve.</summary>
/// <param name="Line">Service id, or <c>*</c>.</param>
/// <param name="Points">By demand.</param>
public sealed record CaspianCurveContract(string Line, IReadOnlyList<CaspianCurvePointContract> Points);

/// <summary>One point.</summary>
/// <param name="DemandTeu">Demand on the whole crossing, TEU a year.</param>
/// <param name="MeanWaitHours">Mean wait.</param>
/// <param name="P90WaitHours">90th-percentile wait.</param>
/// <param name="ThroughputTeu">TEU that sailed.</param>
/// <param name="BacklogTeu">Waiting at the end.</param>
public sealed record CaspianCurvePointContract(double DemandTeu, double MeanWaitHours, double P90WaitHours, double ThroughputTeu, double BacklogTeu);

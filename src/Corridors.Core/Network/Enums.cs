namespace Corridors.Network;

/// <summary>What a node is.</summary>
public enum NodeKind
{
    /// <summary>Rail or intermodal terminal.</summary>
    Terminal,

    /// <summary>Inland dry port (often with gauge-change facilities).</summary>
    DryPort,

    /// <summary>Seaport (Caspian, Black Sea or ocean).</summary>
    Seaport,

    /// <summary>Border crossing station.</summary>
    Border,

    /// <summary>Rail junction.</summary>
    Junction,

    /// <summary>City used as an origin or destination.</summary>
    City,
}

/// <summary>Transport mode of a leg. The numeric values are stored in the frozen graph as bytes.</summary>
public enum TransportMode : byte
{
    /// <summary>Railway.</summary>
    Rail = 0,

    /// <summary>Road haulage.</summary>
    Road = 1,

    /// <summary>Caspian rail / ro-pax ferry.</summary>
    Ferry = 2,

    /// <summary>Container feeder ship (Caspian or Black Sea).</summary>
    Feeder = 3,

    /// <summary>Deep-sea container line.</summary>
    Ocean = 4,

    /// <summary>River or canal shipping.</summary>
    InlandWaterway = 5,

    /// <summary>Transshipment, gauge change or border transfer at a point (distance 0).</summary>
    Transfer = 6,
}

/// <summary>Build status of infrastructure as of the data date.</summary>
public enum InfrastructureStatus
{
    /// <summary>In service.</summary>
    Operational,

    /// <summary>Being built; usable from its opening year.</summary>
    UnderConstruction,

    /// <summary>Planned; usable from its opening year if one is given.</summary>
    Planned,

    /// <summary>Out of service.</summary>
    Closed,
}

/// <summary>When a node's dwell time applies to a route passing through it.</summary>
public enum DwellRule
{
    /// <summary>Only when the route changes mode or service at the node (port handling, terminal transfer).</summary>
    Transfer,

    /// <summary>Every route through the node stops (border stations).</summary>
    Always,
}

/// <summary>Water body of a port.</summary>
public enum SeaArea
{
    /// <summary>Not a port.</summary>
    None,

    /// <summary>The Caspian Sea: landlocked, reached from the ocean only through Russian inland waterways.</summary>
    Caspian,

    /// <summary>The Black Sea.</summary>
    BlackSea,

    /// <summary>The Mediterranean (including the Sea of Marmara and the Aegean).</summary>
    Mediterranean,

    /// <summary>The North Sea.</summary>
    NorthSea,

    /// <summary>The Baltic Sea.</summary>
    Baltic,

    /// <summary>Open ocean and its marginal seas (East China Sea, Yellow Sea, ...).</summary>
    Ocean,
}

/// <summary>How a service departs.</summary>
public enum ServiceKind
{
    /// <summary>Fixed timetable: cargo waits for the next departure.</summary>
    Scheduled,

    /// <summary>Departs when loaded: waiting depends on demand (modelled as a random wait).</summary>
    SailWhenFull,
}

/// <summary>Vessel type.</summary>
public enum VesselClass
{
    /// <summary>Roll-on/roll-off passenger ship carrying rail wagons and/or trucks.</summary>
    RoPax,

    /// <summary>Rail ferry.</summary>
    RailFerry,

    /// <summary>Roll-on/roll-off cargo ship.</summary>
    RoRo,

    /// <summary>Small container ship serving a regional sea.</summary>
    ContainerFeeder,

    /// <summary>Deep-sea container ship.</summary>
    ContainerShip,
}

/// <summary>Kind of passage.</summary>
public enum PassageKind
{
    /// <summary>Artificial canal.</summary>
    Canal,

    /// <summary>Natural strait.</summary>
    Strait,

    /// <summary>Virtual passage round a cape.</summary>
    Cape,

    /// <summary>River/canal system.</summary>
    InlandWaterway,
}

/// <summary>Emission-factor system boundary.</summary>
public enum EmissionBasis
{
    /// <summary>Tank-to-wheel (operational emissions only).</summary>
    TankToWheel,

    /// <summary>Well-to-wheel (including fuel/energy supply).</summary>
    WellToWheel,
}

/// <summary>
/// How a consignment is booked, which decides the times it meets at borders, terminals, on the line and at the
/// sailings (docs/MODEL.md, "Service levels").
/// </summary>
public enum ServiceLevel : byte
{
    /// <summary>
    /// A single container or wagon moving in ordinary traffic: consolidation at terminals, the ordinary border
    /// queues, the ordinary running speed and space on the next sailing with room. The default.
    /// </summary>
    Groupage = 0,

    /// <summary>
    /// A whole scheduled block train: timetabled paths and border priority; it leaves its origin when loaded and has
    /// space booked on the sailings it waits for (no missed sailings).
    /// </summary>
    BlockTrain = 1,
}

/// <summary>What a row of service_levels.csv sets for the elements it names.</summary>
public enum ServiceLevelFigureKind
{
    /// <summary>A leg's running (or, for a transfer leg, crossing) time in hours: min, mode, max.</summary>
    Hours,

    /// <summary>A leg's running speed in km/h (its hours become distance ÷ speed).</summary>
    Speed,

    /// <summary>A node's dwell in hours where a route changes mode or gauge there (transshipment, handling).</summary>
    Dwell,

    /// <summary>
    /// A node's dwell in hours where rail wagons roll onto or off a rail ferry: no cargo is handled, the wagons wait
    /// for the vessel to be worked.
    /// </summary>
    RollDwell,
}

/// <summary>What a charge (charges.csv) is counted per.</summary>
public enum ChargeBasis
{
    /// <summary>Per TEU charged (a 40' container counts <c>feu_cost_factor</c> 20' rates).</summary>
    PerTeu,

    /// <summary>Per load: a wagon or truck (parameter <c>teu_per_wagon</c> TEU each, at least one).</summary>
    PerLoad,
}

/// <summary>What another name of a place (place_names.csv) is.</summary>
public enum PlaceNameKind
{
    /// <summary>A UN/LOCODE: two-letter country code and three letters or digits (<c>ITGOA</c>).</summary>
    Locode,

    /// <summary>The name in another language (<c>Genova</c> for Genoa).</summary>
    Exonym,

    /// <summary>Another name in use (a short form, a terminal's name).</summary>
    Alias,
}

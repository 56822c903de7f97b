using System.Collections.Frozen;

namespace Corridors.Network;

/// <summary>
/// The one vocabulary of words for enum values: the enum columns of the data files (docs/DATA.md), reliability rule
/// scopes, command-line values and JSON documents all use these words.
/// </summary>
public static class Words
{
    /// <summary>Node kinds.</summary>
    public static readonly FrozenDictionary<string, NodeKind> NodeKind = new Dictionary<string, NodeKind>
    {
        ["terminal"] = Network.NodeKind.Terminal,
        ["dry-port"] = Network.NodeKind.DryPort,
        ["seaport"] = Network.NodeKind.Seaport,
        ["border"] = Network.NodeKind.Border,
        ["junction"] = Network.NodeKind.Junction,
        ["city"] = Network.NodeKind.City,
    }.ToFrozenDictionary();

    /// <summary>Transport modes.</summary>
    public static readonly FrozenDictionary<string, TransportMode> Mode = new Dictionary<string, TransportMode>
    {
        ["rail"] = TransportMode.Rail,
        ["road"] = TransportMode.Road,
        ["ferry"] = TransportMode.Ferry,
        ["feeder"] = TransportMode.Feeder,
        ["ocean"] = TransportMode.Ocean,
        ["inland-waterway"] = TransportMode.InlandWaterway,
        ["transfer"] = TransportMode.Transfer,
    }.ToFrozenDictionary();

    /// <summary>Infrastructure status.</summary>
    public static readonly FrozenDictionary<string, InfrastructureStatus> Status = new Dictionary<string, InfrastructureStatus>
    {
        ["operational"] = InfrastructureStatus.Operational,
        ["under-construction"] = InfrastructureStatus.UnderConstruction,
        ["planned"] = InfrastructureStatus.Planned,
        ["closed"] = InfrastructureStatus.Closed,
    }.ToFrozenDictionary();

    /// <summary>Dwell rules.</summary>
    public static readonly FrozenDictionary<string, DwellRule> DwellRule = new Dictionary<string, DwellRule>
    {
        ["transfer"] = Network.DwellRule.Transfer,
        ["always"] = Network.DwellRule.Always,
    }.ToFrozenDictionary();

    /// <summary>Sea areas.</summary>
    public static readonly FrozenDictionary<string, SeaArea> Sea = new Dictionary<string, SeaArea>
    {
        ["caspian"] = SeaArea.Caspian,
        ["black-sea"] = SeaArea.BlackSea,
        ["mediterranean"] = SeaArea.Mediterranean,
        ["north-sea"] = SeaArea.NorthSea,
        ["baltic"] = SeaArea.Baltic,
        ["ocean"] = SeaArea.Ocean,
    }.ToFrozenDictionary();

    /// <summary>Leg directions (true = bidirectional).</summary>
    public static readonly FrozenDictionary<string, bool> Direction = new Dictionary<string, bool>
    {
        ["both"] = true,
        ["forward"] = false,
    }.ToFrozenDictionary();

    /// <summary>Service kinds.</summary>
    public static readonly FrozenDictionary<string, ServiceKind> ServiceKind = new Dictionary<string, ServiceKind>
    {
        ["scheduled"] = Network.ServiceKind.Scheduled,
        ["sail-when-full"] = Network.ServiceKind.SailWhenFull,
    }.ToFrozenDictionary();

    /// <summary>Vessel classes.</summary>
    public static readonly FrozenDictionary<string, VesselClass> VesselClass = new Dictionary<string, VesselClass>
    {
        ["ro-pax"] = Network.VesselClass.RoPax,
        ["rail-ferry"] = Network.VesselClass.RailFerry,
        ["ro-ro"] = Network.VesselClass.RoRo,
        ["container-feeder"] = Network.VesselClass.ContainerFeeder,
        ["container-ship"] = Network.VesselClass.ContainerShip,
    }.ToFrozenDictionary();

    /// <summary>Passage kinds.</summary>
    public static readonly FrozenDictionary<string, PassageKind> PassageKind = new Dictionary<string, PassageKind>
    {
        ["canal"] = Network.PassageKind.Canal,
        ["strait"] = Network.PassageKind.Strait,
        ["cape"] = Network.PassageKind.Cape,
        ["inland-waterway"] = Network.PassageKind.InlandWaterway,
    }.ToFrozenDictionary();

    /// <summary>Emission bases.</summary>
    public static readonly FrozenDictionary<string, EmissionBasis> Basis = new Dictionary<string, EmissionBasis>
    {
        ["ttw"] = EmissionBasis.TankToWheel,
        ["wtw"] = EmissionBasis.WellToWheel,
    }.ToFrozenDictionary();

    /// <summary>Greenhouse-gas scope of a factor (true = CO2e).</summary>
    public static readonly FrozenDictionary<string, bool> Gas = new Dictionary<string, bool>
    {
        ["co2"] = false,
        ["co2e"] = true,
    }.ToFrozenDictionary();

    /// <summary>Service levels (<see cref="Network.ServiceLevel"/>).</summary>
    public static readonly FrozenDictionary<string, ServiceLevel> ServiceLevel = new Dictionary<string, ServiceLevel>
    {
        ["groupage"] = Network.ServiceLevel.Groupage,
        ["block-train"] = Network.ServiceLevel.BlockTrain,
    }.ToFrozenDictionary();

    /// <summary>What a service_levels.csv row sets.</summary>
    public static readonly FrozenDictionary<string, ServiceLevelFigureKind> ServiceLevelFigure = new Dictionary<string, ServiceLevelFigureKind>
    {
        ["hours"] = ServiceLevelFigureKind.Hours,
        ["speed"] = ServiceLevelFigureKind.Speed,
        ["dwell"] = ServiceLevelFigureKind.Dwell,
        ["roll-dwell"] = ServiceLevelFigureKind.RollDwell,
    }.ToFrozenDictionary();

    /// <summary>Charge bases (<see cref="Network.ChargeBasis"/>).</summary>
    public static readonly FrozenDictionary<string, ChargeBasis> ChargeBasis = new Dictionary<string, ChargeBasis>
    {
        ["per-teu"] = Network.ChargeBasis.PerTeu,
        ["per-load"] = Network.ChargeBasis.PerLoad,
    }.ToFrozenDictionary();

    /// <summary>Kinds of other place names (<see cref="Network.PlaceNameKind"/>).</summary>
    public static readonly FrozenDictionary<string, PlaceNameKind> PlaceNameKind = new Dictionary<string, PlaceNameKind>
    {
        ["locode"] = Network.PlaceNameKind.Locode,
        ["exonym"] = Network.PlaceNameKind.Exonym,
        ["alias"] = Network.PlaceNameKind.Alias,
    }.ToFrozenDictionary();

    /// <summary>Weekdays.</summary>
    public static readonly FrozenDictionary<string, DayOfWeek> Day = new Dictionary<string, DayOfWeek>
    {
        ["mon"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<TransportMode, string> ModeWords = Mode.ToFrozenDictionary(p => p.Value, p => p.Key);
    private static readonly FrozenDictionary<Network.NodeKind, string> NodeKindWords = NodeKind.ToFrozenDictionary(p => p.Value, p => p.Key);
    private static readonly FrozenDictionary<SeaArea, string> SeaWords = Sea.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>The word for a mode (<c>rail</c>, <c>inland-waterway</c>, ...).</summary>
    public static string Name(TransportMode mode) => ModeWords.TryGetValue(mode, out var word) ? word : mode.ToString().ToLowerInvariant();

    /// <summary>The word for a node kind (<c>dry-port</c>, <c>border</c>, ...).</summary>
    public static string Name(NodeKind kind) => NodeKindWords.TryGetValue(kind, out var word) ? word : kind.ToString().ToLowerInvariant();

    /// <summary>The word for a sea (<c>caspian</c>, <c>black-sea</c>, ...).</summary>
    public static string Name(SeaArea sea) => SeaWords.TryGetValue(sea, out var word) ? word : sea.ToString().ToLowerInvariant();

    /// <summary>The data-file word for an enum value (the inverse of the tables above).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var table = (IReadOnlyDictionary<string, T>?)(object?)(typeof(T).Name switch
        {
            nameof(Network.NodeKind) => NodeKind,
            nameof(TransportMode) => Mode,
            nameof(InfrastructureStatus) => Status,
            nameof(Network.DwellRule) => DwellRule,
            nameof(SeaArea) => Sea,
            nameof(Network.ServiceKind) => ServiceKind,
            nameof(Network.VesselClass) => VesselClass,
            nameof(Network.PassageKind) => PassageKind,
            nameof(EmissionBasis) => Basis,
            nameof(Network.ServiceLevel) => ServiceLevel,
            nameof(ServiceLevelFigureKind) => ServiceLevelFigure,
            nameof(Network.ChargeBasis) => ChargeBasis,
            nameof(Network.PlaceNameKind) => PlaceNameKind,
            _ => null,
        });
        if (table is not null)
        {
            foreach (var (word, v) in table)
            {
                if (EqualityComparer<T>.Default.Equals(v, value))
                {
                    return word;
                }
            }
        }

        return value.ToString().ToLowerInvariant();
    }
}

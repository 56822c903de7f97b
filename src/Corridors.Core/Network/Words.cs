using System.Collections.Frozen;

namespace Corridors.Network;

/// <summary>
/// The one vocabulary of words for enum values: the enum columns of the data files (docs/DATA.md), reliability rule
/// scopes, command-line values and JSON documents all use these words.
/// </summary>
/// <remarks>
/// Each table is built on first use: a frozen dictionary over an enum is generic code the JIT compiles per enum type,
/// so building all of them when the first word is asked for cost a CLI call a few hundred methods (issue 16,
/// start-up). A race builds a table twice at worst; both are equal.
/// </remarks>
public static class Words
{
    /// <summary>Node kinds.</summary>
    public static FrozenDictionary<string, NodeKind> NodeKind => field ??= new Dictionary<string, NodeKind>
    {
        ["terminal"] = Network.NodeKind.Terminal,
        ["dry-port"] = Network.NodeKind.DryPort,
        ["seaport"] = Network.NodeKind.Seaport,
        ["border"] = Network.NodeKind.Border,
        ["junction"] = Network.NodeKind.Junction,
        ["city"] = Network.NodeKind.City,
    }.ToFrozenDictionary();

    /// <summary>Transport modes.</summary>
    public static FrozenDictionary<string, TransportMode> Mode => field ??= new Dictionary<string, TransportMode>
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
    public static FrozenDictionary<string, InfrastructureStatus> Status => field ??= new Dictionary<string, InfrastructureStatus>
    {
        ["operational"] = InfrastructureStatus.Operational,
        ["under-construction"] = InfrastructureStatus.UnderConstruction,
        ["planned"] = InfrastructureStatus.Planned,
        ["closed"] = InfrastructureStatus.Closed,
    }.ToFrozenDictionary();

    /// <summary>Dwell rules.</summary>
    public static FrozenDictionary<string, DwellRule> DwellRule => field ??= new Dictionary<string, DwellRule>
    {
        ["transfer"] = Network.DwellRule.Transfer,
        ["always"] = Network.DwellRule.Always,
    }.ToFrozenDictionary();

    /// <summary>Sea areas.</summary>
    public static FrozenDictionary<string, SeaArea> Sea => field ??= new Dictionary<string, SeaArea>
    {
        ["caspian"] = SeaArea.Caspian,
        ["black-sea"] = SeaArea.BlackSea,
        ["mediterranean"] = SeaArea.Mediterranean,
        ["north-sea"] = SeaArea.NorthSea,
        ["baltic"] = SeaArea.Baltic,
        ["ocean"] = SeaArea.Ocean,
    }.ToFrozenDictionary();

    /// <summary>Leg directions (true = bidirectional).</summary>
    public static FrozenDictionary<string, bool> Direction => field ??= new Dictionary<string, bool>
    {
        ["both"] = true,
        ["forward"] = false,
    }.ToFrozenDictionary();

    /// <summary>Service kinds.</summary>
    public static FrozenDictionary<string, ServiceKind> ServiceKind => field ??= new Dictionary<string, ServiceKind>
    {
        ["scheduled"] = Network.ServiceKind.Scheduled,
        ["sail-when-full"] = Network.ServiceKind.SailWhenFull,
    }.ToFrozenDictionary();

    /// <summary>Vessel classes.</summary>
    public static FrozenDictionary<string, VesselClass> VesselClass => field ??= new Dictionary<string, VesselClass>
    {
        ["ro-pax"] = Network.VesselClass.RoPax,
        ["rail-ferry"] = Network.VesselClass.RailFerry,
        ["ro-ro"] = Network.VesselClass.RoRo,
        ["container-feeder"] = Network.VesselClass.ContainerFeeder,
        ["container-ship"] = Network.VesselClass.ContainerShip,
    }.ToFrozenDictionary();

    /// <summary>Passage kinds.</summary>
    public static FrozenDictionary<string, PassageKind> PassageKind => field ??= new Dictionary<string, PassageKind>
    {
        ["canal"] = Network.PassageKind.Canal,
        ["strait"] = Network.PassageKind.Strait,
        ["cape"] = Network.PassageKind.Cape,
        ["inland-waterway"] = Network.PassageKind.InlandWaterway,
    }.ToFrozenDictionary();

    /// <summary>Emission bases.</summary>
    public static FrozenDictionary<string, EmissionBasis> Basis => field ??= new Dictionary<string, EmissionBasis>
    {
        ["ttw"] = EmissionBasis.TankToWheel,
        ["wtw"] = EmissionBasis.WellToWheel,
    }.ToFrozenDictionary();

    /// <summary>Greenhouse-gas scope of a factor (true = CO2e).</summary>
    public static FrozenDictionary<string, bool> Gas => field ??= new Dictionary<string, bool>
    {
        ["co2"] = false,
        ["co2e"] = true,
    }.ToFrozenDictionary();

    /// <summary>Service levels (<see cref="Network.ServiceLevel"/>).</summary>
    public static FrozenDictionary<string, ServiceLevel> ServiceLevel => field ??= new Dictionary<string, ServiceLevel>
    {
        ["groupage"] = Network.ServiceLevel.Groupage,
        ["block-train"] = Network.ServiceLevel.BlockTrain,
    }.ToFrozenDictionary();

    /// <summary>What a service_levels.csv row sets.</summary>
    public static FrozenDictionary<string, ServiceLevelFigureKind> ServiceLevelFigure => field ??= new Dictionary<string, ServiceLevelFigureKind>
    {
        ["hours"] = ServiceLevelFigureKind.Hours,
        ["speed"] = ServiceLevelFigureKind.Speed,
        ["dwell"] = ServiceLevelFigureKind.Dwell,
        ["roll-dwell"] = ServiceLevelFigureKind.RollDwell,
    }.ToFrozenDictionary();

    /// <summary>Charge bases (<see cref="Network.ChargeBasis"/>).</summary>
    public static FrozenDictionary<string, ChargeBasis> ChargeBasis => field ??= new Dictionary<string, ChargeBasis>
    {
        ["per-teu"] = Network.ChargeBasis.PerTeu,
        ["per-load"] = Network.ChargeBasis.PerLoad,
    }.ToFrozenDictionary();

    /// <summary>Kinds of other place names (<see cref="Network.PlaceNameKind"/>).</summary>
    public static FrozenDictionary<string, PlaceNameKind> PlaceNameKind => field ??= new Dictionary<string, PlaceNameKind>
    {
        ["locode"] = Network.PlaceNameKind.Locode,
        ["exonym"] = Network.PlaceNameKind.Exonym,
        ["alias"] = Network.PlaceNameKind.Alias,
    }.ToFrozenDictionary();

    /// <summary>Weekdays.</summary>
    public static FrozenDictionary<string, DayOfWeek> Day => field ??= new Dictionary<string, DayOfWeek>
    {
        ["mon"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary();

    private static FrozenDictionary<TransportMode, string> ModeWords => field ??= Mode.ToFrozenDictionary(p => p.Value, p => p.Key);
    private static FrozenDictionary<Network.NodeKind, string> NodeKindWords => field ??= NodeKind.ToFrozenDictionary(p => p.Value, p => p.Key);
    private static FrozenDictionary<SeaArea, string> SeaWords => field ??= Sea.ToFrozenDictionary(p => p.Value, p => p.Key);

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

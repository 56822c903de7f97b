using Corridors.Network;

namespace Corridors.Routing;

/// <summary>A corridor family's names: the wire name of JSON documents and the display name of tables.</summary>
/// <param name="Family">The family.</param>
/// <param name="WireName">Kebab-case name in documents, e.g. <c>middle-black-sea</c>.</param>
/// <param name="Name">Display name, e.g. <c>Middle (Caspian, Black Sea exit)</c>; a route's own name (from
/// <see cref="CorridorClassifier"/>) adds its variant, e.g. the Caspian crossing.</param>
public sealed record CorridorFamilyInfo(CorridorFamily Family, string WireName, string Name);

/// <summary>
/// The one table of corridor families: their names, and for the families <c>compare</c> searches, the constraints
/// that make a search stay inside the family. <see cref="CorridorClassifier"/> names a found route's family.
/// </summary>
public static class CorridorFamilies
{
    private static readonly string[] None = [];

    /// <summary>Every family, in display order.</summary>
    public static IReadOnlyList<CorridorFamilyInfo> All { get; } =
    [
        new(CorridorFamily.MiddleBlackSea, "middle-black-sea", "Middle (Caspian, Black Sea exit)"),
        new(CorridorFamily.MiddleTurkiye, "middle-turkiye", "Middle (Caspian, BTK/Türkiye)"),
        new(CorridorFamily.MiddleOther, "middle", "Middle (Caspian)"),
        new(CorridorFamily.Northern, "northern", "Northern (Russia–Belarus)"),
        new(CorridorFamily.Southern, "southern", "Southern (Iran)"),
        new(CorridorFamily.SeaSuez, "sea-suez", "Sea via Suez"),
        new(CorridorFamily.SeaCape, "sea-cape", "Sea via Cape"),
        new(CorridorFamily.Sea, "sea", "Sea"),
        new(CorridorFamily.Other, "other", "Overland"),
    ];

    /// <summary>
    /// The families <c>compare</c> searches, each with the constraints that keep a search inside it. They are rail and
    /// sea corridors: trucks (road legs) are left out, or a long truck run would stand in for the rail corridor of its
    /// family (through the Balkans for the Middle Corridor via Türkiye); <c>route</c> still offers them.
    /// </summary>
    internal static IReadOnlyList<CorridorSearch> Compared { get; } =
    [
        new(Of(CorridorFamily.MiddleBlackSea), ["AZ", "GE"], None, ["RU", "BY", "IR", "TR"], None, [TransportMode.Ocean, TransportMode.Road], []),
        new(Of(CorridorFamily.MiddleTurkiye), ["AZ", "TR"], None, ["RU", "BY", "IR"], None, [TransportMode.Ocean, TransportMode.Road], []),
        new(Of(CorridorFamily.Northern), ["RU"], None, ["IR"], None, [TransportMode.Ocean, TransportMode.Road], []),
        new(Of(CorridorFamily.Southern), ["IR"], None, ["RU", "BY"], None, [TransportMode.Road], []),
        new(Of(CorridorFamily.SeaSuez), None, [CorridorClassifier.Suez], ["RU", "BY", "IR"], None, [TransportMode.Road], [TransportMode.Ocean]),
        new(Of(CorridorFamily.SeaCape), None, [CorridorClassifier.Cape], ["RU", "BY", "IR"], [CorridorClassifier.Suez], [TransportMode.Road], [TransportMode.Ocean]),
    ];

    /// <summary>The names of a family.</summary>
    public static CorridorFamilyInfo Of(CorridorFamily family) => All[(int)family];

    /// <summary>The wire name of a family, e.g. <c>middle-black-sea</c>.</summary>
    public static string WireName(CorridorFamily family) => Of(family).WireName;
}

/// <summary>The constraints that keep a search inside one corridor family.</summary>
internal sealed record CorridorSearch(
    CorridorFamilyInfo Info,
    string[] Via,
    string[] ViaPassages,
    string[] Avoid,
    string[] AvoidPassages,
    TransportMode[] AvoidModes,
    TransportMode[] RequireModes)
{
    public string Name => Info.Name;

    public RouteQuery Apply(RouteQuery q) => q with
    {
        ViaCountries = [.. q.ViaCountries, .. Via],
        ViaPassages = [.. q.ViaPassages, .. ViaPassages],
        AvoidCountries = [.. q.AvoidCountries, .. Avoid],
        AvoidPassages = [.. q.AvoidPassages, .. AvoidPassages],
        AvoidModes = [.. q.AvoidModes, .. AvoidModes],
        RequireModes = [.. q.RequireModes, .. RequireModes],
    };
}

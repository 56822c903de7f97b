using Corridors.Routing;

namespace Corridors.Application.Contracts;

/// <summary>The document of <c>corridors places --json</c> and <c>GET /api/places</c> without <c>q</c>.</summary>
/// <param name="Year">Network year.</param>
/// <param name="Places">The places, by country then name (nearest first with <c>near</c>).</param>
public sealed record PlaceListDocument(int Year, IReadOnlyList<PlaceEntryContract> Places);

/// <summary>One network place with every name it answers to.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="Kind">terminal, dry-port, seaport, border, junction or city.</param>
/// <param name="Lon">Longitude, degrees.</param>
/// <param name="Lat">Latitude, degrees.</param>
/// <param name="Aliases">Other names: the nodes file's aliases, then place_names.csv (exonyms, aliases, UN/LOCODEs).</param>
public sealed record PlaceEntryContract(string Id, string Name, string Country, string Kind, double Lon, double Lat, IReadOnlyList<string> Aliases)
{
    /// <summary>Great-circle km from the <c>near</c> point, when one was given.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? DistanceKm { get; init; }

    /// <summary>True when a truck can reach it (a road leg ends here): the places that stand in for coordinates and unknown towns.</summary>
    public bool Road { get; init; }
}

/// <summary>How a place name resolved (<c>corridors places NAME</c>, <c>GET /api/places?q=</c>).</summary>
/// <param name="Query">The text looked up.</param>
/// <param name="Year">Network year.</param>
/// <param name="Status">found, ambiguous or not-found.</param>
/// <param name="Place">The node, when found.</param>
/// <param name="Candidates">Ambiguous matches or spelling suggestions, best first.</param>
public sealed record PlacesDocument(string Query, int Year, PlaceMatchStatus Status, Place? Place, IReadOnlyList<Place> Candidates)
{
    /// <summary>When the text named no network place and a nearby terminal stands for it: what was done.</summary>
    public string? Note { get; init; }
}

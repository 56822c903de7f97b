using Corridors.Application.Contracts;
using Corridors.Application.Places;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Application.Services;

/// <summary>Which places to list (<c>corridors places</c>, <c>GET /api/places</c>).</summary>
/// <param name="Year">Network year (default: the default year).</param>
/// <param name="Country">ISO code or country name; null for all.</param>
/// <param name="Kind">Node kind word (seaport, terminal, ...); null for all.</param>
/// <param name="Near">A <c>lon,lat</c> point: nearest first, with distances.</param>
/// <param name="Limit">At most this many places (with <paramref name="Near"/>: the nearest).</param>
public sealed record PlaceListRequest(int? Year = null, string? Country = null, string? Kind = null, string? Near = null, int? Limit = null);

/// <summary>A place name to resolve.</summary>
/// <param name="Query">The text.</param>
/// <param name="Year">Network year.</param>
public sealed record PlaceLookupRequest(string? Query, int? Year = null);

/// <summary><c>places</c>: the places a network knows, and how a name resolves.</summary>
/// <param name="workspace">The workspace.</param>
public sealed class PlaceService(CorridorsWorkspace workspace)
{
    /// <summary>The places of a year's network, filtered; all problems at once.</summary>
    public Outcome<PlaceListDocument> List(PlaceListRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        var year = Year(request.Year, problems);
        var network = workspace.Snapshot(year).Network;
        var def = network.Definition;
        string? country = null;
        if (!string.IsNullOrWhiteSpace(request.Country))
        {
            country = CountryNames.Resolve(def, request.Country, "country", problems);
        }

        NodeKind? kind = null;
        if (!string.IsNullOrWhiteSpace(request.Kind))
        {
            if (Words.NodeKind.TryGetValue(request.Kind.Trim().ToLowerInvariant(), out var k))
            {
                kind = k;
            }
            else
            {
                problems.Add(new("kind", $"'{RequestText.Quote(request.Kind)}' is not a kind of place; use {string.Join(", ", Words.NodeKind.Keys.Order(StringComparer.Ordinal))}."));
            }
        }

        (double Lon, double Lat)? near = null;
        if (!string.IsNullOrWhiteSpace(request.Near))
        {
            if (PlaceLookup.TryCoordinates(request.Near, out var lon, out var lat, out var bad) && bad is null)
            {
                near = (lon, lat);
            }
            else
            {
                problems.Add(new("near", bad ?? $"'{RequestText.Quote(request.Near)}' is not a 'lon,lat' pair (for example 44.8,41.7)."));
            }
        }

        if (request.Limit is < 1)
        {
            problems.Add(new("limit", "The number of places must be 1 or more."));
        }

        if (problems.Count > 0)
        {
            return Outcome<PlaceListDocument>.Invalid(problems);
        }

        var names = OtherNames(def);
        var list = new List<PlaceEntryContract>();
        for (var v = 0; v < network.NodeCount; v++)
        {
            var node = network.Nodes[v];
            if ((country is not null && node.Country != country) || (kind is not null && node.Kind != kind))
            {
                continue;
            }

            var aliases = new List<string>(node.Aliases);
            if (names.TryGetValue(node.Id, out var more))
            {
                aliases.AddRange(more.Where(m => !aliases.Contains(m, StringComparer.Ordinal)));
            }

            list.Add(new PlaceEntryContract(node.Id, node.Name, node.Country, Words.Name(node.Kind), node.Lon, node.Lat, aliases)
            {
                DistanceKm = near is { } p ? ContractJson.Round(Geo.GeoMath.GreatCircleKm(p.Lat, p.Lon, node.Lat, node.Lon), 0) : null,
                Road = PlaceLookup.HasRoadLeg(network, new NodeId(v)),
            });
        }

        IEnumerable<PlaceEntryContract> ordered = near is null
            ? list.OrderBy(p => p.Country, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            : list.OrderBy(p => p.DistanceKm).ThenBy(p => p.Id, StringComparer.Ordinal);
        if (request.Limit is { } limit)
        {
            ordered = ordered.Take(limit);
        }

        return Outcome<PlaceListDocument>.Ok(new PlaceListDocument(year, [.. ordered]));
    }

    /// <summary>How <see cref="PlaceLookupRequest.Query"/> resolves, as a routing request would resolve it.</summary>
    public Outcome<PlacesDocument> Lookup(PlaceLookupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            problems.Add(new("q", "Give the place to look up (q=...)."));
        }
        else if (request.Query.Length > RequestText.MaxLength)
        {
            problems.Add(new("q", RequestText.TooLong("A place name")));
        }

        var year = Year(request.Year, problems);
        if (problems.Count > 0)
        {
            return Outcome<PlacesDocument>.Invalid(problems);
        }

        var snapshot = workspace.Snapshot(year);
        var r = PlaceLookup.Resolve(snapshot, request.Query!);
        if (r.Problem is not null)
        {
            return Outcome<PlacesDocument>.Invalid([new("q", r.Problem)]);
        }

        var found = r.Status == PlaceMatchStatus.Found ? Place.Of(snapshot.Network.Node(r.Node)) : null;
        return Outcome<PlacesDocument>.Ok(new PlacesDocument(request.Query!, year, r.Status, found, r.Candidates) { Note = r.Note });
    }

    private static Dictionary<string, List<string>> OtherNames(NetworkDefinition def)
    {
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var n in def.PlaceNames)
        {
            if (!names.TryGetValue(n.Node, out var list))
            {
                names[n.Node] = list = [];
            }

            list.Add(n.Name);
        }

        return names;
    }

    private static int Year(int? year, List<RequestProblem> problems)
    {
        if (NetworkService.YearProblem(year) is { } problem)
        {
            problems.Add(problem);
            return NetworkYears.Default;
        }

        return year ?? NetworkYears.Default;
    }
}

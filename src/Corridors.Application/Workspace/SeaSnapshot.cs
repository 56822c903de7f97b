using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Data.Sea;
using Corridors.Network;
using Corridors.Routing;
using Corridors.Sea;

namespace Corridors.Application.Workspace;

/// <summary>Passage masks of a sea query, with a reason when a required passage cannot be used.</summary>
/// <param name="Avoid">Avoided passage bits.</param>
/// <param name="Via">Required passage bits.</param>
/// <param name="AvoidIds">Avoided passage ids.</param>
/// <param name="ViaIds">Required passage ids.</param>
/// <param name="ImpossibleReason">Why no route can satisfy the constraints, or null.</param>
/// <param name="TooSmallIds">Lane-network passages too small for the vessel.</param>
public sealed record SeaConstraints(ulong Avoid, ulong Via, IReadOnlyList<string> AvoidIds, IReadOnlyList<string> ViaIds, string? ImpossibleReason, IReadOnlyList<string> TooSmallIds);

/// <summary>
/// The sea-lane graph with its gazetteer (the corridor network's seaports first, then <c>data/sea/ports.csv</c>).
/// Immutable; sea routers are lent per call.
/// </summary>
public sealed class SeaSnapshot
{
    private readonly List<SeaPlaceContract> _places = [];
    private readonly ObjectPool<SeaRouter> _routers;

    internal SeaSnapshot(SeaGraph graph, IReadOnlyList<SeaPort> ports, NetworkDefinition? definition)
    {
        Graph = graph;
        DefaultVesselTeu = definition is null ? SeaRouteRequest.MainlineVesselTeu : OceanLegDistances.VesselTeu(definition);
        if (definition is not null)
        {
            foreach (var node in definition.Nodes)
            {
                if (node.Kind == NodeKind.Seaport)
                {
                    _places.Add(new SeaPlaceContract(node.Id, node.Id, node.Name, node.Country, node.Lon, node.Lat));
                    foreach (var alias in node.Aliases)
                    {
                        _places.Add(new SeaPlaceContract(alias, node.Id, node.Name, node.Country, node.Lon, node.Lat));
                    }
                }
            }
        }

        foreach (var port in ports)
        {
            _places.Add(new SeaPlaceContract(port.Id, port.Id, port.Name, port.Country, port.Lon, port.Lat));
        }

        _routers = new ObjectPool<SeaRouter>(() => new SeaRouter(graph));
    }

    /// <summary>The lane graph.</summary>
    public SeaGraph Graph { get; }

    /// <summary>Vessel size when a request names none: <c>ocean_vessel_teu</c> of parameters.csv, else the Core default.</summary>
    public int DefaultVesselTeu { get; }

    /// <summary>Resolves a port name, id or <c>lon,lat</c>; unknown names get suggestions.</summary>
    public Outcome<SeaPlaceContract> Resolve(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome<SeaPlaceContract>.Invalid(field, "A port or 'lon,lat' is required.");
        }

        if (text.Length > RequestText.MaxLength)
        {
            return Outcome<SeaPlaceContract>.Invalid(field, RequestText.TooLong("A port name"));
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return Coordinates(parts[0], parts[1], field);
        }

        foreach (var p in _places)
        {
            if (string.Equals(p.Query, text, StringComparison.OrdinalIgnoreCase))
            {
                return Outcome<SeaPlaceContract>.Ok(p with { Query = text });
            }
        }

        var folded = PlaceResolver.Fold(text);
        foreach (var p in _places)
        {
            if (p.Name is not null && PlaceResolver.Fold(p.Name) == folded)
            {
                return Outcome<SeaPlaceContract>.Ok(p with { Query = text });
            }
        }

        var suggestions = _places.Where(p => p.Name is not null)
            .Select(p => (Place: p, Distance: PlaceResolver.EditDistance(PlaceResolver.Fold(p.Name!), folded)))
            .OrderBy(x => x.Distance).Take(3).Select(x => $"{x.Place.Name} ({x.Place.Id})");
        return Outcome<SeaPlaceContract>.Invalid(field, $"Unknown port '{RequestText.Quote(text)}'. Did you mean: {string.Join(", ", suggestions)}? Coordinates are accepted as 'lon,lat'.");
    }

    /// <summary>A coordinate pair as a place; out-of-range or non-numeric values are a problem.</summary>
    public static Outcome<SeaPlaceContract> Coordinates(string lonText, string latText, string field)
    {
        ArgumentNullException.ThrowIfNull(lonText);
        ArgumentNullException.ThrowIfNull(latText);
        if (!double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || !double.IsFinite(lon) || lon is < -180 or > 180
            || !double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            return Outcome<SeaPlaceContract>.Invalid(field, $"'{RequestText.Quote(lonText + "," + latText)}' is not a 'lon,lat' pair within -180..180, -90..90.");
        }

        return Outcome<SeaPlaceContract>.Ok(new SeaPlaceContract(string.Create(CultureInfo.InvariantCulture, $"{lon},{lat}"), null, null, null, lon, lat));
    }

    /// <summary>The passage masks of a query; unknown passages are problems.</summary>
    public SeaConstraints Constraints(SeaRouteOptions options, int vesselTeu, List<RequestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var tooSmall = Graph.PassagesClosedTo(vesselTeu);
        var avoidCountries = options.AvoidCountries.Select(c => c.Trim().ToUpperInvariant()).ToList();
        ulong avoid = Graph.PassageMaskOfCountries(avoidCountries);
        ulong via = 0;
        var viaList = new List<string>();
        void Add(IReadOnlyList<string> ids, string field, ref ulong mask, List<string>? keep)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                mask |= Graph.PassageMask([ids[i]], out var unknown);
                if (unknown is not null)
                {
                    problems.Add(new($"{field}[{i}]", $"Unknown passage '{RequestText.Quote(unknown)}'. Known: {string.Join(", ", Graph.Passages.Select(p => p.Id))}."));
                }
                else
                {
                    keep?.Add(ids[i]);
                }
            }
        }

        Add(options.AvoidPassages, "avoidPassages", ref avoid, null);
        Add(options.ViaPassages, "viaPassages", ref via, viaList);
        if (viaList.Count > SeaRouter.MaxVia)
        {
            problems.Add(new("viaPassages", $"At most {SeaRouter.MaxVia} via passages are supported."));
        }

        string? impossible = null;
        foreach (var id in viaList)
        {
            if (!Graph.IsPassageInNetwork(id))
            {
                impossible = $"No lane of the bundled sea network crosses the '{id}' passage, so no route can be forced through it.";
            }
            else if ((avoid & (1UL << Graph.PassageBit(id))) != 0)
            {
                impossible = $"The passage '{id}' is both required and avoided.";
            }
            else if ((tooSmall & (1UL << Graph.PassageBit(id))) != 0)
            {
                var limit = Graph.Passages[Graph.PassageBit(id)].SizeLimit!;
                impossible = string.Create(CultureInfo.InvariantCulture, $"The passage '{id}' admits ships up to {limit.MaxTeu:N0} TEU; the vessel is {vesselTeu:N0} TEU (--vessel-teu).");
            }
        }

        return new SeaConstraints(avoid, via, Graph.PassageIds(avoid), viaList, impossible, Graph.PassageIds(tooSmall & ~avoid).Where(Graph.IsPassageInNetwork).ToList());
    }

    /// <summary>Lends a sea router for one call; dispose the lease to return it.</summary>
    internal ObjectPool<SeaRouter>.Lease RentRouter() => _routers.Rent();
}

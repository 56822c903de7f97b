using System.Globalization;
using Corridors.Diagnostics;
using Corridors.Geo;
using Corridors.Network;

namespace Corridors.Sea;

/// <summary>
/// Replaces the hand-entered distances of the corridor network's sea legs with distances routed on the sea-lane
/// graph. Each leg is routed between its end nodes with its own passage tags as constraints — the passages it is
/// tagged with are required (the route-defining ones: Cape, Suez, Panama, ...) and every other passage in the graph
/// is avoided — so a Suez variant and a Cape variant of the same port pair get their own distances, and
/// <c>--avoid-passage suez</c> in routing picks the Cape variant. The data row's distance is kept as a cross-check.
/// </summary>
public static class OceanLegDistances
{
    /// <summary>Diagnostic code: the routed distance differs from the data row by more than the tolerance.</summary>
    public const string DistanceMismatchCode = "CORR0121";

    /// <summary>Diagnostic code: the leg cannot be routed on the lanes with its passage tags, or crosses other passages.</summary>
    public const string RoutingProblemCode = "CORR0122";

    // Required passages are chosen in this order when a leg is tagged with more than SeaRouter.MaxVia of them:
    // the ones that decide between alternative routes first.
    private static readonly string[] ViaPriority = ["cape-good-hope", "suez", "panama", "bab-el-mandeb", "kerch", "bosporus", "dardanelles", "gibraltar", "hormuz", "malacca", "sunda", "dover", "kiel"];

    /// <summary>
    /// Routes every ocean leg on <paramref name="graph"/> and returns a definition with the routed distances. Running
    /// hours move with the distance at <paramref name="knots"/> (the data's port-call allowances are kept). Non-Caspian
    /// feeder and ferry legs between seaports are routed as a cross-check only: they keep their sourced distances,
    /// because marnet's regional lanes are sparse (Poti → Constanța goes via the Bosporus approach, +18 %). Legs that
    /// cannot be routed keep their data values and get a warning.
    /// </summary>
    /// <param name="definition">The loaded network.</param>
    /// <param name="graph">The sea-lane graph.</param>
    /// <param name="knots">Sailing speed used to turn a distance change into hours.</param>
    /// <param name="tolerance">Relative difference above which the data row and the routed distance are reported (0.02 = 2 %).</param>
    /// <param name="diagnostics">Where warnings go.</param>
    /// <param name="seaFile">File name shown in diagnostics for the lane network.</param>
    public static NetworkDefinition Apply(NetworkDefinition definition, SeaGraph graph, double knots, double tolerance, DiagnosticBag diagnostics, string seaFile) =>
        Apply(definition, Route(definition, graph, tolerance, diagnostics, seaFile), knots);

    /// <summary>
    /// Routes the sea legs (see <see cref="Apply(NetworkDefinition, SeaGraph, double, double, DiagnosticBag, string)"/>)
    /// and returns the distances to use, without changing the definition; the result can be cached and applied
    /// later with <see cref="Apply(NetworkDefinition, IReadOnlyList{SeaLegDistance}, double)"/>.
    /// </summary>
    public static IReadOnlyList<SeaLegDistance> Route(NetworkDefinition definition, SeaGraph graph, double tolerance, DiagnosticBag diagnostics, string seaFile)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var router = new SeaRouter(graph);
        var ci = CultureInfo.InvariantCulture;
        var results = new List<SeaLegDistance>();
        var vesselTeu = VesselTeu(definition);
        foreach (var leg in definition.Legs)
        {
            if (!TryCreateRequest(definition, graph, leg, vesselTeu, out var request, out var from, out var to))
            {
                continue;
            }

            var route = router.Route(request);
            if (!route.IsFound)
            {
                diagnostics.Warning(RoutingProblemCode, leg.Origin.File, leg.Origin.Line, 1,
                    $"Sea leg '{leg.Id}' cannot be routed on the sea lanes ({seaFile}) with its passages [{string.Join(';', leg.Passages)}]: {SeaRouter.Reason(route, from.Name, to.Name)} The data row's distance is used.");
                continue;
            }

            var crossed = router.PassagesInOrder();
            var missing = leg.Passages.Where(p => graph.PassageBit(p) >= 0 && !crossed.Contains(p)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                diagnostics.Warning(RoutingProblemCode, leg.Origin.File, leg.Origin.Line, 1,
                    $"Sea leg '{leg.Id}' is tagged with [{string.Join(';', missing)}] but its shortest sea route through its other passages does not cross them (route: {string.Join(" → ", crossed)}).",
                    "Fix the leg's passages column.");
            }

            var km = route.DistanceKm;
            var replace = leg.Mode == TransportMode.Ocean;
            if (leg.DistanceKm > 0 && Math.Abs(km - leg.DistanceKm) / leg.DistanceKm > tolerance)
            {
                diagnostics.Warning(DistanceMismatchCode, leg.Origin.File, leg.Origin.Line, 1,
                    string.Create(ci, $"Sea leg '{leg.Id}' is {leg.DistanceKm:0} km in the data but {km:0} km on the sea lanes ({(km - leg.DistanceKm) / leg.DistanceKm:+0.0%;-0.0%}); {(replace ? "the sea-lane distance is used" : "the data row is kept (regional feeder and ferry services keep their sourced distances; marnet's regional lanes are sparse)")}."),
                    "Update distance_km or check the end nodes' coordinates and the passages column.");
            }

            if (replace)
            {
                results.Add(new SeaLegDistance(leg.Id, km, crossed));
            }
        }

        return results;
    }

    /// <summary>
    /// The sea-lane query that gives <paramref name="leg"/> its distance: from its <c>from</c> node to its <c>to</c> node,
    /// through its tagged passages (the route-defining ones required, every other passage of the graph avoided), with
    /// the network's ocean vessel size (<see cref="VesselTeu"/>) for ocean legs and no size limit for feeder and ferry
    /// legs. Drawing the leg along <see cref="SeaRouter.Geometry"/> of this query draws the path whose distance the leg
    /// carries (for ocean legs) or is cross-checked against (feeder and ferry legs).
    /// </summary>
    /// <returns>False when the leg is not a sea leg on the lane graph: not ocean, feeder or ferry, not between two seaports, or on the Caspian.</returns>
    public static bool TryCreateRequest(NetworkDefinition definition, SeaGraph graph, Leg leg, out SeaRouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(leg);
        return TryCreateRequest(definition, graph, leg, VesselTeu(definition), out request, out _, out _);
    }

    private static bool TryCreateRequest(NetworkDefinition definition, SeaGraph graph, Leg leg, int vesselTeu, out SeaRouteRequest request, out Node from, out Node to)
    {
        request = default;
        if (!IsSeaLeg(definition, leg, out from, out to))
        {
            return false;
        }

        var tagged = leg.Passages.Where(graph.IsPassageInNetwork).ToHashSet(StringComparer.Ordinal);
        ulong avoid = 0;
        for (var g = 0; g < graph.Passages.Count; g++)
        {
            if (!tagged.Contains(graph.Passages[g].Id))
            {
                avoid |= 1UL << g;
            }
        }

        var via = graph.PassageMask(ViaPriority.Where(tagged.Contains).Take(SeaRouter.MaxVia), out _);
        request = new SeaRouteRequest(from.Lon, from.Lat, to.Lon, to.Lat) { AvoidMask = avoid, ViaMask = via, VesselTeu = leg.Mode == TransportMode.Ocean ? vesselTeu : 0 };
        return true;
    }

    /// <summary>
    /// Vessel size of the network's ocean legs: parameter <see cref="VesselTeuParameter"/>, else
    /// <see cref="SeaRouteRequest.MainlineVesselTeu"/>. Passages too small for it are not used by ocean legs; feeder and
    /// ferry legs (smaller ships, explicit passage tags) are routed without a size limit.
    /// </summary>
    public static int VesselTeu(NetworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return (int)Math.Round(definition.Parameter(VesselTeuParameter, SeaRouteRequest.MainlineVesselTeu));
    }

    /// <summary>Key in <c>parameters.csv</c> of the ocean legs' vessel size in TEU.</summary>
    public const string VesselTeuParameter = "ocean_vessel_teu";

    /// <summary>
    /// The definition with the given legs' distances replaced; running hours move by the distance change at
    /// <paramref name="knots"/> and the leg's notes record the routed distance and passages.
    /// </summary>
    public static NetworkDefinition Apply(NetworkDefinition definition, IReadOnlyList<SeaLegDistance> distances, double knots)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(distances);
        if (distances.Count == 0)
        {
            return definition;
        }

        var ci = CultureInfo.InvariantCulture;
        var kmPerHour = knots * GeoMath.KmPerNauticalMile;
        var byId = distances.ToDictionary(d => d.LegId, StringComparer.Ordinal);
        var legs = new List<Leg>(definition.Legs.Count);
        foreach (var leg in definition.Legs)
        {
            if (!byId.TryGetValue(leg.Id, out var routed))
            {
                legs.Add(leg);
                continue;
            }

            var km = routed.DistanceKm;
            var deltaHours = (km - leg.DistanceKm) / kmPerHour;
            var hours = leg.Hours is { } h ? new Triangular(h.Min + deltaHours, h.Mode + deltaHours, h.Max + deltaHours) : (Triangular?)null;
            var note = string.Create(ci, $"distance routed on the sea-lane graph at load: {km:0} km via {(routed.Passages.Count == 0 ? "no gated passage" : string.Join(", ", routed.Passages))} (data row: {leg.DistanceKm:0} km)");
            legs.Add(leg with
            {
                DistanceKm = km,
                Hours = hours,
                Provenance = leg.Provenance with { Notes = string.IsNullOrEmpty(leg.Provenance.Notes) ? note : leg.Provenance.Notes + "; " + note },
            });
        }

        return definition.WithLegs(legs);
    }

    /// <summary>Ocean legs, and feeder/ferry legs that do not touch the Caspian (those are not on the lane graph).</summary>
    private static bool IsSeaLeg(NetworkDefinition definition, Leg leg, out Node from, out Node to)
    {
        from = null!;
        to = null!;
        if (leg.Mode is not (TransportMode.Ocean or TransportMode.Feeder or TransportMode.Ferry)
            || !definition.NodeById.TryGetValue(leg.From, out from!)
            || !definition.NodeById.TryGetValue(leg.To, out to!))
        {
            return false;
        }

        return from.Sea != SeaArea.Caspian && to.Sea != SeaArea.Caspian && from.Kind == NodeKind.Seaport && to.Kind == NodeKind.Seaport;
    }
}

/// <summary>A sea leg's distance routed on the sea-lane graph.</summary>
/// <param name="LegId">Leg id.</param>
/// <param name="DistanceKm">Port-to-port distance in km.</param>
/// <param name="Passages">Passages crossed, in order.</param>
public sealed record SeaLegDistance(string LegId, double DistanceKm, IReadOnlyList<string> Passages);

using System.Globalization;
using Corridors.Network;

namespace Corridors.Routing;

/// <summary>
/// The routing front door: best route, Pareto set, corridor-level alternatives and per-corridor comparison,
/// with explanations, and — when the constraints leave no route — which constraint to relax. Owns search
/// workspaces, so use one router per thread; the <see cref="RoutingGraph"/> can be shared.
/// </summary>
public sealed class CorridorRouter
{
    private readonly RouteDijkstra _dijkstra = new();
    private readonly ParetoSearch _pareto = new();
    private readonly QueryWeights _weights = new();

    /// <summary>Creates a router over a network.</summary>
    public CorridorRouter(CorridorNetwork network)
        : this(new RoutingGraph(network))
    {
    }

    /// <summary>Creates a router over shared routing attributes.</summary>
    public CorridorRouter(RoutingGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
        Places = new PlaceResolver(graph.Network);
    }

    /// <summary>Routing attributes of the network.</summary>
    public RoutingGraph Graph { get; }

    /// <summary>Place-name resolution for the network.</summary>
    public PlaceResolver Places { get; }

    /// <summary>The network.</summary>
    public CorridorNetwork Network => Graph.Network;

    /// <summary>
    /// The best route for the query's objective and, when <paramref name="alternatives"/> &gt; 1, up to that many
    /// routes in total that differ at corridor level (another corridor, Caspian crossing or Black Sea exit), best
    /// first.
    /// </summary>
    /// <exception cref="ArgumentException">The query does not fit the network (see <see cref="RouteQueryChecks.Find"/>); the message lists every problem.</exception>
    public RouteResult Route(RouteQuery query, int alternatives = 1)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(alternatives, 1);
        RouteQueryChecks.ThrowIfInvalid(query, Network);
        var best = BestRouteChecked(query);
        if (best is null)
        {
            return NoRoute(query);
        }

        if (alternatives == 1)
        {
            return new RouteResult(RouteStatus.Optimal, [ShapedBest(query, best)], null, [], []);
        }

        var candidates = new List<Route> { best };
        var compare = CompareChecked(query);
        candidates.AddRange(compare.Routes);
        var pareto = ParetoChecked(query with { ParetoEpsilon = Math.Max(query.ParetoEpsilon, 0.02), MaxLabels = Math.Min(query.MaxLabels, 50_000) });
        // Alternatives never loop (the best route is kept as it is: the query's own via points may demand a loop).
        candidates.AddRange(pareto.Routes.Where(r => RouteShape.Loop(Network, r) is null));
        return new RouteResult(RouteStatus.Optimal, Diverse(query, candidates, alternatives), null, [], compare.Excluded);
    }

    /// <summary>
    /// <paramref name="best"/> when it neither revisits a place nor re-enters a country (<see cref="RouteShape.Loop"/>),
    /// or when the query's via points may demand that; otherwise the best of the corridor-family and Pareto routes
    /// that do not loop, by the query's objective (the label-setting search cannot exclude loops itself), or
    /// <paramref name="best"/> when every candidate loops.
    /// </summary>
    private Route ShapedBest(RouteQuery query, Route best)
    {
        if (query.ViaNodes.Count > 0 || RouteShape.Loop(Network, best) is null)
        {
            return best;
        }

        var pareto = ParetoChecked(query with { ParetoEpsilon = Math.Max(query.ParetoEpsilon, 0.02), MaxLabels = Math.Min(query.MaxLabels, 50_000) });
        return CompareChecked(query).Routes.Concat(pareto.Routes)
            .Where(r => RouteShape.Loop(Network, r) is null)
            .MinBy(r => query.ObjectiveValue(r.Totals.Hours, r.Totals.CostUsd, r.Totals.Co2eKg, r.Totals.Risk)) ?? best;
    }

    /// <summary>The non-dominated routes (time, cost, CO2e, and risk when asked), fastest first.</summary>
    /// <exception cref="ArgumentException">The query does not fit the network (see <see cref="RouteQueryChecks.Find"/>); the message lists every problem.</exception>
    public RouteResult Pareto(RouteQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        RouteQueryChecks.ThrowIfInvalid(query, Network);
        return ParetoChecked(query);
    }

    /// <summary>
    /// The best route per corridor family (Middle with Black Sea exit, Middle through Türkiye, Northern,
    /// Southern, sea via Suez, sea via the Cape) under the query's constraints; families the constraints rule out
    /// are listed in <see cref="RouteResult.Excluded"/> with the reason.
    /// </summary>
    /// <exception cref="ArgumentException">The query does not fit the network (see <see cref="RouteQueryChecks.Find"/>); the message lists every problem.</exception>
    public RouteResult Compare(RouteQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        RouteQueryChecks.ThrowIfInvalid(query, Network);
        return CompareChecked(query);
    }

    /// <summary>Explains a path (for example one kept from an earlier query) under <paramref name="query"/>.</summary>
    /// <exception cref="ArgumentException">The query does not fit the network (see <see cref="RouteQueryChecks.Find"/>); the message lists every problem.</exception>
    public Route Explain(RouteQuery query, IReadOnlyList<EdgeId> path)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(path);
        _weights.Prepare(Graph, query);
        return RouteExplainer.Explain(_weights, path);
    }

    /// <summary>The best route for the query's objective, or null when the constraints leave none.</summary>
    /// <exception cref="ArgumentException">The query does not fit the network (see <see cref="RouteQueryChecks.Find"/>); the message lists every problem.</exception>
    public Route? BestRoute(RouteQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        RouteQueryChecks.ThrowIfInvalid(query, Network);
        return BestRouteChecked(query);
    }

    // The *Checked methods take a query the public entry has checked, or one the router derived from it: corridor
    // families and relaxations add or drop codes, and checking those again would reject a family's country codes
    // on a network that does not define them (the family is then excluded with a reason instead).
    private RouteResult ParetoChecked(RouteQuery query)
    {
        _weights.PrepareChecked(Graph, query);
        var set = _pareto.Run(_weights);
        if (set.Count == 0)
        {
            return NoRoute(query);
        }

        var routes = new List<Route>(set.Count);
        foreach (var (path, _) in set)
        {
            routes.Add(RouteExplainer.Explain(_weights, path));
        }

        return new RouteResult(_pareto.HitLabelLimit ? RouteStatus.IterationLimit : RouteStatus.Optimal, routes, null, [], []);
    }

    private RouteResult CompareChecked(RouteQuery query)
    {
        var routes = new List<Route>();
        var excluded = new List<ExcludedCorridor>();
        foreach (var family in CorridorFamilies.Compared)
        {
            if (Conflict(query, family) is { } reason)
            {
                excluded.Add(new ExcludedCorridor(family.Name, reason));
                continue;
            }

            var route = BestRouteChecked(family.Apply(query));
            if (route is null)
            {
                excluded.Add(new ExcludedCorridor(family.Name, "No route of this corridor connects the two places under the constraints."));
                continue;
            }

            if (RouteShape.Loop(Network, route) is { } loop)
            {
                excluded.Add(new ExcludedCorridor(family.Name, "Not available without a detour: " + loop));
                continue;
            }

            var same = routes.FindIndex(r => r.Corridor == route.Corridor);
            if (same < 0)
            {
                routes.Add(route);
            }
            else if (Objective(query, route) < Objective(query, routes[same]))
            {
                routes[same] = route;
            }
        }

        DropDetours(routes, excluded);
        if (routes.Count == 0)
        {
            var none = NoRoute(query);
            return none with { Excluded = excluded };
        }

        return new RouteResult(RouteStatus.Optimal, routes, null, [], excluded);
    }

    /// <summary>
    /// Moves routes more than <see cref="RouteShape.MaxDetourFactor"/> times as long as the shortest route of their
    /// kind (overland, or with a deep-sea leg) to <paramref name="excluded"/>: a corridor reachable only that way is
    /// not an option for this question.
    /// </summary>
    private static void DropDetours(List<Route> routes, List<ExcludedCorridor> excluded)
    {
        foreach (var sea in new[] { false, true })
        {
            var kind = routes.Where(r => RouteShape.IsDeepSea(r) == sea).ToList();
            if (kind.Count < 2)
            {
                continue;
            }

            var shortest = kind.Min(r => r.Totals.Km);
            if (!(shortest > 0))
            {
                continue; // a network without distances (some test networks) has no detour measure
            }

            foreach (var r in kind)
            {
                if (r.Totals.Km > RouteShape.MaxDetourFactor * shortest)
                {
                    routes.Remove(r);
                    excluded.Add(new ExcludedCorridor(r.Corridor, string.Create(CultureInfo.InvariantCulture,
                        $"Not available without a detour: {r.Totals.Km:N0} km, {r.Totals.Km / shortest:0.0} × the shortest {(sea ? "route by deep sea" : "overland route")} ({shortest:N0} km).")));
                }
            }
        }
    }

    private Route? BestRouteChecked(RouteQuery query)
    {
        _weights.PrepareChecked(Graph, query);
        var path = _dijkstra.Run(_weights);
        return path is null ? null : RouteExplainer.Explain(_weights, path);
    }

    /// <summary>The value of the query's objective for a route (hours, USD, kg CO2e or generalized USD).</summary>
    public static double Objective(RouteQuery query, Route route)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(route);
        var t = route.Totals;
        return query.ObjectiveValue(t.Hours, t.CostUsd, t.Co2eKg, t.Risk);
    }

    private List<Route> Diverse(RouteQuery query, List<Route> candidates, int k)
    {
        candidates.Sort((a, b) => Objective(query, a).CompareTo(Objective(query, b)));
        var chosen = new List<Route>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var signatures = new HashSet<string>(StringComparer.Ordinal);

        // First one route per corridor name, then further variants that differ in their key places
        // (seaports and border crossings), so no alternative is a small detour of another.
        foreach (var r in candidates)
        {
            if (chosen.Count < k && names.Add(r.Corridor))
            {
                chosen.Add(r);
                signatures.Add(Signature(r));
            }
        }

        foreach (var r in candidates)
        {
            if (chosen.Count < k && !chosen.Contains(r) && signatures.Add(Signature(r)))
            {
                chosen.Add(r);
            }
        }

        chosen.Sort((a, b) => Objective(query, a).CompareTo(Objective(query, b)));
        return chosen;
    }

    private string Signature(Route route)
    {
        var parts = new List<string> { route.Corridor };
        foreach (var leg in route.Legs)
        {
            var node = Network.Definition.NodeById[leg.To.Id];
            if (node.Kind is NodeKind.Seaport or NodeKind.Border)
            {
                parts.Add(node.Id);
            }
        }

        return string.Join('|', parts);
    }

    private RouteResult NoRoute(RouteQuery query)
    {
        var from = Network.Node(query.From);
        var to = Network.Node(query.To);
        var open = Unconstrained(query);
        _weights.PrepareChecked(Graph, open);
        if (_dijkstra.Run(_weights) is null)
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{to.Name} cannot be reached from {from.Name} in the {Network.Year} network.");
            return new RouteResult(RouteStatus.Unreachable, [], reason, [], []);
        }

        var relax = new List<Relaxation>();
        foreach (var (key, description, relaxed) in Relaxations(query))
        {
            if (BestRouteChecked(relaxed) is { } route)
            {
                relax.Add(new Relaxation(key, description, route));
            }
        }

        if (relax.Count == 0 && BestRouteChecked(open) is { } any)
        {
            relax.Add(new Relaxation("all", "No single constraint is to blame; dropping all of them gives this route.", any));
        }

        var why = $"No route from {from.Name} to {to.Name} satisfies the constraints ({Describe(query)}).";
        _weights.PrepareChecked(Graph, query);
        if (_weights.OriginBlocked(query.From, out var destinationBlocked))
        {
            why = $"{from.Name} lies in {from.Country}, which the query avoids or which is closed.";
        }
        else if (destinationBlocked)
        {
            why = $"{to.Name} lies in {to.Country}, which the query avoids or which is closed.";
        }

        return new RouteResult(RouteStatus.Infeasible, [], why, relax, []);
    }

    private static RouteQuery Unconstrained(RouteQuery q) => q with
    {
        AvoidCountries = [],
        AvoidPassages = [],
        AvoidModes = [],
        RequireModes = [],
        ViaNodes = [],
        ViaCountries = [],
        ViaPassages = [],
        MaxTransshipments = null,
        AllowClosedCountries = true,
    };

    private IEnumerable<(string Key, string Description, RouteQuery Query)> Relaxations(RouteQuery q)
    {
        var def = Network.Definition;
        foreach (var c in q.AvoidCountries)
        {
            yield return ($"avoid:{c}", $"Allow {CountryName(c)} ({c}).", q with { AvoidCountries = Without(q.AvoidCountries, c) });
        }

        foreach (var p in q.AvoidPassages)
        {
            yield return ($"avoid-passage:{p}", $"Allow the {PassageName(p)} passage.", q with { AvoidPassages = Without(q.AvoidPassages, p) });
        }

        foreach (var m in q.AvoidModes)
        {
            yield return ($"avoid-mode:{Words.Name(m)}", $"Allow {Words.Name(m)} legs.", q with { AvoidModes = Without(q.AvoidModes, m) });
        }

        foreach (var m in q.RequireModes)
        {
            yield return ($"require-mode:{Words.Name(m)}", $"Do not require a {Words.Name(m)} leg.", q with { RequireModes = Without(q.RequireModes, m) });
        }

        foreach (var v in q.ViaNodes)
        {
            var node = Network.Node(v);
            yield return ($"via:{node.Id}", $"Do not require passing {node.Name}.", q with { ViaNodes = Without(q.ViaNodes, v) });
        }

        foreach (var c in q.ViaCountries)
        {
            yield return ($"via-country:{c}", $"Do not require passing through {CountryName(c)}.", q with { ViaCountries = Without(q.ViaCountries, c) });
        }

        foreach (var p in q.ViaPassages)
        {
            yield return ($"via-passage:{p}", $"Do not require the {PassageName(p)} passage.", q with { ViaPassages = Without(q.ViaPassages, p) });
        }

        if (q.MaxTransshipments is { } max)
        {
            yield return ("max-transshipments", string.Create(CultureInfo.InvariantCulture, $"Allow more than {max} transshipments."), q with { MaxTransshipments = null });
        }

        if (!q.AllowClosedCountries)
        {
            foreach (var country in def.Countries)
            {
                if (country.Closed && Network.CountryBit(country.Id) >= 0)
                {
                    var opened = new List<string>();
                    foreach (var other in def.Countries)
                    {
                        if (other.Closed && other.Id != country.Id)
                        {
                            opened.Add(other.Id);
                        }
                    }

                    yield return ($"closed:{country.Id}", $"Allow transit through {country.Name} ({country.Id}), closed in the baseline.",
                        q with { AllowClosedCountries = true, AvoidCountries = [.. q.AvoidCountries, .. opened] });
                }
            }
        }
    }

    private string Describe(RouteQuery q)
    {
        var parts = new List<string>();
        if (q.AvoidCountries.Count > 0)
        {
            parts.Add("avoid " + string.Join(", ", q.AvoidCountries));
        }

        if (q.AvoidPassages.Count > 0)
        {
            parts.Add("avoid passages " + string.Join(", ", q.AvoidPassages));
        }

        if (q.AvoidModes.Count > 0)
        {
            parts.Add("avoid modes " + string.Join(", ", q.AvoidModes.Select(Words.Name)));
        }

        if (q.RequireModes.Count > 0)
        {
            parts.Add("require modes " + string.Join(", ", q.RequireModes.Select(Words.Name)));
        }

        if (q.ViaNodes.Count > 0)
        {
            parts.Add("via " + string.Join(", ", q.ViaNodes.Select(v => Network.Node(v).Name)));
        }

        if (q.ViaCountries.Count > 0)
        {
            parts.Add("via " + string.Join(", ", q.ViaCountries));
        }

        if (q.ViaPassages.Count > 0)
        {
            parts.Add("via passages " + string.Join(", ", q.ViaPassages));
        }

        if (q.MaxTransshipments is { } max)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"at most {max} transshipments"));
        }

        if (!q.AllowClosedCountries && Graph.ClosedCountryMask != 0)
        {
            parts.Add("closed countries avoided");
        }

        return parts.Count == 0 ? "none" : string.Join("; ", parts);
    }

    private string? Conflict(RouteQuery query, CorridorSearch family)
    {
        foreach (var c in family.Via)
        {
            if (Contains(query.AvoidCountries, c))
            {
                return $"Needs {CountryName(c)} ({c}), which the query avoids.";
            }

            if (Network.CountryBit(c) < 0)
            {
                return $"The network has no legs in {CountryName(c)} ({c}).";
            }

            if (!query.AllowClosedCountries && Network.Definition.CountryById.TryGetValue(c, out var country) && country.Closed)
            {
                return $"Needs {country.Name} ({c}), closed in the baseline.";
            }
        }

        foreach (var p in family.ViaPassages)
        {
            if (Contains(query.AvoidPassages, p))
            {
                return $"Needs the {PassageName(p)} passage, which the query avoids.";
            }

            if (Network.PassageBit(p) < 0)
            {
                return $"The network has no leg through the {PassageName(p)} passage.";
            }
        }

        return null;
    }

    private string CountryName(string iso) =>
        Network.Definition.CountryById.TryGetValue(iso, out var c) ? c.Name : iso;

    private string PassageName(string id) =>
        Network.Definition.PassageById.TryGetValue(id, out var p) ? p.Name : id;

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static T[] Without<T>(IReadOnlyList<T> list, T value)
    {
        var result = new List<T>(list.Count);
        foreach (var item in list)
        {
            if (!EqualityComparer<T>.Default.Equals(item, value))
            {
                result.Add(item);
            }
        }

        return [.. result];
    }
}

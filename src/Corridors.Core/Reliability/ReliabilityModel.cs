using Corridors.Diagnostics;
using Corridors.Network;

namespace Corridors.Reliability;

/// <summary>
/// The set of stochastic element rules (from <c>data/reliability.csv</c>) on top of the network's own dwell
/// triangles, running times and services. Immutable; compile it against a route with
/// <see cref="Compile(CorridorNetwork, IReadOnlyList{EdgeId}, DateTimeOffset)"/>.
/// </summary>
public sealed class ReliabilityModel
{
    /// <summary>Creates a model from rules (already validated by the reader).</summary>
    public ReliabilityModel(IReadOnlyList<ReliabilityRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        Shocks = rules.Where(r => r.Component == ReliabilityComponent.Shock).ToArray();
    }

    /// <summary>A model with no extra rules: only the network's dwell triangles, running times and timetables vary.</summary>
    public static ReliabilityModel Empty { get; } = new([]);

    /// <summary>All rules, in file order.</summary>
    public IReadOnlyList<ReliabilityRule> Rules { get; }

    /// <summary>
    /// The shock rules in file order. Every sample draws one state for each of them before anything else, so
    /// two routes run with the same seed see the same shocks in the same samples (common random numbers).
    /// </summary>
    public IReadOnlyList<ReliabilityRule> Shocks { get; }

    /// <summary>
    /// Compiles the model for one route: the path is an ordered list of edges of <paramref name="network"/>,
    /// each starting where the previous one ended.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty, names an edge outside the network, or is not contiguous.</exception>
    /// <exception cref="InvalidOperationException">A sailing-headway rule that applies to the route has a headway other than uniform or fixed.</exception>
    public RoutePlan Compile(CorridorNetwork network, IReadOnlyList<EdgeId> path, DateTimeOffset departure)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        return RoutePlan.Build(this, network, path, departure);
    }

    /// <summary>
    /// Warnings for rules whose targets name nodes, legs or countries the definition does not have (a typo
    /// silently matching nothing would make a route look more reliable than the data says).
    /// </summary>
    public IReadOnlyList<Diagnostic> CheckTargets(NetworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var found = new List<Diagnostic>();
        foreach (var rule in Rules)
        {
            foreach (var target in rule.Targets)
            {
                var known = rule.Scope switch
                {
                    RuleScope.Node => definition.NodeById.ContainsKey(target),
                    RuleScope.Leg => definition.LegById.ContainsKey(target),
                    RuleScope.Country => definition.CountryById.ContainsKey(target),
                    _ => true,
                };
                if (!known)
                {
                    var what = rule.Scope switch
                    {
                        RuleScope.Node => "node",
                        RuleScope.Leg => "leg",
                        _ => "country",
                    };
                    found.Add(new Diagnostic(
                        DiagnosticSeverity.Warning,
                        "CORR0501",
                        rule.Origin.File,
                        rule.Origin.Line,
                        0,
                        $"reliability rule '{rule.Id}' names unknown {what} '{target}'; it matches nothing.",
                        $"check the {what} ids in the network files."));
                }
            }
        }

        return found;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Corridors.Network;

namespace Corridors.Routing;

/// <summary>One thing wrong with a <see cref="RouteQuery"/> for a given network.</summary>
/// <param name="Field">
/// The query field in camelCase, with the 0-based list index where the problem is one entry of a list:
/// <c>from</c>, <c>viaNodes[2]</c>, <c>avoidCountries[0]</c>, <c>maxLabels</c>.
/// </param>
/// <param name="Message">What is wrong, as a sentence a caller can show as is.</param>
public readonly record struct QueryProblem(string Field, string Message)
{
    /// <summary><c>field: message</c>, the form used in exception messages.</summary>
    public override string ToString() => Field + ": " + Message;
}

/// <summary>
/// Checks a <see cref="RouteQuery"/> against the network it is meant for. Every public routing entry in Core runs
/// these checks and throws <see cref="ArgumentException"/> listing all problems, so a caller that skipped a front
/// end's validation gets an error rather than a silently unconstrained route (an unknown country code in
/// <see cref="RouteQuery.AvoidCountries"/> would otherwise avoid nothing).
/// </summary>
public static class RouteQueryChecks
{
    /// <summary>
    /// Every problem of <paramref name="query"/> for <paramref name="network"/>, in field order; empty when the query
    /// is valid. Checks: <c>from</c>, <c>to</c> and <c>viaNodes</c> are nodes of the network; country codes
    /// (<c>avoidCountries</c>, <c>viaCountries</c>) are exactly ISO codes of
    /// <see cref="NetworkDefinition.CountryById"/>; passage ids (<c>avoidPassages</c>, <c>viaPassages</c>) are exactly
    /// ids of <see cref="NetworkDefinition.Passages"/>; <c>avoidModes</c> and <c>requireModes</c> are defined
    /// <see cref="TransportMode"/> values; <c>maxTransshipments</c> ≥ 0; <c>paretoEpsilon</c> finite and ≥ 0;
    /// <c>maxLabels</c> ≥ 1. Duplicates in lists are allowed.
    /// </summary>
    public static IReadOnlyList<QueryProblem> Find(RouteQuery query, CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(network);
        var problems = new List<QueryProblem>();
        CheckNode(problems, "from", query.From, network);
        CheckNode(problems, "to", query.To, network);
        if (query.From == query.To && (uint)query.From.Value < (uint)network.NodeCount)
        {
            problems.Add(new QueryProblem("to", $"The destination is the origin ({network.Node(query.From).Name}); give two different places."));
        }
        if (IsPresent(problems, "viaNodes", query.ViaNodes))
        {
            for (var i = 0; i < query.ViaNodes.Count; i++)
            {
                CheckNode(problems, Indexed("viaNodes", i), query.ViaNodes[i], network);
            }
        }

        var definition = network.Definition;
        CheckCountries(problems, "avoidCountries", query.AvoidCountries, definition);
        CheckCountries(problems, "viaCountries", query.ViaCountries, definition);
        CheckPassages(problems, "avoidPassages", query.AvoidPassages, definition);
        CheckPassages(problems, "viaPassages", query.ViaPassages, definition);
        CheckModes(problems, "avoidModes", query.AvoidModes);
        CheckModes(problems, "requireModes", query.RequireModes);
        if (query.Cargo.ChargedTeu is { } charged && !(charged > 0 && double.IsFinite(charged)))
        {
            problems.Add(new QueryProblem("cargo.chargedTeu", Invariant($"{charged} is not a positive number of charged TEU.")));
        }

        if (query.MaxTransshipments is < 0)
        {
            problems.Add(new QueryProblem("maxTransshipments", Invariant($"{query.MaxTransshipments} is negative; give 0 or more, or no limit.")));
        }

        if (!double.IsFinite(query.ParetoEpsilon) || query.ParetoEpsilon < 0)
        {
            problems.Add(new QueryProblem("paretoEpsilon", Invariant($"{query.ParetoEpsilon} is not a finite number ≥ 0; 0 gives the exact Pareto set.")));
        }

        if (query.MaxLabels < 1)
        {
            problems.Add(new QueryProblem("maxLabels", Invariant($"{query.MaxLabels} is less than 1; a Pareto search needs at least one label.")));
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Find"/> reports problems; cheap when there are none.</summary>
    /// <exception cref="ArgumentException">The query has problems; the message lists all of them.</exception>
    internal static void ThrowIfInvalid(RouteQuery query, CorridorNetwork network)
    {
        var problems = Find(query, network);
        if (problems.Count > 0)
        {
            ThrowInvalid(problems);
        }
    }

    [DoesNotReturn]
    private static void ThrowInvalid(IReadOnlyList<QueryProblem> problems) =>
        throw new ArgumentException(string.Join("; ", problems), "query");

    private static void CheckNode(List<QueryProblem> problems, string field, NodeId node, CorridorNetwork network)
    {
        if ((uint)node.Value < (uint)network.NodeCount)
        {
            return;
        }

        var range = network.NodeCount == 0
            ? "it has no nodes"
            : Invariant($"it has {network.NodeCount} nodes, n0–n{network.NodeCount - 1}");
        problems.Add(new QueryProblem(field, $"{node} is not a node of the network ({range})."));
    }

    private static void CheckCountries(List<QueryProblem> problems, string field, IReadOnlyList<string> codes, NetworkDefinition definition)
    {
        if (!IsPresent(problems, field, codes))
        {
            return;
        }

        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            if (code is null)
            {
                problems.Add(new QueryProblem(Indexed(field, i), "The country code is missing (null)."));
                continue;
            }

            if (definition.CountryById.ContainsKey(code))
            {
                continue;
            }

            var upper = code.Trim().ToUpperInvariant();
            var message = definition.CountryById.ContainsKey(upper)
                ? $"'{code}' is not a country of the network; codes are upper-case ISO 3166-1 alpha-2 (did you mean '{upper}'?)"
                : $"'{code}' is not a country of the network; codes are upper-case ISO 3166-1 alpha-2.";
            problems.Add(new QueryProblem(Indexed(field, i), message));
        }
    }

    private static void CheckPassages(List<QueryProblem> problems, string field, IReadOnlyList<string> ids, NetworkDefinition definition)
    {
        if (!IsPresent(problems, field, ids))
        {
            return;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            if (id is null)
            {
                problems.Add(new QueryProblem(Indexed(field, i), "The passage id is missing (null)."));
                continue;
            }

            if (definition.PassageById.ContainsKey(id))
            {
                continue;
            }

            string? similar = null;
            foreach (var passage in definition.Passages)
            {
                if (string.Equals(passage.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    similar = passage.Id;
                    break;
                }
            }

            var message = similar is null
                ? $"'{id}' is not a passage of the network."
                : $"'{id}' is not a passage of the network; ids are case-sensitive (did you mean '{similar}'?)";
            problems.Add(new QueryProblem(Indexed(field, i), message));
        }
    }

    private static void CheckModes(List<QueryProblem> problems, string field, IReadOnlyList<TransportMode> modes)
    {
        if (!IsPresent(problems, field, modes))
        {
            return;
        }

        for (var i = 0; i < modes.Count; i++)
        {
            if (!Enum.IsDefined(modes[i]))
            {
                problems.Add(new QueryProblem(Indexed(field, i), Invariant($"{(byte)modes[i]} is not a transport mode.")));
            }
        }
    }

    /// <summary>Adds a problem when the list itself is null (possible despite nullable annotations); true when it is present.</summary>
    private static bool IsPresent<T>(List<QueryProblem> problems, string field, IReadOnlyList<T>? list)
    {
        if (list is not null)
        {
            return true;
        }

        problems.Add(new QueryProblem(field, "The list is null; give an empty list instead."));
        return false;
    }

    private static string Indexed(string field, int index) => Invariant($"{field}[{index}]");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Reliability;
using Corridors.Routing;

namespace Corridors.Application.Services;

/// <summary>A routing answer: the Core result for renderers and the public document for <c>--json</c>, the store and the API.</summary>
/// <param name="Snapshot">The network it was computed on.</param>
/// <param name="Query">The resolved query.</param>
/// <param name="Result">The Core result.</param>
/// <param name="Simulated">Simulated transit times per route (with a percentile request), else null.</param>
/// <param name="Document">The public document.</param>
public sealed record RouteAnswer(NetworkSnapshot Snapshot, RouteQuery Query, RouteResult Result, PercentileBlock? Simulated, RoutesDocument Document)
{
    /// <summary>The seed of the simulation, when there was one.</summary>
    public long? Seed => Simulated?.Results.Count > 0 ? Simulated.Results[0].Seed : null;
}

/// <summary><c>route</c> and <c>compare</c>: best route, alternatives, Pareto set, best per corridor; optional percentiles.</summary>
/// <param name="workspace">The workspace.</param>
public sealed class RouteService(CorridorsWorkspace workspace)
{
    /// <summary>The best route, alternatives or the Pareto set.</summary>
    public Outcome<RouteAnswer> Route(RouteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        if (request.Alternatives is < 1 or > 20)
        {
            problems.Add(new("alternatives", "The number of alternatives must be between 1 and 20."));
        }

        return Run(request.Query, request.Percentile, problems, cancellationToken, (router, query) => request.Pareto
            ? router.Pareto(query with { ParetoIncludesRisk = request.ParetoRisk, ParetoEpsilon = 0.01 })
            : router.Route(query, request.Alternatives));
    }

    /// <summary>The best route per corridor family.</summary>
    public Outcome<RouteAnswer> Compare(CompareRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = Run(request.Query, request.Percentile, [], cancellationToken, (router, query) => router.Compare(query));
        if (!answer.IsValid)
        {
            return answer;
        }

        var a = answer.Value;
        var rates = workspace.PublishedRates.For(a.Snapshot, a.Query, a.Result);
        return Outcome<RouteAnswer>.Ok(a with { Document = a.Document with { PublishedRates = rates } });
    }

    /// <summary>
    /// The best route per corridor family for each service level the request names: one, or both side by side when
    /// its <see cref="RouteQueryRequest.ServiceLevel"/> is <see cref="ServiceLevels.Both"/>.
    /// </summary>
    public Outcome<IReadOnlyList<RouteAnswer>> CompareLevels(CompareRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        var levels = ServiceLevels.Parse(request.Query.ServiceLevel, allowBoth: true, "serviceLevel", problems);
        if (problems.Count > 0)
        {
            // Report the level with everything else that is wrong, all at once.
            var rest = Compare(request with { Query = request.Query with { ServiceLevel = null } }, cancellationToken);
            return Outcome<IReadOnlyList<RouteAnswer>>.Invalid([.. problems, .. rest.Problems]);
        }

        var answers = new List<RouteAnswer>(levels.Count);
        foreach (var level in levels)
        {
            var one = Compare(request with { Query = request.Query with { ServiceLevel = ServiceLevels.Name(level) } }, cancellationToken);
            if (!one.IsValid)
            {
                return Outcome<IReadOnlyList<RouteAnswer>>.Invalid(one.Problems);
            }

            answers.Add(one.Value);
        }

        return Outcome<IReadOnlyList<RouteAnswer>>.Ok(answers);
    }

    /// <summary>Resolves, checks, searches with a lent router, and simulates when asked; all problems at once.</summary>
    private Outcome<RouteAnswer> Run(RouteQueryRequest queryRequest, PercentileRequest? percentile, List<RequestProblem> problems, CancellationToken cancellationToken, Func<CorridorRouter, RouteQuery, RouteResult> search)
    {
        CheckPercentile(percentile, problems);
        var resolved = RouteQueryResolver.Resolve(queryRequest, workspace);
        if (!resolved.IsValid || problems.Count > 0)
        {
            return Outcome<RouteAnswer>.Invalid([.. resolved.Problems, .. problems]);
        }

        var (snapshot, query) = resolved.Value;
        RouteResult result;
        using (var lease = snapshot.RentRouter())
        {
            result = search(lease.Router, query);
        }

        var answer = Answer(snapshot, query, result, percentile, cancellationToken);
        return Outcome<RouteAnswer>.Ok(answer with { Document = answer.Document with { Query = answer.Document.Query with { Notes = resolved.Value.Notes } } });
    }

    /// <summary>Simulates one route from its departure with the workspace's reliability model.</summary>
    internal static ReliabilityResult Simulate(NetworkSnapshot snapshot, Route route, MonteCarloOptions options, IProgress<MonteCarloProgress>? progress, CancellationToken cancellationToken)
    {
        var departure = new DateTimeOffset(DateTime.SpecifyKind(route.DepartUtc, DateTimeKind.Utc));
        var plan = snapshot.ReliabilityModel.Compile(snapshot.Network, route.Path, departure);
        return new MonteCarloEngine().Run(plan, options, progress, cancellationToken);
    }

    internal static void CheckSamples(int samples, string field, List<RequestProblem> problems)
    {
        if (samples is < 1 or > MonteCarloOptions.MaxSamples)
        {
            problems.Add(new(field, $"The number of samples must be between 1 and {MonteCarloOptions.MaxSamples.ToString("N0", CultureInfo.InvariantCulture)}."));
        }
    }

    internal static void CheckPercentileValue(double p, string field, List<RequestProblem> problems)
    {
        if (p is < 1 or > 99 || !double.IsFinite(p))
        {
            problems.Add(new(field, "The percentile must be between 1 and 99."));
        }
    }

    private static void CheckPercentile(PercentileRequest? request, List<RequestProblem> problems)
    {
        if (request is null)
        {
            return;
        }

        CheckPercentileValue(request.Percentile, "percentile", problems);
        CheckSamples(request.Samples, "samples", problems);
    }

    private static RouteAnswer Answer(NetworkSnapshot snapshot, RouteQuery query, RouteResult result, PercentileRequest? percentile, CancellationToken cancellationToken)
    {
        PercentileBlock? simulated = null;
        if (percentile is not null)
        {
            var options = new MonteCarloOptions { Samples = percentile.Samples, Seed = percentile.Seed };
            simulated = new PercentileBlock(percentile.Percentile, [.. result.Routes.Select(r => Simulate(snapshot, r, options, null, cancellationToken))]);
        }

        return new RouteAnswer(snapshot, query, result, simulated, RoutesDocument.Of(snapshot.Network, query, result, simulated));
    }
}

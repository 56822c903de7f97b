using System.Diagnostics;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Assignment;
using Corridors.Data.Tntp;

namespace Corridors.Application.Services;

/// <summary><c>assign --tntp</c>: the user equilibrium of a network in the TNTP formats.</summary>
public static class AssignmentService
{
    /// <summary>Method words accepted by <see cref="TntpAssignRequest.Method"/>.</summary>
    public static readonly IReadOnlyDictionary<string, AssignmentMethod> Methods = new Dictionary<string, AssignmentMethod>(StringComparer.OrdinalIgnoreCase)
    {
        ["gp"] = AssignmentMethod.GradientProjection,
        ["bfw"] = AssignmentMethod.BiconjugateFrankWolfe,
        ["fw"] = AssignmentMethod.FrankWolfe,
    };

    /// <summary>
    /// Reads the files and solves. File problems are thrown as <see cref="Diagnostics.InputDataException"/>
    /// (located diagnostics); option problems are returned.
    /// </summary>
    /// <param name="request">Files and stopping rule.</param>
    /// <param name="progress">Called after every iteration.</param>
    /// <param name="cancellationToken">Checked between iterations.</param>
    public static Outcome<TntpAssignmentDocument> SolveTntp(
        TntpAssignRequest request, Action<AssignmentIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        if (string.IsNullOrWhiteSpace(request.NetworkFile) || string.IsNullOrWhiteSpace(request.TripsFile))
        {
            problems.Add(new RequestProblem("tntp", "Give the network file and the trips file: --tntp NET TRIPS."));
        }

        if (request.Gap is { } gap && !(gap > 0 && gap < 1))
        {
            problems.Add(new RequestProblem("gap", "The relative gap must be between 0 and 1 (exclusive)."));
        }

        if (request.MaxIterations is < 1)
        {
            problems.Add(new RequestProblem("maxIterations", "The iteration limit must be at least 1."));
        }

        var method = AssignmentMethod.GradientProjection;
        if (request.Method is { } word && !Methods.TryGetValue(word, out method))
        {
            problems.Add(new RequestProblem("method", $"'{word}' is not a method; use gp, bfw or fw."));
        }

        foreach (var (value, field) in new[] { (request.TollFactor, "tollFactor"), (request.DistanceFactor, "distanceFactor") })
        {
            if (value is { } v && !(v >= 0 && double.IsFinite(v)))
            {
                problems.Add(new RequestProblem(field, "The factor must be a non-negative number."));
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<TntpAssignmentDocument>.Invalid(problems);
        }

        (double, double)? weights = request.TollFactor is null && request.DistanceFactor is null
            ? null
            : (request.TollFactor ?? 0, request.DistanceFactor ?? 0);
        var net = TntpReader.ReadNetwork(request.NetworkFile!, weights);
        var trips = TntpReader.ReadTrips(request.TripsFile!, net.Network.ZoneCount);
        var clock = Stopwatch.StartNew();
        var result = new UserEquilibriumSolver(net.Network).Solve(
            trips, new AssignmentOptions(method, request.Gap ?? 1e-5, request.MaxIterations ?? 1000), progress, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var links = new List<TntpLinkContract>(net.Links.Count);
        for (var i = 0; i < net.Links.Count; i++)
        {
            links.Add(new TntpLinkContract(net.Links[i].From + 1, net.Links[i].To + 1, result.Flow[i], result.Cost[i]));
        }

        return Outcome<TntpAssignmentDocument>.Ok(new TntpAssignmentDocument(
            Methods.First(m => m.Value == method).Key,
            result.Status switch
            {
                AssignmentStatus.Converged => "converged",
                AssignmentStatus.Unreachable => "unreachable",
                _ => "iteration-limit",
            },
            result.RelativeGap,
            result.Iterations[^1].Iteration,
            Math.Round(seconds, 3),
            result.Iterations.Select(i => i.RelativeGap).ToList(),
            links));
    }
}

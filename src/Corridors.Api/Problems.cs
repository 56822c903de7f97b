using Corridors.Application.Requests;

namespace Corridors.Api;

/// <summary>Problem responses of invalid requests (RFC 9457, with an <c>errors</c> map keyed by request field).</summary>
internal static class Problems
{
    /// <summary>400 with every problem, grouped by field (as given by the service, e.g. <c>avoidCountries[1]</c>).</summary>
    public static IResult Invalid(IReadOnlyList<RequestProblem> problems) => TypedResults.ValidationProblem(
        problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal),
        title: problems.Count == 1 ? "The request has a problem" : $"The request has {problems.Count} problems",
        detail: string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")));

    /// <summary>404 with the service's sentence.</summary>
    public static IResult NotFound(RequestProblem problem) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: problem.Message);

    /// <summary>503: the run store is off or cannot be read.</summary>
    public static IResult StoreUnavailable(RequestProblem problem) => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The run store is unavailable", detail: problem.Message);
}

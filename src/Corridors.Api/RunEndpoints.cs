using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Application.Workspace;

namespace Corridors.Api;

/// <summary><c>/api/runs</c>: stored runs (list, one, delete).</summary>
internal static class RunEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/runs", List).WithSummary("Stored runs, newest first.").Produces<RunListDocument>(contentType: Endpoints.Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/runs/{id:long}", Show).WithSummary("One stored run: its summary and its document exactly as returned.").Produces<StoredRunDocument>(contentType: Endpoints.Json).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapDelete("/runs/{id:long}", Delete).WithSummary("Deletes one stored run.").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult List(CorridorsWorkspace workspace, int? limit, string? command)
    {
        var outcome = new RunsService(workspace).List(new RunListRequest(limit ?? RunListRequest.DefaultLimit, command));
        return outcome.IsValid ? Endpoints.Document(outcome.Value) : StoreProblem(outcome.Problems);
    }

    private static IResult Show(CorridorsWorkspace workspace, long id)
    {
        var outcome = new RunsService(workspace).Show(new RunShowRequest(id));
        return outcome.IsValid ? Endpoints.Document(StoredRunDocument.Of(outcome.Value)) : StoreProblem(outcome.Problems);
    }

    private static IResult Delete(CorridorsWorkspace workspace, long id)
    {
        var outcome = new RunsService(workspace).Delete(new RunDeleteRequest(id));
        return outcome.IsValid ? TypedResults.NoContent() : StoreProblem(outcome.Problems);
    }

    /// <summary>A missing run is 404, an unusable or absent store 503, anything else 400.</summary>
    private static IResult StoreProblem(IReadOnlyList<RequestProblem> problems) => problems[0].Field switch
    {
        "id" => Problems.NotFound(problems[0]),
        "store" => Problems.StoreUnavailable(problems[0]),
        _ => Problems.Invalid(problems),
    };
}

/// <summary>When a request started, for the duration a stored run records.</summary>
internal static class RequestClock
{
    private const string Key = "corridors.started";

    /// <summary>Middleware: notes the start of the request.</summary>
    public static Task Start(HttpContext context, RequestDelegate next)
    {
        context.Items[Key] = TimeProvider.System.GetTimestamp();
        return next(context);
    }

    /// <summary>Time since the request started (null outside a request that went through <see cref="Start"/>).</summary>
    public static TimeSpan? Elapsed(HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is long started ? TimeProvider.System.GetElapsedTime(started) : null;
}

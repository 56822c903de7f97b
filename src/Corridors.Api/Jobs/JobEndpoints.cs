using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;

namespace Corridors.Api.Jobs;

/// <summary>A job as clients see it (<c>GET /api/jobs/{id}</c>).</summary>
/// <param name="Id">Job id (unguessable).</param>
/// <param name="Kind">What it computes: caspian, assign, bypass, leverage, reliability.</param>
/// <param name="Status">queued, running, succeeded, failed or cancelled.</param>
/// <param name="Progress">Share done, 0–1.</param>
/// <param name="CreatedUtc">When it was queued.</param>
/// <param name="StartedUtc">When a worker took it.</param>
/// <param name="FinishedUtc">When it ended.</param>
/// <param name="RunId">The stored run of its result (or of its failure), when storing is on.</param>
/// <param name="Error">Why it failed or was cancelled.</param>
/// <param name="StatusUrl">Where to poll.</param>
/// <param name="ResultUrl">Where the result is once it succeeded.</param>
public sealed record JobDocument(
    string Id,
    string Kind,
    string Status,
    double Progress,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? StartedUtc,
    DateTimeOffset? FinishedUtc,
    long? RunId,
    string? Error,
    string StatusUrl,
    string ResultUrl)
{
    internal static JobDocument Of(Job job) => new(
        job.Id,
        job.Kind,
        job.Status.ToString().ToLowerInvariant(),
        Math.Round(job.Progress, 4),
        job.CreatedUtc,
        job.StartedUtc,
        job.FinishedUtc,
        job.Outcome?.RunId,
        job.Error,
        "/api/jobs/" + job.Id,
        "/api/jobs/" + job.Id + "/result");
}

/// <summary>The result stored for a job that failed or was cancelled while it ran.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Kind">What it computed.</param>
/// <param name="Error">Why it ended.</param>
public sealed record JobFailureDocument(string JobId, string Kind, string Error);

/// <summary>The jobs (<c>GET /api/jobs</c>).</summary>
/// <param name="Capacity">Jobs that may be queued or running at once.</param>
/// <param name="Pending">Jobs queued or running now.</param>
/// <param name="Jobs">Known jobs, newest first.</param>
public sealed record JobListDocument(int Capacity, int Pending, IReadOnlyList<JobDocument> Jobs);

/// <summary>
/// <c>/api/jobs</c>: status, result and cancellation of long work, and the one place that decides whether a request
/// runs now or as a job (<see cref="RunOrQueue"/>).
/// </summary>
internal static class JobEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/jobs", List).WithSummary("Known jobs, newest first, and how full the queue is.").Produces<JobListDocument>(contentType: Endpoints.Json);
        api.MapGet("/jobs/{id}", Show).WithSummary("A job's status and progress.").Produces<JobDocument>(contentType: Endpoints.Json).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/jobs/{id}/result", Result)
            .WithSummary("A finished job's result document (as the synchronous endpoint returns it).")
            .WithDescription("409 while the job is queued or running, or when it was cancelled; 500 when it failed (the problem says why).")
            .Produces(StatusCodes.Status200OK, contentType: Endpoints.Json)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/jobs/{id}", Cancel).WithSummary("Cancels a queued or running job.").Produces<JobDocument>(StatusCodes.Status202Accepted, contentType: Endpoints.Json).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The description of the <c>mode</c> query parameter, for the OpenAPI document.</summary>
    public const string ModeDescription =
        " Query mode=sync computes now and answers 200 with the document (subject to the request time limit); mode=job queues it and " +
        "answers 202 with a job (Location: /api/jobs/{id}; poll it, then GET its result; DELETE cancels), or 429 when the queue is full; " +
        "mode=auto (the default) picks: ";

    /// <summary>Reads <c>mode</c>: null or auto, sync, job.</summary>
    public static bool? AsJob(string? mode, bool auto, List<RequestProblem> problems)
    {
        switch (mode?.ToUpperInvariant())
        {
            case null or "AUTO":
                return auto;
            case "SYNC":
                return false;
            case "JOB":
                return true;
            default:
                problems.Add(new("mode", $"'{RequestText.Quote(mode)}' is not a mode; use auto, sync or job."));
                return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> now (200 with its document and run id) or queues it (202 with the job, 429 when
    /// the queue is full). The request has been checked already: problems the work still finds are a 400 now, or the
    /// job's failure later.
    /// </summary>
    public static IResult RunOrQueue(HttpContext http, JobQueue queue, string kind, string arguments, bool asJob, Func<JobContext, JobOutcome> work)
    {
        if (!asJob)
        {
            var outcome = work(new JobContext(http.RequestAborted, _ => { }));
            if (outcome.Problems.Count > 0)
            {
                return Problems.Invalid(outcome.Problems);
            }

            if (outcome.RunId is { } id)
            {
                http.Response.Headers["Corridors-Run-Id"] = id.ToString(CultureInfo.InvariantCulture);
            }

            return TypedResults.Text(outcome.Json, Endpoints.Json);
        }

        if (!queue.TryEnqueue(kind, arguments, work, out var job))
        {
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "The job queue is full",
                detail: string.Create(CultureInfo.InvariantCulture, $"{queue.Options.Capacity} jobs are queued or running; try again later or cancel one."));
        }

        return new Accepted(TypedResults.Text(ApiJson.Serialize(JobDocument.Of(job)), Endpoints.Json, statusCode: StatusCodes.Status202Accepted), "/api/jobs/" + job.Id);
    }

    private static IResult List(JobQueue queue) =>
        Endpoints.Document(new JobListDocument(queue.Options.Capacity, queue.Pending, [.. queue.List().Select(JobDocument.Of)]));

    private static IResult Show(JobQueue queue, string id) =>
        queue.TryGet(id, out var job) ? Endpoints.Document(JobDocument.Of(job)) : NoJob(id);

    private static IResult Result(JobQueue queue, string id)
    {
        if (!queue.TryGet(id, out var job))
        {
            return NoJob(id);
        }

        return job.Status switch
        {
            JobStatus.Succeeded when job.Outcome!.Problems.Count > 0 => Problems.Invalid(job.Outcome.Problems),
            JobStatus.Succeeded => TypedResults.Text(job.Outcome!.Json, Endpoints.Json),
            JobStatus.Failed => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The job failed", detail: job.Error),
            JobStatus.Cancelled => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job was cancelled", detail: job.Error ?? "The job was cancelled before it ran."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The job has not finished",
                detail: string.Create(CultureInfo.InvariantCulture, $"The job is {job.Status.ToString().ToLowerInvariant()} ({job.Progress:P0} done); poll /api/jobs/{job.Id}.")),
        };
    }

    private static IResult Cancel(JobQueue queue, string id)
    {
        if (!queue.TryGet(id, out var job))
        {
            return NoJob(id);
        }

        return queue.Cancel(job)
            ? TypedResults.Text(ApiJson.Serialize(JobDocument.Of(job)), Endpoints.Json, statusCode: StatusCodes.Status202Accepted)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job has finished", detail: $"The job ended as {job.Status.ToString().ToLowerInvariant()}; there is nothing to cancel.");
    }

    private static IResult NoJob(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found",
        detail: $"There is no job '{RequestText.Quote(id)}' (finished jobs are forgotten after a while; their runs stay in the store).");

    /// <summary>An answer with a Location header around another result.</summary>
    private sealed class Accepted(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

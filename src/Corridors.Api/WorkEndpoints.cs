using System.Globalization;
using Corridors.Api.Jobs;
using Corridors.Application.Requests;
using Corridors.Application.Runs;
using Corridors.Application.Services;
using Corridors.Application.Workspace;

namespace Corridors.Api;

/// <summary>
/// The long-work endpoints: <c>/api/caspian</c>, <c>/api/assign</c>, <c>/api/bypass</c> and <c>/api/leverage</c>.
/// Each checks its request first (every problem at once, 400), then computes now or as a job
/// (<see cref="JobEndpoints.RunOrQueue"/>); the document is the one the CLI prints with <c>--json</c>, and it is
/// stored as a run.
/// </summary>
internal static class WorkEndpoints
{
    /// <summary>Simulated days up to which auto mode runs a Caspian simulation now.</summary>
    public const int SyncCaspianDays = 31;

    /// <summary>The workspace under the preset <c>?scenario=</c> names (none: the baseline); files are never read from a request.</summary>
    private static Outcome<CorridorsWorkspace> Under(CorridorsWorkspace workspace, string? scenario) => workspace.Scenarios.Open(scenario, allowFiles: false);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/caspian", Caspian)
            .WithSummary("Simulates the Caspian crossing (ports, vessels, sea level, storms, demand) for a number of days.")
            .WithDescription("The body is a CaspianRequest." + JobEndpoints.ModeDescription + string.Create(CultureInfo.InvariantCulture, $"now for up to {SyncCaspianDays} days, a job otherwise."))
            .Accepts<CaspianRequest>("application/json").Produces(StatusCodes.Status200OK, contentType: Endpoints.Json).Produces<JobDocument>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/assign", Assign)
            .WithSummary("Assigns a demand set of data/demand/ (region-to-region TEU) to the year's corridor network (user equilibrium).")
            .WithDescription("The body is an AssignBody: demand names a file of data/demand/ without its extension (e.g. 2024)." + JobEndpoints.ModeDescription + "always a job.")
            .Accepts<AssignBody>("application/json").Produces(StatusCodes.Status200OK, contentType: Endpoints.Json).Produces<JobDocument>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/bypass", Bypass)
            .WithSummary("Maximum TEU per year from one region to another with countries avoided, and the minimum cut.")
            .WithDescription("The body is a BypassRequest." + JobEndpoints.ModeDescription + "now (one max-flow).")
            .Accepts<BypassRequest>("application/json").Produces(StatusCodes.Status200OK, contentType: Endpoints.Json).Produces<JobDocument>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/leverage", Leverage)
            .WithSummary("For each transit country, the share of a region pair's maximum flow lost when it closes.")
            .WithDescription("The body is a LeverageRequest." + JobEndpoints.ModeDescription + "now (one max-flow per transit country).")
            .Accepts<LeverageRequest>("application/json").Produces(StatusCodes.Status200OK, contentType: Endpoints.Json).Produces<JobDocument>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> Caspian(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options, JobQueue queue, string? mode, string? scenario)
    {
        var opened = Under(workspace, scenario);
        if (!opened.IsValid)
        {
            return Problems.Invalid(opened.Problems);
        }

        workspace = opened.Value;
        var body = await JsonBody.ReadAsync(http, options.MaxBodyBytes, typeof(CaspianRequest)).ConfigureAwait(false);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var problems = new List<RequestProblem>();
        var request = JsonBody.Bind<CaspianRequest>(body, problems);
        if (request is null)
        {
            return Problems.Invalid(problems);
        }

        request = request with { FleetAdd = request.FleetAdd ?? [] };
        var service = new CaspianService(workspace);
        var asJob = JobEndpoints.AsJob(mode, request.Days > SyncCaspianDays, problems);

        // The checks without the simulation's length: one simulated day finds every problem of the request (a day
        // count out of range is reported without simulating).
        problems.AddRange(service.Run(request with { Days = request.Days is >= 1 and <= CaspianService.MaxDays ? 1 : request.Days }, cancellationToken: http.HttpContext.RequestAborted).Problems);
        if (problems.Count > 0 || asJob is null)
        {
            return Problems.Invalid(problems);
        }

        return JobEndpoints.RunOrQueue(http.HttpContext, queue, "caspian", body.Text, asJob.Value, job =>
        {
            var started = TimeProvider.System.GetTimestamp();
            var outcome = service.Run(request, job.Report, job.CancellationToken);
            return outcome.IsValid
                ? Stored(workspace, new RunInfo("caspian", body.Text, outcome.Value.Document.Year, outcome.Value.Document.Seed), started, outcome.Value.Document)
                : new JobOutcome(null, null, outcome.Problems);
        });
    }

    private static async Task<IResult> Assign(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options, JobQueue queue, string? mode, string? scenario)
    {
        var opened = Under(workspace, scenario);
        if (!opened.IsValid)
        {
            return Problems.Invalid(opened.Problems);
        }

        workspace = opened.Value;
        var (body, given, problems, bad) = await JsonBody.ReadAsync<AssignBody>(http, options.MaxBodyBytes).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var asJob = JobEndpoints.AsJob(mode, true, problems);
        var file = DemandFile(workspace, given.Demand, problems);
        var request = new CorridorAssignRequest(file ?? "-", given.Year, given.Method, given.Scale, given.Gap, given.MaxIterations);
        var service = new CapacityService(workspace);
        if (file is not null)
        {
            // One iteration finds every problem of the request (year, method, scale, gap, demand rows).
            problems.AddRange(service.Assign(request with { MaxIterations = request.MaxIterations is < 1 ? request.MaxIterations : 1 }, cancellationToken: http.HttpContext.RequestAborted).Problems);
        }

        if (problems.Count > 0 || asJob is null)
        {
            return Problems.Invalid(problems);
        }

        return JobEndpoints.RunOrQueue(http.HttpContext, queue, "assign", body.Text, asJob.Value, job =>
        {
            var started = TimeProvider.System.GetTimestamp();
            var target = Math.Log10(request.Gap ?? 1e-5);
            var outcome = service.Assign(request, it => job.Report(Math.Log10(Math.Max(it.RelativeGap, 1e-300)) / target), job.CancellationToken);
            return outcome.IsValid
                ? Stored(workspace, new RunInfo("assign", body.Text, outcome.Value.Year, null), started, outcome.Value)
                : new JobOutcome(null, null, outcome.Problems);
        });
    }

    private static Task<IResult> Bypass(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options, JobQueue queue, string? mode, string? scenario) =>
        Capacity<BypassRequest, Application.Contracts.BypassDocument>(
            http, workspace, scenario, options, queue, mode, "bypass", (service, r) => service.Bypass(r with { Avoid = r.Avoid ?? [] }), d => d.Year);

    private static Task<IResult> Leverage(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options, JobQueue queue, string? mode, string? scenario) =>
        Capacity<LeverageRequest, Application.Contracts.LeverageDocument>(
            http, workspace, scenario, options, queue, mode, "leverage", (service, r) => service.Leverage(r), d => d.Year);

    /// <summary>A max-flow question (fast: computed now unless <c>mode=job</c>).</summary>
    private static async Task<IResult> Capacity<TRequest, TDocument>(
        HttpRequest http, CorridorsWorkspace workspace, string? scenario, ApiHostOptions options, JobQueue queue, string? mode, string kind,
        Func<CapacityService, TRequest, Outcome<TDocument>> run, Func<TDocument, int> year)
        where TRequest : class
    {
        var opened = Under(workspace, scenario);
        if (!opened.IsValid)
        {
            return Problems.Invalid(opened.Problems);
        }

        workspace = opened.Value;
        var body = await JsonBody.ReadAsync(http, options.MaxBodyBytes, typeof(TRequest)).ConfigureAwait(false);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var problems = new List<RequestProblem>();
        var request = JsonBody.Bind<TRequest>(body, problems);
        var asJob = JobEndpoints.AsJob(mode, false, problems);
        if (request is null || asJob is null)
        {
            return Problems.Invalid(problems);
        }

        var service = new CapacityService(workspace);
        return JobEndpoints.RunOrQueue(http.HttpContext, queue, kind, body.Text, asJob.Value, _ =>
        {
            var started = TimeProvider.System.GetTimestamp();
            var outcome = run(service, request);
            return outcome.IsValid
                ? Stored(workspace, new RunInfo(kind, body.Text, year(outcome.Value), null), started, outcome.Value)
                : new JobOutcome(null, null, outcome.Problems);
        });
    }

    /// <summary>Stores the document as a run (with the time since <paramref name="started"/>) and returns it as a job outcome.</summary>
    internal static JobOutcome Stored<T>(CorridorsWorkspace workspace, RunInfo info, long started, T document)
    {
        var recorded = workspace.Runs.Record(info with { Duration = TimeProvider.System.GetElapsedTime(started) }, document);
        return new JobOutcome(recorded.Json, recorded.RunId, []);
    }

    /// <summary>
    /// The demand file a name stands for, found by listing data/demand/ and comparing names: the request's text never
    /// becomes part of a path.
    /// </summary>
    internal static string? DemandFile(CorridorsWorkspace workspace, string? name, List<RequestProblem> problems)
    {
        var folder = Path.Combine(workspace.DataDirectory, "demand");
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList()
            : [];
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new("demand", "Give the demand set to assign, e.g. \"demand\": \"2024\"."));
            return null;
        }

        var file = files.FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), name, StringComparison.Ordinal));
        if (file is null)
        {
            var known = files.Count == 0 ? "the data has no demand sets (data/demand/*.csv)" : "the data has: " + string.Join(", ", files.Select(Path.GetFileNameWithoutExtension));
            problems.Add(new("demand", $"Unknown demand set '{RequestText.Quote(name)}'; {known}."));
        }

        return file;
    }
}

/// <summary>The body of <c>POST /api/assign</c>: <see cref="CorridorAssignRequest"/> with a demand set's name instead of a file.</summary>
public sealed record AssignBody
{
    /// <summary>A demand set: the name of a file of data/demand/ without <c>.csv</c> (e.g. <c>2024</c>).</summary>
    public required string Demand { get; init; }

    /// <summary>Network year (the demand rows of that year); the demand set's single year when null.</summary>
    public int? Year { get; init; }

    /// <summary><c>ue</c> (user equilibrium, the default).</summary>
    public string? Method { get; init; }

    /// <summary>Factor on every demand row (1 when null).</summary>
    public double? Scale { get; init; }

    /// <summary>Target relative gap (1e-5 when null).</summary>
    public double? Gap { get; init; }

    /// <summary>Iteration limit (1000 when null).</summary>
    public int? MaxIterations { get; init; }
}

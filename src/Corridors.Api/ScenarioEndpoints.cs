using System.Globalization;
using Corridors.Api.Jobs;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Runs;
using Corridors.Application.Services;
using Corridors.Application.Workspace;

namespace Corridors.Api;

/// <summary>
/// <c>/api/scenarios</c>: the presets, one preset's content, a scenario document checked against the data, and
/// comparisons and sweeps as jobs. The documents are <see cref="ScenarioService"/>'s and <see cref="SweepService"/>'s,
/// the ones <c>corridors scenario list|show|compare|sweep --json</c> print; comparisons and sweeps are stored as runs.
/// Scenarios are named by preset (never a file path from a request).
/// </summary>
internal static class ScenarioEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/scenarios", List).WithSummary("The preset scenarios of data/scenarios/ with their titles and fingerprints.").Produces<ScenarioListDocument>(contentType: Endpoints.Json);
        api.MapGet("/scenarios/{name}", Show)
            .WithSummary("One preset (or baseline): what it changes, in the order applied, with its sources.")
            .Produces<ScenarioShowDocument>(contentType: Endpoints.Json).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/scenarios/validate", Validate)
            .WithSummary("Checks a scenario document (the body, as a scenario file; extends names presets only) against the data.")
            .WithDescription("200 with every error and warning at once, each with its JSON path, line and column; valid is false when there is an error. When valid, scenario says what it changes.")
            .Accepts<object>("application/json").Produces<ScenarioValidationDocument>(contentType: Endpoints.Json).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapPost("/scenarios/compare", Compare)
            .WithSummary("The baseline against 1–8 presets: routes per OD pair, assignment, bypass capacity and leverage, the Caspian crossing.")
            .WithDescription("The body is a ScenarioCompareBody." + JobEndpoints.ModeDescription + "always a job.")
            .Accepts<ScenarioCompareBody>("application/json").Produces<ScenarioComparisonDocument>(contentType: Endpoints.Json).Produces<JobDocument>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/scenarios/sweep", Sweep)
            .WithSummary("One or two scenario parameters over a range on top of a preset, with chosen outputs per case.")
            .WithDescription(string.Create(CultureInfo.InvariantCulture, $"The body is a ScenarioSweepBody. Parameters: {string.Join(", ", SweepService.Parameters.Keys)}. Outputs: {string.Join(", ", SweepService.Outputs.Keys)}. At most {SweepService.MaxCases} cases.") + JobEndpoints.ModeDescription + "always a job.")
            .Accepts<ScenarioSweepBody>("application/json").Produces<SweepDocument>(contentType: Endpoints.Json).Produces<JobDocument>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>Cases a sweep job runs at once: half the processors, so the API keeps answering while it runs.</summary>
    private static int SweepThreads => Math.Max(1, Environment.ProcessorCount / 2);

    private static IResult List(CorridorsWorkspace workspace) => Endpoints.Document(new ScenarioService(workspace).List());

    private static IResult Show(CorridorsWorkspace workspace, string name)
    {
        var outcome = new ScenarioService(workspace).Show(name, allowFiles: false);
        return outcome.IsValid ? Endpoints.Document(outcome.Value) : Problems.NotFound(outcome.Problems[0]);
    }

    private static async Task<IResult> Validate(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options)
    {
        var (bytes, bad) = await JsonBody.ReadBytesAsync(http, options.MaxBodyBytes).ConfigureAwait(false);
        return bad ?? Endpoints.Document(new ScenarioService(workspace).Validate(System.Text.Encoding.UTF8.GetString(bytes)));
    }

    private static async Task<IResult> Compare(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options, JobQueue queue, string? mode)
    {
        var (body, given, problems, bad) = await JsonBody.ReadAsync<ScenarioCompareBody>(http, options.MaxBodyBytes).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var asJob = JobEndpoints.AsJob(mode, true, problems);
        var pairs = Pairs(given.Pairs, "pairs", problems);
        var defaults = new ScenarioCompareRequest { Scenarios = [] };
        var request = new ScenarioCompareRequest
        {
            Scenarios = [.. given.Scenarios.Select(s => s ?? string.Empty)],
            AllowFiles = false,
            Pairs = pairs,
            Year = given.Year,
            Depart = given.Depart,
            DemandFile = given.Demand is null ? null : WorkEndpoints.DemandFile(workspace, given.Demand, problems) ?? "-",
            DemandYear = given.DemandYear,
            FromRegion = given.Capacity is false ? null : given.FromRegion ?? defaults.FromRegion,
            ToRegion = given.Capacity is false ? null : given.ToRegion ?? defaults.ToRegion,
            Samples = given.Samples ?? defaults.Samples,
            Seed = given.Seed ?? defaults.Seed,
            Caspian = given.Caspian ?? defaults.Caspian,
            BottleneckThreshold = given.BottleneckThreshold ?? defaults.BottleneckThreshold,
        };
        Endpoints.CheckSamples(request.Samples, options, problems);
        var service = new ScenarioService(workspace);
        // Everything the comparison would refuse, found before it is queued (a job never fails on its request); pairs
        // the body got wrong are left out of the check (when none is left, the check runs on the default pairs).
        var pairsWrong = problems.Any(p => p.Field.StartsWith("pairs", StringComparison.Ordinal));
        problems.AddRange(service.Check(pairsWrong && pairs is { Count: 0 } ? request with { Pairs = null } : request)
            .Where(p => !problems.Contains(p) && !(pairsWrong && p.Field.StartsWith("pairs", StringComparison.Ordinal) && !p.Field.Contains('.', StringComparison.Ordinal))));

        if (problems.Count > 0 || asJob is null)
        {
            return Problems.Invalid(problems);
        }

        var views = request.Scenarios.Select(s => workspace.Scenarios.Open(s, allowFiles: false).Value).ToList();
        var info = new RunInfo("scenario compare", body.Text, null, request.Samples > 0 ? request.Seed : null)
        {
            Scenario = string.Join(",", views.Select(v => v.ScenarioName)),
            ScenarioFingerprint = views.Count == 1
                ? views[0].Scenario?.Fingerprint
                : Data.Store.DataFingerprint.OfText(string.Join("\n", views.Select(v => v.Scenario?.Fingerprint ?? CorridorsWorkspace.BaselineScenario))),
        };
        return JobEndpoints.RunOrQueue(http.HttpContext, queue, "scenario-compare", body.Text, asJob.Value, job =>
        {
            var started = TimeProvider.System.GetTimestamp();
            var outcome = service.Compare(request, job.Report, job.CancellationToken);
            return outcome.IsValid
                ? WorkEndpoints.Stored(workspace, info with { Year = outcome.Value.Year }, started, outcome.Value)
                : new JobOutcome(null, null, outcome.Problems);
        });
    }

    private static async Task<IResult> Sweep(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options, JobQueue queue, string? mode)
    {
        var (body, given, problems, bad) = await JsonBody.ReadAsync<ScenarioSweepBody>(http, options.MaxBodyBytes).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var asJob = JobEndpoints.AsJob(mode, true, problems);
        var parameters = new List<SweepParameter>();
        for (var i = 0; i < given.Parameters.Count; i++)
        {
            if (given.Parameters[i] is not { Name: not null } p)
            {
                problems.Add(new($"parameters[{i}]", $"Give a parameter as {{\"name\": ..., \"from\": ..., \"to\": ..., \"step\": ...}}; names: {string.Join(", ", SweepService.Parameters.Keys)}."));
                continue;
            }

            parameters.Add(p);
        }

        var route = given.Route is null ? null : Pairs([given.Route], "route", problems);
        var defaults = new SweepRequest { Parameters = [], Outputs = [] };
        var request = new SweepRequest
        {
            Scenario = given.Scenario,
            AllowFiles = false,
            Parameters = parameters,
            Outputs = [.. given.Outputs.Select(o => o ?? string.Empty)],
            Year = given.Year,
            DemandFile = given.Demand is null ? null : WorkEndpoints.DemandFile(workspace, given.Demand, problems) ?? "-",
            Route = route is { Count: 1 } ? route[0] : defaults.Route,
            CaspianDays = given.CaspianDays ?? defaults.CaspianDays,
            Seed = given.Seed ?? defaults.Seed,
            FromRegion = given.FromRegion ?? defaults.FromRegion,
            ToRegion = given.ToRegion ?? defaults.ToRegion,
            Threads = SweepThreads,
        };
        var service = new SweepService(workspace);
        var cases = service.Jobs(request);
        problems.AddRange(cases.Problems.Select(p => p.Field == "demand" ? p with { Message = "The assignment outputs need a demand set, e.g. \"demand\": \"2024\"." } : p)
            .Where(p => !problems.Any(q => q.Field == p.Field)));
        if (problems.Count > 0 || asJob is null)
        {
            return Problems.Invalid(problems);
        }

        var opened = workspace.Scenarios.Open(request.Scenario, allowFiles: false).Value;
        var info = new RunInfo("scenario sweep", body.Text, cases.Value[0].Year, request.Seed) { Scenario = opened.ScenarioName, ScenarioFingerprint = opened.Scenario?.Fingerprint };
        return JobEndpoints.RunOrQueue(http.HttpContext, queue, "scenario-sweep", body.Text, asJob.Value, job =>
        {
            var started = TimeProvider.System.GetTimestamp();
            var outcome = service.Run(request, job.Report, job.CancellationToken);
            return outcome.IsValid
                ? WorkEndpoints.Stored(workspace, info, started, outcome.Value)
                : new JobOutcome(null, null, outcome.Problems);
        });
    }

    /// <summary>OD pairs of a body, each with both ends; problems for <c>field[i].from</c> and <c>.to</c>.</summary>
    private static List<OdPair>? Pairs(IReadOnlyList<OdPair?>? given, string field, List<RequestProblem> problems)
    {
        if (given is null)
        {
            return null;
        }

        var list = new List<OdPair>();
        for (var i = 0; i < given.Count; i++)
        {
            var at = field == "route" ? field : string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            if (given[i] is not { } pair)
            {
                problems.Add(new(at, "Give an OD pair as {\"from\": ..., \"to\": ...}."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(pair.From))
            {
                problems.Add(new(at + ".from", "This field is required."));
            }

            if (string.IsNullOrWhiteSpace(pair.To))
            {
                problems.Add(new(at + ".to", "This field is required."));
            }

            if (!string.IsNullOrWhiteSpace(pair.From) && !string.IsNullOrWhiteSpace(pair.To))
            {
                list.Add(pair);
            }
        }

        return list;
    }
}

/// <summary>The body of <c>POST /api/scenarios/compare</c>: <see cref="ScenarioCompareRequest"/> with presets and a demand set's name.</summary>
public sealed record ScenarioCompareBody
{
    /// <summary>1–8 preset names compared with the baseline.</summary>
    public required IReadOnlyList<string?> Scenarios { get; init; }

    /// <summary>OD pairs (1–50); default Xian → Duisburg, Shanghai → Rotterdam, Almaty → Istanbul.</summary>
    public IReadOnlyList<OdPair?>? Pairs { get; init; }

    /// <summary>Network year; the first scenario's base year, else the default year.</summary>
    public int? Year { get; init; }

    /// <summary>Departure (yyyy-MM-dd); 1 March of the year.</summary>
    public string? Depart { get; init; }

    /// <summary>A demand set of data/demand/ (e.g. <c>2024</c>) to assign under each scenario; left out without it.</summary>
    public string? Demand { get; init; }

    /// <summary>Year of the demand rows assigned (the set's first year when null).</summary>
    public int? DemandYear { get; init; }

    /// <summary>False leaves out the bypass capacity and leverage part.</summary>
    public bool? Capacity { get; init; }

    /// <summary>Origin region of the capacity part (default CN).</summary>
    public string? FromRegion { get; init; }

    /// <summary>Destination region of the capacity part (default EU).</summary>
    public string? ToRegion { get; init; }

    /// <summary>Monte Carlo trips per route for P50/P90 (default 5,000; 0 leaves them out).</summary>
    public int? Samples { get; init; }

    /// <summary>Seed of the simulations (default 42).</summary>
    public long? Seed { get; init; }

    /// <summary>False leaves out the simulated Caspian crossing.</summary>
    public bool? Caspian { get; init; }

    /// <summary>Utilisation from which an assigned element is a bottleneck (default 0.9).</summary>
    public double? BottleneckThreshold { get; init; }
}

/// <summary>The body of <c>POST /api/scenarios/sweep</c>: <see cref="SweepRequest"/> with a preset and a demand set's name.</summary>
public sealed record ScenarioSweepBody
{
    /// <summary>The preset the parameters are set on (default the baseline).</summary>
    public string? Scenario { get; init; }

    /// <summary>One or two parameters, each <c>{"name": "sea-level", "from": -28.5, "to": -31, "step": 0.25}</c>.</summary>
    public required IReadOnlyList<SweepParameter?> Parameters { get; init; }

    /// <summary>Outputs per case.</summary>
    public required IReadOnlyList<string?> Outputs { get; init; }

    /// <summary>Network year; the scenario's base year, else the default year.</summary>
    public int? Year { get; init; }

    /// <summary>A demand set of data/demand/ for the assignment outputs (e.g. <c>2024</c>).</summary>
    public string? Demand { get; init; }

    /// <summary>OD pair of the route outputs (default Xian → Duisburg).</summary>
    public OdPair? Route { get; init; }

    /// <summary>Days the Caspian outputs simulate (default 365).</summary>
    public int? CaspianDays { get; init; }

    /// <summary>Seed of every case (default 42).</summary>
    public long? Seed { get; init; }

    /// <summary>Origin region of the max-flow output (default CN).</summary>
    public string? FromRegion { get; init; }

    /// <summary>Destination region of the max-flow output (default EU).</summary>
    public string? ToRegion { get; init; }
}

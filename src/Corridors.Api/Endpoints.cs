using System.Globalization;
using System.Text.Json;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Runs;
using Corridors.Application.Services;
using Corridors.Application.Workspace;
using Corridors.Data;
using Corridors.Data.Store;
using Corridors.Reliability;
using Corridors.Routing;

namespace Corridors.Api;

/// <summary>
/// The endpoints: each reads a request, calls an application service and returns its contract document serialised
/// with <see cref="ContractJson"/> (the bytes <c>--json</c> prints and the run store keeps). Invalid requests are
/// 400 problems with every problem at once.
/// </summary>
internal static class Endpoints
{
    internal const string Json = "application/json; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/network", Network).WithSummary("What the network of a year contains.").Produces<NetworkSummaryDocument>(contentType: Json).ProducesValidationProblem();
        api.MapGet("/network/geojson", NetworkGeoJson).WithSummary("The network of a year as GeoJSON.").Produces(StatusCodes.Status200OK, contentType: "application/geo+json").ProducesValidationProblem();
        api.MapGet("/places", Places).WithSummary("Resolves a place name as route requests do: the node, or candidates and suggestions.").Produces<PlacesDocument>(contentType: Json).ProducesValidationProblem();
        api.MapPost("/route", Route).WithSummary("The best route, alternatives or the Pareto set.").WithDescription(Extras(typeof(RouteBodyExtras))).Accepts<RouteQueryRequest>("application/json").Produces<RoutesDocument>(contentType: Json).ProducesValidationProblem();
        api.MapPost("/compare", Compare).WithSummary("The best route per corridor family (serviceLevel may be 'both').").WithDescription(Extras(typeof(RouteBodyExtras))).Accepts<RouteQueryRequest>("application/json").Produces<RoutesDocument>(contentType: Json).ProducesValidationProblem();
        api.MapPost("/reliability", Reliability).WithSummary("Monte Carlo transit-time distributions per corridor.").WithDescription(Extras(typeof(ReliabilityBodyExtras)) + Jobs.JobEndpoints.ModeDescription + string.Create(CultureInfo.InvariantCulture, $"now for up to {SyncReliabilitySamples:N0} samples per route, a job above.")).Produces<Jobs.JobDocument>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status429TooManyRequests).Accepts<RouteQueryRequest>("application/json").Produces<ReliabilityDocument>(contentType: Json).ProducesValidationProblem();
        api.MapPost("/sea", Sea).WithSummary("A port-to-port sea route on the lane network.").WithDescription(Extras(typeof(SeaBodyEnds))).Accepts<SeaRouteOptions>("application/json").Produces<SeaRouteDocument>(contentType: Json).ProducesValidationProblem();
        RunEndpoints.Map(api);
        WorkEndpoints.Map(api);
        Jobs.JobEndpoints.Map(api);
        ScenarioEndpoints.Map(api);
    }

    /// <summary>The body is one flat object: the schema's fields plus these (the schema shows one record).</summary>
    private static string Extras(Type extras) =>
        "The body is one JSON object with the fields of the schema below and also: " +
        string.Join(", ", JsonBody.Options.GetTypeInfo(extras).Properties.Select(p => p.Name)) + ".";

    private static IResult Network(CorridorsWorkspace workspace, int? year)
    {
        var outcome = new NetworkService(workspace).Info(new NetworkInfoRequest(year));
        return outcome.IsValid ? Document(outcome.Value) : Problems.Invalid(outcome.Problems);
    }

    private static IResult NetworkGeoJson(CorridorsWorkspace workspace, int? year, string? serviceLevel, string? scenario)
    {
        // A preset scenario (never a file: paths are not read from requests) through the same catalog as the CLI.
        var opened = workspace.Scenarios.Open(scenario, allowFiles: false);
        if (!opened.IsValid)
        {
            return Problems.Invalid(opened.Problems);
        }

        var outcome = new NetworkService(opened.Value).Network(new NetworkInfoRequest(year, serviceLevel));
        if (!outcome.IsValid)
        {
            return Problems.Invalid(outcome.Problems);
        }

        // Water legs along the sea lanes, as `corridors export geojson` draws them.
        using var stream = new MemoryStream();
        GeoJsonExporter.Write(outcome.Value, stream, workspace.HasSeaLanes ? workspace.Sea.Graph : null);
        return TypedResults.Bytes(stream.ToArray(), "application/geo+json");
    }

    private static IResult Places(CorridorsWorkspace workspace, string? q, int? year)
    {
        // The resolver every routing request uses (names, LOCODEs, coordinates, gazetteer towns), and the year check.
        var outcome = new PlaceService(workspace).Lookup(new PlaceLookupRequest(q, year));
        return outcome.IsValid ? Document(outcome.Value) : Problems.Invalid(outcome.Problems);
    }

    private static async Task<IResult> Route(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options, RouteAnswers answers)
    {
        var (body, query, extras, problems, bad) = await JsonBody.ReadAsync<RouteQueryRequest, RouteBodyExtras>(http, options.MaxBodyBytes).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        workspace = Under(workspace, body, problems);
        var percentile = Percentile(extras.Percentile, extras.Samples, extras.Seed, options, problems);
        var request = new RouteRequest(query) { Pareto = extras.Pareto, ParetoRisk = extras.ParetoRisk, Percentile = percentile };
        request = request with { Alternatives = extras.Alternatives ?? request.Alternatives };
        var service = new RouteService(workspace);
        if (problems.Count > 0)
        {
            // The host's own problems, and everything the service finds wrong besides (without simulating).
            return Problems.Invalid([.. problems, .. service.Route(request with { Percentile = null }, http.HttpContext.RequestAborted).Problems]);
        }

        var key = answers.Key(workspace, request);
        if (!answers.TryGet(key, out var answer))
        {
            var outcome = service.Route(request, http.HttpContext.RequestAborted);
            if (!outcome.IsValid)
            {
                return Problems.Invalid(outcome.Problems);
            }

            var scenario = outcome.Value.Snapshot.Workspace.Scenario;
            answer = new RouteAnswers.Answer(ContractJson.Serialize(outcome.Value.Document), outcome.Value.Snapshot.Year, outcome.Value.Seed, scenario?.Name, scenario?.Fingerprint);
            answers.Set(key, answer);
        }

        return await RecordedAsync(http, workspace, answer.Info("route", body.Text), answer.Json).ConfigureAwait(false);
    }

    private static async Task<IResult> Compare(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options)
    {
        var (body, query, extras, problems, bad) = await JsonBody.ReadAsync<RouteQueryRequest, RouteBodyExtras>(http, options.MaxBodyBytes).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        if (extras.Alternatives is not null || extras.Pareto || extras.ParetoRisk)
        {
            problems.Add(new(extras.Alternatives is not null ? "alternatives" : "pareto", "Compare gives the best route per corridor; ask /api/route for alternatives or the Pareto set."));
        }

        workspace = Under(workspace, body, problems);
        var percentile = Percentile(extras.Percentile, extras.Samples, extras.Seed, options, problems);
        var service = new RouteService(workspace);
        if (problems.Count > 0)
        {
            return Problems.Invalid([.. problems, .. service.CompareLevels(new CompareRequest(query), http.HttpContext.RequestAborted).Problems]);
        }

        var outcome = service.CompareLevels(new CompareRequest(query) { Percentile = percentile }, http.HttpContext.RequestAborted);
        if (!outcome.IsValid)
        {
            return Problems.Invalid(outcome.Problems);
        }

        var answers = outcome.Value;
        var info = new RunInfo("compare", body.Text, answers[0].Snapshot.Year, answers.Select(a => a.Seed).FirstOrDefault(s => s is not null));
        return answers.Count == 1
            ? Recorded(http, answers[0].Snapshot.Workspace, info, answers[0].Document)
            : Recorded(http, answers[0].Snapshot.Workspace, info, new CompareLevelsDocument([.. answers.Select(a => a.Document)]));
    }

    /// <summary>Samples per route up to which auto mode simulates reliability now.</summary>
    public const int SyncReliabilitySamples = 200_000;

    private static async Task<IResult> Reliability(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options, Jobs.JobQueue queue, string? mode)
    {
        var (body, query, extras, problems, bad) = await JsonBody.ReadAsync<RouteQueryRequest, ReliabilityBodyExtras>(http, options.MaxBodyBytes).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var defaults = new ReliabilityRequest(query);
        var request = defaults with
        {
            Samples = extras.Samples ?? defaults.Samples,
            Seed = extras.Seed ?? defaults.Seed,
            Deadline = extras.Deadline,
            PenaltyUsdPerDay = extras.PenaltyUsdPerDay,
            Percentile = extras.Percentile ?? defaults.Percentile,
            Corridor = extras.Corridor,
            Bins = extras.Bins ?? defaults.Bins,
        };
        workspace = Under(workspace, body, problems);
        var service = new ReliabilityService(workspace);
        CheckSamples(request.Samples, options, problems);
        if (problems.Count > 0)
        {
            // Over the host's limit: still report everything else that is wrong, all at once (one trip per route).
            var rest = service.Run(request with { Samples = 1 }, cancellationToken: http.HttpContext.RequestAborted);
            return Problems.Invalid([.. problems, .. rest.Problems]);
        }

        if (Jobs.JobEndpoints.AsJob(mode, request.Samples > SyncReliabilitySamples, problems) is not { } asJob)
        {
            return Problems.Invalid(problems);
        }

        if (asJob)
        {
            // Checked before queueing (one trip per route), so a job never fails on its request.
            if (service.Run(request with { Samples = 1 }, cancellationToken: http.HttpContext.RequestAborted).Problems is { Count: > 0 } found)
            {
                return Problems.Invalid(found);
            }

            return Jobs.JobEndpoints.RunOrQueue(http.HttpContext, queue, "reliability", body.Text, asJob: true, job =>
            {
                var started = TimeProvider.System.GetTimestamp();
                var done = new System.Collections.Concurrent.ConcurrentDictionary<Corridors.Routing.Route, MonteCarloProgress>();
                var run = service.Run(request, route => new Progress<MonteCarloProgress>(p =>
                {
                    done[route] = p;
                    job.Report(done.Values.Sum(v => (double)v.CompletedSamples) / Math.Max(1, done.Values.Sum(v => (double)v.TotalSamples)));
                }), job.CancellationToken);
                if (!run.IsValid)
                {
                    return new Jobs.JobOutcome(null, null, run.Problems);
                }

                return run.Value.Document is { } document
                    ? WorkEndpoints.Stored(workspace, new RunInfo("reliability", body.Text, run.Value.Snapshot.Year, run.Value.Settings.Seed), started, document)
                    : new Jobs.JobOutcome(ContractJson.Serialize(run.Value.NoRouteDocument), null, []);
            });
        }

        var outcome = service.Run(request, cancellationToken: http.HttpContext.RequestAborted);
        if (!outcome.IsValid)
        {
            return Problems.Invalid(outcome.Problems);
        }

        var answer = outcome.Value;
        return answer.Document is { } document
            ? Recorded(http, answer.Snapshot.Workspace, new RunInfo("reliability", body.Text, answer.Snapshot.Year, answer.Settings.Seed), document)
            : Document(answer.NoRouteDocument);
    }

    private static async Task<IResult> Sea(HttpRequest http, CorridorsWorkspace workspace, ApiHostOptions options)
    {
        var (body, ends, seaOptions, _, bad) = await JsonBody.ReadAsync<SeaBodyEnds, SeaRouteOptions>(http, options.MaxBodyBytes).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var outcome = new SeaService(workspace).Route(new SeaRequest(ends.From, ends.To, seaOptions));
        return outcome.IsValid
            ? Recorded(http, workspace, new RunInfo("sea", body.Text, null, null), outcome.Value)
            : Problems.Invalid(outcome.Problems);
    }

    /// <summary>
    /// The workspace under the body's inline scenario object (read and checked as a scenario file, keyed by its
    /// content; <c>extends</c> names presets only), or <paramref name="workspace"/> when <c>scenario</c> is a preset
    /// name or absent; the scenario's problems are added as <c>scenario.&lt;path&gt;</c>.
    /// </summary>
    internal static CorridorsWorkspace Under(CorridorsWorkspace workspace, JsonBody.Parsed body, List<RequestProblem> problems)
    {
        if (body.InlineScenario is not { } json)
        {
            return workspace;
        }

        var opened = workspace.Scenarios.OpenText(json);
        problems.AddRange(opened.Problems);
        return opened.IsValid ? opened.Value : workspace;
    }

    private static PercentileRequest? Percentile(double? percentile, int? samples, long? seed, ApiHostOptions options, List<RequestProblem> problems)
    {
        if (percentile is null)
        {
            if (samples is not null || seed is not null)
            {
                problems.Add(new(samples is not null ? "samples" : "seed", "Samples and seed simulate the routes for a percentile; give the percentile too."));
            }

            return null;
        }

        var request = new PercentileRequest(percentile.Value, samples ?? PercentileRequest.DefaultSamples, seed ?? PercentileRequest.DefaultSeed);
        CheckSamples(request.Samples, options, problems);
        return request;
    }

    /// <summary>The host's own limit, below the services' (which allow the CLI long runs).</summary>
    internal static void CheckSamples(int samples, ApiHostOptions options, List<RequestProblem> problems)
    {
        if (samples > options.MaxSamples)
        {
            problems.Add(new("samples", string.Create(CultureInfo.InvariantCulture, $"This service simulates at most {options.MaxSamples:N0} trips per route in one request.")));
        }
    }

    /// <summary>Stores the document (when a store is configured) and returns the stored bytes; the run id is in a header.</summary>
    internal static IResult Recorded<T>(HttpRequest http, CorridorsWorkspace workspace, RunInfo info, T document) =>
        Recorded(http, workspace, info, ContractJson.Serialize(document));

    /// <summary>
    /// Stores a serialised document with the runs other requests store at the same moment (one transaction, see
    /// <see cref="RunRecorder.RecordJsonAsync"/>) and returns it once stored; the run id is in a header.
    /// </summary>
    private static async Task<IResult> RecordedAsync(HttpRequest http, CorridorsWorkspace workspace, RunInfo info, string json) =>
        Respond(http, await workspace.Runs.RecordJsonAsync(info with { Duration = RequestClock.Elapsed(http.HttpContext) }, json, RunStatus.Succeeded).ConfigureAwait(false));

    /// <summary>Stores a serialised document (when a store is configured) and returns it; the run id is in a header.</summary>
    private static IResult Recorded(HttpRequest http, CorridorsWorkspace workspace, RunInfo info, string json) =>
        Respond(http, workspace.Runs.RecordJson(info with { Duration = RequestClock.Elapsed(http.HttpContext) }, json, RunStatus.Succeeded));

    private static IResult Respond(HttpRequest http, RecordedRun recorded)
    {
        if (recorded.RunId is { } id)
        {
            http.HttpContext.Response.Headers["Corridors-Run-Id"] = id.ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Text(recorded.Json, Json);
    }

    internal static IResult Document<T>(T document) => TypedResults.Text(ContractJson.Serialize(document), Json);
}


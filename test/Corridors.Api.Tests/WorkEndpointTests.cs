using System.Net;
using System.Text;
using System.Text.Json;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;

namespace Corridors.Tests;

/// <summary>caspian, assign, bypass, leverage and jobs through the real host: documents equal the services', malformed input names its field.</summary>
public sealed class WorkEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bypass_equals_the_services_document_and_is_stored()
    {
        var response = await Post("/api/bypass", """{"fromRegion": "CN", "toRegion": "EU", "avoid": ["RU"]}""");
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldBe(ContractJson.Serialize(new CapacityService(factory.Workspace).Bypass(new BypassRequest("CN", "EU", ["RU"])).Value));
        var id = response.Headers.GetValues("Corridors-Run-Id").Single();
        using var run = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/runs/" + id, UriKind.Relative), Ct));
        run.RootElement.GetProperty("run").GetProperty("command").GetString().ShouldBe("bypass");
    }

    [Fact]
    public async Task Bypass_malformed_fields_are_named()
    {
        var mistyped = await ApiTests.Problem(await Post("/api/bypass", """{"fromRegion": "CN", "toRegion": 5}"""), HttpStatusCode.BadRequest);
        Errors(mistyped, "toRegion").ShouldContain("wrong type");
        var unknown = await ApiTests.Problem(await Post("/api/bypass", """{"fromRegion": "CN", "toRegion": "EU", "avoids": ["RU"]}"""), HttpStatusCode.BadRequest);
        Errors(unknown, "avoids").ShouldBe("Unknown field.");
        var region = await ApiTests.Problem(await Post("/api/bypass", """{"fromRegion": "Atlantis", "toRegion": "EU", "year": 1900}"""), HttpStatusCode.BadRequest);
        Errors(region, "fromRegion").ShouldNotBeEmpty();
        var mode = await ApiTests.Problem(await Post("/api/bypass?mode=later", """{"fromRegion": "CN", "toRegion": "EU"}"""), HttpStatusCode.BadRequest);
        Errors(mode, "mode").ShouldBe("'later' is not a mode; use auto, sync or job.");
    }

    [Fact]
    public async Task Leverage_equals_the_services_document()
    {
        var response = await Post("/api/leverage", """{"fromRegion": "CN", "toRegion": "EU", "year": 2030}""");
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldBe(ContractJson.Serialize(new CapacityService(factory.Workspace).Leverage(new LeverageRequest("CN", "EU", 2030)).Value));
    }

    [Fact]
    public async Task Caspian_short_run_is_synchronous_and_equals_the_services_document()
    {
        var response = await Post("/api/caspian", """{"year": 2027, "days": 20, "seed": 5}""");
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldBe(ContractJson.Serialize(new CaspianService(factory.Workspace).Run(new CaspianRequest { Year = 2027, Days = 20, Seed = 5 }, cancellationToken: Ct).Value.Document));
    }

    [Fact]
    public async Task Caspian_bad_fields_are_all_named_at_once()
    {
        var problem = await ApiTests.Problem(await Post("/api/caspian", """{"level": 3, "days": 0, "fleetAdd": ["yacht:2"]}"""), HttpStatusCode.BadRequest);
        Errors(problem, "level").ShouldNotBeEmpty();
        Errors(problem, "days").ShouldNotBeEmpty();
        Errors(problem, "fleetAdd[0]").ShouldNotBeEmpty();
        var mistyped = await ApiTests.Problem(await Post("/api/caspian", """{"days": "many"}"""), HttpStatusCode.BadRequest);
        Errors(mistyped, "days").ShouldContain("wrong type");
    }

    [Fact]
    public async Task Caspian_year_run_is_a_job_whose_result_equals_the_services_document_and_is_stored()
    {
        // Given a full year (auto mode queues it)
        var response = await Post("/api/caspian", """{"year": 2027, "days": 365, "seed": 9}""");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/api/jobs/");

        // When it finishes
        var job = await Finished(location);

        // Then it succeeded with a stored run, and its result is the synchronous document
        job.GetProperty("status").GetString().ShouldBe("succeeded");
        job.GetProperty("progress").GetDouble().ShouldBe(1);
        var result = await _client.GetStringAsync(new Uri(job.GetProperty("resultUrl").GetString()!, UriKind.Relative), Ct);
        result.ShouldBe(ContractJson.Serialize(new CaspianService(factory.Workspace).Run(new CaspianRequest { Year = 2027, Days = 365, Seed = 9 }, cancellationToken: Ct).Value.Document));
        var runId = job.GetProperty("runId").GetInt64();
        using var run = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/runs/" + runId, UriKind.Relative), Ct));
        run.RootElement.GetProperty("run").GetProperty("command").GetString().ShouldBe("caspian");
        run.RootElement.GetProperty("run").GetProperty("seed").GetInt64().ShouldBe(9);
    }

    [Fact]
    public async Task Reliability_as_a_job_gives_the_same_bytes_as_synchronously()
    {
        const string Body = """{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03", "samples": 1000, "seed": 3}""";
        var now = await Post("/api/reliability?mode=sync", Body);
        var queued = await Post("/api/reliability?mode=job", Body);
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var job = await Finished(queued.Headers.Location!.ToString());

        job.GetProperty("status").GetString().ShouldBe("succeeded");
        (await _client.GetStringAsync(new Uri(job.GetProperty("resultUrl").GetString()!, UriKind.Relative), Ct)).ShouldBe(await now.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Assign_names_demand_sets_by_name_only_and_runs_as_a_job()
    {
        var traversal = await ApiTests.Problem(await Post("/api/assign", """{"demand": "../../etc/passwd"}"""), HttpStatusCode.BadRequest);
        Errors(traversal, "demand").ShouldBe("Unknown demand set '../../etc/passwd'; the data has: 2021, 2024.");
        var missing = await ApiTests.Problem(await Post("/api/assign", """{"year": 2024}"""), HttpStatusCode.BadRequest);
        Errors(missing, "demand").ShouldBe("This field is required.");
        var bad = await ApiTests.Problem(await Post("/api/assign", """{"demand": "2024", "gap": 2, "method": "fastest"}"""), HttpStatusCode.BadRequest);
        Errors(bad, "gap").ShouldNotBeEmpty();
        Errors(bad, "method").ShouldNotBeEmpty();

        var response = await Post("/api/assign", """{"demand": "2024", "maxIterations": 5}""");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var job = await Finished(response.Headers.Location!.ToString());
        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        var result = await _client.GetStringAsync(new Uri(job.GetProperty("resultUrl").GetString()!, UriKind.Relative), Ct);
        var file = Path.Combine(factory.Workspace.DataDirectory, "demand", "2024.csv");
        result.ShouldBe(ContractJson.Serialize(new CapacityService(factory.Workspace).Assign(new CorridorAssignRequest(file, MaxIterations: 5), cancellationToken: Ct).Value));
    }

    [Fact]
    public async Task Jobs_unknown_id_is_404_and_a_running_job_has_no_result_yet_and_can_be_cancelled()
    {
        await ApiTests.Problem(await _client.GetAsync(new Uri("/api/jobs/nope", UriKind.Relative), Ct), HttpStatusCode.NotFound);
        await ApiTests.Problem(await _client.DeleteAsync(new Uri("/api/jobs/nope", UriKind.Relative), Ct), HttpStatusCode.NotFound);

        // Given a ten-year simulation
        var response = await Post("/api/caspian", """{"year": 2027, "days": 3650}""");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.ToString();
        await ApiTests.Problem(await _client.GetAsync(new Uri(location + "/result", UriKind.Relative), Ct), HttpStatusCode.Conflict);

        // When it is cancelled
        (await _client.DeleteAsync(new Uri(location, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // Then it ends cancelled, its result is a conflict, and cancelling again is one too
        var job = await Finished(location);
        job.GetProperty("status").GetString().ShouldBe("cancelled");
        if (job.GetProperty("startedUtc").ValueKind != JsonValueKind.Null)
        {
            // It ran: its end is stored as a run marked failed, with the request it was given.
            using var run = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/runs/" + job.GetProperty("runId").GetInt64(), UriKind.Relative), Ct));
            run.RootElement.GetProperty("run").GetProperty("status").GetString().ShouldBe("failed");
            run.RootElement.GetProperty("run").GetProperty("arguments").GetString().ShouldBe("""{"year": 2027, "days": 3650}""");
            run.RootElement.GetProperty("result").GetProperty("error").GetString().ShouldBe("The job was cancelled.");
        }

        await ApiTests.Problem(await _client.GetAsync(new Uri(location + "/result", UriKind.Relative), Ct), HttpStatusCode.Conflict);
        await ApiTests.Problem(await _client.DeleteAsync(new Uri(location, UriKind.Relative), Ct), HttpStatusCode.Conflict);
        using var list = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/jobs", UriKind.Relative), Ct));
        list.RootElement.GetProperty("jobs").EnumerateArray().Select(j => "/api/jobs/" + j.GetProperty("id").GetString()).ShouldContain(location);
    }

    [Fact]
    public async Task Full_queue_answers_429_with_retry_after()
    {
        using var small = new ApiFactory { Settings = new Dictionary<string, string> { ["Corridors:Jobs:Capacity"] = "1" } };
        using var client = small.CreateClient();
        using var first = new StringContent("""{"year": 2027, "days": 3650}""", Encoding.UTF8, "application/json");
        var running = await client.PostAsync(new Uri("/api/caspian", UriKind.Relative), first, Ct);
        running.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        using var second = new StringContent("""{"fromRegion": "CN", "toRegion": "EU"}""", Encoding.UTF8, "application/json");
        var refused = await client.PostAsync(new Uri("/api/bypass?mode=job", UriKind.Relative), second, Ct);

        var problem = await ApiTests.Problem(refused, (HttpStatusCode)429);
        problem.GetProperty("detail").GetString()!.ShouldContain("1 jobs are queued or running");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await client.DeleteAsync(running.Headers.Location!, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task OpenApi_documents_the_work_and_job_endpoints()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/caspian");
        paths.ShouldContain("/api/assign");
        paths.ShouldContain("/api/bypass");
        paths.ShouldContain("/api/leverage");
        paths.ShouldContain("/api/jobs/{id}");
        paths.ShouldContain("/api/jobs/{id}/result");
        document.RootElement.GetProperty("paths").GetProperty("/api/caspian").GetProperty("post").GetProperty("description").GetString()!.ShouldContain("mode=job");
    }

    private Task<JsonElement> Finished(string location) => ApiCalls.Finished(_client, location);

    private Task<HttpResponseMessage> Post(string path, string json) => ApiCalls.Post(_client, path, json);

    private static string Errors(JsonElement problem, string field) => ApiCalls.Errors(problem, field);
}

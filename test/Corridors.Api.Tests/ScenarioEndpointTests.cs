using System.Net;
using System.Text;
using System.Text.Json;
using Corridors.Application.Contracts;
using Corridors.Application.Services;

namespace Corridors.Tests;

/// <summary>
/// <c>/api/scenarios</c> (list, show, validate, compare and sweep as jobs) and inline scenario objects in route,
/// compare and reliability bodies, through the real host: documents equal the services', malformed input names its field.
/// </summary>
public sealed class ScenarioEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string RussiaClosed = """{"title": "Inline: Russia closed", "closures": [{"country": "RU", "source": "assumption: test"}]}""";

    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_and_show_equal_the_services_documents_and_an_unknown_preset_is_404()
    {
        var list = await _client.GetStringAsync(new Uri("/api/scenarios", UriKind.Relative), Ct);
        var show = await _client.GetStringAsync(new Uri("/api/scenarios/russia-closed", UriKind.Relative), Ct);
        var unknown = await ApiTests.Problem(await _client.GetAsync(new Uri("/api/scenarios/rusia-closed", UriKind.Relative), Ct), HttpStatusCode.NotFound);

        list.ShouldBe(ContractJson.Serialize(new ScenarioService(factory.Workspace).List()));
        list.ShouldContain("\"russia-closed\"");
        show.ShouldBe(ContractJson.Serialize(new ScenarioService(factory.Workspace).Show("russia-closed", allowFiles: false).Value));
        unknown.GetProperty("detail").GetString()!.ShouldContain("did you mean 'russia-closed'?");
    }

    [Fact]
    public async Task Validate_reports_every_problem_with_its_path_and_position_and_shows_a_valid_scenario()
    {
        // Given a document with three errors, one of them a file path in extends
        var bad = await Json(await Post("/api/scenarios/validate", "{\n  \"extends\": \"../../etc/passwd.json\",\n  \"closures\": [{\"country\": \"RUS\"}],\n  \"demandGrowthPercent\": \"lots\"\n}"));
        var good = await Json(await Post("/api/scenarios/validate", """{"extends": "russia-closed", "demandGrowthPercent": 5}"""));
        var broken = await Json(await Post("/api/scenarios/validate", "{\"closures\": ["));

        // Then every error is listed at once, by JSON path and position; the valid one says what it changes
        bad.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var diagnostics = bad.GetProperty("diagnostics").EnumerateArray().ToList();
        diagnostics.Select(d => d.GetProperty("field").GetString()).ShouldBe(["$.extends", "$.closures[0].country", "$.demandGrowthPercent"], ignoreOrder: true);
        var rus = diagnostics.Single(d => d.GetProperty("field").GetString() == "$.closures[0].country");
        (rus.GetProperty("line").GetInt32(), rus.GetProperty("code").GetString(), rus.GetProperty("message").GetString()).ShouldBe((3, "CORR0805", "Unknown country 'RUS'; did you mean 'RU'?"));
        diagnostics.Single(d => d.GetProperty("field").GetString() == "$.extends").GetProperty("message").GetString()!.ShouldContain("presets only, not files");
        bad.GetProperty("scenario").ValueKind.ShouldBe(JsonValueKind.Null);

        good.GetProperty("valid").GetBoolean().ShouldBeTrue();
        var elements = good.GetProperty("scenario").GetProperty("elements").EnumerateArray().Select(e => e.GetString()).ToList();
        elements.ShouldContain("close country RU");
        elements.ShouldContain("demand +5 %");
        good.GetProperty("scenario").GetProperty("extends").EnumerateArray().Select(e => e.GetString()).ShouldBe(["russia-closed"]);

        broken.GetProperty("diagnostics")[0].GetProperty("code").GetString().ShouldBe("CORR0801");
    }

    [Fact]
    public async Task Validate_body_must_be_json_and_not_too_large()
    {
        using var text = new StringContent("closures", Encoding.UTF8, "text/plain");
        await ApiTests.Problem(await _client.PostAsync(new Uri("/api/scenarios/validate", UriKind.Relative), text, Ct), HttpStatusCode.UnsupportedMediaType);
        await ApiTests.Problem(await Post("/api/scenarios/validate", "{\"description\": \"" + new string('x', 2_000_000) + "\"}"), HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/api/route")]
    [InlineData("/api/compare")]
    [InlineData("/api/reliability")]
    public async Task An_inline_scenario_object_is_answered_under_and_stored_with_its_fingerprint(string path)
    {
        var response = await Post(path, $$"""{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03", "scenario": {{RussiaClosed}}}""");
        var text = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("routes").EnumerateArray().ShouldAllBe(r => r.GetProperty("countries").EnumerateArray().All(c => c.GetString() != "RU"));
        var fingerprint = factory.Workspace.Scenarios.Reader.Parse(RussiaClosed, "(request)").Fingerprint;
        using var run = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/runs/" + response.Headers.GetValues("Corridors-Run-Id").Single(), UriKind.Relative), Ct));
        run.RootElement.GetProperty("run").GetProperty("scenarioFingerprint").GetString().ShouldBe(fingerprint);
    }

    [Fact]
    public async Task Inline_scenario_problems_are_named_by_their_path_under_scenario_with_the_requests_own()
    {
        var problem = await ApiTests.Problem(
            await Post("/api/route", """{"from": "Xain", "to": "Duisburg", "scenario": {"closures": [{"country": "RUS"}], "seaLevel": {"offsetM": "low"}}}"""), HttpStatusCode.BadRequest);
        var path = await ApiTests.Problem(await Post("/api/compare", """{"from": "Xian", "to": "Duisburg", "scenario": {"extends": "/etc/passwd"}}"""), HttpStatusCode.BadRequest);

        ApiCalls.Errors(problem, "scenario.closures[0].country").ShouldBe("Unknown country 'RUS'; did you mean 'RU'?");
        ApiCalls.Errors(problem, "scenario.seaLevel.offsetM").ShouldContain("expected a number");
        ApiCalls.Errors(problem, "from").ShouldContain("Xian");
        ApiCalls.Errors(path, "scenario.extends").ShouldContain("presets only, not files ('/etc/passwd')");
    }

    [Fact]
    public async Task Inline_scenarios_are_keyed_by_content_and_the_cache_stays_bounded()
    {
        // Given more distinct inline scenarios than the workspace keeps
        using var small = new ApiFactory { StorePath = string.Empty, Settings = new Dictionary<string, string> { ["Corridors:MaxCachedScenarios"] = "2" } };
        using var client = small.CreateClient();
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await ApiCalls.Post(client, "/api/route", $$$"""{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03", "scenario": {"demandGrowthPercent": {{{i}}}, "closures": [{"country": "RU", "source": "assumption: test"}]}}""");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            answers.Add(await response.Content.ReadAsStringAsync(Ct));
        }

        // Then each was answered, and the workspace holds at most its bound
        answers.Distinct().Count().ShouldBe(1);
        small.Workspace.Scenarios.CachedCount.ShouldBeLessThanOrEqualTo(2);
        small.Workspace.CachedSnapshotCount.ShouldBeLessThanOrEqualTo(8);
    }

    [Fact]
    public async Task Compare_runs_as_a_job_whose_result_equals_the_services_document_and_is_stored()
    {
        var response = await Post("/api/scenarios/compare", """{"scenarios": ["russia-closed"], "pairs": [{"from": "Xian", "to": "Duisburg"}], "samples": 0, "caspian": false, "capacity": false}""");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));

        var job = await ApiCalls.Finished(_client, response.Headers.Location!.ToString());

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        job.GetProperty("progress").GetDouble().ShouldBe(1);
        var result = await _client.GetStringAsync(new Uri(job.GetProperty("resultUrl").GetString()!, UriKind.Relative), Ct);
        var expected = new ScenarioService(factory.Workspace).Compare(new ScenarioCompareRequest
        {
            Scenarios = ["russia-closed"], Pairs = [new OdPair("Xian", "Duisburg")], Samples = 0, Caspian = false, FromRegion = null, ToRegion = null,
        }, Ct);
        result.ShouldBe(ContractJson.Serialize(expected.Value));
        using var run = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/runs/" + job.GetProperty("runId").GetInt64(), UriKind.Relative), Ct));
        var stored = run.RootElement.GetProperty("run");
        stored.GetProperty("command").GetString().ShouldBe("scenario compare");
        stored.GetProperty("scenario").GetString().ShouldBe("russia-closed");
        stored.GetProperty("scenarioFingerprint").GetString().ShouldBe(expected.Value.Scenarios[1].Fingerprint);
        stored.GetProperty("year").GetInt32().ShouldBe(expected.Value.Year);
    }

    [Fact]
    public async Task Compare_lists_every_problem_before_queueing()
    {
        var problem = await ApiTests.Problem(
            await Post("/api/scenarios/compare", """{"scenarios": ["rusia-closed", "/etc/passwd.json"], "pairs": [{"from": "Xian"}, {"from": "Xain", "to": "Duisburg"}], "samples": 99000000, "demand": "../2024"}"""),
            HttpStatusCode.BadRequest);
        var late = await ApiTests.Problem(await Post("/api/scenarios/compare", """{"scenarios": ["russia-closed"], "pairs": [{"from": "Xain", "to": "Duisburg"}], "year": 1990}"""), HttpStatusCode.BadRequest);
        var missing = await ApiTests.Problem(await Post("/api/scenarios/compare", """{"pairs": []}"""), HttpStatusCode.BadRequest);

        ApiCalls.Errors(problem, "scenarios[0]").ShouldContain("did you mean 'russia-closed'?");
        ApiCalls.Errors(problem, "scenarios[1]").ShouldStartWith("Unknown scenario '/etc/passwd.json'");
        ApiCalls.Errors(problem, "pairs[0].to").ShouldBe("This field is required.");
        ApiCalls.Errors(problem, "samples").ShouldNotBeEmpty();
        ApiCalls.Errors(problem, "demand").ShouldStartWith("Unknown demand set '../2024'");
        ApiCalls.Errors(late, "year").ShouldContain("1990");
        ApiCalls.Errors(missing, "scenarios").ShouldBe("This field is required.");
        var places = await ApiTests.Problem(await Post("/api/scenarios/compare", """{"scenarios": ["russia-closed"], "pairs": [{"from": "Xain", "to": "Duisburg"}]}"""), HttpStatusCode.BadRequest);
        ApiCalls.Errors(places, "pairs[0].from").ShouldContain("Xian");
    }

    [Fact]
    public async Task Sweep_runs_as_a_job_whose_result_equals_the_services_document_and_is_stored()
    {
        var response = await Post("/api/scenarios/sweep", """{"scenario": "russia-closed", "parameters": [{"name": "border-dwell", "from": 1, "to": 2, "step": 1}], "outputs": ["route-days", "max-flow-teu"], "year": 2026}""");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));

        var job = await ApiCalls.Finished(_client, response.Headers.Location!.ToString());

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        var result = await _client.GetStringAsync(new Uri(job.GetProperty("resultUrl").GetString()!, UriKind.Relative), Ct);
        var expected = new SweepService(factory.Workspace).Run(new SweepRequest
        {
            Scenario = "russia-closed", Parameters = [new SweepParameter("border-dwell", 1, 2, 1)], Outputs = ["route-days", "max-flow-teu"], Year = 2026,
        }, Ct);
        result.ShouldBe(ContractJson.Serialize(expected.Value));
        expected.Value.Cases.Count.ShouldBe(2);
        using var run = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/runs/" + job.GetProperty("runId").GetInt64(), UriKind.Relative), Ct));
        var stored = run.RootElement.GetProperty("run");
        stored.GetProperty("command").GetString().ShouldBe("scenario sweep");
        stored.GetProperty("seed").GetInt64().ShouldBe(42);
        stored.GetProperty("scenario").GetString().ShouldBe("russia-closed");
    }

    [Fact]
    public async Task Sweep_lists_every_problem_and_can_be_cancelled()
    {
        var problem = await ApiTests.Problem(
            await Post("/api/scenarios/sweep", """{"scenario": "nope", "parameters": [{"name": "sea-levle", "from": 0, "to": 1, "step": 0}, {"from": 1}], "outputs": ["route-dayz", "middle-teu"], "caspianDays": 0}"""),
            HttpStatusCode.BadRequest);
        ApiCalls.Errors(problem, "scenario").ShouldStartWith("Unknown scenario 'nope'");
        ApiCalls.Errors(problem, "parameters[0]").ShouldContain("did you mean 'sea-level'?");
        ApiCalls.Errors(problem, "parameters[1]").ShouldContain("Give a parameter");
        ApiCalls.Errors(problem, "outputs[0]").ShouldContain("did you mean 'route-days'?");
        ApiCalls.Errors(problem, "demand").ShouldContain("\"demand\": \"2024\"");
        ApiCalls.Errors(problem, "caspianDays").ShouldNotBeEmpty();
        var mistyped = await ApiTests.Problem(await Post("/api/scenarios/sweep", """{"parameters": [{"name": "sea-level", "from": "low"}], "outputs": ["route-days"]}"""), HttpStatusCode.BadRequest);
        mistyped.GetProperty("errors").EnumerateObject().Single().Name.ShouldStartWith("parameters");

        // Given a long sweep, when it is cancelled, then it ends cancelled
        var response = await Post("/api/scenarios/sweep", """{"parameters": [{"name": "sea-level", "from": -26, "to": -36, "step": 0.01}], "outputs": ["caspian-throughput-teu"]}""");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        (await _client.DeleteAsync(response.Headers.Location!, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await ApiCalls.Finished(_client, response.Headers.Location!.ToString())).GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task OpenApi_documents_the_scenario_endpoints()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/scenarios", "/api/scenarios/{name}", "/api/scenarios/validate", "/api/scenarios/compare", "/api/scenarios/sweep" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }

        paths.GetProperty("/api/scenarios/sweep").GetProperty("post").GetProperty("description").GetString()!.ShouldContain("mode=job");
    }

    private Task<HttpResponseMessage> Post(string path, string json) => ApiCalls.Post(_client, path, json);

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }
}

/// <summary>The route answer cache: a repeated request gets the same bytes and a run of its own; a different one is computed.</summary>
public sealed class RouteAnswerCacheTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_repeated_route_request_is_answered_with_the_same_bytes_and_stored_again()
    {
        var first = await ApiCalls.Post(_client, "/api/route", """{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03"}""");
        var again = await ApiCalls.Post(_client, "/api/route", """{ "to": "Duisburg",  "depart": "2026-03-03", "FROM": "Xian" }""");
        var other = await ApiCalls.Post(_client, "/api/route", """{"from": "Xian", "to": "Duisburg", "depart": "2026-03-04"}""");

        var text = await first.Content.ReadAsStringAsync(Ct);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldBe(text);
        (await other.Content.ReadAsStringAsync(Ct)).ShouldNotBe(text);
        var query = new Application.Requests.RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = "2026-03-04" };
        (await other.Content.ReadAsStringAsync(Ct)).ShouldBe(ContractJson.Serialize(new RouteService(factory.Workspace).Route(new Application.Requests.RouteRequest(query), Ct).Value.Document));
        var ids = new[] { first, again, other }.Select(r => r.Headers.GetValues("Corridors-Run-Id").Single()).ToList();
        ids.Distinct().Count().ShouldBe(3);
        using var run = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/runs/" + ids[1], UriKind.Relative), Ct));
        run.RootElement.GetProperty("run").GetProperty("arguments").GetString().ShouldBe("""{ "to": "Duisburg",  "depart": "2026-03-03", "FROM": "Xian" }""");
    }
}

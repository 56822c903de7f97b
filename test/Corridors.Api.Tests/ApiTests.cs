using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Corridors.Api;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;

namespace Corridors.Tests;

/// <summary>Every endpoint through the real host, malformed input included; results equal the service's document.</summary>
public sealed class ApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string XianDuisburg = """{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03"}""";

    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Network_equals_the_services_document()
    {
        var response = await _client.GetAsync(new Uri("/api/network?year=2026", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var expected = ContractJson.Serialize(new NetworkService(factory.Workspace).Info(new NetworkInfoRequest(2026)).Value);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(expected);
    }

    [Fact]
    public async Task Network_year_out_of_range_is_a_problem_of_the_year()
    {
        var problem = await Problem(await _client.GetAsync(new Uri("/api/network?year=1999", UriKind.Relative), Ct), HttpStatusCode.BadRequest);
        Errors(problem, "year").ShouldContain("outside the years");
    }

    [Fact]
    public async Task Network_year_that_is_not_a_number_is_a_problem_naming_it()
    {
        var problem = await Problem(await _client.GetAsync(new Uri("/api/network?year=abc", UriKind.Relative), Ct), HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("year");
    }

    [Fact]
    public async Task Network_geojson_is_a_feature_collection_of_the_year()
    {
        var response = await _client.GetAsync(new Uri("/api/network/geojson?year=2026", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/geo+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        json.RootElement.GetProperty("features").GetArrayLength().ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Places_finds_a_node_and_suggests_for_a_misspelling()
    {
        using var found = await Json(await _client.GetAsync(new Uri("/api/places?q=XIAN", UriKind.Relative), Ct));
        found.RootElement.GetProperty("status").GetString().ShouldBe("found");
        found.RootElement.GetProperty("place").GetProperty("name").GetString()!.ShouldContain("Xi");

        using var missing = await Json(await _client.GetAsync(new Uri("/api/places?q=Duisbrug", UriKind.Relative), Ct));
        missing.RootElement.GetProperty("status").GetString().ShouldBe("not-found");
        missing.RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldContain("Duisburg");
    }

    [Fact]
    public async Task Places_without_a_query_and_with_a_bad_year_gives_both_problems()
    {
        var problem = await Problem(await _client.GetAsync(new Uri("/api/places?year=2040", UriKind.Relative), Ct), HttpStatusCode.BadRequest);
        Errors(problem, "q").ShouldNotBeEmpty();
        Errors(problem, "year").ShouldContain("outside the years");
    }

    [Fact]
    public async Task Route_equals_the_services_document_and_is_stored()
    {
        var response = await Post("/api/route", """{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03", "alternatives": 3}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var query = new RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = "2026-03-03" };
        var expected = new RouteService(factory.Workspace).Route(new RouteRequest(query) { Alternatives = 3 }, Ct).Value.Document;
        body.ShouldBe(ContractJson.Serialize(expected));

        var id = response.Headers.GetValues("Corridors-Run-Id").Single();
        using var run = await Json(await _client.GetAsync(new Uri("/api/runs/" + id, UriKind.Relative), Ct));
        run.RootElement.GetProperty("run").GetProperty("command").GetString().ShouldBe("route");
        JsonSerializer.Serialize(run.RootElement.GetProperty("result")).ShouldBe(JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement));

        using var list = await Json(await _client.GetAsync(new Uri("/api/runs?limit=50", UriKind.Relative), Ct));
        list.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).ShouldContain(id);
    }

    [Fact]
    public async Task Route_lists_every_problem_at_once_with_a_suggestion_for_an_unknown_place()
    {
        var problem = await Problem(await Post("/api/route", """{"from": "Xain", "to": "Duisburg", "alternatives": 50, "year": 2050}"""), HttpStatusCode.BadRequest);
        Errors(problem, "from").ShouldContain("Did you mean");
        Errors(problem, "alternatives").ShouldContain("between 1 and 20");
        Errors(problem, "year").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Route_malformed_json_is_a_problem_with_its_position()
    {
        var problem = await Problem(await Post("/api/route", """{"from": "Xian", "to": """), HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("The request body is not valid JSON");
        problem.GetProperty("detail").GetString()!.ShouldContain("line 1");
    }

    [Fact]
    public async Task Route_unknown_missing_and_mistyped_fields_are_named()
    {
        var unknown = await Problem(await Post("/api/route", """{"fromm": "Xian", "to": "Duisburg"}"""), HttpStatusCode.BadRequest);
        Errors(unknown, "fromm").ShouldContain("Unknown field");
        Errors(unknown, "from").ShouldContain("required");

        var mistyped = await Problem(await Post("/api/route", """{"from": "Xian", "to": "Duisburg", "year": "soon"}"""), HttpStatusCode.BadRequest);
        Errors(mistyped, "year").ShouldContain("wrong type");
    }

    [Fact]
    public async Task Route_body_must_be_json_and_not_too_large()
    {
        using var text = new StringContent("from=Xian", Encoding.UTF8, "text/plain");
        (await _client.PostAsync(new Uri("/api/route", UriKind.Relative), text, Ct)).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        var huge = "{\"from\": \"" + new string('x', 70_000) + "\", \"to\": \"Duisburg\"}";
        await Problem(await Post("/api/route", huge), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Compare_equals_the_services_document_for_one_and_both_levels()
    {
        var one = await Post("/api/compare", XianDuisburg);
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        var query = new RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = "2026-03-03" };
        (await one.Content.ReadAsStringAsync(Ct)).ShouldBe(ContractJson.Serialize(new RouteService(factory.Workspace).Compare(new CompareRequest(query), Ct).Value.Document));

        using var both = await Json(await Post("/api/compare", """{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03", "serviceLevel": "both"}"""));
        both.RootElement.GetProperty("serviceLevels").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Compare_refuses_alternatives_and_a_bad_service_level()
    {
        var problem = await Problem(await Post("/api/compare", """{"from": "Xian", "to": "Duisburg", "alternatives": 2, "avoidCountries": ["XX"]}"""), HttpStatusCode.BadRequest);
        Errors(problem, "alternatives").ShouldContain("/api/route");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(n => n.StartsWith("avoidCountries", StringComparison.Ordinal));
        var level = await Problem(await Post("/api/compare", """{"from": "Xian", "to": "Duisburg", "serviceLevel": "express"}"""), HttpStatusCode.BadRequest);
        Errors(level, "serviceLevel").ShouldContain("Unknown service level");
    }

    [Fact]
    public async Task Reliability_equals_the_services_document()
    {
        var response = await Post("/api/reliability", """{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03", "samples": 2000, "seed": 7}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var query = new RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = "2026-03-03" };
        var expected = new ReliabilityService(factory.Workspace).Run(new ReliabilityRequest(query) { Samples = 2000, Seed = 7 }, cancellationToken: Ct).Value.Document;
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(ContractJson.Serialize(expected));
    }

    [Fact]
    public async Task Reliability_too_many_samples_is_refused_before_any_work()
    {
        var problem = await Problem(await Post("/api/reliability", """{"from": "Xian", "to": "Duisburg", "samples": 5000000, "bins": 0}"""), HttpStatusCode.BadRequest);
        Errors(problem, "samples").ShouldContain("at most");
        Errors(problem, "bins").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Route_percentile_samples_are_bounded_and_need_a_percentile()
    {
        var over = await Problem(await Post("/api/route", """{"from": "Xian", "to": "Dusiburg", "percentile": 90, "samples": 5000000}"""), HttpStatusCode.BadRequest);
        Errors(over, "samples").ShouldContain("at most");
        Errors(over, "to").ShouldContain("Did you mean");
        var alone = await Problem(await Post("/api/route", """{"from": "Xian", "to": "Duisburg", "samples": 100}"""), HttpStatusCode.BadRequest);
        Errors(alone, "samples").ShouldContain("percentile");
    }

    [Fact]
    public async Task Sea_equals_the_services_document_and_names_an_unknown_port()
    {
        var response = await Post("/api/sea", """{"from": "Shanghai", "to": "Rotterdam", "geometry": false}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var expected = new SeaService(factory.Workspace).Route(new SeaRequest("Shanghai", "Rotterdam", new SeaRouteOptions { Geometry = false })).Value;
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(ContractJson.Serialize(expected));

        var problem = await Problem(await Post("/api/sea", """{"from": "Atlantis", "to": "Rotterdam", "knots": 0}"""), HttpStatusCode.BadRequest);
        Errors(problem, "from").ShouldContain("Did you mean");
        Errors(problem, "knots").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Runs_unknown_id_is_404_and_a_bad_limit_400()
    {
        await Problem(await _client.GetAsync(new Uri("/api/runs/987654321", UriKind.Relative), Ct), HttpStatusCode.NotFound);
        var problem = await Problem(await _client.GetAsync(new Uri("/api/runs?limit=0", UriKind.Relative), Ct), HttpStatusCode.BadRequest);
        Errors(problem, "limit").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Unknown_path_is_a_problem_and_every_response_has_security_headers()
    {
        var response = await _client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative), Ct);
        await Problem(response, HttpStatusCode.NotFound);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
        response.Headers.Contains("Server").ShouldBeFalse();
    }

    [Fact]
    public async Task OpenApi_document_and_reference_page_are_served()
    {
        using var openApi = await Json(await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        openApi.RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.1");
        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/route");
        paths.ShouldContain("/api/runs/{id}");
        var route = openApi.RootElement.GetProperty("paths").GetProperty("/api/route").GetProperty("post");
        route.GetProperty("description").GetString()!.ShouldContain("alternatives");
        route.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        var page = await _client.GetAsync(new Uri("/scalar/v1", UriKind.Relative), Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", null)]
    [InlineData("http://localhost:5080", null)]
    [InlineData("http://[::1]:5080", null)]
    [InlineData("http://0.0.0.0:5080", "http://0.0.0.0:5080")]
    [InlineData("http://127.0.0.1:5080;http://*:5081", "http://*:5081")]
    public void Only_loopback_addresses_are_allowed_by_default(string urls, string? remote) => ApiHost.RemoteUrl(urls).ShouldBe(remote);

    private async Task<HttpResponseMessage> Post(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return await _client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
    }

    private static async Task<JsonDocument> Json(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Checks an RFC 9457 problem response with no exception text and returns its body.</summary>
    internal static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        text.ShouldNotContain("   at ");
        text.ShouldNotContain("Exception");
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
        json.RootElement.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        return json.RootElement.Clone();
    }

    private static string Errors(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}

/// <summary>Bad data files: a problem without a stack trace, never a crash.</summary>
public sealed class ApiDataErrorTests
{
    [Fact]
    public async Task Missing_data_directory_is_a_503_problem_without_stack_trace()
    {
        using var factory = new ApiFactory { DataDirectory = Path.Combine(Path.GetTempPath(), "corridors-tests", "no-such-data-" + Guid.NewGuid().ToString("N")) };
        using var client = factory.CreateClient();
        var problem = await ApiTests.Problem(await client.GetAsync(new Uri("/api/network", UriKind.Relative), TestContext.Current.CancellationToken), HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("title").GetString().ShouldBe("The data files have errors");
        problem.GetProperty("diagnostics").GetArrayLength().ShouldBeGreaterThan(0);
    }
}

/// <summary>A host whose run store is off answers results but has no runs to list.</summary>
public sealed class ApiNoStoreTests
{
    [Fact]
    public async Task Runs_without_a_store_are_a_503_problem_and_results_carry_no_run_id()
    {
        using var factory = new ApiFactory { StorePath = string.Empty };
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var problem = await ApiTests.Problem(await client.GetAsync(new Uri("/api/runs", UriKind.Relative), ct), HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("detail").GetString()!.ShouldContain("No run store");

        using var content = new StringContent("""{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03"}""", Encoding.UTF8, "application/json");
        var route = await client.PostAsync(new Uri("/api/route", UriKind.Relative), content, ct);
        route.StatusCode.ShouldBe(HttpStatusCode.OK);
        route.Headers.Contains("Corridors-Run-Id").ShouldBeFalse();
    }
}

/// <summary>Work beyond the request time limit is cancelled and answered with a problem.</summary>
public sealed class ApiTimeoutTests
{
    [Fact]
    public async Task Reliability_beyond_the_time_limit_is_a_504_problem()
    {
        // Synchronous and as large as a synchronous run may be (more would be queued as a job, answered 202), so the
        // simulation itself outlasts the 50 ms limit however warm the workspace is.
        using var factory = new ApiFactory { RequestTimeoutMilliseconds = 50 };
        using var client = factory.CreateClient();
        using var content = new StringContent("""{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03", "samples": 200000}""", Encoding.UTF8, "application/json");
        var problem = await ApiTests.Problem(await client.PostAsync(new Uri("/api/reliability?mode=sync", UriKind.Relative), content, TestContext.Current.CancellationToken), HttpStatusCode.GatewayTimeout);
        problem.GetProperty("status").GetInt32().ShouldBe(504);
    }
}

/// <summary>Beyond the concurrent and queued limits, API requests are refused with a 429 problem, never a 5xx.</summary>
public sealed class ApiLoadSheddingTests
{
    [Fact]
    public async Task Requests_beyond_the_limits_are_a_429_problem_with_retry_after_and_the_rest_are_answered()
    {
        using var factory = new ApiFactory { Settings = new Dictionary<string, string> { ["Corridors:MaxConcurrentRequests"] = "1", ["Corridors:MaxQueuedRequests"] = "0" } };
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        // Simulations of a few hundred milliseconds each, sent together: one computes, the others find it busy.
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            using var content = new StringContent($$"""{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03", "samples": 20000, "seed": {{i}}}""", Encoding.UTF8, "application/json");
            return await client.PostAsync(new Uri("/api/reliability", UriKind.Relative), content, ct);
        }));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.ShouldContain(HttpStatusCode.OK);
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.TooManyRequests);
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync(ct)).ShouldContain("The service is busy");

        // The page and the OpenAPI document are not limited.
        (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

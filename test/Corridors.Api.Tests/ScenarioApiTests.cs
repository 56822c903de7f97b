using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Corridors.Tests;

/// <summary>The <c>scenario</c> field of route, compare and reliability bodies and <c>?scenario=</c> on the network GeoJSON.</summary>
public sealed class ScenarioApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/route")]
    [InlineData("/api/compare")]
    public async Task Route_and_compare_under_a_preset_scenario_avoid_its_closures(string path)
    {
        using var content = new StringContent("""{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03", "scenario": "russia-closed"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var routes = json.RootElement.GetProperty("routes").EnumerateArray().ToList();
        routes.ShouldNotBeEmpty();
        routes.ShouldAllBe(r => r.GetProperty("countries").EnumerateArray().All(c => c.GetString() != "RU"));
    }

    [Fact]
    public async Task An_unknown_scenario_or_a_file_path_is_a_problem_of_the_scenario_field()
    {
        using var content = new StringContent("""{"from": "Xian", "to": "Duisburg", "scenario": "/etc/passwd.json"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        var body = await ApiTests.Problem(await _client.PostAsync(new Uri("/api/reliability", UriKind.Relative), content, Ct), HttpStatusCode.BadRequest);
        var geo = await ApiTests.Problem(await _client.GetAsync(new Uri("/api/network/geojson?scenario=rusia-closed", UriKind.Relative), Ct), HttpStatusCode.BadRequest);

        body.GetProperty("errors").GetProperty("scenario")[0].GetString()!.ShouldStartWith("Unknown scenario '/etc/passwd.json'");
        geo.GetProperty("errors").GetProperty("scenario")[0].GetString()!.ShouldContain("did you mean 'russia-closed'?");
    }

    [Fact]
    public async Task Network_geojson_under_a_scenario_drops_the_closed_legs()
    {
        var baseline = await _client.GetStringAsync(new Uri("/api/network/geojson?year=2026", UriKind.Relative), Ct);
        var closed = await _client.GetStringAsync(new Uri("/api/network/geojson?year=2026&scenario=russia-closed", UriKind.Relative), Ct);

        baseline.ShouldContain("\"RU-");
        closed.ShouldNotContain("\"RU-");
        closed.Length.ShouldBeLessThan(baseline.Length);
    }
}

using System.Net;
using Corridors.Api;

namespace Corridors.Tests;

/// <summary>The web map's files: served from a fixed table with the page's security policy; nothing else is.</summary>
public sealed class WebPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Root_is_the_page_with_a_policy_that_allows_only_this_host()
    {
        var response = await _client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        if (WebPage.Load(WebPage.DefaultDirectory()).Missing is { } missing)
        {
            // Without `npm ci` the page says what to run instead of failing later in the browser.
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("npm ci");
            missing.ShouldContain("npm ci");
            return;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("connect-src 'self'");
        policy.ShouldContain("script-src 'self';");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("/main.js");

        var library = await _client.GetAsync(new Uri("/vendor/maplibre-gl.mjs", UriKind.Relative), Ct);
        library.StatusCode.ShouldBe(HttpStatusCode.OK);
        library.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
    }

    [Theory]
    [InlineData("/../data/nodes.csv")]
    [InlineData("/vendor/../../data/nodes.csv")]
    [InlineData("/node_modules/maplibre-gl/package.json")]
    [InlineData("/vendor/maplibre-gl.mjs.map")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    public async Task Paths_outside_the_table_are_not_found(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void A_folder_without_the_libraries_says_what_to_run()
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "src"));
        File.WriteAllText(Path.Combine(dir, "src", "index.html"), "<!doctype html>");

        var page = WebPage.Load(dir);

        page.Missing.ShouldNotBeNull().ShouldContain("npm ci");
        page.Serves("/index.html").ShouldBeTrue();
        WebPage.Load(Path.Combine(dir, "absent")).Missing.ShouldNotBeNull().ShouldContain("web/");
    }
}

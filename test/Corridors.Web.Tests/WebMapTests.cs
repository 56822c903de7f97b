using System.Globalization;
using Microsoft.Playwright;

namespace Corridors.Tests;

/// <summary>
/// The web map in Debian's Chromium against the real host on the bundled data: plan a route, play a scenario, open
/// the capacity and leverage views, and never ask any host but its own. Screenshots go to
/// artifacts/TestResults/screenshots.
/// </summary>
public sealed class WebMapTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 90_000;

    [Fact]
    public async Task PlanXianDuisburg_DrawsAlternativesAndFillsTheTables()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await page.FillAsync("#from", "Xian");
        await page.FillAsync("#to", "Duisburg");
        await page.ClickAsync("#plan");
        await page.Locator("#alternatives-table tbody tr").First.WaitForAsync(new() { Timeout = Timeout });

        (await page.Locator("#alternatives-table tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        (await DrawnRoutesAsync(page)).ShouldBeGreaterThanOrEqualTo(2, "at least two alternatives drawn on the map");
        (await page.Locator("#legs-table tbody tr").CountAsync()).ShouldBeGreaterThan(3);
        await page.Locator("#reliability svg").WaitForAsync(new() { Timeout = Timeout });
        (await page.Locator("#reliability-table tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        page.Url.ShouldContain("from=Xian");

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactDirectory, "route-xian-duisburg.png") });
        session.ForeignRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task RussiaClosed_RemovesTheNorthernRoute()
    {
        await using var session = await OpenAsync("#from=Xian&to=Duisburg");
        var page = session.Page;
        await page.Locator("#alternatives-table tbody tr").First.WaitForAsync(new() { Timeout = Timeout });
        (await CorridorsAsync(page)).ShouldContain(c => c.StartsWith("Northern", StringComparison.Ordinal));

        await page.CheckAsync("input[name=preset][value=russia-closed]");
        await page.WaitForFunctionAsync(
            "() => ![...document.querySelectorAll('#alternatives-table tbody tr td:first-child')].some(td => td.textContent.startsWith('Northern'))",
            null, new() { Timeout = Timeout });

        (await CorridorsAsync(page)).ShouldNotBeEmpty();
        ((await page.TextContentAsync("#alternatives")) ?? string.Empty).ShouldContain("change against the baseline");
        page.Url.ShouldContain("preset=russia-closed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactDirectory, "russia-closed.png") });
        session.ForeignRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task CaspianSlider_ChangesTheCrossingsNumbers()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await page.Locator("#caspian-table").WaitForAsync(new() { Timeout = Timeout });
        var before = await page.TextContentAsync("#caspian-table");

        // The keyboard moves the slider as a user would: End takes it to the highest level, Home to the lowest.
        await page.FocusAsync("#level");
        await page.Keyboard.PressAsync("Home");
        await page.WaitForFunctionAsync("t => document.querySelector('#caspian-table')?.textContent !== t", before, new() { Timeout = Timeout });
        await page.WaitForFunctionAsync("() => document.querySelector('#caspian-table')?.textContent.includes('-31.50')", null, new() { Timeout = Timeout });

        (await page.TextContentAsync("#caspian-table")).ShouldNotBe(before);
        page.Url.ShouldContain("level=-31.5");
        session.ForeignRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task LeverageView_ShadesTheCountriesThatHoldTheKeys()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await page.ClickAsync("#tab-leverage");
        await page.ClickAsync("#run-leverage");
        await page.Locator("#leverage-table tbody tr").First.WaitForAsync(new() { Timeout = Timeout });

        (await page.Locator("#leverage-table tbody tr").CountAsync()).ShouldBeGreaterThan(1);
        ((await page.TextContentAsync("#leverage-table")) ?? string.Empty).ShouldContain("KZ");
        page.Url.ShouldContain("view=leverage");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactDirectory, "leverage.png") });
        session.ForeignRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task CapacityView_ShowsBottlenecksAndTheRussiaBypass()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await page.ClickAsync("#tab-capacity");
        await page.ClickAsync("#run-capacity");
        await page.Locator("#bottlenecks-table tbody tr").First.WaitForAsync(new() { Timeout = Timeout });

        var bypass = (await page.TextContentAsync("#bypass-teu"))!;
        double.Parse(bypass.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await page.Locator("#bottlenecks-table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        session.ForeignRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task KeyboardAndTabletWidth_PlanARouteWithoutAMouse()
    {
        await using var session = await OpenAsync(width: 820, height: 1180);
        var page = session.Page;
        await page.FocusAsync("#from");
        await page.Keyboard.TypeAsync("Almaty");
        await page.FocusAsync("#to");
        await page.Keyboard.TypeAsync("Istanbul");
        await page.FocusAsync("#plan");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#alternatives-table tbody tr").First.WaitForAsync(new() { Timeout = Timeout });

        // Arrow keys move between the views.
        await page.FocusAsync("#tab-route");
        await page.Keyboard.PressAsync("ArrowRight");
        (await page.GetAttributeAsync("#tab-capacity", "aria-selected")).ShouldBe("true");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).ShouldBeTrue("no horizontal scrolling at tablet width");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactDirectory, "tablet.png") });
        session.ForeignRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task BadPlace_NamesTheFieldAtFault()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await page.FillAsync("#from", "Atlantis");
        await page.FillAsync("#to", "Duisburg");
        await page.ClickAsync("#plan");
        await page.Locator("#route-errors li").First.WaitForAsync(new() { Timeout = Timeout });

        ((await page.TextContentAsync("#route-errors")) ?? string.Empty).ShouldContain("from");
        session.ForeignRequests.ShouldBeEmpty();
    }

    private static async Task<int> DrawnRoutesAsync(IPage page) => await page.EvaluateAsync<int>("() => Number(document.body.dataset.routesDrawn ?? 0)");

    private static async Task<IReadOnlyList<string>> CorridorsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#alternatives-table tbody tr td:first-child')].map(td => td.textContent.trim())");

    private async Task<Session> OpenAsync(string hash = "", int width = 1400, int height = 900)
    {
        if (browser.Unavailable is { } why)
        {
            Assert.Skip(why);
        }

        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var session = new Session(context, await context.NewPageAsync());
        var own = browser.BaseAddress.GetLeftPart(UriPartial.Authority);
        session.Page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(own, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                session.ForeignRequests.Add(request.Url);
            }
        };
        session.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.ConsoleErrors.Add(message.Text);
            }
        };
        await session.Page.GotoAsync(new Uri(browser.BaseAddress, "/" + hash).ToString());
        await session.Page.WaitForSelectorAsync("body[data-ready=true]", new() { Timeout = Timeout });
        return session;
    }

    private sealed class Session(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        public List<string> ForeignRequests { get; } = [];

        public List<string> ConsoleErrors { get; } = [];

        public async ValueTask DisposeAsync() => await context.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Corridors.Tests;

/// <summary>
/// The API host on a real loopback socket (Kestrel on a free port) and Debian's Chromium driven by Playwright: no
/// browser download, <c>CORRIDORS_CHROMIUM</c> or <c>/usr/bin/chromium</c>. Without Chromium the tests fail under CI
/// (<c>CI=true</c> or <c>CORRIDORS_REQUIRE_BROWSER=1</c>, which .ci/run sets after installing it) and are skipped with
/// the reason elsewhere.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ApiFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Where screenshots go: a test artifact beside the test results.</summary>
    public static string ArtifactDirectory => Path.Combine(RepoPaths.Root, "artifacts", "TestResults", "screenshots");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CORRIDORS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run does).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                || Environment.GetEnvironmentVariable("CORRIDORS_REQUIRE_BROWSER") == "1")
            {
                throw new InvalidOperationException(Unavailable);
            }

            return;
        }

        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseAddress = Factory.ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ArtifactDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

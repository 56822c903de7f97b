using Corridors.Api;
using Corridors.Application.Workspace;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Corridors.Tests;

/// <summary>
/// The API host in-process on the bundled data, with a run store of its own in the temp folder (never the default
/// <c>.corridors/corridors.db</c>) and the tests' cache folder, as <c>CliRunner</c> does for the CLI.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; init; } = RepoPaths.Data;

    /// <summary>Request timeout in milliseconds; null keeps the host's default.</summary>
    public int? RequestTimeoutMilliseconds { get; init; }

    /// <summary>The run store; empty turns storing off.</summary>
    public string StorePath { get; init; } = Path.Combine(Path.GetTempPath(), "corridors-tests", "api-store-" + Guid.NewGuid().ToString("N") + ".db");

    /// <summary>With a PostgreSQL connection string: <c>Storage:Provider=postgresql</c> and <c>ConnectionStrings:Corridors</c> (instead of <see cref="StorePath"/>).</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>More configuration (e.g. <c>Corridors:Jobs:Capacity</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The workspace the host serves (the same object every request uses).</summary>
    public CorridorsWorkspace Workspace => Services.GetRequiredService<CorridorsWorkspace>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Corridors:DataDirectory", DataDirectory);
        if (PostgresConnectionString is { } postgres)
        {
            builder.UseSetting("Storage:Provider", "postgresql");
            builder.UseSetting("ConnectionStrings:Corridors", postgres);
        }
        else if (StorePath.Length > 0)
        {
            builder.UseSetting("Corridors:StorePath", StorePath);
        }

        builder.UseSetting("Corridors:CacheDirectory", Path.Combine(Path.GetTempPath(), "corridors-tests", "cache"));
        if (RequestTimeoutMilliseconds is { } timeout)
        {
            builder.UseSetting("Corridors:RequestTimeoutMilliseconds", timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
    }
}

using Corridors.Application.Workspace;

namespace Corridors.Api;

/// <summary>What the API host is built from besides its configuration.</summary>
public sealed record ApiHostOptions
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The workspace to serve; null builds one from configuration (<c>Corridors:DataDirectory</c> and so on).</summary>
    /// <value>null.</value>
    public CorridorsWorkspace? Workspace { get; init; }

    /// <summary>Addresses to listen on (<c>;</c>-separated); null takes <c>urls</c> from configuration, else <see cref="DefaultUrls"/>.</summary>
    /// <value>null.</value>
    public string? Urls { get; init; }

    /// <summary>Allow listening on addresses other than loopback.</summary>
    /// <value>false (or <c>Corridors:AllowRemote</c>).</value>
    public bool AllowRemote { get; init; }

    /// <summary>Largest request body in bytes.</summary>
    /// <value>64 KiB.</value>
    public int MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Most simulated trips per route one request may ask for (the services allow more for the CLI).</summary>
    /// <value>1 000 000.</value>
    public int MaxSamples { get; init; } = 1_000_000;

    /// <summary>
    /// Route documents kept for identical normalised requests (<see cref="RouteAnswers"/>); 0 turns the cache off.
    /// Each is about 20 KB, so the default holds about 20 MB at most.
    /// </summary>
    /// <value>1024 (or <c>Corridors:RouteCacheEntries</c>).</value>
    public int RouteCacheEntries { get; init; } = 1024;

    /// <summary>Longest time one request may compute before it is cancelled (504).</summary>
    /// <value>30 s (or <c>Corridors:RequestTimeoutMilliseconds</c>).</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// API requests computed at once; more wait in a queue of <see cref="MaxQueuedRequests"/>, and beyond that are
    /// answered 429 at once, so an overload sheds requests instead of timing them out (504) or exhausting memory.
    /// </summary>
    /// <value>64 (or <c>Corridors:MaxConcurrentRequests</c>).</value>
    public int MaxConcurrentRequests { get; init; } = 64;

    /// <summary>API requests waiting for one of the <see cref="MaxConcurrentRequests"/>; 0 refuses every one beyond them.</summary>
    /// <value>512 (or <c>Corridors:MaxQueuedRequests</c>): at 4,000 requests/s, about 0.13 s of waiting.</value>
    public int MaxQueuedRequests { get; init; } = 512;

    /// <summary>The web map's folder (web/, with src/ and node_modules/); null takes <c>Corridors:WebDirectory</c>, else the
    /// first web/ folder found walking up from the current and the program's directory.</summary>
    /// <value>null.</value>
    public string? WebDirectory { get; init; }
    /// <summary>The job queue's limits (configuration <c>Corridors:Jobs:*</c> overrides them).</summary>
    /// <value>8 jobs, 1 worker, 10 minutes each.</value>
    public Jobs.JobQueueOptions Jobs { get; init; } = new();

    /// <summary>Where the host says it cannot start (non-loopback addresses without <see cref="AllowRemote"/>).</summary>
    /// <value>Standard error.</value>
    public TextWriter? Errors { get; init; }
}

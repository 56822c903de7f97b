using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corridors.Application.Workspace;

/// <summary>
/// What a <see cref="CorridorsWorkspace"/> is built from. Front ends fill it (the CLI from its flags and environment,
/// the web host from configuration); nothing below them reads the environment.
/// </summary>
public sealed record WorkspaceOptions
{
    /// <summary>Directory with the network CSV files (and <c>sea/</c>, <c>reliability.csv</c>).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Directory for derived caches (routed sea-leg distances); null disables caching.</summary>
    /// <value>null.</value>
    public string? CacheDirectory { get; init; }

    /// <summary>SQLite file of the run store; null stores nothing.</summary>
    /// <value>null.</value>
    public string? StorePath { get; init; }

    /// <summary>The clock: default departure dates and stored-run timestamps.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the workspace logs (data warnings, store failures).</summary>
    /// <value><see cref="NullLoggerFactory.Instance"/>.</value>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}

using Corridors.Application.Requests;
using Corridors.Data.Store;
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

    /// <summary>
    /// True: groupage networks carry the Caspian crossing's simulated waits (data/caspian/, see
    /// <see cref="CorridorsWorkspace.CrossingWaitsFor"/>); false: every crossing waits for its services' headway only.
    /// </summary>
    /// <value>true.</value>
    public bool SimulateCrossings { get; init; } = true;

    /// <summary>The run store (a SQLite file, or a PostgreSQL connection string); null stores nothing.</summary>
    /// <value>null.</value>
    public RunStoreOptions? Store { get; init; }

    /// <summary>The clock: default departure dates and stored-run timestamps.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the workspace logs (data warnings, store failures).</summary>
    /// <value><see cref="NullLoggerFactory.Instance"/>.</value>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>
    /// Scenarios (presets, files, scenarios given inline in requests, sweep cases) whose applied definitions are kept
    /// in memory at once, with four times as many networks (scenario, year, service level) and Caspian waits; the least
    /// recently used beyond that are dropped and rebuilt when asked for again. Requests choose scenarios by content, so
    /// this is what bounds the memory they can make the workspace hold.
    /// </summary>
    /// <value><see cref="DefaultMaxCachedScenarios"/>.</value>
    public int MaxCachedScenarios { get; init; } = DefaultMaxCachedScenarios;

    /// <summary>The default of <see cref="MaxCachedScenarios"/>.</summary>
    public const int DefaultMaxCachedScenarios = 32;

    /// <summary>
    /// Every problem of the paths as (field, message), checked before a workspace is built so that a front end reports
    /// them as usage errors: an empty data directory or store path, or one that is not a valid path. Whether the
    /// directory exists is the loader's to say (with a located diagnostic).
    /// </summary>
    public IReadOnlyList<RequestProblem> Problems()
    {
        var problems = new List<RequestProblem>();
        Check(DataDirectory, "dataDirectory", "The data directory", problems);
        if (Store is { Provider: RunStoreProvider.Sqlite } sqlite)
        {
            Check(sqlite.ConnectionString, "storePath", "The run store path", problems);
        }
        else if (Store is { Provider: RunStoreProvider.PostgreSql } postgres && string.IsNullOrWhiteSpace(postgres.ConnectionString))
        {
            problems.Add(new("storePath", "The PostgreSQL run store needs a connection string (Host=...;Database=...;Username=...)."));
        }

        if (CacheDirectory is not null)
        {
            Check(CacheDirectory, "cacheDirectory", "The cache directory", problems);
        }

        return problems;
    }

    /// <summary>Adds a problem when <paramref name="path"/> is empty or not a valid path; true when it is usable.</summary>
    internal static bool Check(string? path, string field, string what, List<RequestProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add(new(field, $"{what} is empty."));
            return false;
        }

        try
        {
            if (path.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("NUL in path");
            }

            _ = Path.GetFullPath(path);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            problems.Add(new(field, $"{what} '{RequestText.Quote(path)}' is not a valid path."));
            return false;
        }
    }
}

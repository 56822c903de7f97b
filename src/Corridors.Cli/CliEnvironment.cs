namespace Corridors.Cli;

/// <summary>
/// What the CLI takes from its surroundings: the process environment in <see cref="Program"/>, explicit values in
/// tests. The only place below <c>Main</c> where environment variables are read.
/// </summary>
/// <param name="DataDirectory">Data directory when <c>--data</c> is not given (<c>CORRIDORS_DATA</c>); null finds the bundled <c>data/</c>.</param>
/// <param name="StorePath">Run store when <c>--store</c> is not given: <c>CORRIDORS_STORE</c>, else <c>corridors/corridors.db</c> in the XDG user data folder (<c>$XDG_DATA_HOME</c>, else <c>~/.local/share</c>); null (no home folder) means <c>.corridors/corridors.db</c> under the working directory.</param>
/// <param name="CacheDirectory">Cache directory (<c>CORRIDORS_CACHE</c>, <c>off</c> disables; else the XDG cache folder); null disables caching.</param>
/// <param name="Columns">Terminal width for redirected output (<c>COLUMNS</c>).</param>
/// <param name="Clock">The clock (default departure date, stored-run times).</param>
internal sealed record CliEnvironment(string? DataDirectory, string? StorePath, string? CacheDirectory, int? Columns, TimeProvider Clock)
{
    /// <summary>Run store provider when <c>--store-provider</c> is not given (<c>CORRIDORS_STORE_PROVIDER</c>: sqlite or postgresql).</summary>
    public string? StoreProvider { get; init; }

    /// <summary>
    /// Supplies the workspace for an invocation's options, or null to build a new one (the default, and what
    /// <see cref="FromProcess"/> gives). In-process callers that run thousands of invocations on the same data (the
    /// fuzz tests) share workspaces this way, as the coming HTTP host shares one between requests.
    /// </summary>
    public Func<Application.Workspace.WorkspaceOptions, Application.Workspace.CorridorsWorkspace?>? Workspaces { get; init; }

    /// <summary>Reads the process environment.</summary>
    public static CliEnvironment FromProcess()
    {
        static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v : null;
        string? cache;
        if (Get("CORRIDORS_CACHE") is { } explicitCache)
        {
            cache = string.Equals(explicitCache, "off", StringComparison.OrdinalIgnoreCase) ? null : explicitCache;
        }
        else if (Get("XDG_CACHE_HOME") is { } xdg)
        {
            cache = Path.Combine(xdg, "corridors");
        }
        else
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            cache = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "corridors");
        }

        // The store lives with the user's data, not in whatever folder the command runs from (XDG Base Directory spec).
        var dataHome = Get("XDG_DATA_HOME") ?? (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } userHome ? Path.Combine(userHome, ".local", "share") : null);
        var store = Get("CORRIDORS_STORE") ?? (dataHome is null ? null : Path.Combine(dataHome, "corridors", "corridors.db"));
        return new CliEnvironment(
            Get("CORRIDORS_DATA"),
            store,
            cache,
            int.TryParse(Get("COLUMNS"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns > 40 ? columns : null,
            TimeProvider.System)
        {
            StoreProvider = Get("CORRIDORS_STORE_PROVIDER"),
        };
    }
}

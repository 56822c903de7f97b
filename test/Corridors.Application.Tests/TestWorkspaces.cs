using Corridors.Application.Workspace;

namespace Corridors.Tests;

/// <summary>Workspaces over the bundled data, sharing one sea-leg cache folder in the temp directory.</summary>
internal static class TestWorkspaces
{
    public static string Cache => Path.Combine(Path.GetTempPath(), "corridors-tests", "cache");

    public static CorridorsWorkspace Bundled(TimeProvider? clock = null, string? store = null) => new(new WorkspaceOptions
    {
        DataDirectory = RepoPaths.Data,
        CacheDirectory = Cache,
        Store = store is null ? null : Corridors.Data.Store.RunStoreOptions.Sqlite(store),
        TimeProvider = clock ?? TimeProvider.System,
    });
}

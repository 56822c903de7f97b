using Corridors.Application.Contracts;
using Corridors.Application.Workspace;
using Corridors.Data.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Corridors.Application.Runs;

/// <summary>A document serialised once, and the id of its stored run (null when storing is off or failed).</summary>
/// <param name="Json">The document exactly as stored; print this.</param>
/// <param name="RunId">The stored run's id.</param>
public sealed record RecordedRun(string Json, long? RunId);

/// <summary>What a stored run records besides its document.</summary>
/// <param name="Command">The command or endpoint (route, compare, reliability, ...).</param>
/// <param name="Arguments">The request as the user gave it (CLI arguments, or the request JSON).</param>
/// <param name="Year">Network year.</param>
/// <param name="Seed">Random seed of a stochastic run.</param>
public sealed record RunInfo(string Command, string Arguments, int? Year, long? Seed);

/// <summary>
/// Stores results in the run store: the document is serialised once with <see cref="ContractJson.Options"/>, stored
/// with its seed, year and fingerprint (the data's, plus the scenario's under a scenario: <see cref="CorridorsWorkspace.RunFingerprint"/>), and the same text is returned for printing, so <c>runs show</c> gives
/// back byte for byte what was printed. A failure to store is logged as a warning and never fails the request.
/// </summary>
public sealed class RunRecorder
{
    private readonly CorridorsWorkspace _workspace;
    private readonly ILogger _log;

    internal RunRecorder(CorridorsWorkspace workspace)
    {
        _workspace = workspace;
        _log = workspace.Options.LoggerFactory.CreateLogger("Corridors.Store");
    }

    /// <summary>The store file, or null when nothing is stored.</summary>
    public string? StorePath => _workspace.Options.StorePath;

    /// <summary>Serialises <paramref name="document"/> and stores it (when a store is configured).</summary>
    public RecordedRun Record<T>(RunInfo info, T document)
    {
        ArgumentNullException.ThrowIfNull(info);
        var json = ContractJson.Serialize(document);
        if (StorePath is null)
        {
            return new RecordedRun(json, null);
        }

        try
        {
            using var store = ResultStore.Open(StorePath, _workspace.Clock);
            var run = store.Save(info.Command, info.Arguments, _workspace.RunFingerprint, info.Year, info.Seed, json);
            Log.RunStored(_log, run.Id, StorePath);
            return new RecordedRun(json, run.Id);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            Log.RunNotStored(_log, StorePath, ex.Message);
            return new RecordedRun(json, null);
        }
    }

    /// <summary>Opens the store for reading runs.</summary>
    /// <exception cref="InvalidOperationException">No store is configured.</exception>
    public ResultStore Open() => ResultStore.Open(StorePath ?? throw new InvalidOperationException("No run store is configured."), _workspace.Clock);
}

using System.Text.Json;
using Corridors.Data.Store;

namespace Corridors.Application.Contracts;

/// <summary>The <c>runs list</c> document.</summary>
/// <param name="Store">The store: the SQLite file, or <c>postgresql://host:port/database</c>.</param>
/// <param name="Runs">Runs, newest first.</param>
public sealed record RunListDocument(string Store, IReadOnlyList<RunSummaryContract> Runs);

/// <summary>A stored run without its result.</summary>
/// <param name="Id">Run id.</param>
/// <param name="CreatedUtc">When it was stored.</param>
/// <param name="Command">Command or endpoint.</param>
/// <param name="Arguments">Its parameters as given (the command line, or the request JSON).</param>
/// <param name="DataFingerprint">SHA-256 of the data files.</param>
/// <param name="Year">Network year.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Status">succeeded or failed.</param>
/// <param name="Scenario">Scenario name, when there was one.</param>
/// <param name="ScenarioFingerprint">SHA-256 of the scenario definition.</param>
/// <param name="DurationMs">How long the run computed, in milliseconds.</param>
/// <param name="ResultSha256">SHA-256 of the stored result.</param>
public sealed record RunSummaryContract(
    long Id,
    DateTimeOffset CreatedUtc,
    string Command,
    string Arguments,
    string DataFingerprint,
    int? Year,
    long? Seed,
    string Status,
    string? Scenario,
    string? ScenarioFingerprint,
    double? DurationMs,
    string? ResultSha256)
{
    /// <summary>The summary of a stored run.</summary>
    public static RunSummaryContract Of(StoredRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var r = run.Record;
        return new(run.Id, run.CreatedUtc, r.Command, r.Arguments, r.DataFingerprint, r.Year, r.Seed, r.Status == RunStatus.Failed ? "failed" : "succeeded", r.Scenario, r.ScenarioFingerprint, r.Duration?.TotalMilliseconds, run.ResultSha256);
    }
}

/// <summary>One stored run (<c>GET /api/runs/{id}</c>, an entry of <c>runs export</c>).</summary>
/// <param name="Run">What was run, when, on which data.</param>
/// <param name="Result">The document exactly as it was returned.</param>
public sealed record StoredRunDocument(RunSummaryContract Run, JsonElement Result)
{
    /// <summary>The document of a stored run (its result parsed back into JSON).</summary>
    public static StoredRunDocument Of(StoredRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var result = JsonDocument.Parse(run.Record.ResultJson);
        return new(RunSummaryContract.Of(run), result.RootElement.Clone());
    }
}

/// <summary>The <c>runs export</c> document: stored runs with their results, to archive or share.</summary>
/// <param name="Store">The store they came from.</param>
/// <param name="Runs">The runs, in the order asked for (newest first without ids).</param>
public sealed record RunExportDocument(string Store, IReadOnlyList<StoredRunDocument> Runs);

namespace Corridors.Application.Requests;

/// <summary>Stored runs, newest first.</summary>
/// <param name="Limit">How many runs (1–<see cref="MaxLimit"/>).</param>
/// <param name="Command">Only runs of this command (route, compare, reliability, ...); null lists all.</param>
public sealed record RunListRequest(int Limit = RunListRequest.DefaultLimit, string? Command = null)
{
    /// <summary>Runs listed when a request names no limit.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The most runs one request lists.</summary>
    public const int MaxLimit = 10_000;
}

/// <summary>One stored run by id.</summary>
/// <param name="Id">The run id (see <see cref="RunListRequest"/>).</param>
public sealed record RunShowRequest(long Id);

/// <summary>Stored runs with their results: the given ids, else the newest <see cref="RunListRequest"/> selection.</summary>
/// <param name="Ids">Run ids; empty exports the selection of <paramref name="List"/>.</param>
/// <param name="List">Limit and command filter when no ids are given.</param>
public sealed record RunExportRequest(IReadOnlyList<long> Ids, RunListRequest List);

/// <summary>Deletes one stored run.</summary>
/// <param name="Id">The run id.</param>
public sealed record RunDeleteRequest(long Id);

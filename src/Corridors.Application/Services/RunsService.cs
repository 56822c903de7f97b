using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Data.Store;

namespace Corridors.Application.Services;

/// <summary>
/// <c>runs list</c> and <c>runs show</c>: results kept in the run store. A store that cannot be opened or read (a
/// directory, a link, garbage bytes, a truncated or read-only database) is a problem of the <c>store</c> field that
/// names the path, never an exception.
/// </summary>
/// <param name="workspace">The workspace (its <see cref="WorkspaceOptions.StorePath"/> is the store).</param>
public sealed class RunsService(CorridorsWorkspace workspace)
{
    /// <summary>The most recent runs, optionally of one command.</summary>
    public Outcome<RunListDocument> List(RunListRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        if (request.Limit is < 1 or > RunListRequest.MaxLimit)
        {
            problems.Add(new("limit", string.Create(CultureInfo.InvariantCulture, $"The number of runs to list must be between 1 and {RunListRequest.MaxLimit}.")));
        }

        if (request.Command is { Length: > RequestText.MaxLength })
        {
            problems.Add(new("command", RequestText.TooLong("A command name")));
        }

        if (problems.Count > 0)
        {
            return Outcome<RunListDocument>.Invalid(problems);
        }

        return WithStore(store =>
        {
            var runs = store.List(request.Limit, request.Command);
            return new RunListDocument(store.Path, [.. runs.Select(r => new RunSummaryContract(r.Id, r.CreatedUtc, r.Command, r.Arguments, r.DataFingerprint, r.Year, r.Seed))]);
        });
    }

    /// <summary>One stored run, its document exactly as it was printed.</summary>
    public Outcome<StoredRun> Show(RunShowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        StoredRun? found = null;
        var outcome = WithStore(store => store.TryGet(request.Id, out found) ? store.Path : null);
        if (!outcome.IsValid)
        {
            return outcome.Cast<StoredRun>();
        }

        return found is null
            ? Outcome<StoredRun>.Invalid("id", string.Create(CultureInfo.InvariantCulture, $"There is no run {request.Id} in {workspace.Options.StorePath}."))
            : Outcome<StoredRun>.Ok(found);
    }

    private Outcome<T> WithStore<T>(Func<ResultStore, T> read)
    {
        if (workspace.Options.StorePath is not { } path)
        {
            return Outcome<T>.Invalid("store", "No run store is configured (storing runs is off), so there are no stored runs to read.");
        }

        try
        {
            using var store = ResultStore.Open(path, workspace.Clock);
            return Outcome<T>.Ok(read(store));
        }
        catch (ResultStoreException ex)
        {
            return Outcome<T>.Invalid("store", ex.Message);
        }
    }
}

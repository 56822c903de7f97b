using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Data.Store;

namespace Corridors.Application.Services;

/// <summary>
/// <c>runs list|show|export|delete</c>: results kept in the run store. A store that cannot be opened or read (a
/// directory, a link, garbage bytes, a truncated or read-only database, an unreachable server) is a problem of the
/// <c>store</c> field that names it, never an exception; a missing run is a problem of <c>id</c>.
/// </summary>
/// <param name="workspace">The workspace (its <see cref="WorkspaceOptions.Store"/> is the store).</param>
public sealed class RunsService(CorridorsWorkspace workspace)
{
    /// <summary>The most recent runs, optionally of one command.</summary>
    public Outcome<RunListDocument> List(RunListRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = Check(request);
        return problems.Count > 0
            ? Outcome<RunListDocument>.Invalid(problems)
            : WithStore(store => new RunListDocument(store.Location, [.. store.List(request.Limit, request.Command).Select(RunSummaryContract.Of)]));
    }

    /// <summary>One stored run, its document exactly as it was printed.</summary>
    public Outcome<StoredRun> Show(RunShowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = WithStore(store => store.TryGet(request.Id, out var found) ? found : null);
        if (!outcome.IsValid)
        {
            return outcome.Cast<StoredRun>();
        }

        return outcome.Value is { } run ? Outcome<StoredRun>.Ok(run) : Missing<StoredRun>(request.Id);
    }

    /// <summary>Stored runs with their results, by id or the newest (all problems at once: every missing id).</summary>
    public Outcome<RunExportDocument> Export(RunExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Ids.Count > 0 ? new List<RequestProblem>() : [.. Check(request.List)];
        if (request.Ids.Count > RunListRequest.MaxLimit)
        {
            problems.Add(new("ids", string.Create(CultureInfo.InvariantCulture, $"At most {RunListRequest.MaxLimit} runs can be exported at once.")));
        }

        if (problems.Count > 0)
        {
            return Outcome<RunExportDocument>.Invalid(problems);
        }

        var missing = new List<RequestProblem>();
        var outcome = WithStore(store =>
        {
            IReadOnlyList<StoredRun> runs;
            if (request.Ids.Count == 0)
            {
                runs = store.List(request.List.Limit, request.List.Command);
            }
            else
            {
                var found = new List<StoredRun>();
                foreach (var id in request.Ids)
                {
                    if (store.TryGet(id, out var run))
                    {
                        found.Add(run);
                    }
                    else
                    {
                        missing.Add(NoRun(id));
                    }
                }

                runs = found;
            }

            return new RunExportDocument(store.Location, [.. runs.Select(StoredRunDocument.Of)]);
        });
        return outcome.IsValid && missing.Count > 0 ? Outcome<RunExportDocument>.Invalid(missing) : outcome;
    }

    /// <summary>Deletes one run; a missing run is a problem of <c>id</c>.</summary>
    public Outcome<long> Delete(RunDeleteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = WithStore(store => store.Delete(request.Id));
        if (!outcome.IsValid)
        {
            return outcome.Cast<long>();
        }

        return outcome.Value ? Outcome<long>.Ok(request.Id) : Missing<long>(request.Id);
    }

    /// <summary>The problems of a listing (limit, command filter), found without opening the store.</summary>
    public static IReadOnlyList<RequestProblem> Check(RunListRequest request)
    {
        var problems = new List<RequestProblem>();
        if (request.Limit is < 1 or > RunListRequest.MaxLimit)
        {
            problems.Add(new("limit", string.Create(CultureInfo.InvariantCulture, $"The number of runs to list must be between 1 and {RunListRequest.MaxLimit}.")));
        }

        if (request.Command is { Length: > RequestText.MaxLength })
        {
            problems.Add(new("command", RequestText.TooLong("A command name")));
        }

        return problems;
    }

    private RequestProblem NoRun(long id) => new("id", string.Create(CultureInfo.InvariantCulture, $"There is no run {id} in {workspace.Runs.Location}."));

    private Outcome<T> Missing<T>(long id) => Outcome<T>.Invalid([NoRun(id)]);

    private Outcome<T> WithStore<T>(Func<IRunStore, T> read)
    {
        if (workspace.Options.Store is null)
        {
            return Outcome<T>.Invalid("store", "No run store is configured (storing runs is off), so there are no stored runs to read.");
        }

        try
        {
            return Outcome<T>.Ok(read(workspace.Runs.Open()));
        }
        catch (ResultStoreException ex)
        {
            return Outcome<T>.Invalid("store", ex.Message);
        }
    }
}

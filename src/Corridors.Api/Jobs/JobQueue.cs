using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Corridors.Application.Requests;

namespace Corridors.Api.Jobs;

/// <summary>Where a job is.</summary>
public enum JobStatus
{
    /// <summary>Waiting for a worker.</summary>
    Queued,

    /// <summary>A worker is computing it.</summary>
    Running,

    /// <summary>Finished with a result.</summary>
    Succeeded,

    /// <summary>Stopped by an error or its time limit.</summary>
    Failed,

    /// <summary>Cancelled by a client (or the host stopping).</summary>
    Cancelled,
}

/// <summary>What a job's work gets: its cancellation and a way to say how far it is.</summary>
/// <param name="CancellationToken">Cancelled when the job is cancelled, times out, or the host stops.</param>
/// <param name="Report">Sets the job's progress, 0–1.</param>
internal sealed record JobContext(CancellationToken CancellationToken, Action<double> Report);

/// <summary>What a job's work produced: the result document (and its stored run), or problems.</summary>
/// <param name="Json">The result document as returned.</param>
/// <param name="RunId">The stored run, when storing is on.</param>
/// <param name="Problems">Problems the request turned out to have (the work found them, not the checks before).</param>
internal sealed record JobOutcome(string? Json, long? RunId, IReadOnlyList<RequestProblem> Problems);

/// <summary>One job: identity, state and, when finished, its outcome. Thread-safe (state changes under a lock).</summary>
internal sealed class Job
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancel = new();

    public Job(string id, string kind, string arguments, Func<JobContext, JobOutcome> work, DateTimeOffset created)
    {
        Id = id;
        Kind = kind;
        Arguments = arguments;
        Work = work;
        CreatedUtc = created;
    }

    public string Id { get; }

    public string Kind { get; }

    /// <summary>The request as given (stored with a failed run).</summary>
    public string Arguments { get; }

    public Func<JobContext, JobOutcome> Work { get; }

    public DateTimeOffset CreatedUtc { get; }

    public DateTimeOffset? StartedUtc { get; private set; }

    public DateTimeOffset? FinishedUtc { get; private set; }

    public JobStatus Status { get; private set; }

    public double Progress { get; private set; }

    public JobOutcome? Outcome { get; private set; }

    /// <summary>Why it failed (a sentence), when it did.</summary>
    public string? Error { get; private set; }

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;

    public CancellationToken Token => _cancel.Token;

    public void Report(double progress)
    {
        lock (_gate)
        {
            Progress = Math.Clamp(progress, Progress, 1);
        }
    }

    /// <summary>Moves to Running; false when it was cancelled while queued.</summary>
    public bool Start(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Status != JobStatus.Queued)
            {
                return false;
            }

            Status = JobStatus.Running;
            StartedUtc = now;
            return true;
        }
    }

    public void Finish(JobStatus status, JobOutcome? outcome, string? error, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (IsFinished)
            {
                return;
            }

            Status = status;
            Outcome = outcome;
            Error = error;
            FinishedUtc = now;
            if (status == JobStatus.Succeeded)
            {
                Progress = 1;
            }
        }
    }

    /// <summary>True once a client (or the host stopping) asked the job to stop.</summary>
    public bool CancelRequested { get; private set; }

    /// <summary>Asks the job to stop; a queued job is cancelled at once. False when it had already finished.</summary>
    public bool Cancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (IsFinished || _disposed)
            {
                return false;
            }

            CancelRequested = true;
            if (Status == JobStatus.Queued)
            {
                Status = JobStatus.Cancelled;
                FinishedUtc = now;
            }

            // The work polls the token; no callbacks run here.
            _cancel.Cancel();
            return true;
        }
    }

    public void CancelAfter(TimeSpan limit)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _cancel.CancelAfter(limit);
            }
        }
    }

    public void DisposeToken()
    {
        lock (_gate)
        {
            _disposed = true;
            _cancel.Dispose();
        }
    }

    private bool _disposed;
}

/// <summary>How many jobs may wait and run, and for how long.</summary>
public sealed record JobQueueOptions
{
    /// <summary>Jobs queued or running at once; one more is refused with 429.</summary>
    /// <value>8 (or <c>Corridors:Jobs:Capacity</c>).</value>
    public int Capacity { get; init; } = 8;

    /// <summary>Jobs computed at the same time (each uses a core; requests need the rest).</summary>
    /// <value>1 (or <c>Corridors:Jobs:Workers</c>).</value>
    public int Workers { get; init; } = 1;

    /// <summary>Longest time a job may compute before it is stopped and marked failed.</summary>
    /// <value>10 minutes (or <c>Corridors:Jobs:TimeoutSeconds</c>).</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Finished jobs kept for their clients (the oldest are forgotten first; their runs stay in the store).</summary>
    /// <value>200.</value>
    public int Retained { get; init; } = 200;
}

/// <summary>
/// The bounded job queue: <see cref="JobQueueOptions.Capacity"/> jobs queued or running at most (the next is
/// refused, and the endpoint answers 429), computed by <see cref="JobQueueOptions.Workers"/> long-running workers
/// in arrival order. A job has an unguessable id, a status, a progress and can be cancelled; each is stopped after
/// <see cref="JobQueueOptions.Timeout"/>. Stopping the host cancels every job.
/// </summary>
internal sealed class JobQueue : IDisposable
{
    private readonly JobQueueOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<JobQueue> _log;
    private readonly Func<Job, string, long?>? _recordFailure;
    private readonly Channel<Job> _channel = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Job> _finished = new();
    private readonly Task[] _workers;
    private readonly Lock _gate = new();
    private int _pending;

    /// <param name="options">Limits.</param>
    /// <param name="log">Where failures are logged.</param>
    /// <param name="recordFailure">Stores a run that failed or was cancelled while running (the job and its error); returns the run id.</param>
    /// <param name="clock">The clock of the job times.</param>
    public JobQueue(JobQueueOptions options, ILogger<JobQueue> log, Func<Job, string, long?>? recordFailure = null, TimeProvider? clock = null)
    {
        _options = options;
        _log = log;
        _recordFailure = recordFailure;
        _clock = clock ?? TimeProvider.System;
        _workers = [.. Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())];
    }

    public JobQueueOptions Options => _options;

    /// <summary>Queues <paramref name="work"/>; false (and no job) when the queue is full.</summary>
    public bool TryEnqueue(string kind, string arguments, Func<JobContext, JobOutcome> work, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Job job)
    {
        lock (_gate)
        {
            if (_pending >= _options.Capacity)
            {
                job = null;
                return false;
            }

            _pending++;
        }

        job = new Job(Guid.NewGuid().ToString("N"), kind, arguments, work, _clock.GetUtcNow());
        _jobs[job.Id] = job;
        _channel.Writer.TryWrite(job);
        return true;
    }

    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Job job) => _jobs.TryGetValue(id, out job);

    /// <summary>Every known job, newest first.</summary>
    public IReadOnlyList<Job> List() => [.. _jobs.Values.OrderByDescending(j => j.CreatedUtc).ThenBy(j => j.Id, StringComparer.Ordinal)];

    /// <summary>Jobs queued or running.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public bool Cancel(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var cancelled = job.Cancel(_clock.GetUtcNow());
        if (cancelled && job.Status == JobStatus.Cancelled)
        {
            // Cancelled while queued: the worker will skip it, the slot is free now.
            Release(job);
        }

        return cancelled;
    }

    private async Task Work()
    {
        await foreach (var job in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (!job.Start(_clock.GetUtcNow()))
            {
                continue;
            }

            job.CancelAfter(_options.Timeout);
            try
            {
                var outcome = job.Work(new JobContext(job.Token, job.Report));
                job.Finish(JobStatus.Succeeded, outcome, null, _clock.GetUtcNow());
            }
            catch (OperationCanceledException) when (job.Token.IsCancellationRequested)
            {
                var byClient = job.CancelRequested;
                Fail(job, byClient ? JobStatus.Cancelled : JobStatus.Failed, byClient
                    ? "The job was cancelled."
                    : string.Create(CultureInfo.InvariantCulture, $"The job took longer than its limit of {_options.Timeout.TotalSeconds:0} s and was stopped."));
            }
#pragma warning disable CA1031 // A job's failure must never stop the worker; it is logged and reported on the job.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                JobLog.Failed(_log, job.Id, job.Kind, ex);
                Fail(job, JobStatus.Failed, "The job failed with an unexpected error; it was logged with the job id.");
            }

            Release(job);
        }
    }

    /// <summary>Ends a job that ran and did not succeed: its failure is stored as a run marked failed.</summary>
    private void Fail(Job job, JobStatus status, string error)
    {
        long? runId = null;
        try
        {
            runId = _recordFailure?.Invoke(job, error);
        }
#pragma warning disable CA1031 // Storing the failure is best effort; the job still ends.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            JobLog.Failed(_log, job.Id, job.Kind, ex);
        }

        job.Finish(status, new JobOutcome(null, runId, []), error, _clock.GetUtcNow());
    }

    private void Release(Job job)
    {
        lock (_gate)
        {
            _pending--;
        }

        job.DisposeToken();
        _finished.Enqueue(job);
        while (_finished.Count > _options.Retained && _finished.TryDequeue(out var old))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        foreach (var job in _jobs.Values)
        {
            job.Cancel(_clock.GetUtcNow());
        }

        Task.WaitAll(_workers, TimeSpan.FromSeconds(10));
    }
}

/// <summary>Log messages of the job queue.</summary>
internal static partial class JobLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) failed")]
    public static partial void Failed(ILogger logger, string jobId, string kind, Exception exception);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Network;
using Corridors.Scenarios;

namespace Corridors.Application.Services;

/// <summary>One swept parameter: a name of <see cref="SweepService.Parameters"/> and a range (both ends inclusive).</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="From">First value.</param>
/// <param name="To">Last value.</param>
/// <param name="Step">Step (its sign follows from <paramref name="From"/> to <paramref name="To"/>).</param>
public sealed record SweepParameter(string Name, double From, double To, double Step)
{
    /// <summary>The values from <see cref="From"/> to <see cref="To"/> by <see cref="Step"/>, rounded to 9 digits.</summary>
    public IReadOnlyList<double> Values()
    {
        var step = Math.Abs(Step) * (To >= From ? 1 : -1);
        var count = (int)Math.Floor((Math.Abs(To - From) / Math.Abs(Step)) + 1e-9) + 1;
        return [.. Enumerable.Range(0, count).Select(i => Math.Round(From + (i * step), 9))];
    }
}

/// <summary><c>scenario sweep</c>: one or two parameters over a range on top of a scenario, with chosen outputs.</summary>
public sealed record SweepRequest
{
    /// <summary>The scenario the parameters are set on (a preset, or a file when <see cref="AllowFiles"/>); null = the baseline.</summary>
    public string? Scenario { get; init; }

    /// <summary>True when the scenario may be a file.</summary>
    public bool AllowFiles { get; init; }

    /// <summary>One or two parameters.</summary>
    public required IReadOnlyList<SweepParameter> Parameters { get; init; }

    /// <summary>Outputs (names of <see cref="SweepService.Outputs"/>).</summary>
    public required IReadOnlyList<string> Outputs { get; init; }

    /// <summary>Network year; null = the scenario's base year, else <see cref="NetworkYears.Default"/>.</summary>
    public int? Year { get; init; }

    /// <summary>Seed of every stochastic output: the same in every case (common random numbers).</summary>
    public long Seed { get; init; } = PercentileRequest.DefaultSeed;

    /// <summary>Days simulated by the Caspian outputs.</summary>
    public int CaspianDays { get; init; } = 365;

    /// <summary>The OD pair of the route outputs.</summary>
    public OdPair Route { get; init; } = new("Xian", "Duisburg");

    /// <summary>Demand file of the assignment outputs.</summary>
    public string? DemandFile { get; init; }

    /// <summary>Regions of the max-flow output.</summary>
    public string FromRegion { get; init; } = "CN";

    /// <summary>Destination region of the max-flow output.</summary>
    public string ToRegion { get; init; } = "EU";

    /// <summary>Cases run at once; null = the processor count.</summary>
    public int? Threads { get; init; }
}

/// <summary>
/// One case of a sweep as a self-contained job of plain values: with the same data (<see cref="DataFingerprint"/>),
/// <see cref="SweepService.Run(SweepJob, CancellationToken)"/> gives the same outputs on any machine, so cases can be spread over many.
/// </summary>
/// <param name="Index">Case number.</param>
/// <param name="Scenario">The base scenario (preset name or file path), null = the baseline.</param>
/// <param name="AllowFiles">Whether <paramref name="Scenario"/> may be a file.</param>
/// <param name="Parameters">Parameter values by name.</param>
/// <param name="Outputs">Outputs to compute.</param>
/// <param name="Year">Network year.</param>
/// <param name="Seed">Seed.</param>
/// <param name="CaspianDays">Days simulated.</param>
/// <param name="Route">OD pair of the route outputs.</param>
/// <param name="DemandFile">Demand file of the assignment outputs.</param>
/// <param name="FromRegion">Origin region of max flow.</param>
/// <param name="ToRegion">Destination region of max flow.</param>
/// <param name="DataFingerprint">The data the job was made for.</param>
public sealed record SweepJob(
    int Index, string? Scenario, bool AllowFiles, IReadOnlyDictionary<string, double> Parameters, IReadOnlyList<string> Outputs, int Year, long Seed,
    int CaspianDays, OdPair Route, string? DemandFile, string FromRegion, string ToRegion, string DataFingerprint);

/// <summary>Runs sweeps: builds one <see cref="SweepJob"/> per case and runs them in parallel.</summary>
/// <param name="workspace">The workspace.</param>
public sealed class SweepService(CorridorsWorkspace workspace)
{
    /// <summary>The most cases one sweep may have.</summary>
    public const int MaxCases = 2_000;

    /// <summary>Parameters and what they set.</summary>
    public static readonly IReadOnlyDictionary<string, string> Parameters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sea-level"] = "Caspian level, m (Baltic system), every year",
        ["sea-level-offset"] = "metres added to the data's Caspian trajectory",
        ["demand-growth"] = "demand growth, percent",
        ["border-dwell"] = "factor on the time at every border crossing",
        ["caspian-capacity"] = "factor on the capacity of the Caspian ferry and feeder services and legs",
    };

    /// <summary>Outputs and what they measure.</summary>
    public static readonly IReadOnlyDictionary<string, string> Outputs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["caspian-lift-teu"] = "TEU one sailing of every Caspian vessel lifts at the year's sea level (design TEU × payload factor)",
        ["caspian-throughput-teu"] = "TEU the simulated Caspian crossing ships over the days simulated",
        ["caspian-mean-wait-h"] = "mean wait for a Caspian sailing, hours",
        ["caspian-p90-wait-h"] = "90th percentile wait for a Caspian sailing, hours",
        ["route-days"] = "door-to-door days of the fastest route of the OD pair",
        ["route-cost-usd"] = "cost of that route, USD per TEU",
        ["max-flow-teu"] = "maximum TEU per year between the regions",
        ["middle-teu"] = "assigned TEU per year crossing the Caspian",
        ["northern-teu"] = "assigned TEU per year entering Russia",
        ["southern-teu"] = "assigned TEU per year entering Iran",
        ["unserved-teu"] = "assigned demand without a path",
    };

    /// <summary>The jobs of <paramref name="request"/>, or every problem.</summary>
    public Outcome<IReadOnlyList<SweepJob>> Jobs(SweepRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        if (request.Parameters.Count is < 1 or > 2)
        {
            problems.Add(new("parameters", "Sweep one or two parameters."));
        }

        for (var i = 0; i < request.Parameters.Count; i++)
        {
            var p = request.Parameters[i];
            if (!Parameters.ContainsKey(p.Name))
            {
                var hint = Routing.PlaceResolver.Closest(p.Name, Parameters.Keys);
                problems.Add(new($"parameters[{i}]", $"Unknown parameter '{RequestText.Quote(p.Name)}'; {(hint is null ? "use " + string.Join(", ", Parameters.Keys) : $"did you mean '{hint}'?")}."));
            }

            if (!(Math.Abs(p.Step) > 0) || !double.IsFinite(p.From) || !double.IsFinite(p.To) || !double.IsFinite(p.Step))
            {
                problems.Add(new($"parameters[{i}]", "Give a finite range and a step other than 0, e.g. -28.5:-31:0.25."));
            }
        }

        if (request.Outputs.Count == 0)
        {
            problems.Add(new("outputs", $"Choose outputs: {string.Join(", ", Outputs.Keys)}."));
        }

        for (var i = 0; i < request.Outputs.Count; i++)
        {
            if (!Outputs.ContainsKey(request.Outputs[i]))
            {
                var hint = Routing.PlaceResolver.Closest(request.Outputs[i], Outputs.Keys);
                problems.Add(new($"outputs[{i}]", $"Unknown output '{RequestText.Quote(request.Outputs[i])}'; {(hint is null ? "use " + string.Join(", ", Outputs.Keys) : $"did you mean '{hint}'?")}."));
            }
        }

        if (request.Outputs.Any(o => o is "middle-teu" or "northern-teu" or "southern-teu" or "unserved-teu") && request.DemandFile is null)
        {
            problems.Add(new("demand", "The assignment outputs need a demand file, e.g. --demand data/demand/2024.csv."));
        }

        if (request.CaspianDays is < 1 or > CaspianService.MaxDays)
        {
            problems.Add(new("caspianDays", $"Simulate 1–{CaspianService.MaxDays} days."));
        }

        if (request.Threads is < 1 or > 256)
        {
            problems.Add(new("threads", "Use 1–256 threads."));
        }

        var opened = workspace.Scenarios.Open(request.Scenario, request.AllowFiles);
        problems.AddRange(opened.Problems);
        var year = request.Year ?? (opened.IsValid ? opened.Value.Scenario?.Scenario.BaseYear : null) ?? NetworkYears.Default;
        if (year is < NetworkYears.Min or > NetworkYears.Max)
        {
            problems.Add(new("year", $"{year} is outside the years the network data covers ({NetworkYears.Min}–{NetworkYears.Max})."));
        }

        if (problems.Count > 0)
        {
            return Outcome<IReadOnlyList<SweepJob>>.Invalid(problems);
        }

        var axes = request.Parameters.Select(p => (p.Name, Values: p.Values())).ToArray();
        var count = axes.Aggregate(1L, (n, a) => n * a.Values.Count);
        if (count > MaxCases)
        {
            return Outcome<IReadOnlyList<SweepJob>>.Invalid("parameters", $"The sweep has {count} cases; at most {MaxCases} are allowed.");
        }

        var jobs = new List<SweepJob>((int)count);
        for (var i = 0; i < count; i++)
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            var rest = i;
            for (var a = axes.Length - 1; a >= 0; a--)
            {
                values[axes[a].Name] = axes[a].Values[rest % axes[a].Values.Count];
                rest /= axes[a].Values.Count;
            }

            jobs.Add(new SweepJob(i, request.Scenario, request.AllowFiles, values, request.Outputs, year, request.Seed, request.CaspianDays, request.Route,
                request.DemandFile, request.FromRegion, request.ToRegion, workspace.DataFingerprint));
        }

        return Outcome<IReadOnlyList<SweepJob>>.Ok(jobs);
    }

    /// <summary>Every case of <paramref name="request"/>, run in parallel on <see cref="SweepRequest.Threads"/> threads; the result does not depend on their number.</summary>
    public Outcome<SweepDocument> Run(SweepRequest request, CancellationToken cancellationToken = default) => Run(request, null, cancellationToken);

    /// <summary>
    /// As <see cref="Run(SweepRequest, CancellationToken)"/>; <paramref name="progress"/> hears the share of cases done
    /// (0–1) after each case, from the thread that ran it.
    /// </summary>
    public Outcome<SweepDocument> Run(SweepRequest request, Action<double>? progress, CancellationToken cancellationToken = default)
    {
        var jobs = Jobs(request);
        if (!jobs.IsValid)
        {
            return jobs.Cast<SweepDocument>();
        }

        var results = new SweepCaseContract[jobs.Value.Count];
        var done = 0;
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = request.Threads ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
            i =>
            {
                results[i] = Run(jobs.Value[i], cancellationToken);
                progress?.Invoke(Interlocked.Increment(ref done) / (double)results.Length);
            });
        var first = jobs.Value[0];
        return Outcome<SweepDocument>.Ok(new SweepDocument(
            request.Scenario ?? CorridorsWorkspace.BaselineScenario, first.Year, [.. request.Parameters.Select(p => p.Name)], request.Outputs, request.Seed, results));
    }

    /// <summary>Runs one job: the scenario with the job's parameters applied, then each output.</summary>
    /// <exception cref="InvalidOperationException">The job was made for other data.</exception>
    public SweepCaseContract Run(SweepJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.DataFingerprint != workspace.DataFingerprint)
        {
            throw new InvalidOperationException("The sweep job was made for other data (its data fingerprint differs).");
        }

        var view = CaseWorkspace(job);
        var outputs = new Dictionary<string, double?>(StringComparer.Ordinal);
        CaspianDocument? caspian = null;
        CorridorAssignmentDocument? assigned = null;
        RoutesDocument? route = null;
        foreach (var output in job.Outputs)
        {
            switch (output)
            {
                case "caspian-lift-teu" or "caspian-throughput-teu" or "caspian-mean-wait-h" or "caspian-p90-wait-h":
                    caspian ??= Caspian(view, job, cancellationToken);
                    outputs[output] = caspian is null ? null : output switch
                    {
                        "caspian-lift-teu" => Math.Round(caspian.Vessels.Sum(v => v.CapacityTeu), 1),
                        "caspian-throughput-teu" => caspian.ThroughputTeu,
                        "caspian-mean-wait-h" => caspian.MeanWaitHours,
                        _ => caspian.P90WaitHours,
                    };
                    break;
                case "route-days" or "route-cost-usd":
                    route ??= Route(view, job, cancellationToken);
                    var best = route?.Routes.FirstOrDefault();
                    outputs[output] = best is null ? null : output == "route-days" ? best.Totals.Days : best.Totals.CostUsd;
                    break;
                case "max-flow-teu":
                    var bypass = new CapacityService(view).Bypass(new BypassRequest(job.FromRegion, job.ToRegion, [], job.Year));
                    outputs[output] = bypass.IsValid ? bypass.Value.MaxFlowTeu : null;
                    break;
                default:
                    assigned ??= Assign(view, job, cancellationToken);
                    var corridor = output switch { "middle-teu" => "middle", "northern-teu" => "northern", "southern-teu" => "southern", _ => null };
                    outputs[output] = assigned is null ? null
                        : corridor is null ? assigned.UnservedTeu
                        : assigned.CorridorShares.TryGetValue(corridor, out var teu) ? teu : 0;
                    break;
            }
        }

        return new SweepCaseContract(job.Index, job.Parameters, outputs);
    }

    /// <summary>The workspace of a case: the base scenario with the case's parameters set (cached by content).</summary>
    private CorridorsWorkspace CaseWorkspace(SweepJob job)
    {
        var opened = workspace.Scenarios.Open(job.Scenario, job.AllowFiles);
        if (!opened.IsValid)
        {
            throw new InvalidOperationException(opened.Problems[0].Message);
        }

        var baseView = opened.Value;
        var scenario = baseView.Scenario?.Scenario ?? new Scenario { Name = CorridorsWorkspace.BaselineScenario };
        foreach (var (name, value) in job.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            scenario = name switch
            {
                "sea-level" => scenario with { SeaLevel = new ScenarioSeaLevel(value, null, []) },
                "sea-level-offset" => scenario with { SeaLevel = new ScenarioSeaLevel(null, value, []) },
                "demand-growth" => scenario with { DemandGrowthPercent = value },
                "border-dwell" => scenario with { DwellChanges = [.. scenario.DwellChanges, new ScenarioDwellChange(new ScenarioTarget(ScenarioTargetKind.AllCrossings, string.Empty), value, null)] },
                "caspian-capacity" => scenario with { CapacityChanges = [.. scenario.CapacityChanges, .. CaspianTargets(workspace.BaseDefinition).Select(t => new ScenarioCapacityChange(t, value, null))] },
                _ => throw new InvalidOperationException($"Unknown sweep parameter '{name}'."),
            };
        }

        var text = string.Join(";", job.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:R}")));
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{baseView.Scenario?.Fingerprint}|{text}")));
        var applied = workspace.Scenarios.Apply(scenario with { Name = $"{scenario.Name}[{text}]" }, fingerprint);
        return workspace.ForScenario(applied);
    }

    private static IEnumerable<ScenarioTarget> CaspianTargets(NetworkDefinition definition) =>
        definition.Legs.Where(l => l.Mode is TransportMode.Ferry or TransportMode.Feeder
                && definition.NodeById.TryGetValue(l.From, out var a) && a.Sea == SeaArea.Caspian
                && definition.NodeById.TryGetValue(l.To, out var b) && b.Sea == SeaArea.Caspian)
            .SelectMany(l => new[] { new ScenarioTarget(ScenarioTargetKind.Leg, l.Id) }
                .Concat(definition.ServicesByLeg.GetValueOrDefault(l.Id, []).Select(s => new ScenarioTarget(ScenarioTargetKind.Service, s.Id))));

    private static CaspianDocument? Caspian(CorridorsWorkspace view, SweepJob job, CancellationToken cancellationToken)
    {
        var outcome = new CaspianService(view).Run(new CaspianRequest { Year = job.Year, Seed = job.Seed, Days = job.CaspianDays }, cancellationToken: cancellationToken);
        return outcome.IsValid ? outcome.Value.Document : null;
    }

    private static RoutesDocument? Route(CorridorsWorkspace view, SweepJob job, CancellationToken cancellationToken)
    {
        var query = new RouteQueryRequest { From = job.Route.From, To = job.Route.To, Year = job.Year, Depart = $"{job.Year}-03-01" };
        var outcome = new RouteService(view).Route(new RouteRequest(query), cancellationToken);
        return outcome.IsValid ? outcome.Value.Document : null;
    }

    private static CorridorAssignmentDocument? Assign(CorridorsWorkspace view, SweepJob job, CancellationToken cancellationToken)
    {
        var demandYear = Data.Demand.DemandLoader.Load(job.DemandFile!)[0].Year;
        var outcome = new CapacityService(view).Assign(new CorridorAssignRequest(job.DemandFile, job.Year, DemandYear: demandYear), cancellationToken: cancellationToken);
        return outcome.IsValid ? outcome.Value : null;
    }
}

using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Scenarios;

namespace Corridors.Application.Services;

/// <summary>An origin–destination pair as typed.</summary>
/// <param name="From">Origin: node id, name or alias.</param>
/// <param name="To">Destination.</param>
public sealed record OdPair(string From, string To);

/// <summary><c>scenario compare</c>: the baseline against scenarios on OD pairs, the assignment and the bypass capacity.</summary>
public sealed record ScenarioCompareRequest
{
    /// <summary>Default OD pairs: the corridor questions of the README.</summary>
    public static readonly IReadOnlyList<OdPair> DefaultPairs = [new("Xian", "Duisburg"), new("Shanghai", "Rotterdam"), new("Almaty", "Istanbul")];

    /// <summary>Scenarios (presets, or files when <see cref="AllowFiles"/>), compared with the baseline.</summary>
    public required IReadOnlyList<string> Scenarios { get; init; }

    /// <summary>True when scenarios may be files (the CLI); false for requests from the network.</summary>
    public bool AllowFiles { get; init; }

    /// <summary>OD pairs.</summary>
    /// <value><see cref="DefaultPairs"/>.</value>
    public IReadOnlyList<OdPair>? Pairs { get; init; }

    /// <summary>Network year; null = the first scenario's base year, else <see cref="NetworkYears.Default"/>.</summary>
    public int? Year { get; init; }

    /// <summary>Departure (yyyy-MM-dd); null = 1 March of the year, so results do not depend on the day they are run.</summary>
    public string? Depart { get; init; }

    /// <summary>Demand file for the assignment part; null leaves it out.</summary>
    public string? DemandFile { get; init; }

    /// <summary>Year of the demand rows assigned (the file's first year when null).</summary>
    public int? DemandYear { get; init; }

    /// <summary>Origin region of the capacity part; null leaves it out.</summary>
    public string? FromRegion { get; init; } = "CN";

    /// <summary>Destination region of the capacity part.</summary>
    public string? ToRegion { get; init; } = "EU";

    /// <summary>Monte Carlo trips per route for P50/P90 (0 = no simulation).</summary>
    public int Samples { get; init; } = 5_000;

    /// <summary>Seed.</summary>
    public long Seed { get; init; } = PercentileRequest.DefaultSeed;

    /// <summary>Also simulate the year's Caspian crossing under each scenario.</summary>
    /// <value>true.</value>
    public bool Caspian { get; init; } = true;

    /// <summary>Utilisation from which an assigned element counts as a bottleneck.</summary>
    public double BottleneckThreshold { get; init; } = 0.9;
}

/// <summary><c>corridors scenario list|show|compare</c>: the presets, one scenario's content, and comparisons.</summary>
/// <param name="workspace">The workspace (its baseline is compared against).</param>
public sealed class ScenarioService(CorridorsWorkspace workspace)
{
    /// <summary>The presets with their titles and fingerprints.</summary>
    /// <exception cref="Diagnostics.InputDataException">The data or a preset has errors.</exception>
    public ScenarioListDocument List()
    {
        var catalog = workspace.Scenarios;
        var list = new List<ScenarioInfoContract>();
        foreach (var name in catalog.Presets)
        {
            var loaded = catalog.Load(name, allowFiles: false).Value;
            list.Add(new ScenarioInfoContract(name, loaded.Scenario?.Title, loaded.Fingerprint));
        }

        return new ScenarioListDocument(list);
    }

    /// <summary>One scenario: its merged content and what it changes in the baseline definition.</summary>
    /// <exception cref="Diagnostics.InputDataException">The scenario file has errors.</exception>
    public Outcome<ScenarioShowDocument> Show(string scenario, bool allowFiles)
    {
        var opened = workspace.Scenarios.Open(scenario, allowFiles);
        return opened.IsValid ? Outcome<ScenarioShowDocument>.Ok(Show(opened.Value)) : opened.Cast<ScenarioShowDocument>();
    }

    /// <summary>
    /// A scenario document given as JSON text, read and checked against the data as a file is (its <c>extends</c>
    /// names presets only): every diagnostic at once, and when it is valid what it changes.
    /// </summary>
    /// <exception cref="Diagnostics.InputDataException">The data files have errors.</exception>
    public ScenarioValidationDocument Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var loaded = workspace.Scenarios.Reader.Parse(json, ScenarioCatalog.InlineFile);
        var diagnostics = loaded.Diagnostics.Select(d =>
        {
            var (path, message) = ScenarioCatalog.SplitPath(d.Message);
            return new ScenarioDiagnosticContract(d.IsError ? "error" : "warning", d.Code, d.File == ScenarioCatalog.InlineFile ? "$" + path : "$.extends", d.File, d.Line, d.Column, message, d.Hint);
        }).ToList();
        return loaded.IsValid
            ? new ScenarioValidationDocument(true, diagnostics, Show(workspace.ForScenario(workspace.Scenarios.Apply(loaded.Scenario!, loaded.Fingerprint))))
            : new ScenarioValidationDocument(false, diagnostics, null);
    }

    private ScenarioShowDocument Show(CorridorsWorkspace view)
    {
        var applied = view.Scenario;
        if (applied is null)
        {
            return new ScenarioShowDocument(new(CorridorsWorkspace.BaselineScenario, "The data as it is", null), null, null, [], [], [], new Dictionary<string, int>());
        }

        var s = applied.Scenario;
        var elements = new List<string>();
        elements.AddRange(s.NewNodes.Select(n => $"new node {n.Id} ({n.Name}, {n.Country})"));
        elements.AddRange(s.NewLegs.Select(l => $"new leg {l.Id} ({l.From} → {l.To}, {Network.Words.Name(l.Mode)}, {Num(l.DistanceKm)} km)"));
        elements.AddRange(s.NewServices.Select(v => $"new service {v.Id} on {v.Leg} ({Num(v.DeparturesPerWeek)} a week)"));
        elements.AddRange(s.Openings.Select(o => $"open {o.Target} from {o.Year}"));
        elements.AddRange(s.Closures.Select(c => $"close {c.Target}{Window(c)}"));
        elements.AddRange(s.CapacityChanges.Select(c => $"capacity of {c.Target}: {(c.SetTeuPerYear is { } t ? $"set to {Num(t)} TEU/yr" : $"× {Num(c.Scale ?? 1)}")}"));
        elements.AddRange(s.TariffChanges.Select(c => $"tariffs of {c.Target}: {(c.Percent is { } p ? $"{(p >= 0 ? "+" : "")}{Num(p)} %" : $"{(c.AbsoluteUsdPerTeu >= 0 ? "+" : "")}{Num(c.AbsoluteUsdPerTeu ?? 0)} USD/TEU")}"));
        elements.AddRange(s.DwellChanges.Select(c => $"dwell at {c.Target}: {(c.SetHours is { } h ? $"mean {Num(h)} h" : $"× {Num(c.Factor ?? 1)}")}"));
        elements.AddRange(s.FleetChanges.Select(f => $"fleet of {f.Service}: +{f.Add}{(f.CopyOf is null ? "" : $" copies of {f.CopyOf}")}{(f.Remove.Count > 0 ? $", −{string.Join(", ", f.Remove)}" : "")}{(f.DeparturesPerWeek is { } d ? $", {Num(d)} departures a week" : "")}"));
        if (s.SeaLevel is { } sl)
        {
            elements.Add(sl.LevelM is { } lv ? $"Caspian level {Num(lv)} m" : sl.OffsetM is { } off ? $"Caspian level {(off >= 0 ? "+" : "")}{Num(off)} m on the data's trajectory"
                : $"Caspian level trajectory {string.Join(", ", sl.Trajectory.Select(p => $"{p.Year}: {Num(p.LevelM)} m"))}");
        }

        if (s.DemandGrowthPercent is { } g)
        {
            elements.Add($"demand {(g >= 0 ? "+" : "")}{Num(g)} %");
        }

        elements.AddRange(s.RiskWeights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"risk weight of {w.Key}: {Num(w.Value)}"));
        return new ScenarioShowDocument(Info(view), s.Description, s.BaseYear, s.Extends, elements, s.Sources, Changes(workspace.BaseDefinition, applied.Definition));
    }

    /// <summary>The baseline against each scenario of <paramref name="request"/>; every problem at once.</summary>
    /// <exception cref="Diagnostics.InputDataException">The data or a scenario file has errors.</exception>
    public Outcome<ScenarioComparisonDocument> Compare(ScenarioCompareRequest request, CancellationToken cancellationToken = default) => Compare(request, null, cancellationToken);

    /// <summary>
    /// Every problem of <paramref name="request"/> that <see cref="Compare(ScenarioCompareRequest, Action{double}?, CancellationToken)"/>
    /// would report, found without computing it (a front end checks before it queues the work): the scenarios,
    /// settings and year, and each OD pair's places on the baseline network.
    /// </summary>
    /// <exception cref="Diagnostics.InputDataException">The data or a scenario file has errors.</exception>
    public IReadOnlyList<RequestProblem> Check(ScenarioCompareRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        var (_, pairs, year) = Prepare(request, problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        for (var p = 0; p < pairs.Count; p++)
        {
            var resolved = RouteQueryResolver.Resolve(new RouteQueryRequest { From = pairs[p].From, To = pairs[p].To, Year = year, Depart = request.Depart ?? $"{year}-03-01" }, workspace.Baseline);
            problems.AddRange(resolved.Problems.Select(x => x with { Field = $"pairs[{p}].{x.Field}" }));
        }

        return problems;
    }

    /// <summary>
    /// The baseline against each scenario of <paramref name="request"/>; every problem at once. <paramref name="progress"/>
    /// hears the share done (0–1) after each scenario's part of each step.
    /// </summary>
    /// <exception cref="Diagnostics.InputDataException">The data or a scenario file has errors.</exception>
    public Outcome<ScenarioComparisonDocument> Compare(ScenarioCompareRequest request, Action<double>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        var (views, pairs, year) = Prepare(request, problems);
        if (problems.Count > 0)
        {
            return Outcome<ScenarioComparisonDocument>.Invalid(problems);
        }

        var caspianToo = request.Caspian && Directory.Exists(Path.Combine(workspace.DataDirectory, "caspian"));
        var steps = views.Count * (pairs.Count + (request.DemandFile is null ? 0 : 1) + (request.FromRegion is not null && request.ToRegion is not null ? 1 : 0) + (caspianToo ? 1 : 0));
        var done = 0;
        void Step() => progress?.Invoke(Math.Min(1, ++done / (double)steps));

        var depart = request.Depart ?? $"{year}-03-01";
        var routes = new List<OdComparisonContract>();
        for (var p = 0; p < pairs.Count; p++)
        {
            var outcomes = new List<OdScenarioContract>();
            foreach (var view in views)
            {
                cancellationToken.ThrowIfCancellationRequested();
                outcomes.Add(Od(view, pairs[p], year, depart, request, problems, p, cancellationToken));
                Step();
            }

            routes.Add(new OdComparisonContract(pairs[p].From, pairs[p].To, outcomes));
        }

        AssignmentComparisonContract? assignment = null;
        if (request.DemandFile is { } demandFile)
        {
            var results = new List<(string Name, CorridorAssignmentDocument Doc)>();
            var demandYear = request.DemandYear;
            foreach (var view in views)
            {
                var outcome = new CapacityService(view).Assign(new CorridorAssignRequest(demandFile, year, DemandYear: demandYear ?? FirstYear(demandFile)), cancellationToken: cancellationToken);
                if (!outcome.IsValid)
                {
                    problems.AddRange(outcome.Problems.Select(x => x with { Field = x.Field == "year" ? "demandYear" : x.Field }));
                    break;
                }

                results.Add((view.ScenarioName, outcome.Value));
                Step();
            }

            if (problems.Count > 0)
            {
                return Outcome<ScenarioComparisonDocument>.Invalid([.. problems.Distinct()]);
            }

            var baseline = Bottlenecks(results[0].Doc, request.BottleneckThreshold);
            var baseIds = baseline.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            assignment = new AssignmentComparisonContract(year, demandFile, demandYear ?? FirstYear(demandFile), request.BottleneckThreshold, [.. results.Select(r =>
            {
                var b = Bottlenecks(r.Doc, request.BottleneckThreshold);
                var ids = b.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
                return new AssignmentOutcomeContract(r.Name, r.Doc.DemandTeu, r.Doc.UnservedTeu, r.Doc.CorridorShares, b,
                    [.. ids.Where(id => !baseIds.Contains(id)).Order(StringComparer.Ordinal)], [.. baseIds.Where(id => !ids.Contains(id)).Order(StringComparer.Ordinal)]);
            })]);
        }

        CapacityComparisonContract? capacity = null;
        if (request.FromRegion is not null && request.ToRegion is not null)
        {
            var outcomes = new List<CapacityOutcomeContract>();
            foreach (var view in views)
            {
                var service = new CapacityService(view);
                var bypass = service.Bypass(new BypassRequest(request.FromRegion, request.ToRegion, [], year));
                var leverage = service.Leverage(new LeverageRequest(request.FromRegion, request.ToRegion, year));
                if (!bypass.IsValid || !leverage.IsValid)
                {
                    return Outcome<ScenarioComparisonDocument>.Invalid([.. (bypass.IsValid ? [] : bypass.Problems), .. leverage.IsValid ? [] : leverage.Problems]);
                }

                outcomes.Add(new CapacityOutcomeContract(view.ScenarioName, bypass.Value.MaxFlowTeu, bypass.Value.MinCut, leverage.Value.Countries));
                Step();
            }

            capacity = new CapacityComparisonContract(request.FromRegion, request.ToRegion, year, outcomes);
        }

        var caspian = new List<CaspianOutcomeContract>();
        if (caspianToo)
        {
            foreach (var view in views)
            {
                var run = new CaspianService(view).Run(new CaspianRequest { Year = year, Seed = request.Seed }, cancellationToken: cancellationToken);
                if (run.IsValid)
                {
                    var c = run.Value.Document;
                    caspian.Add(new CaspianOutcomeContract(view.ScenarioName, c.SeaLevelM, ContractJson.Round(c.Vessels.Sum(v => v.CapacityTeu), 1), c.DemandTeu, c.ThroughputTeu,
                        c.MeanWaitHours, c.P90WaitHours, c.BacklogTeu));
                }

                Step();
            }
        }

        return problems.Count > 0
            ? Outcome<ScenarioComparisonDocument>.Invalid(problems)
            : Outcome<ScenarioComparisonDocument>.Ok(new ScenarioComparisonDocument(year, [.. views.Select(Info)], routes, assignment, capacity, caspian, request.Samples, request.Seed));
    }

    /// <summary>The views compared (the baseline first), the OD pairs and the year; the request's problems are added.</summary>
    private (List<CorridorsWorkspace> Views, IReadOnlyList<OdPair> Pairs, int Year) Prepare(ScenarioCompareRequest request, List<RequestProblem> problems)
    {
        var views = new List<CorridorsWorkspace> { workspace.Baseline };
        if (request.Scenarios.Count is 0 or > 8)
        {
            problems.Add(new("scenarios", "Compare 1–8 scenarios with the baseline."));
        }

        for (var i = 0; i < request.Scenarios.Count; i++)
        {
            var opened = workspace.Scenarios.Open(request.Scenarios[i], request.AllowFiles, $"scenarios[{i}]");
            if (opened.IsValid)
            {
                views.Add(opened.Value);
            }
            else
            {
                problems.AddRange(opened.Problems);
            }
        }

        if (request.Samples is < 0 or > Reliability.MonteCarloOptions.MaxSamples)
        {
            problems.Add(new("samples", $"The number of samples must be between 0 and {Reliability.MonteCarloOptions.MaxSamples.ToString("N0", CultureInfo.InvariantCulture)}."));
        }

        if (!(request.BottleneckThreshold > 0 && request.BottleneckThreshold <= 10))
        {
            problems.Add(new("bottleneckThreshold", "The bottleneck threshold must be above 0 and at most 10."));
        }

        var pairs = request.Pairs ?? ScenarioCompareRequest.DefaultPairs;
        if (pairs.Count is 0 or > 50)
        {
            problems.Add(new("pairs", "Give 1–50 OD pairs."));
        }

        var year = request.Year ?? views.Skip(1).Select(v => v.Scenario!.Scenario.BaseYear).FirstOrDefault(y => y is not null) ?? NetworkYears.Default;
        if (year is < NetworkYears.Min or > NetworkYears.Max)
        {
            problems.Add(new("year", $"{year} is outside the years the network data covers ({NetworkYears.Min}–{NetworkYears.Max})."));
        }

        return (views, pairs, year);
    }

    private static int FirstYear(string demandFile) => Data.Demand.DemandLoader.Load(demandFile)[0].Year;

    private static OdScenarioContract Od(CorridorsWorkspace view, OdPair pair, int year, string depart, ScenarioCompareRequest request, List<RequestProblem> problems, int index, CancellationToken cancellationToken)
    {
        var query = new RouteQueryRequest { From = pair.From, To = pair.To, Year = year, Depart = depart };
        var percentile = request.Samples > 0 ? new PercentileRequest(90, request.Samples, request.Seed) : null;
        var outcome = new RouteService(view).Compare(new CompareRequest(query) { Percentile = percentile }, cancellationToken);
        if (!outcome.IsValid)
        {
            // An unknown place is the request's fault (reported); a place a scenario closes is an answer.
            var closed = view.Scenario is not null && new RouteService(view.Baseline).Compare(new CompareRequest(query), cancellationToken).IsValid;
            if (!closed)
            {
                problems.AddRange(outcome.Problems.Select(x => x with { Field = $"pairs[{index}].{x.Field}" }));
            }

            return new OdScenarioContract(view.ScenarioName, [], string.Join(" ", outcome.Problems.Select(x => x.Message)));
        }

        var doc = outcome.Value.Document;
        return new OdScenarioContract(view.ScenarioName, [.. doc.Routes.Select(r => new CorridorOutcomeContract(
            r.Corridor, r.Family, r.Totals.Days, r.Reliability?.P50Days, r.Reliability?.P90Days, r.Totals.CostUsd, r.CostIsLowerBound, r.Totals.Co2eKg, r.Countries, r.Passages))],
            doc.Routes.Count == 0 ? doc.Reason ?? "No route." : null);
    }

    private static List<BottleneckContract> Bottlenecks(CorridorAssignmentDocument doc, double threshold) =>
    [
        .. doc.Legs.Where(l => l.Utilisation >= threshold).Select(l => new BottleneckContract("leg", $"{l.Id} {l.From}→{l.To}", l.FlowTeu, l.CapacityTeu, l.Utilisation!.Value))
            .Concat(doc.Nodes.Where(n => n.Utilisation >= threshold).Select(n => new BottleneckContract("node", n.Id, n.FlowTeu, n.CapacityTeu, n.Utilisation)))
            .OrderByDescending(b => b.Utilisation).ThenBy(b => b.Id, StringComparer.Ordinal),
    ];

    internal static ScenarioInfoContract Info(CorridorsWorkspace view) => view.Scenario is { } s
        ? new ScenarioInfoContract(s.Name, s.Scenario.Title, s.Fingerprint)
        : new ScenarioInfoContract(CorridorsWorkspace.BaselineScenario, "The data as it is", null);

    private static Dictionary<string, int> Changes(Network.NetworkDefinition a, Network.NetworkDefinition b)
    {
        static int Diff<T>(IReadOnlyList<T> x, IReadOnlyList<T> y, Func<T, string> id)
            where T : class
        {
            var before = x.ToDictionary(id, StringComparer.Ordinal);
            return y.Count(e => !before.TryGetValue(id(e), out var old) || !Equals(old, e)) + x.Count(e => !y.Any(n => id(n) == id(e)));
        }

        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["nodes"] = Diff(a.Nodes, b.Nodes, n => n.Id),
            ["legs"] = Diff(a.Legs, b.Legs, l => l.Id),
            ["services"] = Diff(a.Services, b.Services, s => s.Id),
            ["vessels"] = Diff(a.Vessels, b.Vessels, v => v.Id),
            ["countries"] = Diff(a.Countries, b.Countries, c => c.Id),
            ["serviceLevelFigures"] = b.ServiceLevelFigures.Count(f => !a.ServiceLevelFigures.Contains(f)),
        };
    }

    private static string Window(ScenarioClosure c) =>
        c.From is null && c.To is null ? string.Empty : $" ({c.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} – {c.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"})";

    private static string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}

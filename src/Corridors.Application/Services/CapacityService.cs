using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Assignment;
using Corridors.Capacity;
using Corridors.Data.Demand;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Optimization;

namespace Corridors.Application.Services;

/// <summary><c>bypass</c> and <c>leverage</c>: region-to-region maximum flow on the year's corridor capacities.</summary>
/// <param name="workspace">The workspace.</param>
public sealed class CapacityService(CorridorsWorkspace workspace)
{
    /// <summary>TEU per container train: 2,077,216 TEU ÷ 19,392 trains, China–Europe Railway Express 2024.</summary>
    public const double TeuPerTrain = 2_077_216.0 / 19_392.0;

    /// <summary>The source of <see cref="TeuPerTrain"/> and of the tonnes per TEU.</summary>
    public const string ConversionSource =
        "TEU per train derived from China Railway Container Transport 2024 totals (19,392 trains, 2,077,216 TEU) via index1520, " +
        "https://index1520.com/en/news/v-2024-godu-mezhdu-kitaem-i-evropoy-budet-kursirovat-bolee-19-000-gruzovykh-poezdov-sredi-kotorykh-l (2025-01-22); " +
        "gross tonnes per TEU from parameters.csv teu_gross_tonnes; Mt per year becomes TEU as if all tonnage were containers (an upper bound).";

    /// <summary>
    /// The frozen capacities of a year's network (the workspace's scenario applied): the legs' and nodes' columns,
    /// and on the Caspian crossings the simulation's fleet capacity at the year's (or the scenario's) sea level
    /// (<see cref="CorridorsWorkspace.CrossingCapacitiesFor"/>), so a lower sea carries less.
    /// </summary>
    public CorridorCapacities Capacities(int year)
    {
        var snapshot = workspace.Snapshot(year);
        var conversions = new CapacityConversions(TeuPerTrain, snapshot.Network.Definition.Parameter("teu_gross_tonnes", 12));
        return CorridorCapacities.Freeze(snapshot.Network, conversions, workspace.CrossingCapacitiesFor(year));
    }

    /// <summary>Maximum TEU per year between two regions with countries avoided, and its minimum cut.</summary>
    public Outcome<BypassDocument> Bypass(BypassRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        var query = Resolve(request.FromRegion, request.ToRegion, request.Avoid, request.Year, problems);
        if (query is null)
        {
            return Outcome<BypassDocument>.Invalid(problems);
        }

        var capacities = Capacities(query.Year);
        var result = BypassAnalysis.Run(capacities, query.From, query.To, query.Avoid, request.WithSea);
        var network = capacities.Network;
        var cut = result.MinCut.Select(c => Element(network, capacities, c)).ToList();
        return Outcome<BypassDocument>.Ok(new BypassDocument(
            query.Year, request.FromRegion!, request.ToRegion!, [.. query.Avoid.Order(StringComparer.Ordinal)], request.WithSea,
            result.IsUnbounded ? null : Math.Round(result.MaxFlowTeu), result.IsUnbounded, cut, Conversions(capacities))
        {
            Caspian = Caspian(capacities),
        });
    }

    private static CaspianCapacityContract? Caspian(CorridorCapacities capacities)
    {
        if (capacities.Crossings is not { } crossings)
        {
            return null;
        }

        var network = capacities.Network;
        var list = new List<CutElementContract>();
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (capacities.EdgeBasis[e] == CapacityBasis.CaspianFleet)
            {
                list.Add(Element(network, capacities, new CutElement(CutElementKind.Edge, e, capacities.EdgeTeuPerYear[e])));
            }
        }

        return new CaspianCapacityContract(ContractJson.Round(crossings.SeaLevelM, 3), crossings.Source, list);
    }

    /// <summary>For each transit country, the maximum flow lost when it closes.</summary>
    public Outcome<LeverageDocument> Leverage(LeverageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        var query = Resolve(request.FromRegion, request.ToRegion, request.Avoid ?? [], request.Year, problems);
        if (query is null)
        {
            return Outcome<LeverageDocument>.Invalid(problems);
        }

        var capacities = Capacities(query.Year);
        var network = capacities.Network;
        var open = BypassAnalysis.Run(capacities, query.From, query.To, query.Avoid, request.WithSea).MaxFlowTeu;
        var transit = network.Nodes.Select(n => n.Country).Concat(network.Legs.SelectMany(l => l.Countries))
            .Where(c => !query.From.Contains(c) && !query.To.Contains(c) && !query.Avoid.Contains(c))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var countries = new List<CountryLeverageContract>();
        foreach (var code in transit)
        {
            var closed = new HashSet<string>(query.Avoid, StringComparer.Ordinal) { code };
            var without = BypassAnalysis.Run(capacities, query.From, query.To, closed, request.WithSea).MaxFlowTeu;
            countries.Add(Leverage(code, open, without));
        }

        var ranked = countries.OrderByDescending(c => c.MaxFlowLossTeu ?? double.PositiveInfinity).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        var unbounded = double.IsPositiveInfinity(open);
        return Outcome<LeverageDocument>.Ok(new LeverageDocument(
            query.Year, request.FromRegion!, request.ToRegion!, [.. query.Avoid.Order(StringComparer.Ordinal)], request.WithSea,
            unbounded ? null : Math.Round(open), unbounded, ranked));
    }

    /// <summary>
    /// Ranks the projects of the horizon year's network that are not in service in the base year by the maximum flow
    /// each adds on its own to the elements in service in the base year (both measured on the horizon network, so a
    /// line that a project replaces by the horizon is missing from the base too).
    /// </summary>
    public Outcome<InvestmentDocument> Invest(InvestmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        var query = Resolve(request.FromRegion, request.ToRegion, request.Avoid, request.Year, problems);
        var horizon = request.Horizon ?? NetworkYears.Max;
        if (horizon is < NetworkYears.Min or > NetworkYears.Max || (query is not null && horizon <= query.Year))
        {
            problems.Add(new RequestProblem("horizon", string.Create(CultureInfo.InvariantCulture,
                $"The horizon must be a year after the base year and at most {NetworkYears.Max}.")));
        }

        if (query is null || problems.Count > 0)
        {
            return Outcome<InvestmentDocument>.Invalid(problems);
        }

        var capacities = Capacities(horizon);
        var network = capacities.Network;
        var nodeInBase = new bool[network.NodeCount];
        for (var v = 0; v < nodeInBase.Length; v++)
        {
            nodeInBase[v] = network.Nodes[v].Validity.IsActive(query.Year);
        }

        var inBase = new bool[network.EdgeCount];
        for (var e = 0; e < inBase.Length; e++)
        {
            inBase[e] = network.Legs[network.EdgeLeg[e]].Validity.IsActive(query.Year) && nodeInBase[network.Tail[e]] && nodeInBase[network.Head[e]];
        }

        double MaxFlow(Func<int, bool> edges, Func<int, bool> nodes) =>
            BypassAnalysis.Run(capacities, query.From, query.To, query.Avoid, request.WithSea, edges, nodes).MaxFlowTeu;
        var baseFlow = MaxFlow(e => inBase[e], v => nodeInBase[v]);
        var horizonFlow = MaxFlow(_ => true, _ => true);
        var projects = new List<ProjectGainContract>();

        // A leg project brings its end nodes; a node project brings its legs to nodes already in service.
        foreach (var leg in network.Legs.Where(l => !l.Validity.IsActive(query.Year)))
        {
            var with = MaxFlow(e => inBase[e] || network.Legs[network.EdgeLeg[e]].Id == leg.Id,
                v => nodeInBase[v] || network.Nodes[v].Id == leg.From || network.Nodes[v].Id == leg.To);
            var without = MaxFlow(e => network.Legs[network.EdgeLeg[e]].Id != leg.Id, _ => true);
            projects.Add(Gain(leg.Id, "leg", leg.Validity, baseFlow, with, horizonFlow, without));
        }

        for (var v = 0; v < network.NodeCount; v++)
        {
            if (!nodeInBase[v])
            {
                var id = v;
                var with = MaxFlow(e => inBase[e] || network.Tail[e] == id || network.Head[e] == id, u => nodeInBase[u] || u == id);
                var without = MaxFlow(_ => true, u => u != id);
                projects.Add(Gain(network.Nodes[v].Id, "node", network.Nodes[v].Validity, baseFlow, with, horizonFlow, without));
            }
        }

        var ranked = projects.OrderByDescending(p => p.AddedTeu ?? double.PositiveInfinity).ThenByDescending(p => p.HorizonLossTeu ?? double.PositiveInfinity)
            .ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        return Outcome<InvestmentDocument>.Ok(new InvestmentDocument(
            query.Year, horizon, request.FromRegion!, request.ToRegion!, [.. query.Avoid.Order(StringComparer.Ordinal)], request.WithSea,
            double.IsPositiveInfinity(baseFlow) ? null : Math.Round(baseFlow), double.IsPositiveInfinity(horizonFlow) ? null : Math.Round(horizonFlow), ranked));
    }

    private static ProjectGainContract Gain(string id, string kind, Validity validity, double baseFlow, double with, double horizonFlow, double without)
    {
        double? loss = double.IsPositiveInfinity(horizonFlow) ? (double.IsPositiveInfinity(without) ? 0 : null) : Math.Round(horizonFlow - without);
        // Unbounded before means nothing to gain; unbounded only with the project is an unbounded gain (null).
        var withFinite = !double.IsPositiveInfinity(with);
        double? added = double.IsPositiveInfinity(baseFlow) ? 0 : withFinite ? Math.Round(with - baseFlow) : null;
        return new ProjectGainContract(id, kind, Words.Name(validity.Status), validity.OpenYear, added, withFinite ? Math.Round(with) : null, loss);
    }

    /// <summary>Assigns a demand file's region-to-region TEU to the year's network (user equilibrium).</summary>
    /// <param name="request">Demand file, year, method, scale and stopping rule.</param>
    /// <param name="progress">Called after every iteration.</param>
    /// <param name="cancellationToken">Checked between iterations.</param>
    public Outcome<CorridorAssignmentDocument> Assign(
        CorridorAssignRequest request, Action<AssignmentIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = Check(request).ToList();
        if (problems.Count > 0)
        {
            return Outcome<CorridorAssignmentDocument>.Invalid(problems);
        }

        var rows = DemandLoader.Load(request.DemandFile!);
        var year = request.Year ?? rows[0].Year;
        // A scenario's demand growth multiplies the demand like --scale does.
        var demand = Demand(request.DemandFile!, rows, request.DemandYear ?? year, (request.Scale ?? 1) * (workspace.Scenario?.Scenario.DemandFactor ?? 1), problems);
        if (year is < NetworkYears.Min or > NetworkYears.Max && problems.Count == 0)
        {
            problems.Add(new RequestProblem("year", string.Create(CultureInfo.InvariantCulture, $"{year} is outside the years the network data covers ({NetworkYears.Min}–{NetworkYears.Max}).")));
        }

        if (problems.Count > 0)
        {
            return Outcome<CorridorAssignmentDocument>.Invalid(problems);
        }

        var snapshot = workspace.Snapshot(year);
        var capacities = Capacities(year);
        if (IsSystemOptimum(request))
        {
            return SystemOptimum(snapshot, capacities, demand, request.UnservedPenaltyUsd ?? DefaultUnservedPenaltyUsd);
        }

        // Gradient projection's Newton shift reads the cost slope where the flow is; on the wait curves' flat
        // stretches that slope is 0, the whole path flow moves onto the steep part and back, and the gap stalls
        // (about 0.11 on 2024 with Russia closed). Bi-conjugate Frank–Wolfe's line search handles the kinks.
        var waits = workspace.CrossingWaitCurvesFor(year);
        var method = waits is null ? AssignmentMethod.GradientProjection : AssignmentMethod.BiconjugateFrankWolfe;
        var flows = CorridorAssignment.Solve(capacities, demand, new AssignmentOptions(method, request.Gap ?? 1e-5, request.MaxIterations ?? 1000),
            waits, progress, cancellationToken);
        return Outcome<CorridorAssignmentDocument>.Ok(CorridorAssignmentDocuments.Of(capacities, flows, demand.Sum(d => d.Teu)));
    }

    /// <summary>
    /// The problems of an assignment request that show without solving it (method, penalty, scale, gap, limit); the
    /// demand file's are found when it is read.
    /// </summary>
    public static IReadOnlyList<RequestProblem> Check(CorridorAssignRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        if (string.IsNullOrWhiteSpace(request.DemandFile))
        {
            problems.Add(new RequestProblem("demand", "Give a demand file, e.g. --demand data/demand/2024.csv."));
        }

        if (request.Method is { } word && !IsSystemOptimum(request) && !word.Trim().Equals("ue", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new RequestProblem("method", $"'{word}' is not a method; use ue (user equilibrium) or so (system optimum)."));
        }

        if (request.UnservedPenaltyUsd is { } penalty && !(penalty > 0 && double.IsFinite(penalty)))
        {
            problems.Add(new RequestProblem("unservedPenaltyUsd", "The unserved penalty must be a positive number of USD per TEU."));
        }

        if (request.Scale is { } scale && !(scale >= 0 && double.IsFinite(scale)))
        {
            problems.Add(new RequestProblem("scale", "The scale must be a non-negative number."));
        }

        if (request.Gap is { } gap && !(gap > 0 && gap < 1))
        {
            problems.Add(new RequestProblem("gap", "The relative gap must be between 0 and 1 (exclusive)."));
        }

        if (request.MaxIterations is < 1)
        {
            problems.Add(new RequestProblem("maxIterations", "The iteration limit must be at least 1."));
        }

        return problems;
    }

    private static bool IsSystemOptimum(CorridorAssignRequest request) => request.Method is { } m && m.Trim().Equals("so", StringComparison.OrdinalIgnoreCase);

    /// <summary>The problems of a bypass, leverage or investment request that show without solving it (regions, countries, year).</summary>
    public IReadOnlyList<RequestProblem> CheckRegions(string? fromRegion, string? toRegion, IReadOnlyList<string> avoid, int? year)
    {
        var problems = new List<RequestProblem>();
        _ = Resolve(fromRegion, toRegion, avoid, year, problems);
        return problems;
    }

    /// <summary>
    /// USD per TEU the system optimum pays for a TEU it leaves unserved. assumption: twice the dearest China–Europe
    /// rail rate in data/validation/cases.csv (USD 12,500 per FEU, January 2021, i.e. 6,250 per TEU), so the optimum
    /// leaves a TEU unserved only when no overland path has room for it, and the shadow price of a saturated cut is
    /// what one more TEU of capacity saves against sending the TEU elsewhere at that price.
    /// </summary>
    public const double DefaultUnservedPenaltyUsd = 12_500;

    /// <summary>What the system optimum's costs are (the document's <c>costBasis</c>).</summary>
    public const string SystemOptimumCostBasis =
        "USD per TEU: each leg's tariffs and charges for one TEU (per-wagon fees shared by teu_per_wagon TEU) plus the time value of cargo " +
        "(cargo_value_usd_per_teu × inventory_cost_rate_per_year ÷ 8,760 per hour) over its expected hours and each node's expected dwell; " +
        "overland only (ocean legs left out); capacities are hard limits per direction; legs without a tariff cost only time.";

    private static Outcome<CorridorAssignmentDocument> SystemOptimum(
        NetworkSnapshot snapshot, CorridorCapacities capacities, List<RegionDemand> demand, double penalty)
    {
        var definition = snapshot.Network.Definition;
        var timeValue = definition.Parameter("cargo_value_usd_per_teu", 0) * definition.Parameter("inventory_cost_rate_per_year", 0) / 8760.0;
        var (graph, problem) = CorridorAssignment.SystemOptimumProblem(
            capacities, snapshot.Graph, demand, timeValue, definition.Parameter("teu_per_wagon", 2), penalty);
        var result = MultiCommodityFlowLp.Solve(problem);
        var flows = CorridorAssignment.SystemOptimumFlows(graph, result);
        var contract = new SystemOptimumContract(Math.Round(result.Objective), penalty, Math.Round(timeValue, 4), result.Solver, SystemOptimumCostBasis);
        return Outcome<CorridorAssignmentDocument>.Ok(CorridorAssignmentDocuments.Of(capacities, flows, demand.Sum(d => d.Teu), contract));
    }

    private List<RegionDemand> Demand(string file, IReadOnlyList<DemandRow> rows, int year, double scale, List<RequestProblem> problems)
    {
        var bag = new DiagnosticBag();
        var countries = workspace.Definition.Countries;
        var demand = new List<RegionDemand>();
        foreach (var row in rows.Where(r => r.Year == year))
        {
            var scratch = new List<RequestProblem>();
            var from = Region(row.FromRegion, "from_region", countries, scratch);
            var to = Region(row.ToRegion, "to_region", countries, scratch);
            foreach (var p in scratch)
            {
                bag.Error("CORR0106", file, row.Line, 1, $"Demand row: {p.Message}");
            }

            if (from is not null && to is not null)
            {
                demand.Add(new RegionDemand(row.FromRegion, from, row.ToRegion, to, row.Teu * scale));
            }
        }

        bag.ThrowIfErrors();
        if (demand.Count == 0)
        {
            problems.Add(new RequestProblem("year", string.Create(CultureInfo.InvariantCulture, $"The demand file has no rows for {year}.")));
        }
        else if (year is < NetworkYears.Min or > NetworkYears.Max)
        {
            problems.Add(new RequestProblem("year", string.Create(CultureInfo.InvariantCulture, $"{year} is outside the years the network data covers ({NetworkYears.Min}–{NetworkYears.Max}).")));
        }

        return demand;
    }

    /// <summary>A country's leverage: loss and share of the open maximum flow (both may be unbounded).</summary>
    internal static CountryLeverageContract Leverage(string code, double open, double without)
    {
        var openFinite = !double.IsPositiveInfinity(open);
        var withoutFinite = !double.IsPositiveInfinity(without);
        double? loss = openFinite ? Math.Round(open - without) : withoutFinite ? null : 0;
        double? share = openFinite && open > 0 ? Math.Round((open - without) / open, 4) : null;
        return new CountryLeverageContract(code, loss, share, withoutFinite ? Math.Round(without) : null);
    }

    private static CapacityConversionsContract Conversions(CorridorCapacities capacities) =>
        new(Math.Round(capacities.Conversions.TeuPerTrain, 2), capacities.Conversions.GrossTonnesPerTeu, ConversionSource);

    private static CutElementContract Element(CorridorNetwork network, CorridorCapacities capacities, CutElement element)
    {
        if (element.Kind == CutElementKind.Node)
        {
            var node = network.Nodes[element.Index];
            return new CutElementContract("node", node.Id, node.Id, node.Id, Math.Round(element.CapacityTeu), BasisName(capacities.NodeBasis[element.Index]));
        }

        var leg = network.Legs[network.EdgeLeg[element.Index]];
        var from = network.Nodes[network.Tail[element.Index]].Id;
        var to = network.Nodes[network.Head[element.Index]].Id;
        return new CutElementContract("leg", leg.Id, from, to, Math.Round(element.CapacityTeu), BasisName(capacities.EdgeBasis[element.Index]));
    }

    private static string BasisName(CapacityBasis basis) => basis switch
    {
        CapacityBasis.TeuPerYear => "teu_per_year",
        CapacityBasis.TrainsPerDay => "trains_per_day",
        CapacityBasis.MtPerYear => "mt_per_year",
        CapacityBasis.CaspianFleet => "caspian_fleet",
        _ => "unlimited",
    };

    private RegionQuery? Resolve(string? fromRegion, string? toRegion, IReadOnlyList<string> avoid, int? year, List<RequestProblem> problems)
    {
        var y = year ?? NetworkYears.Default;
        if (y is < NetworkYears.Min or > NetworkYears.Max)
        {
            problems.Add(new RequestProblem("year", string.Create(CultureInfo.InvariantCulture, $"{y} is outside the years the network data covers ({NetworkYears.Min}–{NetworkYears.Max}).")));
        }

        var countries = workspace.Definition.Countries;
        var from = Region(fromRegion, "fromRegion", countries, problems);
        var to = Region(toRegion, "toRegion", countries, problems);
        var avoided = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < avoid.Count; i++)
        {
            var code = avoid[i].Trim().ToUpperInvariant();
            if (!countries.Any(c => c.Id == code))
            {
                problems.Add(new RequestProblem($"avoid[{i}]", $"'{avoid[i]}' is not a country in countries.csv."));
            }
            else if ((from?.Contains(code) ?? false) || (to?.Contains(code) ?? false))
            {
                problems.Add(new RequestProblem($"avoid[{i}]", $"{code} is part of the origin or destination region and cannot be avoided."));
            }
            else
            {
                avoided.Add(code);
            }
        }

        if (from is not null && to is not null && from.Overlaps(to))
        {
            problems.Add(new RequestProblem("toRegion", "The origin and destination regions share countries."));
        }

        return problems.Count > 0 ? null : new RegionQuery(y, from!, to!, avoided);
    }

    /// <summary>A region: one country code, or every country with that membership (EU, EAEU, OTS, ...).</summary>
    private static HashSet<string>? Region(string? text, string field, IReadOnlyList<Country> countries, List<RequestProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new RequestProblem(field, "A region is required: an ISO country code (CN) or a membership such as EU."));
            return null;
        }

        var code = text.Trim().ToUpperInvariant();
        if (countries.Any(c => c.Id == code))
        {
            return new HashSet<string>(StringComparer.Ordinal) { code };
        }

        var members = countries.Where(c => c.Memberships.Contains(code, StringComparer.OrdinalIgnoreCase)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (members.Count == 0)
        {
            problems.Add(new RequestProblem(field, $"'{text}' is neither a country nor a membership in countries.csv."));
            return null;
        }

        return members;
    }

    private sealed record RegionQuery(int Year, HashSet<string> From, HashSet<string> To, HashSet<string> Avoid);
}

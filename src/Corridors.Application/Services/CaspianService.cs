using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Assignment;
using Corridors.Capacity;
using Corridors.Data;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Simulation;

namespace Corridors.Application.Services;

/// <summary>A <c>caspian</c> run: one simulated year of the crossing.</summary>
public sealed record CaspianRequest
{
    /// <summary>Default seed.</summary>
    public const long DefaultSeed = 42;

    /// <summary>Network year; null = the clock's year.</summary>
    public int? Year { get; init; }

    /// <summary>Sea level, m BS; null = the trajectory's level in the year.</summary>
    public double? Level { get; init; }

    /// <summary>Projection continuing the observed levels; null = <see cref="CaspianData.DefaultScenario"/>.</summary>
    public string? SeaScenario { get; init; }

    /// <summary>Container demand, TEU a year; null = data/caspian/demand.csv for the year.</summary>
    public double? DemandTeu { get; init; }

    /// <summary>Rail-wagon demand on the wagon-carrying lines, wagons a year; null = from the tonnage of demand.csv when the container demand comes from there too, else 0.</summary>
    public double? DemandWagons { get; init; }

    /// <summary>Vessels to add, <c>class:count</c> (e.g. <c>ro-pax:2</c>): copies of the line's vessel of that class, on the line that has most of them.</summary>
    public IReadOnlyList<string> FleetAdd { get; init; } = [];

    /// <summary>Seed.</summary>
    /// <value>42.</value>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>Simulated days.</summary>
    /// <value>365.</value>
    public int Days { get; init; } = 365;
}

/// <summary>A <c>caspian --curve</c> request: wait curves over demand levels.</summary>
/// <param name="Run">Year, level, fleet and days (its demand and seed are ignored).</param>
public sealed record CaspianCurveRequest(CaspianRequest Run)
{
    /// <summary>Default demand levels, TEU a year for the whole crossing.</summary>
    public static readonly IReadOnlyList<double> DefaultDemands = [10_000, 25_000, 50_000, 75_000, 100_000, 150_000, 200_000, 300_000];

    /// <summary>Demand levels; null = <see cref="DefaultDemands"/>.</summary>
    public IReadOnlyList<double>? DemandsTeu { get; init; }

    /// <summary>Seeds averaged per point: the run's seed and the next ones.</summary>
    /// <value>3.</value>
    public int Seeds { get; init; } = 3;
}

/// <summary>A run's answer: the document and the raw result (queue series for CSV and plots).</summary>
/// <param name="Document">The contract document.</param>
/// <param name="Result">The simulation result.</param>
public sealed record CaspianAnswer(CaspianDocument Document, CrossingResult Result);

/// <summary>
/// <c>caspian</c>: the Caspian crossing simulated from the network's Caspian services and vessels of a year, the
/// data of data/caspian/ (levels, depths, hulls, berths, storms, demand) and the request, and the wait curves that
/// routing and the Monte Carlo engine read (<see cref="WaitCurves"/>).
/// </summary>
/// <param name="workspace">The workspace.</param>
public sealed class CaspianService(CorridorsWorkspace workspace)
{
    /// <summary>Longest horizon, days.</summary>
    public const int MaxDays = 3650;

    private static readonly IReadOnlyDictionary<string, VesselClass> Classes = Words.VesselClass;

    /// <summary>Loads data/caspian/ (errors throw <see cref="InputDataException"/>).</summary>
    public CaspianData LoadData()
    {
        var bag = new DiagnosticBag();
        var data = NetworkLoader.LoadCaspian(workspace.DataDirectory, bag, workspace.Definition);
        bag.ThrowIfErrors();
        return data;
    }

    /// <summary>Simulates one run.</summary>
    /// <param name="request">The request.</param>
    /// <param name="progress">Share of the horizon simulated.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public Outcome<CaspianAnswer> Run(CaspianRequest request, Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = Prepare(request, requireDemand: true);
        if (!prepared.IsValid)
        {
            return prepared.Cast<CaspianAnswer>();
        }

        var p = prepared.Value;
        var scenario = p.Scenario(p.DemandTeu, request.Seed);
        var result = new CrossingSimulation().Run(scenario, progress, cancellationToken);
        return Outcome<CaspianAnswer>.Ok(new CaspianAnswer(Document(p, scenario, result), result));
    }

    /// <summary>The problems of a run or curve request that show without simulating it (the CLI reports them with unreadable options).</summary>
    /// <param name="request">The request.</param>
    /// <param name="curve">A wait-curve request: the run's demand is not needed.</param>
    public IReadOnlyList<RequestProblem> Check(CaspianRequest request, bool curve = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = Prepare(request, requireDemand: !curve);
        return prepared.IsValid ? [] : prepared.Problems;
    }

    /// <summary>Wait curves over demand levels (one per line, then the whole crossing), averaged over seeds.</summary>
    public Outcome<(CaspianCurveDocument Document, IReadOnlyList<CaspianWaitCurve> Curves)> Curve(CaspianCurveRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = Prepare(request.Run, requireDemand: false);
        var problems = prepared.IsValid ? [] : prepared.Problems.ToList();
        var demands = request.DemandsTeu ?? CaspianCurveRequest.DefaultDemands;
        if (demands.Count is 0 or > 50 || demands.Any(d => !(d >= 0) || d > 5_000_000))
        {
            problems.Add(new("demandTeu", "Give 1–50 demand levels, each 0–5,000,000 TEU a year."));
        }

        if (request.Seeds is < 1 or > 50)
        {
            problems.Add(new("seeds", "Average over 1–50 seeds."));
        }

        if (problems.Count > 0)
        {
            return Outcome<(CaspianCurveDocument, IReadOnlyList<CaspianWaitCurve>)>.Invalid(problems);
        }

        var p = prepared.Value;
        var seeds = Enumerable.Range(0, request.Seeds).Select(i => request.Run.Seed + i).ToList();
        var curves = CaspianWaitCurve.Compute(p.Scenario, demands, seeds, p.Year, p.LevelM, cancellationToken);
        var contracts = curves.Select(c => new CaspianCurveContract(c.LineId, [.. c.Points.Select(Point)])).ToList();
        var document = new CaspianCurveDocument(p.Year, ContractJson.Round(p.LevelM, 3), seeds, request.Run.Days, contracts);
        return Outcome<(CaspianCurveDocument, IReadOnlyList<CaspianWaitCurve>)>.Ok((document, curves));
    }

    private static CaspianCurvePointContract Point(WaitCurvePoint pt) =>
        new(pt.DemandTeu, ContractJson.Round(pt.MeanWaitHours, 1), ContractJson.Round(pt.P90WaitHours, 1), ContractJson.Round(pt.ThroughputTeu, 0), ContractJson.Round(pt.BacklogTeu, 0));

    /// <summary>
    /// The wait curves of a network year at its trajectory's sea level (or <paramref name="seaLevelM"/>) and its own
    /// fleet, over <see cref="CaspianCurveRequest.DefaultDemands"/>, three seeds from 42: what routing's groupage
    /// service level and the Monte Carlo engine read. Throws <see cref="ArgumentException"/> for a year outside the network's years.
    /// </summary>
    public IReadOnlyList<CaspianWaitCurve> WaitCurves(int year, double? seaLevelM = null, CancellationToken cancellationToken = default)
    {
        var outcome = Curve(new CaspianCurveRequest(new CaspianRequest { Year = year, Level = seaLevelM }), cancellationToken);
        return outcome.IsValid ? outcome.Value.Curves : throw new ArgumentException(string.Join("; ", outcome.Problems.Select(p => p.Message)), nameof(year));
    }

    /// <summary>Seeds whose runs <see cref="CrossingWaits"/> averages: 42, 43 and 44.</summary>
    public static readonly IReadOnlyList<long> CrossingWaitSeeds = [42, 43, 44];

    /// <summary>
    /// The groupage waits of every directed Caspian crossing in a network year, for routing and the Monte Carlo
    /// engine (<see cref="CorridorNetwork.Build(NetworkDefinition, int, ServiceLevel, CrossingWaits)"/>): the
    /// crossing simulated at the year's demand (data/caspian/demand.csv, interpolated between rows), sea level
    /// (observed series, then the default projection) and fleet (fleet.csv, else services.csv), one year per seed of
    /// <see cref="CrossingWaitSeeds"/>; per line and direction the TEU-weighted mean and P90 of the wait from
    /// arrival to sailing, averaged over the seeds; lines sharing a leg are pooled by TEU shipped. Null when the
    /// year has no Caspian line or no demand row at or before it.
    /// </summary>
    public CrossingWaits? CrossingWaitsFor(int year, CancellationToken cancellationToken = default)
    {
        var prepared = Prepare(new CaspianRequest { Year = year }, requireDemand: true);
        if (!prepared.IsValid)
        {
            return null;
        }

        var p = prepared.Value;
        var simulation = new CrossingSimulation();
        var sums = new Dictionary<(string Leg, string From), (double Weight, double Mean, double P90)>();
        foreach (var seed in CrossingWaitSeeds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = simulation.Run(p.Scenario(p.DemandTeu, seed), null, cancellationToken);
            for (var i = 0; i < result.Lines.Count; i++)
            {
                var t = p.Lines[i];
                Add((t.Service.Leg, t.East.Id), result.Lines[i].Westbound);
                Add((t.Service.Leg, t.West.Id), result.Lines[i].Eastbound);
            }
        }

        void Add((string Leg, string From) key, DirectionWaits waits)
        {
            if (waits.Teu <= 0)
            {
                return;
            }

            var s = sums.GetValueOrDefault(key);
            sums[key] = (s.Weight + waits.Teu, s.Mean + (waits.MeanHours * waits.Teu), s.P90 + (waits.P90Hours * waits.Teu));
        }

        var source = string.Create(CultureInfo.InvariantCulture,
            $"Caspian crossing simulation {year}: {p.DemandTeu:N0} TEU + {p.DemandWagons:N0} wagons a year ({p.DemandFrom}), sea level {p.LevelM:0.00} m, seeds {string.Join(",", CrossingWaitSeeds)}");
        return new CrossingWaits(year, source, sums.Select(kv => new KeyValuePair<(string, string), CrossingWait>(
            kv.Key, new CrossingWait(Math.Round(kv.Value.Mean / kv.Value.Weight, 3), Math.Round(kv.Value.P90 / kv.Value.Weight, 3)))));
    }

    /// <summary>
    /// TEU a year each directed Caspian crossing can carry in a network year, for the capacity analyses (bypass,
    /// leverage, invest, assign): the crossing's lines as <see cref="Run"/> builds them at the year's sea level (the
    /// scenario's, else the observed series and the default projection; or <paramref name="seaLevelM"/>), so each
    /// vessel carries its payload at the allowed draft (<see cref="Hydrostatics.PayloadFactor"/>); per line the
    /// nominal capacity the simulation splits demand by (scheduled departures × TEU, or each vessel's TEU over its
    /// round trip of two passages and two port calls), one load each way per round trip, times the share of days
    /// open to sailing (data/caspian/months.csv storm closures); lines sharing a leg add up. Null when the year has
    /// no Caspian line or the level is out of range.
    /// </summary>
    public CrossingCapacities? CrossingCapacitiesFor(int year, double? seaLevelM = null)
    {
        var prepared = Prepare(new CaspianRequest { Year = year, Level = seaLevelM }, requireDemand: false);
        if (!prepared.IsValid)
        {
            return null;
        }

        var p = prepared.Value;
        var open = 0.0;
        for (var m = 0; m < 12; m++)
        {
            open += DateTime.DaysInMonth(2001, m + 1) * (1 - p.Data.ClosureByMonth[m]);
        }

        open /= 365;
        var entries = new List<KeyValuePair<(string Leg, string From), double>>();
        foreach (var line in p.Lines)
        {
            var perDirection = line.NominalTeu(p.PortById) / 2 * open;
            entries.Add(new((line.Service.Leg, line.East.Id), perDirection));
            entries.Add(new((line.Service.Leg, line.West.Id), perDirection));
        }

        var source = string.Create(CultureInfo.InvariantCulture,
            $"Caspian crossing simulation {year}: each line's fleet at sea level {p.LevelM:0.00} m ({p.LevelFrom}), payload at the allowed draft, one load each way per round trip, {open:P1} of days open to sailing");
        return new CrossingCapacities(year, p.LevelM, source, entries);
    }

    /// <summary>
    /// The Caspian crossings' volume-delay curves for the corridor assignment's user equilibrium: the wait curves of
    /// <see cref="WaitCurves"/> (each line's mean wait from arrival to sailing at the year's sea level and fleet,
    /// containers only, over <see cref="CaspianCurveRequest.DefaultDemands"/>, seeds <see cref="CrossingWaitSeeds"/>)
    /// turned from "TEU a year offered to the whole crossing" into "TEU a year on this edge": the simulation gives a
    /// line its share of the crossing's demand by nominal capacity, and the westbound share
    /// (data/caspian/parameters.csv) of that to the edge leaving the eastern port; lines sharing a leg add their
    /// flows and average their waits by share. Keyed by (leg id, from node id); null when the year has no Caspian line.
    /// </summary>
    public IReadOnlyDictionary<(string Leg, string From), DelayCurve>? CrossingWaitCurves(int year, CancellationToken cancellationToken = default)
    {
        var prepared = Prepare(new CaspianRequest { Year = year }, requireDemand: false);
        if (!prepared.IsValid)
        {
            return null;
        }

        var p = prepared.Value;
        var curves = CaspianWaitCurve.Compute(p.Scenario, CaspianCurveRequest.DefaultDemands, CrossingWaitSeeds, p.Year, p.LevelM, cancellationToken)
            .ToDictionary(c => c.LineId, StringComparer.Ordinal);
        var nominal = p.Lines.Select(l => l.NominalTeu(p.PortById)).ToList();
        var total = nominal.Sum();
        var west = p.Data.WestboundShare;
        var levels = CaspianCurveRequest.DefaultDemands.Distinct().Order().ToList();
        // Per edge and demand level: flow on the edge, and the share-weighted sum of the lines' waits.
        var sums = new Dictionary<(string Leg, string From), (double[] Flow, double[] Share, double[] Wait)>();
        for (var i = 0; i < p.Lines.Count; i++)
        {
            var line = p.Lines[i];
            if (!curves.TryGetValue(line.Id, out var curve) || total <= 0)
            {
                continue;
            }

            var share = nominal[i] / total;
            foreach (var (from, direction) in new[] { (line.East.Id, west), (line.West.Id, 1 - west) })
            {
                var key = (line.Service.Leg, from);
                if (!sums.TryGetValue(key, out var s))
                {
                    sums[key] = s = (new double[levels.Count], new double[levels.Count], new double[levels.Count]);
                }

                for (var k = 0; k < levels.Count; k++)
                {
                    s.Flow[k] += levels[k] * share * direction;
                    s.Share[k] += share;
                    s.Wait[k] += share * curve.WaitHours(levels[k]);
                }
            }
        }

        return sums.Where(kv => kv.Value.Flow[0] >= 0 && kv.Value.Share[0] > 0)
            .ToDictionary(kv => kv.Key, kv => new DelayCurve(Enumerable.Range(0, levels.Count)
                .Select(k => (kv.Value.Flow[k], kv.Value.Wait[k] / kv.Value.Share[k]))
                .DistinctBy(x => x.Item1)));
    }

    private Outcome<Prepared> Prepare(CaspianRequest r, bool requireDemand)
    {
        var problems = new List<RequestProblem>();
        var year = r.Year ?? workspace.Clock.GetUtcNow().Year;
        if (year is < NetworkYears.Min or > NetworkYears.Max)
        {
            problems.Add(new("year", $"The network year must be {NetworkYears.Min}–{NetworkYears.Max}."));
        }

        if (r.Level is { } lv && !(lv >= -45 && lv <= -20))
        {
            problems.Add(new("level", "The sea level must be between -45 and -20 m (Baltic system); 2025 was -29.21."));
        }

        if (r.Days is < 1 or > MaxDays)
        {
            problems.Add(new("days", $"Simulate 1–{MaxDays} days."));
        }

        if (r.DemandTeu is { } dt && !(dt >= 0 && dt <= 5_000_000))
        {
            problems.Add(new("demandTeu", "The demand must be 0–5,000,000 TEU a year."));
        }

        if (r.DemandWagons is { } dw && !(dw >= 0 && dw <= 2_000_000))
        {
            problems.Add(new("demandWagons", "The wagon demand must be 0–2,000,000 wagons a year."));
        }

        var data = LoadData();
        var scenarioName = r.SeaScenario ?? CaspianData.DefaultScenario;
        if (!data.Scenarios.Contains(scenarioName, StringComparer.Ordinal))
        {
            problems.Add(new("seaScenario", $"Unknown sea-level scenario '{RequestText.Quote(scenarioName)}'; known: {string.Join(", ", data.Scenarios)}."));
        }

        var adds = new List<(VesselClass Class, string Word, int Count, int Index)>();
        for (var i = 0; i < r.FleetAdd.Count; i++)
        {
            var text = r.FleetAdd[i];
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var word = colon < 0 ? text : text[..colon];
            if (colon < 0 || !Classes.TryGetValue(word.Trim().ToLowerInvariant(), out var cls)
                || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 50)
            {
                problems.Add(new($"fleetAdd[{i}]", $"'{RequestText.Quote(text)}' is not class:count (class one of {string.Join(", ", Classes.Keys)}; count 1–50), e.g. ro-pax:2."));
                continue;
            }

            adds.Add((cls, word.Trim().ToLowerInvariant(), count, i));
        }

        if (problems.Count > 0)
        {
            return Outcome<Prepared>.Invalid(problems);
        }

        var definition = workspace.Definition;
        // A scenario's sea level (a value, an offset from the trajectory or its own trajectory) stands in for the data's.
        var trajectory = data.Trajectory(scenarioName).Level(year);
        var scenarioLevel = workspace.Scenario?.Scenario.SeaLevel;
        var level = r.Level ?? scenarioLevel?.Level(year, trajectory) ?? trajectory;
        var levelFrom = r.Level is not null ? "given" : scenarioLevel is not null ? $"scenario {workspace.ScenarioName}" : $"{CaspianData.Observed}+{scenarioName}";
        var notes = new List<string>();
        var lines = BuildLines(definition, data, year, level, notes);
        if (lines.Count == 0)
        {
            return Outcome<Prepared>.Invalid("year", $"The network of {year} has no Caspian ferry or feeder service.");
        }

        foreach (var add in adds)
        {
            var target = lines
                .Select((l, i) => (Line: l, Index: i, Count: l.Vessels.Count(v => v.Class == add.Class)))
                .Where(x => x.Count > 0)
                .OrderByDescending(x => x.Count).ThenBy(x => x.Index)
                .FirstOrDefault();
            if (target.Line is null)
            {
                problems.Add(new($"fleetAdd[{add.Index}]", $"No Caspian line of {year} runs a {add.Word} vessel to copy."));
                continue;
            }

            var model = target.Line.Vessels.First(v => v.Class == add.Class);
            for (var k = 1; k <= add.Count; k++)
            {
                target.Line.Vessels.Add(model with { Vessel = model.Vessel with { Id = $"{model.Vessel.Id}+{k}", Name = $"{model.Vessel.Name} (added {k})" } });
            }

            notes.Add($"Added {add.Count} {add.Word} vessel(s) to {target.Line.Id}, copies of {model.Vessel.Id}.");
        }

        var demand = r.DemandTeu;
        var demandFrom = "given";
        var demandWagons = r.DemandWagons ?? 0;
        if (demand is null)
        {
            if (data.DemandFor(year) is { } row)
            {
                var growth = workspace.Scenario?.Scenario.DemandFactor ?? 1;
                demand = row.Teu * growth;
                demandWagons = r.DemandWagons ?? Math.Round(data.WagonsFor(row) * growth);
                demandFrom = growth == 1 ? data.DemandSource(year) : $"{data.DemandSource(year)} × {growth.ToString("0.###", CultureInfo.InvariantCulture)} (scenario {workspace.ScenarioName})";
            }
            else if (requireDemand)
            {
                problems.Add(new("demandTeu", $"data/caspian/demand.csv has no demand at or before {year}; give the demand in TEU a year."));
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<Prepared>.Invalid(problems);
        }

        var ports = data.Ports.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return Outcome<Prepared>.Ok(new Prepared(year, level, levelFrom, demand ?? 0, demandFrom, demandWagons, r.Days, data, lines, ports, notes));
    }

    private static List<LineTemplate> BuildLines(NetworkDefinition definition, CaspianData data, int year, double level, List<string> notes)
    {
        var portIds = data.Ports.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var hulls = data.Hulls.ToDictionary(h => h.VesselId, StringComparer.Ordinal);
        var lines = new List<LineTemplate>();
        foreach (var service in definition.Services.Where(s => s.Validity.IsActive(year)))
        {
            var leg = definition.LegById[service.Leg];
            if (leg.Mode is not (TransportMode.Ferry or TransportMode.Feeder) || !leg.Validity.IsActive(year))
            {
                continue;
            }

            var from = definition.NodeById[leg.From];
            var to = definition.NodeById[leg.To];
            if (from.Sea != SeaArea.Caspian || to.Sea != SeaArea.Caspian)
            {
                continue;
            }

            // A is the eastern port, B the western (Alat): westbound is A → B.
            var (east, west) = from.Lon >= to.Lon ? (from, to) : (to, from);
            if (!portIds.Contains(east.Id) || !portIds.Contains(west.Id))
            {
                notes.Add($"{service.Id} left out: data/caspian/ports.csv lacks {(portIds.Contains(east.Id) ? west.Id : east.Id)}.");
                continue;
            }

            var sailing = leg.Hours ?? Triangular.Fixed(leg.RunningHoursExpected);
            var allowed = Min(data.AllowedDraftM(east.Id, year, level), data.AllowedDraftM(west.Id, year, level));
            var vessels = new List<VesselTemplate>();
            var fleet = data.FleetFor(service.Id, year);
            var named = fleet.Count > 0
                ? fleet.SelectMany(f => Enumerable.Repeat(f.VesselId, f.Count)).ToList()
                : service.Vessels;
            foreach (var id in named)
            {
                var v = definition.VesselById[id];
                if (v.BuiltYear is { } built && built > year)
                {
                    continue;
                }

                // The service's TEU per departure is the loading in practice (e.g. 46 open-top wagons rather than 56
                // tank wagons); a fleet.csv vessel of another kind than the service's own counts its own capacity.
                var own = fleet.Count == 0 || service.Vessels.Contains(id, StringComparer.Ordinal);
                var designTeu = v.Teu ?? (own ? service.CapacityTeuPerDeparture : null) ?? (v.Wagons * data.TeuPerWagon) ?? service.CapacityTeuPerDeparture ?? 0;
                vessels.Add(Template(new CrossingVessel(v.Id, v.Name, designTeu, 1), v.Class, hulls.GetValueOrDefault(v.Id), allowed, data, notes));
            }

            if (fleet.Count > 0)
            {
                notes.Add($"{service.Id}: fleet of {year} from data/caspian/fleet.csv ({string.Join(", ", fleet.Select(f => $"{f.Count} × {f.VesselId}"))}).");
            }

            if (named.Count == 0)
            {
                // No named vessels: as many as the departures need over a round trip (2 passages + 2 port calls).
                var handling = data.Ports.Where(p => p.Id == east.Id || p.Id == west.Id).Sum(p => p.HandlingHours.Mean);
                var cycle = (2 * sailing.Mean) + handling;
                var count = Math.Max(1, (int)Math.Round(service.DeparturesPerWeek * cycle / 168, MidpointRounding.AwayFromZero));
                var cls = leg.Mode == TransportMode.Feeder ? VesselClass.ContainerFeeder : VesselClass.RailFerry;
                for (var k = 1; k <= count; k++)
                {
                    vessels.Add(Template(new CrossingVessel($"{service.Id}#{k}", $"{service.Name} vessel {k}", service.CapacityTeuPerDeparture ?? 0, 1), cls, null, allowed, data, notes));
                }

                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{service.Id} names no vessels: {count} inferred from {service.DeparturesPerWeek} departures a week and a {cycle:0} h round trip, {service.CapacityTeuPerDeparture ?? 0} TEU each."));
            }

            lines.Add(new LineTemplate(service, east, west, sailing, vessels, service.CapacityWagonsPerDeparture is > 0 || leg.Mode == TransportMode.Ferry));
        }

        // A vessel named more than once (copies of a class stand-in, or one vessel on two lines' lists) gets
        // numbered ids, so every simulated vessel is reported on its own.
        var repeated = lines.SelectMany(l => l.Vessels).GroupBy(v => v.Vessel.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Vessels.Count; i++)
            {
                var v = line.Vessels[i].Vessel;
                if (repeated.Contains(v.Id))
                {
                    var k = seen[v.Id] = seen.GetValueOrDefault(v.Id) + 1;
                    line.Vessels[i] = line.Vessels[i] with { Vessel = v with { Id = $"{v.Id}#{k}", Name = $"{v.Name} #{k}" } };
                }
            }
        }

        return lines;
    }

    private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static VesselTemplate Template(CrossingVessel vessel, VesselClass cls, HullParticulars? hull, double? allowed, CaspianData data, List<string> notes)
    {
        if (hull is null || allowed is null)
        {
            notes.Add($"{vessel.Id}: no {(hull is null ? "hull particulars" : "port depth")}, payload factor taken as 1.");
            return new VesselTemplate(vessel, cls, hull, allowed);
        }

        return new VesselTemplate(vessel with { PayloadFactor = Hydrostatics.PayloadFactor(hull, allowed.Value, data.WaterDensity) }, cls, hull, allowed);
    }

    private static CaspianDocument Document(Prepared p, CrossingScenario scenario, CrossingResult result)
    {
        static double R(double v, int d = 2) => ContractJson.Round(v, d);
        var vesselResults = result.Vessels.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var templates = p.Lines.SelectMany(l => l.Vessels).ToList();
        var vessels = templates.Select(t =>
        {
            var r = vesselResults[t.Vessel.Id];
            return new CaspianVesselContract(
                t.Vessel.Id, t.Vessel.Name, r.Line, t.Vessel.DesignTeu, t.Vessel.CapacityTeu, R(t.Vessel.PayloadFactor, 4),
                t.AllowedDraftM is { } a ? R(a, 3) : null, t.Hull?.DesignDraftM, t.Hull is { } h ? R(Hydrostatics.TonnesPerCm(h, p.Data.WaterDensity), 2) : null,
                r.Sailings, R(r.Utilisation, 4), R(r.LoadFactor, 4));
        }).ToList();
        var lines = result.Lines.Select((l, i) =>
        {
            var t = p.Lines[i];
            var sl = scenario.Lines[i];
            return new CaspianLineContract(
                l.Id, l.Name, t.East.Id, t.West.Id, t.Service.Kind == ServiceKind.Scheduled ? "scheduled" : "sail-when-full", sl.Vessels.Count, l.Sailings,
                R(sl.WestboundTeuPerYear + sl.EastboundTeuPerYear, 0), R(l.ShippedTeu, 0), R(l.WestboundShippedTeu, 0), R(l.MeanWaitHours, 1), R(l.P90WaitHours, 1),
                R(l.BacklogTeu, 0), R(l.LoadFactor, 4), R(l.CapacityTeuPerYear, 0));
        }).ToList();
        var ports = result.Ports.Select((x, i) => new CaspianPortContract(x.Id, x.Name, scenario.Ports[i].Berths, R(x.BerthUtilisation, 4), R(x.MeanBerthQueueHours, 1), R(x.MaxQueueTeu, 0), R(x.HoursAboveYard, 0))).ToList();
        return new CaspianDocument
        {
            Year = p.Year,
            SeaLevelM = R(p.LevelM, 3),
            SeaLevelFrom = p.LevelFrom,
            Seed = result.Seed,
            Days = result.Days,
            DemandTeu = p.DemandTeu,
            DemandFrom = p.DemandFrom,
            DemandWagons = p.DemandWagons,
            ArrivedTeu = R(result.ArrivedTeu, 0),
            ThroughputTeu = R(result.ShippedTeu, 0),
            ThroughputWagons = R(result.ShippedWagons, 0),
            MeanWaitHours = R(result.Waits.Mean, 1),
            P50WaitHours = R(result.Waits.Quantile(0.5), 1),
            P90WaitHours = R(result.Waits.Quantile(0.9), 1),
            MaxWaitHours = R(result.Waits.Max, 1),
            BacklogTeu = R(result.BacklogTeu, 0),
            Utilisation = new CaspianUtilisation(
                result.Vessels.ToDictionary(v => v.Id, v => R(v.Utilisation, 4), StringComparer.Ordinal),
                result.Ports.ToDictionary(x => x.Id, x => R(x.BerthUtilisation, 4), StringComparer.Ordinal)),
            PayloadFactor = templates.ToDictionary(t => t.Vessel.Id, t => R(t.Vessel.PayloadFactor, 4), StringComparer.Ordinal),
            Vessels = vessels,
            Lines = lines,
            Ports = ports,
            ClosedDays = result.ClosedDays,
            Events = result.Events,
            Notes = p.Notes,
        };
    }

    private sealed record VesselTemplate(CrossingVessel Vessel, VesselClass Class, HullParticulars? Hull, double? AllowedDraftM);

    private sealed record LineTemplate(Service Service, Node East, Node West, Triangular Sailing, List<VesselTemplate> Vessels, bool CarriesWagons)
    {
        public string Id => Service.Id;

        /// <summary>Nominal TEU a year both ways: scheduled departures × capacity, or each vessel's capacity over its round trip.</summary>
        public double NominalTeu(IReadOnlyDictionary<string, CrossingPort> ports)
        {
            if (Service.Kind == ServiceKind.Scheduled)
            {
                var cap = Vessels.Count > 0 ? Vessels.Average(v => v.Vessel.CapacityTeu) : 0;
                return Service.DeparturesPerWeek * 2 * 52.14 * cap;
            }

            var cycle = (2 * Sailing.Mean) + ports[East.Id].HandlingHours.Mean + ports[West.Id].HandlingHours.Mean;
            return Vessels.Sum(v => v.Vessel.CapacityTeu) * 2 * 8760 / cycle;
        }
    }

    private sealed record Prepared(
        int Year,
        double LevelM,
        string LevelFrom,
        double DemandTeu,
        string DemandFrom,
        double DemandWagons,
        int Days,
        CaspianData Data,
        List<LineTemplate> Lines,
        Dictionary<string, CrossingPort> PortById,
        List<string> Notes)
    {
        /// <summary>The scenario at a demand (TEU a year on the whole crossing, split by nominal capacity) and seed.</summary>
        public CrossingScenario Scenario(double demandTeu, long seed)
        {
            var portIds = Lines.SelectMany(l => new[] { l.East.Id, l.West.Id }).Distinct(StringComparer.Ordinal).ToList();
            var ports = portIds.Select(id => PortById[id]).ToList();
            var nominal = Lines.Select(l => l.NominalTeu(PortById)).ToList();
            var total = nominal.Sum();
            var wagonTotal = Lines.Select((l, i) => l.CarriesWagons ? nominal[i] : 0).Sum();
            var west = Data.WestboundShare;
            var lines = Lines.Select((l, i) =>
            {
                // Containers go where the capacity is; wagons only to the wagon-carrying lines.
                var teu = total > 0 ? demandTeu * nominal[i] / total : demandTeu / Lines.Count;
                if (l.CarriesWagons && wagonTotal > 0)
                {
                    teu += DemandWagons * Data.TeuPerWagon * nominal[i] / wagonTotal;
                }

                var policy = l.Service.Kind == ServiceKind.Scheduled ? SailingPolicy.Scheduled : SailingPolicy.SailWhenFull;
                return new CrossingLine(
                    l.Id, l.Service.Name, portIds.IndexOf(l.East.Id), portIds.IndexOf(l.West.Id), policy, l.Sailing, Data.MaxWaitHours,
                    l.Service.DeparturesPerWeek, [.. l.Vessels.Select(v => v.Vessel)], teu * west, teu * (1 - west), l.CarriesWagons);
            }).ToList();
            return new CrossingScenario
            {
                Ports = ports,
                Lines = lines,
                Days = Days,
                Seed = seed,
                ClosureProbabilityByMonth = Data.ClosureByMonth,
                SeasonalityByMonth = Data.DemandByMonth,
                BatchTeu = Data.BatchTeu,
                TeuPerWagon = Data.TeuPerWagon,
            };
        }
    }
}

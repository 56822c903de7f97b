using System.Globalization;
using Corridors.Network;

namespace Corridors.Reliability;

/// <summary>What a leg's time is made of in a <see cref="RoutePlan"/>, for explanations.</summary>
/// <param name="PathIndex">0-based position on the route.</param>
/// <param name="Edge">The edge.</param>
/// <param name="From">Data id of the start node.</param>
/// <param name="To">Data id of the end node.</param>
/// <param name="Mode">Mode of the leg.</param>
/// <param name="Elements">One line per stochastic element (dwell, tail, wait, weather, running, shocks).</param>
public sealed record PlanLeg(int PathIndex, EdgeId Edge, string From, string To, TransportMode Mode, IReadOnlyList<string> Elements)
{
    /// <summary>Short label: <c>FROM → TO (mode)</c>.</summary>
    public string Label => $"{From} → {To} ({Words.Name(Mode)})";
}

/// <summary>Which part of a leg a shock acts on.</summary>
internal enum ShockTarget : byte
{
    Dwell,
    Wait,
    Running,
}

/// <summary>One optional delay: probability by month (12 entries at <see cref="ProbOffset"/> in the month pool) and its size.</summary>
internal readonly record struct ProbDelay(int ProbOffset, DelayDistribution Delay);

/// <summary>A shock acting on one element of one leg.</summary>
internal readonly record struct ShockLink(int Shock, ShockTarget Target, ShockEffect Effect);

/// <summary>Everything the sampler needs for one leg, flattened into value types.</summary>
internal struct PlanStep
{
    public bool HasDwell;
    public DelayDistribution Dwell;
    public int TailStart;
    public int TailCount;
    public int ShockStart;
    public int ShockCount;
    public int Edge;
    public bool HasScheduled;
    public bool HasSailWhenFull;
    public DelayDistribution SailWhenFullWait;
    public DelayDistribution SailWhenFullHeadway;
    public int MissedOffset;
    public int ClosureStart;
    public int ClosureCount;
    public DelayDistribution Running;
    public int RunTailStart;
    public int RunTailCount;
}

/// <summary>
/// A route compiled against a <see cref="ReliabilityModel"/>: per leg the dwell at its start node (with rare long
/// holds), the wait for its service (timetable, sail-when-full headways, missed sailings, weather), its running
/// time, and the common shocks that hit it. Immutable; sample it with <see cref="MonteCarloEngine"/>.
/// </summary>
public sealed class RoutePlan
{
    /// <summary>How many months ahead of departure the month table reaches (trips longer than this use the last month).</summary>
    internal const int MonthHorizon = 60;

    private RoutePlan(
        CorridorNetwork network,
        IReadOnlyList<EdgeId> path,
        DateTimeOffset departure,
        ReliabilityModel model,
        PlanStep[] steps,
        ProbDelay[] tails,
        ProbDelay[] closures,
        ShockLink[] shockLinks,
        double[] monthProbabilities,
        int shockCount,
        int[] shockProbOffsets,
        DelayDistribution[] shockSizes,
        double[] monthStarts,
        byte[] monthOfIndex,
        PlanLeg[] legs)
    {
        Network = network;
        Path = path;
        Departure = departure;
        Model = model;
        Steps = steps;
        Tails = tails;
        Closures = closures;
        ShockLinks = shockLinks;
        Schedule = network.Schedule;
        DepartureHoursSinceEpoch = ServiceSchedule.HoursSinceEpoch(departure);
        MonthProbabilities = monthProbabilities;
        ShockCount = shockCount;
        ShockProbOffsets = shockProbOffsets;
        ShockSizes = shockSizes;
        MonthStarts = monthStarts;
        MonthOfIndex = monthOfIndex;
        Legs = legs;
    }

    /// <summary>The network the path belongs to.</summary>
    public CorridorNetwork Network { get; }

    /// <summary>The route as edges.</summary>
    public IReadOnlyList<EdgeId> Path { get; }

    /// <summary>Departure time (timetables and months are judged from it).</summary>
    public DateTimeOffset Departure { get; }

    /// <summary>The model the plan was compiled from.</summary>
    public ReliabilityModel Model { get; }

    /// <summary>Per leg, what its time is made of.</summary>
    public IReadOnlyList<PlanLeg> Legs { get; }

    internal PlanStep[] Steps { get; }

    internal ProbDelay[] Tails { get; }

    internal ProbDelay[] Closures { get; }

    internal ShockLink[] ShockLinks { get; }

    /// <summary>The network's frozen services: timetables are read from it at departure + trip hours.</summary>
    internal ServiceSchedule Schedule { get; }

    /// <summary>The departure in hours since <see cref="ServiceSchedule.Epoch"/>.</summary>
    internal double DepartureHoursSinceEpoch { get; }

    internal double[] MonthProbabilities { get; }

    internal int ShockCount { get; }

    internal int[] ShockProbOffsets { get; }

    internal DelayDistribution[] ShockSizes { get; }

    /// <summary>Hours after departure at which month j (j = 0 is the departure month) starts; length MonthHorizon + 1.</summary>
    internal double[] MonthStarts { get; }

    /// <summary>Calendar month (0–11) of month slot j.</summary>
    internal byte[] MonthOfIndex { get; }

    internal static RoutePlan Build(ReliabilityModel model, CorridorNetwork network, IReadOnlyList<EdgeId> path, DateTimeOffset departure)
    {
        if (path.Count == 0)
        {
            throw new ArgumentException("The route has no legs.", nameof(path));
        }

        var head = network.Head;
        var tail = network.Tail;
        for (var i = 0; i < path.Count; i++)
        {
            var e = path[i].Value;
            if ((uint)e >= (uint)network.EdgeCount)
            {
                throw new ArgumentException($"Edge {path[i]} at position {i} is not in the network.", nameof(path));
            }

            if (i > 0 && tail[e] != head[path[i - 1].Value])
            {
                throw new ArgumentException($"The route is not contiguous: edge {path[i]} at position {i} does not start where edge {path[i - 1]} ends.", nameof(path));
            }
        }

        var departureUtc = departure.ToUniversalTime();
        var months = new List<double>();
        var monthOf = new List<byte>();
        var monthStart = new DateTimeOffset(departureUtc.Year, departureUtc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (var j = 0; j <= MonthHorizon; j++)
        {
            var start = monthStart.AddMonths(j);
            months.Add(j == 0 ? double.NegativeInfinity : (start - departureUtc).TotalHours);
            monthOf.Add((byte)(start.Month - 1));
        }

        var builder = new Builder(model, network);
        for (var i = 0; i < path.Count; i++)
        {
            builder.AddLeg(path, i);
        }

        builder.LinkShocks(path);
        var shockLinks = builder.FlattenShockLinks();
        return new RoutePlan(
            network,
            path.ToArray(),
            departure,
            model,
            [.. builder.Steps],
            [.. builder.Tails],
            [.. builder.Closures],
            shockLinks,
            [.. builder.MonthProbs],
            model.Shocks.Count,
            builder.ShockProbOffsets,
            model.Shocks.Select(s => s.Distribution).ToArray(),
            [.. months],
            [.. monthOf],
            builder.LegDescriptions(path));
    }

    private sealed class Builder
    {
        private readonly ReliabilityModel _model;
        private readonly CorridorNetwork _network;
        private readonly List<List<string>> _descriptions = [];
        private readonly List<List<ShockLink>> _links = [];

        public Builder(ReliabilityModel model, CorridorNetwork network)
        {
            _model = model;
            _network = network;
            ShockProbOffsets = new int[model.Shocks.Count];
            for (var k = 0; k < model.Shocks.Count; k++)
            {
                ShockProbOffsets[k] = AddMonthProbs(model.Shocks[k]);
            }
        }

        public List<PlanStep> Steps { get; } = [];

        public List<ProbDelay> Tails { get; } = [];

        public List<ProbDelay> Closures { get; } = [];

        public List<double> MonthProbs { get; } = [];

        public int[] ShockProbOffsets { get; }

        public void AddLeg(IReadOnlyList<EdgeId> path, int index)
        {
            var edge = path[index];
            var leg = _network.LegOf(edge);
            var fromNode = _network.Node(new NodeId(_network.Tail[edge.Value]));
            var toNode = _network.Node(new NodeId(_network.Head[edge.Value]));
            var sea = SeaOf(leg, fromNode, toNode);
            var lines = new List<string>();
            var step = new PlanStep { MissedOffset = -1, Dwell = DelayDistribution.Zero };

            // 1. Dwell at the start node: intermediate nodes only, when the node always stops traffic or the route
            // changes mode there (docs/MODEL.md §2); at the origin, groupage waits for the next groupage departure
            // (the mean routing uses is half the headway: ServiceSchedule.OriginWaitHours).
            if (index == 0 && _network.Schedule.OriginHeadwayHours(leg.Mode) > 0)
            {
                var headway = _network.Schedule.OriginHeadwayHours(leg.Mode);
                step.HasDwell = true;
                step.Dwell = DelayDistribution.Uniform(0, headway);
                lines.Add(Invariant($"groupage departure from {fromNode.Id}: uniform 0–{headway:G4} h (every {headway:G4} h, parameter {ServiceSchedule.GroupageDeparturesParameter})"));
            }
            else if (index > 0)
            {
                // The one TransferRule routing uses too: a mode or gauge change between two non-transfer legs;
                // transfer legs carry their own handling time, so the node's transfer dwell is not added on top.
                var previous = _network.LegOf(path[index - 1]);
                var transfer = TransferRule.ChangesAt(previous.Mode, previous.GaugeMm ?? 0, leg.Mode, leg.GaugeMm ?? 0);
                if (!TransferRule.DwellApplies(fromNode.DwellRule == DwellRule.Always, transfer)
                    && TransferRule.Rolls(previous.Mode, leg.Mode) && fromNode.RollDwellHours is { } roll)
                {
                    step.HasDwell = true;
                    step.Dwell = DelayDistribution.Triangular(roll.Min, roll.Mode, roll.Max);
                    lines.Add($"roll dwell at {fromNode.Id}: {step.Dwell} h (wagons roll between train and ferry)");
                }
                else if (TransferRule.DwellApplies(fromNode.DwellRule == DwellRule.Always, transfer))
                {
                    step.HasDwell = true;
                    if (fromNode.DwellHours is { } d)
                    {
                        step.Dwell = DelayDistribution.Triangular(d.Min, d.Mode, d.Max);
                        lines.Add($"dwell at {fromNode.Id}: {step.Dwell} h ({(transfer ? "transfer" : "always")})");
                    }

                    step.TailStart = Tails.Count;
                    foreach (var rule in MostSpecific(ReliabilityComponent.DwellTail, r => r.Matches(fromNode)))
                    {
                        Tails.Add(new ProbDelay(AddMonthProbs(rule), rule.Distribution));
                        lines.Add(Invariant($"long hold at {fromNode.Id}: p={rule.Probability:G3} per passage ({rule.Months}), {rule.Distribution} h [{rule.Id}]"));
                    }

                    step.TailCount = Tails.Count - step.TailStart;
                }
            }

            // 2. Wait for the leg's service, from the network's frozen schedule (the one routing reads).
            var schedule = _network.Schedule;
            var legIndex = _network.EdgeLeg[edge.Value];
            step.Edge = edge.Value;
            var crossingWait = schedule.HasService(edge.Value) ? schedule.CrossingWaitOf(edge.Value) : null;
            if (crossingWait is { } crossing)
            {
                // Groupage on a simulated crossing: the congestion wait replaces the services' headway (routing
                // waits its mean); a missed sailing costs one mean headway of the leg's services on top.
                step.HasSailWhenFull = true;
                step.SailWhenFullWait = crossing.Distribution;
                var headway = schedule.HasSailWhenFull(edge.Value)
                    ? schedule.SailWhenFullHeadwayHours(legIndex)
                    : schedule.PeriodHours(legIndex) / Math.Max(1, schedule.DepartureHours(legIndex).Length);
                step.SailWhenFullHeadway = DelayDistribution.Uniform(headway, headway);
                lines.Add(Invariant($"wait for the crossing (simulated congestion, groupage): {step.SailWhenFullWait} h, mean {crossing.MeanHours:G4} h, P90 {crossing.P90Hours:G4} h ({_network.CrossingWaits?.Source})"));
            }
            else if (schedule.HasTimetable(edge.Value))
            {
                step.HasScheduled = true;
                var period = schedule.PeriodHours(legIndex);
                var ids = ServiceIds(schedule, legIndex, ServiceKind.Scheduled);
                lines.Add(Invariant($"wait for scheduled departure: {schedule.DepartureHours(legIndex).Length} per {period / ServiceSchedule.HoursPerWeek:G3} week(s) ({ids})"));
            }

            if (crossingWait is null && schedule.HasSailWhenFull(edge.Value))
            {
                step.HasSailWhenFull = true;
                var mean = schedule.SailWhenFullHeadwayHours(legIndex);
                var perWeek = schedule.SailWhenFullPerWeek(legIndex);
                var ids = ServiceIds(schedule, legIndex, ServiceKind.SailWhenFull);
                var rule = MostSpecific(ReliabilityComponent.SailingHeadway, r => r.Matches(leg, sea)).FirstOrDefault();
                if (rule is not null)
                {
                    // The rule gives the spread of the headways; services.csv gives how often vessels sail, so a
                    // scenario that adds vessels shortens the headways in proportion.
                    step.SailWhenFullHeadway = UniformHeadway(rule).ScaledToMean(mean);
                    lines.Add(Invariant($"wait for sail-when-full departure: headway {step.SailWhenFullHeadway} h, mean {mean:G4} h at {perWeek:G3} departures/week ({ids}), spread of {rule.Distribution} h [{rule.Id}]"));
                }
                else
                {
                    // No headway spread known: departures evenly spaced at the combined frequency, cargo arrives at a random time.
                    step.SailWhenFullHeadway = DelayDistribution.Uniform(mean, mean);
                    lines.Add(Invariant($"wait for sail-when-full departure: evenly spaced every {mean:G4} h at {perWeek:G3} departures/week ({ids}), no headway rule"));
                }

                step.SailWhenFullWait = DelayDistribution.ResidualOfUniformHeadway(step.SailWhenFullHeadway.A, step.SailWhenFullHeadway.B);
            }

            if (step.HasScheduled || step.HasSailWhenFull)
            {
                var missed = MostSpecific(ReliabilityComponent.MissedSailing, r => r.Matches(leg, sea)).FirstOrDefault();
                if (missed is not null)
                {
                    step.MissedOffset = AddMonthProbs(missed);
                    lines.Add(Invariant($"missed departure: p={missed.Probability:G3} each ({missed.Months}) [{missed.Id}]"));
                }
            }

            if (leg.IsWater)
            {
                step.ClosureStart = Closures.Count;
                foreach (var rule in MostSpecific(ReliabilityComponent.WeatherClosure, r => r.Matches(leg, sea)))
                {
                    Closures.Add(new ProbDelay(AddMonthProbs(rule), rule.Distribution));
                    lines.Add(Invariant($"weather hold: p={rule.Probability:G3} per departure in months {rule.Months}, {rule.Distribution} h [{rule.Id}]"));
                }

                step.ClosureCount = Closures.Count - step.ClosureStart;
            }

            // 3. Running time: the leg's own triangle, else distance / speed times a variation factor.
            if (leg.Hours is { } hours)
            {
                step.Running = DelayDistribution.Triangular(hours.Min, hours.Mode, hours.Max);
                lines.Add($"running: {step.Running} h");
            }
            else
            {
                // Speeds are commercial averages (docs/DATA.md), so distance / speed is the leg's mean running time,
                // the figure routing uses: the variation keeps its shape but is centred on mean 1, which makes the
                // routing time the expectation of the running time sampled here (issue 9: one expected time).
                var baseHours = leg.RunningHoursExpected;
                var variation = MostSpecific(ReliabilityComponent.RunningVariation, r => r.Matches(leg, sea)).FirstOrDefault();
                if (variation is not null && baseHours > 0)
                {
                    step.Running = variation.Distribution.ScaledToMean(baseHours);
                    lines.Add(Invariant($"running: {baseHours:G4} h mean × the shape of {variation.Distribution} [{variation.Id}]"));
                }
                else
                {
                    step.Running = DelayDistribution.Fixed(baseHours);
                    lines.Add(Invariant($"running: {baseHours:G4} h (no variation rule)"));
                }
            }

            // Long holds on the leg itself (a transfer leg that models a gauge change or border crossing).
            step.RunTailStart = Tails.Count;
            foreach (var rule in MostSpecific(ReliabilityComponent.DwellTail, r => r.Scope is not (RuleScope.Node or RuleScope.NodeKind or RuleScope.Country) && r.Matches(leg, sea)))
            {
                Tails.Add(new ProbDelay(AddMonthProbs(rule), rule.Distribution));
                lines.Add(Invariant($"long hold on {leg.Id}: p={rule.Probability:G3} per passage ({rule.Months}), {rule.Distribution} h [{rule.Id}]"));
            }

            step.RunTailCount = Tails.Count - step.RunTailStart;
            Steps.Add(step);
            _descriptions.Add(lines);
            _links.Add([]);
        }

        public void LinkShocks(IReadOnlyList<EdgeId> path)
        {
            for (var k = 0; k < _model.Shocks.Count; k++)
            {
                var shock = _model.Shocks[k];
                if (!shock.AppliesTo(_network.ServiceLevel, _network.Year))
                {
                    continue;
                }

                var nodeScoped = shock.Scope is RuleScope.Node or RuleScope.NodeKind or RuleScope.Country;
                for (var i = 0; i < path.Count; i++)
                {
                    var edge = path[i];
                    var leg = _network.LegOf(edge);
                    var fromNode = _network.Node(new NodeId(_network.Tail[edge.Value]));
                    var toNode = _network.Node(new NodeId(_network.Head[edge.Value]));
                    var sea = SeaOf(leg, fromNode, toNode);
                    var step = Steps[i];
                    ShockTarget target;
                    if (nodeScoped && i > 0 && shock.Matches(fromNode))
                    {
                        target = ShockTarget.Dwell;
                    }
                    else if (!nodeScoped && shock.Matches(leg, sea))
                    {
                        target = step.HasScheduled || step.HasSailWhenFull ? ShockTarget.Wait : ShockTarget.Running;
                    }
                    else
                    {
                        continue;
                    }

                    _links[i].Add(new ShockLink(k, target, shock.Effect));
                    var what = shock.Effect == ShockEffect.AddOnce ? "adds" : "scales by";
                    _descriptions[i].Add(Invariant($"shock '{shock.Id}' {what} {shock.Distribution} ({target.ToString().ToLowerInvariant()}), p={shock.Probability:G3} per trip in months {shock.Months}"));
                    if (shock.Effect == ShockEffect.AddOnce)
                    {
                        // One delay per trip: hits the first matching element only.
                        break;
                    }
                }
            }
        }

        public ShockLink[] FlattenShockLinks()
        {
            var all = new List<ShockLink>();
            for (var i = 0; i < Steps.Count; i++)
            {
                var step = Steps[i];
                step.ShockStart = all.Count;
                step.ShockCount = _links[i].Count;
                Steps[i] = step;
                all.AddRange(_links[i]);
            }

            return [.. all];
        }

        public PlanLeg[] LegDescriptions(IReadOnlyList<EdgeId> path)
        {
            var result = new PlanLeg[Steps.Count];
            for (var i = 0; i < result.Length; i++)
            {
                var edge = path[i];
                var from = _network.Node(new NodeId(_network.Tail[edge.Value])).Id;
                var to = _network.Node(new NodeId(_network.Head[edge.Value])).Id;
                result[i] = new PlanLeg(i, edge, from, to, _network.LegOf(edge).Mode, _descriptions[i]);
            }

            return result;
        }

        // The water body of a leg for sea-scoped rules: a ferry, feeder or ship leg takes it from its ports; a rail
        // or road leg that merely ends at a Caspian port is on no sea, so Caspian rules leave it alone.
        private static SeaArea SeaOf(Leg leg, Node fromNode, Node toNode) =>
            !leg.IsWater ? SeaArea.None : fromNode.Sea != SeaArea.None ? fromNode.Sea : toNode.Sea;

        private IEnumerable<ReliabilityRule> MostSpecific(ReliabilityComponent component, Func<ReliabilityRule, bool> matches)
        {
            var (level, year) = (_network.ServiceLevel, _network.Year);
            var matching = _model.Rules.Where(r => r.Component == component && r.AppliesTo(level, year) && matches(r)).ToArray();
            if (matching.Length == 0)
            {
                return [];
            }

            var best = matching.Max(r => r.Specificity);
            return matching.Where(r => r.Specificity == best);
        }

        private int AddMonthProbs(ReliabilityRule rule)
        {
            var offset = MonthProbs.Count;
            for (var m = 1; m <= 12; m++)
            {
                MonthProbs.Add(rule.Months.Contains(m) ? rule.Probability : 0);
            }

            return offset;
        }

        private static string ServiceIds(ServiceSchedule schedule, int leg, ServiceKind kind) =>
            string.Join(", ", schedule.ActiveServices(leg).Where(s => s.Kind == kind && s.DeparturesPerWeek > 0).Select(s => s.Id));

        /// <summary>A sailing-headway rule's headway as a uniform distribution (a fixed headway is a degenerate uniform).</summary>
        private static DelayDistribution UniformHeadway(ReliabilityRule rule) => rule.Distribution.Kind switch
        {
            DistributionKind.Uniform => rule.Distribution,
            DistributionKind.Fixed => DelayDistribution.Uniform(rule.Distribution.A, rule.Distribution.A),
            _ => throw new InvalidOperationException(
                $"Sailing-headway rule '{rule.Id}' has a {rule.Distribution.Kind} headway; only uniform or fixed headways are supported."),
        };

        private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    }
}

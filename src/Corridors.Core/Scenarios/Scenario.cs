using Corridors.Network;

namespace Corridors.Scenarios;

/// <summary>What a closure or change applies to.</summary>
public enum ScenarioTargetKind
{
    /// <summary>Every node in the country and every leg that touches it.</summary>
    Country,

    /// <summary>A border crossing: a border node or a transfer leg between two countries.</summary>
    Crossing,

    /// <summary>Every border crossing (border nodes and transfer legs between two countries).</summary>
    AllCrossings,

    /// <summary>A node.</summary>
    Node,

    /// <summary>A leg.</summary>
    Leg,

    /// <summary>Every leg through a passage (Suez, Bab-el-Mandeb, Hormuz...).</summary>
    Passage,

    /// <summary>A service.</summary>
    Service,

    /// <summary>Every leg of a mode.</summary>
    Mode,

    /// <summary>Every leg with a service run by the operator.</summary>
    Operator,
}

/// <summary>One element or set of elements a scenario names: the kind and the id (country code, node id, mode word...).</summary>
/// <param name="Kind">What the id names.</param>
/// <param name="Id">The id; empty for <see cref="ScenarioTargetKind.AllCrossings"/>.</param>
public sealed record ScenarioTarget(ScenarioTargetKind Kind, string Id)
{
    /// <summary>The JSON field of each kind (<c>country</c>, <c>crossing</c>, <c>crossings</c>, ...).</summary>
    public static IReadOnlyDictionary<string, ScenarioTargetKind> Fields { get; } = new Dictionary<string, ScenarioTargetKind>(StringComparer.Ordinal)
    {
        ["country"] = ScenarioTargetKind.Country,
        ["crossing"] = ScenarioTargetKind.Crossing,
        ["crossings"] = ScenarioTargetKind.AllCrossings,
        ["node"] = ScenarioTargetKind.Node,
        ["leg"] = ScenarioTargetKind.Leg,
        ["passage"] = ScenarioTargetKind.Passage,
        ["service"] = ScenarioTargetKind.Service,
        ["mode"] = ScenarioTargetKind.Mode,
        ["operator"] = ScenarioTargetKind.Operator,
    };

    /// <summary>The JSON field of <see cref="Kind"/>.</summary>
    public string Field => Fields.First(f => f.Value == Kind).Key;

    /// <inheritdoc />
    public override string ToString() => Kind == ScenarioTargetKind.AllCrossings ? "all crossings" : $"{Field} {Id}";
}

/// <summary>A closure, optionally for a date range (the network is yearly: every year the range touches is closed).</summary>
/// <param name="Target">What closes.</param>
/// <param name="From">First day closed; null = from the start.</param>
/// <param name="To">Last day closed; null = open-ended.</param>
public sealed record ScenarioClosure(ScenarioTarget Target, DateOnly? From = null, DateOnly? To = null);

/// <summary>A capacity change: a factor on every capacity figure of the target, or a TEU per year figure set.</summary>
/// <param name="Target">Legs, nodes or services (country, mode, leg, node, service, crossing).</param>
/// <param name="Scale">Factor on TEU/yr, trains/day, Mt/yr, handling and TEU per departure.</param>
/// <param name="SetTeuPerYear">TEU per year for the legs and nodes targeted (replaces their other figures).</param>
public sealed record ScenarioCapacityChange(ScenarioTarget Target, double? Scale, double? SetTeuPerYear);

/// <summary>A tariff change on the legs of a country, operator, mode or leg.</summary>
/// <param name="Target">The legs.</param>
/// <param name="Percent">Percent added to the fixed and per-km tariffs (−20 = 20 % cheaper).</param>
/// <param name="AbsoluteUsdPerTeu">USD per TEU added to the fixed tariff.</param>
public sealed record ScenarioTariffChange(ScenarioTarget Target, double? Percent, double? AbsoluteUsdPerTeu);

/// <summary>A dwell change at nodes (dwell) and crossings (the transfer legs' hours), service-level rows included.</summary>
/// <param name="Target">Node, country, crossing or all crossings.</param>
/// <param name="Factor">Factor on the hours (0.5 halves them).</param>
/// <param name="SetHours">The mean hours wanted (the triangle is scaled to it).</param>
public sealed record ScenarioDwellChange(ScenarioTarget Target, double? Factor, double? SetHours);

/// <summary>Vessels added to or removed from a service.</summary>
/// <param name="Service">The service.</param>
/// <param name="Add">Copies to add of <paramref name="CopyOf"/>.</param>
/// <param name="CopyOf">The vessel copied (default: the service's first vessel).</param>
/// <param name="Remove">Vessels taken off the service.</param>
/// <param name="DeparturesPerWeek">New departures per week, when the fleet change changes the timetable.</param>
public sealed record ScenarioFleetChange(string Service, int Add, string? CopyOf, IReadOnlyList<string> Remove, double? DeparturesPerWeek);

/// <summary>A planned element brought into service from a year.</summary>
/// <param name="Target">A node, leg or service.</param>
/// <param name="Year">First year in service.</param>
public sealed record ScenarioOpening(ScenarioTarget Target, int Year);

/// <summary>One point of a sea-level trajectory.</summary>
/// <param name="Year">Year.</param>
/// <param name="LevelM">Caspian level, m (Baltic system).</param>
public sealed record SeaLevelPoint(int Year, double LevelM);

/// <summary>The Caspian level of a scenario: a value, an offset from the data's trajectory, or a trajectory (linear between points, flat outside).</summary>
/// <param name="LevelM">A level for every year.</param>
/// <param name="OffsetM">Metres added to the data's trajectory (−1 = a metre lower).</param>
/// <param name="Trajectory">Levels by year.</param>
public sealed record ScenarioSeaLevel(double? LevelM, double? OffsetM, IReadOnlyList<SeaLevelPoint> Trajectory)
{
    /// <summary>The level in <paramref name="year"/> given the data's own level that year.</summary>
    public double Level(int year, double baselineLevelM)
    {
        if (LevelM is { } level)
        {
            return level;
        }

        if (OffsetM is { } offset)
        {
            return baselineLevelM + offset;
        }

        if (Trajectory.Count == 0)
        {
            return baselineLevelM;
        }

        var points = Trajectory.OrderBy(p => p.Year).ToArray();
        if (year <= points[0].Year)
        {
            return points[0].LevelM;
        }

        for (var i = 1; i < points.Length; i++)
        {
            if (year <= points[i].Year)
            {
                var a = points[i - 1];
                var b = points[i];
                return a.LevelM + ((b.LevelM - a.LevelM) * (year - a.Year) / (b.Year - a.Year));
            }
        }

        return points[^1].LevelM;
    }
}

/// <summary>
/// A what-if over the network definition, as read from a scenario file (docs/scenario.schema.json) with its parents
/// already merged (<see cref="Merge"/>). <see cref="ScenarioApplier.Apply"/> turns it into a new definition; the
/// Caspian level and the demand growth are read by the services that use them.
/// </summary>
public sealed record Scenario
{
    /// <summary>Name (a preset's file name without <c>.json</c>, or the file's <c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>One-line title.</summary>
    public string? Title { get; init; }

    /// <summary>What the scenario assumes, in prose.</summary>
    public string? Description { get; init; }

    /// <summary>The year the scenario describes: the network year of commands that are not given one.</summary>
    public int? BaseYear { get; init; }

    /// <summary>The chain of scenarios this one extends, nearest first.</summary>
    /// <value>Empty.</value>
    public IReadOnlyList<string> Extends { get; init; } = [];

    /// <summary>Closures.</summary>
    public IReadOnlyList<ScenarioClosure> Closures { get; init; } = [];

    /// <summary>Capacity changes, applied in order.</summary>
    public IReadOnlyList<ScenarioCapacityChange> CapacityChanges { get; init; } = [];

    /// <summary>Nodes added.</summary>
    public IReadOnlyList<Node> NewNodes { get; init; } = [];

    /// <summary>Legs added.</summary>
    public IReadOnlyList<Leg> NewLegs { get; init; } = [];

    /// <summary>Services added.</summary>
    public IReadOnlyList<Service> NewServices { get; init; } = [];

    /// <summary>Planned elements opened from a year.</summary>
    public IReadOnlyList<ScenarioOpening> Openings { get; init; } = [];

    /// <summary>Tariff changes, applied in order.</summary>
    public IReadOnlyList<ScenarioTariffChange> TariffChanges { get; init; } = [];

    /// <summary>Dwell changes, applied in order.</summary>
    public IReadOnlyList<ScenarioDwellChange> DwellChanges { get; init; } = [];

    /// <summary>Fleet changes, applied in order.</summary>
    public IReadOnlyList<ScenarioFleetChange> FleetChanges { get; init; } = [];

    /// <summary>The Caspian level; null = the data's trajectory.</summary>
    public ScenarioSeaLevel? SeaLevel { get; init; }

    /// <summary>Growth of every demand figure, percent (50 = 1.5 times); null = none.</summary>
    public double? DemandGrowthPercent { get; init; }

    /// <summary>Country risk weights that replace countries.csv's.</summary>
    public IReadOnlyDictionary<string, double> RiskWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>Sources of the scenario's assumptions (citations or <c>assumption:</c> with its reason).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The factor on demand: 1 + growth / 100.</summary>
    public double DemandFactor => 1 + ((DemandGrowthPercent ?? 0) / 100);

    /// <summary>
    /// This scenario on top of <paramref name="parent"/>: lists are the parent's followed by this one's (so this one's
    /// changes apply last), single values are this one's when given, risk weights are merged with this one's winning.
    /// </summary>
    public Scenario Merge(Scenario parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var weights = new Dictionary<string, double>(parent.RiskWeights, StringComparer.Ordinal);
        foreach (var (k, v) in RiskWeights)
        {
            weights[k] = v;
        }

        return this with
        {
            Title = Title ?? parent.Title,
            Description = Description ?? parent.Description,
            BaseYear = BaseYear ?? parent.BaseYear,
            Extends = [parent.Name, .. parent.Extends],
            Closures = [.. parent.Closures, .. Closures],
            CapacityChanges = [.. parent.CapacityChanges, .. CapacityChanges],
            NewNodes = [.. parent.NewNodes, .. NewNodes],
            NewLegs = [.. parent.NewLegs, .. NewLegs],
            NewServices = [.. parent.NewServices, .. NewServices],
            Openings = [.. parent.Openings, .. Openings],
            TariffChanges = [.. parent.TariffChanges, .. TariffChanges],
            DwellChanges = [.. parent.DwellChanges, .. DwellChanges],
            FleetChanges = [.. parent.FleetChanges, .. FleetChanges],
            SeaLevel = SeaLevel ?? parent.SeaLevel,
            DemandGrowthPercent = DemandGrowthPercent ?? parent.DemandGrowthPercent,
            RiskWeights = weights,
            Sources = [.. parent.Sources, .. Sources],
        };
    }
}

/// <summary>A scenario applied to a definition: what a workspace keys its snapshots by.</summary>
/// <param name="Scenario">The merged scenario.</param>
/// <param name="Fingerprint">SHA-256 (hex) over the texts of the scenario file and the files it extends.</param>
/// <param name="Definition">The definition with the scenario applied (the base is not changed).</param>
public sealed record AppliedScenario(Scenario Scenario, string Fingerprint, NetworkDefinition Definition)
{
    /// <summary>The scenario's name.</summary>
    public string Name => Scenario.Name;

    /// <summary>Name and the first 16 hex digits of the fingerprint, e.g. <c>russia-closed@1a2b…</c>: the snapshot key.</summary>
    public string Key => $"{Scenario.Name}@{Fingerprint[..Math.Min(16, Fingerprint.Length)]}";
}

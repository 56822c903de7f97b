using Corridors.Network;

namespace Corridors.Routing;

/// <summary>What a single-objective search minimises.</summary>
public enum RouteObjective
{
    /// <summary>Door-to-door hours, including dwell and waiting for departures.</summary>
    Time,

    /// <summary>USD for the whole consignment (tariffs, plus time value of cargo when set).</summary>
    Cost,

    /// <summary>kg CO2e for the whole consignment.</summary>
    Co2,

    /// <summary>Cost plus weighted hours, CO2e and risk (see <see cref="GeneralizedWeights"/>).</summary>
    Generalized,
}

/// <summary>Weights that turn hours, CO2e and risk into USD for <see cref="RouteObjective.Generalized"/>.</summary>
/// <param name="UsdPerHour">USD per door-to-door hour (beyond any time value of cargo already in cost).</param>
/// <param name="UsdPerTonneCo2e">Carbon price in USD per tonne CO2e.</param>
/// <param name="UsdPerRiskPoint">USD per risk point (hour × country risk weight).</param>
public readonly record struct GeneralizedWeights(double UsdPerHour, double UsdPerTonneCo2e, double UsdPerRiskPoint)
{
    /// <summary>Each weight must be finite and ≥ 0: a negative weight rewards detours without end.</summary>
    public double UsdPerHour { get; init; } = NonNegative(UsdPerHour, nameof(UsdPerHour));

    /// <summary>Carbon price in USD per tonne CO2e (finite, ≥ 0).</summary>
    public double UsdPerTonneCo2e { get; init; } = NonNegative(UsdPerTonneCo2e, nameof(UsdPerTonneCo2e));

    /// <summary>USD per risk point (finite, ≥ 0).</summary>
    public double UsdPerRiskPoint { get; init; } = NonNegative(UsdPerRiskPoint, nameof(UsdPerRiskPoint));

    /// <summary>All weights zero: the generalized cost equals the money cost.</summary>
    public static GeneralizedWeights None => default;

    /// <summary>
    /// The generalized cost in USD: money plus weighted hours, CO2e (per tonne) and risk. The one formula the
    /// searches (per step) and the ranking of whole routes both use.
    /// </summary>
    public double Cost(double costUsd, double hours, double co2eKg, double risk) =>
        costUsd + (UsdPerHour * hours) + (UsdPerTonneCo2e * co2eKg / 1000.0) + (UsdPerRiskPoint * risk);

    internal static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0.");
}

/// <summary>The consignment: container count and weight, optional time value of cargo.</summary>
/// <param name="Teu">Number of TEU (an FEU counts as 2 TEU).</param>
/// <param name="CargoTonnesPerTeu">
/// Tonnes of cargo per TEU used for tonne-km (emission factors are per tonne of cargo, container tare excluded);
/// null = the <c>teu_cargo_tonnes</c> parameter.
/// </param>
/// <param name="CargoValueUsd">Value of the whole consignment in USD for the time value of cargo; 0 = ignore.</param>
/// <param name="DailyInterestRate">Daily holding-cost rate applied to <paramref name="CargoValueUsd"/> (e.g. 0.0003).</param>
public readonly record struct Cargo(double Teu, double? CargoTonnesPerTeu = null, double CargoValueUsd = 0, double DailyInterestRate = 0)
{
    /// <summary>Number of TEU (finite, &gt; 0).</summary>
    public double Teu { get; init; } = double.IsFinite(Teu) && Teu > 0 ? Teu : throw new ArgumentOutOfRangeException(nameof(Teu), Teu, "The TEU count must be a positive number.");

    /// <summary>Value of the consignment in USD (finite, ≥ 0).</summary>
    public double CargoValueUsd { get; init; } = GeneralizedWeights.NonNegative(CargoValueUsd, nameof(CargoValueUsd));

    /// <summary>Daily holding-cost rate (finite, ≥ 0).</summary>
    public double DailyInterestRate { get; init; } = GeneralizedWeights.NonNegative(DailyInterestRate, nameof(DailyInterestRate));

    /// <summary>
    /// The number of 20' rates the consignment is charged: per-TEU tariffs are multiplied by it. A 40' container is
    /// charged less than two 20' ones (parameter <c>feu_cost_factor</c>), so a consignment of FEU sets this below
    /// <see cref="Teu"/>. Null charges <see cref="Teu"/>.
    /// </summary>
    /// <value>null.</value>
    public double? ChargedTeu { get; init; }

    /// <summary>
    /// Loads (wagons or trucks) the consignment fills, for per-load charges; null = <see cref="Teu"/> ÷ the
    /// parameter <c>teu_per_wagon</c>, rounded up (at least one).
    /// </summary>
    /// <value>null.</value>
    public double? Loads { get; init; }

    /// <summary>The TEU the tariffs are charged on: <see cref="ChargedTeu"/>, else <see cref="Teu"/>.</summary>
    public double TariffTeu => ChargedTeu ?? Teu;

    /// <summary>USD per hour of transit from the time value of cargo.</summary>
    public double TimeValueUsdPerHour => CargoValueUsd * DailyInterestRate / 24.0;
}

/// <summary>
/// A routing request. Lists are matched against the frozen network's ids: countries by ISO code, passages by id,
/// via nodes by node id. Countries marked <see cref="Country.Closed"/> are avoided unless
/// <see cref="AllowClosedCountries"/> is set.
/// </summary>
public sealed record RouteQuery
{
    /// <summary>Origin node.</summary>
    public required NodeId From { get; init; }

    /// <summary>Destination node.</summary>
    public required NodeId To { get; init; }

    /// <summary>Departure from the origin, UTC. Scheduled services are looked up from this instant.</summary>
    public required DateTime DepartUtc { get; init; }

    /// <summary>The consignment.</summary>
    /// <value>One TEU at the network's <c>teu_cargo_tonnes</c>.</value>
    public Cargo Cargo { get; init; } = new(1);

    /// <summary>What single-objective searches minimise.</summary>
    /// <value><see cref="RouteObjective.Time"/>.</value>
    public RouteObjective Objective { get; init; } = RouteObjective.Time;

    /// <summary>Weights for <see cref="RouteObjective.Generalized"/>.</summary>
    public GeneralizedWeights Weights { get; init; }

    /// <summary>ISO codes of countries the route must not touch.</summary>
    public IReadOnlyList<string> AvoidCountries { get; init; } = [];

    /// <summary>Passage ids the route must not traverse.</summary>
    public IReadOnlyList<string> AvoidPassages { get; init; } = [];

    /// <summary>Modes the route must not use.</summary>
    public IReadOnlyList<TransportMode> AvoidModes { get; init; } = [];

    /// <summary>Modes the route must use at least once each.</summary>
    public IReadOnlyList<TransportMode> RequireModes { get; init; } = [];

    /// <summary>Nodes the route must pass through (any order).</summary>
    public IReadOnlyList<NodeId> ViaNodes { get; init; } = [];

    /// <summary>Countries the route must touch (any order).</summary>
    public IReadOnlyList<string> ViaCountries { get; init; } = [];

    /// <summary>Passages the route must traverse (any order).</summary>
    public IReadOnlyList<string> ViaPassages { get; init; } = [];

    /// <summary>Upper bound on transshipments (mode changes, gauge changes and transfer legs); null = none.</summary>
    public int? MaxTransshipments { get; init; }

    /// <summary>Allow countries whose transit is closed in the baseline.</summary>
    /// <value>false: closed countries are avoided.</value>
    public bool AllowClosedCountries { get; init; }

    /// <summary>Include risk as a fourth Pareto criterion.</summary>
    /// <value>false.</value>
    public bool ParetoIncludesRisk { get; init; }

    /// <summary>
    /// Relative tolerance for Pareto dominance: a label within (1 + ε) of another in every criterion is treated as
    /// dominated. 0 gives the exact non-dominated set.
    /// </summary>
    /// <value>0.</value>
    public double ParetoEpsilon { get; init; }

    /// <summary>Upper bound on labels created by a Pareto search; beyond it the search stops with <c>RouteStatus.IterationLimit</c>.</summary>
    /// <value>200 000.</value>
    public int MaxLabels { get; init; } = 200_000;

    /// <summary>The value the query's objective minimises for the given hours, USD, kg CO2e and risk.</summary>
    public double ObjectiveValue(double hours, double costUsd, double co2eKg, double risk) => Objective switch
    {
        RouteObjective.Time => hours,
        RouteObjective.Cost => costUsd,
        RouteObjective.Co2 => co2eKg,
        _ => Weights.Cost(costUsd, hours, co2eKg, risk),
    };

    /// <summary>Number of requirement bits (via nodes, via countries, via passages, required modes).</summary>
    internal int RequirementCount => ViaNodes.Count + ViaCountries.Count + ViaPassages.Count + RequireModes.Count;
}

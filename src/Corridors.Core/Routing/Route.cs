using Corridors.Network;

namespace Corridors.Routing;

/// <summary>Outcome of a routing request.</summary>
public enum RouteStatus
{
    /// <summary>At least one route satisfies every constraint.</summary>
    Optimal,

    /// <summary>The destination is reachable, but not under the constraints given (see <see cref="RouteResult.Relax"/>).</summary>
    Infeasible,

    /// <summary>The destination cannot be reached from the origin in this network year, whatever the constraints.</summary>
    Unreachable,

    /// <summary>A Pareto search stopped at its label limit; the routes returned are valid but the set may be incomplete.</summary>
    IterationLimit,
}

/// <summary>A named place: node id and display name.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Name">Display name.</param>
public sealed record Place(string Id, string Name)
{
    /// <summary>The place of a node.</summary>
    public static Place Of(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new Place(node.Id, node.Name);
    }
}

/// <summary>One leg of a route, with the numbers that make up the totals.</summary>
/// <param name="Edge">Edge in the frozen network.</param>
/// <param name="LegId">Leg id from the data.</param>
/// <param name="From">Where the leg starts.</param>
/// <param name="To">Where the leg ends.</param>
/// <param name="Mode">Transport mode.</param>
/// <param name="Km">Length.</param>
/// <param name="Hours">Running or sailing hours.</param>
/// <param name="WaitHours">Waiting for the departure at <paramref name="From"/>.</param>
/// <param name="DwellHours">Dwell at <paramref name="From"/> (border stop or transfer handling) before the leg.</param>
/// <param name="CostUsd">Money for the consignment (tariffs plus time value of cargo, when set).</param>
/// <param name="Co2eKg">kg CO2e for the consignment.</param>
/// <param name="Risk">Risk points.</param>
/// <param name="Country">Country where the leg starts (first of <paramref name="Countries"/>).</param>
/// <param name="Countries">ISO codes the leg traverses, in order.</param>
/// <param name="Passages">Passages the leg traverses.</param>
/// <param name="GaugeMm">Rail gauge, when rail.</param>
/// <param name="EmissionFactor">Id of the emission factor used, null when none applies.</param>
/// <param name="DepartUtc">Departure from <paramref name="From"/>.</param>
/// <param name="ArriveUtc">Arrival at <paramref name="To"/>.</param>
public sealed record RouteLeg(
    EdgeId Edge,
    string LegId,
    Place From,
    Place To,
    TransportMode Mode,
    double Km,
    double Hours,
    double WaitHours,
    double DwellHours,
    double CostUsd,
    double Co2eKg,
    double Risk,
    string Country,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Passages,
    int? GaugeMm,
    string? EmissionFactor,
    DateTime DepartUtc,
    DateTime ArriveUtc)
{
    /// <summary>False when the data gives no tariff or charge for the leg: <see cref="CostUsd"/> leaves its price out.</summary>
    /// <value>true.</value>
    public bool Priced { get; init; } = true;
}

/// <summary>Route totals.</summary>
/// <param name="Hours">Door-to-door hours.</param>
/// <param name="CostUsd">Money for the consignment.</param>
/// <param name="Co2eKg">kg CO2e for the consignment.</param>
/// <param name="Risk">Risk points (hours × country risk weight).</param>
/// <param name="Km">Length.</param>
/// <param name="WaitHours">Hours waiting for departures.</param>
/// <param name="DwellHours">Hours of dwell at borders and transfers.</param>
/// <param name="Borders">Country borders crossed.</param>
/// <param name="Transshipments">Transfer legs plus mode and gauge changes.</param>
/// <param name="GaugeChanges">Rail gauge changes.</param>
public sealed record RouteTotals(
    double Hours, double CostUsd, double Co2eKg, double Risk, double Km, double WaitHours, double DwellHours,
    int Borders, int Transshipments, int GaugeChanges)
{
    /// <summary>Door-to-door days.</summary>
    public double Days => Hours / 24.0;
}

/// <summary>A border crossed by a route.</summary>
/// <param name="From">ISO code left.</param>
/// <param name="To">ISO code entered.</param>
/// <param name="At">Node where the border is crossed; null when it is crossed along a leg (at sea).</param>
/// <param name="LegId">Leg along which it is crossed, when <paramref name="At"/> is null.</param>
public sealed record BorderCrossing(string From, string To, Place? At, string? LegId);

/// <summary>A route with its explanation.</summary>
/// <param name="Corridor">Corridor name, e.g. "Middle (Caspian ferry, BTK/Türkiye)".</param>
/// <param name="Family">Corridor family.</param>
/// <param name="Path">Edges of the route in the frozen network, in order.</param>
/// <param name="Legs">Per-leg breakdown.</param>
/// <param name="Totals">Totals.</param>
/// <param name="Countries">ISO codes in the order the route visits them.</param>
/// <param name="Passages">Passages traversed, in order.</param>
/// <param name="Borders">Borders crossed.</param>
/// <param name="GaugeChanges">Places where the rail gauge changes.</param>
/// <param name="EmissionBasis">Emission factors used: "id (g CO2e/t-km, TTW|WTW)".</param>
/// <param name="DepartUtc">Departure from the origin.</param>
/// <param name="ArriveUtc">Arrival at the destination.</param>
public sealed record Route(
    string Corridor,
    CorridorFamily Family,
    IReadOnlyList<EdgeId> Path,
    IReadOnlyList<RouteLeg> Legs,
    RouteTotals Totals,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Passages,
    IReadOnlyList<BorderCrossing> Borders,
    IReadOnlyList<Place> GaugeChanges,
    IReadOnlyList<string> EmissionBasis,
    DateTime DepartUtc,
    DateTime ArriveUtc)
{
    /// <summary>Origin.</summary>
    public Place From => Legs[0].From;

    /// <summary>
    /// Ids of the legs whose price the data does not know (<see cref="RouteLeg.Priced"/> false): the route's
    /// <see cref="RouteTotals.CostUsd"/> is then a lower bound.
    /// </summary>
    public IReadOnlyList<string> UnpricedLegs => [.. Legs.Where(l => !l.Priced).Select(l => l.LegId).Distinct(StringComparer.Ordinal)];

    /// <summary>True when <see cref="RouteTotals.CostUsd"/> is a lower bound (<see cref="UnpricedLegs"/> is not empty).</summary>
    public bool CostIsLowerBound => Legs.Any(l => !l.Priced);

    /// <summary>Destination.</summary>
    public Place To => Legs[^1].To;

    /// <summary>True when the route touches the country (a leg or an end node in it).</summary>
    public bool Touches(string iso)
    {
        foreach (var c in Countries)
        {
            if (string.Equals(c, iso, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A constraint whose removal makes an infeasible query feasible, with the best route without it.</summary>
/// <param name="Constraint">Short machine-readable form, e.g. <c>avoid:RU</c>, <c>avoid-passage:suez</c>, <c>max-transshipments</c>.</param>
/// <param name="Description">Sentence for people.</param>
/// <param name="Best">Best route once the constraint is dropped.</param>
public sealed record Relaxation(string Constraint, string Description, Route Best);

/// <summary>A corridor family left out of a comparison, and why.</summary>
/// <param name="Corridor">Corridor name.</param>
/// <param name="Reason">Sentence for people.</param>
public sealed record ExcludedCorridor(string Corridor, string Reason);

/// <summary>Result of a routing request.</summary>
/// <param name="Status">Outcome.</param>
/// <param name="Routes">Routes, best first (empty unless <see cref="RouteStatus.Optimal"/> or <see cref="RouteStatus.IterationLimit"/>).</param>
/// <param name="Reason">Why there is no route, when there is none.</param>
/// <param name="Relax">Constraints whose removal alone gives a route, with that route.</param>
/// <param name="Excluded">Corridors left out because of the constraints.</param>
public sealed record RouteResult(
    RouteStatus Status,
    IReadOnlyList<Route> Routes,
    string? Reason,
    IReadOnlyList<Relaxation> Relax,
    IReadOnlyList<ExcludedCorridor> Excluded);

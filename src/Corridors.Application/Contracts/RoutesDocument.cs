using System.Globalization;
using System.Text.Json.Serialization;
using Corridors.Network;
using Corridors.Reliability;
using Corridors.Routing;

namespace Corridors.Application.Contracts;

/// <summary>
/// The document of <c>route</c> and <c>compare</c> (docs/CLI.md): <c>{"routes":[...]}</c>, and for an impossible
/// query <c>{"routes":[],"reason":..,"relax":[..]}</c>. Fields may be added; none may be renamed.
/// </summary>
/// <param name="Status">optimal, infeasible, unreachable or iteration-limit.</param>
/// <param name="Query">The query as understood.</param>
/// <param name="Routes">The routes, best first (compare: one per corridor).</param>
/// <param name="Reason">Why there is no route, when there is none.</param>
/// <param name="Relax">Constraints that could be relaxed, each with the best route then.</param>
/// <param name="Excluded">Corridors not shown, with the reason.</param>
public sealed record RoutesDocument(
    string Status,
    QueryContract Query,
    IReadOnlyList<RouteContract> Routes,
    string? Reason,
    IReadOnlyList<RelaxContract> Relax,
    IReadOnlyList<ExcludedContract> Excluded)
{
    /// <summary>Published all-in rates of the routes' corridors between the same places, with the gap (compare).</summary>
    public IReadOnlyList<Services.PublishedRateContract> PublishedRates { get; init; } = [];

    /// <summary>The document of a routing result; <paramref name="simulated"/> adds a reliability block to each route.</summary>
    public static RoutesDocument Of(CorridorNetwork network, RouteQuery query, RouteResult result, PercentileBlock? simulated = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(result);
        var routes = new List<RouteContract>(result.Routes.Count);
        for (var i = 0; i < result.Routes.Count; i++)
        {
            var route = RouteContract.Of(result.Routes[i]).WithSanctions(network.Definition);
            if (simulated is not null && i < simulated.Results.Count)
            {
                route = route with { Reliability = RouteReliabilityContract.Of(simulated.Percentile, simulated.Results[i]) };
            }

            routes.Add(route);
        }

        return new RoutesDocument(
            result.Status.ToString().ToLowerInvariant(),
            QueryContract.Of(network, query),
            routes,
            result.Reason,
            [.. result.Relax.Select(r => new RelaxContract(r.Constraint, r.Description, RouteContract.Of(r.Best).WithSanctions(network.Definition)))],
            [.. result.Excluded.Select(x => new ExcludedContract(x.Corridor, x.Reason))]);
    }
}

/// <summary>
/// The document of <c>compare --service both</c>: <c>{"serviceLevels":[routes document, routes document]}</c>, one
/// <see cref="RoutesDocument"/> per level (its <c>query.serviceLevel</c> names it), groupage first.
/// </summary>
/// <param name="ServiceLevels">One document per service level.</param>
public sealed record CompareLevelsDocument(IReadOnlyList<RoutesDocument> ServiceLevels);

/// <summary>Simulated transit times of each route, for <see cref="RoutesDocument.Of"/>.</summary>
/// <param name="Percentile">The percentile asked for (1–99).</param>
/// <param name="Results">One result per route, in route order.</param>
public sealed record PercentileBlock(double Percentile, IReadOnlyList<ReliabilityResult> Results);

/// <summary>The query as understood (resolved places, the departure, the year).</summary>
/// <param name="From">Origin.</param>
/// <param name="To">Destination.</param>
/// <param name="Depart">Departure, UTC.</param>
/// <param name="Year">Network year.</param>
/// <param name="Teu">TEU in the consignment.</param>
/// <param name="By">Objective.</param>
/// <param name="Avoid">Avoided countries.</param>
/// <param name="AvoidPassages">Avoided passages.</param>
public sealed record QueryContract(PlaceContract From, PlaceContract To, string Depart, int Year, double Teu, string By, IReadOnlyList<string> Avoid, IReadOnlyList<string> AvoidPassages)
{
    /// <summary>The contract of a Core query on <paramref name="network"/>.</summary>
    public static QueryContract Of(CorridorNetwork network, RouteQuery query)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(query);
        return new QueryContract(
            PlaceContract.Of(Place.Of(network.Node(query.From))),
            PlaceContract.Of(Place.Of(network.Node(query.To))),
            ContractJson.Time(query.DepartUtc),
            network.Year,
            query.Cargo.Teu,
            query.Objective.ToString().ToLowerInvariant(),
            query.AvoidCountries,
            query.AvoidPassages)
        {
            ServiceLevel = Words.Name(network.ServiceLevel),
            Via = [.. query.ViaNodes.Select(v => PlaceContract.Of(Place.Of(network.Node(v))))],
            ViaCountries = query.ViaCountries,
            ViaPassages = query.ViaPassages,
            AvoidModes = [.. query.AvoidModes.Select(m => Words.Name(m))],
            RequireModes = [.. query.RequireModes.Select(m => Words.Name(m))],
            MaxTransshipments = query.MaxTransshipments,
            CargoValueUsd = query.Cargo.CargoValueUsd > 0 ? ContractJson.Round(query.Cargo.CargoValueUsd, 0) : null,
            AvoidSanctioned = query.AvoidCountries.Count > 0 && network.Definition.Countries.Where(c => c.Sanctioned).All(c => query.AvoidCountries.Contains(c.Id)),
        };
    }

    /// <summary>The service level the times are for: <c>groupage</c> or <c>block-train</c>.</summary>
    public string ServiceLevel { get; init; } = Words.Name(Network.ServiceLevel.Groupage);

    /// <summary>Places the route must pass, in order.</summary>
    public IReadOnlyList<PlaceContract> Via { get; init; } = [];

    /// <summary>Countries the route must cross.</summary>
    public IReadOnlyList<string> ViaCountries { get; init; } = [];

    /// <summary>Passages the route must use.</summary>
    public IReadOnlyList<string> ViaPassages { get; init; } = [];

    /// <summary>Modes the route may not use (rail, road, ferry, feeder, ocean, inland-waterway).</summary>
    public IReadOnlyList<string> AvoidModes { get; init; } = [];

    /// <summary>Modes the route must use.</summary>
    public IReadOnlyList<string> RequireModes { get; init; } = [];

    /// <summary>The most transshipments allowed; null for no limit.</summary>
    public int? MaxTransshipments { get; init; }

    /// <summary>Cargo value of the consignment in USD when its time value is counted (<c>--time-value</c>, <c>--cargo-value</c>), else null.</summary>
    public double? CargoValueUsd { get; init; }

    /// <summary>True when every country under sanctions (countries.csv) is avoided (<c>--avoid-sanctioned</c>).</summary>
    public bool AvoidSanctioned { get; init; }

    /// <summary>How places that are not in the network were understood: the coordinate or gazetteer town and the terminal standing for it.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A place: node id and display name.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Name">Display name.</param>
public sealed record PlaceContract(string Id, string Name)
{
    /// <summary>The contract of a Core place.</summary>
    public static PlaceContract Of(Place p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Name);
    }
}

/// <summary>Route totals.</summary>
public sealed record TotalsContract(
    double Days, double Hours, double CostUsd, double Co2eKg, int Borders, int Transshipments, int GaugeChanges,
    double Km, double WaitHours, double DwellHours, double Risk);

/// <summary>One leg of a route.</summary>
public sealed record LegContract(
    string Leg, PlaceContract From, PlaceContract To, string Mode, double Km, double Hours, double WaitHours, double DwellHours,
    double CostUsd, double Co2eKg, string Country, IReadOnlyList<string> Countries, IReadOnlyList<string> Passages,
    int? GaugeMm, string? EmissionFactor, string Depart, string Arrive)
{
    /// <summary>False when the data gives no tariff or charge for the leg: its cost is unknown and left out.</summary>
    public bool Priced { get; init; } = true;
}

/// <summary>A border crossed: at a node, or along a leg.</summary>
public sealed record BorderContract(string From, string To, PlaceContract? At, string? Leg);

/// <summary>A route with its totals and legs.</summary>
public sealed record RouteContract(
    string Corridor,
    string Family,
    PlaceContract From,
    PlaceContract To,
    string Depart,
    string Arrive,
    TotalsContract Totals,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Passages,
    IReadOnlyList<BorderContract> Borders,
    IReadOnlyList<PlaceContract> GaugeChanges,
    IReadOnlyList<string> Co2eBasis,
    IReadOnlyList<int> Path,
    IReadOnlyList<LegContract> Legs)
{
    /// <summary>Simulated transit times (only with a percentile request).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RouteReliabilityContract? Reliability { get; init; }

    /// <summary>True when <c>totals.costUsd</c> is a lower bound: some legs have no known price (<see cref="UnpricedLegs"/>).</summary>
    public bool CostIsLowerBound { get; init; }

    /// <summary>Ids of the legs whose price is unknown.</summary>
    public IReadOnlyList<string> UnpricedLegs { get; init; } = [];

    /// <summary>The countries of the route under sanctions (countries.csv), with their regimes; empty when none.</summary>
    public IReadOnlyList<SanctionContract> Sanctions { get; init; } = [];

    /// <summary>This contract with <see cref="Sanctions"/> filled from <paramref name="definition"/>.</summary>
    public RouteContract WithSanctions(NetworkDefinition definition) => this with { Sanctions = SanctionContract.For(definition, Countries) };

    /// <summary>The contract of a Core route.</summary>
    public static RouteContract Of(Route r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var t = r.Totals;
        return new RouteContract(
            r.Corridor,
            CorridorFamilies.WireName(r.Family),
            PlaceContract.Of(r.From),
            PlaceContract.Of(r.To),
            ContractJson.Time(r.DepartUtc),
            ContractJson.Time(r.ArriveUtc),
            new TotalsContract(ContractJson.Round(t.Days), ContractJson.Round(t.Hours, 1), ContractJson.Round(t.CostUsd, 0), ContractJson.Round(t.Co2eKg, 0),
                t.Borders, t.Transshipments, t.GaugeChanges, ContractJson.Round(t.Km, 0), ContractJson.Round(t.WaitHours, 1), ContractJson.Round(t.DwellHours, 1), ContractJson.Round(t.Risk, 1)),
            r.Countries,
            r.Passages,
            [.. r.Borders.Select(b => new BorderContract(b.From, b.To, b.At is null ? null : PlaceContract.Of(b.At), b.LegId))],
            [.. r.GaugeChanges.Select(PlaceContract.Of)],
            r.EmissionBasis,
            [.. r.Path.Select(e => e.Value)],
            [.. r.Legs.Select(l => new LegContract(
                l.LegId, PlaceContract.Of(l.From), PlaceContract.Of(l.To), Words.Name(l.Mode), ContractJson.Round(l.Km, 1),
                ContractJson.Round(l.Hours), ContractJson.Round(l.WaitHours), ContractJson.Round(l.DwellHours), ContractJson.Round(l.CostUsd),
                ContractJson.Round(l.Co2eKg), l.Country, l.Countries, l.Passages, l.GaugeMm, l.EmissionFactor,
                ContractJson.Time(l.DepartUtc), ContractJson.Time(l.ArriveUtc)) { Priced = l.Priced })])
        {
            CostIsLowerBound = r.CostIsLowerBound,
            UnpricedLegs = r.UnpricedLegs,
        };
    }
}

/// <summary>Simulated door-to-door days of one route (<c>--percentile</c>).</summary>
public sealed record RouteReliabilityContract(
    double Percentile, double PercentileDays, double MeanDays, double P10Days, double P50Days, double P90Days, double P95Days, int Samples, long Seed)
{
    /// <summary>The contract of a simulated route.</summary>
    public static RouteReliabilityContract Of(double percentile, ReliabilityResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(percentile, ContractJson.Round(r.QuantileDays(percentile / 100), 3), ContractJson.Round(r.MeanDays, 3), ContractJson.Round(r.P10Days, 3),
            ContractJson.Round(r.P50Days, 3), ContractJson.Round(r.P90Days, 3), ContractJson.Round(r.P95Days, 3), r.Samples, r.Seed);
    }
}

/// <summary>A country a route crosses that is under sanctions (countries.csv <c>sanctioned</c>), with the regime.</summary>
/// <param name="Country">ISO code.</param>
/// <param name="Name">Country name.</param>
/// <param name="Regime">The regimes in short (countries.csv <c>sanctions</c>), or "sanctioned" when the data names none.</param>
public sealed record SanctionContract(string Country, string Name, string Regime)
{
    /// <summary>The sanctioned countries among <paramref name="countries"/>, in route order.</summary>
    public static IReadOnlyList<SanctionContract> For(NetworkDefinition definition, IReadOnlyList<string> countries)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(countries);
        var list = new List<SanctionContract>();
        foreach (var iso in countries)
        {
            if (definition.CountryById.TryGetValue(iso, out var c) && c.Sanctioned && !list.Exists(x => x.Country == iso))
            {
                list.Add(new SanctionContract(c.Id, c.Name, c.SanctionsRegime ?? "sanctioned"));
            }
        }

        return list;
    }
}

/// <summary>A constraint that could be relaxed, and the best route then.</summary>
public sealed record RelaxContract(string Constraint, string Description, RouteContract Route);

/// <summary>A corridor not shown, and why.</summary>
public sealed record ExcludedContract(string Corridor, string Reason);

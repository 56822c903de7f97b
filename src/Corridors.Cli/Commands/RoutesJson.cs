using Corridors.Routing;

namespace Corridors.Cli.Commands;

/// <summary>
/// The <c>--json</c> contract of <c>route</c> and <c>compare</c> (docs/CLI.md): <c>{"routes":[...]}</c>, and for an
/// impossible query <c>{"routes":[],"reason":..,"relax":[..]}</c>. Fields may be added; none may be renamed.
/// </summary>
internal sealed record RoutesJson(
    string Status,
    QueryJson Query,
    IReadOnlyList<RouteJson> Routes,
    string? Reason,
    IReadOnlyList<RelaxJson> Relax,
    IReadOnlyList<ExcludedJson> Excluded)
{
    public static RoutesJson Of(CorridorRouter router, RouteQuery query, RouteResult result)
    {
        var network = router.Network;
        var q = new QueryJson(
            PlaceJson.Of(Place.Of(network.Node(query.From))),
            PlaceJson.Of(Place.Of(network.Node(query.To))),
            query.DepartUtc.ToString("yyyy-MM-ddTHH:mmZ", System.Globalization.CultureInfo.InvariantCulture),
            network.Year,
            query.Cargo.Teu,
            query.Objective.ToString().ToLowerInvariant(),
            query.AvoidCountries,
            query.AvoidPassages);
        return new RoutesJson(
            result.Status.ToString().ToLowerInvariant(),
            q,
            [.. result.Routes.Select(RouteJson.Of)],
            result.Reason,
            [.. result.Relax.Select(r => new RelaxJson(r.Constraint, r.Description, RouteJson.Of(r.Best)))],
            [.. result.Excluded.Select(x => new ExcludedJson(x.Corridor, x.Reason))]);
    }
}

internal sealed record QueryJson(PlaceJson From, PlaceJson To, string Depart, int Year, double Teu, string By, IReadOnlyList<string> Avoid, IReadOnlyList<string> AvoidPassages);

internal sealed record PlaceJson(string Id, string Name)
{
    public static PlaceJson Of(Place p) => new(p.Id, p.Name);
}

internal sealed record TotalsJson(
    double Days, double Hours, double CostUsd, double Co2eKg, int Borders, int Transshipments, int GaugeChanges,
    double Km, double WaitHours, double DwellHours, double Risk);

internal sealed record LegJson(
    string Leg, PlaceJson From, PlaceJson To, string Mode, double Km, double Hours, double WaitHours, double DwellHours,
    double CostUsd, double Co2eKg, string Country, IReadOnlyList<string> Countries, IReadOnlyList<string> Passages,
    int? GaugeMm, string? EmissionFactor, string Depart, string Arrive);

internal sealed record BorderJson(string From, string To, PlaceJson? At, string? Leg);

internal sealed record RouteJson(
    string Corridor,
    string Family,
    PlaceJson From,
    PlaceJson To,
    string Depart,
    string Arrive,
    TotalsJson Totals,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Passages,
    IReadOnlyList<BorderJson> Borders,
    IReadOnlyList<PlaceJson> GaugeChanges,
    IReadOnlyList<string> Co2eBasis,
    IReadOnlyList<int> Path,
    IReadOnlyList<LegJson> Legs)
{
    private const string Time = "yyyy-MM-ddTHH:mmZ";

    public static RouteJson Of(Route r)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var t = r.Totals;
        return new RouteJson(
            r.Corridor,
            FamilyName(r.Family),
            PlaceJson.Of(r.From),
            PlaceJson.Of(r.To),
            r.DepartUtc.ToString(Time, inv),
            r.ArriveUtc.ToString(Time, inv),
            new TotalsJson(JsonOutput.Round(t.Days), JsonOutput.Round(t.Hours, 1), JsonOutput.Round(t.CostUsd, 0), JsonOutput.Round(t.Co2eKg, 0),
                t.Borders, t.Transshipments, t.GaugeChanges, JsonOutput.Round(t.Km, 0), JsonOutput.Round(t.WaitHours, 1), JsonOutput.Round(t.DwellHours, 1), JsonOutput.Round(t.Risk, 1)),
            r.Countries,
            r.Passages,
            [.. r.Borders.Select(b => new BorderJson(b.From, b.To, b.At is null ? null : PlaceJson.Of(b.At), b.LegId))],
            [.. r.GaugeChanges.Select(PlaceJson.Of)],
            r.EmissionBasis,
            [.. r.Path.Select(e => e.Value)],
            [.. r.Legs.Select(l => new LegJson(
                l.LegId, PlaceJson.Of(l.From), PlaceJson.Of(l.To), CorridorRouter.ModeName(l.Mode), JsonOutput.Round(l.Km, 1),
                JsonOutput.Round(l.Hours), JsonOutput.Round(l.WaitHours), JsonOutput.Round(l.DwellHours), JsonOutput.Round(l.CostUsd),
                JsonOutput.Round(l.Co2eKg), l.Country, l.Countries, l.Passages, l.GaugeMm, l.EmissionFactor,
                l.DepartUtc.ToString(Time, inv), l.ArriveUtc.ToString(Time, inv)))]);
    }

    private static string FamilyName(CorridorFamily f) => f switch
    {
        CorridorFamily.MiddleBlackSea => "middle-black-sea",
        CorridorFamily.MiddleTurkiye => "middle-turkiye",
        CorridorFamily.MiddleOther => "middle",
        CorridorFamily.Northern => "northern",
        CorridorFamily.Southern => "southern",
        CorridorFamily.SeaSuez => "sea-suez",
        CorridorFamily.SeaCape => "sea-cape",
        CorridorFamily.Sea => "sea",
        _ => "other",
    };
}

internal sealed record RelaxJson(string Constraint, string Description, RouteJson Route);

internal sealed record ExcludedJson(string Corridor, string Reason);

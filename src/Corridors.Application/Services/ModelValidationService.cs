using System.Globalization;
using System.Text.RegularExpressions;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Data;
using Corridors.Data.Csv;
using Corridors.Diagnostics;
using Corridors.Reliability;
using Corridors.Routing;

namespace Corridors.Application.Services;

/// <summary>What a validation case measures (the <c>what</c> column).</summary>
public enum ValidationQuantity
{
    /// <summary>Door-to-door days.</summary>
    Days,

    /// <summary>Price of one 40-foot container, USD.</summary>
    UsdPerFeu,

    /// <summary>Price of one 20-foot container, USD.</summary>
    UsdPerTeu,

    /// <summary>Route length, km.</summary>
    Km,

    /// <summary>Container capacity of the Caspian lines from the <c>from</c> port's country to the <c>to</c> port, TEU a year, by the crossing simulation (for the direction mix of data/caspian/parameters.csv).</summary>
    TeuPerYear,

    /// <summary>
    /// Rail-wagon capacity of the wagon-carrying Caspian lines (the same lines as <see cref="TeuPerYear"/>, or every
    /// line to the <c>to</c> port when the corridor is <c>best</c>), wagons a year, by the crossing simulation at a
    /// saturating wagon demand and no containers.
    /// </summary>
    WagonsPerYear,

    /// <summary>
    /// Capacity of one element (the <c>from</c> cell: a leg or node id) in TEU per year, against the volume it was
    /// observed to carry: the band runs from the observed volume up, so a capacity below it fails.
    /// </summary>
    CapacityTeu,
}

/// <summary>Which statistic of the model a case compares with (the <c>statistic</c> column).</summary>
public enum ValidationStatistic
{
    /// <summary>The deterministic routing figure (schedule-like: the route's days, km or price).</summary>
    Value,

    /// <summary>Mean of the Monte Carlo transit-time distribution.</summary>
    Mean,

    /// <summary>Median of the Monte Carlo transit-time distribution.</summary>
    P50,

    /// <summary>90th percentile of the Monte Carlo transit-time distribution.</summary>
    P90,
}

/// <summary>The corridor family a case is about (the <c>corridor</c> column): a family wire name, or the best route.</summary>
public enum ValidationCorridor
{
    /// <summary>The best route of any corridor (fastest).</summary>
    Best,

    /// <summary>Middle Corridor leaving Georgia across the Black Sea.</summary>
    MiddleBlackSea,

    /// <summary>Middle Corridor continuing by rail through Türkiye.</summary>
    MiddleTurkiye,

    /// <summary>Any Middle Corridor route (Black Sea exit, Türkiye or another exit): the fastest of them.</summary>
    Middle,

    /// <summary>Northern route through Russia (and Belarus).</summary>
    Northern,

    /// <summary>Southern route through Iran.</summary>
    Southern,

    /// <summary>Deep sea through Suez.</summary>
    SeaSuez,

    /// <summary>Deep sea round the Cape of Good Hope.</summary>
    SeaCape,
}

/// <summary>The service a published figure describes (the <c>service_level</c> column).</summary>
public enum ValidationServiceLevel
{
    /// <summary>Not stated, or a mix.</summary>
    Any,

    /// <summary>A scheduled block train (whole train, booked sailings, border priority).</summary>
    BlockTrain,

    /// <summary>A single container or wagon in groupage.</summary>
    Groupage,
}

/// <summary>One published end-to-end figure of the cases file.</summary>
/// <param name="Id">Case id (unique in the file).</param>
/// <param name="From">Origin as written.</param>
/// <param name="To">Destination as written.</param>
/// <param name="What">The quantity.</param>
/// <param name="Corridor">The corridor family, or <see cref="ValidationCorridor.Best"/>.</param>
/// <param name="Statistic">The statistic of the model to compare with.</param>
/// <param name="Published">The published figure.</param>
/// <param name="BandLow">Lowest passing model value.</param>
/// <param name="BandHigh">Highest passing model value.</param>
/// <param name="Date">The date as written (yyyy-MM or yyyy-MM-dd).</param>
/// <param name="Depart">Departure, <c>yyyy-MM-dd</c> (the first of the month for yyyy-MM).</param>
/// <param name="Year">Network year: the date's year clamped to <see cref="NetworkYears.Min"/>–<see cref="NetworkYears.Max"/>.</param>
/// <param name="ServiceLevel">The service the figure describes.</param>
/// <param name="Weight">Weight in the score (above 0).</param>
/// <param name="Source">Publication, URL and date.</param>
/// <param name="Notes">Notes, or null.</param>
/// <param name="Line">1-based line of the row in the cases file.</param>
public sealed record ValidationCase(
    string Id,
    string From,
    string To,
    ValidationQuantity What,
    ValidationCorridor Corridor,
    ValidationStatistic Statistic,
    double Published,
    double BandLow,
    double BandHigh,
    string Date,
    string Depart,
    int Year,
    ValidationServiceLevel ServiceLevel,
    double Weight,
    string Source,
    string? Notes,
    int Line)
{
    /// <summary>Where the <c>from</c> cell starts (line, column), for diagnostics.</summary>
    internal (int Line, int Column) FromAt { get; init; }

    /// <summary>Where the <c>to</c> cell starts (line, column), for diagnostics.</summary>
    internal (int Line, int Column) ToAt { get; init; }
}

/// <summary>A <c>validate-model</c> run.</summary>
public sealed record ModelValidationRequest
{
    /// <summary>Default simulated trips per route for the mean, p50 and p90 statistics.</summary>
    public const int DefaultSamples = 4_000;

    /// <summary>Default seed of those statistics.</summary>
    public const long DefaultSeed = PercentileRequest.DefaultSeed;

    /// <summary>The cases file.</summary>
    /// <value><c>validation/cases.csv</c> in the workspace's data directory.</value>
    public string? CasesFile { get; init; }

    /// <summary>Simulated trips per route for the mean, p50 and p90 statistics.</summary>
    /// <value><see cref="DefaultSamples"/>.</value>
    public int Samples { get; init; } = DefaultSamples;

    /// <summary>Random seed of those statistics (recorded in the document).</summary>
    /// <value><see cref="DefaultSeed"/>.</value>
    public long Seed { get; init; } = DefaultSeed;
}

/// <summary>A validation answer: the cases as read, the scored document, and the warnings of the files read.</summary>
/// <param name="Cases">The cases in file order.</param>
/// <param name="Document">The scored document.</param>
/// <param name="Warnings">Warnings of the cases and explanations files (errors throw instead).</param>
public sealed record ModelValidationAnswer(IReadOnlyList<ValidationCase> Cases, ValidationReportDocument Document, IReadOnlyList<Diagnostic> Warnings);

/// <summary>
/// <c>validate-model</c>: runs every published figure of the cases file (data/validation/cases.csv, docs/DATA.md) on the
/// network of its date through <see cref="RouteService"/>, picks the route of the case's corridor family, and compares
/// the model with the published figure: a case passes when the model lies inside its band, and the score is the
/// weighted share of passing cases. The mean, p50 and p90 statistics come from the same Monte Carlo engine as
/// <c>reliability</c>, with a fixed seed and sample count recorded in the document. A case the model cannot answer
/// (no route of that family) fails with the reason. This is evidence, not a calibration: nothing is fitted.
/// </summary>
/// <param name="workspace">The workspace.</param>
public sealed partial class ModelValidationService(CorridorsWorkspace workspace)
{
    /// <summary>The cases file of a data directory: <c>validation/cases.csv</c>.</summary>
    public static string DefaultCasesFile(string dataDirectory) => Path.Combine(dataDirectory, "validation", "cases.csv");

    /// <summary>Runs and scores every case.</summary>
    /// <exception cref="InputDataException">The cases file (or the explanations file next to it, or the network data) has errors.</exception>
    public Outcome<ModelValidationAnswer> Run(ModelValidationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        RouteService.CheckSamples(request.Samples, "samples", problems);
        if (request.CasesFile is { } given)
        {
            WorkspaceOptions.Check(given, "casesFile", "The cases file name", problems); // empty, or not a path (a NUL in it)
        }

        if (problems.Count > 0)
        {
            return Outcome<ModelValidationAnswer>.Invalid(problems);
        }

        var path = Path.GetFullPath(request.CasesFile ?? DefaultCasesFile(workspace.DataDirectory));
        var display = NetworkLoader.DisplayPath(path);
        var bag = new DiagnosticBag();
        var cases = ValidationCaseFile.Load(path, bag);
        CheckPlaces(cases, display, bag);

        var explanationsPath = Path.Combine(Path.GetDirectoryName(path) ?? ".", ValidationCaseFile.ExplanationsFileName);
        var explanations = File.Exists(explanationsPath)
            ? ValidationCaseFile.LoadExplanations(explanationsPath, cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal), bag)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        bag.ThrowIfErrors();

        var contracts = new ValidationCaseContract[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            contracts[i] = Evaluate(cases[i], request, explanations, cancellationToken);
        }

        var document = ValidationReportDocument.Of(display, contracts, request.Seed, request.Samples);
        return Outcome<ModelValidationAnswer>.Ok(new ModelValidationAnswer(cases, document, [.. bag.Items.Where(d => !d.IsError)]));
    }

    /// <summary>The unit of a quantity as shown in documents.</summary>
    public static string Unit(ValidationQuantity what) => what switch
    {
        ValidationQuantity.Days => "days",
        ValidationQuantity.UsdPerFeu => "USD/FEU",
        ValidationQuantity.UsdPerTeu => "USD/TEU",
        ValidationQuantity.TeuPerYear => "TEU/yr",
        ValidationQuantity.WagonsPerYear => "wagons/yr",
        ValidationQuantity.CapacityTeu => "TEU/yr",
        _ => "km",
    };

    /// <summary>Every case's places must resolve on the network of its year (CORR0301, at the cell).</summary>
    private void CheckPlaces(IReadOnlyList<ValidationCase> cases, string file, DiagnosticBag bag)
    {
        foreach (var c in cases)
        {
            if (c.What == ValidationQuantity.CapacityTeu)
            {
                CheckElement(c, file, bag);
                continue;
            }

            var resolved = RouteQueryResolver.Resolve(Query(c), workspace);
            foreach (var p in resolved.Problems)
            {
                var (line, column) = p.BaseField == "to" ? c.ToAt : c.FromAt;
                bag.Error("CORR0301", file, line, column, string.Create(CultureInfo.InvariantCulture, $"Case '{c.Id}' (network {c.Year}): {p.Message}"),
                    "Use a place name, alias or node id of nodes.csv; check it with 'corridors route --from X --to Y --no-store'.");
            }
        }
    }

    // The cases are rail, rail-ferry and sea products; none is a truck service. Without road legs the family's best
    // route is the product the figure describes, not a truck hybrid no figure measures (road legs: issue 11).
    private static RouteQueryRequest Query(ValidationCase c) => new()
    {
        From = c.From,
        To = c.To,
        Year = c.Year,
        Depart = c.Depart,

        // A figure that does not name its service is compared with the default level, groupage.
        ServiceLevel = c.ServiceLevel == ValidationServiceLevel.BlockTrain ? ServiceLevels.Name(Network.ServiceLevel.BlockTrain) : ServiceLevels.Name(Network.ServiceLevel.Groupage),
        Teu = c.What == ValidationQuantity.UsdPerFeu ? null : 1,
        Feu = c.What == ValidationQuantity.UsdPerFeu ? 1 : null,
        AvoidModes = ["road"],
    };

    private ValidationCaseContract Evaluate(ValidationCase c, ModelValidationRequest request, IReadOnlyDictionary<string, string> explanations, CancellationToken cancellationToken)
    {
        if (c.What is ValidationQuantity.TeuPerYear or ValidationQuantity.WagonsPerYear)
        {
            return Score(c, CaspianCapacity(c, request.Seed, cancellationToken), explanations);
        }

        if (c.What == ValidationQuantity.CapacityTeu)
        {
            return EvaluateCapacity(c, explanations);
        }

        var (route, simulated, reason) = Answer(c, request, cancellationToken);
        double? model = null;
        if (route is not null)
        {
            model = Round(c.What, Measure(c, route, simulated));
        }

        return Score(c, (model, route?.Corridor, reason), explanations);
    }

    /// <summary>
    /// A Caspian capacity case: the crossing simulated for the case's year at a saturating demand (containers:
    /// 1,000,000 TEU a year and no wagons; wagons: 1,000,000 wagons a year on the wagon-carrying lines and no
    /// containers) on the lines from the <c>from</c> port's country to the <c>to</c> port (every line to it when the
    /// corridor is <c>best</c>); the capacity is the largest demand of the data's direction mix they carry:
    /// westbound TEU that sailed divided by the westbound share (eastbound space beyond the eastbound share would sail
    /// empty), in wagons divided by the TEU per wagon as well.
    /// </summary>
    private (double? Model, string? Corridor, string? Reason) CaspianCapacity(ValidationCase c, long seed, CancellationToken cancellationToken)
    {
        var places = RouteQueryResolver.Resolve(Query(c), workspace);
        if (!places.IsValid)
        {
            return (null, null, "The model cannot run the case: " + string.Join(" ", places.Problems.Select(p => p.Message)));
        }

        var network = places.Value.Snapshot.Network;
        var from = network.Node(places.Value.Query.From);
        var to = network.Node(places.Value.Query.To);
        var wagons = c.What == ValidationQuantity.WagonsPerYear;
        var caspian = new CaspianService(workspace);
        var run = caspian.Run(new CaspianRequest { Year = c.Year, DemandTeu = wagons ? 0 : 1_000_000, DemandWagons = wagons ? 1_000_000 : 0, Seed = seed }, null, cancellationToken);
        if (!run.IsValid)
        {
            return (null, null, "The model cannot run the case: " + string.Join(" ", run.Problems.Select(p => p.Message)));
        }

        var nodes = workspace.Definition.NodeById;
        var all = c.Corridor == ValidationCorridor.Best;
        var lines = run.Value.Document.Lines.Where(l => l.To == to.Id && (all || nodes[l.From].Country == from.Country) && (!wagons || l.DemandTeu > 0)).ToList();
        if (lines.Count == 0)
        {
            return (null, null, $"The network of {c.Year} has no Caspian {(wagons ? "wagon " : string.Empty)}line {(all ? string.Empty : $"from {from.Country} ")}to {to.Name}.");
        }

        var data = caspian.LoadData();
        var westbound = lines.Sum(l => l.WestboundTeu) / data.WestboundShare;
        return (Round(c.What, wagons ? westbound / data.TeuPerWagon : westbound), $"Caspian crossing ({lines.Count} {(wagons ? "wagon " : string.Empty)}lines)", null);
    }

    private static ValidationCaseContract Score(ValidationCase c, (double? Model, string? Corridor, string? Reason) answer, IReadOnlyDictionary<string, string> explanations)
    {
        var (model, corridor, reason) = answer;

        var pass = model is { } m && m >= c.BandLow && m <= c.BandHigh;
        if (!pass && model is { } value)
        {
            var off = (value - c.Published) / c.Published;
            reason = string.Create(CultureInfo.InvariantCulture,
                $"The model gives {Format(c.What, value)} {Unit(c.What)} ({corridor}), {(value < c.BandLow ? "below" : "above")} the band {Format(c.What, c.BandLow)}–{Format(c.What, c.BandHigh)} ({off:+#,0 %;−#,0 %} against the published {Format(c.What, c.Published)}).");
        }

        return new ValidationCaseContract(
            c.Id, c.From, c.To, c.What, c.Corridor, c.Statistic, Unit(c.What), model, c.Published, new ValidationBand(c.BandLow, c.BandHigh),
            pass, c.Weight, c.Date, c.Year, c.ServiceLevel, corridor, c.Source, c.Notes, pass ? null : reason,
            pass ? null : explanations.GetValueOrDefault(c.Id));
    }

    /// <summary>
    /// The route that answers a case, with its simulation when the statistic needs one: the fastest route of the case's
    /// family among <c>compare</c>'s, else the best route when it is of that family (<c>compare</c> searches each family
    /// under fixed constraints and may miss, e.g., a Middle Corridor route that ends in Azerbaijan); for
    /// <see cref="ValidationCorridor.Best"/>, the best route.
    /// </summary>
    private (Route? Route, ReliabilityResult? Simulated, string? Reason) Answer(ValidationCase c, ModelValidationRequest request, CancellationToken cancellationToken)
    {
        var routes = new RouteService(workspace);
        var percentile = c.Statistic == ValidationStatistic.Value ? null : new PercentileRequest(90, request.Samples, request.Seed);
        var query = Query(c);
        var excluded = new List<string>();
        if (c.Corridor != ValidationCorridor.Best)
        {
            var compare = routes.Compare(new CompareRequest(query) { Percentile = percentile }, cancellationToken);
            if (!compare.IsValid)
            {
                return (null, null, "The model cannot run the case: " + string.Join(" ", compare.Problems.Select(p => p.Message)));
            }

            var result = compare.Value.Result;
            var index = Fastest(result.Routes, c.Corridor);
            if (index >= 0)
            {
                return (result.Routes[index], compare.Value.Simulated?.Results[index], null);
            }

            var names = FamilyNames(c.Corridor);
            excluded.AddRange(result.Excluded.Where(x => names.Contains(x.Corridor)).Select(x => $"{x.Corridor} — {x.Reason}"));
        }

        var best = routes.Route(new RouteRequest(query) { Percentile = percentile }, cancellationToken);
        if (!best.IsValid)
        {
            return (null, null, "The model cannot run the case: " + string.Join(" ", best.Problems.Select(p => p.Message)));
        }

        var bestRoutes = best.Value.Result.Routes;
        if (bestRoutes.Count > 0 && (c.Corridor == ValidationCorridor.Best || Matches(bestRoutes[0].Family, c.Corridor)))
        {
            return (bestRoutes[0], best.Value.Simulated?.Results[0], null);
        }

        var reason = $"The model has no route of the {ValidationCaseFile.WireName(c.Corridor)} family for this case";
        reason += excluded.Count > 0
            ? ": " + string.Join("; ", excluded)
            : bestRoutes.Count > 0 ? $" (its best route is {bestRoutes[0].Corridor})." : $": {best.Value.Result.Reason ?? "no route at all."}";
        return (null, null, reason);
    }

    private static int Fastest(IReadOnlyList<Route> routes, ValidationCorridor corridor)
    {
        var index = -1;
        for (var i = 0; i < routes.Count; i++)
        {
            if (Matches(routes[i].Family, corridor) && (index < 0 || routes[i].Totals.Hours < routes[index].Totals.Hours))
            {
                index = i;
            }
        }

        return index;
    }

    internal static bool Matches(CorridorFamily family, ValidationCorridor corridor) => corridor switch
    {
        ValidationCorridor.Best => true,
        ValidationCorridor.MiddleBlackSea => family == CorridorFamily.MiddleBlackSea,
        ValidationCorridor.MiddleTurkiye => family == CorridorFamily.MiddleTurkiye,
        ValidationCorridor.Middle => family is CorridorFamily.MiddleBlackSea or CorridorFamily.MiddleTurkiye or CorridorFamily.MiddleOther,
        ValidationCorridor.Northern => family == CorridorFamily.Northern,
        ValidationCorridor.Southern => family == CorridorFamily.Southern,
        ValidationCorridor.SeaSuez => family == CorridorFamily.SeaSuez,
        _ => family == CorridorFamily.SeaCape,
    };

    /// <summary>The display names of the families of a corridor (as <c>compare</c>'s exclusions name them).</summary>
    private static HashSet<string> FamilyNames(ValidationCorridor corridor) =>
        [.. CorridorFamilies.All.Where(f => Matches(f.Family, corridor)).Select(f => f.Name)];

    private static double Measure(ValidationCase c, Route route, ReliabilityResult? simulated) => c.What switch
    {
        ValidationQuantity.Km => route.Totals.Km,
        ValidationQuantity.UsdPerFeu or ValidationQuantity.UsdPerTeu => route.Totals.CostUsd,
        _ => c.Statistic switch
        {
            ValidationStatistic.Mean => simulated!.MeanDays,
            ValidationStatistic.P50 => simulated!.P50Days,
            ValidationStatistic.P90 => simulated!.P90Days,
            _ => route.Totals.Days,
        },
    };

    /// <summary>Days to two decimals, km and USD to whole units; the pass test uses the rounded value, as printed.</summary>
    private static double Round(ValidationQuantity what, double value) => ContractJson.Round(value, what == ValidationQuantity.Days ? 2 : 0);

    /// <summary>A value as printed in reasons and tables.</summary>
    public static string Format(ValidationQuantity what, double value) =>
        value.ToString(what == ValidationQuantity.Days ? "#,0.##" : "#,0", CultureInfo.InvariantCulture);
}

/// <summary>
/// Reads <c>data/validation/cases.csv</c> and the <c>explanations.csv</c> next to it (docs/DATA.md, "Validation cases").
/// Every problem is a located diagnostic; generic cell problems keep their codes (CORR0102–0105, CORR0115, CORR0101 for a
/// duplicate id, CORR0111 for a missing source), checks of this file are CORR0302–CORR0307 (CORR0301, an unknown
/// place, needs the network and is checked by <see cref="ModelValidationService"/>).
/// </summary>
public static partial class ValidationCaseFile
{
    /// <summary>The file of per-case failure explanations, next to the cases file.</summary>
    public const string ExplanationsFileName = "explanations.csv";

    /// <summary>Required columns of the cases file.</summary>
    public static IReadOnlyList<string> Required { get; } =
        ["id", "from", "to", "what", "corridor", "statistic", "published", "band_low", "band_high", "date", "service_level", "weight", "source"];

    /// <summary>Optional columns of the cases file.</summary>
    public static IReadOnlyList<string> Optional { get; } = ["notes"];

    private static readonly Dictionary<string, ValidationQuantity> Quantities = new(StringComparer.Ordinal)
    {
        ["days"] = ValidationQuantity.Days,
        ["usd-per-feu"] = ValidationQuantity.UsdPerFeu,
        ["usd-per-teu"] = ValidationQuantity.UsdPerTeu,
        ["teu-per-year"] = ValidationQuantity.TeuPerYear,
        ["wagons-per-year"] = ValidationQuantity.WagonsPerYear,
        ["km"] = ValidationQuantity.Km,
        ["capacity-teu"] = ValidationQuantity.CapacityTeu,
    };

    private static readonly Dictionary<string, ValidationCorridor> Corridors = new(StringComparer.Ordinal)
    {
        ["middle-black-sea"] = ValidationCorridor.MiddleBlackSea,
        ["middle-turkiye"] = ValidationCorridor.MiddleTurkiye,
        ["middle"] = ValidationCorridor.Middle,
        ["northern"] = ValidationCorridor.Northern,
        ["southern"] = ValidationCorridor.Southern,
        ["sea-suez"] = ValidationCorridor.SeaSuez,
        ["sea-cape"] = ValidationCorridor.SeaCape,
        ["best"] = ValidationCorridor.Best,
    };

    private static readonly Dictionary<string, ValidationStatistic> Statistics = new(StringComparer.Ordinal)
    {
        ["value"] = ValidationStatistic.Value,
        ["mean"] = ValidationStatistic.Mean,
        ["p50"] = ValidationStatistic.P50,
        ["p90"] = ValidationStatistic.P90,
    };

    private static readonly Dictionary<string, ValidationServiceLevel> ServiceLevels = new(StringComparer.Ordinal)
    {
        ["block-train"] = ValidationServiceLevel.BlockTrain,
        ["groupage"] = ValidationServiceLevel.Groupage,
        ["any"] = ValidationServiceLevel.Any,
    };

    /// <summary>The word of a corridor in the cases file and the document (<c>middle-black-sea</c>, <c>best</c>, ...).</summary>
    public static string WireName(ValidationCorridor corridor) => Corridors.First(c => c.Value == corridor).Key;

    /// <summary>Reads the cases file at <paramref name="path"/>; a missing or unreadable file is CORR0001.</summary>
    public static IReadOnlyList<ValidationCase> Load(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var display = NetworkLoader.DisplayPath(path);
        if (!File.Exists(path))
        {
            diagnostics.Error("CORR0001", display, 0, 0, "The cases file is missing.", "Give an existing file with --cases, or see docs/DATA.md, \"Validation cases\".");
            return [];
        }

        // Strict UTF-8, and a FIFO or device is refused rather than read (it would block).
        var text = CsvText.ReadFile(path, display, diagnostics);
        return text is null ? [] : Read(text, display, diagnostics);
    }

    /// <summary>Parses and checks the text of a cases file; <paramref name="file"/> names it in diagnostics.</summary>
    public static IReadOnlyList<ValidationCase> Read(string text, string file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var table = CsvTable.Parse(text, file, [.. Required], [.. Optional], diagnostics);
        var cases = new List<ValidationCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (Required.Any(c => !table.HasColumn(c)))
        {
            return cases; // CORR0003 already says which; no row can be read without its columns
        }

        foreach (var row in table.Rows)
        {
            if (Case(row, ids, diagnostics) is { } c)
            {
                cases.Add(c);
            }
        }

        if (cases.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error("CORR0306", file, 1, 1, "The cases file has no cases.", "Add one published figure per row below the header.");
        }

        return cases;
    }

    /// <summary>Reads the explanations file: one explanation per case id (CORR0101 twice, CORR0307 an unknown id).</summary>
    public static IReadOnlyDictionary<string, string> LoadExplanations(string path, IReadOnlySet<string> caseIds, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var display = NetworkLoader.DisplayPath(path);
        var explanations = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = CsvText.ReadFile(path, display, diagnostics);
        if (text is null)
        {
            return explanations;
        }

        var table = CsvTable.Parse(text, display, ["id", "explanation"], [], diagnostics);
        foreach (var row in table.Rows)
        {
            var id = row.Required("id", "An explanation");
            var explanation = row.Required("explanation", id is null ? "An explanation" : $"The explanation of '{id}'");
            if (id is null || explanation is null)
            {
                continue;
            }

            if (!caseIds.Contains(id))
            {
                row.Warning("id", "CORR0307", $"Explanation for '{id}', which is not a case of the cases file; it is ignored.");
            }
            else if (!explanations.TryAdd(id, explanation))
            {
                row.Error("id", "CORR0101", $"Case '{id}' has a second explanation.");
            }
        }

        return explanations;
    }

    /// <summary>One case, or null when its row has any error (every error of the row is still reported).</summary>
    private static ValidationCase? Case(CsvRow row, HashSet<string> ids, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var id = row.Required("id", "A case");
        var what = id is null ? "A case" : $"Case '{id}'";
        if (id is not null && !ids.Add(id))
        {
            row.Error("id", "CORR0101", $"Case id '{id}' appears twice.");
        }

        var from = row.Required("from", what);
        var to = row.Required("to", what);
        var quantity = row.Word("what", what, Quantities, required: true);
        var corridor = row.Word("corridor", what, Corridors, required: true);
        var statistic = row.Word("statistic", what, Statistics, required: true);
        var published = row.Number("published", what, 0, 1e7, required: true);
        var low = row.Number("band_low", what, 0, 1e7, required: true);
        var high = row.Number("band_high", what, 0, 1e7, required: true);
        var date = Date(row, what);
        var level = row.Word("service_level", what, ServiceLevels, required: true);
        var weight = row.Number("weight", what, 0, 100, required: true);
        var source = row.Text("source");
        if (source is null)
        {
            row.Error("source", "CORR0111", $"{what} has no source.", "Give the publication, its URL and its date.");
        }
        else if (!Url().IsMatch(source) || !(YearOf().IsMatch(source) || source.Contains("n.d.", StringComparison.Ordinal)))
        {
            row.Error("source", "CORR0305", $"{what} has a source without {(Url().IsMatch(source) ? "a date" : "a URL")}.",
                "Give the publication, its URL and its date (or 'n.d.' when the page shows none).");
        }

        if (weight is 0)
        {
            row.Error("weight", "CORR0104", $"{what} has 'weight' = 0; a case needs a weight above 0.");
        }

        if (statistic is { } s && s != ValidationStatistic.Value && quantity is { } q && q != ValidationQuantity.Days)
        {
            row.Error("statistic", "CORR0303", $"{what} asks for the {row.Text("statistic")} of {row.Text("what")}; only days have a distribution.",
                "Use 'value' for km and prices.");
        }

        if (published is { } p && low is { } l && high is { } h)
        {
            if (l > h)
            {
                row.Error("band_low", "CORR0302", string.Create(CultureInfo.InvariantCulture, $"{what} has band_low {l} above band_high {h}."));
            }
            else if (p < l || p > h)
            {
                row.Error("published", "CORR0302", string.Create(CultureInfo.InvariantCulture, $"{what} has the published figure {p} outside its own band {l}–{h}."));
            }
        }

        if (diagnostics.ErrorCount > errorsBefore || id is null || from is null || to is null || quantity is null || corridor is null
            || statistic is null || published is null || low is null || high is null || date is null || level is null || weight is null || source is null)
        {
            return null;
        }

        var (text, depart, year) = date.Value;
        var fromField = row.Field("from")!.Value;
        var toField = row.Field("to")!.Value;
        return new ValidationCase(id, from, to, quantity.Value, corridor.Value, statistic.Value, published.Value, low.Value, high.Value, text, depart, year,
            level.Value, weight.Value, source, row.Text("notes"), row.Line)
        {
            FromAt = (fromField.Line, fromField.Column),
            ToAt = (toField.Line, toField.Column),
        };
    }

    /// <summary>yyyy-MM or yyyy-MM-dd (CORR0304): the departure, and the network year clamped to the data's years.</summary>
    private static (string Text, string Depart, int Year)? Date(CsvRow row, string what)
    {
        var text = row.Required("date", what);
        if (text is null)
        {
            return null;
        }

        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            || date.Year is < 1990 or > 2100)
        {
            row.Error("date", "CORR0304", $"{what} has 'date' = '{text}', which is not a date yyyy-MM or yyyy-MM-dd between 1990 and 2100.");
            return null;
        }

        return (text, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Math.Clamp(date.Year, NetworkYears.Min, NetworkYears.Max));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(19|20)[0-9]{2}\b")]
    private static partial Regex YearOf();
}

using Corridors.Application.Services;

namespace Corridors.Application.Contracts;

/// <summary>
/// The <c>validate-model</c> document (docs/CLI.md, docs/VALIDATION.md): every published figure of the cases file set
/// against the model's answer on the network of the case's date, and the weighted share that falls inside its band.
/// Fields may be added; none may be renamed.
/// </summary>
/// <param name="CasesFile">The cases file as shown in diagnostics.</param>
/// <param name="Score">Weighted share of passing cases (0–1): the sum of the weights of passing cases over all weights.</param>
/// <param name="Passed">Number of passing cases.</param>
/// <param name="Failed">Number of failing cases (including those the model cannot answer).</param>
/// <param name="Seed">Random seed of the Monte Carlo statistics (mean, p50, p90).</param>
/// <param name="Samples">Simulated trips per route for those statistics.</param>
/// <param name="Cases">Every case in file order.</param>
public sealed record ValidationReportDocument(
    string CasesFile,
    double Score,
    int Passed,
    int Failed,
    long Seed,
    int Samples,
    IReadOnlyList<ValidationCaseContract> Cases)
{
    /// <summary>The document of scored cases.</summary>
    public static ValidationReportDocument Of(string casesFile, IReadOnlyList<ValidationCaseContract> cases, long seed, int samples)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var total = cases.Sum(c => c.Weight);
        var passing = cases.Where(c => c.Pass).Sum(c => c.Weight);
        var score = total > 0 ? ContractJson.Round(passing / total, 4) : 0;
        var passed = cases.Count(c => c.Pass);
        return new ValidationReportDocument(casesFile, score, passed, cases.Count - passed, seed, samples, cases);
    }
}

/// <summary>One published figure against the model.</summary>
/// <param name="Id">Case id.</param>
/// <param name="From">Origin as written in the cases file.</param>
/// <param name="To">Destination as written in the cases file.</param>
/// <param name="What">The quantity: days, usd-per-feu, usd-per-teu or km.</param>
/// <param name="Corridor">The corridor family asked for (a wire name, or <c>best</c>).</param>
/// <param name="Statistic">value, mean, p50 or p90.</param>
/// <param name="Unit">Unit of <paramref name="Model"/>, <paramref name="Published"/> and <paramref name="Band"/>: days, USD/FEU, USD/TEU or km.</param>
/// <param name="Model">The model's value, or null when the model has no route of the corridor family.</param>
/// <param name="Published">The published figure.</param>
/// <param name="Band">The range a model value must fall in to pass (the source's own range or a stated tolerance).</param>
/// <param name="Pass">True when <paramref name="Model"/> lies inside <paramref name="Band"/>.</param>
/// <param name="Weight">Weight in the score.</param>
/// <param name="Date">The date as written (yyyy-MM or yyyy-MM-dd): the departure.</param>
/// <param name="Year">The network year the case ran on (the date's year clamped to the years the data covers).</param>
/// <param name="ServiceLevel">block-train, groupage or any: the service the published figure describes.</param>
/// <param name="ModelCorridor">The corridor name of the route the model answered with, or null.</param>
/// <param name="Source">Publication, URL and date of the figure.</param>
/// <param name="Notes">Notes of the cases file (what the figure covers, how the band was set).</param>
/// <param name="Reason">Why the case fails, or null when it passes.</param>
/// <param name="Explanation">What in the model likely causes a failure (data/validation/explanations.csv), or null.</param>
public sealed record ValidationCaseContract(
    string Id,
    string From,
    string To,
    ValidationQuantity What,
    ValidationCorridor Corridor,
    ValidationStatistic Statistic,
    string Unit,
    double? Model,
    double Published,
    ValidationBand Band,
    bool Pass,
    double Weight,
    string Date,
    int Year,
    ValidationServiceLevel ServiceLevel,
    string? ModelCorridor,
    string Source,
    string? Notes,
    string? Reason,
    string? Explanation);

/// <summary>A closed range of accepted model values.</summary>
/// <param name="Low">Lowest value that passes.</param>
/// <param name="High">Highest value that passes.</param>
public sealed record ValidationBand(double Low, double High);

using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Workspace;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Application.Services;

/// <summary>
/// All-in corridor rates that operators and indices publish (the USD-per-FEU cases of data/validation/cases.csv),
/// shown beside the model's tariff build-up for the same origin, destination and corridor, with the gap. Read once
/// per workspace; a missing or broken cases file gives none (validate-model reports its problems).
/// </summary>
public sealed class PublishedRates
{
    private readonly Lazy<IReadOnlyList<ValidationCase>> _cases;

    /// <summary>Reads the cases of <paramref name="workspace"/>'s data directory on first use.</summary>
    public PublishedRates(CorridorsWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        _cases = new(() =>
        {
            var path = ModelValidationService.DefaultCasesFile(workspace.DataDirectory);
            if (!File.Exists(path))
            {
                return [];
            }

            var bag = new DiagnosticBag();
            var cases = ValidationCaseFile.Load(path, bag);
            return bag.HasErrors ? [] : [.. cases.Where(c => c.What == ValidationQuantity.UsdPerFeu)];
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// For each route of <paramref name="result"/>, the latest published rate of its corridor between the query's two
    /// places (places resolved on <paramref name="snapshot"/>); the gap when the query is one 40' container.
    /// </summary>
    public IReadOnlyList<PublishedRateContract> For(NetworkSnapshot snapshot, RouteQuery query, RouteResult result)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(result);
        var oneFeu = query.Cargo.ChargedTeu is { } charged && Math.Abs(query.Cargo.Teu - snapshot.Network.Definition.Parameter("feu_teu", 2)) < 1e-9
            && Math.Abs(charged - snapshot.Network.Definition.Parameter("feu_cost_factor", 2)) < 1e-9;
        var rates = new List<PublishedRateContract>();
        var matching = _cases.Value.Where(c => Is(snapshot, c.From, query.From) && Is(snapshot, c.To, query.To)).ToArray();
        foreach (var route in result.Routes)
        {
            // The rate published nearest the network year (the later of two as near), with its gap only when it is
            // within MaxYearsApart of it.
            var nearest = matching.Where(c => ModelValidationService.Matches(route.Family, c.Corridor))
                .OrderBy(c => Math.Abs(c.Year - snapshot.Year)).ThenByDescending(c => c.Date, StringComparer.Ordinal).FirstOrDefault();
            if (nearest is null)
            {
                continue;
            }

            var comparable = Math.Abs(nearest.Year - snapshot.Year) <= MaxYearsApart;
            double? gap = oneFeu && comparable ? ContractJson.Round((route.Totals.CostUsd - nearest.Published) / nearest.Published, 3) : null;
            rates.Add(new PublishedRateContract(route.Corridor, nearest.Published, nearest.Date, nearest.Id, nearest.Source.Split(',')[0].Trim(),
                oneFeu ? ContractJson.Round(route.Totals.CostUsd, 0) : null, gap) { YearsApart = nearest.Year - snapshot.Year });
        }

        return rates;
    }

    /// <summary>
    /// How far from the network year a published rate may be for its gap to be shown. assumption: the rail tariffs
    /// behind an all-in rate are set once a year and move by a few per cent a year, so a rate three years old still
    /// measures the build-up; one from further away (the January 2021 container-shortage peak beside a 2026 answer)
    /// describes another market.
    /// </summary>
    public const int MaxYearsApart = 3;

    private static bool Is(NetworkSnapshot snapshot, string place, NodeId node)
    {
        var match = snapshot.Places.Resolve(place);
        return match.Status == PlaceMatchStatus.Found && match.Node == node;
    }
}

/// <summary>A published all-in rate beside a route of the same corridor.</summary>
/// <param name="Corridor">The route's corridor.</param>
/// <param name="PublishedUsdPerFeu">The published all-in rate, USD per 40' container.</param>
/// <param name="Date">When it was published (yyyy-MM or yyyy-MM-dd).</param>
/// <param name="CaseId">Its row in data/validation/cases.csv.</param>
/// <param name="Publisher">Who published it (the first part of the source).</param>
/// <param name="ModelUsdPerFeu">The model's cost of the route for one 40' container; null unless the query is one FEU.</param>
/// <param name="Gap">
/// (model − published) ÷ published; null unless the query is one FEU and the rate was published within
/// <see cref="PublishedRates.MaxYearsApart"/> years of the network year.
/// </param>
public sealed record PublishedRateContract(string Corridor, double PublishedUsdPerFeu, string Date, string CaseId, string Publisher, double? ModelUsdPerFeu, double? Gap)
{
    /// <summary>The publication year minus the network year (negative: published earlier).</summary>
    public int YearsApart { get; init; }

    /// <summary>The gap as text for tables, e.g. "+30 %".</summary>
    public string GapText => Gap is { } g ? g.ToString("+0 %;−0 %", CultureInfo.InvariantCulture)
        : ModelUsdPerFeu is null ? "run with --feu 1"
        : string.Create(CultureInfo.InvariantCulture, $"not shown: published {Math.Abs(YearsApart)} year{(Math.Abs(YearsApart) == 1 ? "" : "s")} {(YearsApart < 0 ? "before" : "after")} the network year");
}

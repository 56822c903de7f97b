using Corridors.Data;
using Corridors.Network;

namespace Corridors.Application.Contracts;

/// <summary>The <c>network info</c> document (docs/CLI.md): what the network of a year contains.</summary>
public sealed record NetworkSummaryDocument(
    int Year,
    int Nodes,
    int Legs,
    int DirectedEdges,
    int Services,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Passages,
    IReadOnlyList<ModeSummaryContract> Modes,
    IReadOnlyList<KindSummaryContract> NodeKinds,
    IReadOnlyList<PlannedSummaryContract> NotYetOpen,
    int SourcedRows,
    int AssumptionRows)
{
    /// <summary>The summary of a frozen network.</summary>
    public static NetworkSummaryDocument Of(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var d = network.Definition;
        var legs = network.Legs;
        var services = Enumerable.Range(0, network.Schedule.LegCount).Sum(leg => network.Schedule.ActiveServices(leg).Count);
        var provenances = d.Nodes.Select(x => x.Provenance).Concat(d.Legs.Select(x => x.Provenance)).Concat(d.Services.Select(x => x.Provenance))
            .Concat(d.Vessels.Select(x => x.Provenance)).Concat(d.Countries.Select(x => x.Provenance)).Concat(d.Passages.Select(x => x.Provenance))
            .Concat(d.EmissionFactors.Select(x => x.Provenance)).Concat(d.Parameters.Select(x => x.Provenance)).ToList();
        return new NetworkSummaryDocument(
            network.Year,
            network.NodeCount,
            legs.Count,
            network.EdgeCount,
            services,
            legs.SelectMany(l => l.Countries).Concat(network.Nodes.Select(n => n.Country)).Distinct().Order(StringComparer.Ordinal).ToList(),
            legs.SelectMany(l => l.Passages).Distinct().Order(StringComparer.Ordinal).ToList(),
            legs.GroupBy(l => l.Mode).OrderBy(g => g.Key).Select(g => new ModeSummaryContract(Words.Name(g.Key), g.Count(), Math.Round(g.Sum(l => l.DistanceKm)))).ToList(),
            network.Nodes.GroupBy(n => n.Kind).OrderBy(g => g.Key).Select(g => new KindSummaryContract(Words.Name(g.Key), g.Count())).ToList(),
            d.Legs.Where(l => l.Validity.Status is InfrastructureStatus.Planned or InfrastructureStatus.UnderConstruction && !l.Validity.IsActive(network.Year))
                .Select(l => new PlannedSummaryContract(l.Id, Words.Name(l.Validity.Status), l.Validity.OpenYear)).ToList(),
            provenances.Count(p => !p.IsAssumption),
            provenances.Count(p => p.IsAssumption))
        {
            Sanctioned = d.Countries.Where(c => c.Sanctioned).Select(c => c.Id).Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Countries under broad sanctions regimes affecting transit (countries.csv).</summary>
    public IReadOnlyList<string> Sanctioned { get; init; } = [];
}

/// <summary>Legs and km of one mode.</summary>
public sealed record ModeSummaryContract(string Mode, int Legs, double Km);

/// <summary>Nodes of one kind.</summary>
public sealed record KindSummaryContract(string Kind, int Count);

/// <summary>A leg planned or under construction, not yet in the year's network.</summary>
public sealed record PlannedSummaryContract(string Id, string Status, int? OpenYear);

/// <summary>The <c>data validate</c> document.</summary>
/// <param name="Directory">The directory checked, as shown in diagnostics.</param>
/// <param name="Files">Files read.</param>
/// <param name="Errors">Error count.</param>
/// <param name="Warnings">Warning count.</param>
/// <param name="Nodes">Nodes, when the data loaded.</param>
/// <param name="Legs">Legs, when the data loaded.</param>
/// <param name="Services">Services, when the data loaded.</param>
/// <param name="Assumptions">Rows marked <c>assumption:</c>, when the data loaded.</param>
/// <param name="Diagnostics">Every problem found.</param>
public sealed record ValidationDocument(
    string Directory, IReadOnlyList<string> Files, int Errors, int Warnings, int? Nodes, int? Legs, int? Services, int? Assumptions,
    IReadOnlyList<DiagnosticContract> Diagnostics)
{
    /// <summary>The document of a load result.</summary>
    public static ValidationDocument Of(string directory, NetworkLoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var definition = result.Definition;
        return new ValidationDocument(
            NetworkLoader.DisplayPath(directory),
            result.Files,
            result.ErrorCount,
            result.WarningCount,
            definition?.Nodes.Count,
            definition?.Legs.Count,
            definition?.Services.Count,
            definition is null ? null : CountAssumptions(definition),
            [.. result.Diagnostics.Select(d => new DiagnosticContract(d.IsError ? "error" : "warning", d.Code, d.File, d.Line, d.Column, d.Message, d.Hint))]);
    }

    /// <summary>Rows marked as assumptions across the data tables.</summary>
    public static int CountAssumptions(NetworkDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Countries.Count(x => x.Provenance.IsAssumption) + d.Passages.Count(x => x.Provenance.IsAssumption)
            + d.Nodes.Count(x => x.Provenance.IsAssumption) + d.Legs.Count(x => x.Provenance.IsAssumption)
            + d.Vessels.Count(x => x.Provenance.IsAssumption) + d.Services.Count(x => x.Provenance.IsAssumption)
            + d.EmissionFactors.Count(x => x.Provenance.IsAssumption) + d.Parameters.Count(x => x.Provenance.IsAssumption);
    }
}

/// <summary>One data diagnostic.</summary>
public sealed record DiagnosticContract(string Severity, string Code, string File, int Line, int Column, string Message, string? Hint);

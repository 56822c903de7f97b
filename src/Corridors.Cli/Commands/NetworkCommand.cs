using System.CommandLine;
using System.Globalization;
using Corridors.Data;
using Corridors.Network;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors network info [--year Y] [--json]</c>: what the network of a year contains.</summary>
internal static class NetworkCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var year = CommonOptions.Year();
        var json = CommonOptions.Json();
        var info = new Command("info", "Summarise the network of a year: nodes, legs and km by mode, countries, services, planned links.")
        {
            year,
            json,
        };
        info.SetAction(parse =>
        {
            var network = context.LoadNetwork(parse.GetValue(globals.Data), parse.GetValue(year));
            var summary = NetworkSummary.Of(network);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Stdout, summary);
            }
            else
            {
                Render(context.Console, summary);
            }

            return ExitCodes.Ok;
        });

        return new Command("network", "Inspect the corridor network.") { info };
    }

    private static void Render(IAnsiConsole console, NetworkSummary s)
    {
        console.MarkupLine(CultureInfo.InvariantCulture, $"[bold]Corridor network {s.Year}[/]: {s.Nodes} nodes, {s.Legs} legs ({s.DirectedEdges} directed edges), {s.Services} services, {s.Countries.Count} countries");
        var modes = new Table().AddColumns("Mode", "Legs", "km");
        foreach (var m in s.Modes)
        {
            modes.AddRow(m.Mode, m.Legs.ToString(CultureInfo.InvariantCulture), m.Km.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(modes);
        var kinds = new Table().AddColumns("Node kind", "Count");
        foreach (var k in s.NodeKinds)
        {
            kinds.AddRow(k.Kind, k.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(kinds);
        console.MarkupLine($"Countries: {Markup.Escape(string.Join(" ", s.Countries))}");
        console.MarkupLine($"Passages: {Markup.Escape(string.Join(" ", s.Passages))}");
        if (s.NotYetOpen.Count > 0)
        {
            console.MarkupLine("[bold]Planned or under construction (not in this year's network)[/]:");
            foreach (var p in s.NotYetOpen)
            {
                console.MarkupLine(CultureInfo.InvariantCulture, $"  {Markup.Escape(p.Id)} ({Markup.Escape(p.Status)}, opens {(p.OpenYear?.ToString(CultureInfo.InvariantCulture) ?? "?")})");
            }
        }

        console.MarkupLine(CultureInfo.InvariantCulture, $"Sources: {s.SourcedRows} rows cited, {s.AssumptionRows} rows marked as assumptions.");
    }
}

/// <summary>Stable JSON shape of <c>network info --json</c> (docs/CLI.md).</summary>
internal sealed record NetworkSummary(
    int Year,
    int Nodes,
    int Legs,
    int DirectedEdges,
    int Services,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Passages,
    IReadOnlyList<ModeSummary> Modes,
    IReadOnlyList<KindSummary> NodeKinds,
    IReadOnlyList<PlannedSummary> NotYetOpen,
    int SourcedRows,
    int AssumptionRows)
{
    public static NetworkSummary Of(CorridorNetwork network)
    {
        var d = network.Definition;
        var legs = network.Legs;
        var services = d.Services.Count(s => s.Validity.IsActive(network.Year) && legs.Any(l => l.Id == s.Leg));
        var provenances = d.Nodes.Select(x => x.Provenance).Concat(d.Legs.Select(x => x.Provenance)).Concat(d.Services.Select(x => x.Provenance))
            .Concat(d.Vessels.Select(x => x.Provenance)).Concat(d.Countries.Select(x => x.Provenance)).Concat(d.Passages.Select(x => x.Provenance))
            .Concat(d.EmissionFactors.Select(x => x.Provenance)).Concat(d.Parameters.Select(x => x.Provenance)).ToList();
        return new NetworkSummary(
            network.Year,
            network.NodeCount,
            legs.Count,
            network.EdgeCount,
            services,
            legs.SelectMany(l => l.Countries).Concat(network.Nodes.Select(n => n.Country)).Distinct().Order(StringComparer.Ordinal).ToList(),
            legs.SelectMany(l => l.Passages).Distinct().Order(StringComparer.Ordinal).ToList(),
            legs.GroupBy(l => l.Mode).OrderBy(g => g.Key).Select(g => new ModeSummary(Words.Name(g.Key), g.Count(), Math.Round(g.Sum(l => l.DistanceKm)))).ToList(),
            network.Nodes.GroupBy(n => n.Kind).OrderBy(g => g.Key).Select(g => new KindSummary(Words.Name(g.Key), g.Count())).ToList(),
            d.Legs.Where(l => l.Validity.Status is InfrastructureStatus.Planned or InfrastructureStatus.UnderConstruction && !l.Validity.IsActive(network.Year))
                .Select(l => new PlannedSummary(l.Id, Words.Name(l.Validity.Status), l.Validity.OpenYear)).ToList(),
            provenances.Count(p => !p.IsAssumption),
            provenances.Count(p => p.IsAssumption));
    }
}

internal sealed record ModeSummary(string Mode, int Legs, double Km);

internal sealed record KindSummary(string Kind, int Count);

internal sealed record PlannedSummary(string Id, string Status, int? OpenYear);

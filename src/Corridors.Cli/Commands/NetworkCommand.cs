using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors network info [--year Y] [--json]</c>: what the network of a year contains; <c>network diff --from Y1 --to Y2</c>: what opens, closes or changes between two years.</summary>
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
        // With values that could not be read, the rest is checked in the same round (the summary is cheap to build).
        context.RequestChecks[info] = parse => new NetworkService(context.Workspace).Info(new NetworkInfoRequest(OptionValues.Read(parse, year))).Problems;
        info.SetAction(parse =>
        {
            var outcome = new NetworkService(context.Workspace).Info(new NetworkInfoRequest(parse.GetValue(year)));
            if (!outcome.IsValid)
            {
                return context.Fail(outcome.Problems);
            }

            var summary = outcome.Value;
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

        var fromYear = new Option<int>("--from") { Description = $"The earlier network year ({CommonOptions.MinYear}–{CommonOptions.MaxYear}).", Required = true };
        var toYear = new Option<int>("--to") { Description = $"The later network year ({CommonOptions.MinYear}–{CommonOptions.MaxYear}).", Required = true };
        var diffJson = CommonOptions.Json();
        var diff = new Command("diff", "What opens, closes or changes between two network years: places and legs by name, with status and dates.")
        {
            fromYear,
            toYear,
            diffJson,
        };
        context.RequestChecks[diff] = parse => new NetworkService(context.Workspace).Diff(new NetworkDiffRequest(OptionValues.Read(parse, fromYear), OptionValues.Read(parse, toYear))).Problems;
        diff.SetAction(parse =>
        {
            var outcome = new NetworkService(context.Workspace).Diff(new NetworkDiffRequest(parse.GetValue(fromYear), parse.GetValue(toYear)));
            if (!outcome.IsValid)
            {
                return context.Fail(outcome.Problems);
            }

            if (parse.GetValue(diffJson))
            {
                JsonOutput.Write(context.Stdout, outcome.Value);
            }
            else
            {
                RenderDiff(context.Console, outcome.Value);
            }

            return ExitCodes.Ok;
        });

        return new Command("network", "Inspect the corridor network.") { info, diff };
    }

    private static void RenderDiff(IAnsiConsole console, NetworkDiffDocument d)
    {
        console.MarkupLine(CultureInfo.InvariantCulture, $"[bold]Network {d.FromYear} → {d.ToYear}[/]: {d.Opens.Count} open, {d.Closes.Count} close, {d.Changes.Count} change");
        void Section(string title, IReadOnlyList<NetworkChangeContract> items, bool change)
        {
            if (items.Count == 0)
            {
                return;
            }

            console.MarkupLine($"[bold]{title}[/]");
            FitColumn[] columns = [new("Name", Wraps: true), new("Kind"), new(change ? "Change" : "Status", Wraps: change), new("Opens", Right: true), new("Id", Optional: true)];
            var rows = items.Select(i => new[]
            {
                i.Name, i.Type == "leg" ? i.Kind + " leg" : i.Kind, change ? i.Change ?? string.Empty : i.Status,
                i.CloseYear is { } close && !change && title.StartsWith("Clos", StringComparison.Ordinal) ? "closes " + close.ToString(CultureInfo.InvariantCulture) : i.OpenYear?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                i.Id,
            }).ToList();
            console.Write(FitTable.Build(console.Profile.Width, columns, rows));
        }

        Section("Opens", d.Opens, change: false);
        Section("Closes", d.Closes, change: false);
        Section("Changes", d.Changes, change: true);
    }

    private static void Render(IAnsiConsole console, NetworkSummaryDocument s)
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

using System.CommandLine;
using System.Globalization;
using System.Text;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Simulation;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors caspian [--year 2027] [--level -29.6] [--demand-teu 150000] [--fleet-add ro-pax:2] [--seed 42]
/// [--days 365] [--json] [--csv queue.csv] [--plot queue.svg] [--curve]</c>: the Caspian crossing simulated for a
/// year (docs/MODEL.md "Caspian crossing"; JSON in docs/CLI.md).
/// </summary>
internal static class CaspianCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var year = CommonOptions.Year();
        var level = new Option<double?>("--level") { Description = "Sea level, m in the Baltic system (2025: -29.21). Default: the observed series and the projection (--sea-scenario) in the year." };
        var scenario = new Option<string?>("--sea-scenario") { Description = $"Projection after the observed levels: optimistic, pessimistic or trend (data/caspian/sea_levels.csv). Default: {CaspianData.DefaultScenario}." };
        var demand = new Option<double?>("--demand-teu") { Description = "Container demand across the sea, TEU a year (both directions). Default: data/caspian/demand.csv for the year (the latest year at or before it)." };
        var wagons = new Option<double?>("--demand-wagons") { Description = "Rail-wagon demand on the rail-ferry and ro-pax lines, wagons a year (2 TEU of space each). Default: from the tonnage of data/caspian/demand.csv when --demand-teu is not given, else 0." };
        var fleet = new Option<string[]>("--fleet-add") { Description = "Add vessels, class:count (ro-pax, rail-ferry, ro-ro, container-feeder), e.g. ro-pax:2. Repeat or comma-separate.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<long>("--seed") { Description = "Random seed (arrivals, storms, sailing and handling times); the same seed gives the same numbers.", DefaultValueFactory = _ => CaspianRequest.DefaultSeed };
        var days = new Option<int>("--days") { Description = "Days simulated from 1 January.", DefaultValueFactory = _ => 365 };
        var csv = new Option<string?>("--csv") { Description = "Write the queue through the year (TEU waiting per port, mean wait of cargo sailing) as CSV to this file." };
        var plot = new Option<string?>("--plot") { Description = "Plot the queue and waits through the year to this file (.svg or .png)." };
        var curve = new Option<bool>("--curve") { Description = "Instead of one run: the wait curve (mean and P90 wait against demand, per line), 3 seeds per point." };
        var json = CommonOptions.Json();
        var command = new Command("caspian", "The Caspian crossing as a discrete-event simulation: throughput, waits, queues, vessel and berth use, and what the sea level does to payload.")
        {
            year, level, scenario, demand, wagons, fleet, seed, days, csv, plot, curve, json,
        };
        CaspianRequest Request(ParseResult parse) => new()
        {
            Year = OptionValues.Read(parse, year),
            Level = OptionValues.Read(parse, level),
            SeaScenario = OptionValues.Read(parse, scenario),
            DemandTeu = OptionValues.Read(parse, demand),
            DemandWagons = OptionValues.Read(parse, wagons),
            FleetAdd = OptionValues.Split(OptionValues.Read(parse, fleet)),
            Seed = OptionValues.Read(parse, seed),
            Days = OptionValues.Read(parse, days),
        };

        context.RequestChecks[command] = parse => new CaspianService(context.Workspace).Check(Request(parse), curve: OptionValues.Read(parse, curve));
        command.SetAction((parse, cancellationToken) =>
        {
            var request = Request(parse);
            var service = new CaspianService(context.Workspace);
            return Task.FromResult(parse.GetValue(curve)
                ? RunCurve(context, service, request, parse, parse.GetValue(json), cancellationToken)
                : Run(context, service, request, parse, parse.GetValue(json), parse.GetValue(csv), parse.GetValue(plot), cancellationToken));
        });

        return command;
    }

    private static int Run(CliContext context, CaspianService service, CaspianRequest request, ParseResult parse, bool json, string? csv, string? plot, CancellationToken cancellationToken)
    {
        Outcome<CaspianAnswer>? outcome = null;
        if (!json && context.Console.Profile.Capabilities.Interactive)
        {
            context.Console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("Simulating the crossing", maxValue: 1);
                    outcome = service.Run(request, share => task.Value = share, cancellationToken);
                });
        }
        else
        {
            outcome = service.Run(request, null, cancellationToken);
        }

        if (!outcome!.IsValid)
        {
            return context.Fail(outcome.Problems);
        }

        var answer = outcome.Value;
        if (csv is not null)
        {
            OutputFiles.WriteAtomically(csv, "--csv", stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                writer.Write(QueueCsv(answer));
            });
            context.Stderr.WriteLine($"info: wrote the queue ({answer.Result.SampleHours.Count} samples) to {csv}");
        }

        if (plot is not null)
        {
            PlotFile.Write(context, plot, svg => QueuePlot.Render(answer, svg));
        }

        var recorded = context.Record("caspian", parse.Tokens.Select(t => t.Value), answer.Document, answer.Document.Year, answer.Document.Seed);
        if (json)
        {
            context.Stdout.WriteLine(recorded.Json);
        }
        else
        {
            Render(context.Console, answer.Document);
        }

        return ExitCodes.Ok;
    }

    private static int RunCurve(CliContext context, CaspianService service, CaspianRequest request, ParseResult parse, bool json, CancellationToken cancellationToken)
    {
        var outcome = service.Curve(new CaspianCurveRequest(request), cancellationToken);
        if (!outcome.IsValid)
        {
            return context.Fail(outcome.Problems);
        }

        var document = outcome.Value.Document;
        var recorded = context.Record("caspian", parse.Tokens.Select(t => t.Value), document, document.Year, request.Seed);
        if (json)
        {
            context.Stdout.WriteLine(recorded.Json);
            return ExitCodes.Ok;
        }

        var console = context.Console;
        console.MarkupLine(Inv, $"[bold]Caspian wait curves[/], network {document.Year}, sea level {document.SeaLevelM:0.00} m BS, seeds {string.Join(", ", document.Seeds)}");
        var table = new Table().AddColumn("Demand TEU/yr");
        foreach (var c in document.Curves)
        {
            table.AddColumn(Markup.Escape(c.Line == CaspianWaitCurve.WholeCrossing ? "All lines: mean / P90 h" : c.Line + ": mean h"));
        }

        var levels = document.Curves[^1].Points;
        for (var i = 0; i < levels.Count; i++)
        {
            var cells = new List<string> { levels[i].DemandTeu.ToString("N0", Inv) };
            foreach (var c in document.Curves)
            {
                var pt = c.Points[i];
                cells.Add(c.Line == CaspianWaitCurve.WholeCrossing
                    ? $"{pt.MeanWaitHours.ToString("0.0", Inv)} / {pt.P90WaitHours.ToString("0.0", Inv)}{(pt.BacklogTeu > pt.DemandTeu * 7 / 365 ? " (backlog " + pt.BacklogTeu.ToString("N0", Inv) + ")" : string.Empty)}"
                    : pt.MeanWaitHours.ToString("0.0", Inv));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        return ExitCodes.Ok;
    }

    internal static string QueueCsv(CaspianAnswer answer)
    {
        var r = answer.Result;
        var text = new StringBuilder("day,hour");
        foreach (var p in answer.Document.Ports)
        {
            text.Append(",queue_teu_").Append(p.Id);
        }

        text.Append(",queue_teu_total,mean_wait_h\n");
        for (var i = 0; i < r.SampleHours.Count; i++)
        {
            var h = r.SampleHours[i];
            text.Append(Inv, $"{Math.Floor(h / 24):0},{h:0.##}");
            var total = 0.0;
            foreach (var series in r.QueueTeuByPort)
            {
                text.Append(Inv, $",{series[i]:0.##}");
                total += series[i];
            }

            var wait = r.MeanWaitBySample[i];
            text.Append(Inv, $",{total:0.##},{(double.IsNaN(wait) ? string.Empty : wait.ToString("0.##", Inv))}\n");
        }

        return text.ToString();
    }

    private static void Render(IAnsiConsole console, CaspianDocument d)
    {
        console.MarkupLine(Inv, $"[bold]Caspian crossing, network {d.Year}[/]: sea level {d.SeaLevelM:0.00} m BS ({Markup.Escape(d.SeaLevelFrom)}), demand {d.DemandTeu:N0} TEU/yr ({Markup.Escape(d.DemandFrom)}){(d.DemandWagons > 0 ? $" + {d.DemandWagons:N0} wagons/yr" : string.Empty)}, {d.Days} days, seed {d.Seed}");
        var summary = new Table().AddColumns("Throughput TEU", "Wagons", "Mean wait h", "P50 h", "P90 h", "Max h", "Backlog TEU", "Storm days");
        summary.AddRow(d.ThroughputTeu.ToString("N0", Inv), d.ThroughputWagons.ToString("N0", Inv), d.MeanWaitHours.ToString("0.0", Inv), d.P50WaitHours.ToString("0.0", Inv),
            d.P90WaitHours.ToString("0.0", Inv), d.MaxWaitHours.ToString("0.0", Inv), d.BacklogTeu.ToString("N0", Inv), d.ClosedDays.ToString(Inv));
        console.Write(summary);
        var lines = new Table().AddColumns("Line", "Policy", "Vessels", "Sailings", "Demand TEU", "Shipped TEU", "Mean h", "P90 h", "Backlog", "Load", "Capacity TEU/yr");
        foreach (var l in d.Lines)
        {
            lines.AddRow(Markup.Escape(l.Id), l.Policy, l.VesselCount.ToString(Inv), l.Sailings.ToString(Inv), l.DemandTeu.ToString("N0", Inv), l.ThroughputTeu.ToString("N0", Inv),
                l.MeanWaitHours.ToString("0.0", Inv), l.P90WaitHours.ToString("0.0", Inv), l.BacklogTeu.ToString("N0", Inv), l.LoadFactor.ToString("P0", Inv), l.CapacityTeuPerYear.ToString("N0", Inv));
        }

        console.Write(lines);
        var vessels = new Table().AddColumns("Vessel", "Line", "TEU design", "TEU at level", "Payload", "Allowed draft m", "Sailings", "Utilisation");
        foreach (var v in d.Vessels)
        {
            vessels.AddRow(Markup.Escape(v.Name), Markup.Escape(v.Line), v.DesignTeu.ToString("0", Inv), v.CapacityTeu.ToString("0", Inv), v.PayloadFactor.ToString("P0", Inv),
                v.AllowedDraftM?.ToString("0.00", Inv) ?? "-", v.Sailings.ToString(Inv), v.Utilisation.ToString("P0", Inv));
        }

        console.Write(vessels);
        var ports = new Table().AddColumns("Port", "Berths", "Berth use", "Berth queue h", "Max queue TEU", "Hours above yard");
        foreach (var p in d.Ports)
        {
            ports.AddRow(Markup.Escape(p.Name), p.Berths.ToString(Inv), p.BerthUtilisation.ToString("P0", Inv), p.MeanBerthQueueHours.ToString("0.0", Inv), p.MaxQueueTeu.ToString("N0", Inv), p.HoursAboveYard.ToString("N0", Inv));
        }

        console.Write(ports);
        foreach (var note in d.Notes)
        {
            console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");
        }
    }
}

using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors assign --tntp NET TRIPS [--gap 1e-5] [--max-iterations N] [--method gp|bfw|fw] [--json]</c>.</summary>
internal static class AssignCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var tntp = new Option<string[]>("--tntp")
        {
            Description = "Network and trips files in the TNTP formats (*_net.tntp *_trips.tntp).",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var gap = new Option<double?>("--gap") { Description = "Target relative gap (default 1e-5)." };
        var maxIterations = new Option<int?>("--max-iterations") { Description = "Iteration limit (default 1000)." };
        var method = new Option<string?>("--method") { Description = "gp (path-based gradient projection, default), bfw (bi-conjugate Frank–Wolfe) or fw (Frank–Wolfe)." };
        var tollFactor = new Option<double?>("--toll-factor") { Description = "Weight of tolls in the cost (default: the file's <TOLL FACTOR>, else 0)." };
        var distanceFactor = new Option<double?>("--distance-factor") { Description = "Weight of link length in the cost (default: the file's <DISTANCE FACTOR>, else 0)." };
        var json = CommonOptions.Json();
        var command = new Command("assign", "Traffic assignment: the user equilibrium of a TNTP network, with the relative gap by iteration.")
        {
            tntp, gap, maxIterations, method, tollFactor, distanceFactor, json,
        };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(tntp);
            if (files is null || files.Length == 0)
            {
                return context.Fail([new RequestProblem("tntp", "Give the network file and the trips file: --tntp NET TRIPS.")]);
            }

            var request = new TntpAssignRequest(files[0], files[1], parse.GetValue(gap), parse.GetValue(maxIterations), parse.GetValue(method),
                parse.GetValue(tollFactor), parse.GetValue(distanceFactor));
            var asJson = parse.GetValue(json);
            var outcome = !asJson && context.Console.Profile.Capabilities.Interactive
                ? WithProgress(context.Console, request)
                : AssignmentService.SolveTntp(request);
            return CapacityCommands.Finish(context, outcome, asJson, Render);
        });
        return command;
    }

    private static Outcome<TntpAssignmentDocument> WithProgress(IAnsiConsole console, TntpAssignRequest request)
    {
        Outcome<TntpAssignmentDocument>? outcome = null;
        var target = Math.Log10(request.Gap ?? 1e-5);
        console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask("relative gap", maxValue: 100);
            outcome = AssignmentService.SolveTntp(request, it =>
            {
                // Progress is the share of the way, in orders of magnitude, from a gap of 1 to the target.
                task.Value = Math.Clamp(100 * Math.Log10(Math.Max(it.RelativeGap, 1e-300)) / target, 0, 100);
                task.Description = string.Create(CultureInfo.InvariantCulture, $"iteration {it.Iteration}, gap {it.RelativeGap:E2}");
            });
            task.Value = 100;
        });
        return outcome!;
    }

    private static void Render(IAnsiConsole console, TntpAssignmentDocument d)
    {
        console.MarkupLine(CultureInfo.InvariantCulture,
            $"[bold]User equilibrium[/] ({d.Method}): {d.Status} after {d.Iterations} iterations, relative gap {d.RelativeGap:E2}, {d.Seconds:F3} s, {d.Links.Count} links");
        var table = new Table().AddColumns("Iteration", "Relative gap");
        for (var i = 0; i < d.GapByIteration.Count; i++)
        {
            table.AddRow(i.ToString(CultureInfo.InvariantCulture), d.GapByIteration[i].ToString("E3", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var busiest = new Table().AddColumns("Link", "Flow", "Cost");
        foreach (var l in d.Links.OrderByDescending(l => l.Flow).Take(10))
        {
            busiest.AddRow($"{l.From} → {l.To}", l.Flow.ToString("N1", CultureInfo.InvariantCulture), l.Cost.ToString("F4", CultureInfo.InvariantCulture));
        }

        console.MarkupLine("[bold]Busiest links[/] (all links: --json)");
        console.Write(busiest);
    }
}

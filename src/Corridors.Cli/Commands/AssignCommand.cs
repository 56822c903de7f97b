using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors assign --demand FILE [--year Y] [--method ue|so] [--scale F] [--unserved-penalty USD] [--json]</c> and
/// <c>corridors assign --tntp NET TRIPS [--gap 1e-5] [--max-iterations N] [--method gp|bfw|fw] [--json]</c>.
/// </summary>
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
        var demand = new Option<string?>("--demand") { Description = "Region-to-region TEU demand file (data/demand/*.csv) to assign to the corridor network." };
        var year = new Option<int?>("--year") { Description = "Network year with --demand (default: the demand file's year)." };
        var scale = new Option<double?>("--scale") { Description = "Multiply the demand by this factor (growth scenarios; default 1)." };
        var method = new Option<string?>("--method") { Description = "With --demand: ue (user equilibrium, default) or so (system optimum: a linear program on OR-Tools, with the shadow price of every binding capacity). With --tntp: gp (path-based gradient projection, default), bfw (bi-conjugate Frank–Wolfe) or fw." };
        var penalty = new Option<double?>("--unserved-penalty") { Description = "With --method so: USD per TEU left unserved (default 12,500)." };
        var tollFactor = new Option<double?>("--toll-factor") { Description = "Weight of tolls in the cost (default: the file's <TOLL FACTOR>, else 0)." };
        var distanceFactor = new Option<double?>("--distance-factor") { Description = "Weight of link length in the cost (default: the file's <DISTANCE FACTOR>, else 0)." };
        var json = CommonOptions.Json();
        var command = new Command("assign", "Assign TEU demand to the corridor network (flows, utilisation, bottlenecks, corridor shares), or solve the user equilibrium of a TNTP network.")
        {
            demand, year, scale, tntp, gap, maxIterations, method, penalty, tollFactor, distanceFactor, json,
        };
        // With values that could not be read, the rest of a --demand request is checked in the same round.
        context.RequestChecks[command] = parse => OptionValues.Read(parse, demand) is { } file
            ? CapacityService.Check(new CorridorAssignRequest(file, OptionValues.Read(parse, year), OptionValues.Read(parse, method), OptionValues.Read(parse, scale),
                OptionValues.Read(parse, gap), OptionValues.Read(parse, maxIterations), OptionValues.Read(parse, penalty)))
            : [];
        command.SetAction(parse =>
        {
            var files = parse.GetValue(tntp);
            var demandFile = parse.GetValue(demand);
            if ((files is null || files.Length == 0) == (demandFile is null))
            {
                return context.Fail([new RequestProblem("demand", "Give either --demand FILE or --tntp NET TRIPS.")]);
            }

            if (demandFile is not null)
            {
                var corridorRequest = new CorridorAssignRequest(demandFile, parse.GetValue(year), parse.GetValue(method), parse.GetValue(scale), parse.GetValue(gap), parse.GetValue(maxIterations),
                    parse.GetValue(penalty));
                var service = new CapacityService(context.Workspace);
                // The linear program reports no progress while it runs (it takes well under a second here).
                var equilibrium = !string.Equals(corridorRequest.Method?.Trim(), "so", StringComparison.OrdinalIgnoreCase);
                var corridor = equilibrium && !parse.GetValue(json) && context.Console.Profile.Capabilities.Interactive
                    ? WithProgress(context.Console, corridorRequest.Gap, progress => service.Assign(corridorRequest, progress))
                    : service.Assign(corridorRequest);
                return CapacityCommands.Finish(context, parse, "assign", corridor, parse.GetValue(json), Render);
            }

            var request = new TntpAssignRequest(files![0], files[1], parse.GetValue(gap), parse.GetValue(maxIterations), parse.GetValue(method),
                parse.GetValue(tollFactor), parse.GetValue(distanceFactor));
            var asJson = parse.GetValue(json);
            var outcome = !asJson && context.Console.Profile.Capabilities.Interactive
                ? WithProgress(context.Console, request.Gap, progress => AssignmentService.SolveTntp(request, progress))
                : AssignmentService.SolveTntp(request);
            return CapacityCommands.Finish(context, parse, "assign", outcome, asJson, Render);
        });
        return command;
    }

    private static Outcome<T> WithProgress<T>(IAnsiConsole console, double? gap, Func<Action<Corridors.Assignment.AssignmentIteration>, Outcome<T>> solve)
    {
        Outcome<T>? outcome = null;
        var target = Math.Log10(gap ?? 1e-5);
        console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask("relative gap", maxValue: 100);
            outcome = solve(it =>
            {
                // Progress is the share of the way, in orders of magnitude, from a gap of 1 to the target.
                task.Value = Math.Clamp(100 * Math.Log10(Math.Max(it.RelativeGap, 1e-300)) / target, 0, 100);
                task.Description = string.Create(CultureInfo.InvariantCulture, $"iteration {it.Iteration}, gap {it.RelativeGap:E2}");
            });
            task.Value = 100;
        });
        return outcome!;
    }

    private static void Render(IAnsiConsole console, CorridorAssignmentDocument d)
    {
        var so = d.Optimum is not null;
        console.MarkupLine(CultureInfo.InvariantCulture, so
            ? $"[bold]Corridor assignment {d.Year}[/] (system optimum): {d.DemandTeu:N0} TEU/year, {d.UnservedTeu:N0} unserved at USD {d.Optimum!.UnservedPenaltyUsd:N0} per TEU; {d.Status}, USD {d.Optimum.ObjectiveUsd:N0} per year, {d.Iterations} simplex iterations, duality gap {d.RelativeGap:E2} ({Markup.Escape(d.Optimum.Solver)})"
            : $"[bold]Corridor assignment {d.Year}[/] ({d.Method}): {d.DemandTeu:N0} TEU/year, {d.UnservedTeu:N0} unserved; {d.Status} after {d.Iterations} iterations, relative gap {d.RelativeGap:E2}");
        console.MarkupLine(CultureInfo.InvariantCulture,
            $"Corridors (TEU/year): {string.Join(", ", d.CorridorShares.Select(s => $"{s.Key} {s.Value:N0}"))}");
        var table = new Table().AddColumns("Bottleneck", "Direction", "Flow (TEU/yr)", "Capacity (TEU/yr)", "Utilisation");
        if (so)
        {
            table.AddColumn("Shadow price (USD per TEU/yr)");
        }

        static string Price(double? usd) => usd is { } p ? p.ToString("N2", CultureInfo.InvariantCulture) : "";
        foreach (var l in d.Legs.Where(l => l.Utilisation is not null).Take(10))
        {
            var cells = new List<string>
            {
                Markup.Escape(l.Id), Markup.Escape($"{l.From} → {l.To}"), l.FlowTeu.ToString("N0", CultureInfo.InvariantCulture),
                l.CapacityTeu!.Value.ToString("N0", CultureInfo.InvariantCulture), l.Utilisation!.Value.ToString("P1", CultureInfo.InvariantCulture),
            };
            if (so)
            {
                cells.Add(Price(l.ShadowPrice));
            }

            table.AddRow([.. cells]);
        }

        foreach (var x in d.Nodes.Take(5))
        {
            var cells = new List<string>
            {
                Markup.Escape(x.Id), "handling", x.FlowTeu.ToString("N0", CultureInfo.InvariantCulture),
                x.CapacityTeu.ToString("N0", CultureInfo.InvariantCulture), x.Utilisation.ToString("P1", CultureInfo.InvariantCulture),
            };
            if (so)
            {
                cells.Add(Price(x.ShadowPrice));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
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

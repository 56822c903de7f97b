using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors scenario list|show|validate|compare|sweep</c>.</summary>
internal static class ScenarioCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var command = new Command("scenario", "What-if scenarios: list the presets, show or validate one, compare scenarios with the baseline, sweep parameters.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Validate(context));
        command.Subcommands.Add(Compare(context));
        command.Subcommands.Add(Sweep(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "The preset scenarios of data/scenarios/.") { json };
        command.SetAction(parse =>
        {
            var document = new ScenarioService(context.Workspace).List();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Stdout, document);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Preset", "Title", "Fingerprint");
            foreach (var p in document.Presets)
            {
                table.AddRow(Markup.Escape(p.Name), Markup.Escape(p.Title ?? ""), p.Fingerprint?[..12] ?? "");
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var name = new Argument<string>("scenario") { Description = "A preset name or a scenario .json file." };
        var json = CommonOptions.Json();
        var command = new Command("show", "What a scenario changes, in the order applied, with its sources.") { name, json };
        command.SetAction(parse =>
        {
            var outcome = new ScenarioService(context.Workspace).Show(parse.GetValue(name)!, allowFiles: true);
            return CapacityCommands.Finish(context, outcome, parse.GetValue(json), Render);
        });
        return command;
    }

    private static void Render(IAnsiConsole console, ScenarioShowDocument d)
    {
        console.MarkupLine($"[bold]{Markup.Escape(d.Scenario.Name)}[/]: {Markup.Escape(d.Scenario.Title ?? "")}");
        if (d.Description is { } description)
        {
            console.WriteLine(description);
        }

        if (d.Extends.Count > 0)
        {
            console.WriteLine($"Extends: {string.Join(" → ", d.Extends)}");
        }

        if (d.BaseYear is { } year)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Base year: {year}"));
        }

        foreach (var e in d.Elements)
        {
            console.WriteLine($"  - {e}");
        }

        console.WriteLine($"Changed in the definition: {string.Join(", ", d.Changes.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}"))}");
        foreach (var s in d.Sources)
        {
            console.WriteLine($"Source: {s}");
        }

        if (d.Scenario.Fingerprint is { } fp)
        {
            console.WriteLine($"Fingerprint: {fp}");
        }
    }

    private static Command Validate(CliContext context)
    {
        var names = new Argument<string[]>("scenario") { Description = "Preset names or scenario .json files (default: every preset).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "Check scenario files against the data: every problem as file(line,col): error CODE: $.path: message. Exit code 2 on errors.") { names };
        command.SetAction(parse =>
        {
            var catalog = context.Workspace.Scenarios;
            var list = parse.GetValue(names) is { Length: > 0 } given ? given : [.. catalog.Presets];
            var errors = 0;
            foreach (var text in list)
            {
                var loaded = catalog.Load(text, allowFiles: true);
                if (!loaded.IsValid)
                {
                    return context.Fail(loaded.Problems);
                }

                foreach (var d in loaded.Value.Diagnostics)
                {
                    context.Stderr.WriteLine(OptionParsers.Escape(d.ToString()));
                }

                errors += loaded.Value.Diagnostics.Count(d => d.IsError);
                if (loaded.Value.IsValid)
                {
                    context.Stdout.WriteLine($"ok: {text} ({loaded.Value.Files[0]}, fingerprint {loaded.Value.Fingerprint[..12]})");
                }
            }

            return errors > 0 ? ExitCodes.InputData : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Compare(CliContext context)
    {
        var names = new Argument<string[]>("scenario") { Description = "Scenarios to compare with the baseline (presets or .json files).", Arity = ArgumentArity.OneOrMore };
        var pairs = new Option<string[]>("--pairs") { Description = "OD pairs as FROM:TO, comma-separated or repeated (default Xian:Duisburg, Shanghai:Rotterdam, Almaty:Istanbul)." };
        var year = CommonOptions.DepartureYear();
        var demand = new Option<string?>("--demand") { Description = "Demand file for the assignment part (e.g. data/demand/2024.csv); left out without it." };
        var demandYear = new Option<int?>("--demand-year") { Description = "Year of the demand rows assigned (default: the file's first year)." };
        var fromRegion = new Option<string?>("--from-region") { Description = "Origin region of the bypass capacity and leverage (default CN).", DefaultValueFactory = _ => "CN" };
        var toRegion = new Option<string?>("--to-region") { Description = "Destination region (default EU).", DefaultValueFactory = _ => "EU" };
        var samples = new Option<int>("--samples") { Description = "Monte Carlo trips per route for P50/P90 (default 5000; 0 leaves them out).", DefaultValueFactory = _ => 5000 };
        var seed = new Option<long>("--seed") { Description = "Seed of the simulations (default 42).", DefaultValueFactory = _ => PercentileRequest.DefaultSeed };
        var json = CommonOptions.Json();
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report with charts (works offline) to this file." };
        var noCaspian = new Option<bool>("--no-caspian") { Description = "Leave out the simulated Caspian crossing of each scenario." };
        var command = new Command("compare", "The baseline against one or more scenarios: per OD pair the best route per corridor (days, P50, P90, cost, CO2e), the assignment (corridor shares, bottlenecks that appear or vanish), bypass capacity and leverage.")
        {
            names, pairs, year, demand, demandYear, fromRegion, toRegion, samples, seed, json, html, noCaspian,
        };
        // With values that could not be read, the OD pairs are checked in the same round (the rest of the request is
        // checked when the comparison starts: resolving scenarios builds their networks).
        context.RequestChecks[command] = parse =>
        {
            var problems = new List<RequestProblem>();
            _ = ParsePairs(OptionValues.Split(OptionValues.Read(parse, pairs)), problems);
            return problems;
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var odProblems = new List<RequestProblem>();
            var od = ParsePairs(OptionValues.Split(parse.GetValue(pairs)), odProblems);
            if (odProblems.Count > 0)
            {
                return Task.FromResult(context.Fail(odProblems));
            }

            var request = new ScenarioCompareRequest
            {
                Scenarios = parse.GetValue(names)!,
                AllowFiles = true,
                Pairs = od.Count > 0 ? od : null,
                Year = parse.GetValue(year),
                DemandFile = parse.GetValue(demand),
                DemandYear = parse.GetValue(demandYear),
                FromRegion = parse.GetValue(fromRegion),
                ToRegion = parse.GetValue(toRegion),
                Samples = parse.GetValue(samples),
                Seed = parse.GetValue(seed),
                Caspian = !parse.GetValue(noCaspian),
            };
            var outcome = new ScenarioService(context.Workspace).Compare(request, cancellationToken);
            if (!outcome.IsValid)
            {
                return Task.FromResult(context.Fail(outcome.Problems));
            }

            var document = outcome.Value;
            var recorded = context.Record("scenario compare", parse.Tokens.Select(t => t.Value), document, document.Year, request.Samples > 0 ? request.Seed : null);
            if (parse.GetValue(html) is { } file)
            {
                OutputFiles.WriteAtomically(file, "--html", s => s.Write(System.Text.Encoding.UTF8.GetBytes(ScenarioReport.Compare(document))));
                context.Stderr.WriteLine($"info: wrote the report to {file}");
            }

            if (parse.GetValue(json))
            {
                context.Stdout.WriteLine(recorded.Json);
            }
            else
            {
                RenderComparison(context.Console, document);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Sweep(CliContext context)
    {
        var scenario = new Option<string?>("--scenario") { Description = "The scenario the parameters are set on (preset or .json file; default the baseline)." };
        var param = new Option<string[]>("--param") { Description = $"A parameter and its range as NAME=FROM:TO:STEP (one or two), e.g. sea-level=-28.5:-31:0.25. Names: {string.Join(", ", SweepService.Parameters.Keys)}.", Required = true };
        var outputs = new Option<string[]>("--output") { Description = $"Outputs, comma-separated or repeated: {string.Join(", ", SweepService.Outputs.Keys)}.", Required = true };
        var year = CommonOptions.DepartureYear();
        var demand = new Option<string?>("--demand") { Description = "Demand file of the assignment outputs (e.g. data/demand/2024.csv)." };
        var route = new Option<string?>("--route") { Description = "OD pair of the route outputs as FROM:TO (default Xian:Duisburg)." };
        var days = new Option<int>("--days") { Description = "Days the Caspian outputs simulate (default 365).", DefaultValueFactory = _ => 365 };
        var seed = new Option<long>("--seed") { Description = "Seed of every case (default 42).", DefaultValueFactory = _ => PercentileRequest.DefaultSeed };
        var threads = new Option<int?>("--threads") { Description = "Cases run at once (default: the processor count). Results do not depend on it." };
        var json = CommonOptions.Json();
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report with a chart to this file." };
        var jobs = new Option<bool>("--jobs") { Description = "Print the cases as self-contained JSON jobs (one per line) instead of running them." };
        var command = new Command("sweep", "Run one or two scenario parameters over a range (cases in parallel) and give a table and a chart of chosen outputs.")
        {
            scenario, param, outputs, year, demand, route, days, seed, threads, json, html, jobs,
        };
        SweepRequest? Request(ParseResult parse, List<RequestProblem> problems)
        {
            var parameters = ParseParameters(OptionValues.Read(parse, param) ?? [], problems);
            var od = ParsePairs(OptionValues.Read(parse, route) is { } r ? [r] : [], problems);
            return problems.Count > 0 ? null : new SweepRequest
            {
                Scenario = OptionValues.Read(parse, scenario),
                AllowFiles = true,
                Parameters = parameters,
                Outputs = OptionValues.Split(OptionValues.Read(parse, outputs)),
                Year = OptionValues.Read(parse, year),
                DemandFile = OptionValues.Read(parse, demand),
                Route = od.Count > 0 ? od[0] : new OdPair("Xian", "Duisburg"),
                CaspianDays = OptionValues.Read(parse, days),
                Seed = OptionValues.Read(parse, seed),
                Threads = OptionValues.Read(parse, threads),
            };
        }

        // With values that could not be read, the rest is checked in the same round: listing the cases checks the
        // whole request without running one.
        context.RequestChecks[command] = parse =>
        {
            var problems = new List<RequestProblem>();
            return Request(parse, problems) is { } request ? new SweepService(context.Workspace).Jobs(request).Problems : problems;
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var problems = new List<RequestProblem>();
            if (Request(parse, problems) is not { } request)
            {
                return Task.FromResult(context.Fail(problems));
            }

            var service = new SweepService(context.Workspace);
            if (parse.GetValue(jobs))
            {
                var list = service.Jobs(request);
                if (!list.IsValid)
                {
                    return Task.FromResult(context.Fail(list.Problems));
                }

                foreach (var job in list.Value)
                {
                    context.Stdout.WriteLine(ContractJson.Serialize(job).ReplaceLineEndings(" "));
                }

                return Task.FromResult(ExitCodes.Ok);
            }

            var outcome = service.Run(request, cancellationToken);
            if (!outcome.IsValid)
            {
                return Task.FromResult(context.Fail(outcome.Problems));
            }

            var document = outcome.Value;
            var recorded = context.Record("scenario sweep", parse.Tokens.Select(t => t.Value), document, document.Year, document.Seed);
            if (parse.GetValue(html) is { } file)
            {
                OutputFiles.WriteAtomically(file, "--html", s => s.Write(System.Text.Encoding.UTF8.GetBytes(ScenarioReport.Sweep(document))));
                context.Stderr.WriteLine($"info: wrote the report to {file}");
            }

            if (parse.GetValue(json))
            {
                context.Stdout.WriteLine(recorded.Json);
            }
            else
            {
                var table = new Table().AddColumns([.. document.Parameters.Concat(document.Outputs).Select(c => new TableColumn(c).RightAligned())]);
                foreach (var c in document.Cases)
                {
                    table.AddRow([.. document.Parameters.Select(p => Num(c.Parameters[p])).Concat(document.Outputs.Select(o => c.Outputs[o] is { } v ? Num(v) : "–"))]);
                }

                context.Console.MarkupLine(CultureInfo.InvariantCulture, $"[bold]Sweep of {Markup.Escape(document.Scenario)}[/], network {document.Year}, seed {document.Seed}");
                context.Console.Write(table);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Parses <c>NAME=FROM:TO:STEP</c>; problems for field <c>param[i]</c>.</summary>
    internal static List<SweepParameter> ParseParameters(string[] values, List<RequestProblem> problems)
    {
        var list = new List<SweepParameter>();
        for (var i = 0; i < values.Length; i++)
        {
            var text = values[i];
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            var range = eq < 0 ? [] : text[(eq + 1)..].Split(':');
            var numbers = range.Select(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null).ToArray();
            if (eq <= 0 || numbers.Length != 3 || numbers.Any(n => n is null))
            {
                problems.Add(new($"param[{i}]", $"'{RequestText.Quote(text)}' is not NAME=FROM:TO:STEP, e.g. sea-level=-28.5:-31:0.25."));
                continue;
            }

            list.Add(new SweepParameter(text[..eq].Trim(), numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value));
        }

        return list;
    }

    private static List<OdPair> ParsePairs(IReadOnlyList<string> values, List<RequestProblem> problems)
    {
        var list = new List<OdPair>();
        for (var i = 0; i < values.Count; i++)
        {
            var parts = values[i].Split(':');
            if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add(new($"pairs[{i}]", $"'{RequestText.Quote(values[i])}' is not FROM:TO, e.g. Xian:Duisburg."));
                continue;
            }

            list.Add(new OdPair(parts[0].Trim(), parts[1].Trim()));
        }

        return list;
    }

    private static void RenderComparison(IAnsiConsole console, ScenarioComparisonDocument d)
    {
        console.MarkupLine(CultureInfo.InvariantCulture, $"[bold]Baseline vs {Markup.Escape(string.Join(", ", d.Scenarios.Skip(1).Select(s => s.Name)))}[/], network {d.Year}{(d.Samples > 0 ? $", P50/P90 from {d.Samples:N0} trips per route, seed {d.Seed}" : "")}");
        foreach (var od in d.Routes)
        {
            var table = new Table().Title($"{Markup.Escape(od.From)} → {Markup.Escape(od.To)}")
                .AddColumns("Scenario", "Corridor", "Days", "P50", "P90", "USD/TEU", "kg CO2e", "Countries");
            foreach (var s in od.Scenarios)
            {
                if (s.Corridors.Count == 0)
                {
                    table.AddRow(Markup.Escape(s.Scenario), "[grey]no route[/]", "", "", "", "", "", Markup.Escape(s.Problem ?? ""));
                }

                foreach (var c in s.Corridors)
                {
                    table.AddRow(Markup.Escape(s.Scenario), Markup.Escape(c.Corridor), Num(c.Days), Opt(c.P50Days), Opt(c.P90Days),
                        (c.CostIsLowerBound ? "≥" : "") + c.CostUsd.ToString("N0", CultureInfo.InvariantCulture), c.Co2eKg.ToString("N0", CultureInfo.InvariantCulture), string.Join(" ", c.Countries));
                }
            }

            console.Write(table);
        }

        if (d.Assignment is { } a)
        {
            var table = new Table().Title(Markup.Escape($"Assignment of {a.DemandFile} ({a.DemandYear} demand) on the {a.Year} network"))
                .AddColumns("Scenario", "Demand TEU", "Unserved", "Middle", "Northern", "Southern", "Bottlenecks", "Appear", "Vanish");
            foreach (var s in a.Scenarios)
            {
                table.AddRow(Markup.Escape(s.Scenario), Teu(s.DemandTeu), Teu(s.UnservedTeu), Teu(s.CorridorShares.GetValueOrDefault("middle")),
                    Teu(s.CorridorShares.GetValueOrDefault("northern")), Teu(s.CorridorShares.GetValueOrDefault("southern")),
                    s.Bottlenecks.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", s.Appear.Take(4))), Markup.Escape(string.Join(", ", s.Vanish.Take(4))));
            }

            console.Write(table);
        }

        if (d.Capacity is { } cap)
        {
            var table = new Table().Title(Markup.Escape($"Bypass capacity {cap.FromRegion} → {cap.ToRegion}, {cap.Year}"))
                .AddColumns("Scenario", "Max flow TEU/yr", "Minimum cut", "Top leverage");
            foreach (var s in cap.Scenarios)
            {
                table.AddRow(Markup.Escape(s.Scenario), s.MaxFlowTeu is { } m ? Teu(m) : "unbounded", Markup.Escape(string.Join(", ", s.MinCut.Take(4).Select(c => c.Id))),
                    Markup.Escape(string.Join(", ", s.Leverage.Take(3).Select(l => $"{l.Code} {(l.Share is { } sh ? sh.ToString("P0", CultureInfo.InvariantCulture) : "n/a")}"))));
            }

            console.Write(table);
        }

        RenderCaspian(console, d);
    }

    private static void RenderCaspian(IAnsiConsole console, ScenarioComparisonDocument d)
    {
        if (d.Caspian.Count == 0)
        {
            return;
        }

        var table = new Table().Title(Markup.Escape($"Caspian crossing {d.Year} (one simulated year, seed {d.Seed})"))
            .AddColumns("Scenario", "Sea level m", "Lift TEU/sailing round", "Demand TEU", "Throughput TEU", "Mean wait h", "P90 wait h", "Backlog TEU");
        foreach (var c in d.Caspian)
        {
            table.AddRow(Markup.Escape(c.Scenario), c.SeaLevelM.ToString("0.00", CultureInfo.InvariantCulture), Teu(c.LiftTeu), Teu(c.DemandTeu), Teu(c.ThroughputTeu),
                Num(c.MeanWaitHours), Num(c.P90WaitHours), Teu(c.BacklogTeu));
        }

        console.Write(table);
    }

    private static string Teu(double v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Opt(double? v) => v is { } x ? Num(x) : "–";

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}

using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors runs list|show|export|delete</c>: results in the run store (SQLite by default, PostgreSQL with
/// <c>--store-provider postgresql</c>).
/// </summary>
internal static class RunsCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var limit = new Option<int>("--limit") { Description = "How many runs to list, newest first (1–10000).", DefaultValueFactory = _ => RunListRequest.DefaultLimit };
        var commandFilter = new Option<string?>("--command") { Description = "Only runs of this command (route, compare, reliability, ...)." };
        var json = CommonOptions.Json();
        var list = new Command("list", "List stored runs: id, time, command, status, duration, arguments, data fingerprint, seed.") { limit, commandFilter, json };
        context.RequestChecks[list] = parse => RunsService.Check(new RunListRequest(OptionValues.Read(parse, limit), OptionValues.Read(parse, commandFilter)));
        list.SetAction(parse =>
        {
            var outcome = new RunsService(context.Workspace).List(new RunListRequest(parse.GetValue(limit), parse.GetValue(commandFilter)));
            if (!outcome.IsValid)
            {
                return context.Fail(outcome.Problems);
            }

            var document = outcome.Value;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Stdout, document);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Id", "Stored (UTC)", "Command", "Status", "Took", "Arguments", "Data", "Seed");
            foreach (var r in document.Runs)
            {
                table.AddRow(
                    r.Id.ToString(CultureInfo.InvariantCulture),
                    r.CreatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(r.Command),
                    r.Status,
                    r.DurationMs is { } ms ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s") : string.Empty,
                    Markup.Escape(r.Arguments),
                    r.DataFingerprint.Length > 12 ? r.DataFingerprint[..12] : r.DataFingerprint,
                    r.Seed?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            }

            context.Console.Write(table);
            context.Console.MarkupLine($"{document.Runs.Count} run(s) in {Markup.Escape(document.Store)}");
            return ExitCodes.Ok;
        });

        var id = new Argument<long>("id") { Description = "Run id (see runs list)." };
        var show = new Command("show", "Print a stored run's result JSON exactly as it was produced.") { id };
        show.SetAction(parse =>
        {
            var outcome = new RunsService(context.Workspace).Show(new RunShowRequest(parse.GetValue(id)));
            if (!outcome.IsValid)
            {
                return context.Fail(outcome.Problems);
            }

            context.Stdout.WriteLine(outcome.Value.Record.ResultJson);
            return ExitCodes.Ok;
        });

        return new Command("runs", "Results stored by route, compare, reliability, caspian, validate-model, bypass, leverage, invest, scenario compare and sweep (one transaction per run).")
        {
            list, show, Export(context), Delete(context),
        };
    }

    private static Command Export(CliContext context)
    {
        var ids = new Argument<long[]>("ids") { Description = "Run ids; none exports the newest runs (--limit, --command).", Arity = ArgumentArity.ZeroOrMore };
        var limit = new Option<int>("--limit") { Description = "Without ids: how many of the newest runs (1–10000).", DefaultValueFactory = _ => RunListRequest.DefaultLimit };
        var commandFilter = new Option<string?>("--command") { Description = "Without ids: only runs of this command." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the JSON to this file (atomically) instead of stdout." };
        var export = new Command("export", "Write stored runs with their parameters, seed, fingerprints, timing and results as one JSON document.") { ids, limit, commandFilter, output };
        context.RequestChecks[export] = parse => (OptionValues.Read(parse, ids) ?? []).Length > 0
            ? []
            : RunsService.Check(new RunListRequest(OptionValues.Read(parse, limit), OptionValues.Read(parse, commandFilter)));
        export.SetAction(parse =>
        {
            var outcome = new RunsService(context.Workspace).Export(new RunExportRequest(parse.GetValue(ids) ?? [], new RunListRequest(parse.GetValue(limit), parse.GetValue(commandFilter))));
            if (!outcome.IsValid)
            {
                return context.Fail(outcome.Problems);
            }

            var text = ContractJson.Serialize(outcome.Value);
            if (parse.GetValue(output) is { } file)
            {
                OutputFiles.WriteAtomically(file, "--output", stream =>
                {
                    using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
                    writer.WriteLine(text);
                });
                context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"info: wrote {outcome.Value.Runs.Count} run(s) to {file}"));
            }
            else
            {
                context.Stdout.WriteLine(text);
            }

            return ExitCodes.Ok;
        });
        return export;
    }

    private static Command Delete(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "Run id (see runs list)." };
        var delete = new Command("delete", "Delete one stored run.") { id };
        delete.SetAction(parse =>
        {
            var outcome = new RunsService(context.Workspace).Delete(new RunDeleteRequest(parse.GetValue(id)));
            if (!outcome.IsValid)
            {
                return context.Fail(outcome.Problems);
            }

            context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Deleted run {outcome.Value}."));
            return ExitCodes.Ok;
        });
        return delete;
    }
}

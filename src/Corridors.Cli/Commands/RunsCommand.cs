using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors runs list|show</c>: results stored in the SQLite result store.</summary>
internal static class RunsCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var limit = new Option<int>("--limit") { Description = "How many runs to list, newest first (1–10000).", DefaultValueFactory = _ => RunListRequest.DefaultLimit };
        var commandFilter = new Option<string?>("--command") { Description = "Only runs of this command (route, compare, reliability, ...)." };
        var json = CommonOptions.Json();
        var list = new Command("list", "List stored runs: id, time, command, arguments, data fingerprint, seed.") { limit, commandFilter, json };
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

            var table = new Table().AddColumns("Id", "Stored (UTC)", "Command", "Arguments", "Data", "Seed");
            foreach (var r in document.Runs)
            {
                table.AddRow(
                    r.Id.ToString(CultureInfo.InvariantCulture),
                    r.CreatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(r.Command),
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

            context.Stdout.WriteLine(outcome.Value.ResultJson);
            return ExitCodes.Ok;
        });

        return new Command("runs", "Results stored by route, compare and reliability (SQLite, one transaction per run).") { list, show };
    }
}

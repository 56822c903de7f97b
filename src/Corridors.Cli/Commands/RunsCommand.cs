using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Data.Store;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors runs list|show</c>: results stored in the SQLite result store.</summary>
internal static class RunsCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var limit = new Option<int>("--limit") { Description = "How many runs to list, newest first (1–10000).", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--limit must be between 1 and 10000.");
            }
        });
        var commandFilter = new Option<string?>("--command") { Description = "Only runs of this command (route, compare, reliability, ...)." };
        var json = CommonOptions.Json();
        var list = new Command("list", "List stored runs: id, time, command, arguments, data fingerprint, seed.") { limit, commandFilter, json };
        list.SetAction(parse =>
        {
            using var store = OpenOrFail(context);
            var runs = store.List(parse.GetValue(limit), parse.GetValue(commandFilter));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Stdout, new RunListDocument(
                    store.Path,
                    [.. runs.Select(r => new RunSummaryContract(r.Id, r.CreatedUtc, r.Command, r.Arguments, r.DataFingerprint, r.Year, r.Seed))]));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Id", "Stored (UTC)", "Command", "Arguments", "Data", "Seed");
            foreach (var r in runs)
            {
                table.AddRow(
                    r.Id.ToString(CultureInfo.InvariantCulture),
                    r.CreatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(r.Command),
                    Markup.Escape(r.Arguments),
                    r.DataFingerprint[..12],
                    r.Seed?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            }

            context.Console.Write(table);
            context.Console.MarkupLine($"{runs.Count} run(s) in {Markup.Escape(store.Path)}");
            return ExitCodes.Ok;
        });

        var id = new Argument<long>("id") { Description = "Run id (see runs list)." };
        var show = new Command("show", "Print a stored run's result JSON exactly as it was produced.") { id };
        show.SetAction(parse =>
        {
            using var store = OpenOrFail(context);
            if (!store.TryGet(parse.GetValue(id), out var run))
            {
                throw new CliUsageException($"There is no run {parse.GetValue(id)} in {store.Path}.");
            }

            context.Stdout.WriteLine(run.ResultJson);
            return ExitCodes.Ok;
        });

        return new Command("runs", "Results stored by route, compare and reliability (SQLite, one transaction per run).") { list, show };
    }

    private static ResultStore OpenOrFail(CliContext context) =>
        context.StorePath is null
            ? throw new CliUsageException("--no-store was given, so there is no store to read.")
            : context.Workspace.Runs.Open();
}

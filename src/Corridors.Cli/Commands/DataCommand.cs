using System.CommandLine;
using Corridors.Application.Services;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors data validate [dir]</c>: checks the network files and reports every problem.</summary>
internal static class DataCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var dir = new Argument<string?>("dir") { Description = "Data directory to check (default: the bundled data).", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json();
        var validate = new Command("validate", "Check every data file (network CSV files, reliability.csv, sea/); print every problem as file(line,col): error CODE: message. Exit code 2 on errors.")
        {
            dir,
            json,
        };
        validate.SetAction(parse =>
        {
            var outcome = NetworkService.Validate(parse.GetValue(dir) ?? context.DataDirectory);
            if (!outcome.IsValid)
            {
                return context.Fail(outcome.Problems);
            }

            var (document, result) = outcome.Value;
            foreach (var d in result.Diagnostics)
            {
                context.Stderr.WriteLine(OptionParsers.Escape(d.ToString()));
            }

            var definition = result.Definition;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Stdout, document);
            }
            else
            {
                var counts = definition is null
                    ? string.Empty
                    : $" {definition.Nodes.Count} nodes, {definition.Legs.Count} legs, {definition.Services.Count} services, {definition.Countries.Count} countries; {document.Assumptions} rows marked as assumptions;";
                context.Stdout.WriteLine($"{document.Directory}: {result.Files.Count} files;{counts} {result.ErrorCount} error(s), {result.WarningCount} warning(s).");
            }

            return result.ErrorCount > 0 ? ExitCodes.InputData : ExitCodes.Ok;
        });

        return new Command("data", "Work with the network data files.") { validate };
    }
}

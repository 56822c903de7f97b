using System.CommandLine;
using Corridors.Data;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors data validate [dir]</c>: checks the network files and reports every problem.</summary>
internal static class DataCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var dir = new Argument<string?>("dir") { Description = "Data directory to check (default: the bundled data).", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json();
        var validate = new Command("validate", "Check the network CSV files; print every problem as file(line,col): error CODE: message. Exit code 2 on errors.")
        {
            dir,
            json,
        };
        validate.SetAction(parse =>
        {
            var directory = parse.GetValue(dir) ?? parse.GetValue(globals.Data) ?? DataPaths.DefaultDataDirectory();
            var result = NetworkLoader.Load(directory);
            foreach (var d in result.Diagnostics)
            {
                context.Stderr.WriteLine(d.ToString());
            }

            var definition = result.Definition;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Stdout, new
                {
                    directory = NetworkLoader.DisplayPath(directory),
                    files = result.Files,
                    errors = result.ErrorCount,
                    warnings = result.WarningCount,
                    nodes = definition?.Nodes.Count,
                    legs = definition?.Legs.Count,
                    services = definition?.Services.Count,
                    assumptions = definition is null ? (int?)null : CountAssumptions(definition),
                    diagnostics = result.Diagnostics.Select(d => new
                    {
                        severity = d.IsError ? "error" : "warning",
                        code = d.Code,
                        file = d.File,
                        line = d.Line,
                        column = d.Column,
                        message = d.Message,
                        hint = d.Hint,
                    }),
                });
            }
            else
            {
                var counts = definition is null
                    ? string.Empty
                    : $" {definition.Nodes.Count} nodes, {definition.Legs.Count} legs, {definition.Services.Count} services, {definition.Countries.Count} countries; {CountAssumptions(definition)} rows marked as assumptions;";
                context.Stdout.WriteLine($"{NetworkLoader.DisplayPath(directory)}: {result.Files.Count} files;{counts} {result.ErrorCount} error(s), {result.WarningCount} warning(s).");
            }

            return result.ErrorCount > 0 ? ExitCodes.InputData : ExitCodes.Ok;
        });

        return new Command("data", "Work with the network data files.") { validate };
    }

    private static int CountAssumptions(Network.NetworkDefinition d) =>
        d.Countries.Count(x => x.Provenance.IsAssumption) + d.Passages.Count(x => x.Provenance.IsAssumption)
        + d.Nodes.Count(x => x.Provenance.IsAssumption) + d.Legs.Count(x => x.Provenance.IsAssumption)
        + d.Vessels.Count(x => x.Provenance.IsAssumption) + d.Services.Count(x => x.Provenance.IsAssumption)
        + d.EmissionFactors.Count(x => x.Provenance.IsAssumption) + d.Parameters.Count(x => x.Provenance.IsAssumption);
}

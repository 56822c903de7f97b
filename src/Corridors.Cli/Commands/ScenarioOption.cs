using System.CommandLine;

namespace Corridors.Cli.Commands;

/// <summary>
/// The one registration of <c>--scenario FILE|PRESET</c> on the commands that answer under a scenario. The option is
/// read once before the command runs (<see cref="CorridorsApp"/>), so <see cref="CliContext.Workspace"/> is the
/// scenario's workspace for every service the command calls.
/// </summary>
internal static class ScenarioOption
{
    /// <summary>The commands that take <c>--scenario</c>.</summary>
    public static readonly string[] Commands = ["route", "compare", "reliability", "sea", "caspian", "assign", "bypass", "leverage"];

    /// <summary>Adds a <c>--scenario</c> option to each of <see cref="Commands"/> under <paramref name="root"/>.</summary>
    public static void AddTo(RootCommand root, CliContext context)
    {
        foreach (var command in root.Subcommands.Where(c => Commands.Contains(c.Name, StringComparer.Ordinal)))
        {
            var option = new Option<string?>("--scenario")
            {
                Description = "Answer under a scenario: a preset of data/scenarios/ (corridors scenario list, e.g. russia-closed) or a scenario .json file.",
            };
            command.Options.Add(option);
            context.ScenarioOptions[command] = option;
        }
    }
}

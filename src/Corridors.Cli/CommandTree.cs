using System.CommandLine;
using Corridors.Cli.Commands;

namespace Corridors.Cli;

/// <summary>
/// Builds the command tree. Each command lives in Commands/ as a static <c>Create(CliContext, GlobalOptions)</c>;
/// add new commands to the list below.
/// </summary>
internal static class CommandTree
{
    public static RootCommand Build(CliContext context) => Build(context, out _);

    public static RootCommand Build(CliContext context, out GlobalOptions globals)
    {
        globals = new GlobalOptions(CommonOptions.Data(), CommonOptions.Verbose(), CommonOptions.Store(), CommonOptions.NoStore(), CommonOptions.StoreProvider());
        var root = new RootCommand(
            "Corridors: routes, transit times, costs, CO2e and capacity on Eurasian freight corridors " +
            "(Middle Corridor / Trans-Caspian, Northern, Southern via Iran, sea via Suez or the Cape).");
        root.Options.Add(globals.Data);
        root.Options.Add(globals.Verbose);
        root.Options.Add(globals.Store);
        root.Options.Add(globals.NoStore);
        root.Options.Add(globals.StoreProvider);

        Command[] commands =
        [
            DataCommand.Create(context, globals),
            NetworkCommand.Create(context, globals),
            PlacesCommand.Create(context, globals),
            ExportCommand.Create(context, globals),
            RouteCommand.CreateRoute(context, globals),
            RouteCommand.CreateCompare(context, globals),
            ReliabilityCommand.Create(context, globals),
            RunsCommand.Create(context, globals),
            SeaCommand.Create(context, globals),
            ServeCommand.Create(context, globals),
            ValidateModelCommand.Create(context, globals),
            CaspianCommand.Create(context, globals),
            AssignCommand.Create(context, globals),
            CapacityCommands.CreateBypass(context, globals),
            CapacityCommands.CreateLeverage(context, globals),
            CapacityCommands.CreateInvest(context, globals),
        ];
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(ScenarioCommand.Create(context, globals));
        ScenarioOption.AddTo(root, context);

        OptionParsers.Attach(root);
        Help.Attach(root, globals);
        return root;
    }
}

/// <summary>Options defined on the root and visible in every subcommand.</summary>
internal sealed record GlobalOptions(Option<string?> Data, Option<bool> Verbose, Option<string?> Store, Option<bool> NoStore, Option<string?> StoreProvider);

using System.CommandLine;
using Corridors.Diagnostics;

namespace Corridors.Cli;

/// <summary>Runs the CLI against given writers; used by <see cref="Program"/> and by the CLI tests.</summary>
internal static class CorridorsApp
{
    /// <summary>How <see cref="CliContext.Workspace"/> starts the message of an unknown <c>--scenario</c>.</summary>
    internal const string ScenarioPrefix = "--scenario: ";

    /// <summary>
    /// With parse errors, the request problems of the options that could be read, so a command line with an unreadable
    /// value and an out-of-range one hears of both at once. Best effort: options named by a parse error are skipped,
    /// and a check that cannot run (no data, a broken folder) adds nothing; the parse errors are reported either way.
    /// </summary>
    private static IReadOnlyList<Application.Requests.RequestProblem> ProblemsOfTheRest(CliContext context, ParseResult parse, GlobalOptions globals)
    {
        if (!context.RequestChecks.TryGetValue(parse.CommandResult.Command, out var check))
        {
            return [];
        }

        try
        {
            context.NoStore = true;
            context.DataOption = OptionValues.Read(parse, globals.Data);
            context.ScenarioOption = context.ScenarioOptions.TryGetValue(parse.CommandResult.Command, out var scenario) ? OptionValues.Read(parse, scenario) : null;
            if (context.GlobalProblems().Count > 0)
            {
                return [];
            }

            var named = string.Join(' ', parse.Errors.Select(e => e.Message));
            return [.. check(parse).Where(p => !named.Contains(OptionNames.For(p), StringComparison.Ordinal))];
        }
        catch (CliUsageException ex) when (ex.Message.StartsWith(ScenarioPrefix, StringComparison.Ordinal))
        {
            // An unknown --scenario: said with the parse errors, in the same round.
            return [new Application.Requests.RequestProblem("scenario", ex.Message[ScenarioPrefix.Length..])];
        }
        catch (Exception ex) when (ex is InputDataException or InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException or CliUsageException)
        {
            return [];
        }
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment environment)
    {
        using var context = new CliContext(stdout, stderr, environment, verbose: args.Contains("--verbose") || args.Contains("-v"));
        stderr = context.Stderr;
        var root = CommandTree.Build(context, out var globals);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors go to stderr only, so stdout (results, JSON) stays clean for scripts.
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {OptionParsers.Escape(error.Message)}");
            }

            foreach (var problem in ProblemsOfTheRest(context, parse, globals))
            {
                stderr.WriteLine($"error: {OptionNames.For(problem)}: {OptionParsers.Escape(problem.Message)}");
            }

            stderr.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        // Option values are read only once the parse has no errors: a malformed value must never reach a getter.
        // With --help or --version the parser skips validation, so a global option without its value still throws.
        try
        {
            context.NoStore = parse.GetValue(globals.NoStore);
            context.StoreOption = parse.GetValue(globals.Store);
            context.StoreProviderOption = parse.GetValue(globals.StoreProvider);
            context.DataOption = parse.GetValue(globals.Data);
            context.ScenarioOption = context.ScenarioOptions.TryGetValue(parse.CommandResult.Command, out var scenario) ? parse.GetValue(scenario) : null;
        }
        catch (InvalidOperationException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            stderr.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        if (context.GlobalProblems() is { Count: > 0 } problems)
        {
            return context.Fail(problems);
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (InputDataException ex)
        {
            foreach (var d in ex.Diagnostics)
            {
                stderr.WriteLine(OptionParsers.Escape(d.ToString()));
            }

            stderr.WriteLine($"error: the input data has {ex.ErrorCount} error(s) and {ex.WarningCount} warning(s).");
            return ExitCodes.InputData;
        }
        catch (CliUsageException ex)
        {
            stderr.WriteLine($"error: {OptionParsers.Escape(ex.Message)}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine($"error: unexpected failure: {OptionParsers.Escape(ex.Message)}");
            if (context.Verbose)
            {
                stderr.WriteLine(ex.ToString());
            }
            else
            {
                stderr.WriteLine("Run again with --verbose for the stack trace.");
            }

            return ExitCodes.Unexpected;
        }
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is System.CommandLine.Parsing.CommandResult c)
            {
                names.Add(c.Parent is null ? "corridors" : c.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}

/// <summary>Thrown by commands for invalid option values that the parser cannot catch (exit code 1).</summary>
internal sealed class CliUsageException(string message) : Exception(message);

using System.CommandLine;
using Corridors.Cli;

namespace Corridors.Tests;

/// <summary>Help on every command ends with examples that parse, and lists the global options only where they apply.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        foreach (var path in AllCommands(Tree()).Select(c => c.Path))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void EveryCommand_HelpEndsWithExamplesThatParseToThatCommand(string path)
    {
        var args = path.Length == 0 ? new[] { "--help" } : [.. path.Split(' '), "--help"];
        var (code, stdout, _) = CliRunner.Run(args);

        code.ShouldBe(0);
        stdout.ShouldContain("Usage:");
        var section = stdout[(stdout.IndexOf("\nExamples:\n", StringComparison.Ordinal) + 1)..];
        section.ShouldStartWith("Examples:");
        var examples = section.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        examples.ShouldNotBeEmpty();
        foreach (var example in examples)
        {
            example.ShouldStartWith("corridors ");
            var parse = Tree().Parse(Tokens(example));
            parse.Errors.Select(e => e.Message).ShouldBeEmpty(example);
            var parsed = Help.PathOf(parse.CommandResult);
            (parsed == path || parsed.StartsWith(path + " ", StringComparison.Ordinal) || path.Length == 0).ShouldBeTrue($"'{example}' runs '{parsed}', not '{path}'");
        }
    }

    [Theory]
    [InlineData("sea", "--data", "--store,--no-store,--store-provider")]
    [InlineData("places", "--data", "--store,--no-store,--store-provider")]
    [InlineData("runs list", "--store,--store-provider", "--data,--no-store")]
    [InlineData("compare", "--data,--store,--no-store,--store-provider,--scenario", "")]
    [InlineData("scenario sweep", "--data,--store,--no-store", "")]
    [InlineData("", "--data,--store,--no-store,--store-provider,--verbose", "")]
    public void GlobalOptions_AreListedOnlyWhereTheyApply(string path, string listed, string absent)
    {
        var args = path.Length == 0 ? new[] { "--help" } : [.. path.Split(' '), "--help"];
        var options = OptionsSection(CliRunner.Run(args).Stdout);

        foreach (var name in listed.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            options.ShouldContain(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l == name || l.Contains(", " + name, StringComparison.Ordinal), $"{path}: {name}");
        }

        foreach (var name in absent.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            options.ShouldNotContain(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l == name, $"{path}: {name}");
        }

        // Still accepted, for scripts that pass them everywhere; the help just does not advertise them.
        CliRunner.Run("--help").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void OptionThatDoesNotApply_IsStillAccepted()
    {
        var (code, stdout, _) = CliRunner.Run("sea", "--from", "Shanghai", "--to", "Rotterdam", "--no-store", "--no-geometry", "--json");

        code.ShouldBe(0);
        stdout.ShouldContain("distanceKm");
    }

    private static RootCommand Tree() => CommandTree.Build(new CliContext(new StringWriter(), new StringWriter(), CliRunner.Environment()));

    private static IEnumerable<(string Path, Command Command)> AllCommands(Command command, string path = "")
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands)
        {
            foreach (var c in AllCommands(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name))
            {
                yield return c;
            }
        }
    }

    /// <summary>The option rows of a help text, trimmed (continuation lines of long descriptions included).</summary>
    private static List<string> OptionsSection(string help)
    {
        var lines = help.Split('\n');
        var start = Array.IndexOf(lines, "Options:");
        return [.. lines.Skip(start + 1).TakeWhile(l => l.Length > 0).Select(l => l.Trim())];
    }

    /// <summary>A shell line as arguments: single quotes group words; a redirection ends the arguments.</summary>
    private static string[] Tokens(string line)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var ch in line)
        {
            if (ch == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (ch == ' ' && !quoted)
            {
                if (any)
                {
                    tokens.Add(current.ToString());
                }

                current.Clear();
                any = false;
            }
            else
            {
                current.Append(ch);
                any = true;
            }
        }

        if (any)
        {
            tokens.Add(current.ToString());
        }

        var end = tokens.IndexOf(">");
        return [.. tokens.Skip(1).Take(end < 0 ? int.MaxValue : end - 1)];
    }
}

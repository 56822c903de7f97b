using System.CommandLine;

namespace Corridors.Cli;

/// <summary>
/// The values of a parse that a request check may use: each option or argument's value, or its default where the
/// command line gave a value that could not be read (the parse error already names it), so a check reports the
/// problems of the readable values in the same round as the parse errors of the others.
/// </summary>
internal static class OptionValues
{
    /// <summary>The option's value, or its default when the command line gave a value that could not be read (the parse error reports it).</summary>
    public static T? Read<T>(ParseResult parse, Option<T> option)
    {
        var result = parse.GetResult(option);
        return result is not null && result.Errors.Any() ? default : parse.GetValue(option);
    }

    /// <summary>The argument's value, or its default when the command line gave a value that could not be read.</summary>
    public static T? Read<T>(ParseResult parse, Argument<T> argument)
    {
        var result = parse.GetResult(argument);
        return result is not null && result.Errors.Any() ? default : parse.GetValue(argument);
    }

    /// <summary>Comma-separated or repeated values as one list.</summary>
    public static string[] Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}

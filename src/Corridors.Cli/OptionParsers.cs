using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Corridors.Cli;

/// <summary>
/// Parsers for the numeric options and arguments of the whole command tree, attached once by
/// <see cref="CommandTree.Build(CliContext)"/>. System.CommandLine's own conversion reports a bad value with the .NET
/// type name (<c>as expected type 'System.Nullable`1[System.Int32]'</c>), and a validator that reads a value it could
/// not convert throws. These parsers turn every unreadable value into a parse error in the CLI's wording
/// (<c>--year: 'abc' is not a whole number.</c>, exit 1); ranges are checked by the application layer.
/// </summary>
internal static class OptionParsers
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Attaches a parser to every numeric option and argument of <paramref name="command"/> and its subcommands.</summary>
    public static void Attach(Command command)
    {
        foreach (var option in command.Options)
        {
            Attach(option);
        }

        foreach (var argument in command.Arguments)
        {
            Attach(argument);
        }

        foreach (var sub in command.Subcommands)
        {
            Attach(sub);
        }
    }

    private static void Attach(Symbol symbol)
    {
        switch (symbol)
        {
            case Option<int> o:
                o.CustomParser = r => Whole(r, o.Name, int.MinValue, int.MaxValue, out var v) ? (int)v : default;
                break;
            case Option<int?> o:
                o.CustomParser = r => Whole(r, o.Name, int.MinValue, int.MaxValue, out var v) ? (int)v : null;
                break;
            case Option<long> o:
                o.CustomParser = r => Whole(r, o.Name, long.MinValue, long.MaxValue, out var v) ? v : default;
                break;
            case Option<long?> o:
                o.CustomParser = r => Whole(r, o.Name, long.MinValue, long.MaxValue, out var v) ? v : null;
                break;
            case Option<double> o:
                o.CustomParser = r => Real(r, o.Name, out var v) ? v : default;
                break;
            case Option<double?> o:
                o.CustomParser = r => Real(r, o.Name, out var v) ? v : null;
                break;
            case Argument<long> a:
                a.CustomParser = r => Whole(r, $"<{a.Name}>", long.MinValue, long.MaxValue, out var v) ? v : default;
                break;
            case Argument<int> a:
                a.CustomParser = r => Whole(r, $"<{a.Name}>", int.MinValue, int.MaxValue, out var v) ? (int)v : default;
                break;
        }
    }

    /// <summary>The last token as a whole number in [min, max]; otherwise an error on the result.</summary>
    private static bool Whole(ArgumentResult result, string name, long min, long max, out long value)
    {
        value = 0;
        if (result.Tokens.Count == 0)
        {
            return false;
        }

        var text = result.Tokens[^1].Value;
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, Inv, out value) && value >= min && value <= max)
        {
            return true;
        }

        var integral = trimmed.Length > 0 && trimmed.TrimStart('-', '+').All(char.IsAsciiDigit) && trimmed.TrimStart('-', '+').Length > 0;
        result.AddError(integral
            ? string.Create(Inv, $"{name}: '{Shown(text)}' is outside the whole numbers this option takes ({min} to {max}).")
            : $"{name}: '{Shown(text)}' is not a whole number.");
        value = 0;
        return false;
    }

    /// <summary>The last token as a number (invariant culture, '.' decimal separator); otherwise an error on the result.</summary>
    private static bool Real(ArgumentResult result, string name, out double value)
    {
        value = 0;
        if (result.Tokens.Count == 0)
        {
            return false;
        }

        var text = result.Tokens[^1].Value;
        if (double.TryParse(text.Trim(), NumberStyles.Float, Inv, out value))
        {
            // Non-finite values (NaN, 1e309) are passed on: the application layer says which range the field takes.
            return true;
        }

        result.AddError($"{name}: '{Shown(text)}' is not a number; write it with '.' as the decimal separator and no unit (e.g. 1.5).");
        return false;
    }

    /// <summary>A value as quoted in a message: control characters escaped, at most 60 characters.</summary>
    internal static string Shown(string text)
    {
        if (text.Length > 60)
        {
            var cut = char.IsHighSurrogate(text[56]) ? 56 : 57;
            text = text[..cut] + "...";
        }

        return Escape(text);
    }

    /// <summary>Control characters (newlines, tabs, escape) as <c>\uXXXX</c>, so a message stays on one line.</summary>
    internal static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append(Inv, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

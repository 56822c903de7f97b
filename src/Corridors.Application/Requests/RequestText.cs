using System.Globalization;

namespace Corridors.Application.Requests;

/// <summary>
/// Limits on the text a request carries and how it is quoted back in problems. Names longer than
/// <see cref="MaxLength"/> are refused before any lookup: spelling suggestions compare the text with every known name
/// (edit distance, quadratic in the length), so a 1,000,000-character name took 49 s to reject.
/// </summary>
public static class RequestText
{
    /// <summary>The longest place, port, country, passage, mode or corridor text a request may hold.</summary>
    public const int MaxLength = 200;

    /// <summary>The problem of a text longer than <see cref="MaxLength"/>, e.g. <c>A place name is longer than 200 characters.</c></summary>
    /// <param name="what">What the text is, capitalised (<c>A place name</c>).</param>
    public static string TooLong(string what) => string.Create(CultureInfo.InvariantCulture, $"{what} is longer than {MaxLength} characters.");

    /// <summary>
    /// <paramref name="text"/> as quoted in a problem: control characters (newlines, tabs, escapes) written as
    /// <c>\uXXXX</c> so the message stays on one line, and at most 80 characters.
    /// </summary>
    public static string Quote(string text) => Data.Csv.CsvText.Quote(text);
}

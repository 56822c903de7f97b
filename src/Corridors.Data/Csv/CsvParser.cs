using Corridors.Diagnostics;

namespace Corridors.Data.Csv;

/// <summary>
/// An RFC 4180 CSV tokenizer that keeps the line and column of every field, skips blank lines and lines starting
/// with <c>#</c>, and reports malformed quoting as diagnostics instead of throwing. Hand-written rather than
/// CsvHelper because diagnostics need exact character positions and the recovery rules below. Lines end in
/// <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c> (old Mac files), in any mix; each counts as one line, as editors count them.
/// </summary>
public static class CsvParser
{
    /// <summary>Splits <paramref name="text"/> into records. Malformed quoting is reported as CORR0002.</summary>
    public static List<CsvRecord> Parse(string text, string file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);

        // One line ending from here on: a lone CR used to hide the rest of a file in its first comment, and a row
        // starting with a stray CR was dropped. (Not ReplaceLineEndings: it also breaks at U+2028, NEL and form feed.)
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        var records = new List<CsvRecord>();
        var pos = 0;
        var line = 1;
        var lineStart = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            pos = 1;
            lineStart = 1;
        }

        while (pos < text.Length)
        {
            // Record start: skip comments and blank lines.
            if (text[pos] == '#' || text[pos] == '\n' || text[pos] == '\r' || IsBlankLine(text, pos))
            {
                SkipLine(text, ref pos, ref line, ref lineStart);
                continue;
            }

            var recordLine = line;
            var fields = new List<CsvField>();
            var value = new System.Text.StringBuilder();
            while (true)
            {
                var fieldLine = line;
                var fieldColumn = pos - lineStart + 1;
                value.Clear();
                if (pos < text.Length && text[pos] == '"')
                {
                    var quoteLine = line;
                    var quoteColumn = fieldColumn;
                    pos++;
                    var closed = false;
                    while (pos < text.Length)
                    {
                        var c = text[pos];
                        if (c == '"')
                        {
                            if (pos + 1 < text.Length && text[pos + 1] == '"')
                            {
                                value.Append('"');
                                pos += 2;
                                continue;
                            }

                            pos++;
                            closed = true;
                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                            lineStart = pos + 1;
                        }

                        value.Append(c);
                        pos++;
                    }

                    if (!closed)
                    {
                        diagnostics.Error("CORR0002", file, quoteLine, quoteColumn, "The quoted field is never closed.", "Add the closing '\"' or remove the opening one.");
                        fields.Add(new CsvField(value.ToString(), fieldLine, fieldColumn));
                        records.Add(new CsvRecord(recordLine, fields));
                        return records;
                    }

                    // After a closing quote only a separator or the end of the line may follow.
                    if (pos < text.Length && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
                    {
                        diagnostics.Error("CORR0002", file, line, pos - lineStart + 1, "Text follows the closing quote of a quoted field.", "Quote the whole field and double any quote inside it (\"\").");
                        while (pos < text.Length && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
                        {
                            value.Append(text[pos]);
                            pos++;
                        }
                    }
                }
                else
                {
                    while (pos < text.Length && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
                    {
                        if (text[pos] == '"')
                        {
                            diagnostics.Error("CORR0002", file, line, pos - lineStart + 1, "A quote appears inside an unquoted field.", "Quote the whole field and double any quote inside it (\"\").");
                        }

                        value.Append(text[pos]);
                        pos++;
                    }
                }

                fields.Add(new CsvField(value.ToString().Trim(), fieldLine, fieldColumn));
                if (pos < text.Length && text[pos] == ',')
                {
                    pos++;
                    continue;
                }

                // End of record.
                if (pos < text.Length && text[pos] == '\r')
                {
                    pos++;
                }

                if (pos < text.Length && text[pos] == '\n')
                {
                    pos++;
                }

                line++;
                lineStart = pos;
                break;
            }

            records.Add(new CsvRecord(recordLine, fields));
        }

        return records;
    }

    private static bool IsBlankLine(string text, int pos)
    {
        for (var i = pos; i < text.Length && text[i] != '\n'; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void SkipLine(string text, ref int pos, ref int line, ref int lineStart)
    {
        while (pos < text.Length && text[pos] != '\n')
        {
            pos++;
        }

        if (pos < text.Length)
        {
            pos++;
        }

        line++;
        lineStart = pos;
    }
}

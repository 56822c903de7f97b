using System.Globalization;
using System.Text.RegularExpressions;
using Corridors.Diagnostics;

namespace Corridors.Data.Csv;

/// <summary>
/// A parsed CSV file with a header, checked against a column schema. Rows are read through <see cref="CsvRow"/>,
/// whose typed getters report every bad cell to the diagnostics and return null instead of throwing.
/// </summary>
public sealed partial class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, DiagnosticBag diagnostics, Dictionary<string, int> columns, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        Diagnostics = diagnostics;
        _columns = columns;
        Rows = rows;
    }

    /// <summary>File path as shown in diagnostics.</summary>
    public string File { get; }

    /// <summary>Where problems are reported.</summary>
    public DiagnosticBag Diagnostics { get; }

    /// <summary>Data rows (header excluded).</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>
    /// Parses <paramref name="text"/> and checks the header: every required column present (CORR0003), unknown
    /// columns warned (CORR0004), duplicated columns (CORR0003). Rows with the wrong field count are reported
    /// (CORR0005) and skipped.
    /// </summary>
    public static CsvTable Parse(string text, string file, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(optional);
        var records = CsvParser.Parse(text, file, diagnostics);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        if (records.Count == 0)
        {
            diagnostics.Error("CORR0003", file, 1, 1, "The file has no header row.", $"Start the file with the header: {string.Join(',', required)}.");
            return new CsvTable(file, diagnostics, columns, []);
        }

        var header = records[0];
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = CsvText.Quote(header.Fields[i].Value.Trim().ToLowerInvariant());
            if (name.Length == 0)
            {
                diagnostics.Error("CORR0003", file, header.Fields[i].Line, header.Fields[i].Column, $"Header column {i + 1} has no name.");
                continue;
            }

            if (!columns.TryAdd(name, i))
            {
                diagnostics.Error("CORR0003", file, header.Fields[i].Line, header.Fields[i].Column, $"Column '{name}' appears twice in the header.");
                continue;
            }

            if (!required.Contains(name) && !optional.Contains(name))
            {
                var suggestion = Suggest(name, required.Concat(optional));
                diagnostics.Warning("CORR0004", file, header.Fields[i].Line, header.Fields[i].Column, $"Unknown column '{name}' is ignored.",
                    suggestion is null ? "See docs/DATA.md for the columns of this file." : $"Did you mean '{suggestion}'?");
            }
        }

        foreach (var name in required)
        {
            if (!columns.ContainsKey(name))
            {
                diagnostics.Error("CORR0003", file, header.Line, 1, $"Required column '{name}' is missing from the header.", "See docs/DATA.md for the columns of this file.");
            }
        }

        var rows = new List<CsvRow>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Fields.Count)
            {
                var at = record.Fields.Count > header.Fields.Count ? record.Fields[header.Fields.Count] : record.Fields[^1];
                diagnostics.Error("CORR0005", file, at.Line, at.Column,
                    $"The row has {record.Fields.Count} fields but the header has {header.Fields.Count}; the row is skipped.",
                    "Quote fields that contain commas.");
                continue;
            }

            foreach (var field in record.Fields)
            {
                if (field.Value.Length > MaxCellLength)
                {
                    diagnostics.Error("CORR0007", file, field.Line, field.Column,
                        string.Create(CultureInfo.InvariantCulture, $"The cell is {field.Value.Length:N0} characters long; cells hold at most {MaxCellLength:N0}."),
                        "Shorten it; long explanations belong in docs, with a reference in 'notes'.");
                }
            }

            rows.Add(new CsvRow(file, diagnostics, columns, record));
        }

        return new CsvTable(file, diagnostics, columns, rows);
    }

    /// <summary>The longest cell a data file may hold (the longest bundled source citation is about 1,500 characters).</summary>
    public const int MaxCellLength = 10_000;

    /// <summary>True when the header has the column.</summary>
    public bool HasColumn(string name) => _columns.ContainsKey(name);

    internal static string? Suggest(string name, IEnumerable<string> candidates) => Corridors.Routing.PlaceResolver.Closest(name, candidates);

    [GeneratedRegex(@"^-?[0-9.,]+\s*[A-Za-z%/°]+[A-Za-z0-9/%·\-]*$")]
    internal static partial Regex NumberWithUnit();

    [GeneratedRegex(@"^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")]
    internal static partial Regex ThousandsSeparated();
}

/// <summary>One data row with typed, diagnosing getters.</summary>
public sealed class CsvRow
{
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, int> _columns;
    private readonly CsvRecord _record;

    internal CsvRow(string file, DiagnosticBag diagnostics, Dictionary<string, int> columns, CsvRecord record)
    {
        _file = file;
        _diagnostics = diagnostics;
        _columns = columns;
        _record = record;
    }

    /// <summary>1-based line where the row starts.</summary>
    public int Line => _record.Line;

    /// <summary>File path as shown in diagnostics.</summary>
    public string File => _file;

    /// <summary>The field of a column, or null when the header lacks the column.</summary>
    public CsvField? Field(string column) =>
        _columns.TryGetValue(column, out var i) && i < _record.Fields.Count ? _record.Fields[i] : null;

    /// <summary>The trimmed text of a column, or null when empty or absent.</summary>
    public string? Text(string column)
    {
        var f = Field(column);
        return f is { } field && field.Value.Length > 0 ? field.Value : null;
    }

    /// <summary>Reports an error at a column's cell (or the row start when absent).</summary>
    public void Error(string column, string code, string message, string? hint = null)
    {
        var f = Field(column);
        _diagnostics.Error(code, _file, f?.Line ?? Line, f?.Column ?? 1, CsvText.Escape(message), hint is null ? null : CsvText.Escape(hint));
    }

    /// <summary>Reports a warning at a column's cell (or the row start when absent).</summary>
    public void Warning(string column, string code, string message, string? hint = null)
    {
        var f = Field(column);
        _diagnostics.Warning(code, _file, f?.Line ?? Line, f?.Column ?? 1, CsvText.Escape(message), hint is null ? null : CsvText.Escape(hint));
    }

    /// <summary>Text of a required column; reports CORR0102 when empty.</summary>
    public string? Required(string column, string what)
    {
        var text = Text(column);
        if (text is null && Field(column) is not null)
        {
            Error(column, "CORR0102", $"{what} has no '{column}'.");
        }

        return text;
    }

    /// <summary>
    /// A number in [<paramref name="min"/>, <paramref name="max"/>]. Empty → null (CORR0102 if required);
    /// unit suffix or thousands separator → CORR0115; not a number → CORR0103; out of range → CORR0104.
    /// </summary>
    public double? Number(string column, string what, double min, double max, bool required = false)
    {
        var text = Text(column);
        if (text is null)
        {
            if (required && Field(column) is not null)
            {
                Error(column, "CORR0102", $"{what} has no '{column}'.");
            }

            return null;
        }

        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (parsed && !double.IsFinite(value))
        {
            Error(column, "CORR0104", $"{what} has '{column}' = '{CsvText.Quote(text)}', which is not a finite number.");
            return null;
        }

        if (!parsed)
        {
            if (CsvTable.NumberWithUnit().IsMatch(text) || CsvTable.ThousandsSeparated().IsMatch(text))
            {
                Error(column, "CORR0115", $"{what} has '{column}' = '{CsvText.Quote(text)}', a number with a unit or a thousands separator.",
                    $"Write a plain number in the unit of the column name ('{column}'), with '.' as the decimal separator.");
            }
            else
            {
                Error(column, "CORR0103", $"{what} has '{column}' = '{CsvText.Quote(text)}', which is not a number.");
            }

            return null;
        }

        if (value < min || value > max)
        {
            Error(column, "CORR0104", string.Create(CultureInfo.InvariantCulture, $"{what} has '{column}' = {value}, outside the allowed range {min}–{max}."));
            return null;
        }

        return value;
    }

    /// <summary>A whole year in 1850–2100, or null.</summary>
    public int? Year(string column, string what)
    {
        var value = Number(column, what, 1850, 2100);
        if (value is { } v && v != Math.Floor(v))
        {
            Error(column, "CORR0103", string.Create(CultureInfo.InvariantCulture, $"{what} has '{column}' = {v}, which is not a whole year."));
            return null;
        }

        return value is null ? null : (int)value.Value;
    }

    /// <summary>A boolean (<c>true</c>/<c>false</c>, also <c>yes</c>/<c>no</c>), or null.</summary>
    public bool? Bool(string column, string what, bool required = false)
    {
        var text = Text(column);
        if (text is null)
        {
            if (required && Field(column) is not null)
            {
                Error(column, "CORR0102", $"{what} has no '{column}'.");
            }

            return null;
        }

        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1":
                return true;
            case "false" or "no" or "n" or "0":
                return false;
            default:
                Error(column, "CORR0103", $"{what} has '{column}' = '{CsvText.Quote(text)}', which is not true or false.");
                return null;
        }
    }

    /// <summary>One of the allowed words (case-insensitive), mapped to its value; CORR0105 otherwise.</summary>
    public T? Word<T>(string column, string what, IReadOnlyDictionary<string, T> allowed, bool required = false)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var text = Text(column);
        if (text is null)
        {
            if (required && Field(column) is not null)
            {
                Error(column, "CORR0102", $"{what} has no '{column}'.");
            }

            return null;
        }

        if (allowed.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }

        var suggestion = CsvTable.Suggest(text.ToLowerInvariant(), allowed.Keys);
        Error(column, "CORR0105", $"{what} has '{column}' = '{CsvText.Quote(text)}', which is not one of: {string.Join(", ", allowed.Keys)}.",
            suggestion is null ? null : $"Did you mean '{suggestion}'?");
        return null;
    }

    /// <summary>
    /// A <c>;</c>-separated list of trimmed items (empty list when the cell is empty). An empty item (<c>KZ;;AZ</c>,
    /// <c>;</c>, a trailing <c>;</c>) is CORR0102 and left out.
    /// </summary>
    public IReadOnlyList<string> List(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return [];
        }

        var items = text.Split(';', StringSplitOptions.TrimEntries);
        if (items.Any(i => i.Length == 0))
        {
            Error(column, "CORR0102", $"'{column}' = '{CsvText.Quote(text)}' has an empty item.", "Separate items with one ';' and leave no ';' at either end.");
            return [.. items.Where(i => i.Length > 0)];
        }

        return items;
    }
}

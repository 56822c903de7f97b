using System.Text.RegularExpressions;
using Corridors.Data.Csv;
using Corridors.Diagnostics;
using Corridors.Network;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    private sealed record Schema(string What, string[] Required, string[] Optional);

    /// <summary>Rows of one kind across files, in file order, with an id index for references.</summary>
    private sealed class Table<T>
        where T : class
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public List<(T Item, CsvRow Row)> Rows { get; } = [];

        public bool Contains(string id) => _index.ContainsKey(id);

        public bool TryGet(string id, out T item, out CsvRow row)
        {
            if (_index.TryGetValue(id, out var i))
            {
                (item, row) = Rows[i];
                return true;
            }

            item = null!;
            row = null!;
            return false;
        }

        /// <summary>Adds the item; reports CORR0101 (with the first occurrence) and keeps the first on duplicates.</summary>
        public void Add(string id, T item, CsvRow row, DiagnosticBag bag, string what)
        {
            if (_index.TryGetValue(id, out var existing))
            {
                var first = Rows[existing].Row;
                row.Error("id", "CORR0101", $"Duplicate {what} id '{id}'; the first is at {first.File}({first.Line}).", "Ids must be unique; rename or remove one row.");
                return;
            }

            _index[id] = Rows.Count;
            Rows.Add((item, row));
        }
    }

    private sealed class LoadContext(DiagnosticBag bag)
    {
        public DiagnosticBag Bag { get; } = bag;

        public Table<Country> Countries { get; } = new();

        public Table<Passage> Passages { get; } = new();

        public Table<EmissionFactor> Factors { get; } = new();

        public Table<Parameter> Parameters { get; } = new();

        public Table<Node> Nodes { get; } = new();

        public Table<Vessel> Vessels { get; } = new();

        public Table<Leg> Legs { get; } = new();

        public Table<Service> Services { get; } = new();

        public Table<ServiceLevelFigure> ServiceLevels { get; } = new();

        public Table<Charge> Charges { get; } = new();

        public Table<RateFactor> RateFactors { get; } = new();
    }

    private delegate void RowReader<T>(LoadContext ctx, CsvRow row, Table<T> table)
        where T : class;

    private static void ReadTable<T>(LoadContext ctx, string? text, string file, Schema schema, RowReader<T> reader, Table<T> table)
        where T : class
    {
        if (text is null)
        {
            return;
        }

        var csv = CsvTable.Parse(text, DisplayPath(file), schema.Required, schema.Optional, ctx.Bag);
        foreach (var row in csv.Rows)
        {
            reader(ctx, row, table);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\b(1[89][0-9]{2}|20[0-9]{2})\b|\bn\.d\.")]
    private static partial Regex CitationDate();

    /// <summary>Reads and checks the id column; null (reported) when missing or malformed.</summary>
    private static string? Id(CsvRow row, string what, string column = "id")
    {
        var id = row.Required(column, what);
        if (id is null)
        {
            return null;
        }

        if (!IdPattern().IsMatch(id))
        {
            row.Error(column, "CORR0104", $"{what} id '{id}' has characters other than ASCII letters, digits, '.', '_' and '-'.");
            return null;
        }

        return id;
    }

    /// <summary>
    /// Reads <c>source</c> and <c>notes</c>. A source is either <c>assumption: reason</c> or a citation that carries a
    /// date (a year or <c>n.d.</c>); anything else is CORR0111.
    /// </summary>
    private static Provenance Provenance(CsvRow row, string what)
    {
        var source = row.Text("source");
        var notes = row.Text("notes");
        if (source is null)
        {
            if (row.Field("source") is not null)
            {
                row.Error("source", "CORR0111", $"{what} has no source.", "Cite 'publication, URL, date' or write 'assumption: <reason>'.");
            }

            return new Provenance(string.Empty, notes);
        }

        if (source.StartsWith("assumption", StringComparison.OrdinalIgnoreCase))
        {
            var colon = source.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || source[(colon + 1)..].Trim().Length < 10)
            {
                row.Error("source", "CORR0111", $"{what} is marked as an assumption without a reason.", "Write 'assumption: <how the value was reached>'.");
            }
        }
        else if (!CitationDate().IsMatch(source))
        {
            row.Error("source", "CORR0111", $"{what} has source '{Shorten(source)}', which is neither a dated citation nor an assumption.",
                "Cite 'publication, URL, date' (the date as shown, or n.d.) or write 'assumption: <reason>'.");
        }

        return new Provenance(source, notes);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static Validity ReadValidity(CsvRow row, string what, bool statusRequired = true)
    {
        var status = statusRequired || row.Text("status") is not null
            ? row.Word("status", what, Words.Status, required: statusRequired) ?? InfrastructureStatus.Operational
            : InfrastructureStatus.Operational;
        var open = row.Year("open_year", what);
        var close = row.Year("close_year", what);
        if (open is { } o && close is { } c && o >= c)
        {
            row.Error("close_year", "CORR0116", $"{what} closes in {c}, not after it opens in {o}.", "close_year is the first year the element is no longer in service.");
        }

        if (status is InfrastructureStatus.Planned or InfrastructureStatus.UnderConstruction && open is null)
        {
            row.Warning("open_year", "CORR0116", $"{what} is {Words.Name(status)} without an open_year, so it is never part of the network.",
                "Give the expected opening year (and its source) so scenarios can use it.");
        }

        return new Validity(status, open, close);
    }

    private static Triangular? ReadTriangle(CsvRow row, string what, string prefix, string suffix, double max)
    {
        var min = row.Number(prefix + "min" + suffix, what, 0, max);
        var mode = row.Number(prefix + "mode" + suffix, what, 0, max);
        var hi = row.Number(prefix + "max" + suffix, what, 0, max);
        if (min is null && mode is null && hi is null)
        {
            return null;
        }

        if (mode is null)
        {
            row.Error(prefix + "mode" + suffix, "CORR0116", $"{what} gives {prefix}min/max{suffix} without {prefix}mode{suffix}.", "Give the most likely value, or only the mode.");
            return null;
        }

        var t = new Triangular(min ?? mode.Value, mode.Value, hi ?? mode.Value);
        if (!t.IsValid)
        {
            row.Error(prefix + "mode" + suffix, "CORR0116", $"{what} needs {prefix}min{suffix} ≤ {prefix}mode{suffix} ≤ {prefix}max{suffix}, but has {t.Min} / {t.Mode} / {t.Max}.");
            return null;
        }

        return t;
    }

    private static DataOrigin Origin(CsvRow row) => new(row.File, row.Line);
}

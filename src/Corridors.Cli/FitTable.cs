using Spectre.Console;

namespace Corridors.Cli;

/// <summary>A column of a <see cref="FitTable"/>.</summary>
/// <param name="Header">Header text.</param>
/// <param name="Wraps">Text that may wrap between words (names); numbers and codes never wrap.</param>
/// <param name="Right">Right-aligned (numbers).</param>
/// <param name="Optional">Dropped, last first, when the terminal is too narrow for every column.</param>
internal sealed record FitColumn(string Header, bool Wraps = false, bool Right = false, bool Optional = false);

/// <summary>
/// Lays a table out for a terminal width so that no word is split: columns that do not wrap take their widest cell,
/// wrapping columns at least their longest word, and the rest of the width goes to the wrapping columns; optional
/// columns are dropped when even that does not fit. Cells are plain text (escaped here); a style function
/// may wrap a cell in markup.
/// </summary>
internal static class FitTable
{
    private const int PerColumn = 3; // TableBorder.Simple: a space either side and a separator

    public static Table Build(int width, IReadOnlyList<FitColumn> columns, IReadOnlyList<string[]> rows, Func<int, string, string>? style = null)
    {
        var shown = Enumerable.Range(0, columns.Count).ToList();
        int Widest(int c) => Math.Max(columns[c].Header.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length));
        int LongestWord(int c) => rows.Select(r => r[c]).Append(columns[c].Header)
            .SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).DefaultIfEmpty(string.Empty).Max(w => w.Length);

        int[] widths;
        while (true)
        {
            var available = width - 1 - (shown.Count * PerColumn) - shown.Where(c => !columns[c].Wraps).Sum(Widest);
            var wrapping = shown.Where(c => columns[c].Wraps).ToList();
            widths = new int[columns.Count];
            foreach (var c in shown)
            {
                widths[c] = columns[c].Wraps ? LongestWord(c) : Widest(c);
            }

            var spare = available - wrapping.Sum(c => widths[c]);
            var optional = shown.LastOrDefault(c => columns[c].Optional, -1);
            if (spare < 0 && optional >= 0)
            {
                shown.Remove(optional);
                continue;
            }

            // Give the spare width to the wrapping columns, one character at a time to the one that lacks most.
            while (spare > 0)
            {
                var needy = wrapping.Where(c => widths[c] < Widest(c)).OrderByDescending(c => Widest(c) - widths[c]).FirstOrDefault(-1);
                if (needy < 0)
                {
                    break;
                }

                widths[needy]++;
                spare--;
            }

            break;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (var c in shown)
        {
            var column = new TableColumn(Markup.Escape(columns[c].Header));
            if (columns[c].Wraps)
            {
                column.Width(widths[c]);
            }
            else
            {
                column.NoWrap();
            }

            if (columns[c].Right)
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }

        foreach (var row in rows)
        {
            table.AddRow([.. shown.Select(c => style?.Invoke(c, row[c]) ?? Markup.Escape(row[c]))]);
        }

        return table;
    }
}

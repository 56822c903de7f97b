using Corridors.Data.Csv;
using Corridors.Diagnostics;

namespace Corridors.Data.Demand;

/// <summary>One origin–destination demand row of a <c>data/demand/*.csv</c> file.</summary>
/// <param name="Year">Year the demand refers to.</param>
/// <param name="FromRegion">Origin region (country code or membership).</param>
/// <param name="ToRegion">Destination region.</param>
/// <param name="Teu">TEU per year.</param>
/// <param name="Source">Citation or <c>assumption: ...</c>.</param>
/// <param name="Line">1-based line in the file.</param>
public sealed record DemandRow(int Year, string FromRegion, string ToRegion, double Teu, string Source, int Line);

/// <summary>
/// Reads a demand file (<c>year,from_region,to_region,teu,source[,notes]</c>) with located diagnostics: the CSV
/// rules of every data file, CORR0102/0103/0104 for missing, non-numeric or out-of-range cells, CORR0111 for a
/// row without a source. Regions are checked against the network by the service that uses them.
/// </summary>
public static class DemandLoader
{
    private static readonly string[] Required = ["year", "from_region", "to_region", "teu", "source"];
    private static readonly string[] Optional = ["notes"];

    /// <summary>Reads <paramref name="path"/>; throws <see cref="InputDataException"/> listing every problem.</summary>
    public static IReadOnlyList<DemandRow> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var text = CsvText.ReadFile(path, path, bag);
        bag.ThrowIfErrors();
        var table = CsvTable.Parse(text!, path, Required, Optional, bag);
        var rows = new List<DemandRow>();
        foreach (var row in table.Rows)
        {
            var what = $"Demand row at line {row.Line}";
            var year = row.Year("year", what);
            var from = row.Required("from_region", what);
            var to = row.Required("to_region", what);
            var teu = row.Number("teu", what, 0, 1e9, required: true);
            var source = row.Text("source");
            if (source is null)
            {
                row.Error("source", "CORR0111", $"{what} has no source.", "Give the publication, its URL and its date, or 'assumption: ...' with the reasoning.");
            }

            if (year is { } y && from is not null && to is not null && teu is { } t && source is not null)
            {
                rows.Add(new DemandRow(y, from.Trim().ToUpperInvariant(), to.Trim().ToUpperInvariant(), t, source, row.Line));
            }
        }

        if (rows.Count == 0 && !bag.HasErrors)
        {
            bag.Error("CORR0102", path, 1, 1, "The demand file has no rows.");
        }

        bag.ThrowIfErrors();
        return rows;
    }
}

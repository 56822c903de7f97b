using Corridors.Data.Csv;
using Corridors.Network;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    /// <summary>The optional file of passage tolls, surcharges and per-load fees (docs/DATA.md, "charges.csv").</summary>
    public const string ChargesFile = "charges.csv";

    private static readonly Schema ChargeSchema = new("charge",
        ["id", "basis", "usd", "source"], ["passage", "legs", "from_year", "to_year", "notes"]);

    private static void ReadCharge(LoadContext ctx, CsvRow row, Table<Charge> table)
    {
        var id = Id(row, "Charge");
        var what = $"Charge '{id}'";
        var basis = row.Word("basis", what, Words.ChargeBasis, required: true);
        var usd = row.Number("usd", what, 0, 10_000_000, required: true);
        var passage = row.Text("passage");
        var legs = row.List("legs");
        if ((passage is null) == (legs.Count == 0))
        {
            row.Error(passage is null ? "passage" : "legs", "CORR0143", $"{what} must name either a passage or legs (not both, not neither).");
        }

        if (passage is not null && !ctx.Passages.Contains(passage))
        {
            row.Error("passage", "CORR0110", $"{what} is charged for unknown passage '{passage}'.", Hint(passage, ctx.Passages.Rows.Select(r => r.Item.Id), "passages.csv"));
        }

        foreach (var leg in legs)
        {
            if (!ctx.Legs.Contains(leg))
            {
                row.Error("legs", "CORR0108", $"{what} is charged on unknown leg '{leg}'.", Hint(leg, ctx.Legs.Rows.Select(r => r.Item.Id), "legs*.csv"));
            }
        }

        var (fromYear, toYear) = ReadYears(row, what);
        if (id is null || basis is null || usd is null)
        {
            return;
        }

        table.Add(id, new Charge(id, passage, legs, basis.Value, usd.Value, Provenance(row, what), Origin(row)) { FromYear = fromYear, ToYear = toYear }, row, ctx.Bag, "charge");
    }
}

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

    /// <summary>The optional file of direction-dependent tariff factors (docs/DATA.md, "rate_factors.csv").</summary>
    public const string RateFactorsFile = "rate_factors.csv";

    private static readonly Schema RateFactorSchema = new("rate factor",
        ["id", "countries", "modes", "direction", "factor", "source"], ["part", "from_year", "to_year", "notes"]);

    private static readonly Dictionary<string, bool> PartWords = new(StringComparer.Ordinal)
    {
        ["all"] = false,
        ["fixed"] = true,
    };

    private enum RateDirection
    {
        Eastbound,
        Westbound,
        Both,
    }

    private static readonly Dictionary<string, RateDirection> DirectionWords = new(StringComparer.Ordinal)
    {
        ["eastbound"] = RateDirection.Eastbound,
        ["westbound"] = RateDirection.Westbound,
        ["both"] = RateDirection.Both,
    };

    private static void ReadRateFactor(LoadContext ctx, CsvRow row, Table<RateFactor> table)
    {
        var id = Id(row, "Rate factor");
        var what = $"Rate factor '{id}'";
        var countries = CountryList(ctx, row, "countries", what);
        var modes = new List<TransportMode>();
        foreach (var word in row.List("modes"))
        {
            if (Words.Mode.TryGetValue(word, out var mode))
            {
                modes.Add(mode);
            }
            else
            {
                row.Error("modes", "CORR0105", $"{what} lists mode '{CsvText.Quote(word)}', which is not one of: {string.Join(", ", Words.Mode.Keys)}.");
            }
        }

        // An empty countries cell covers every country: a market index such as the WCI moves all ocean legs.
        var direction = row.Word("direction", what, DirectionWords, required: true);
        var factor = row.Number("factor", what, 0.01, 100, required: true);
        var fixedOnly = row.Word("part", what, PartWords) ?? false;
        if (modes.Count == 0)
        {
            row.Error("modes", "CORR0102", $"{what} needs at least one mode.");
        }

        var (fromYear, toYear) = ReadYears(row, what);
        if (id is null || direction is null || factor is null)
        {
            return;
        }

        bool? eastbound = direction == RateDirection.Both ? null : direction == RateDirection.Eastbound;
        table.Add(id, new RateFactor(id, countries, modes, eastbound, factor.Value, Provenance(row, what), Origin(row)) { FromYear = fromYear, ToYear = toYear, FixedPartOnly = fixedOnly }, row, ctx.Bag, "rate factor");
    }
}

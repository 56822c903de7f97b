using Corridors.Data.Csv;
using Corridors.Network;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    /// <summary>The optional file of times that depend on the service level (docs/DATA.md, "service_levels.csv").</summary>
    public const string ServiceLevelsFile = "service_levels.csv";

    private static readonly Schema ServiceLevelSchema = new("service-level figure",
        ["id", "level", "figure", "elements", "mode", "unit", "source"], ["min", "max", "from_year", "to_year", "notes"]);

    private static readonly Dictionary<string, ServiceLevel?> LevelWords = LevelWordsWithBoth();

    private static void ReadServiceLevelFigure(LoadContext ctx, CsvRow row, Table<ServiceLevelFigure> table)
    {
        var id = Id(row, "Service-level figure");
        var what = $"Service-level figure '{id}'";
        var levelText = row.Required("level", what);
        ServiceLevel? level = null;
        if (levelText is not null && !LevelWords.TryGetValue(levelText, out level))
        {
            row.Error("level", "CORR0140", $"{what} has level '{CsvText.Quote(levelText)}', which is not one of: {string.Join(", ", LevelWords.Keys.Order(StringComparer.Ordinal))}.");
        }

        var kind = row.Word("figure", what, Words.ServiceLevelFigure, required: true);
        var unit = row.Required("unit", what);
        Triangular? hours = null;
        double? speed = null;
        if (kind is ServiceLevelFigureKind.Speed)
        {
            if (unit is not null and not "km/h")
            {
                row.Error("unit", "CORR0141", $"{what} is a speed, given in '{CsvText.Quote(unit)}'; speeds are in km/h.");
            }

            speed = row.Number("mode", what, 1, 200, required: true);
            foreach (var unused in new[] { "min", "max" })
            {
                if (row.Text(unused) is not null)
                {
                    row.Error(unused, "CORR0141", $"{what} is a speed: give it in 'mode' only; its spread comes from reliability.csv (running-variation).");
                }
            }
        }
        else if (kind is not null)
        {
            var scale = unit switch
            {
                "h" => 1.0,
                "d" => 24.0,
                _ => double.NaN,
            };
            if (unit is not null && double.IsNaN(scale))
            {
                row.Error("unit", "CORR0141", $"{what} is a time, given in '{CsvText.Quote(unit)}'; times are in h or d.");
            }

            var t = ReadTriangle(row, what, string.Empty, string.Empty, 24 * 120);
            if (t is { } raw && !double.IsNaN(scale))
            {
                hours = new Triangular(raw.Min * scale, raw.Mode * scale, raw.Max * scale);
            }
        }

        var elements = row.List("elements");
        if (elements.Count == 0)
        {
            row.Error("elements", "CORR0102", $"{what} names no leg or node in 'elements'.");
        }

        foreach (var element in elements)
        {
            var onLegs = kind is ServiceLevelFigureKind.Hours or ServiceLevelFigureKind.Speed;
            if (onLegs && !ctx.Legs.Contains(element))
            {
                row.Error("elements", "CORR0108", $"{what} sets the {Words.Name(kind!.Value)} of unknown leg '{element}'.", Hint(element, ctx.Legs.Rows.Select(r => r.Item.Id), "legs*.csv"));
            }
            else if (!onLegs && kind is not null && !ctx.Nodes.Contains(element))
            {
                row.Error("elements", "CORR0107", $"{what} sets the {Words.Name(kind.Value)} of unknown node '{element}'.", Hint(element, ctx.Nodes.Rows.Select(r => r.Item.Id), "nodes*.csv"));
            }
            else if (kind is ServiceLevelFigureKind.Speed && ctx.Legs.TryGet(element, out var leg, out _) && leg.Mode == TransportMode.Transfer)
            {
                row.Error("elements", "CORR0141", $"{what} gives a speed to transfer leg '{element}'; a crossing takes hours, not a speed.", "Use figure 'hours'.");
            }
        }

        if (id is null || kind is null)
        {
            return;
        }

        var (fromYear, toYear) = ReadYears(row, what);
        var figure = new ServiceLevelFigure(id, level, elements, kind.Value, hours, speed, Provenance(row, what), Origin(row))
        {
            FromYear = fromYear,
            ToYear = toYear,
        };
        foreach (var (earlier, _) in table.Rows)
        {
            if (earlier.Kind == figure.Kind && (earlier.Level is null || figure.Level is null || earlier.Level == figure.Level)
                && (earlier.FromYear ?? int.MinValue) <= (figure.ToYear ?? int.MaxValue) && (figure.FromYear ?? int.MinValue) <= (earlier.ToYear ?? int.MaxValue))
            {
                foreach (var shared in earlier.Elements.Intersect(figure.Elements, StringComparer.Ordinal))
                {
                    row.Warning("elements", "CORR0142",
                        $"{what} sets the {Words.Name(figure.Kind)} of '{shared}' that row '{earlier.Id}' (line {earlier.Origin.Line}) sets too; this later row wins.",
                        "Keep one row per element, figure and level, or order general rows before specific ones on purpose.");
                }
            }
        }

        table.Add(id, figure, row, ctx.Bag, "service-level figure");
    }

    /// <summary>Optional <c>from_year</c> and <c>to_year</c> (inclusive): the network years a row applies to.</summary>
    private static (int? From, int? To) ReadYears(CsvRow row, string what)
    {
        var from = row.Number("from_year", what, 1900, 2200);
        var to = row.Number("to_year", what, 1900, 2200);
        if (from is { } f && f != Math.Floor(f))
        {
            row.Error("from_year", "CORR0105", $"{what} has from_year {f}, which is not a whole year.");
        }

        if (to is { } t && t != Math.Floor(t))
        {
            row.Error("to_year", "CORR0105", $"{what} has to_year {t}, which is not a whole year.");
        }

        if (from is { } a && to is { } b && b < a)
        {
            row.Error("to_year", "CORR0116", $"{what} ends (to_year {b}) before it starts (from_year {a}).");
        }

        return ((int?)from, (int?)to);
    }

    // The level words of Words.ServiceLevel, plus "both" for rows that apply to either level.
    private static Dictionary<string, ServiceLevel?> LevelWordsWithBoth()
    {
        var words = Words.ServiceLevel.ToDictionary(p => p.Key, p => (ServiceLevel?)p.Value, StringComparer.Ordinal);
        words["both"] = null;
        return words;
    }
}

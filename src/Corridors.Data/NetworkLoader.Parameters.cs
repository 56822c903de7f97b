using System.Globalization;
using Corridors.Data.Csv;
using Corridors.Network;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    /// <summary>
    /// The schema of <c>parameters.csv</c>: every key the code reads (or the data documents), its range, the unit its
    /// <c>unit</c> cell must start with, and whether a data directory must have it (docs/DATA.md). A value outside its
    /// range is CORR0104 at the value; a wrong unit CORR0126; a missing required key CORR0124; an unknown key is
    /// warning CORR0125.
    /// </summary>
    public static readonly IReadOnlyList<ParameterRule> ParameterRules =
    [
        new("teu_cargo_tonnes", "t", 0, 40, Required: true, MinExclusive: true, Meaning: "cargo tonnes per loaded TEU (CO2e per tonne-km)"),
        new("teu_gross_tonnes", "t", 0, 50, MinExclusive: true, Meaning: "gross tonnes per loaded TEU"),
        new("ocean_speed_kn", "kn", 1, 60, Meaning: "sailing speed of ocean legs"),
        new("ocean_vessel_teu", "TEU", 0, 100_000, Whole: true, Meaning: "vessel size of ocean legs (0: no size limit)"),
        new("mainline_draft_m", "m", 0, 30, MinExclusive: true, Meaning: "draft of the mainline ship of ocean legs: the depth a port needs for one (CORR0129)"),
        new("feu_teu", "TEU", 1, 4, Meaning: "TEU of space per FEU"),
        new("feu_cost_factor", null, 0, 4, MinExclusive: true, Meaning: "20' rates charged per FEU"),
        new("hc_teu", "TEU", 1, 4, Meaning: "TEU of space per 40' high-cube container"),
        new("hc_cost_factor", null, 0, 4, MinExclusive: true, Meaning: "20' rates charged per 40' high-cube container"),
        new("ocean_port_calls_min", "calls", 0, 100, Whole: true, Meaning: "fewest intermediate port calls of an ocean leg"),
        new("ocean_port_calls_max", "calls", 0, 100, Whole: true, Meaning: "most intermediate port calls of an ocean leg"),
        new("ocean_port_call_h", "h", 0, 240, Meaning: "hours per intermediate port call"),
        new("cargo_value_usd_per_teu", "USD", 0, 1e9, Meaning: "cargo value per TEU (time value of cargo)"),
        new("inventory_cost_rate_per_year", "fraction", 0, 10, Meaning: "capital cost of cargo per year"),
        new("rail_circuity_factor", "ratio", 1, 5, Meaning: "rail route length over great-circle distance"),
        new("teu_per_wagon", "TEU", 1, 4, Meaning: "TEU a wagon or truck carries (loads for per-load charges)"),
        new("road_circuity_factor", "ratio", 1, 5, Meaning: "road route length over great-circle distance (generated truck legs)"),
        new("truck_speed_kmh", "km/h", 0, 120, MinExclusive: true, Meaning: "24-h average speed of a truck (generated truck legs)"),
        new("truck_usd_per_teu_km", "USD", 0, 100, Meaning: "truck rate per TEU-km (generated truck legs)"),
        new("truck_access_max_km", "km", 0, 1000, Meaning: "farthest great circle of a generated first/last-mile truck leg (0: none)"),
        new("truck_transfer_dwell_min_h", "h", 0, 720, Meaning: "shortest rail↔truck handling dwell"),
        new("truck_transfer_dwell_mode_h", "h", 0, 720, Meaning: "most likely rail↔truck handling dwell"),
        new("truck_transfer_dwell_max_h", "h", 0, 720, Meaning: "longest rail↔truck handling dwell"),
        new("groupage_departures_per_week", "departures per week", 0, 100, Meaning: "groupage trains leaving an origin per week (their wait at the origin)"),
    ];

    private static void CheckParameters(LoadContext ctx, string file, bool fileRead)
    {
        var rules = ParameterRules.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var (parameter, row) in ctx.Parameters.Rows)
        {
            if (!rules.TryGetValue(parameter.Key, out var rule))
            {
                var suggestion = CsvTable.Suggest(parameter.Key, rules.Keys);
                row.Warning("key", "CORR0125", $"Unknown parameter '{parameter.Key}' is ignored.",
                    suggestion is null ? "docs/DATA.md lists the parameters the model reads." : $"Did you mean '{suggestion}'?");
                continue;
            }

            // Only a value the row read as a number (otherwise CORR0103/0104 is already reported at the cell).
            var v = parameter.Value;
            if (!double.TryParse(row.Text("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var read) || read != v)
            {
                continue;
            }

            var below = rule.MinExclusive ? v <= rule.Min : v < rule.Min;
            if (below || v > rule.Max)
            {
                row.Error("value", "CORR0104", string.Create(CultureInfo.InvariantCulture,
                    $"Parameter '{rule.Key}' ({rule.Meaning}) is {v}; it must be {(rule.MinExclusive ? "above" : "at least")} {rule.Min} and at most {rule.Max}{(rule.Unit is null ? string.Empty : " " + rule.Unit)}."));
            }
            else if (rule.Whole && v != Math.Floor(v))
            {
                row.Error("value", "CORR0103", string.Create(CultureInfo.InvariantCulture, $"Parameter '{rule.Key}' is {v}, which is not a whole number."));
            }

            if (rule.Unit is { } unit && parameter.Unit.Length > 0 && parameter.Unit != unit && !parameter.Unit.StartsWith(unit + " ", StringComparison.Ordinal))
            {
                row.Error("unit", "CORR0126", $"Parameter '{rule.Key}' has unit '{CsvText.Quote(parameter.Unit)}'; its unit is {unit}.",
                    $"Write the value in {unit} and start the unit cell with '{unit}'.");
            }
        }

        if (!fileRead)
        {
            return; // the missing file is reported (CORR0001)
        }

        var first = ctx.Parameters.Rows.Count > 0 ? ctx.Parameters.Rows[0].Row : null;
        foreach (var rule in ParameterRules)
        {
            if (rule.Required && !ctx.Parameters.Contains(rule.Key))
            {
                ctx.Bag.Error("CORR0124", file, 1, 1, $"Required parameter '{rule.Key}' ({rule.Meaning}, in {rule.Unit}) is missing.",
                    first is null ? "Add a row for it (docs/DATA.md, parameters.csv)." : $"Add a row for it, e.g. after line {first.Line}.");
            }
        }
    }
}

/// <summary>One key of the <c>parameters.csv</c> schema (<see cref="NetworkLoader.ParameterRules"/>).</summary>
/// <param name="Key">The parameter key.</param>
/// <param name="Unit">The unit the <c>unit</c> cell must start with (<c>t</c> accepts <c>t per loaded TEU</c>); null: not checked.</param>
/// <param name="Min">Smallest allowed value (see <paramref name="MinExclusive"/>).</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Required">A data directory must define it.</param>
/// <param name="MinExclusive">The value must be above <paramref name="Min"/>, not equal to it.</param>
/// <param name="Whole">The value must be a whole number.</param>
/// <param name="Meaning">What it is, for messages and docs.</param>
public sealed record ParameterRule(string Key, string? Unit, double Min, double Max, bool Required = false, bool MinExclusive = false, bool Whole = false, string Meaning = "");

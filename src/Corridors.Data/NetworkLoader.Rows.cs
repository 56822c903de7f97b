using Corridors.Data.Csv;
using Corridors.Network;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    private static readonly Schema CountrySchema = new("country",
        ["id", "name", "sanctioned", "closed", "risk_weight", "source"], ["memberships", "sanctions", "notes"]);

    private static readonly Schema PassageSchema = new("passage",
        ["id", "name", "kind", "lat", "lon", "source"], ["countries", "notes"]);

    private static readonly Schema EmissionFactorSchema = new("emission factor",
        ["id", "mode", "default", "g_co2e_per_tkm", "basis", "gas", "source"], ["applies_to", "notes"]);

    private static readonly Schema ParameterSchema = new("parameter",
        ["key", "value", "unit", "source"], ["notes"]);

    private static readonly Schema NodeSchema = new("node",
        ["id", "name", "country", "kind", "lat", "lon", "coord_quality", "status", "source"],
        ["aliases", "gauges_mm", "sea", "handling_teu_per_year", "handling_mt_per_year", "dwell_min_h", "dwell_mode_h", "dwell_max_h",
         "dwell_when", "depth_m", "depth_year", "open_year", "close_year", "notes"]);

    private static readonly Schema VesselSchema = new("vessel",
        ["id", "name", "class", "source"],
        ["operator", "built_year", "length_m", "beam_m", "draft_m", "dwt_t", "speed_kn", "teu", "wagons", "trucks", "notes"]);

    private static readonly Schema LegSchema = new("leg",
        ["id", "from", "to", "mode", "distance_km", "countries", "status", "source"],
        ["direction", "speed_kmh", "hours_min", "hours_mode", "hours_max", "gauge_mm", "electrified", "tariff_fixed_usd_per_teu",
         "tariff_usd_per_teu_km", "capacity_teu_per_year", "capacity_trains_per_day", "capacity_mt_per_year", "passages", "max_draft_m",
         "open_months", "emission_factor", "open_year", "close_year", "notes", "reenters"]);

    private static readonly Schema ServiceSchema = new("service",
        ["id", "leg", "name", "kind", "departures_per_week", "source"],
        ["operator", "departure_days", "departure_hour", "capacity_teu_per_departure", "capacity_wagons_per_departure", "vessels",
         "open_year", "close_year", "notes"]);

    private static readonly string[] Memberships = ["EU", "EAEU", "CSTO", "OTS", "SCO", "NATO", "CIS", "GUAM"];

    private static readonly int[] Gauges = [1000, 1067, 1435, 1520, 1668];

    private static void ReadCountry(LoadContext ctx, CsvRow row, Table<Country> table)
    {
        var id = Id(row, "Country");
        var what = $"Country '{id}'";
        if (id is not null && (id.Length != 2 || !id.All(char.IsAsciiLetterUpper)))
        {
            row.Error("id", "CORR0104", $"Country id '{id}' is not an ISO 3166-1 alpha-2 code (two capital letters).");
        }

        var memberships = row.List("memberships");
        foreach (var m in memberships)
        {
            if (!Memberships.Contains(m))
            {
                row.Error("memberships", "CORR0105", $"{what} lists membership '{m}', which is not one of: {string.Join(", ", Memberships)}.");
            }
        }

        var sanctioned = row.Bool("sanctioned", what, required: true) ?? false;
        var regime = row.Text("sanctions");
        if (sanctioned && regime is null && row.Field("sanctions") is not null)
        {
            row.Warning("sanctions", "CORR0155", $"{what} is marked sanctioned but names no regime; routes through it will say only 'sanctioned'.", "Name the regimes, e.g. 'EU Reg. 833/2014; US OFAC'.");
        }
        else if (!sanctioned && regime is not null)
        {
            row.Error("sanctions", "CORR0155", $"{what} names a sanctions regime but is not marked sanctioned.", "Set sanctioned to true, or clear the regime.");
        }

        var country = new Country(
            id ?? string.Empty,
            row.Required("name", what) ?? string.Empty,
            memberships,
            sanctioned,
            row.Bool("closed", what, required: true) ?? false,
            row.Number("risk_weight", what, 0, 10, required: true) ?? 0,
            Provenance(row, what),
            Origin(row))
        {
            SanctionsRegime = regime,
        };
        if (id is not null)
        {
            table.Add(id, country, row, ctx.Bag, "country");
        }
    }

    private static void ReadPassage(LoadContext ctx, CsvRow row, Table<Passage> table)
    {
        var id = Id(row, "Passage");
        var what = $"Passage '{id}'";
        var passage = new Passage(
            id ?? string.Empty,
            row.Required("name", what) ?? string.Empty,
            row.Word("kind", what, Words.PassageKind, required: true) ?? PassageKind.Strait,
            CountryList(ctx, row, "countries", what),
            row.Number("lat", what, -90, 90, required: true) ?? 0,
            row.Number("lon", what, -180, 180, required: true) ?? 0,
            Provenance(row, what),
            Origin(row));
        if (id is not null)
        {
            table.Add(id, passage, row, ctx.Bag, "passage");
        }
    }

    private static void ReadEmissionFactor(LoadContext ctx, CsvRow row, Table<EmissionFactor> table)
    {
        var id = Id(row, "Emission factor");
        var what = $"Emission factor '{id}'";
        var factor = new EmissionFactor(
            id ?? string.Empty,
            row.Word("mode", what, Words.Mode, required: true) ?? TransportMode.Rail,
            row.Text("applies_to"),
            row.Bool("default", what, required: true) ?? false,
            row.Number("g_co2e_per_tkm", what, 0, 5000, required: true) ?? 0,
            row.Word("basis", what, Words.Basis, required: true) ?? EmissionBasis.TankToWheel,
            row.Word("gas", what, Words.Gas, required: true) ?? true,
            Provenance(row, what),
            Origin(row));
        if (id is not null)
        {
            table.Add(id, factor, row, ctx.Bag, "emission factor");
        }
    }

    private static void ReadParameter(LoadContext ctx, CsvRow row, Table<Parameter> table)
    {
        var key = Id(row, "Parameter", "key");
        var what = $"Parameter '{key}'";
        var parameter = new Parameter(
            key ?? string.Empty,
            row.Number("value", what, -1e12, 1e12, required: true) ?? 0,
            row.Required("unit", what) ?? string.Empty,
            Provenance(row, what),
            Origin(row));
        if (key is not null)
        {
            if (table.Contains(key))
            {
                row.Error("key", "CORR0101", $"Duplicate parameter key '{key}'.");
                return;
            }

            table.Add(key, parameter, row, ctx.Bag, "parameter");
        }
    }

    private static void ReadNode(LoadContext ctx, CsvRow row, Table<Node> table)
    {
        var id = Id(row, "Node");
        var what = $"Node '{id}'";
        var country = CountryRef(ctx, row, "country", what);
        var quality = row.Required("coord_quality", what);
        if (quality is not null && quality is not ("S" or "U"))
        {
            row.Error("coord_quality", "CORR0105", $"{what} has coord_quality '{quality}', which is not S (sourced) or U (unverified).");
        }

        var gauges = new List<int>();
        foreach (var g in row.List("gauges_mm"))
        {
            if (int.TryParse(g, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mm) && Gauges.Contains(mm))
            {
                gauges.Add(mm);
            }
            else
            {
                row.Error("gauges_mm", "CORR0104", $"{what} lists gauge '{g}', which is not one of {string.Join(", ", Gauges)} mm.");
            }
        }

        var depthYear = row.Year("depth_year", what);
        var node = new Node(
            id ?? string.Empty,
            row.Required("name", what) ?? string.Empty,
            row.List("aliases"),
            country ?? string.Empty,
            row.Word("kind", what, Words.NodeKind, required: true) ?? NodeKind.Junction,
            row.Number("lat", what, -90, 90, required: true) ?? double.NaN,
            row.Number("lon", what, -180, 180, required: true) ?? double.NaN,
            quality == "S",
            gauges,
            row.Word("sea", what, Words.Sea) ?? SeaArea.None,
            row.Number("handling_teu_per_year", what, 0, 1e9),
            row.Number("handling_mt_per_year", what, 0, 1e4),
            ReadTriangle(row, what, "dwell_", "_h", 24 * 120),
            row.Word("dwell_when", what, Words.DwellRule) ?? DwellRule.Transfer,
            row.Number("depth_m", what, 0, 40),
            depthYear,
            ReadValidity(row, what),
            Provenance(row, what),
            Origin(row));
        if (node.Kind == NodeKind.Seaport && node.Sea == SeaArea.None)
        {
            row.Error("sea", "CORR0102", $"{what} is a seaport without a 'sea'.", "Say which water body the port is on (caspian, black-sea, ...).");
        }

        if (id is not null)
        {
            table.Add(id, node, row, ctx.Bag, "node");
        }
    }

    private static void ReadVessel(LoadContext ctx, CsvRow row, Table<Vessel> table)
    {
        var id = Id(row, "Vessel");
        var what = $"Vessel '{id}'";
        var vessel = new Vessel(
            id ?? string.Empty,
            row.Required("name", what) ?? string.Empty,
            row.Word("class", what, Words.VesselClass, required: true) ?? VesselClass.RoPax,
            row.Text("operator"),
            row.Year("built_year", what),
            row.Number("length_m", what, 1, 500),
            row.Number("beam_m", what, 1, 80),
            row.Number("draft_m", what, 0.5, 25),
            row.Number("dwt_t", what, 1, 300_000),
            row.Number("speed_kn", what, 1, 40),
            (int?)row.Number("teu", what, 0, 30_000),
            (int?)row.Number("wagons", what, 0, 500),
            (int?)row.Number("trucks", what, 0, 1000),
            Provenance(row, what),
            Origin(row));
        if (id is not null)
        {
            table.Add(id, vessel, row, ctx.Bag, "vessel");
        }
    }

    private static void ReadLeg(LoadContext ctx, CsvRow row, Table<Leg> table)
    {
        var id = Id(row, "Leg");
        var what = $"Leg '{id}'";
        var from = NodeRef(ctx, row, "from", what);
        var to = NodeRef(ctx, row, "to", what);
        if (from is not null && from == to)
        {
            row.Error("to", "CORR0117", $"{what} goes from node '{from}' to itself.");
        }

        var mode = row.Word("mode", what, Words.Mode, required: true);
        var distance = row.Number("distance_km", what, 0, 40_000, required: true);
        var speed = row.Number("speed_kmh", what, 0.1, 1000);
        var hours = ReadTriangle(row, what, "hours_", string.Empty, 24 * 120);
        if (mode is not null and not TransportMode.Transfer && speed is null && hours is null)
        {
            row.Error("speed_kmh", "CORR0102", $"{what} has neither 'speed_kmh' nor 'hours_mode', so its running time is unknown.");
        }

        if (mode == TransportMode.Transfer && distance is > 0)
        {
            row.Error("distance_km", "CORR0104", $"{what} is a transfer with distance_km {distance}; transfers happen at a point (0 km).");
        }

        if (mode == TransportMode.Transfer && hours is null)
        {
            row.Error("hours_mode", "CORR0102", $"{what} is a transfer without 'hours_mode' (the transfer time).");
        }

        var gauge = (int?)row.Number("gauge_mm", what, 600, 2000);
        if (gauge is { } g && !Gauges.Contains(g))
        {
            row.Error("gauge_mm", "CORR0104", $"{what} has gauge {g} mm, which is not one of {string.Join(", ", Gauges)} mm.");
        }

        if (mode == TransportMode.Rail && gauge is null && row.Text("gauge_mm") is null)
        {
            row.Error("gauge_mm", "CORR0102", $"{what} is a rail leg without 'gauge_mm'.");
        }

        var countries = CountryList(ctx, row, "countries", what);
        if (countries.Count == 0 && row.Text("countries") is null)
        {
            row.Error("countries", "CORR0102", $"{what} has no 'countries'.");
        }

        var passages = new List<string>();
        foreach (var p in row.List("passages"))
        {
            if (ctx.Passages.Contains(p))
            {
                passages.Add(p);
            }
            else
            {
                row.Error("passages", "CORR0110", $"{what} references unknown passage '{p}'.", Hint(p, ctx.Passages.Rows.Select(r => r.Item.Id), "passages.csv"));
            }
        }

        var factor = row.Text("emission_factor");
        if (factor is not null && !ctx.Factors.Contains(factor))
        {
            row.Error("emission_factor", "CORR0110", $"{what} references unknown emission factor '{factor}'.", Hint(factor, ctx.Factors.Rows.Select(r => r.Item.Id), "emission_factors.csv"));
        }

        var leg = new Leg(
            id ?? string.Empty,
            from ?? string.Empty,
            to ?? string.Empty,
            mode ?? TransportMode.Rail,
            row.Word("direction", what, Words.Direction) ?? true,
            distance ?? 0,
            speed,
            hours,
            gauge,
            row.Bool("electrified", what),
            row.Number("tariff_fixed_usd_per_teu", what, 0, 100_000) ?? 0,
            row.Number("tariff_usd_per_teu_km", what, 0, 100) ?? 0,
            row.Number("capacity_teu_per_year", what, 0, 1e9),
            row.Number("capacity_trains_per_day", what, 0, 1000),
            row.Number("capacity_mt_per_year", what, 0, 1e4),
            countries,
            passages,
            row.Number("max_draft_m", what, 0.5, 30),
            OpenMonths(row, what),
            factor,
            ReadValidity(row, what),
            Provenance(row, what),
            Origin(row))
        {
            Reenters = CountryList(ctx, row, "reenters", what),
            TariffKnown = row.Text("tariff_fixed_usd_per_teu") is not null || row.Text("tariff_usd_per_teu_km") is not null,
        };
        if (id is not null)
        {
            table.Add(id, leg, row, ctx.Bag, "leg");
        }
    }

    private static void ReadService(LoadContext ctx, CsvRow row, Table<Service> table)
    {
        var id = Id(row, "Service");
        var what = $"Service '{id}'";
        var leg = row.Required("leg", what);
        if (leg is not null && !ctx.Legs.Contains(leg))
        {
            row.Error("leg", "CORR0108", $"{what} runs on unknown leg '{leg}'.", Hint(leg, ctx.Legs.Rows.Select(r => r.Item.Id), "legs*.csv"));
        }

        var days = new List<DayOfWeek>();
        foreach (var d in row.List("departure_days"))
        {
            if (Words.Day.TryGetValue(d.ToLowerInvariant(), out var day))
            {
                days.Add(day);
            }
            else
            {
                row.Error("departure_days", "CORR0105", $"{what} lists departure day '{d}', which is not one of: {string.Join(", ", Words.Day.Keys)}.");
            }
        }

        var vessels = row.List("vessels");
        foreach (var v in vessels)
        {
            if (!ctx.Vessels.Contains(v))
            {
                row.Error("vessels", "CORR0109", $"{what} references unknown vessel '{v}'.", Hint(v, ctx.Vessels.Rows.Select(r => r.Item.Id), "vessels.csv"));
            }
        }

        var perWeek = row.Number("departures_per_week", what, 0.01, 100, required: true);
        var kind = row.Word("kind", what, Words.ServiceKind, required: true);
        if (kind == ServiceKind.Scheduled && days.Count > 0 && perWeek is { } n && Math.Abs(n - days.Count) > 1e-9)
        {
            row.Warning("departure_days", "CORR0116", $"{what} lists {days.Count} departure day(s) but departures_per_week is {n}; the days are used.");
        }

        var service = new Service(
            id ?? string.Empty,
            leg ?? string.Empty,
            row.Required("name", what) ?? string.Empty,
            row.Text("operator"),
            kind ?? ServiceKind.Scheduled,
            perWeek ?? 1,
            days,
            (int?)row.Number("departure_hour", what, 0, 23) ?? 0,
            row.Number("capacity_teu_per_departure", what, 0, 30_000),
            row.Number("capacity_wagons_per_departure", what, 0, 500),
            vessels,
            ReadValidity(row, what, statusRequired: false),
            Provenance(row, what),
            Origin(row));
        if (id is not null)
        {
            table.Add(id, service, row, ctx.Bag, "service");
        }
    }

    private static (int From, int To)? OpenMonths(CsvRow row, string what)
    {
        var text = row.Text("open_months");
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var b)
            && a is >= 1 and <= 12 && b is >= 1 and <= 12)
        {
            return (a, b);
        }

        row.Error("open_months", "CORR0104", $"{what} has open_months '{text}', which is not a month range like '4-11'.");
        return null;
    }

    private static string? CountryRef(LoadContext ctx, CsvRow row, string column, string what)
    {
        var code = row.Required(column, what);
        if (code is null)
        {
            return null;
        }

        if (!ctx.Countries.Contains(code))
        {
            row.Error(column, "CORR0106", $"{what} references unknown country '{code}'.", Hint(code, ctx.Countries.Rows.Select(r => r.Item.Id), "countries.csv"));
        }

        return code;
    }

    private static List<string> CountryList(LoadContext ctx, CsvRow row, string column, string what)
    {
        var list = new List<string>();
        foreach (var code in row.List(column))
        {
            if (ctx.Countries.Contains(code))
            {
                list.Add(code);
            }
            else
            {
                row.Error(column, "CORR0106", $"{what} references unknown country '{code}'.", Hint(code, ctx.Countries.Rows.Select(r => r.Item.Id), "countries.csv"));
            }
        }

        return list;
    }

    private static string? NodeRef(LoadContext ctx, CsvRow row, string column, string what)
    {
        var id = row.Required(column, what);
        if (id is not null && !ctx.Nodes.Contains(id))
        {
            row.Error(column, "CORR0107", $"{what} references unknown node '{id}'.", Hint(id, ctx.Nodes.Rows.Select(r => r.Item.Id), "nodes*.csv"));
        }

        return id;
    }

    private static string Hint(string id, IEnumerable<string> known, string file)
    {
        var suggestion = CsvTable.Suggest(id, known);
        return suggestion is null ? $"Check {file}." : $"Did you mean '{suggestion}'? Check {file}.";
    }
}

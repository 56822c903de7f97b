using System.Globalization;
using Corridors.Data.Csv;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Simulation;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    /// <summary>Folder of the Caspian crossing model's tables in a data directory.</summary>
    public const string CaspianFolder = "caspian";

    private static readonly Schema SeaLevelSchema = new("sea level", ["year", "level_m", "scenario", "source"], ["notes"]);
    private static readonly Schema CaspianPortSchema = new("Caspian port", ["port", "berths", "yard_teu", "handling_min_h", "handling_mode_h", "handling_max_h", "source"], ["notes"]);
    private static readonly Schema DepthSchema = new("port depth", ["port", "from_year", "depth_m", "reference_year", "source"], ["notes"]);
    private static readonly Schema HullSchema = new("hull", ["vessel", "length_m", "beam_m", "design_draft_m", "waterplane_coefficient", "design_payload_t", "source"], ["notes"]);
    private static readonly Schema MonthSchema = new("month", ["month", "closure_probability", "demand_factor", "source"], ["notes"]);
    private static readonly Schema DemandSchema = new("demand", ["year", "teu", "source"], ["tonnes", "notes"]);
    private static readonly Schema FleetSchema = new("fleet", ["line", "vessel", "count", "source"], ["from_year", "to_year", "notes"]);
    private static readonly Schema CaspianParameterSchema = new("Caspian parameter", ["key", "value", "unit", "source"], ["notes"]);

    /// <summary>True when <paramref name="directory"/> has the Caspian tables.</summary>
    public static bool HasCaspian(string directory) => Directory.Exists(Path.Combine(directory, CaspianFolder));

    /// <summary>
    /// Reads data/caspian/ (schema: docs/DATA.md, "Caspian crossing"): every table is read and every problem is
    /// reported to <paramref name="bag"/> as <c>file(line,col)</c>; rows with errors are left out. With
    /// <paramref name="definition"/>, ports and vessels are checked against nodes.csv and vessels.csv.
    /// </summary>
    public static CaspianData LoadCaspian(string directory, DiagnosticBag bag, NetworkDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(bag);
        var folder = Path.Combine(directory, CaspianFolder);
        if (!Directory.Exists(folder))
        {
            bag.Error("CORR0001", DisplayPath(folder), 0, 0, "The Caspian tables (a caspian/ folder with sea_levels.csv, ports.csv, port_depths.csv, hulls.csv, months.csv, demand.csv and parameters.csv) are missing from the data directory.");
            return new CaspianData([], [], [], [], new double[12], new double[12], [], new Dictionary<string, double>());
        }

        string? Read(string name)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                bag.Error("CORR0001", DisplayPath(path), 0, 0, $"The Caspian table {name} is missing (data/caspian/ of the data directory).");
                return null;
            }

            return CsvText.ReadFile(path, DisplayPath(path), bag);
        }

        string P(string name) => Path.Combine(folder, name);
        return ParseCaspian(
            (Read("sea_levels.csv"), P("sea_levels.csv")),
            (Read("ports.csv"), P("ports.csv")),
            (Read("port_depths.csv"), P("port_depths.csv")),
            (Read("hulls.csv"), P("hulls.csv")),
            (Read("months.csv"), P("months.csv")),
            (Read("demand.csv"), P("demand.csv")),
            (Read("parameters.csv"), P("parameters.csv")),
            bag,
            definition,
            (File.Exists(P("fleet.csv")) ? CsvText.ReadFile(P("fleet.csv"), DisplayPath(P("fleet.csv")), bag) : null, P("fleet.csv")));
    }

    /// <summary>
    /// Parses the Caspian tables from text (see <see cref="LoadCaspian"/>); a null text is an absent table.
    /// <paramref name="fleet"/> (fleet.csv) is optional: without it every line sails the vessels of its service.
    /// </summary>
    public static CaspianData ParseCaspian(
        (string? Text, string File) seaLevels,
        (string? Text, string File) ports,
        (string? Text, string File) depths,
        (string? Text, string File) hulls,
        (string? Text, string File) months,
        (string? Text, string File) demand,
        (string? Text, string File) parameters,
        DiagnosticBag bag,
        NetworkDefinition? definition = null,
        (string? Text, string File) fleet = default)
    {
        ArgumentNullException.ThrowIfNull(bag);
        var levels = Rows(seaLevels, SeaLevelSchema, bag, row =>
        {
            var year = row.Year("year", "A sea level");
            var level = row.Number("level_m", "A sea level", -60, 0, required: true);
            var scenario = row.Required("scenario", "A sea level");
            var provenance = Provenance(row, "A sea level");
            return year is null || level is null || scenario is null ? null : new SeaLevelRow(year.Value, level.Value, scenario, provenance, new DataOrigin(row.File, row.Line));
        });
        Unique(levels, l => (l.Year, l.Scenario), l => l.Origin, "sea level for that year and scenario", bag);
        if (!levels.Any(l => l.Scenario == CaspianData.Observed) && seaLevels.Text is not null)
        {
            bag.Error("CORR0602", DisplayPath(seaLevels.File), 1, 1, "sea_levels.csv has no observed row.");
        }

        var observed = new SeaLevelTrajectory(levels.Where(l => l.Scenario == CaspianData.Observed).Select(l => (l.Year, l.LevelM)).DefaultIfEmpty((2025, -29.21)));
        var portRows = Rows(ports, CaspianPortSchema, bag, row =>
        {
            const string what = "A Caspian port";
            var id = row.Required("port", what);
            var berths = row.Number("berths", what, 1, 50, required: true);
            var yard = row.Number("yard_teu", what, 0, 1e7, required: true);
            var min = row.Number("handling_min_h", what, 0.1, 1000, required: true);
            var mode = row.Number("handling_mode_h", what, 0.1, 1000, required: true);
            var max = row.Number("handling_max_h", what, 0.1, 1000, required: true);
            Provenance(row, what);
            if (id is null || berths is null || yard is null || min is null || mode is null || max is null)
            {
                return null;
            }

            if (berths.Value != Math.Floor(berths.Value))
            {
                row.Error("berths", "CORR0603", $"Port '{id}' has a fractional number of berths.");
                return null;
            }

            var handling = new Triangular(min.Value, mode.Value, max.Value);
            if (!handling.IsValid)
            {
                row.Error("handling_mode_h", "CORR0603", $"Port '{id}' needs handling_min_h ≤ handling_mode_h ≤ handling_max_h.");
                return null;
            }

            CheckNode(row, "port", id, definition);
            var name = definition?.NodeById.GetValueOrDefault(id)?.Name ?? id;
            return Tuple.Create(new DataOrigin(row.File, row.Line), new CrossingPort(id, name, (int)berths.Value, yard.Value, handling));
        });
        Unique(portRows, p => p.Item2.Id, p => p.Item1, "Caspian port", bag);
        var depthRows = Rows(depths, DepthSchema, bag, row =>
        {
            const string what = "A port depth";
            var id = row.Required("port", what);
            var from = row.Year("from_year", what);
            var depth = row.Number("depth_m", what, 0, 50, required: true);
            var reference = row.Year("reference_year", what);
            Provenance(row, what);
            if (id is null || from is null || depth is null || reference is null)
            {
                return null;
            }

            CheckNode(row, "port", id, definition);
            return new PortDepth(id, from.Value, depth.Value, observed.Level(reference.Value));
        });
        var hullRows = Rows(hulls, HullSchema, bag, row =>
        {
            const string what = "A hull";
            var id = row.Required("vessel", what);
            var length = row.Number("length_m", what, 1, 500, required: true);
            var beam = row.Number("beam_m", what, 1, 100, required: true);
            var draft = row.Number("design_draft_m", what, 0.5, 30, required: true);
            var cwp = row.Number("waterplane_coefficient", what, 0.5, 1, required: true);
            var payload = row.Number("design_payload_t", what, 1, 500_000, required: true);
            Provenance(row, what);
            if (id is null || length is null || beam is null || draft is null || cwp is null || payload is null)
            {
                return null;
            }

            if (definition is not null && !definition.VesselById.ContainsKey(id))
            {
                row.Error("vessel", "CORR0604", $"Hull for '{id}', which is not in vessels.csv.");
            }

            return new HullParticulars(id, length.Value, beam.Value, draft.Value, cwp.Value, payload.Value);
        });
        var closure = new double[12];
        var profile = new double[12];
        var seen = new bool[12];
        Rows(months, MonthSchema, bag, row =>
        {
            const string what = "A month";
            var month = row.Number("month", what, 1, 12, required: true);
            var p = row.Number("closure_probability", what, 0, 1, required: true);
            var f = row.Number("demand_factor", what, 0, 100, required: true);
            Provenance(row, what);
            if (month is null || p is null || f is null || month.Value != Math.Floor(month.Value))
            {
                return null;
            }

            var m = (int)month.Value - 1;
            if (seen[m])
            {
                row.Error("month", "CORR0605", $"Month {m + 1} is given twice.");
            }

            seen[m] = true;
            closure[m] = p.Value;
            profile[m] = f.Value;
            return (object?)null;
        });
        if (months.Text is not null && seen.Any(s => !s))
        {
            bag.Error("CORR0605", DisplayPath(months.File), 1, 1, $"months.csv lacks month(s) {string.Join(", ", Enumerable.Range(1, 12).Where(m => !seen[m - 1]))}.");
        }

        if (months.Text is not null && profile.Sum() <= 0)
        {
            bag.Error("CORR0605", DisplayPath(months.File), 1, 1, "months.csv has no month with demand (every demand_factor is 0).");
        }

        var demandRows = Rows(demand, DemandSchema, bag, row =>
        {
            var year = row.Year("year", "A demand row");
            var teu = row.Number("teu", "A demand row", 0, 1e8, required: true);
            var tonnes = row.Number("tonnes", "A demand row", 0, 1e10);
            var provenance = Provenance(row, "A demand row");
            return year is null || teu is null ? null : new CrossingDemandRow(year.Value, teu.Value, tonnes, provenance, new DataOrigin(row.File, row.Line));
        });
        Unique(demandRows, d => d.Year, d => d.Origin, "demand year", bag);
        var settings = new Dictionary<string, double>(StringComparer.Ordinal);
        Rows(parameters, CaspianParameterSchema, bag, row =>
        {
            var key = row.Required("key", "A Caspian parameter");
            var value = row.Number("value", "A Caspian parameter", 0, 1e6, required: true);
            Provenance(row, "A Caspian parameter");
            if (key is not null && value is not null && !settings.TryAdd(key, value.Value))
            {
                row.Error("key", "CORR0605", $"Parameter '{key}' is given twice.");
            }

            return (object?)null;
        });
        if (settings.TryGetValue("westbound_share", out var share) && share > 1)
        {
            bag.Error("CORR0606", DisplayPath(parameters.File), 1, 1, "westbound_share must be at most 1.");
        }

        var fleetRows = Rows(fleet, FleetSchema, bag, row =>
        {
            const string what = "A fleet row";
            var line = row.Required("line", what);
            var vessel = row.Required("vessel", what);
            var count = row.Number("count", what, 1, 50, required: true);
            var from = row.Year("from_year", what);
            var to = row.Year("to_year", what);
            var provenance = Provenance(row, what);
            if (line is null || vessel is null || count is null)
            {
                return null;
            }

            if (count != Math.Floor(count.Value))
            {
                row.Error("count", "CORR0611", string.Create(CultureInfo.InvariantCulture, $"A fleet row has count = {count}, which is not a whole number of vessels."));
            }

            if (from is { } f && to is { } t && t < f)
            {
                row.Error("to_year", "CORR0611", $"A fleet row ends in {t}, before it starts ({f}).");
            }

            if (definition is not null && !definition.Services.Any(s => s.Id == line))
            {
                row.Error("line", "CORR0610", $"Fleet for line '{line}', which is not a service of services.csv.");
            }

            if (definition is not null && !definition.VesselById.ContainsKey(vessel))
            {
                row.Error("vessel", "CORR0610", $"Fleet row names vessel '{vessel}', which is not in vessels.csv.");
            }

            return new FleetRow(line, from, to, vessel, (int)count.Value, provenance, new DataOrigin(row.File, row.Line));
        });
        return new CaspianData(levels, [.. portRows.Select(p => p.Item2)], depthRows, hullRows, closure, profile, demandRows, settings, fleetRows);
    }

    private static List<T> Rows<T>((string? Text, string File) table, Schema schema, DiagnosticBag bag, Func<CsvRow, T?> read)
    {
        var list = new List<T>();
        if (table.Text is null)
        {
            return list;
        }

        var csv = CsvTable.Parse(table.Text, DisplayPath(table.File), schema.Required, schema.Optional, bag);
        foreach (var row in csv.Rows)
        {
            var before = bag.ErrorCount;
            var value = read(row);
            if (value is not null && bag.ErrorCount == before)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private static void Unique<T, TKey>(List<T> rows, Func<T, TKey> key, Func<T, DataOrigin> origin, string what, DiagnosticBag bag)
        where TKey : notnull
    {
        var first = new Dictionary<TKey, int>();
        foreach (var row in rows)
        {
            var o = origin(row);
            if (!first.TryAdd(key(row), o.Line))
            {
                bag.Error("CORR0607", o.File, o.Line, 1, $"Duplicate {what} {key(row)} (first on line {first[key(row)]}).");
            }
        }
    }

    private static void CheckNode(CsvRow row, string column, string id, NetworkDefinition? definition)
    {
        if (definition is not null && !definition.NodeById.ContainsKey(id))
        {
            row.Error(column, "CORR0604", $"'{id}' is not a node of nodes.csv.");
        }
    }
}

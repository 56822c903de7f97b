using System.Globalization;
using System.Text.Json;
using Corridors.Data.Csv;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Scenarios;

namespace Corridors.Data.Scenarios;

/// <summary>
/// Reads one scenario document field by field, reporting every problem with its JSON path (codes in docs/DATA.md,
/// "Scenario files"). References are checked against the definition plus the new elements of this file and its
/// parents.
/// </summary>
internal sealed class ScenarioJson
{
    internal static readonly string[] RootFields =
    [
        "$schema", "name", "title", "description", "baseYear", "extends", "sources", "closures", "capacity", "newNodes", "newLegs",
        "newServices", "openings", "tariffs", "dwell", "fleet", "seaLevel", "demandGrowthPercent", "riskWeights",
    ];

    private static readonly string[] TargetFields = [.. ScenarioTarget.Fields.Keys];

    private readonly NetworkDefinition _definition;
    private readonly string _file;
    private readonly JsonPositions _positions;
    private readonly DiagnosticBag _bag;
    private readonly HashSet<string> _nodes;
    private readonly HashSet<string> _legs;
    private readonly HashSet<string> _services;
    private readonly HashSet<string> _crossings;
    private readonly Dictionary<string, string> _operators;
    private readonly Dictionary<string, string> _nodeCountry = new(StringComparer.Ordinal);

    public ScenarioJson(NetworkDefinition definition, Scenario? parent, string file, JsonPositions positions, DiagnosticBag bag)
    {
        _definition = definition;
        _file = file;
        _positions = positions;
        _bag = bag;
        var nodes = definition.Nodes.Concat(parent?.NewNodes ?? []).ToArray();
        var legs = definition.Legs.Concat(parent?.NewLegs ?? []).ToArray();
        var services = definition.Services.Concat(parent?.NewServices ?? []).ToArray();
        _nodes = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        _legs = legs.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        _services = services.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        _crossings = nodes.Where(n => n.Kind == NodeKind.Border).Select(n => n.Id)
            .Concat(legs.Where(ScenarioApplier.IsCrossing).Select(l => l.Id)).ToHashSet(StringComparer.Ordinal);
        _operators = services.Where(s => s.Operator is not null).Select(s => s.Operator!).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(o => o, o => o, StringComparer.OrdinalIgnoreCase);
        foreach (var n in nodes)
        {
            _nodeCountry[n.Id] = n.Country;
        }
    }

    public Scenario? Read(JsonElement root, string defaultName)
    {
        if (!Object(root, "$", RootFields))
        {
            return null;
        }

        var errors = _bag.ErrorCount;
        var name = String(root, "$", "name", required: false) ?? defaultName;
        var baseYear = Int(root, "$", "baseYear", 2000, 2100);
        var sources = Strings(root, "$", "sources");

        // New elements first: the changes below may name them.
        var newNodes = List(root, "$", "newNodes", NewNode);
        var newLegs = List(root, "$", "newLegs", NewLeg);
        var newServices = List(root, "$", "newServices", NewService);
        var closures = List(root, "$", "closures", Closure);
        var capacity = List(root, "$", "capacity", Capacity);
        var openings = List(root, "$", "openings", Opening);
        var tariffs = List(root, "$", "tariffs", Tariff);
        var dwell = List(root, "$", "dwell", Dwell);
        var fleet = List(root, "$", "fleet", Fleet);
        var seaLevel = root.TryGetProperty("seaLevel", out var sl) ? SeaLevel(sl, "$.seaLevel") : null;
        var growth = Number(root, "$", "demandGrowthPercent", -100, 1000);
        var weights = RiskWeights(root);
        if (_bag.ErrorCount > errors)
        {
            return null;
        }

        return new Scenario
        {
            Name = name,
            Title = String(root, "$", "title", required: false),
            Description = String(root, "$", "description", required: false),
            BaseYear = baseYear,
            Sources = sources,
            NewNodes = newNodes,
            NewLegs = newLegs,
            NewServices = newServices,
            Closures = closures,
            CapacityChanges = capacity,
            Openings = openings,
            TariffChanges = tariffs,
            DwellChanges = dwell,
            FleetChanges = fleet,
            SeaLevel = seaLevel,
            DemandGrowthPercent = growth,
            RiskWeights = weights,
        };
    }

    private ScenarioClosure? Closure(JsonElement e, string path)
    {
        if (!Object(e, path, [.. TargetFields, "from", "to", "source", "note"]))
        {
            return null;
        }

        var target = Target(e, path, TargetFields);
        var from = Date(e, path, "from");
        var to = Date(e, path, "to");
        if (from is { } f && to is { } t && t < f)
        {
            Error("CORR0810", $"{path}.to", $"the closure ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd}).");
        }

        return target is null ? null : new ScenarioClosure(target, from, to);
    }

    private ScenarioCapacityChange? Capacity(JsonElement e, string path)
    {
        if (!Object(e, path, ["country", "crossing", "node", "leg", "service", "mode", "passage", "scale", "setTeuPerYear", "source", "note"]))
        {
            return null;
        }

        var target = Target(e, path, ["country", "crossing", "node", "leg", "service", "mode", "passage"]);
        var scale = Number(e, path, "scale", 0, 100);
        var set = Number(e, path, "setTeuPerYear", 0, 1e9);
        OneOf(e, path, "scale", "setTeuPerYear");
        if (set is not null && target?.Kind == ScenarioTargetKind.Service)
        {
            Error("CORR0809", $"{path}.setTeuPerYear", "a service's capacity is per departure; use scale for a service.");
        }

        return target is null ? null : new ScenarioCapacityChange(target, scale, set);
    }

    private ScenarioTariffChange? Tariff(JsonElement e, string path)
    {
        if (!Object(e, path, ["country", "operator", "mode", "leg", "percent", "absoluteUsdPerTeu", "source", "note"]))
        {
            return null;
        }

        var target = Target(e, path, ["country", "operator", "mode", "leg"]);
        var percent = Number(e, path, "percent", -100, 1000);
        var absolute = Number(e, path, "absoluteUsdPerTeu", -100_000, 100_000);
        OneOf(e, path, "percent", "absoluteUsdPerTeu");
        return target is null ? null : new ScenarioTariffChange(target, percent, absolute);
    }

    private ScenarioDwellChange? Dwell(JsonElement e, string path)
    {
        if (!Object(e, path, ["country", "crossing", "crossings", "node", "factor", "setHours", "source", "note"]))
        {
            return null;
        }

        var target = Target(e, path, ["country", "crossing", "crossings", "node"]);
        var factor = Number(e, path, "factor", 0, 100);
        var hours = Number(e, path, "setHours", 0, 10_000);
        OneOf(e, path, "factor", "setHours");
        return target is null ? null : new ScenarioDwellChange(target, factor, hours);
    }

    private ScenarioFleetChange? Fleet(JsonElement e, string path)
    {
        if (!Object(e, path, ["service", "add", "copyOf", "remove", "departuresPerWeek", "source", "note"]))
        {
            return null;
        }

        var service = Reference(e, path, "service", _services, "service", required: true);
        var add = Int(e, path, "add", 0, 100) ?? 0;
        var copyOf = Reference(e, path, "copyOf", _definition.VesselById.Keys.ToHashSet(StringComparer.Ordinal), "vessel", required: false);
        var remove = Strings(e, path, "remove");
        var departures = Number(e, path, "departuresPerWeek", 0, 1000);
        var vessels = service is null ? null : _definition.Services.FirstOrDefault(s => s.Id == service)?.Vessels;
        for (var i = 0; i < remove.Count; i++)
        {
            if (vessels is not null && !vessels.Contains(remove[i], StringComparer.Ordinal))
            {
                var hint = CsvTable.Suggest(remove[i], vessels);
                Error("CORR0807", $"{path}.remove[{i}]", $"'{CsvText.Quote(remove[i])}' is not a vessel of service '{service}'{Hint(hint, vessels)}");
            }
        }

        if (add > 0 && copyOf is null && vessels is { Count: 0 })
        {
            Error("CORR0809", $"{path}.copyOf", $"service '{service}' names no vessels; say which vessel to copy.");
        }

        return service is null ? null : new ScenarioFleetChange(service, add, copyOf, remove, departures);
    }

    private ScenarioOpening? Opening(JsonElement e, string path)
    {
        if (!Object(e, path, ["node", "leg", "service", "year", "source", "note"]))
        {
            return null;
        }

        var target = Target(e, path, ["node", "leg", "service"]);
        var year = Int(e, path, "year", 2000, 2100);
        if (year is null && !e.TryGetProperty("year", out _))
        {
            Error("CORR0802", $"{path}.year", "missing; give the first year in service.");
        }

        return target is null || year is null ? null : new ScenarioOpening(target, year.Value);
    }

    private ScenarioSeaLevel? SeaLevel(JsonElement e, string path)
    {
        if (!Object(e, path, ["levelM", "offsetM", "trajectory", "source", "note"]))
        {
            return null;
        }

        var level = Number(e, path, "levelM", -45, -20);
        var offset = Number(e, path, "offsetM", -15, 15);
        var points = List(e, path, "trajectory", (p, at) =>
        {
            if (!Object(p, at, ["year", "levelM"]))
            {
                return null;
            }

            var year = Int(p, at, "year", 2000, 2100);
            var lv = Number(p, at, "levelM", -45, -20);
            if (year is null || lv is null)
            {
                Error("CORR0802", at, "a trajectory point needs a year and a levelM.");
                return null;
            }

            return new SeaLevelPoint(year.Value, lv.Value);
        });
        var given = new[] { level is not null, offset is not null, points.Count > 0 }.Count(b => b);
        if (given != 1)
        {
            Error("CORR0809", path, "give exactly one of levelM, offsetM or trajectory.");
        }

        if (points.Select(p => p.Year).Distinct().Count() != points.Count)
        {
            Error("CORR0808", $"{path}.trajectory", "two points have the same year.");
        }

        return new ScenarioSeaLevel(level, offset, points);
    }

    private Dictionary<string, double> RiskWeights(JsonElement root)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!root.TryGetProperty("riskWeights", out var e))
        {
            return weights;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            Error("CORR0802", "$.riskWeights", "expected an object of ISO country codes to weights, e.g. {\"IR\": 6}.");
            return weights;
        }

        foreach (var p in e.EnumerateObject())
        {
            var at = $"$.riskWeights.{p.Name}";
            if (Country(p.Name, at) is { } code)
            {
                if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out var w) || w is < 0 or > 10)
                {
                    Error("CORR0804", at, "a risk weight is a number from 0 to 10 (countries.csv's scale).");
                }
                else
                {
                    weights[code] = w;
                }
            }
        }

        return weights;
    }

    private Node? NewNode(JsonElement e, string path)
    {
        if (!Object(e, path, ["id", "name", "aliases", "country", "kind", "lat", "lon", "gauges", "sea", "handlingTeuPerYear", "dwellHours", "depthM", "openYear", "source", "note"]))
        {
            return null;
        }

        var id = NewId(e, path, _nodes, "node");
        var name = String(e, path, "name", required: true);
        var country = e.TryGetProperty("country", out var c) ? Country(StringValue(c, $"{path}.country"), $"{path}.country") : Missing<string>(path, "country");
        var kind = Word(e, path, "kind", Words.NodeKind, required: true);
        var lat = Number(e, path, "lat", -90, 90, required: true);
        var lon = Number(e, path, "lon", -180, 180, required: true);
        var gauges = Ints(e, path, "gauges", 600, 2000);
        var sea = Word(e, path, "sea", Words.Sea, required: false);
        var handling = Number(e, path, "handlingTeuPerYear", 0, 1e9);
        var dwell = Triangle(e, path, "dwellHours");
        var depth = Number(e, path, "depthM", 0, 100);
        var open = Int(e, path, "openYear", 2000, 2100);
        var source = Source(e, path);
        if (id is null || name is null || country is null || kind is null || lat is null || lon is null || source is null)
        {
            return null;
        }

        _nodeCountry[id] = country;
        return new Node(id, name, Strings(e, path, "aliases"), country, kind.Value, lat.Value, lon.Value, false, gauges,
            sea ?? SeaArea.None, handling, null, dwell, DwellRule.Always, depth, null, Opened(open), new Provenance(source), Origin(path));
    }

    private Leg? NewLeg(JsonElement e, string path)
    {
        if (!Object(e, path, ["id", "from", "to", "mode", "bidirectional", "distanceKm", "speedKmh", "hours", "gaugeMm", "tariffFixedUsdPerTeu", "tariffUsdPerTeuKm",
            "capacityTeuPerYear", "capacityTrainsPerDay", "capacityMtPerYear", "countries", "passages", "openYear", "source", "note"]))
        {
            return null;
        }

        var id = NewId(e, path, _legs, "leg");
        var from = Reference(e, path, "from", _nodes, "node", required: true);
        var to = Reference(e, path, "to", _nodes, "node", required: true);
        var mode = Word(e, path, "mode", Words.Mode, required: true);
        var both = Bool(e, path, "bidirectional") ?? true;
        var km = Number(e, path, "distanceKm", 0, 40_000, required: true);
        var speed = Number(e, path, "speedKmh", 0.1, 1000);
        var hours = Triangle(e, path, "hours");
        if (speed is null && hours is null && e.TryGetProperty("distanceKm", out _))
        {
            Error("CORR0802", path, "a new leg needs speedKmh or hours.");
        }

        var gauge = Int(e, path, "gaugeMm", 600, 2000);
        var fixedTariff = Number(e, path, "tariffFixedUsdPerTeu", 0, 100_000);
        var perKm = Number(e, path, "tariffUsdPerTeuKm", 0, 100);
        var teu = Number(e, path, "capacityTeuPerYear", 0, 1e9);
        var trains = Number(e, path, "capacityTrainsPerDay", 0, 1000);
        var mt = Number(e, path, "capacityMtPerYear", 0, 10_000);
        var countries = new List<string>();
        var codes = Strings(e, path, "countries");
        for (var i = 0; i < codes.Count; i++)
        {
            if (Country(codes[i], $"{path}.countries[{i}]") is { } code)
            {
                countries.Add(code);
            }
        }

        if (codes.Count == 0)
        {
            // Routing masks and closures work on a leg's countries: the ends' countries when none are given.
            countries.AddRange(new[] { from, to }.Where(n => n is not null && _nodeCountry.ContainsKey(n)).Select(n => _nodeCountry[n!]).Distinct(StringComparer.Ordinal));
        }

        var passages = new List<string>();
        var passageIds = Strings(e, path, "passages");
        for (var i = 0; i < passageIds.Count; i++)
        {
            if (Known(passageIds[i], $"{path}.passages[{i}]", _definition.PassageById.Keys.ToHashSet(StringComparer.Ordinal), "passage") is { } p)
            {
                passages.Add(p);
            }
        }

        var open = Int(e, path, "openYear", 2000, 2100);
        var source = Source(e, path);
        if (id is null || from is null || to is null || mode is null || km is null || (speed is null && hours is null) || source is null)
        {
            return null;
        }

        return new Leg(id, from, to, mode.Value, both, km.Value, speed, hours, gauge, null, fixedTariff ?? 0, perKm ?? 0, teu, trains, mt,
            countries, passages, null, null, null, Opened(open), new Provenance(source), Origin(path))
        {
            TariffKnown = fixedTariff is not null || perKm is not null,
        };
    }

    private Service? NewService(JsonElement e, string path)
    {
        if (!Object(e, path, ["id", "leg", "name", "operator", "kind", "departuresPerWeek", "departureDays", "departureHour", "capacityTeuPerDeparture",
            "capacityWagonsPerDeparture", "vessels", "openYear", "source", "note"]))
        {
            return null;
        }

        var id = NewId(e, path, _services, "service");
        var leg = Reference(e, path, "leg", _legs, "leg", required: true);
        var name = String(e, path, "name", required: true);
        var op = String(e, path, "operator", required: false);
        var kind = Word(e, path, "kind", Words.ServiceKind, required: true);
        var departures = Number(e, path, "departuresPerWeek", 0, 1000, required: true);
        var dayWords = Strings(e, path, "departureDays");
        var days = new List<DayOfWeek>();
        for (var i = 0; i < dayWords.Count; i++)
        {
            if (Words.Day.TryGetValue(dayWords[i].ToLowerInvariant(), out var day))
            {
                days.Add(day);
            }
            else
            {
                Error("CORR0804", $"{path}.departureDays[{i}]", $"'{CsvText.Quote(dayWords[i])}' is not a day{Hint(CsvTable.Suggest(dayWords[i].ToLowerInvariant(), Words.Day.Keys), Words.Day.Keys)}");
            }
        }

        var hour = Int(e, path, "departureHour", 0, 23) ?? 0;
        var teu = Number(e, path, "capacityTeuPerDeparture", 0, 100_000);
        var wagons = Number(e, path, "capacityWagonsPerDeparture", 0, 10_000);
        var vessels = new List<string>();
        var vesselIds = Strings(e, path, "vessels");
        for (var i = 0; i < vesselIds.Count; i++)
        {
            if (Known(vesselIds[i], $"{path}.vessels[{i}]", _definition.VesselById.Keys.ToHashSet(StringComparer.Ordinal), "vessel") is { } v)
            {
                vessels.Add(v);
            }
        }

        var open = Int(e, path, "openYear", 2000, 2100);
        var source = Source(e, path);
        if (id is null || leg is null || name is null || kind is null || departures is null || source is null)
        {
            return null;
        }

        if (op is not null)
        {
            _operators.TryAdd(op, op);
        }

        return new Service(id, leg, name, op, kind.Value, departures.Value, days, hour, teu, wagons, vessels, Opened(open), new Provenance(source), Origin(path));
    }

    private static Validity Opened(int? year) => year is null ? Validity.Always : new Validity(InfrastructureStatus.Operational, year, null);

    private DataOrigin Origin(string path) => new(_file, _positions.Of(path).Line);

    private string? Source(JsonElement e, string path)
    {
        var source = String(e, path, "source", required: true);
        return source;
    }

    private ScenarioTarget? Target(JsonElement e, string path, string[] allowed)
    {
        var present = allowed.Where(f => e.TryGetProperty(f, out _)).ToArray();
        if (present.Length != 1)
        {
            Error("CORR0809", path, present.Length == 0
                ? $"say what it applies to: one of {string.Join(", ", allowed)}."
                : $"give only one of {string.Join(", ", present)}.");
            return null;
        }

        var field = present[0];
        var at = $"{path}.{field}";
        var kind = ScenarioTarget.Fields[field];
        var value = e.GetProperty(field);
        if (kind == ScenarioTargetKind.AllCrossings)
        {
            if (value.ValueKind != JsonValueKind.String || value.GetString() != "all")
            {
                Error("CORR0802", at, "expected \"all\" (every border crossing).");
                return null;
            }

            return new ScenarioTarget(kind, string.Empty);
        }

        var text = StringValue(value, at);
        if (text is null)
        {
            return null;
        }

        string? id = kind switch
        {
            ScenarioTargetKind.Country => Country(text, at),
            ScenarioTargetKind.Crossing => Known(text, at, _crossings, "border crossing (a border node or a transfer leg between two countries)"),
            ScenarioTargetKind.Node => Known(text, at, _nodes, "node"),
            ScenarioTargetKind.Leg => Known(text, at, _legs, "leg"),
            ScenarioTargetKind.Passage => Known(text, at, _definition.PassageById.Keys.ToHashSet(StringComparer.Ordinal), "passage"),
            ScenarioTargetKind.Service => Known(text, at, _services, "service"),
            ScenarioTargetKind.Mode => Words.Mode.ContainsKey(text) && text != "transfer" ? text : Unknown(text, at, Words.Mode.Keys.Where(k => k != "transfer"), "mode"),
            ScenarioTargetKind.Operator => _operators.TryGetValue(text, out var op) ? op : Unknown(text, at, _operators.Keys, "operator"),
            _ => null,
        };
        return id is null ? null : new ScenarioTarget(kind, id);
    }

    private string? Country(string? code, string at)
    {
        if (code is null)
        {
            return null;
        }

        if (_definition.CountryById.ContainsKey(code))
        {
            return code;
        }

        var upper = code.Trim().ToUpperInvariant();
        // An alpha-3 code usually starts with its alpha-2 code (RUS → RU); then the nearest in file order.
        var codes = _definition.Countries.Select(c => c.Id).ToArray();
        var suggestion = _definition.CountryById.ContainsKey(upper) ? upper
            : (upper.Length == 3 ? codes.FirstOrDefault(c => upper.StartsWith(c, StringComparison.Ordinal)) : null)
              ?? codes.FirstOrDefault(c => Routing.PlaceResolver.EditDistance(upper, c) <= 1)
              ?? _definition.Countries.FirstOrDefault(c => string.Equals(c.Name, code.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;
        Error("CORR0805", at, $"unknown country '{CsvText.Quote(code)}'{(suggestion is null ? "; use an ISO 3166-1 alpha-2 code of countries.csv." : $"; did you mean '{suggestion}'?")}");
        return null;
    }

    private string? Reference(JsonElement e, string path, string name, HashSet<string> known, string what, bool required)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return required ? Missing<string>(path, name) : null;
        }

        var text = StringValue(value, $"{path}.{name}");
        return text is null ? null : Known(text, $"{path}.{name}", known, what);
    }

    private string? Known(string text, string at, HashSet<string> known, string what) =>
        known.Contains(text) ? text : Unknown(text, at, known, what);

    private string? Unknown(string text, string at, IEnumerable<string> known, string what)
    {
        var list = known.ToArray();
        // Ids differ from typos by case as often as by letters: compare case-folded.
        var folded = CsvTable.Suggest(text.ToUpperInvariant(), list.Select(k => k.ToUpperInvariant()));
        var suggestion = list.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase))
            ?? (folded is null ? null : list.First(k => k.ToUpperInvariant() == folded));
        Error("CORR0807", at, $"unknown {what} '{CsvText.Quote(text)}'{Hint(suggestion, list)}");
        return null;
    }

    private static string Hint(string? suggestion, IEnumerable<string> known)
    {
        if (suggestion is not null)
        {
            return $"; did you mean '{suggestion}'?";
        }

        var list = known.Order(StringComparer.Ordinal).ToArray();
        return list.Length is > 0 and <= 12 ? $"; known: {string.Join(", ", list)}." : ".";
    }

    private string? NewId(JsonElement e, string path, HashSet<string> known, string what)
    {
        var id = String(e, path, "id", required: true);
        if (id is not null && !known.Add(id))
        {
            Error("CORR0808", $"{path}.id", $"a {what} '{CsvText.Quote(id)}' exists already; a new {what} needs a new id.");
            return null;
        }

        return id;
    }

    private bool Object(JsonElement e, string path, string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            Error("CORR0802", path, $"expected an object, got {Kind(e)}.");
            return false;
        }

        foreach (var p in e.EnumerateObject())
        {
            if (!allowed.Contains(p.Name, StringComparer.Ordinal))
            {
                var suggestion = CsvTable.Suggest(p.Name, allowed);
                Error("CORR0803", $"{path}.{p.Name}", $"unknown field '{CsvText.Quote(p.Name)}'{(suggestion is null ? $"; fields here: {string.Join(", ", allowed)}." : $"; did you mean '{suggestion}'?")}");
            }
        }

        return true;
    }

    private List<T> List<T>(JsonElement e, string path, string name, Func<JsonElement, string, T?> read)
        where T : class
    {
        var list = new List<T>();
        if (!e.TryGetProperty(name, out var value))
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error("CORR0802", $"{path}.{name}", $"expected an array, got {Kind(value)}.");
            return list;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (read(item, $"{path}.{name}[{i}]") is { } x)
            {
                list.Add(x);
            }

            i++;
        }

        return list;
    }

    private IReadOnlyList<string> Strings(JsonElement e, string path, string name)
    {
        var list = new List<string>();
        if (!e.TryGetProperty(name, out var value))
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error("CORR0802", $"{path}.{name}", $"expected an array of strings, got {Kind(value)}.");
            return list;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (StringValue(item, $"{path}.{name}[{i}]") is { } s)
            {
                list.Add(s);
            }

            i++;
        }

        return list;
    }

    private IReadOnlyList<int> Ints(JsonElement e, string path, string name, int min, int max)
    {
        var list = new List<int>();
        if (e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var v) && v >= min && v <= max)
                {
                    list.Add(v);
                }
                else
                {
                    Error("CORR0804", $"{path}.{name}[{i}]", Invariant($"expected a whole number from {min} to {max}."));
                }

                i++;
            }
        }
        else if (e.TryGetProperty(name, out var other))
        {
            Error("CORR0802", $"{path}.{name}", $"expected an array of numbers, got {Kind(other)}.");
        }

        return list;
    }

    private string? StringValue(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Error("CORR0802", at, $"expected a string, got {Kind(value)}.");
            return null;
        }

        var s = value.GetString()!;
        if (s.Length > 10_000)
        {
            Error("CORR0804", at, "the text is longer than 10,000 characters.");
            return null;
        }

        return s;
    }

    private string? String(JsonElement e, string path, string name, bool required)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return required ? Missing<string>(path, name) : null;
        }

        var s = StringValue(value, $"{path}.{name}");
        if (s is not null && required && string.IsNullOrWhiteSpace(s))
        {
            Error("CORR0802", $"{path}.{name}", "must not be empty.");
            return null;
        }

        return s;
    }

    private double? Number(JsonElement e, string path, string name, double min, double max, bool required = false)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Missing<string>(path, name);
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var v) || !double.IsFinite(v))
        {
            Error("CORR0802", $"{path}.{name}", $"expected a number, got {Kind(value)}.");
            return null;
        }

        if (v < min || v > max)
        {
            Error("CORR0804", $"{path}.{name}", Invariant($"{v} is out of range; give {min} to {max}."));
            return null;
        }

        return v;
    }

    private int? Int(JsonElement e, string path, string name, int min, int max)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var v))
        {
            Error("CORR0802", $"{path}.{name}", $"expected a whole number, got {Kind(value)}.");
            return null;
        }

        if (v < min || v > max)
        {
            Error("CORR0804", $"{path}.{name}", Invariant($"{v} is out of range; give {min} to {max}."));
            return null;
        }

        return v;
    }

    private bool? Bool(JsonElement e, string path, string name)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error("CORR0802", $"{path}.{name}", $"expected true or false, got {Kind(value)}.");
            return null;
        }

        return value.GetBoolean();
    }

    private DateOnly? Date(JsonElement e, string path, string name)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = StringValue(value, $"{path}.{name}");
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year is < 2000 or > 2100)
        {
            Error("CORR0810", $"{path}.{name}", $"'{CsvText.Quote(text)}' is not a date yyyy-MM-dd in 2000–2100.");
            return null;
        }

        return date;
    }

    private T? Word<T>(JsonElement e, string path, string name, IReadOnlyDictionary<string, T> words, bool required)
        where T : struct
    {
        if (!e.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Missing<string>(path, name);
            }

            return null;
        }

        var text = StringValue(value, $"{path}.{name}");
        if (text is null)
        {
            return null;
        }

        if (words.TryGetValue(text, out var w))
        {
            return w;
        }

        Error("CORR0804", $"{path}.{name}", $"unknown {name} '{CsvText.Quote(text)}'{Hint(CsvTable.Suggest(text.ToLowerInvariant(), words.Keys), words.Keys)}");
        return null;
    }

    private Triangular? Triangle(JsonElement e, string path, string name)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return null;
        }

        var at = $"{path}.{name}";
        if (!Object(value, at, ["min", "mode", "max"]))
        {
            return null;
        }

        var min = Number(value, at, "min", 0, 1e5, required: true);
        var mode = Number(value, at, "mode", 0, 1e5, required: true);
        var max = Number(value, at, "max", 0, 1e5, required: true);
        if (min is null || mode is null || max is null)
        {
            return null;
        }

        var t = new Triangular(min.Value, mode.Value, max.Value);
        if (!t.IsValid)
        {
            Error("CORR0804", at, "needs min ≤ mode ≤ max.");
            return null;
        }

        return t;
    }

    private void OneOf(JsonElement e, string path, string a, string b)
    {
        var hasA = e.TryGetProperty(a, out _);
        var hasB = e.TryGetProperty(b, out _);
        if (hasA == hasB)
        {
            Error("CORR0809", path, hasA ? $"give {a} or {b}, not both." : $"give {a} or {b}.");
        }
    }

    private T? Missing<T>(string path, string name)
        where T : class
    {
        Error("CORR0802", $"{path}.{name}", "missing.");
        return null;
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{CsvText.Quote(e.GetString()!)}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => "null",
    };

    private void Error(string code, string path, string message)
    {
        var (line, column) = _positions.Of(path);
        _bag.Error(code, _file, line, column, $"{path}: {message}");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

using System.CommandLine;
using System.Globalization;
using Corridors.Cli;

namespace Corridors.Tests.Fuzz;

/// <summary>One leaf command of the CLI (<c>route</c>, <c>data validate</c>, ...) with its options and arguments.</summary>
/// <param name="Path">The command words.</param>
/// <param name="Options">Its options, the recursive global ones included.</param>
/// <param name="Arguments">Its arguments.</param>
internal sealed record LeafCommand(string[] Path, IReadOnlyList<Option> Options, IReadOnlyList<Argument> Arguments);

/// <summary>
/// Generates command lines from the CLI's own definitions: it walks the System.CommandLine tree that
/// <see cref="CommandTree.Build(CliContext)"/> returns, so a new command or option is fuzzed without touching this
/// file. Values come from pools chosen by the option's name where it has a meaning (places, countries, dates, paths)
/// and otherwise by its type, each pool mixing valid, boundary and hostile values.
/// </summary>
internal sealed class CommandLines
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] Hostile =
    [
        "", " ", "\t", "\n", "a\0b", "-", "--", "--help", "-x", "'", "\"", "\"unclosed", "%s%n%x", "$(id)", "`id`", ";", ",", ",,",
        "../../../etc/passwd", "\\\\server\\share", "C:\\x", "null", "undefined", "true", "0", "-1", "NaN", "∞", "1e309",
        "Xi’an", "Ξ", "🚂🚢", "\u202Eevil", "e\u0301\u0301\u0301", "\uFFFF", "\uD800", "\u0085next", "\u2028line", "\u001b[2J",
        "あ", "ﾟ", "Ｘｉａｎ", "İstanbul", "ß", "ǅ",
    ];

    // Pools of (valid, bad) values by meaning. "Valid" means the value is well-formed and in range, so a case made of
    // valid values reaches the search, the simulation and the JSON writer; "bad" values are boundaries and mistakes.
    private static readonly (string[] Valid, string[] Bad) Places = (
        ["Xian", "Xi'an", "xian", "XIAN", "CN-XIAN", "Duisburg", "DE-DUISBURG", "Rotterdam", "Istanbul", "İstanbul", "Constanta", "Constanța",
         "Aktau", "Baku", "Poti", "Moscow", "Shanghai", "Tbilisi", "Kars", "Brest", "Malaszewicze", "Małaszewicze", "Almaty", "Kashgar"],
        ["Xain", "Duisbrug", "Atlantis", "X", "CN-", "Xian;Duisburg", "Xian,Duisburg"]);

    private static readonly (string[] Valid, string[] Bad) Ports = (
        ["CNSHA", "NLRTM", "GE-POTI", "Poti", "Rotterdam", "Shanghai", "Piraeus", "121.9,30.6", "4.0,51.95", "28.65,44.18", "CNSHA", "NLRTM", "Constanta"],
        ["NaN,NaN", "200,100", "1e309,0", "Rotterdamm", "a,b", "1,2,3", ",", "0,91", "-181,0", "Infinity,0", "Aktau", "49.867,40.409", "0,0", "180,0", "-179.99,-60"]);

    private static readonly (string[] Valid, string[] Bad) Countries = (["RU", "ru", "BY", "IR", "RU,BY", "GE", "TR", "KZ", "AZ", "CN", "ge,tr"], ["XX", "R", "RUS", "ru,xx", "EU", "Russia"]);

    private static readonly (string[] Valid, string[] Bad) Passages = (["suez", "bosporus", "volga-don", "cape-good-hope", "panama", "SUEZ", "kiel", "corinth", "suez,panama", "gibraltar", "malacca", "dover"], ["atlantis", "Suez Canal!", "suezz"]);

    private static readonly (string[] Valid, string[] Bad) Modes = (["rail", "road", "ferry", "feeder", "ocean", "inland-waterway", "RAIL", "rail,ocean"], ["transfer", "train", "ship"]);

    private static readonly (string[] Valid, string[] Bad) Objectives = (["time", "cost", "co2", "co2e", "generalized", "generalised", "fastest", "TIME", " cost "], ["money", "speed", "time,cost"]);

    private static readonly (string[] Valid, string[] Bad) Dates = (
        ["2026-03-03", "2026-03-03T10:00", "2026-03-03T10:00:30", "2026-03-03 10:00", "2027-06-01", "2020-01-01", "2035-12-31", "2026-12-31T23:59", "2030-02-28", "2028-02-29"],
        ["2026-02-30", "2026-13-01", "2026-03-03T25:00", "9999-12-31", "9999-12-25", "0001-01-01", "1900-01-01", "2200-12-31", "2201-01-01", "1899-12-31",
         "tomorrow", "03/03/2026", "2026-3-3", "20260303", "2026-03-03Z", "2026-03-03T10:00Z", "2026-03-03T10:00+05:00", "2019-12-31", "2036-01-01"]);

    private static readonly (string[] Valid, string[] Bad) Corridors = (["Middle", "Northern", "Southern", "Suez", "Cape", "middle", "BTK", "sea-suez"], ["Arctic", "Moon"]);

    private static readonly Dictionary<string, (string[] Valid, string[] Bad)> Numbers = new(StringComparer.Ordinal)
    {
        ["--year"] = (["2026", "2020", "2035", "2030", "2024"], ["2019", "2036", "0", "-2026", "2147483647", "2147483648", "2026.0", "MMXXVI", "2 026"]),
        ["--samples"] = (["1", "10", "200", "2000", "7"], ["0", "-5", "50000001", "2147483647", "1e3"]),
        ["--seed"] = (["0", "7", "-1", "9223372036854775807", "-9223372036854775808", "42"], ["9223372036854775808", "42.0", "x"]),
        ["--limit"] = (["1", "20", "10000", "3"], ["0", "-1", "10001", "2147483648"]),
        ["--alternatives"] = (["1", "3", "20", "2"], ["0", "21", "-1"]),
        ["--bins"] = (["1", "16", "100", "3"], ["0", "101", "-1"]),
        ["--max-transshipments"] = (["0", "1", "3", "2147483647"], ["-1", "1.5"]),
        ["--vessel-teu"] = (["0", "5000", "17000", "100000", "1"], ["100001", "-1", "1e5"]),
        ["--percentile"] = (["50", "90", "99", "1", "99.999", "1.0001"], ["0", "100", "NaN", "-50", "0.5", "Infinity"]),
        ["--knots"] = (["16", "1", "60", "1.5", "59.99"], ["0.5", "61", "0", "1e-308", "5e-324", "NaN", "Infinity", "-16"]),
        ["--max-snap-km"] = (["300", "50", "5000", "0.001", "1"], ["0", "-1", "NaN", "5001", "1e308", "-0"]),
        ["--teu"] = (["1", "2.5", "100", "100000", "0.001", "5e-324"], ["0", "-1", "100001", "1e307", "NaN", "Infinity"]),
        ["--feu"] = (["0", "1", "2.5", "50000"], ["-1", "50001", "1e307", "NaN"]),
        ["--tonnes-per-teu"] = (["10", "40", "0.001", "24"], ["0", "41", "-1", "1e308", "NaN"]),
        ["--penalty"] = (["0", "100", "1e9", "0.5"], ["1e9.1", "-1", "1e10", "1e308", "NaN", "Infinity"]),
        ["--cargo-value"] = (["0", "100", "54500", "1e12"], ["1e13", "-1", "1e308", "NaN"]),
        ["--usd-per-hour"] = (["0", "10", "1e12", "0.0001"], ["1e13", "-1", "1e308", "NaN", "Infinity"]),
        ["--usd-per-tco2"] = (["0", "100", "1e12"], ["1e13", "-1", "1e308", "NaN"]),
        ["--usd-per-risk"] = (["0", "5", "1e12"], ["1e13", "-1", "1e308", "NaN"]),
        ["id"] = (["1", "2", "3"], ["0", "-1", "9223372036854775807", "9223372036854775808", "abc", "1.0"]),
    };

    private static readonly (string[] Valid, string[] Bad) Integers = (["0", "1", "7", "2147483647", "-2147483648"], ["2147483648", "abc", "1.5", "1e3", "٣", "0x10"]);

    private static readonly (string[] Valid, string[] Bad) Reals = (["0", "1", "0.5", "1e308", "-1e308", "1e-308", "5e-324", "-1"], ["1e309", "NaN", "Infinity", "-Infinity", "1,5", "12 km"]);

    private readonly FuzzWorld _world;

    public CommandLines(FuzzWorld world)
    {
        _world = world;
        using var context = new CliContext(TextWriter.Null, TextWriter.Null, world.Environment(useShared: false));
        var root = CommandTree.Build(context);
        Root = root;
        var globals = root.Options.Where(o => o.Recursive).ToList();
        var leaves = new List<LeafCommand>();
        void Walk(Command command, List<string> path)
        {
            // serve runs until stopped: a server, not a one-shot command line (Corridors.Api.Tests cover it).
            if (command.Action is not null && command != root && command.Name != "serve")
            {
                leaves.Add(new LeafCommand([.. path], [.. command.Options, .. globals], [.. command.Arguments]));
            }

            foreach (var sub in command.Subcommands)
            {
                Walk(sub, [.. path, sub.Name]);
            }
        }

        Walk(root, []);
        Leaves = leaves;
    }

    /// <summary>The command tree the lines are generated from.</summary>
    public RootCommand Root { get; }

    /// <summary>Every leaf command.</summary>
    public IReadOnlyList<LeafCommand> Leaves { get; }

    /// <summary>A command line for case <paramref name="random"/>: a leaf command, some of its options with values, arguments.</summary>
    public string[] Next(Random random)
    {
        if (random.Next(50) == 0)
        {
            // The root alone, help, unknown commands.
            return Pick(random, new[] { Array.Empty<string>(), ["--help"], ["-h"], ["bogus"], ["route", "bogus"], ["--version"], ["runs"], ["data"], ["--data"] });
        }

        var leaf = Leaves[WeightedLeaf(random)];
        var args = new List<string>(leaf.Path);

        // The fault budget: most cases are valid but for one value, so they get past validation to the searches,
        // simulations and writers; some are wholly valid; some take whatever comes.
        var budget = random.Next(10) switch
        {
            < 4 => 0,
            < 8 => 1,
            _ => int.MaxValue,
        };

        // A one-fault case names its target first and keeps the other options few, so the one bad value is what
        // the run is about (a huge percentile with --json, a tiny speed on a real route, ...).
        var valued = leaf.Options.Where(o => o.ValueType != typeof(bool) && !o.Recursive).ToList();
        var target = budget == 1 && valued.Count > 0 ? valued[random.Next(valued.Count)] : null;
        var expensive = leaf.Path[0] is "validate-model";
        foreach (var option in leaf.Options)
        {
            if (target is not null && option != target && !option.Required && option.Name is not ("--from" or "--to" or "--json") && random.Next(5) != 0)
            {
                continue;
            }

            // Required options nearly always; --from/--to too where --pairs is the alternative (sea); --json often,
            // since writing the document is where non-finite numbers used to crash.
            var include = option == target || ((option.Required || option.Name is "--from" or "--to") ? random.Next(20) != 0
                : option.Name == "--pairs" ? random.Next(8) == 0
                : option.Name == "--json" ? random.Next(3) != 0
                : random.Next(option.Recursive ? 8 : 4) == 0);
            if (option.Name is "--help" or "--version" && random.Next(20) != 0)
            {
                include = false;
            }

            if (!include)
            {
                continue;
            }

            var name = option.Aliases.Count > 0 && random.Next(4) == 0 ? option.Aliases.First() : option.Name;
            if (option.ValueType == typeof(bool))
            {
                args.Add(name);
                if (random.Next(30) == 0)
                {
                    args.Add(Pick(random, ["true", "false", "abc", "1"]));
                }

                continue;
            }

            var count = option.ValueType.IsArray ? random.Next(1, 4) : 1;
            for (var i = 0; i < count; i++)
            {
                var bad = budget == int.MaxValue ? random.Next(3) == 0 : option == target && i == 0;
                var value = Value(random, leaf.Path[0], option.Name, option.ValueType, bad);
                switch (random.Next(12))
                {
                    case 0:
                        args.Add(name + "=" + value);
                        break;
                    case 1 when i == 0 && bad:
                        args.Add(name); // value missing, or the next option taken as the value
                        break;
                    default:
                        args.Add(name);
                        args.Add(value);
                        break;
                }
            }
        }

        foreach (var argument in leaf.Arguments)
        {
            if (argument.Arity.MinimumNumberOfValues > 0 ? random.Next(20) != 0 : random.Next(2) == 0)
            {
                args.Add(Value(random, leaf.Path[0], argument.Name, argument.ValueType, budget == int.MaxValue ? random.Next(3) == 0 : budget == 1 && target is null));
            }
        }

        if (budget == int.MaxValue && random.Next(8) == 0)
        {
            args.Insert(random.Next(args.Count + 1), Pick(random, ["--bogus", "-z", "extra", "--", "--from"]));
        }

        // Shuffle options after the command words now and then (order must not matter).
        if (random.Next(5) == 0 && args.Count > leaf.Path.Length + 1)
        {
            var tail = args.Skip(leaf.Path.Length).ToList();
            var global = tail.FindIndex(a => a is "--no-store" or "--verbose" or "-v");
            if (global >= 0)
            {
                var g = tail[global];
                tail.RemoveAt(global);
                args = [g, .. leaf.Path, .. tail];
            }
        }

        Cheapen(args, leaf, expensive);
        return [.. args];
    }

    /// <summary>
    /// Keeps valid but slow requests cheap (a run is a few milliseconds): simulations get at most 2,000 trips, unless
    /// the count is invalid anyway. Hostile values are left alone.
    /// </summary>
    private void Cheapen(List<string> args, LeafCommand leaf, bool expensive)
    {
        var simulates = leaf.Path[0] == "reliability" || args.Any(a => a.StartsWith("--percentile", StringComparison.Ordinal));
        if (simulates)
        {
            var at = args.FindIndex(a => a == "--samples");
            if (at < 0 && !args.Any(a => a.StartsWith("--samples=", StringComparison.Ordinal)))
            {
                args.Add("--samples");
                args.Add("200");
            }

            for (var i = 0; i < args.Count; i++)
            {
                (string? value, string? prefix) = args[i].StartsWith("--samples=", StringComparison.Ordinal) ? (args[i][10..], "--samples=")
                    : args[i] == "--samples" && i + 1 < args.Count ? (args[i + 1], null) : ((string?)null, (string?)null);
                if (value is not null && long.TryParse(value, NumberStyles.Integer, Inv, out var n) && n > 2000 && n <= 50_000_000)
                {
                    if (prefix is null)
                    {
                        args[i + 1] = "2000";
                    }
                    else
                    {
                        args[i] = prefix + "2000";
                    }
                }
            }
        }

        if (expensive && !args.Contains("--cases"))
        {
            // validate-model runs every bundled case (tens of routes and simulations): fuzz its options on a tiny file.
            args.Add("--cases");
            args.Add(Path.Combine(_world.Pairs, "cases.csv"));
        }
    }

    private int WeightedLeaf(Random random)
    {
        var weights = Leaves.Select(l => string.Join(' ', l.Path) switch
        {
            "route" => 20,
            "compare" => 10,
            "reliability" => 8,
            "sea" => 14,
            "network info" => 6,
            "export geojson" => 8,
            "data validate" => 4,
            "runs list" => 6,
            "runs show" => 6,
            "validate-model" => 1,
            _ => 3,
        }).ToArray();
        var pick = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>A value for an option or argument: by meaning when the name has one, else by type; valid or bad.</summary>
    internal string Value(Random random, string command, string name, Type type, bool bad)
    {
        if (bad && random.Next(3) == 0)
        {
            return HostileValue(random);
        }

        switch (name)
        {
            case "--geojson" or "--output" or "--markdown":
                return OutputPath(random, bad);
            case "--store":
                return StorePath(random, bad);
            case "--data" or "dir":
                return DataPath(random, bad, command);
            case "--pairs" or "--cases":
                return InputPath(random, bad, name);
        }

        var element = type.IsArray ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
        (string[] Valid, string[] Bad) pool = name switch
        {
            "--from" or "--to" when command == "sea" => Ports,
            "--from" or "--to" or "--via" => Places,
            "--avoid" or "--via-country" => Countries,
            "--avoid-passage" or "--via-passage" => Passages,
            "--avoid-mode" or "--require-mode" => Modes,
            "--by" => Objectives,
            "--depart" or "--deadline" => Dates,
            "--corridor" => Corridors,
            "--command" => (["route", "compare", "reliability", "sea"], ["ROUTE", "nothing", string.Empty]),
            _ when Numbers.TryGetValue(name, out var numbers) => numbers,
            _ when element == typeof(int) || element == typeof(long) => Integers,
            _ when element == typeof(double) => Reals,
            _ => (Places.Valid, Hostile),
        };
        return bad ? Pick(random, pool.Bad) : Pick(random, pool.Valid);
    }

    private static string HostileValue(Random random) => random.Next(40) switch
    {
        0 => new string('a', 100_000),
        1 => new string('é', 5_000) + "\n" + new string('x', 5_000),
        2 => string.Concat(Enumerable.Range(0, 300).Select(i => (char)random.Next(1, 0xD7FF))),
        _ => Hostile[random.Next(Hostile.Length)],
    };

    private string OutputPath(Random random, bool bad) => (bad ? random.Next(12) : 12 + random.Next(4)) switch
    {
        0 => Path.Combine(_world.Out, "existing.geojson"),
        1 => Path.Combine(_world.Out, "dir"),
        2 => Path.Combine(_world.Out, "dir") + "/",
        3 => Path.Combine(_world.Out, "missing", "x.geojson"),
        4 => Path.Combine(_world.Out, "link-outside.geojson"),
        5 => Path.Combine(_world.Out, "link-devnull"),
        6 => _world.Fifo,
        7 => _world.Device,
        8 => Path.Combine(_world.Out, new string('n', 300) + ".geojson"),
        9 => string.Empty,
        10 => Path.Combine(_world.Out, "dir", "..", "up.geojson"),
        11 => Path.Combine(_world.Out, "bad\nname.geojson"),
        _ => Path.Combine(_world.Out, "new-" + random.Next(1000).ToString(Inv) + ".geojson"),
    };

    private string StorePath(Random random, bool bad) => (bad ? random.Next(10) : 10) switch
    {
        0 => Path.Combine(_world.Stores, "garbage.db"),
        1 => Path.Combine(_world.Stores, "truncated.db"),
        2 => Path.Combine(_world.Stores, "dir.db"),
        3 => Path.Combine(_world.Stores, "link.db"),
        4 => _world.Fifo,
        5 => _world.Device,
        6 => string.Empty,
        7 => Path.Combine(_world.Stores, "missing", "deeper", "runs.db"),
        8 => Path.Combine(_world.Out, "dir") + "/",
        _ => _world.GoodStore,
    };

    /// <summary>A data directory: the bundled copy (the only one with sea lanes) or the mini fixture; or a bad one.</summary>
    private string DataPath(Random random, bool bad, string command) => (bad ? random.Next(6) : 6 + random.Next(8)) switch
    {
        0 => string.Empty,
        1 => Path.Combine(_world.Root, "no-such-dir"),
        2 => Path.Combine(_world.Out, "existing.geojson"),
        3 => _world.Fifo,
        4 => Path.Combine(_world.Out, "dir"),
        5 => _world.Outside,
        < 8 when command != "sea" => _world.Mini,
        _ => _world.Data,
    };

    private string InputPath(Random random, bool bad, string name) => bad
        ? random.Next(6) switch
        {
            0 => _world.Fifo,
            1 => Path.Combine(_world.Out, "dir"),
            2 => Path.Combine(_world.Pairs, "missing.csv"),
            3 => string.Empty,
            4 => _world.Device,
            _ => Path.Combine(_world.Pairs, Pick(random, ["nan.csv", "fields.csv", "long.csv", "empty.csv", "binary.csv"])),
        }
        : Path.Combine(_world.Pairs, name == "--cases" ? "cases.csv" : Pick(random, ["good.csv", "names.csv", "cr.csv"]));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

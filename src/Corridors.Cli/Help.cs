using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Corridors.Cli;

/// <summary>
/// Help conventions (issue 16): every command's help ends with an "Examples:" section of command lines that run as
/// written (HelpTests parses each one), and lists the global options only on the commands where they mean something:
/// <c>--data</c> wherever data is read (not <c>runs</c>), <c>--store</c> and <c>--store-provider</c> where runs are
/// stored or read, <c>--no-store</c> where a result is stored. The options stay accepted everywhere (one recursive
/// instance on the root, so scripts that pass <c>--no-store</c> to any command keep working); help only stops
/// advertising them where they change nothing. Descriptions stay one line, so the root's command list stays short.
/// </summary>
internal static class Help
{
    /// <summary>Commands that store their result in the run store (<c>CliContext.Record</c>), by path.</summary>
    internal static readonly string[] Recording =
    [
        "route", "compare", "reliability", "caspian", "validate-model", "bypass", "leverage", "invest",
        "scenario compare", "scenario sweep", "serve",
    ];

    /// <summary>The examples of each command, by path below <c>corridors</c> ("" is the root).</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Examples = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [""] =
        [
            "corridors places Genova",
            "corridors compare --from Xian --to Duisburg",
            "corridors sea --from Shanghai --to Rotterdam",
            "corridors --no-store route --from Xian --to Duisburg --json",
        ],
        ["data"] = ["corridors data validate", "corridors data validate ./my-data --json"],
        ["data validate"] = ["corridors data validate", "corridors data validate ./my-data --json"],
        ["network"] = ["corridors network info --year 2030", "corridors network diff --from 2026 --to 2030"],
        ["network info"] = ["corridors network info", "corridors network info --year 2030 --json"],
        ["network diff"] = ["corridors network diff --from 2026 --to 2030", "corridors network diff --from 2024 --to 2035 --json"],
        ["places"] =
        [
            "corridors places --country KZ",
            "corridors places --kind seaport --near 9.0,44.4 -n 5",
            "corridors places Genova",
            "corridors places 'Poti port' --json",
        ],
        ["export"] = ["corridors export geojson --year 2030 -o network-2030.geojson"],
        ["export geojson"] = ["corridors export geojson --year 2030 -o network-2030.geojson", "corridors export geojson > network.geojson"],
        ["route"] =
        [
            "corridors route --from Xian --to Duisburg",
            "corridors route --from Xian --to Genova --by cost --alternatives 3 --summary",
            "corridors route --from Almaty --to 'Poti port' --avoid-sanctioned --pareto --risk",
            "corridors route --from Xian --to 44.8,41.7 --json",
        ],
        ["compare"] =
        [
            "corridors compare --from Xian --to Duisburg",
            "corridors compare --from Xian --to Duisburg --avoid Russia,Belarus --by cost",
            "corridors compare --from Chongqing --to Milan --avoid-sanctioned --summary",
            "corridors compare --from Xian --to Duisburg --csv > corridors.csv",
            "corridors compare --from Xian --to Duisburg --percentile 90 --plot compare.svg",
        ],
        ["reliability"] =
        [
            "corridors reliability --from Xian --to Duisburg --deadline 2026-04-10",
            "corridors reliability --from Xian --to Duisburg --avoid-sanctioned --samples 20000 --plot reliability.png",
            "corridors reliability --from Xian --to Duisburg --corridor Middle --deadline 2026-04-10 --penalty 100 --json",
        ],
        ["runs"] = ["corridors runs list", "corridors runs show 12", "corridors runs export --output runs.json"],
        ["runs list"] = ["corridors runs list --limit 20", "corridors runs list --command compare --json"],
        ["runs show"] = ["corridors runs show 12"],
        ["runs export"] = ["corridors runs export 41 42", "corridors runs export --command compare --output runs.json"],
        ["runs delete"] = ["corridors runs delete 12"],
        ["sea"] =
        [
            "corridors sea --from Shanghai --to Rotterdam",
            "corridors sea --from Shanghai --to Rotterdam --avoid-passage suez --no-geometry --json",
            "corridors sea --from 121.47,31.23 --to 4.5,51.92 --knots 14 --vessel-teu 20000",
            "corridors sea --pairs pairs.csv --json",
        ],
        ["serve"] = ["corridors serve", "corridors serve --urls http://127.0.0.1:5080 --no-store"],
        ["validate-model"] =
        [
            "corridors validate-model",
            "corridors validate-model --json --no-store",
            "corridors validate-model --markdown docs/VALIDATION.md",
        ],
        ["caspian"] =
        [
            "corridors caspian --year 2024 --days 120 --seed 7",
            "corridors caspian --year 2027 --level -29.5 --demand-teu 300000 --demand-wagons 0 --seed 42 --json",
        ],
        ["assign"] =
        [
            "corridors assign --demand data/demand/2024.csv",
            "corridors assign --demand data/demand/2024.csv --method so --json",
            "corridors assign --tntp SiouxFalls_net.tntp SiouxFalls_trips.tntp --gap 1e-6",
        ],
        ["bypass"] = ["corridors bypass --from-region CN --to-region EU --avoid RU", "corridors bypass --from-region CN --to-region EU --avoid RU,IR --with-sea --json"],
        ["leverage"] = ["corridors leverage --from-region CN --to-region EU --avoid RU --year 2030"],
        ["invest"] = ["corridors invest --from-region CN --to-region EU --avoid RU --year 2026"],
        ["scenario"] =
        [
            "corridors scenario list",
            "corridors scenario show russia-closed",
            "corridors scenario compare russia-closed --pairs Xian:Duisburg",
        ],
        ["scenario list"] = ["corridors scenario list --json"],
        ["scenario show"] = ["corridors scenario show digital-borders"],
        ["scenario validate"] = ["corridors scenario validate", "corridors scenario validate my-scenario.json"],
        ["scenario compare"] =
        [
            "corridors scenario compare russia-closed --pairs Xian:Duisburg --samples 200",
            "corridors scenario compare russia-closed red-sea-closed --pairs Xian:Duisburg --html report.html --no-store",
        ],
        ["scenario sweep"] =
        [
            "corridors scenario sweep --param sea-level=-29:-30:0.5 --output caspian-lift-teu --days 3",
            "corridors scenario sweep --param demand-growth=0:100:50 --output max-flow-teu",
        ],
    };

    /// <summary>The path of the command of <paramref name="result"/> below the root ("route", "runs list"; "" for the root).</summary>
    public static string PathOf(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var r = result; r?.Parent is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(r.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>True when the global option <paramref name="name"/> means something on the command at <paramref name="path"/>.</summary>
    public static bool Applies(string name, string path)
    {
        if (path.Length == 0 || name is "--verbose")
        {
            return true;
        }

        var runs = path == "runs" || path.StartsWith("runs ", StringComparison.Ordinal);
        var records = Recording.Contains(path, StringComparer.Ordinal);
        return name switch
        {
            "--data" => !runs,
            "--store" or "--store-provider" => runs || records,
            "--no-store" => records,
            _ => true,
        };
    }

    /// <summary>Makes the root's help option list only the global options that apply, and end with the examples.</summary>
    public static void Attach(RootCommand root, GlobalOptions globals)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction inner)
        {
            help.Action = new ExamplesHelpAction(inner, [globals.Data, globals.Store, globals.NoStore, globals.StoreProvider]);
        }
    }

    private sealed class ExamplesHelpAction(HelpAction inner, Option[] scoped) : SynchronousCommandLineAction
    {
        /// <summary>As the built-in help: <c>compare --help</c> is help, not "--from is required".</summary>
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var path = PathOf(parseResult.CommandResult);

            // Hidden only while this one help text is written (the tree is built per invocation).
            var hidden = scoped.Where(o => !o.Hidden && !Applies(o.Name, path)).ToList();
            hidden.ForEach(o => o.Hidden = true);
            int code;
            try
            {
                code = inner.Invoke(parseResult);
            }
            finally
            {
                hidden.ForEach(o => o.Hidden = false);
            }

            if (Examples.TryGetValue(path, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine("  " + example);
                }

                output.WriteLine();
            }

            return code;
        }
    }
}

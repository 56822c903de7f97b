using System.Collections.Frozen;
using Corridors.Data.Csv;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Reliability;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    /// <summary>File name of the reliability table in a data directory.</summary>
    public const string ReliabilityFile = "reliability.csv";

    private static readonly Schema ReliabilitySchema = new("reliability rule",
        ["id", "component", "scope", "source"],
        ["targets", "months", "probability", "dist", "unit", "min", "mode", "max", "median", "p95", "mean", "sd", "effect", "service_level", "from_year", "to_year", "notes"]);

    private static readonly FrozenDictionary<string, DistributionKind> DistributionWords = new Dictionary<string, DistributionKind>
    {
        ["fixed"] = DistributionKind.Fixed,
        ["uniform"] = DistributionKind.Uniform,
        ["triangular"] = DistributionKind.Triangular,
        ["lognormal"] = DistributionKind.LogNormal,
        ["exponential"] = DistributionKind.Exponential,
        ["normal"] = DistributionKind.Normal,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, double> UnitWords = new Dictionary<string, double>
    {
        ["h"] = 1,
        ["d"] = 24,
        ["factor"] = 1,
    }.ToFrozenDictionary();

    private static readonly string[] DistributionCells = ["min", "mode", "max", "median", "p95", "mean", "sd"];

    private static readonly FrozenDictionary<string, ShockEffect> EffectWords = new Dictionary<string, ShockEffect>
    {
        ["add"] = ShockEffect.AddOnce,
        ["scale"] = ShockEffect.Scale,
    }.ToFrozenDictionary();

    /// <summary>
    /// Reads <c>reliability.csv</c> from <paramref name="directory"/> (schema: docs/DATA.md) into a model; an absent
    /// file gives <see cref="ReliabilityModel.Empty"/>. Problems go to <paramref name="bag"/>; rows with errors are
    /// left out. With <paramref name="definition"/>, targets naming unknown nodes, legs or countries are warned.
    /// </summary>
    public static ReliabilityModel LoadReliability(string directory, DiagnosticBag bag, NetworkDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(bag);
        var path = Path.Combine(directory, ReliabilityFile);
        if (!File.Exists(path))
        {
            return ReliabilityModel.Empty;
        }

        var text = CsvText.ReadFile(path, DisplayPath(path), bag);
        return text is null ? ReliabilityModel.Empty : ParseReliability(text, path, bag, definition);
    }

    /// <summary>Parses reliability rules from CSV text (see <see cref="LoadReliability"/>).</summary>
    public static ReliabilityModel ParseReliability(string text, string file, DiagnosticBag bag, NetworkDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(bag);
        var csv = CsvTable.Parse(text, DisplayPath(file), ReliabilitySchema.Required, ReliabilitySchema.Optional, bag);
        var rules = new List<ReliabilityRule>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in csv.Rows)
        {
            var errorsBefore = bag.ErrorCount;
            var rule = ReadReliabilityRule(row);
            if (rule is null || bag.ErrorCount > errorsBefore)
            {
                continue;
            }

            if (ids.TryGetValue(rule.Id, out var firstLine))
            {
                row.Error("id", "CORR0101", $"Duplicate reliability rule id '{rule.Id}'; the first is at {row.File}({firstLine}).", "Ids must be unique; rename or remove one row.");
                continue;
            }

            ids[rule.Id] = row.Line;
            rules.Add(rule);
        }

        var model = new ReliabilityModel(rules);
        if (definition is not null)
        {
            foreach (var warning in model.CheckTargets(definition))
            {
                bag.Add(warning);
            }
        }

        return model;
    }

    private static ReliabilityRule? ReadReliabilityRule(CsvRow row)
    {
        const string what = "Reliability rule";
        var id = Id(row, what);
        var componentText = row.Required("component", what);
        var scopeText = row.Required("scope", what);
        var provenance = Provenance(row, what);
        if (id is null || componentText is null || scopeText is null)
        {
            return null;
        }

        if (!ReliabilityWords.TryParseComponent(componentText, out var component))
        {
            row.Error("component", "CORR0105", $"'{componentText}' is not a reliability component.", "Use dwell-tail, running-variation, sailing-headway, missed-sailing, weather-closure or shock.");
            return null;
        }

        if (!ReliabilityWords.TryParseScope(scopeText, out var scope))
        {
            row.Error("scope", "CORR0105", $"'{scopeText}' is not a rule scope.", "Use all, node, node-kind, country, leg, mode or sea.");
            return null;
        }

        var targets = row.List("targets");
        if (scope != RuleScope.All && targets.Count == 0)
        {
            row.Error("targets", "CORR0102", $"{what} '{id}' with scope '{scopeText}' names no targets.");
        }

        CheckTargetWords(row, scope, targets);
        var nodeScoped = scope is RuleScope.Node or RuleScope.NodeKind;
        if ((component is ReliabilityComponent.RunningVariation or ReliabilityComponent.SailingHeadway or ReliabilityComponent.MissedSailing or ReliabilityComponent.WeatherClosure) && nodeScoped)
        {
            row.Error("scope", "CORR0105", $"A {componentText} rule applies to legs; scope '{scopeText}' names nodes.", "Use leg, mode, sea, country or all.");
        }

        if (!MonthSet.TryParse(row.Text("months"), out var months))
        {
            row.Error("months", "CORR0103", $"'{row.Text("months")}' is not a month set.", "Write months 1–12 as a range (11-3) or a list (1;2;12).");
        }

        var needsProbability = component is ReliabilityComponent.DwellTail or ReliabilityComponent.MissedSailing or ReliabilityComponent.WeatherClosure or ReliabilityComponent.Shock;
        var probability = row.Number("probability", what, 0, 1, required: needsProbability) ?? 1;
        var effect = ShockEffect.AddOnce;
        if (component == ReliabilityComponent.Shock)
        {
            effect = row.Word("effect", what, EffectWords, required: true) ?? ShockEffect.AddOnce;
        }

        if (component != ReliabilityComponent.Shock && row.Text("effect") is { } effectText)
        {
            row.Warning("effect", "CORR0128", $"'effect' = '{CsvText.Quote(effectText)}' is ignored: only shock rules have an effect.");
        }

        var distribution = DelayDistribution.Zero;
        var distributionRead = false;
        if (component == ReliabilityComponent.MissedSailing)
        {
            CheckUnusedCells(row, what, [], "A missed-sailing rule has no distribution");
        }
        else
        {
            var wantFactor = component == ReliabilityComponent.RunningVariation || (component == ReliabilityComponent.Shock && effect == ShockEffect.Scale);
            var read = ReadDistribution(row, what, wantFactor);
            distributionRead = read is not null;
            distribution = read ?? DelayDistribution.Zero;
            if (component == ReliabilityComponent.SailingHeadway && distribution.Kind is not (DistributionKind.Uniform or DistributionKind.Fixed))
            {
                row.Error("dist", "CORR0105", "A sailing-headway rule needs a uniform (or fixed) headway.", "Give min and max hours between departures.");
            }
        }

        if (component == ReliabilityComponent.SailingHeadway && distribution.Kind == DistributionKind.Fixed)
        {
            distribution = DelayDistribution.Uniform(distribution.A, distribution.A);
        }

        // The headway shape is rescaled to each leg's mean headway, which needs a positive mean.
        if (component == ReliabilityComponent.SailingHeadway && distributionRead && !(distribution.Mean > 0 && double.IsFinite(distribution.Mean)))
        {
            row.Error("dist", "CORR0104", "A sailing-headway rule needs a headway with a positive mean.", "Give min and max hours between departures, max above 0.");
        }

        ServiceLevel? level = null;
        if (row.Text("service_level") is { } levelText && !LevelWords.TryGetValue(levelText, out level))
        {
            row.Error("service_level", "CORR0140", $"'service_level' = '{CsvText.Quote(levelText)}' is not one of: {string.Join(", ", LevelWords.Keys.Order(StringComparer.Ordinal))}.", "Leave it empty for both levels.");
        }

        var (fromYear, toYear) = ReadYears(row, $"Reliability rule '{id}'");
        return new ReliabilityRule(id, component, scope, targets, months, probability, distribution, effect, provenance, new DataOrigin(row.File, row.Line))
        {
            Level = level,
            FromYear = fromYear,
            ToYear = toYear,
        };
    }

    private static DelayDistribution? ReadDistribution(CsvRow row, string what, bool wantFactor)
    {
        var kind = row.Word("dist", what, DistributionWords, required: true);
        var unitText = row.Text("unit");
        if (kind is null)
        {
            // An empty cell or a bad word is reported by Word; a header without the column must be said too, or the
            // rule would silently get no distribution (a zero headway that fails the simulation later).
            if (row.Field("dist") is null)
            {
                row.Error("dist", "CORR0102", $"{what} needs a distribution, but the file has no 'dist' column.", "Add the columns dist and unit (docs/DATA.md, reliability.csv).");
            }

            return null;
        }

        double scale = 1;
        if (wantFactor)
        {
            if (unitText != "factor")
            {
                row.Error("unit", "CORR0105", $"This rule's distribution is a unitless factor; unit is '{unitText}'.", "Write unit 'factor'.");
                return null;
            }
        }
        else
        {
            if (unitText is null || unitText == "factor" || !UnitWords.TryGetValue(unitText, out scale))
            {
                row.Error("unit", "CORR0105", $"This rule's distribution is a duration; unit is '{unitText}'.", "Write unit 'h' (hours) or 'd' (days).");
                return null;
            }
        }

        string[] used = kind switch
        {
            DistributionKind.Fixed => ["mode"],
            DistributionKind.Uniform => ["min", "max"],
            DistributionKind.Triangular => ["min", "mode", "max"],
            DistributionKind.LogNormal => ["median", "p95"],
            DistributionKind.Exponential => ["mean"],
            DistributionKind.Normal => ["mean", "sd"],
            _ => [],
        };
        CheckUnusedCells(row, what, used, $"A {row.Text("dist")} distribution does not use it");
        // A cell that is missing or bad is reported by Number; CORR0116 is only for values that do not fit together.
        var cellFailed = false;
        double? Get(string column)
        {
            var value = row.Number(column, what, 0, 1e6, required: true);
            cellFailed |= value is null;
            return value * scale;
        }

        DelayDistribution? result = kind switch
        {
            DistributionKind.Fixed => Get("mode") is { } v ? DelayDistribution.Fixed(v) : null,
            DistributionKind.Uniform => Get("min") is { } lo && Get("max") is { } hi ? DelayDistribution.Uniform(lo, hi) : null,
            DistributionKind.Triangular => Get("min") is { } a && Get("mode") is { } m && Get("max") is { } b ? DelayDistribution.Triangular(a, m, b) : null,
            DistributionKind.LogNormal => Get("median") is { } med && Get("p95") is { } p95 && med > 0 && p95 >= med ? DelayDistribution.LogNormalFromMedianP95(med, p95) : null,
            DistributionKind.Exponential => Get("mean") is { } mean ? DelayDistribution.Exponential(mean) : null,
            DistributionKind.Normal => Get("mean") is { } mu && Get("sd") is { } sd ? DelayDistribution.Normal(mu, sd) : null,
            _ => null,
        };
        if (result is null && cellFailed)
        {
            return null;
        }

        if (result is null || !result.Value.IsValid)
        {
            row.Error("dist", "CORR0116", $"The parameters of the {row.Text("dist")} distribution are missing or inconsistent.",
                "triangular: min ≤ mode ≤ max; uniform: min ≤ max; lognormal: 0 < median ≤ p95; normal: mean and sd; exponential: mean; fixed: mode.");
            return null;
        }

        if (kind == DistributionKind.Normal && result.Value.A < 3 * result.Value.B)
        {
            row.Error("sd", "CORR0104", "A normal distribution here needs mean ≥ 3 sd, or it would give negative times.", "Use a lognormal or triangular distribution.");
            return null;
        }

        return result;
    }

    /// <summary>The distribution cells a rule does not use must still be numbers (1e309 is not), and are warned as ignored.</summary>
    private static void CheckUnusedCells(CsvRow row, string what, string[] used, string why)
    {
        foreach (var column in DistributionCells)
        {
            if (Array.IndexOf(used, column) < 0 && row.Text(column) is not null && row.Number(column, what, 0, 1e6) is not null)
            {
                row.Warning(column, "CORR0128", $"'{column}' = {row.Text(column)} is ignored: {why}.", "Leave the cell empty.");
            }
        }
    }

    private static void CheckTargetWords(CsvRow row, RuleScope scope, IReadOnlyList<string> targets)
    {
        foreach (var target in targets)
        {
            var ok = scope switch
            {
                RuleScope.NodeKind => Words.NodeKind.ContainsKey(target),
                RuleScope.Mode => Words.Mode.ContainsKey(target),
                RuleScope.Sea => Words.Sea.ContainsKey(target),
                _ => true,
            };
            if (!ok)
            {
                row.Error("targets", "CORR0105", $"'{target}' is not a valid target for scope '{row.Text("scope")}'.");
            }
        }
    }
}

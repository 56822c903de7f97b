using System.Globalization;
using Corridors.Network;

namespace Corridors.Reliability;

/// <summary>What a <see cref="ReliabilityRule"/> adds to the transit-time model.</summary>
public enum ReliabilityComponent
{
    /// <summary>A rare long hold at a node, added to its normal dwell with <c>Probability</c> per passage (distribution: hours).</summary>
    DwellTail,

    /// <summary>Multiplicative variation of a leg's running time when the leg gives a speed, not a time triangle (distribution: unitless factor).</summary>
    RunningVariation,

    /// <summary>
    /// Headways of sail-when-full services (distribution: uniform hours between departures). Gives the shape and
    /// relative spread only: it is rescaled to the mean headway of the leg's services (168 / departures per week).
    /// </summary>
    SailingHeadway,

    /// <summary>Probability that cargo misses the departure it waited for (full vessel, cut-off, cancellation) and takes the next one.</summary>
    MissedSailing,

    /// <summary>Probability per departure, by month, that a sailing is held by weather (distribution: hours held).</summary>
    WeatherClosure,

    /// <summary>
    /// A common shock drawn once per trip (congestion season, closed border) that hits every matching element of
    /// the route together (<see cref="ShockEffect"/>), so delays along the route are correlated.
    /// </summary>
    Shock,
}

/// <summary>Which elements a <see cref="ReliabilityRule"/> matches.</summary>
public enum RuleScope
{
    /// <summary>Every node or leg.</summary>
    All,

    /// <summary>Nodes by id.</summary>
    Node,

    /// <summary>Nodes by kind (<c>border</c>, <c>seaport</c>, ...).</summary>
    NodeKind,

    /// <summary>Nodes in, and legs through, the listed countries.</summary>
    Country,

    /// <summary>Legs by id.</summary>
    Leg,

    /// <summary>Legs by mode (<c>rail</c>, <c>ferry</c>, ...).</summary>
    Mode,

    /// <summary>Water legs by sea (<c>caspian</c>, <c>black-sea</c>), from the sea of their ports.</summary>
    Sea,
}

/// <summary>How a <see cref="ReliabilityComponent.Shock"/> acts on the elements it matches.</summary>
public enum ShockEffect
{
    /// <summary>Adds a delay drawn from the distribution (hours) once, at the first matching element on the route.</summary>
    AddOnce,

    /// <summary>Multiplies the dwell or wait of every matching element by one factor drawn from the distribution.</summary>
    Scale,
}

/// <summary>A set of calendar months (1–12), stored as a bit mask.</summary>
/// <param name="Mask">Bit m-1 is set when month m is in the set.</param>
public readonly record struct MonthSet(ushort Mask)
{
    /// <summary>All twelve months.</summary>
    public static MonthSet All => new(0xFFF);

    /// <summary>True when month <paramref name="month"/> (1–12) is in the set.</summary>
    public bool Contains(int month) => (Mask & (1 << (month - 1))) != 0;

    /// <summary>
    /// Parses <c>11-3</c> (a range, wrapping over the new year), <c>1;2;12</c> (a list) or a mix (<c>1-3;7</c>);
    /// empty means all months.
    /// </summary>
    public static bool TryParse(string? text, out MonthSet months)
    {
        months = All;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        ushort mask = 0;
        foreach (var raw in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = raw.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                if (!TryMonth(raw, out var m))
                {
                    return false;
                }

                mask |= (ushort)(1 << (m - 1));
                continue;
            }

            if (!TryMonth(raw[..dash], out var from) || !TryMonth(raw[(dash + 1)..], out var to))
            {
                return false;
            }

            for (var m = from; ; m = (m % 12) + 1)
            {
                mask |= (ushort)(1 << (m - 1));
                if (m == to)
                {
                    break;
                }
            }
        }

        months = new MonthSet(mask);
        return mask != 0;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (Mask == All.Mask)
        {
            return "all";
        }

        var parts = new List<string>();
        for (var m = 1; m <= 12; m++)
        {
            if (Contains(m))
            {
                parts.Add(m.ToString(CultureInfo.InvariantCulture));
            }
        }

        return string.Join(';', parts);
    }

    private static bool TryMonth(string s, out int month) =>
        int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out month) && month is >= 1 and <= 12;
}

/// <summary>
/// One row of the reliability table (<c>data/reliability.csv</c>): a stochastic element model, where it applies,
/// and its source.
/// </summary>
/// <param name="Id">Row id.</param>
/// <param name="Component">What the rule models.</param>
/// <param name="Scope">Which kind of element <paramref name="Targets"/> names.</param>
/// <param name="Targets">Ids, kinds, modes, seas or countries matched (empty for <see cref="RuleScope.All"/>).</param>
/// <param name="Months">Months in which the rule applies, judged at the time the element is reached.</param>
/// <param name="Probability">Per passage, per departure or per trip, depending on <paramref name="Component"/>; 1 when unused.</param>
/// <param name="Distribution">Hours or a unitless factor, depending on <paramref name="Component"/>.</param>
/// <param name="Effect">For shocks: add once or scale.</param>
/// <param name="Provenance">Source and notes.</param>
/// <param name="Origin">File and line.</param>
public sealed record ReliabilityRule(
    string Id,
    ReliabilityComponent Component,
    RuleScope Scope,
    IReadOnlyList<string> Targets,
    MonthSet Months,
    double Probability,
    DelayDistribution Distribution,
    ShockEffect Effect,
    Provenance Provenance,
    DataOrigin Origin)
{
    /// <summary>The service level the rule applies to (column <c>service_level</c>); null = both.</summary>
    public ServiceLevel? Level { get; init; }

    /// <summary>First network year the rule applies to (column <c>from_year</c>); null = every year up to <see cref="ToYear"/>.</summary>
    public int? FromYear { get; init; }

    /// <summary>Last network year the rule applies to (column <c>to_year</c>, inclusive); null = open-ended.</summary>
    public int? ToYear { get; init; }

    /// <summary>True when the rule applies to consignments of <paramref name="level"/> on the network of <paramref name="year"/>.</summary>
    public bool AppliesTo(ServiceLevel level, int year) =>
        (Level is null || Level == level) && YearWindow.Contains(FromYear, ToYear, year);

    /// <summary>Higher is more specific; for each element and component only the most specific matching rules apply (shocks excepted).</summary>
    public int Specificity => Scope switch
    {
        RuleScope.Node or RuleScope.Leg => 4,
        RuleScope.NodeKind or RuleScope.Sea => 3,
        RuleScope.Country => 2,
        RuleScope.Mode => 1,
        _ => 0,
    };

    /// <summary>True when the rule applies to a node.</summary>
    public bool Matches(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Scope switch
        {
            RuleScope.All => true,
            RuleScope.Node => Contains(node.Id),
            RuleScope.NodeKind => Contains(Words.Name(node.Kind)),
            RuleScope.Country => Contains(node.Country),
            _ => false,
        };
    }

    /// <summary>True when the rule applies to a leg whose water body is <paramref name="sea"/>.</summary>
    public bool Matches(Leg leg, SeaArea sea)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return Scope switch
        {
            RuleScope.All => true,
            RuleScope.Leg => Contains(leg.Id),
            RuleScope.Mode => Contains(Words.Name(leg.Mode)),
            RuleScope.Sea => sea != SeaArea.None && Contains(Words.Name(sea)),
            RuleScope.Country => leg.Countries.Any(Contains),
            _ => false,
        };
    }

    private bool Contains(string value)
    {
        foreach (var t in Targets)
        {
            if (string.Equals(t, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The words of reliability components (node kinds, modes and seas are <see cref="Words"/>).</summary>
public static class ReliabilityWords
{
    /// <summary>Word for a component (<c>dwell-tail</c>, ...).</summary>
    public static string Of(ReliabilityComponent component) => component switch
    {
        ReliabilityComponent.DwellTail => "dwell-tail",
        ReliabilityComponent.RunningVariation => "running-variation",
        ReliabilityComponent.SailingHeadway => "sailing-headway",
        ReliabilityComponent.MissedSailing => "missed-sailing",
        ReliabilityComponent.WeatherClosure => "weather-closure",
        _ => "shock",
    };

    /// <summary>Parses a component word.</summary>
    public static bool TryParseComponent(string word, out ReliabilityComponent component)
    {
        foreach (var c in Enum.GetValues<ReliabilityComponent>())
        {
            if (string.Equals(Of(c), word, StringComparison.Ordinal))
            {
                component = c;
                return true;
            }
        }

        component = default;
        return false;
    }

    /// <summary>Parses a scope word (<c>all</c>, <c>node</c>, <c>node-kind</c>, <c>country</c>, <c>leg</c>, <c>mode</c>, <c>sea</c>).</summary>
    public static bool TryParseScope(string word, out RuleScope scope)
    {
        scope = word switch
        {
            "all" => RuleScope.All,
            "node" => RuleScope.Node,
            "node-kind" => RuleScope.NodeKind,
            "country" => RuleScope.Country,
            "leg" => RuleScope.Leg,
            "mode" => RuleScope.Mode,
            "sea" => RuleScope.Sea,
            _ => (RuleScope)(-1),
        };
        return (int)scope >= 0;
    }
}

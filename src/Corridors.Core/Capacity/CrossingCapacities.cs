namespace Corridors.Capacity;

/// <summary>
/// TEU per year each directed Caspian crossing can carry in one network year at one sea level: the crossing
/// simulation's own capacity model (each vessel's payload at the allowed draft, over its round trips), keyed by leg id
/// and the node the edge leaves. <see cref="CorridorCapacities.Freeze"/> puts them on the matching edges in place of
/// the legs' own (absent) capacity columns. Immutable.
/// </summary>
public sealed class CrossingCapacities
{
    private readonly Dictionary<(string Leg, string From), double> _teu;

    /// <summary>Capacities of a year at a sea level.</summary>
    /// <param name="year">Network year.</param>
    /// <param name="seaLevelM">Sea level, m BS, the payloads were computed at.</param>
    /// <param name="source">Where the figures come from (for documents).</param>
    /// <param name="teuPerYear">TEU a year by (leg id, from node id); a repeated key adds up (lines sharing a leg).</param>
    public CrossingCapacities(int year, double seaLevelM, string source, IEnumerable<KeyValuePair<(string Leg, string From), double>> teuPerYear)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(teuPerYear);
        Year = year;
        SeaLevelM = seaLevelM;
        Source = source;
        _teu = [];
        foreach (var (key, teu) in teuPerYear)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(teu);
            _teu[key] = _teu.GetValueOrDefault(key) + teu;
        }
    }

    /// <summary>Network year.</summary>
    public int Year { get; }

    /// <summary>Sea level, m BS.</summary>
    public double SeaLevelM { get; }

    /// <summary>Where the figures come from.</summary>
    public string Source { get; }

    /// <summary>The directed crossings, (leg id, from node id) → TEU a year.</summary>
    public IReadOnlyDictionary<(string Leg, string From), double> TeuPerYear => _teu;

    /// <summary>The capacity of the edge of <paramref name="leg"/> that leaves <paramref name="from"/>, if it is a simulated crossing.</summary>
    public bool TryGet(string leg, string from, out double teuPerYear) => _teu.TryGetValue((leg, from), out teuPerYear);
}

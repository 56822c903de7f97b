namespace Corridors.Assignment;

/// <summary>Origin–destination demand between the zones of a <see cref="TrafficNetwork"/>, dense by zone pair.</summary>
public sealed class TripTable
{
    private readonly double[] _demand;

    /// <summary>Creates an empty table over <paramref name="zoneCount"/> zones.</summary>
    public TripTable(int zoneCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(zoneCount);
        ZoneCount = zoneCount;
        _demand = new double[(long)zoneCount * zoneCount];
    }

    /// <summary>Number of zones.</summary>
    public int ZoneCount { get; }

    /// <summary>Demand from zone <paramref name="origin"/> to zone <paramref name="destination"/> (0-based).</summary>
    public double this[int origin, int destination]
    {
        get => _demand[origin * ZoneCount + destination];
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _demand[origin * ZoneCount + destination] = value;
        }
    }

    /// <summary>Demand row of one origin.</summary>
    public ReadOnlySpan<double> Row(int origin) => _demand.AsSpan(origin * ZoneCount, ZoneCount);

    /// <summary>Sum of all demand.</summary>
    public double Total
    {
        get
        {
            var sum = 0.0;
            foreach (var q in _demand)
            {
                sum += q;
            }

            return sum;
        }
    }
}

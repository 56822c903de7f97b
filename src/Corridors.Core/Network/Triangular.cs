namespace Corridors.Network;

/// <summary>A triangular distribution given by minimum, mode and maximum (all in the same unit).</summary>
/// <param name="Min">Lower bound.</param>
/// <param name="Mode">Most likely value.</param>
/// <param name="Max">Upper bound.</param>
public readonly record struct Triangular(double Min, double Mode, double Max)
{
    /// <summary>A degenerate distribution at <paramref name="value"/>.</summary>
    public static Triangular Fixed(double value) => new(value, value, value);

    /// <summary>Mean (min + mode + max) / 3.</summary>
    public double Mean => (Min + Mode + Max) / 3.0;

    /// <summary>True when min ≤ mode ≤ max and all are finite.</summary>
    public bool IsValid => double.IsFinite(Min) && double.IsFinite(Max) && Min <= Mode && Mode <= Max;

    /// <summary>Inverse CDF: the value with cumulative probability <paramref name="u"/> in [0, 1].</summary>
    public double Quantile(double u)
    {
        var range = Max - Min;
        if (range <= 0)
        {
            return Mode;
        }

        var split = (Mode - Min) / range;
        return u < split
            ? Min + Math.Sqrt(u * range * (Mode - Min))
            : Max - Math.Sqrt((1 - u) * range * (Max - Mode));
    }
}

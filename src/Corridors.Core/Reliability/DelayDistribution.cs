using System.Globalization;
using System.Runtime.CompilerServices;

namespace Corridors.Reliability;

/// <summary>Shape of a <see cref="DelayDistribution"/>.</summary>
public enum DistributionKind : byte
{
    /// <summary>Always the same value (<c>A</c>).</summary>
    Fixed,

    /// <summary>Uniform on [<c>A</c>, <c>B</c>].</summary>
    Uniform,

    /// <summary>Triangular with minimum <c>A</c>, mode <c>B</c>, maximum <c>C</c>.</summary>
    Triangular,

    /// <summary>Lognormal: <c>exp(A + B·Z)</c> with Z standard normal (A = ln median, B = σ).</summary>
    LogNormal,

    /// <summary>Exponential with mean <c>A</c>.</summary>
    Exponential,

    /// <summary>Normal with mean <c>A</c> and standard deviation <c>B</c> (unbounded; only for means far from 0).</summary>
    Normal,

    /// <summary>
    /// Wait until the next departure of a service whose headways are uniform on [<c>A</c>, <c>B</c>], for cargo
    /// arriving at a random moment (the residual life of a renewal process, so long headways are met more often).
    /// </summary>
    ResidualOfUniformHeadway,
}

/// <summary>
/// A non-negative delay distribution (hours, or a unitless factor) sampled by inverse CDF, so every draw costs
/// exactly one uniform number. Value type with no references: safe to copy into hot-loop arrays.
/// </summary>
/// <param name="Kind">Shape.</param>
/// <param name="A">First parameter (see <see cref="DistributionKind"/>).</param>
/// <param name="B">Second parameter.</param>
/// <param name="C">Third parameter.</param>
public readonly record struct DelayDistribution(DistributionKind Kind, double A, double B = 0, double C = 0)
{
    /// <summary>z such that Φ(z) = 0.95, to turn a 95th percentile into a lognormal σ.</summary>
    public const double Z95 = 1.6448536269514722;

    /// <summary>Zero delay.</summary>
    public static DelayDistribution Zero => new(DistributionKind.Fixed, 0);

    /// <summary>A fixed value.</summary>
    public static DelayDistribution Fixed(double value) => new(DistributionKind.Fixed, value);

    /// <summary>Uniform on [min, max].</summary>
    public static DelayDistribution Uniform(double min, double max) => new(DistributionKind.Uniform, min, max);

    /// <summary>Triangular (min, mode, max).</summary>
    public static DelayDistribution Triangular(double min, double mode, double max) =>
        new(DistributionKind.Triangular, min, mode, max);

    /// <summary>Lognormal given its median and 95th percentile (p95 ≥ median &gt; 0).</summary>
    public static DelayDistribution LogNormalFromMedianP95(double median, double p95) =>
        new(DistributionKind.LogNormal, Math.Log(median), Math.Log(p95 / median) / Z95);

    /// <summary>Exponential with the given mean.</summary>
    public static DelayDistribution Exponential(double mean) => new(DistributionKind.Exponential, mean);

    /// <summary>Normal with the given mean and standard deviation.</summary>
    public static DelayDistribution Normal(double mean, double sd) => new(DistributionKind.Normal, mean, sd);

    /// <summary>Residual wait for a service whose headway is uniform on [min, max] (see <see cref="DistributionKind.ResidualOfUniformHeadway"/>).</summary>
    public static DelayDistribution ResidualOfUniformHeadway(double min, double max) =>
        new(DistributionKind.ResidualOfUniformHeadway, min, max);

    /// <summary>True when the parameters describe a proper distribution.</summary>
    public bool IsValid => Kind switch
    {
        DistributionKind.Fixed => double.IsFinite(A),
        DistributionKind.Uniform or DistributionKind.ResidualOfUniformHeadway => double.IsFinite(A) && double.IsFinite(B) && A >= 0 && A <= B && B > 0,
        DistributionKind.Triangular => double.IsFinite(A) && double.IsFinite(C) && A <= B && B <= C,
        DistributionKind.LogNormal => double.IsFinite(A) && double.IsFinite(B) && B >= 0,
        DistributionKind.Exponential => double.IsFinite(A) && A >= 0,
        DistributionKind.Normal => double.IsFinite(A) && double.IsFinite(B) && B >= 0,
        _ => false,
    };

    /// <summary>Expected value.</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Fixed => A,
        DistributionKind.Uniform => (A + B) / 2,
        DistributionKind.Triangular => (A + B + C) / 3,
        DistributionKind.LogNormal => Math.Exp(A + (B * B / 2)),
        DistributionKind.Exponential => A,
        DistributionKind.Normal => A,
        DistributionKind.ResidualOfUniformHeadway => ResidualMoment(A, B, 1),
        _ => double.NaN,
    };

    /// <summary>Variance.</summary>
    public double Variance => Kind switch
    {
        DistributionKind.Fixed => 0,
        DistributionKind.Uniform => (B - A) * (B - A) / 12,
        DistributionKind.Triangular => ((A * A) + (B * B) + (C * C) - (A * B) - (A * C) - (B * C)) / 18,
        DistributionKind.LogNormal => (Math.Exp(B * B) - 1) * Math.Exp((2 * A) + (B * B)),
        DistributionKind.Exponential => A * A,
        DistributionKind.Normal => B * B,
        DistributionKind.ResidualOfUniformHeadway => ResidualMoment(A, B, 2) - (ResidualMoment(A, B, 1) * ResidualMoment(A, B, 1)),
        _ => double.NaN,
    };

    /// <summary>The distribution of <c>factor × X</c> (factor &gt; 0): rescales a unitless factor into hours.</summary>
    public DelayDistribution Scale(double factor) => Kind switch
    {
        DistributionKind.LogNormal => this with { A = A + Math.Log(factor) },
        DistributionKind.Normal => this with { A = A * factor, B = B * factor },
        _ => this with { A = A * factor, B = B * factor, C = C * factor },
    };

    /// <summary>
    /// The distribution scaled (<see cref="Scale(double)"/>) so that its mean is <paramref name="mean"/>: keeps the
    /// shape and the relative spread (coefficient of variation), e.g. a headway rule's spread applied to the mean
    /// headway of a service frequency. Every kind scales; the mean must be positive and finite, and so must this
    /// distribution's.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not positive and finite.</exception>
    /// <exception cref="InvalidOperationException">This distribution's mean is not positive and finite.</exception>
    public DelayDistribution ScaledToMean(double mean)
    {
        if (!double.IsFinite(mean) || mean <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The target mean must be a positive, finite number.");
        }

        var current = Mean;
        if (!double.IsFinite(current) || current <= 0)
        {
            throw new InvalidOperationException(Invariant($"Only a distribution with a positive, finite mean can be scaled to a mean; {this} has mean {current:G4}."));
        }

        return Scale(mean / current);
    }

    /// <summary>Inverse CDF: the value with cumulative probability <paramref name="u"/> in (0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Quantile(double u)
    {
        switch (Kind)
        {
            case DistributionKind.Fixed:
                return A;
            case DistributionKind.Uniform:
                return A + (u * (B - A));
            case DistributionKind.Triangular:
                return TriangularQuantile(u);
            case DistributionKind.LogNormal:
                return Math.Exp(A + (B * StandardNormal.Quantile(u)));
            case DistributionKind.Exponential:
                return -A * Math.Log(1 - u);
            case DistributionKind.Normal:
                return A + (B * StandardNormal.Quantile(u));
            case DistributionKind.ResidualOfUniformHeadway:
                return ResidualQuantile(u);
            default:
                return double.NaN;
        }
    }

    /// <summary>Cumulative probability P(X ≤ x) (used by tests and reports; not on the hot path).</summary>
    public double Cdf(double x)
    {
        switch (Kind)
        {
            case DistributionKind.Fixed:
                return x >= A ? 1 : 0;
            case DistributionKind.Uniform:
                return Math.Clamp((x - A) / (B - A), 0, 1);
            case DistributionKind.Triangular:
                if (x <= A)
                {
                    return 0;
                }

                if (x >= C)
                {
                    return 1;
                }

                return x <= B
                    ? (x - A) * (x - A) / ((C - A) * (B - A))
                    : 1 - ((C - x) * (C - x) / ((C - A) * (C - B)));
            case DistributionKind.LogNormal:
                return x <= 0 ? 0 : StandardNormal.Cdf((Math.Log(x) - A) / B);
            case DistributionKind.Exponential:
                return x <= 0 ? 0 : 1 - Math.Exp(-x / A);
            case DistributionKind.Normal:
                return StandardNormal.Cdf((x - A) / B);
            case DistributionKind.ResidualOfUniformHeadway:
                var m = (A + B) / 2;
                if (x <= 0)
                {
                    return 0;
                }

                if (x <= A)
                {
                    return x / m;
                }

                return x >= B ? 1 : (A / m) + ((((B - A) * (B - A)) - ((B - x) * (B - x))) / (2 * (B - A) * m));
            default:
                return double.NaN;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        DistributionKind.Fixed => Invariant($"fixed {A:G4}"),
        DistributionKind.Uniform => Invariant($"uniform({A:G4}, {B:G4})"),
        DistributionKind.Triangular => Invariant($"triangular({A:G4}, {B:G4}, {C:G4})"),
        DistributionKind.LogNormal => Invariant($"lognormal(median {Math.Exp(A):G4}, σ {B:G4})"),
        DistributionKind.Exponential => Invariant($"exponential(mean {A:G4})"),
        DistributionKind.Normal => Invariant($"normal({A:G4}, sd {B:G4})"),
        DistributionKind.ResidualOfUniformHeadway => Invariant($"wait for headway uniform({A:G4}, {B:G4})"),
        _ => Kind.ToString(),
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double TriangularQuantile(double u)
    {
        var range = C - A;
        if (range <= 0)
        {
            return B;
        }

        var split = (B - A) / range;
        return u < split
            ? A + Math.Sqrt(u * range * (B - A))
            : C - Math.Sqrt((1 - u) * range * (C - B));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double ResidualQuantile(double u)
    {
        // Residual life W of a renewal process with headway H ~ U(a, b), mean m: density P(H > w) / m, i.e.
        // 1/m below a and (b - w) / ((b - a) m) between a and b. Inverting the CDF piecewise:
        var m = (A + B) / 2;
        var mu = m * u;
        if (mu <= A)
        {
            return mu;
        }

        var width = B - A;
        var rest = (width * width) - (2 * width * (mu - A));
        return B - Math.Sqrt(Math.Max(rest, 0));
    }

    private static double ResidualMoment(double a, double b, int k)
    {
        // E[W^k] = E[H^(k+1)] / ((k + 1) E[H]) for the residual life of a renewal process.
        var m = (a + b) / 2;
        double hk1;
        if (b - a < 1e-12 * Math.Max(1, b))
        {
            hk1 = Math.Pow(a, k + 1);
        }
        else
        {
            hk1 = (Math.Pow(b, k + 2) - Math.Pow(a, k + 2)) / ((k + 2) * (b - a));
        }

        return hk1 / ((k + 1) * m);
    }
}

/// <summary>The standard normal distribution: quantile (Acklam's rational approximation) and CDF.</summary>
public static class StandardNormal
{
    private const double Low = 0.02425;
    private const double High = 1 - Low;

    /// <summary>Φ⁻¹(p) for p in (0, 1); relative error below 1.2e-9 (P. J. Acklam, 2003).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Quantile(double p)
    {
        if (p < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return TailNumerator(q) / TailDenominator(q);
        }

        if (p > High)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -TailNumerator(q) / TailDenominator(q);
        }

        var x = p - 0.5;
        var r = x * x;
        return (((((((((((-3.969683028665376e+01 * r) + 2.209460984245205e+02) * r) - 2.759285104469687e+02) * r)
                       + 1.383577518672690e+02) * r) - 3.066479806614716e+01) * r) + 2.506628277459239e+00) * x)
               / (((((((((-5.447609879822406e+01 * r) + 1.615858368580409e+02) * r) - 1.556989798598866e+02) * r)
                     + 6.680131188771972e+01) * r) - 1.328068155288572e+01) * r + 1);
    }

    /// <summary>Φ(x), the standard normal CDF (via <see cref="Erfc"/>; absolute error below 1.2e-7).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>
    /// Complementary error function by the Chebyshev-fitted exponential of Numerical Recipes §6.2 (fractional
    /// error below 1.2e-7), enough for reporting probabilities and for tests with tolerances above 1e-6.
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -z * z - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
                   + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var ans = t * Math.Exp(poly);
        return x >= 0 ? ans : 2 - ans;
    }

    private static double TailNumerator(double q) =>
        (((((((((-7.784894002430293e-03 * q) - 3.223964580411365e-01) * q) - 2.400758277161838e+00) * q)
              - 2.549732539343734e+00) * q) + 4.374664141464968e+00) * q) + 2.938163982698783e+00;

    private static double TailDenominator(double q) =>
        (((((((7.784695709041462e-03 * q) + 3.224671290700398e-01) * q) + 2.445134137142996e+00) * q)
            + 3.754408661907416e+00) * q) + 1;
}

namespace Corridors.Assignment;

/// <summary>Algorithm for the user equilibrium.</summary>
public enum AssignmentMethod
{
    /// <summary>Plain Frank–Wolfe (link-based, all-or-nothing directions, exact line search); the baseline.</summary>
    FrankWolfe,

    /// <summary>Bi-conjugate Frank–Wolfe (Mitradjieva and Lindberg 2013), falling back to conjugate and plain steps.</summary>
    BiconjugateFrankWolfe,

    /// <summary>
    /// Path-based gradient projection (Jayakrishnan et al. 1994): per origin-destination path sets, Newton shifts
    /// from costlier paths to the cheapest one, link costs updated after each shift.
    /// </summary>
    GradientProjection,
}

/// <summary>When a user-equilibrium run stops.</summary>
/// <param name="Method">Algorithm.</param>
/// <param name="TargetGap">Stop when the relative gap falls to this value.</param>
/// <param name="MaxIterations">Stop after this many iterations.</param>
public sealed record AssignmentOptions(
    AssignmentMethod Method = AssignmentMethod.GradientProjection,
    double TargetGap = 1e-5,
    int MaxIterations = 1000);

/// <summary>Why a run stopped.</summary>
public enum AssignmentStatus
{
    /// <summary>The relative gap reached the target.</summary>
    Converged,

    /// <summary>The iteration limit came first.</summary>
    IterationLimit,

    /// <summary>Some demand has no path; the unreachable demand is left unassigned.</summary>
    Unreachable,
}

/// <summary>State after one iteration.</summary>
/// <param name="Iteration">1-based iteration number (iteration 0 is the initial all-or-nothing load).</param>
/// <param name="RelativeGap">1 − (shortest-path travel time / total system travel time).</param>
/// <param name="Beckmann">Value of the Beckmann objective.</param>
/// <param name="ElapsedSeconds">Seconds since the run started, from <see cref="System.Diagnostics.Stopwatch"/>.</param>
public readonly record struct AssignmentIteration(int Iteration, double RelativeGap, double Beckmann, double ElapsedSeconds);

/// <summary>Result of a user-equilibrium run; link arrays are in the order the links were given.</summary>
/// <param name="Status">Why the run stopped.</param>
/// <param name="Method">Algorithm used.</param>
/// <param name="Flow">Equilibrium flow per link.</param>
/// <param name="Cost">Link cost at that flow.</param>
/// <param name="Iterations">Gap by iteration.</param>
/// <param name="UnreachableDemand">Demand between zones with no path.</param>
public sealed record AssignmentResult(
    AssignmentStatus Status,
    AssignmentMethod Method,
    IReadOnlyList<double> Flow,
    IReadOnlyList<double> Cost,
    IReadOnlyList<AssignmentIteration> Iterations,
    double UnreachableDemand)
{
    /// <summary>Relative gap after the last iteration.</summary>
    public double RelativeGap => Iterations.Count == 0 ? double.NaN : Iterations[^1].RelativeGap;
}

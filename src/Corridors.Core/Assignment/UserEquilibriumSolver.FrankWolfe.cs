namespace Corridors.Assignment;

public sealed partial class UserEquilibriumSolver
{
    // A conjugate weight this close to 1 would make the new direction repeat the last one.
    private const double MaxConjugateWeight = 0.99;

    private double SolveFrankWolfe(RunContext context)
    {
        var m = _flow.Length;
        var target = new double[m];
        var direction = new double[m];
        var previous = new double[m];
        var beforePrevious = new double[m];
        var derivative = new double[m];
        var biconjugate = context.Options.Method == AssignmentMethod.BiconjugateFrankWolfe;

        Array.Clear(_flow);
        UpdateCosts();
        ShortestPathPass(context.Trips, _flow, out var unreachable);
        UpdateCosts();
        var previousStep = 1.0;
        var conjugateSteps = 0;
        for (var iteration = 0; ; iteration++)
        {
            var shortest = ShortestPathPass(context.Trips, target, out _);
            if (Record(context, iteration, RelativeGap(TotalTravelTime(), shortest)))
            {
                break;
            }

            // target holds the all-or-nothing flow y; turn it into the search target s.
            if (biconjugate)
            {
                for (var e = 0; e < m; e++)
                {
                    derivative[e] = _network.Derivative(e, _flow[e]);
                }

                conjugateSteps = ConjugateTarget(target, previous, beforePrevious, derivative, previousStep, conjugateSteps);
            }

            for (var e = 0; e < m; e++)
            {
                direction[e] = target[e] - _flow[e];
            }

            var step = LineSearch(direction);
            for (var e = 0; e < m; e++)
            {
                _flow[e] += step * direction[e];
            }

            UpdateCosts();
            previousStep = step;
            (beforePrevious, previous) = (previous, beforePrevious);
            target.CopyTo(previous, 0);
        }

        return unreachable;
    }

    /// <summary>
    /// Replaces the all-or-nothing flow in <paramref name="target"/> by a convex combination of it and the last
    /// two targets whose direction is conjugate (with respect to the diagonal Hessian) to the last two
    /// directions. Returns how many conjugate targets are now available (0, 1 or 2).
    /// </summary>
    private int ConjugateTarget(
        double[] target, double[] previous, double[] beforePrevious, double[] derivative, double previousStep, int available)
    {
        if (available == 0 || previousStep >= 1 - 1e-12)
        {
            return 1;
        }

        var x = _flow;
        if (available >= 2)
        {
            // Directions parallel to the last two: u1 = s1 − x, u2 = τ·s1 + (1 − τ)·s2 − x.
            // Solve uᵢᵀH(a + β1(b − a) + β2(c − a)) = 0 for a = y − x, b = s1 − x, c = s2 − x.
            double h1a = 0, h1b = 0, h1c = 0, h2a = 0, h2b = 0, h2c = 0;
            for (var e = 0; e < x.Length; e++)
            {
                var h = derivative[e];
                if (h == 0)
                {
                    continue;
                }

                var a = target[e] - x[e];
                var u1 = previous[e] - x[e];
                var u2 = previousStep * previous[e] + (1 - previousStep) * beforePrevious[e] - x[e];
                var ba = previous[e] - target[e];
                var ca = beforePrevious[e] - target[e];
                h1a += h * u1 * a;
                h1b += h * u1 * ba;
                h1c += h * u1 * ca;
                h2a += h * u2 * a;
                h2b += h * u2 * ba;
                h2c += h * u2 * ca;
            }

            var det = h1b * h2c - h1c * h2b;
            if (Math.Abs(det) > 1e-300)
            {
                var beta1 = (-h1a * h2c + h1c * h2a) / det;
                var beta2 = (-h1b * h2a + h1a * h2b) / det;
                var beta0 = 1 - beta1 - beta2;
                if (beta0 >= 1 - MaxConjugateWeight && beta1 >= 0 && beta2 >= 0)
                {
                    for (var e = 0; e < x.Length; e++)
                    {
                        target[e] = beta0 * target[e] + beta1 * previous[e] + beta2 * beforePrevious[e];
                    }

                    return 2;
                }
            }
        }

        // Conjugate Frank–Wolfe: s = α·s1 + (1 − α)·y with (s1 − x)ᵀH(s − x) = 0.
        double numerator = 0, denominator = 0;
        for (var e = 0; e < x.Length; e++)
        {
            var h = derivative[e];
            var u = previous[e] - x[e];
            numerator += h * u * (target[e] - x[e]);
            denominator += h * u * (target[e] - previous[e]);
        }

        var alpha = denominator != 0 ? numerator / denominator : 0;
        alpha = Math.Clamp(alpha, 0, MaxConjugateWeight);
        for (var e = 0; e < x.Length; e++)
        {
            target[e] = alpha * previous[e] + (1 - alpha) * target[e];
        }

        return 2;
    }

    /// <summary>Exact line search on the Beckmann objective along <paramref name="direction"/>, by bisection on its slope.</summary>
    private double LineSearch(ReadOnlySpan<double> direction)
    {
        if (Slope(direction, 1) <= 0)
        {
            return 1;
        }

        if (Slope(direction, 0) >= 0)
        {
            return 0;
        }

        double low = 0, high = 1;
        for (var i = 0; i < 60 && high - low > 1e-15; i++)
        {
            var mid = 0.5 * (low + high);
            if (Slope(direction, mid) < 0)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }

    private double Slope(ReadOnlySpan<double> direction, double step)
    {
        var sum = 0.0;
        for (var e = 0; e < direction.Length; e++)
        {
            var d = direction[e];
            if (d != 0)
            {
                sum += d * _network.Cost(e, _flow[e] + step * d);
            }
        }

        return sum;
    }
}

using Corridors.Assignment;

namespace Corridors.Tests.Assignment;

public sealed class DelayCurveTests
{
    private static readonly DelayCurve Curve = new([(10, 2), (20, 2), (30, 6), (40, 5)]);

    [Fact]
    public void Hours_interpolate_hold_below_the_first_point_extend_beyond_the_last_and_never_fall()
    {
        Curve.Hours(0).ShouldBe(2);
        Curve.Hours(15).ShouldBe(2);
        Curve.Hours(25).ShouldBe(4);
        Curve.Hours(40).ShouldBe(6); // the dip to 5 is lifted to 6 (nondecreasing)
        Curve.Hours(50).ShouldBe(6); // last segment flat after the lift
        new DelayCurve([(0, 1), (10, 3)]).Hours(20).ShouldBe(5);
        var previous = 0.0;
        for (var f = 0.0; f <= 60; f += 0.5)
        {
            Curve.Hours(f).ShouldBeGreaterThanOrEqualTo(previous);
            previous = Curve.Hours(f);
        }
    }

    [Fact]
    public void Derivative_and_integral_agree_with_the_hours()
    {
        var curve = new DelayCurve([(5, 1), (15, 4), (40, 10)]);
        const double h = 1e-4;
        foreach (var f in new[] { 0.0, 3, 7.5, 14, 20, 39, 55 })
        {
            ((curve.Integral(f + h) - curve.Integral(f)) / h).ShouldBe(curve.Hours(f), 1e-3);
            ((curve.Hours(f + h) - curve.Hours(f)) / h).ShouldBe(curve.Derivative(f), 1e-6);
        }

        // ∫0..40: 1×5 + (1+4)/2×10 + (4+10)/2×25 = 5 + 25 + 175.
        curve.Integral(40).ShouldBe(205, 1e-9);
    }

    [Fact]
    public void A_link_with_a_delay_curve_reaches_the_equilibrium_of_its_cost()
    {
        // Link 0 costs 10 h plus the curve (0 h up to 10 units, +1 h per unit beyond); link 1 costs 15 h flat.
        // 30 units: link 0 carries 15 (10 + 5 = 15), link 1 the other 15.
        var network = TrafficNetwork.Create(2, 2, 0,
        [
            new TrafficLink(0, 1, 1, 0, 10, 0, 0, 0, new DelayCurve([(10, 0), (20, 10)])),
            new TrafficLink(0, 1, 1, 0, 15, 0, 0),
        ]);
        var trips = new TripTable(2) { [0, 1] = 30 };
        foreach (var method in new[] { AssignmentMethod.FrankWolfe, AssignmentMethod.GradientProjection })
        {
            var result = new UserEquilibriumSolver(network).Solve(trips, new AssignmentOptions(method, 1e-9, 2000), cancellationToken: TestContext.Current.CancellationToken);
            result.Flow[0].ShouldBe(15, 1e-3);
            result.Cost[0].ShouldBe(15, 1e-3);
        }
    }

    [Fact]
    public void Bad_points_are_refused()
    {
        Should.Throw<ArgumentException>(() => new DelayCurve([]));
        Should.Throw<ArgumentException>(() => new DelayCurve([(1, 1), (1, 2)]));
        Should.Throw<ArgumentException>(() => new DelayCurve([(-1, 1)]));
        Should.Throw<ArgumentException>(() => new DelayCurve([(1, double.NaN)]));
    }
}

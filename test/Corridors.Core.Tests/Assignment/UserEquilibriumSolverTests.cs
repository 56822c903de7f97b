using Corridors.Assignment;

namespace Corridors.Tests.Assignment;

public sealed class UserEquilibriumSolverTests
{
    // Two parallel links 0→1 with linear costs (power 1) so the equilibrium is known: t1 = 10 + v1, t2 = 20 + v2;
    // 30 units → 10 + v1 = 20 + v2 and v1 + v2 = 30 → v1 = 20, v2 = 10.
    private static TrafficNetwork TwoRoutes() => TrafficNetwork.Create(2, 2, 0,
    [
        new TrafficLink(0, 1, Capacity: 10, Length: 0, FreeFlowTime: 10, B: 1, Power: 1),
        new TrafficLink(0, 1, Capacity: 20, Length: 0, FreeFlowTime: 20, B: 1, Power: 1),
    ]);

    [Theory]
    [InlineData(AssignmentMethod.FrankWolfe)]
    [InlineData(AssignmentMethod.BiconjugateFrankWolfe)]
    [InlineData(AssignmentMethod.GradientProjection)]
    public void Solve_TwoParallelLinks_EqualisesCosts(AssignmentMethod method)
    {
        var trips = new TripTable(2) { [0, 1] = 30 };

        var result = new UserEquilibriumSolver(TwoRoutes()).Solve(trips, new AssignmentOptions(method, 1e-9, 1000), cancellationToken: TestContext.Current.CancellationToken);

        result.Flow[0].ShouldBe(20, 1e-4);
        result.Flow[1].ShouldBe(10, 1e-4);
        result.Cost[0].ShouldBe(result.Cost[1], 1e-4);
        result.Status.ShouldBe(AssignmentStatus.Converged);
    }

    [Fact]
    public void Solve_ZoneNodeBeforeFirstThroughNode_IsNotPassedThrough()
    {
        // 0 → 1 → 2 is short but node 1 is a zone below the first through node; 0 → 3 → 2 must carry everything.
        var network = TrafficNetwork.Create(4, 3, 3,
        [
            new TrafficLink(0, 1, 1, 0, 1, 0, 0),
            new TrafficLink(1, 2, 1, 0, 1, 0, 0),
            new TrafficLink(0, 3, 1, 0, 5, 0, 0),
            new TrafficLink(3, 2, 1, 0, 5, 0, 0),
        ]);
        var trips = new TripTable(3) { [0, 2] = 7 };

        var result = new UserEquilibriumSolver(network).Solve(trips, new AssignmentOptions(), cancellationToken: TestContext.Current.CancellationToken);

        result.Flow.ShouldBe([0, 0, 7, 7]);
    }

    [Fact]
    public void Solve_DisconnectedPair_ReportsUnreachableDemand()
    {
        var network = TrafficNetwork.Create(3, 3, 0, [new TrafficLink(0, 1, 1, 0, 1, 0, 0)]);
        var trips = new TripTable(3) { [0, 1] = 2, [0, 2] = 5 };

        var result = new UserEquilibriumSolver(network).Solve(trips, new AssignmentOptions(), cancellationToken: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(AssignmentStatus.Unreachable);
        result.UnreachableDemand.ShouldBe(5);
        result.Flow.ShouldBe([2.0]);
    }
}

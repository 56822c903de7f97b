using Corridors.Assignment;
using Corridors.Data.Tntp;
using Corridors.Diagnostics;

namespace Corridors.Tests.Tntp;

public sealed class TntpBenchmarkTests
{
    // The TNTP networks are kept outside the repository (../shared/benchmarks/tntp, see its README); the
    // variable lets a checkout elsewhere point at them.
    private static string Folder =>
        Environment.GetEnvironmentVariable("CORRIDORS_TNTP") ?? Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "benchmarks", "tntp"));

    [Theory]
    [InlineData(AssignmentMethod.GradientProjection)]
    [InlineData(AssignmentMethod.BiconjugateFrankWolfe)]
    public void Solve_SiouxFalls_MatchesBestKnownFlowsWithinHalfAPercent(AssignmentMethod method)
    {
        var dir = Path.Combine(Folder, "SiouxFalls");
        var net = TntpReader.ReadNetwork(Path.Combine(dir, "SiouxFalls_net.tntp"));
        var trips = TntpReader.ReadTrips(Path.Combine(dir, "SiouxFalls_trips.tntp"), net.Network.ZoneCount);
        var best = TntpReader.ReadFlows(Path.Combine(dir, "SiouxFalls_flow.tntp"));

        var result = new UserEquilibriumSolver(net.Network).Solve(trips, new AssignmentOptions(method, 1e-6, 5000), cancellationToken: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(AssignmentStatus.Converged);
        result.RelativeGap.ShouldBeLessThanOrEqualTo(1e-6);
        best.Count.ShouldBe(net.Links.Count);
        var max = best.Max(b => b.Volume);
        for (var i = 0; i < best.Count; i++)
        {
            (net.Links[i].From + 1, net.Links[i].To + 1).ShouldBe((best[i].From, best[i].To));
            if (best[i].Volume >= 0.01 * max)
            {
                (Math.Abs(result.Flow[i] - best[i].Volume) / best[i].Volume).ShouldBeLessThan(0.005, $"link {best[i].From}->{best[i].To}");
            }
        }
    }

    [Fact]
    public void Solve_SiouxFalls_GapNeverRisesMuchAndFlowIsConserved()
    {
        var dir = Path.Combine(Folder, "SiouxFalls");
        var net = TntpReader.ReadNetwork(Path.Combine(dir, "SiouxFalls_net.tntp"));
        var trips = TntpReader.ReadTrips(Path.Combine(dir, "SiouxFalls_trips.tntp"), net.Network.ZoneCount);

        var result = new UserEquilibriumSolver(net.Network).Solve(trips, new AssignmentOptions(AssignmentMethod.GradientProjection, 1e-8, 200), cancellationToken: TestContext.Current.CancellationToken);

        // Every zone sends its row total and receives its column total; other nodes balance.
        var balance = new double[net.Network.NodeCount];
        for (var i = 0; i < net.Links.Count; i++)
        {
            balance[net.Links[i].From] += result.Flow[i];
            balance[net.Links[i].To] -= result.Flow[i];
        }

        for (var z = 0; z < trips.ZoneCount; z++)
        {
            var sent = 0.0;
            var received = 0.0;
            for (var other = 0; other < trips.ZoneCount; other++)
            {
                sent += other == z ? 0 : trips[z, other];
                received += other == z ? 0 : trips[other, z];
            }

            balance[z].ShouldBe(sent - received, 1e-6 * trips.Total);
        }

        result.Iterations[^1].Beckmann.ShouldBeLessThanOrEqualTo(result.Iterations[0].Beckmann);
    }

    [Fact]
    public void ReadNetwork_BadFields_ReportsEveryProblemWithLineAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), "corridors-tntp-" + Guid.NewGuid().ToString("N") + "_net.tntp");
        File.WriteAllText(path, """
            <NUMBER OF ZONES> 2
            <NUMBER OF NODES> 3
            <FIRST THRU NODE> 1
            <NUMBER OF LINKS> 2
            <END OF METADATA>
            ~ init term capacity length fft b power
            	1	2	100	1	x	0.15	4	;
            	2	9	100	1	1	0.15	4	;
            """);
        try
        {
            var error = Should.Throw<InputDataException>(() => TntpReader.ReadNetwork(path));

            error.Diagnostics.Select(d => (d.Code, d.Line, d.Column)).ShouldBe([("CORR0705", 7, 12), ("CORR0709", 8, 4)]);
            error.Diagnostics[0].Message.ShouldBe("free_flow_time must be a non-negative number, not 'x'.");
            error.Diagnostics[1].Message.ShouldBe("Node '9' must be an integer in 1..3.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadTrips_EntryWithoutColon_ReportsItsColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), "corridors-tntp-" + Guid.NewGuid().ToString("N") + "_trips.tntp");
        File.WriteAllText(path, "<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n    1 :  0.0;    2  5.0;\n");
        try
        {
            var error = Should.Throw<InputDataException>(() => TntpReader.ReadTrips(path, 2));

            error.Diagnostics.Single().ToString().ShouldStartWith($"{path}(4,18): error CORR0707: Expected 'destination : demand', found '2  5.0'.");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using Corridors.Application.Workspace;
using Corridors.Diagnostics;

namespace Corridors.Tests.Workspace;

public sealed class CorridorsWorkspaceTests
{
    [Fact]
    public void Snapshot_AskedFromManyThreads_IsBuiltOnceAndShared()
    {
        var workspace = new CorridorsWorkspace(new WorkspaceOptions { DataDirectory = RepoPaths.MinimalData });

        var snapshots = new NetworkSnapshot[16];
        Parallel.For(0, snapshots.Length, i => snapshots[i] = workspace.Snapshot(2026));

        snapshots.ShouldAllBe(s => ReferenceEquals(s, snapshots[0]));
        workspace.Snapshot(2030).ShouldNotBeSameAs(snapshots[0]);
        workspace.Snapshot(2030).Year.ShouldBe(2030);
    }

    [Fact]
    public void RentRouter_ConcurrentCalls_EachGetItsOwnRouterAndTheSameAnswer()
    {
        var workspace = TestWorkspaces.Bundled();
        var snapshot = workspace.Snapshot(2026);
        var resolved = Application.Requests.RouteQueryResolver.Resolve(new() { From = "Xian", To = "Duisburg", Depart = "2026-03-03" }, workspace).Value;

        var hours = new double[32];
        Parallel.For(0, hours.Length, i =>
        {
            using var lease = snapshot.RentRouter();
            hours[i] = lease.Router.Compare(resolved.Query).Routes[0].Totals.Hours;
        });

        hours.ShouldAllBe(h => h == hours[0]);
    }

    [Fact]
    public void Snapshot_BadData_ThrowsEveryTimeWithTheDiagnostics()
    {
        var dir = RepoPaths.MinimalDataCopy();
        File.AppendAllText(Path.Combine(dir, "legs.csv"), "R-BAD,CN-XIAN,NOWHERE,rail,100,,,,,,,,,,,source\n");
        var workspace = new CorridorsWorkspace(new WorkspaceOptions { DataDirectory = dir });

        var first = Should.Throw<InputDataException>(() => workspace.Snapshot(2026));
        var second = Should.Throw<InputDataException>(() => workspace.Snapshot(2026));

        first.ErrorCount.ShouldBeGreaterThan(0);
        second.Diagnostics.Count.ShouldBe(first.Diagnostics.Count);
    }

    [Fact]
    public void Snapshot_UnknownScenario_IsAnArgumentError()
    {
        var workspace = new CorridorsWorkspace(new WorkspaceOptions { DataDirectory = RepoPaths.MinimalData });

        Should.Throw<ArgumentException>(() => workspace.Snapshot(2026, "mars")).Message.ShouldStartWith("Unknown scenario 'mars'");
    }
}

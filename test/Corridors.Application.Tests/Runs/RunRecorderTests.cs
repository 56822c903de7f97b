using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Runs;
using Corridors.Application.Services;
using Corridors.Application.Workspace;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Tests.Runs;

public sealed class RunRecorderTests
{
    [Fact]
    public void Record_StoresExactlyTheReturnedTextWithSeedYearFingerprintAndClockTime()
    {
        var store = Path.Combine(Path.GetTempPath(), "corridors-app-store-" + Guid.NewGuid().ToString("N") + ".db");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var workspace = TestWorkspaces.Bundled(clock, store);
        var answer = new RouteService(workspace).Compare(new CompareRequest(new RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = "2026-03-03" }), TestContext.Current.CancellationToken).Value;

        var recorded = workspace.Runs.Record(new RunInfo("compare", "--from Xian --to Duisburg", answer.Snapshot.Year, 7), answer.Document);

        recorded.Json.ShouldBe(ContractJson.Serialize(answer.Document));
        using var opened = workspace.Runs.Open();
        opened.TryGet(recorded.RunId!.Value, out var run).ShouldBeTrue();
        run.Record.ResultJson.ShouldBe(recorded.Json);
        run.Record.Seed.ShouldBe(7);
        run.Record.Year.ShouldBe(2026);
        run.Record.DataFingerprint.ShouldBe(workspace.DataFingerprint);
        run.CreatedUtc.ShouldBe(clock.GetUtcNow());
    }

    [Fact]
    public void Record_NoStore_ReturnsTheTextAndNoId()
    {
        var workspace = new CorridorsWorkspace(new WorkspaceOptions { DataDirectory = RepoPaths.MinimalData });

        var recorded = workspace.Runs.Record(new RunInfo("network", string.Empty, 2026, null), new { a = 1 });

        recorded.RunId.ShouldBeNull();
        recorded.Json.ShouldBe("{\n  \"a\": 1\n}");
    }
}

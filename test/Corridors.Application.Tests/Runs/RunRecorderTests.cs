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
    public async Task RecordJsonAsync_ManyAtOnce_EachIdIsAStoredRunAndCloseKeepsThemAll()
    {
        // Given a shared workspace and 200 concurrent writers (the API's requests)
        var store = Path.Combine(Path.GetTempPath(), "corridors-app-store-" + Guid.NewGuid().ToString("N") + ".db");
        var workspace = TestWorkspaces.Bundled(TimeProvider.System, store);

        // When each records a run through the group-commit writer
        var recorded = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            workspace.Runs.RecordJsonAsync(new RunInfo("route", i.ToString(System.Globalization.CultureInfo.InvariantCulture), 2026, null), $"{{\"i\":{i}}}", Data.Store.RunStatus.Succeeded))));

        // Then every id it was given is a stored run with its own text, and closing (the host stopping) keeps them all
        recorded.Select(r => r.RunId).Distinct().Count().ShouldBe(200);
        var store1 = workspace.Runs.Open();
        for (var i = 0; i < recorded.Length; i++)
        {
            store1.TryGet(recorded[i].RunId!.Value, out var run).ShouldBeTrue();
            run.Record.ResultJson.ShouldBe($"{{\"i\":{i}}}");
            run.Record.Arguments.ShouldBe(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        workspace.Runs.Close();
        using var reopened = Data.Store.SqliteRunStore.Open(store);
        reopened.List(limit: 1000).Count.ShouldBe(200);
        (await workspace.Runs.RecordJsonAsync(new RunInfo("route", "after close", 2026, null), "{}", Data.Store.RunStatus.Succeeded)).RunId.ShouldNotBeNull();
        workspace.Runs.Close();
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

using System.Text.Json;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Application.Workspace;
using Corridors.Data.Snapshot;
using Microsoft.Extensions.Logging;

namespace Corridors.Tests.Workspace;

/// <summary>The binary snapshot of the validated network and the sea graph (issue 16, start-up).</summary>
public sealed class DataSnapshotTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "corridors-snapshot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public void FirstLoad_WritesTheSnapshot_AndASecondWorkspaceReadsTheSameDefinitionAndSeaGraph()
    {
        var fresh = Open(null, out _);
        var first = Open(_cache, out var firstLog);
        var expected = Everything(fresh);

        Everything(first).ShouldBe(expected);
        var file = Directory.GetFiles(_cache, "data-*.bin").ShouldHaveSingleItem();
        file.ShouldBe(DataSnapshotCache.FilePath(_cache, first.DataFingerprint));
        var written = File.GetLastWriteTimeUtc(file);

        var second = Open(_cache, out var secondLog);
        Everything(second).ShouldBe(expected);
        File.GetLastWriteTimeUtc(file).ShouldBe(written);
        firstLog.ShouldNotContain(m => m.Contains("CORR0170"));
        secondLog.ShouldNotContain(m => m.Contains("CORR0170"));

        // The snapshot alone, without the data directory, is the whole definition and sea graph: nothing is parsed.
        DataSnapshotCache.TryRead(_cache, first.DataFingerprint, out var stored, out var problem).ShouldBeTrue();
        problem.ShouldBeNull();
        stored.Definition.Nodes.Count.ShouldBe(fresh.Definition.Nodes.Count);
        stored.Sea.ShouldNotBeNull().Graph.ShouldNotBeNull().EdgeCount.ShouldBe(fresh.Sea.Graph.EdgeCount);
    }

    [Fact]
    public void DefinitionRoundTrip_KeepsEveryPublicMember()
    {
        var fresh = Open(null, out _);
        Open(_cache, out _).Definition.ShouldNotBeNull();
        DataSnapshotCache.TryRead(_cache, fresh.DataFingerprint, out var stored, out _).ShouldBeTrue();

        // Reflection over every public property and field of every table row: a property added to a record but not to
        // the snapshot's reader and writer shows up here.
        var options = new JsonSerializerOptions { IncludeFields = true, WriteIndented = true };
        JsonSerializer.Serialize(stored.Definition, options).ShouldBe(JsonSerializer.Serialize(fresh.Definition, options));
        stored.Diagnostics.Count.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void DamagedSnapshot_IsReportedOnce_DiscardedAndRebuilt(string damage)
    {
        var expected = Everything(Open(_cache, out _));
        var file = Directory.GetFiles(_cache, "data-*.bin").ShouldHaveSingleItem();
        var bytes = File.ReadAllBytes(file);
        var original = (byte[])bytes.Clone();
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
                break;
            case "flipped":
                bytes[bytes.Length / 3] ^= 0x5A;
                File.WriteAllBytes(file, bytes);
                break;
            case "empty":
                File.WriteAllBytes(file, []);
                break;
            default:
                File.WriteAllText(file, "not a snapshot at all, just some text");
                break;
        }

        var damaged = Open(_cache, out var log);
        Everything(damaged).ShouldBe(expected);
        log.Count(m => m.Contains("warning CORR0170")).ShouldBe(1);
        log.ShouldContain(m => m.Contains("discarded and is rebuilt"));

        // Rewritten: the next workspace reads it without a word.
        File.ReadAllBytes(file).ShouldBe(original);
        var next = Open(_cache, out var nextLog);
        Everything(next).ShouldBe(expected);
        nextLog.ShouldNotContain(m => m.Contains("CORR0170"));
    }

    [Fact]
    public void ChangedData_IsANewSnapshot_NeverTheStaleOne()
    {
        var dir = RepoPaths.MinimalDataCopy();
        var before = Open(_cache, out _, dir);
        before.Definition.Nodes.Count.ShouldBeGreaterThan(0);
        var oldFile = Directory.GetFiles(_cache, "data-*.bin").ShouldHaveSingleItem();

        File.WriteAllText(Path.Combine(dir, "README.extra.txt"), "changes the fingerprint\n");
        var after = Open(_cache, out _, dir);

        after.DataFingerprint.ShouldNotBe(before.DataFingerprint);
        after.Definition.Nodes.Count.ShouldBe(before.Definition.Nodes.Count);
        Directory.GetFiles(_cache, "data-*.bin").Length.ShouldBe(2);
        File.Exists(oldFile).ShouldBeTrue();
    }

    [Fact]
    public void BadData_WritesNoSnapshot_AndThrowsAsWithout()
    {
        var dir = RepoPaths.MinimalDataCopy();
        File.AppendAllText(Path.Combine(dir, "legs.csv"), "R-BAD,CN-XIAN,NOWHERE,rail,100,,,,,,,,,,,source\n");
        var workspace = Open(_cache, out _, dir);

        Should.Throw<Diagnostics.InputDataException>(() => workspace.Definition).ErrorCount.ShouldBeGreaterThan(0);
        Should.Throw<Diagnostics.InputDataException>(() => workspace.Snapshot(2026));
        (Directory.Exists(_cache) ? Directory.GetFiles(_cache, "data-*.bin") : []).ShouldBeEmpty();
    }

    private static CorridorsWorkspace Open(string? cache, out List<string> log, string? data = null)
    {
        var messages = new List<string>();
        log = messages;
        return new CorridorsWorkspace(new WorkspaceOptions
        {
            DataDirectory = data ?? RepoPaths.Data,
            CacheDirectory = cache,
            LoggerFactory = new ListLoggerFactory(messages),
        });
    }

    /// <summary>A fingerprint of what the workspace loaded: the definition, a sea route and a corridor comparison.</summary>
    private static string Everything(CorridorsWorkspace workspace)
    {
        var sea = new SeaService(workspace).Route(new SeaRequest("Shanghai", "Rotterdam", new SeaRouteOptions())).Value;
        var route = new RouteService(workspace).Compare(new CompareRequest(new RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = "2026-03-03" }));
        var options = new JsonSerializerOptions { IncludeFields = true };
        return string.Join('\n',
            JsonSerializer.Serialize(workspace.Definition.Legs.Select(l => (l.Id, l.DistanceKm, l.Hours, l.Passages)), options),
            ContractJson.Serialize(sea),
            route.IsValid ? ContractJson.Serialize(route.Value.Document) : string.Join(';', route.Problems));
    }

    private sealed class ListLoggerFactory(List<string> messages) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(messages);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(List<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (messages)
                {
                    messages.Add(formatter(state, exception));
                }
            }
        }
    }
}

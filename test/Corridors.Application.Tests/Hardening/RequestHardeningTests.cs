using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Application.Workspace;

namespace Corridors.Tests.Hardening;

/// <summary>
/// Issue 10 at the application layer, where the coming HTTP API meets the same checks as the CLI: problems are
/// values with a field and a sentence, never exceptions.
/// </summary>
public sealed class RequestHardeningTests
{
    private static CorridorsWorkspace Minimal(string? store = null) => new(new WorkspaceOptions { DataDirectory = RepoPaths.MinimalData, Store = store is null ? null : Corridors.Data.Store.RunStoreOptions.Sqlite(store) });

    [Fact]
    public void RunsList_StoreIsADirectory_IsAStoreProblemNamingThePath()
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-app-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);

        var outcome = new RunsService(Minimal(dir)).List(new RunListRequest());

        outcome.IsValid.ShouldBeFalse();
        outcome.Problems.ShouldHaveSingleItem().ShouldBe(new RequestProblem("store", $"The run store '{dir}' cannot be opened: it is a directory."));
    }

    [Fact]
    public void RunsList_NoStoreAndBadLimit_ListsTheLimitProblemFirst()
    {
        var outcome = new RunsService(Minimal()).List(new RunListRequest(0));

        outcome.Problems.Select(p => p.Field).ShouldBe(["limit"]);
        outcome.Problems[0].Message.ShouldBe("The number of runs to list must be between 1 and 10000.");
    }

    [Fact]
    public void RunsShow_UnknownId_IsAnIdProblem()
    {
        var store = Path.Combine(Path.GetTempPath(), "corridors-app-" + Guid.NewGuid().ToString("N") + ".db");

        var outcome = new RunsService(Minimal(store)).Show(new RunShowRequest(42));

        outcome.Problems.ShouldHaveSingleItem().ShouldBe(new RequestProblem("id", $"There is no run 42 in {store}."));
    }

    [Theory]
    [InlineData("", null, "dataDirectory", "The data directory is empty.")]
    [InlineData("data", " ", "storePath", "The run store path is empty.")]
    [InlineData("da\0ta", null, "dataDirectory", "The data directory 'da\\u0000ta' is not a valid path.")]
    public void WorkspaceOptions_EmptyOrInvalidPath_IsAProblem(string data, string? store, string field, string message)
    {
        var problems = new WorkspaceOptions { DataDirectory = data, Store = store is null ? null : Corridors.Data.Store.RunStoreOptions.Sqlite(store) }.Problems();

        problems.ShouldHaveSingleItem().ShouldBe(new RequestProblem(field, message));
    }

    [Fact]
    public void Validate_EmptyDirectory_IsAProblemNotAnException()
    {
        var outcome = NetworkService.Validate("  ");

        outcome.Problems.ShouldHaveSingleItem().ShouldBe(new RequestProblem("directory", "The data directory is empty."));
    }

    [Fact]
    public void Sea_MillionCharacterPort_IsRefusedBeforeSuggestions()
    {
        var workspace = TestWorkspaces.Bundled();
        var name = new string('p', 1_000_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var outcome = new SeaService(workspace).Batch(new SeaBatchRequest([new SeaPair(name, "NLRTM"), new SeaPair("NLRTM", name)], new SeaRouteOptions()));

        outcome.Problems.ShouldBe([
            new RequestProblem("pairs[0].from", "A port name is longer than 200 characters."),
            new RequestProblem("pairs[1].to", "A port name is longer than 200 characters."),
        ]);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData(0.5, "knots", "The speed must be at least 1 and at most 60 knots.")]
    [InlineData(double.NaN, "knots", "The speed must be at least 1 and at most 60 knots.")]
    [InlineData(1e-308, "knots", "The speed must be at least 1 and at most 60 knots.")]
    public void Sea_SpeedThatMakesTimesInfinite_IsAProblem(double knots, string field, string message)
    {
        var outcome = new SeaService(TestWorkspaces.Bundled()).Route(new SeaRequest("CNSHA", "NLRTM", new SeaRouteOptions { Knots = knots }));

        outcome.Problems.ShouldHaveSingleItem().ShouldBe(new RequestProblem(field, message));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Sea_MaxSnapKmThatCoreWouldReadAsNoLimit_IsAProblem(double km)
    {
        var outcome = new SeaService(TestWorkspaces.Bundled()).Route(new SeaRequest("CNSHA", "NLRTM", new SeaRouteOptions { MaxSnapKm = km }));

        outcome.Problems.ShouldHaveSingleItem().ShouldBe(new RequestProblem("maxSnapKm", "The largest port-to-lane distance must be above 0 and at most 5000 km."));
    }

    [Fact]
    public void Route_PlaceWithControlCharacters_IsQuotedEscaped()
    {
        var outcome = RouteQueryResolver.Resolve(new RouteQueryRequest { From = "Alat\u001b[2J\n", To = "Alashankou", Year = 2026 }, Minimal());

        outcome.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("'Alat\\u001B[2J\\u000A' is not a place in the network.");
    }
}

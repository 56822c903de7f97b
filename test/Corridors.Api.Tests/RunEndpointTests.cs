using System.Net;
using System.Text;
using System.Text.Json;
using Corridors.Data.Store;
using Corridors.Tests.Store;

namespace Corridors.Tests;

/// <summary>/api/runs on both stores: a route request is stored with its request and timing, listed, shown, deleted.</summary>
public abstract class RunEndpointTests : IDisposable
{
    private readonly TestStore _store;
    private readonly ApiFactory _factory;

    protected RunEndpointTests(RunStoreProvider provider)
    {
        _store = TestStore.Create(provider);
        _factory = provider == RunStoreProvider.PostgreSql
            ? new ApiFactory { PostgresConnectionString = _store.Options.ConnectionString }
            : new ApiFactory { StorePath = _store.Options.ConnectionString };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Route_is_stored_listed_shown_and_deleted()
    {
        // Given a stored route request
        using var client = _factory.CreateClient();
        const string Body = """{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03"}""";
        var response = await client.PostAsync(new Uri("/api/route", UriKind.Relative), new StringContent(Body, Encoding.UTF8, "application/json"), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = response.Headers.GetValues("Corridors-Run-Id").Single();

        // Then it is listed with its request, year, timing and status, and shown with the returned document
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/runs", UriKind.Relative), Ct));
        list.RootElement.GetProperty("store").GetString()!.ShouldNotContain("Password", Case.Insensitive);
        var run = list.RootElement.GetProperty("runs").EnumerateArray().ShouldHaveSingleItem();
        run.GetProperty("arguments").GetString().ShouldBe(Body);
        run.GetProperty("year").GetInt32().ShouldBe(2026);
        run.GetProperty("status").GetString().ShouldBe("succeeded");
        run.GetProperty("durationMs").GetDouble().ShouldBeGreaterThan(0);
        run.GetProperty("resultSha256").GetString()!.Length.ShouldBe(64);
        var shown = await client.GetAsync(new Uri("/api/runs/" + id, UriKind.Relative), Ct);
        shown.StatusCode.ShouldBe(HttpStatusCode.OK);

        // When it is deleted, it is gone
        (await client.DeleteAsync(new Uri("/api/runs/" + id, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var again = await client.DeleteAsync(new Uri("/api/runs/" + id, UriKind.Relative), Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain($"There is no run {id}");
        (await client.GetAsync(new Uri("/api/runs/" + id, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteRunEndpointTests() : RunEndpointTests(RunStoreProvider.Sqlite);

public sealed class PostgresRunEndpointTests() : RunEndpointTests(RunStoreProvider.PostgreSql);

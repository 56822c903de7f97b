using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Routing;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Tests.Requests;

public sealed class RouteQueryResolverTests
{
    private static CorridorsWorkspace Workspace(TimeProvider? clock = null) => TestWorkspaces.Bundled(clock);

    [Fact]
    public void Resolve_ManyBadFields_ReportsEveryProblemAtOnceWithItsField()
    {
        var request = new RouteQueryRequest
        {
            From = "Xain",
            To = "Duisburg",
            Year = 1999,
            Depart = "tomorrow",
            Feu = -1,
            AvoidCountries = ["RU", "XX"],
            AvoidPassages = ["atlantis"],
            AvoidModes = ["hovercraft"],
            UsdPerHour = -5,
            By = "fun",
            MaxTransshipments = -1,
        };

        var outcome = RouteQueryResolver.Resolve(request, Workspace());

        outcome.IsValid.ShouldBeFalse();
        outcome.Problems.Select(p => p.Field).ShouldBe(
            ["depart", "year", "feu", "by", "from", "usdPerHour", "maxTransshipments", "avoidCountries[1]", "avoidPassages[0]", "avoidModes[0]"]);
        outcome.Problems.Single(p => p.Field == "from").Message.ShouldBe("'Xain' is not a place in the network. Did you mean Xi'an International Port (CN-XIAN), Van pier (TR-VAN)?");
        outcome.Problems.Single(p => p.Field == "avoidCountries[1]").Message.ShouldBe("'XX' is not a country in the data (use ISO 3166-1 alpha-2 codes such as RU, BY, IR, or names such as Russia).");
        outcome.Problems.Single(p => p.Field == "year").Message.ShouldBe("1999 is outside the years the network data covers (2020–2035).");
    }

    [Fact]
    public void Resolve_LowerCaseCountry_IsTheIsoCode()
    {
        // Core rejects 'ru' (RouteQueryChecks); the resolver is where user spelling is forgiven.
        var outcome = RouteQueryResolver.Resolve(new RouteQueryRequest { From = "Xian", To = "Duisburg", AvoidCountries = ["ru", " by "] }, Workspace());

        outcome.IsValid.ShouldBeTrue(string.Join("; ", outcome.Problems));
        outcome.Value.Query.AvoidCountries.ShouldBe(["RU", "BY"]);
    }

    [Fact]
    public void CoreQuery_LowerCaseCountry_IsRejectedNotIgnored()
    {
        var snapshot = Workspace().Snapshot(2026);
        var resolved = RouteQueryResolver.Resolve(new RouteQueryRequest { From = "Xian", To = "Duisburg" }, snapshot.Workspace).Value;
        using var lease = snapshot.RentRouter();

        var ex = Should.Throw<ArgumentException>(() => lease.Router.Route(resolved.Query with { AvoidCountries = ["ru"] }));

        ex.Message.ShouldContain("avoidCountries[0]: 'ru' is not a country of the network");
    }

    [Fact]
    public void Resolve_NoDeparture_IsTodayByTheWorkspaceClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 5, 6, 15, 30, 0, TimeSpan.Zero));

        var outcome = RouteQueryResolver.Resolve(new RouteQueryRequest { From = "Xian", To = "Duisburg" }, Workspace(clock));

        outcome.Value.Query.DepartUtc.ShouldBe(new DateTime(2027, 5, 6, 0, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("2027-04-01", null, 2027, "2027-04-01")]
    [InlineData(null, 2030, 2030, "2030-05-06")]
    [InlineData("2026-03-03", 2030, 2030, "2026-03-03")]
    public void Resolve_YearAndDeparture_DefaultToEachOther(string? depart, int? year, int expectedYear, string expectedDepart)
    {
        // The clock says 2027-05-06; a date without a year is moved into the year asked for.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 5, 6, 15, 30, 0, TimeSpan.Zero));

        var outcome = RouteQueryResolver.Resolve(new RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = depart, Year = year }, Workspace(clock));

        outcome.Value.Snapshot.Year.ShouldBe(expectedYear);
        outcome.Value.Query.DepartUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expectedDepart);
    }

    [Fact]
    public void Resolve_TeuAndFeu_AddUp()
    {
        var outcome = RouteQueryResolver.Resolve(new RouteQueryRequest { From = "Xian", To = "Duisburg", Teu = 3, Feu = 2, By = "Cheapest" }, Workspace());

        outcome.Value.Query.Cargo.Teu.ShouldBe(7);
        outcome.Value.Query.Cargo.TariffTeu.ShouldBe(3 + (2 * 1.6), 1e-9);
        outcome.Value.Query.Objective.ShouldBe(RouteObjective.Cost);
    }
}

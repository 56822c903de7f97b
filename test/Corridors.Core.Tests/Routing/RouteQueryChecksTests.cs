using Corridors.Network;
using Corridors.Routing;
using Corridors.Testing;

namespace Corridors.Tests.Routing;

public sealed class RouteQueryChecksTests
{
    private static readonly CorridorNetwork Network = TestNetwork.Parse("""
        node A RU
        node B KZ
        node C CN
        leg A B rail 10h both
        leg B C ocean 30h passages=suez both
        country TR
        """).Build();

    private static RouteQuery Valid => new() { From = new NodeId(0), To = new NodeId(2), DepartUtc = RandomNetworks.Monday };

    private const string EveryProblem =
        "from: n3 is not a node of the network (it has 3 nodes, n0–n2).; "
        + "to: n-1 is not a node of the network (it has 3 nodes, n0–n2).; "
        + "viaNodes[1]: n7 is not a node of the network (it has 3 nodes, n0–n2).; "
        + "avoidCountries[0]: 'ru' is not a country of the network; codes are upper-case ISO 3166-1 alpha-2 (did you mean 'RU'?); "
        + "avoidCountries[1]: 'XX' is not a country of the network; codes are upper-case ISO 3166-1 alpha-2.; "
        + "viaCountries[1]: 'Kz' is not a country of the network; codes are upper-case ISO 3166-1 alpha-2 (did you mean 'KZ'?); "
        + "avoidPassages[0]: 'Suez' is not a passage of the network; ids are case-sensitive (did you mean 'suez'?); "
        + "viaPassages[0]: 'panama' is not a passage of the network.; "
        + "avoidModes[1]: 42 is not a transport mode.; "
        + "maxTransshipments: -1 is negative; give 0 or more, or no limit.; "
        + "paretoEpsilon: NaN is not a finite number ≥ 0; 0 gives the exact Pareto set.; "
        + "maxLabels: 0 is less than 1; a Pareto search needs at least one label. (Parameter 'query')";

    private static RouteQuery Broken => Valid with
    {
        From = new NodeId(3),
        To = new NodeId(-1),
        ViaNodes = [new NodeId(1), new NodeId(7)],
        AvoidCountries = ["ru", "XX"],
        ViaCountries = ["KZ", "Kz"],
        AvoidPassages = ["Suez"],
        ViaPassages = ["panama"],
        AvoidModes = [TransportMode.Road, (TransportMode)42],
        RequireModes = [TransportMode.Ocean],
        MaxTransshipments = -1,
        ParetoEpsilon = double.NaN,
        MaxLabels = 0,
    };

    [Fact]
    public void Find_ValidQuery_ReportsNothing()
    {
        var query = Valid with
        {
            ViaNodes = [new NodeId(1), new NodeId(1)],
            AvoidCountries = ["TR", "TR"], // defined but touched by no leg: valid, and duplicates are fine
            ViaCountries = ["KZ"],
            ViaPassages = ["suez"],
            RequireModes = [TransportMode.Ocean],
            MaxTransshipments = 0,
            ParetoEpsilon = 0.05,
            MaxLabels = 1,
        };

        RouteQueryChecks.Find(query, Network).ShouldBeEmpty();
    }

    [Fact]
    public void Find_EveryKindOfProblem_ReportsAllInFieldOrder()
    {
        var problems = RouteQueryChecks.Find(Broken, Network);

        problems.ShouldBe(
        [
            new QueryProblem("from", "n3 is not a node of the network (it has 3 nodes, n0–n2)."),
            new QueryProblem("to", "n-1 is not a node of the network (it has 3 nodes, n0–n2)."),
            new QueryProblem("viaNodes[1]", "n7 is not a node of the network (it has 3 nodes, n0–n2)."),
            new QueryProblem("avoidCountries[0]", "'ru' is not a country of the network; codes are upper-case ISO 3166-1 alpha-2 (did you mean 'RU'?)"),
            new QueryProblem("avoidCountries[1]", "'XX' is not a country of the network; codes are upper-case ISO 3166-1 alpha-2."),
            new QueryProblem("viaCountries[1]", "'Kz' is not a country of the network; codes are upper-case ISO 3166-1 alpha-2 (did you mean 'KZ'?)"),
            new QueryProblem("avoidPassages[0]", "'Suez' is not a passage of the network; ids are case-sensitive (did you mean 'suez'?)"),
            new QueryProblem("viaPassages[0]", "'panama' is not a passage of the network."),
            new QueryProblem("avoidModes[1]", "42 is not a transport mode."),
            new QueryProblem("maxTransshipments", "-1 is negative; give 0 or more, or no limit."),
            new QueryProblem("paretoEpsilon", "NaN is not a finite number ≥ 0; 0 gives the exact Pareto set."),
            new QueryProblem("maxLabels", "0 is less than 1; a Pareto search needs at least one label."),
        ]);
    }

    [Fact]
    public void Find_NullListsAndEntries_ReportedNotThrown()
    {
        var query = Valid with { AvoidCountries = null!, ViaPassages = [null!], ParetoEpsilon = double.PositiveInfinity };

        RouteQueryChecks.Find(query, Network).ShouldBe(
        [
            new QueryProblem("avoidCountries", "The list is null; give an empty list instead."),
            new QueryProblem("viaPassages[0]", "The passage id is missing (null)."),
            new QueryProblem("paretoEpsilon", "Infinity is not a finite number ≥ 0; 0 gives the exact Pareto set."),
        ]);
    }

    [Fact]
    public void BestRoute_LowerCaseAvoidedCountry_ThrowsInsteadOfIgnoringIt()
    {
        var router = new CorridorRouter(Network);

        var ex = Should.Throw<ArgumentException>(() => router.BestRoute(Valid with { AvoidCountries = ["ru"] }));

        ex.ParamName.ShouldBe("query");
        ex.Message.ShouldBe("avoidCountries[0]: 'ru' is not a country of the network; codes are upper-case ISO 3166-1 alpha-2 (did you mean 'RU'?) (Parameter 'query')");
        router.BestRoute(Valid with { AvoidCountries = ["RU"] }).ShouldBeNull(); // the origin lies in RU
    }

    [Fact]
    public void EveryPublicEntry_BrokenQuery_ThrowsWithEveryProblem()
    {
        var router = new CorridorRouter(Network);
        var path = router.BestRoute(Valid)!.Legs.Select(l => l.Edge).ToArray();
        var entries = new Dictionary<string, Action>
        {
            ["Route"] = () => router.Route(Broken),
            ["Route(3)"] = () => router.Route(Broken, 3),
            ["BestRoute"] = () => router.BestRoute(Broken),
            ["Pareto"] = () => router.Pareto(Broken),
            ["Compare"] = () => router.Compare(Broken),
            ["Explain"] = () => router.Explain(Broken, path),
            ["QueryWeights.Prepare"] = () => new QueryWeights().Prepare(router.Graph, Broken),
        };

        foreach (var (name, call) in entries)
        {
            Should.Throw<ArgumentException>(call, name).Message.ShouldBe(EveryProblem, name);
        }
    }

    [Fact]
    public void Compare_ValidQueryOnASmallNetwork_CorridorCodesItLacksDoNotThrow()
    {
        // The corridor families add codes such as GE and BY that this network does not define: the router checks
        // only the caller's query and reports the families as excluded.
        var result = new CorridorRouter(Network).Compare(Valid with { AvoidCountries = ["TR"] });

        result.Excluded.ShouldNotBeEmpty();
    }
}

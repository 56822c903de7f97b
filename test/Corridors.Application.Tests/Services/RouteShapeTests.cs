using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Tests.Services;

/// <summary>
/// Sane alternatives (issue 9): over 60 origin–destination pairs spread across the bundled network, no route that
/// <c>compare</c> (and so <c>reliability</c>) or <c>route -k 5</c> returns passes a place twice or re-enters a country
/// it has left.
/// </summary>
public sealed class RouteShapeTests
{
    public static TheoryData<string, string> Pairs()
    {
        var workspace = TestWorkspaces.Bundled();
        var network = workspace.Snapshot(2026).Network;
        var ends = network.Nodes
            .Where(n => n.Kind is NodeKind.Terminal or NodeKind.City or NodeKind.Seaport or NodeKind.DryPort)
            .Select(n => n.Id).Order(StringComparer.Ordinal).ToList();
        var data = new TheoryData<string, string>();
        // A fixed spread over the list (no randomness): each origin with a partner far along the sorted ids.
        var seen = new HashSet<(string, string)>();
        for (var i = 0; seen.Count < 60 && i < 100 * ends.Count; i++)
        {
            var a = ends[(i * 7) % ends.Count];
            var b = ends[((i * 13) + (ends.Count / 3) + (i / ends.Count * 5)) % ends.Count];
            if (a != b && seen.Add((a, b)))
            {
                data.Add(a, b);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void CompareAndAlternatives_NeverLoop(string from, string to)
    {
        var workspace = TestWorkspaces.Bundled();
        var query = new RouteQueryRequest { From = from, To = to, Depart = "2026-03-03" };
        var routes = new List<Route>();
        var compare = new RouteService(workspace).Compare(new CompareRequest(query), TestContext.Current.CancellationToken);
        var alternatives = new RouteService(workspace).Route(new RouteRequest(query) { Alternatives = 5 }, TestContext.Current.CancellationToken);
        routes.AddRange(compare.Value.Result.Routes);
        routes.AddRange(alternatives.Value.Result.Routes.Skip(1)); // the best route itself is the plain shortest path
        var network = compare.Value.Snapshot.Network;

        foreach (var route in routes)
        {
            RouteShape.Loop(network, route).ShouldBeNull($"{route.Corridor}: {string.Join(" → ", route.Legs.Select(l => l.From.Id).Append(route.Legs[^1].To.Id))}");
        }
    }

    [Fact]
    public void Loop_ReentryTheDataDeclares_IsNotADetour()
    {
        // Zangezur/TRIPP (2030): Azerbaijan → Armenia → Nakhchivan (Azerbaijan) is the line's own shape. By rail only:
        // with road legs (issue 11) the fastest Türkiye route is trucks from Georgia via Sarpi, not the TRIPP line.
        var workspace = TestWorkspaces.Bundled();
        var answer = new RouteService(workspace).Compare(
            new CompareRequest(new RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = "2030-03-05", Year = 2030, AvoidCountries = ["RU", "BY"], AvoidModes = ["road"] }),
            TestContext.Current.CancellationToken).Value;

        answer.Result.Routes.ShouldContain(r => r.Corridor.Contains("Zangezur/TRIPP", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_CorridorOnlyByADetour_IsListedAsNotAvailable()
    {
        // Baku → Kars overland: the Middle family's only route crosses the Caspian and comes back. (With deep sea allowed,
        // the Suez search finds Caspian → China → Shanghai → Mersin, which the classifier calls Middle and which the
        // detour rule cannot measure: it is the only deep-sea route of the question.)
        var workspace = TestWorkspaces.Bundled();
        var answer = new RouteService(workspace).Compare(new CompareRequest(new RouteQueryRequest { From = "Baku", To = "Kars", Depart = "2026-03-03", AvoidModes = ["ocean"] }), TestContext.Current.CancellationToken).Value;

        answer.Result.Routes.ShouldAllBe(r => !r.Corridor.StartsWith("Middle", StringComparison.Ordinal));
        answer.Result.Excluded.ShouldContain(x => x.Reason.StartsWith("Not available without a detour: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_OriginIsDestination_IsAProblemOnTo()
    {
        var outcome = RouteQueryResolver.Resolve(new RouteQueryRequest { From = "Xian", To = "Xi'an" }, TestWorkspaces.Bundled());

        outcome.Problems.ShouldHaveSingleItem().ShouldBe(new RequestProblem("to", "The destination is the origin (Xi'an International Port); give two different places."));
    }
}

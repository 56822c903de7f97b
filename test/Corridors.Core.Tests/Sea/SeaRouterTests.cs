using Corridors.Geo;
using Corridors.Sea;

namespace Corridors.Tests.Sea;

public sealed class SeaRouterTests
{
    // Two routes from west (0,0) to east (10,0): a northern one through a "strait" gate at lon 5 lat 2,
    // a southern one round a "cape" at lat -3. The northern one is shorter.
    private static SeaGraph TwoRoutes() => new SeaGraphBuilder()
        .AddLine([0, 0, 2.5, 1, 5, 2, 7.5, 1, 10, 0])
        .AddLine([0, 0, 2.5, -2, 5, -3, 7.5, -2, 10, 0])
        .AddGate(new PassageGate("strait", 5, 1.5, 5, 2.5, ["XX"]))
        .AddGate(new PassageGate("cape", 5, -2.5, 5, -3.5, []))
        .Build();

    [Fact]
    public void Route_NoConstraints_TakesShorterRouteThroughStrait()
    {
        var router = new SeaRouter(TwoRoutes());

        var route = router.Route(new SeaRouteRequest(0, 0, 10, 0));

        route.Status.ShouldBe(SeaRouteStatus.Found);
        router.PassagesInOrder().ShouldBe(["strait"]);
        var expected = Path([(0, 0), (2.5, 1), (5, 2), (7.5, 1), (10, 0)]);
        route.DistanceKm.ShouldBe(expected, 0.01);
    }

    [Fact]
    public void Route_AvoidStrait_RoundsTheCape()
    {
        var graph = TwoRoutes();
        var router = new SeaRouter(graph);

        var route = router.Route(new SeaRouteRequest(0, 0, 10, 0) { AvoidMask = 1UL << graph.PassageBit("strait") });

        route.IsFound.ShouldBeTrue();
        router.PassagesInOrder().ShouldBe(["cape"]);
        route.DistanceKm.ShouldBe(Path([(0, 0), (2.5, -2), (5, -3), (7.5, -2), (10, 0)]), 0.01);
    }

    [Fact]
    public void Route_ViaCape_IsForcedRoundTheCape()
    {
        var graph = TwoRoutes();
        var router = new SeaRouter(graph);

        var route = router.Route(new SeaRouteRequest(0, 0, 10, 0) { ViaMask = 1UL << graph.PassageBit("cape") });

        route.IsFound.ShouldBeTrue();
        route.PassageMask.ShouldBe(1UL << graph.PassageBit("cape"));
    }

    [Fact]
    public void Route_AvoidBoth_IsUnreachable()
    {
        var graph = TwoRoutes();
        var router = new SeaRouter(graph);

        var route = router.Route(new SeaRouteRequest(0, 0, 10, 0) { AvoidMask = graph.PassageMask(["strait", "cape"], out _) });

        route.Status.ShouldBe(SeaRouteStatus.Unreachable);
        router.Geometry().ShouldBeEmpty();
    }

    // As TwoRoutes, but the strait is a canal that admits ships up to 5,000 TEU.
    private static SeaGraph CanalAndCape() => new SeaGraphBuilder()
        .AddLine([0, 0, 2.5, 1, 5, 2, 7.5, 1, 10, 0])
        .AddLine([0, 0, 2.5, -2, 5, -3, 7.5, -2, 10, 0])
        .AddGate(new PassageGate("canal", 5, 1.5, 5, 2.5, []) { SizeLimit = new PassageSizeLimit(5_000, 300, 40, 12, "test") })
        .AddGate(new PassageGate("cape", 5, -2.5, 5, -3.5, []))
        .Build();

    [Theory]
    [InlineData(0, "canal")] // no vessel size: no limit applies
    [InlineData(4_000, "canal")]
    [InlineData(5_000, "canal")] // the limit itself fits
    [InlineData(5_001, "cape")]
    [InlineData(20_000, "cape")]
    public void Route_VesselSize_TooLargeForCanal_RoundsTheCape(int vesselTeu, string expected)
    {
        var graph = CanalAndCape();
        var router = new SeaRouter(graph);

        var route = router.Route(new SeaRouteRequest(0, 0, 10, 0) { VesselTeu = vesselTeu });

        route.IsFound.ShouldBeTrue();
        router.PassagesInOrder().ShouldBe([expected]);
        graph.PassagesClosedTo(vesselTeu).ShouldBe(expected == "cape" ? 1UL << graph.PassageBit("canal") : 0UL);
    }

    [Fact]
    public void Route_ViaCanalTooSmallForVessel_IsVesselTooLarge()
    {
        var graph = CanalAndCape();
        var router = new SeaRouter(graph);
        var canal = 1UL << graph.PassageBit("canal");

        var route = router.Route(new SeaRouteRequest(0, 0, 10, 0) { ViaMask = canal, VesselTeu = 6_000 });

        route.Status.ShouldBe(SeaRouteStatus.VesselTooLarge);
        route.PassageMask.ShouldBe(canal);
        router.Geometry().ShouldBeEmpty();
        router.Route(new SeaRouteRequest(0, 0, 10, 0) { ViaMask = canal, VesselTeu = 5_000 }).IsFound.ShouldBeTrue();
    }

    [Fact]
    public void PassageMaskOfCountries_AvoidingController_AvoidsItsPassages()
    {
        var graph = TwoRoutes();

        graph.PassageMaskOfCountries(["xx"]).ShouldBe(1UL << graph.PassageBit("strait"));
        graph.PassageMaskOfCountries(["YY"]).ShouldBe(0UL);
    }

    [Fact]
    public void Route_MidChainEndsOnOneChain_UsesDirectStretch()
    {
        var router = new SeaRouter(TwoRoutes());

        // (2.5,1) and (7.5,1) are interior vertices of the same northern chain.
        var route = router.Route(new SeaRouteRequest(2.5, 1.01, 7.5, 1.01));

        route.LaneKm.ShouldBe(Path([(2.5, 1), (5, 2), (7.5, 1)]), 0.01);
        router.Geometry().Count.ShouldBe(5); // origin, 3 lane vertices, destination
    }

    [Fact]
    public void Build_LanesMeetingAtAntimeridian_AreStitched()
    {
        // One lane ends at +180, the other starts at -180: stitched, the route crosses the date line.
        var graph = new SeaGraphBuilder()
            .AddLine([170, 10, 180, 10])
            .AddLine([-180, 10, -170, 10])
            .Build();
        var router = new SeaRouter(graph);

        var route = router.Route(new SeaRouteRequest(170, 10, -170, 10));

        route.IsFound.ShouldBeTrue();
        route.DistanceKm.ShouldBe(GeoMath.GreatCircleKm(10, 170, 10, 180) * 2, 0.01);
        graph.BuildReport.Components.ShouldBe(1);
        var geometry = router.Geometry();
        geometry[^1].Lon.ShouldBe(190, 1e-9); // unwrapped: no jump across the map
    }

    [Fact]
    public void Route_FromLandlockedBasin_IsLandlocked()
    {
        var graph = new SeaGraphBuilder()
            .AddLine([30, 40, 35, 40, 40, 40])
            .AddLine([50, 40, 51, 41]) // a separate fragment inside the basin box
            .AddBasin(new LandlockedBasin("caspian", "Caspian Sea", 46, 36, 55.5, 47.5))
            .Build();
        var router = new SeaRouter(graph);

        var route = router.Route(new SeaRouteRequest(50.2, 40.1, 30, 40));

        route.Status.ShouldBe(SeaRouteStatus.Landlocked);
        route.Basin!.Id.ShouldBe("caspian");
        route.BasinAtOrigin.ShouldBeTrue();
        graph.BuildReport.BasinVertices.ShouldBe(2);
        SeaRouter.Reason(route, "Baku", "Istanbul").ShouldStartWith("Baku lies on the Caspian Sea, which has no sea connection to the ocean");
    }

    [Fact]
    public void Route_PointFarInland_IsTooFarFromLanes()
    {
        var graph = new SeaGraphBuilder().AddLine([0, 0, 1, 0]).Build();

        var route = new SeaRouter(graph).Route(new SeaRouteRequest(0, 10, 1, 0));

        route.Status.ShouldBe(SeaRouteStatus.TooFarFromLanes);
        route.BasinAtOrigin.ShouldBeTrue();
    }

    [Fact]
    public void Build_SmallFragmentOutsideBasins_IsDropped()
    {
        var graph = new SeaGraphBuilder()
            .AddLine([0, 0, 1, 0, 2, 0])
            .AddLine([20, 20, 21, 20])
            .Build();

        graph.VertexCount.ShouldBe(3);
        graph.BuildReport.DroppedComponents.ShouldBe(1);
        graph.BuildReport.DroppedVertices.ShouldBe(2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Route_RandomLaneNetworks_MatchesPlainDijkstraOnAllVertices(int seed)
    {
        // Random lanes on a jittered grid, with random gates; the compacted A* must equal a plain Dijkstra
        // over every lane vertex (the oracle), with and without an avoided passage.
        var random = new Random(seed);
        var builder = new SeaGraphBuilder();
        var lines = new List<double[]>();
        for (var i = 0; i < 40; i++)
        {
            var x = random.Next(0, 8) * 2.0;
            var y = random.Next(0, 8) * 2.0;
            var points = new List<double> { x, y };
            for (var k = 0; k < random.Next(1, 6); k++)
            {
                switch (random.Next(4))
                {
                    case 0: x += 2; break;
                    case 1: x -= 2; break;
                    case 2: y += 2; break;
                    default: y -= 2; break;
                }

                points.Add(x);
                points.Add(y);
            }

            lines.Add([.. points]);
            builder.AddLine([.. points]);
        }

        builder.AddGate(new PassageGate("g1", 5, -5, 5, 25, []));
        builder.AddGate(new PassageGate("g2", -5, 7, 25, 7, []));
        var graph = builder.Build();
        var router = new SeaRouter(graph);
        var oracle = new Oracle(lines);
        for (var q = 0; q < 30; q++)
        {
            var a = random.Next(graph.VertexCount);
            var b = random.Next(graph.VertexCount);
            foreach (var avoid in new ulong[] { 0, 1, 2 })
            {
                var route = router.Route(new SeaRouteRequest(graph.Lon[a], graph.Lat[a], graph.Lon[b], graph.Lat[b]) { AvoidMask = avoid });
                var expected = oracle.Distance(graph.Lon[a], graph.Lat[a], graph.Lon[b], graph.Lat[b], avoid, graph);
                if (double.IsPositiveInfinity(expected))
                {
                    route.Status.ShouldBe(SeaRouteStatus.Unreachable, $"seed {seed} query {q} avoid {avoid}");
                }
                else
                {
                    route.LaneKm.ShouldBe(expected, 1e-6 * Math.Max(1, expected), $"seed {seed} query {q} avoid {avoid}");
                    var geometry = router.Geometry();
                    Path(geometry.Skip(1).SkipLast(1).Select(p => (p.Lon, p.Lat)).ToList()).ShouldBe(expected, 1e-6 * Math.Max(1, expected));
                }
            }
        }
    }

    private static double Path(IReadOnlyList<(double Lon, double Lat)> points)
    {
        var sum = 0.0;
        for (var i = 1; i < points.Count; i++)
        {
            sum += GeoMath.GreatCircleKm(points[i - 1].Lat, points[i - 1].Lon, points[i].Lat, points[i].Lon);
        }

        return sum;
    }

    /// <summary>Plain Dijkstra over every lane vertex, with per-segment gate tests done independently.</summary>
    private sealed class Oracle
    {
        private readonly Dictionary<(double, double), List<(double, double)>> _adj = [];

        public Oracle(List<double[]> lines)
        {
            foreach (var line in lines)
            {
                for (var i = 2; i < line.Length; i += 2)
                {
                    var a = (line[i - 2], line[i - 1]);
                    var b = (line[i], line[i + 1]);
                    if (a == b)
                    {
                        continue;
                    }

                    Add(a, b);
                    Add(b, a);
                }
            }
        }

        public double Distance(double lon1, double lat1, double lon2, double lat2, ulong avoid, SeaGraph graph)
        {
            var dist = new Dictionary<(double, double), double> { [(lon1, lat1)] = 0 };
            var queue = new PriorityQueue<(double, double), double>();
            queue.Enqueue((lon1, lat1), 0);
            while (queue.TryDequeue(out var v, out var d))
            {
                if (d > dist[v])
                {
                    continue;
                }

                if (v == (lon2, lat2))
                {
                    return d;
                }

                foreach (var w in _adj.GetValueOrDefault(v) ?? [])
                {
                    var blocked = false;
                    for (var g = 0; g < graph.Passages.Count; g++)
                    {
                        var p = graph.Passages[g];
                        if ((avoid & (1UL << g)) != 0 && SeaGraphBuilder.Crosses(v.Item1, v.Item2, w.Item1, w.Item2, p.Lon1, p.Lat1, p.Lon2, p.Lat2))
                        {
                            blocked = true;
                        }
                    }

                    var nd = d + GeoMath.GreatCircleKm(v.Item2, v.Item1, w.Item2, w.Item1);
                    if (!blocked && nd < dist.GetValueOrDefault(w, double.PositiveInfinity))
                    {
                        dist[w] = nd;
                        queue.Enqueue(w, nd);
                    }
                }
            }

            return double.PositiveInfinity;
        }

        private void Add((double, double) a, (double, double) b)
        {
            if (!_adj.TryGetValue(a, out var list))
            {
                _adj[a] = list = [];
            }

            if (!list.Contains(b))
            {
                list.Add(b);
            }
        }
    }
}

using Corridors.Data;
using Corridors.Geo;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Tests.Coverage;

/// <summary>
/// The generated first/last-mile truck legs (issue 11, "a short road leg from any place to its nearest terminal") and
/// the rail↔truck dwell at places that had none.
/// </summary>
public sealed class TruckAccessTests
{
    private static readonly DateTime Monday = BundledNetwork.Monday;

    private static IEnumerable<Leg> Generated => BundledNetwork.Definition.Legs.Where(l => l.Id.StartsWith(NetworkLoader.TruckAccessPrefix, StringComparison.Ordinal));

    private static Node NodeOf(string id) => BundledNetwork.Definition.Nodes.Single(n => n.Id == id);

    [Fact]
    public void EveryGeneratedLeg_JoinsTwoNonBorderPlacesOfOneCountry_WithinTheLimit_AtTheRoadFigures()
    {
        var def = BundledNetwork.Definition;
        var max = def.Parameter("truck_access_max_km", double.NaN);
        var circuity = def.Parameter("road_circuity_factor", double.NaN);
        var generated = Generated.ToList();

        generated.Count.ShouldBeGreaterThan(10);
        foreach (var leg in generated)
        {
            var (a, b) = (NodeOf(leg.From), NodeOf(leg.To));
            a.Kind.ShouldNotBe(NodeKind.Border, leg.Id);
            b.Kind.ShouldNotBe(NodeKind.Border, leg.Id);
            a.Country.ShouldBe(b.Country, leg.Id);
            leg.Countries.ShouldBe([a.Country]);
            leg.Mode.ShouldBe(TransportMode.Road);
            leg.Bidirectional.ShouldBeTrue();
            var km = GeoMath.GreatCircleKm(a.Lat, a.Lon, b.Lat, b.Lon);
            km.ShouldBeLessThanOrEqualTo(max, leg.Id);
            km.ShouldBeGreaterThanOrEqualTo(5, $"{leg.Id}: one site is joined by its own legs");
            leg.DistanceKm.ShouldBe(Math.Round(km * circuity), 0.5, leg.Id);
            leg.SpeedKmh.ShouldBe(def.Parameter("truck_speed_kmh", double.NaN));
            leg.TariffUsdPerTeuKm.ShouldBe(def.Parameter("truck_usd_per_teu_km", double.NaN));
            leg.Provenance.Source.ShouldContain("nearest place");
        }

        // Only from a place the data gives no road leg (never next to Astara–Rasht, whose hours carry the transshipment),
        // and never to the co-located gauge side.
        var roadInData = def.Legs.Where(l => l.Mode == TransportMode.Road && !generated.Contains(l)).SelectMany(l => new[] { l.From, l.To }).ToHashSet();
        generated.ShouldAllBe(l => !roadInData.Contains(l.From) || !roadInData.Contains(l.To));
        generated.ShouldNotContain(l => l.From.StartsWith("IR-ASTARA", StringComparison.Ordinal) && l.To.StartsWith("IR-ASTARA", StringComparison.Ordinal));

        // Never from one gauge side of a two-node site: that would bypass the site's gauge-change leg.
        generated.ShouldNotContain(l => l.From.StartsWith("GE-AKHALKALAKI", StringComparison.Ordinal) || l.To.StartsWith("GE-AKHALKALAKI", StringComparison.Ordinal));
    }

    [Fact]
    public void APlaceWithoutARoadLeg_GetsOneToItsNearestPlace()
    {
        // Marabda (a rail junction 27 km from Tbilisi) and Verona (a rail terminal 137 km from Milan) had no road leg.
        Generated.ShouldContain(l => l.Id == "TA-GE-MARABDA-GE-TBILISI");
        Generated.ShouldContain(l => l.Id == "TA-IT-MILAN-IT-VERONA");
    }

    [Fact]
    public void APlaceWithoutATerminalOfTheRightMode_IsReachedByTruck()
    {
        // Verona has only rail; with rail avoided, Milan → Verona is the generated truck leg, at its road cost and CO2e.
        var network = CorridorNetwork.Build(BundledNetwork.Definition, 2026);
        network.TryGetNode("IT-MILAN", out var milan).ShouldBeTrue();
        network.TryGetNode("IT-VERONA", out var verona).ShouldBeTrue();
        var route = new CorridorRouter(network).BestRoute(new RouteQuery
        {
            From = milan, To = verona, DepartUtc = Monday, AvoidModes = [TransportMode.Rail],
        });

        route.ShouldNotBeNull();
        route.Legs.Select(l => l.LegId).ShouldBe(["TA-IT-MILAN-IT-VERONA"]);
        var leg = BundledNetwork.Definition.Legs.Single(l => l.Id == "TA-IT-MILAN-IT-VERONA");
        route.Totals.CostUsd.ShouldBe(leg.DistanceKm * leg.TariffUsdPerTeuKm, 1);
        route.Totals.Co2eKg.ShouldBeGreaterThan(0);
        route.Legs[0].Hours.ShouldBe(leg.DistanceKm / leg.SpeedKmh!.Value, 0.1);
    }

    [Fact]
    public void OldPlacesWhereRoadMeetsRail_GetTheRailTruckDwell_AndPlacesWithTheirOwnDwellKeepIt()
    {
        var def = BundledNetwork.Definition;
        var dwell = new Triangular(def.Parameter("truck_transfer_dwell_min_h", double.NaN), def.Parameter("truck_transfer_dwell_mode_h", double.NaN), def.Parameter("truck_transfer_dwell_max_h", double.NaN));

        // Almaty, Tbilisi and Urumqi (nodes.csv) have road and rail legs and no dwell columns.
        foreach (var id in new[] { "KZ-ALMATY", "GE-TBILISI", "CN-URUMQI" })
        {
            NodeOf(id).DwellHours.ShouldBe(dwell, id);
            NodeOf(id).DwellRule.ShouldBe(DwellRule.Transfer, id);
        }

        // Poti has its own port dwell; a border station never gets one from this rule.
        NodeOf("GE-POTI").DwellHours.ShouldNotBe(dwell);
        def.Nodes.Where(n => n.Kind == NodeKind.Border).ShouldAllBe(n => n.Provenance.Notes == null || !n.Provenance.Notes.Contains("rail↔truck dwell from parameters.csv"));
    }

    [Fact]
    public void WithoutTheParameter_NoLegIsGenerated()
    {
        using var dir = new TempDataDir();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Data, "*.csv"))
        {
            File.Copy(file, dir.File(Path.GetFileName(file)));
        }

        var path = dir.File("parameters.csv");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("truck_access_max_km,", StringComparison.Ordinal)));

        var def = NetworkLoader.Load(dir.Path).GetDefinitionOrThrow();

        def.Legs.ShouldNotContain(l => l.Id.StartsWith(NetworkLoader.TruckAccessPrefix, StringComparison.Ordinal));
        def.Legs.Count.ShouldBe(BundledNetwork.Definition.Legs.Count - Generated.Count());
    }
}

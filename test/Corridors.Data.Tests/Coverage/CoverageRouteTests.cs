using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Tests.Coverage;

/// <summary>
/// Questions the bundled network could not answer before issue 11 (no North–South corridor, no Gulf port, no Italy,
/// Austria, Belgium, Baltic port or Finland, no Türkiye–Georgia sea service): each pins the corridor and the countries.
/// </summary>
public sealed class CoverageRouteTests
{
    private static readonly DateTime Monday = BundledNetwork.Monday;

    private static Route Best(string from, string to, int year = 2026, Func<RouteQuery, RouteQuery>? shape = null)
    {
        var network = CorridorNetwork.Build(BundledNetwork.Definition, year);
        network.TryGetNode(from, out var a).ShouldBeTrue(from);
        network.TryGetNode(to, out var b).ShouldBeTrue(to);
        var query = new RouteQuery { From = a, To = b, DepartUtc = Monday };
        var route = new CorridorRouter(network).BestRoute(shape is null ? query : shape(query));
        route.ShouldNotBeNull($"{from} → {to}: no route");
        return route;
    }

    private static string[] LegIds(Route r) => [.. r.Legs.Select(l => l.LegId)];

    [Fact]
    public void AlmatyToTbilisi_AvoidingTheCaspian_RunsThroughRussiaAndAzerbaijan()
    {
        var route = Best("KZ-ALMATY", "GE-TBILISI", shape: q => q with { AvoidModes = [TransportMode.Ferry, TransportMode.Feeder] });

        route.Corridor.ShouldBe("Northern (Russia)");
        route.Countries.ShouldBe(["KZ", "RU", "AZ", "GE"]);
        LegIds(route).ShouldContain("T-RU-SAMUR-AZ-YALAMA");
        route.Touches("PL").ShouldBeFalse("no detour through Europe any more");
    }

    [Fact]
    public void MoscowToBandarAbbas_TakesTheEasternInstcBranchUntilRashtAstaraOpens_ThenTheWesternOne()
    {
        // 2026: the western branch needs a truck across the Rasht–Astara gap (rail-to-truck handling at Astara), so the
        // all-rail eastern branch through Kazakhstan and Turkmenistan is faster; from 2030 the line closes the gap.
        var now = Best("RU-MOSCOW", "IR-BANDAR-ABBAS");
        var later = Best("RU-MOSCOW", "IR-BANDAR-ABBAS", year: 2030);

        now.Corridor.ShouldBe("Northern (Russia)");
        now.Countries.ShouldBe(["RU", "KZ", "TM", "IR"]);
        now.Legs.ShouldAllBe(l => l.Mode == TransportMode.Rail || l.Mode == TransportMode.Transfer);
        later.Corridor.ShouldBe("Northern (Russia)");
        later.Countries.ShouldBe(["RU", "AZ", "IR"]);
        LegIds(later).ShouldContain("R-IR-ASTARA-RASHT");
        later.Totals.Hours.ShouldBeLessThan(now.Totals.Hours);
    }

    [Fact]
    public void MoscowToBandarAbbas_Western2026_CrossesTheRashtAstaraGapByTruck()
    {
        var route = Best("RU-MOSCOW", "IR-BANDAR-ABBAS", shape: q => q with { ViaCountries = ["AZ"] });

        route.Countries.ShouldBe(["RU", "AZ", "IR"]);
        LegIds(route).ShouldContain("T-RU-SAMUR-AZ-YALAMA");
        LegIds(route).ShouldContain("RD-IR-ASTARA-IR-RASHT");
    }

    [Fact]
    public void XianToMilan_Northern_EntersItalyFromAustria()
    {
        var route = Best("CN-XIAN", "IT-MILAN");

        // Which Chinese exit is fastest (Alashankou into Kazakhstan, or Manzhouli straight into Russia) turns on the
        // border times of the service level, so both exits are allowed; the European end is the new part: Poland,
        // Czechia, Austria, Italy.
        route.Corridor.ShouldBe("Northern (Russia–Belarus)");
        string.Join(" ", route.Countries).ShouldBeOneOf("CN RU BY PL CZ AT IT", "CN KZ RU BY PL CZ AT IT");
    }

    [Fact]
    public void ChongqingToHelsinki_Northern_EndsOnTheBalticFeederFromGdansk()
    {
        var route = Best("CN-CHONGQING", "FI-HELSINKI");

        // The exit from China (Manzhouli straight into Russia, or Alashankou/Khorgos into Kazakhstan) is a tie: both
        // catch the same weekly Gdańsk–Helsinki feeder, so either exit may be returned; the countries are otherwise pinned.
        route.Corridor.ShouldBe("Northern (Russia–Belarus)");
        string.Join(" ", route.Countries).ShouldBeOneOf("CN RU BY PL FI", "CN KZ RU BY PL FI");
        route.Legs[^1].LegId.ShouldBe("FD-PL-FI-GDANSK-HELSINKI");
        LegIds(route).ShouldNotContain("T-RU-BUSLOVSKAYA-FI-VAINIKKALA", "the Russia–Finland rail crossing is closed to transit from 2023");
    }

    [Fact]
    public void UrumqiToAntwerp_Northern_ReachesBelgiumFromGermany()
    {
        var route = Best("CN-URUMQI", "BE-ANTWERP");

        route.Corridor.ShouldBe("Northern (Russia–Belarus)");
        route.Countries.ShouldBe(["CN", "KZ", "RU", "BY", "PL", "DE", "BE"]);
    }

    [Fact]
    public void MersinToPoti_BySea_IsTheTurkiyeGeorgiaFeeder()
    {
        var route = Best("TR-MERSIN", "GE-POTI", shape: q => q with { AvoidModes = [TransportMode.Road, TransportMode.Rail] });

        LegIds(route).ShouldBe(["FD-TR-GE-MERSIN-POTI"]);
        route.Legs.ShouldAllBe(l => l.Mode == TransportMode.Feeder);
        route.Countries.ShouldBe(["TR", "GE"]);
        route.Passages.ShouldBe(["dardanelles", "bosporus"]);
    }

    [Fact]
    public void TashkentToGdansk_Northern_ThroughKazakhstanRussiaAndBelarus()
    {
        var route = Best("UZ-TASHKENT", "PL-GDANSK");

        route.Corridor.ShouldBe("Northern (Russia–Belarus)");
        route.Countries.ShouldBe(["UZ", "KZ", "RU", "BY", "PL"]);
    }

    [Fact]
    public void KashgarToVienna_Northern_AndWithRussiaAvoided_MiddleThroughTurkiyeAndTheBalkans()
    {
        var northern = Best("CN-KASHGAR", "AT-VIENNA");
        var middle = Best("CN-KASHGAR", "AT-VIENNA", shape: q => q with { AvoidCountries = ["RU", "BY"] });

        northern.Corridor.ShouldBe("Northern (Russia–Belarus)");
        northern.Countries.ShouldBe(["CN", "KZ", "RU", "BY", "PL", "CZ", "AT"]);
        middle.Corridor.ShouldBe("Middle (Caspian ferry, BTK/Türkiye)");
        middle.Countries.ShouldBe(["CN", "KZ", "AZ", "GE", "TR", "BG", "RS", "HU", "AT"]);
    }
}

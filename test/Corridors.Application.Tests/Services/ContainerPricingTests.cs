using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Tests.Services;

/// <summary>
/// Prices (issue 9): a 40' container costs less than two 20' ones and takes the same space; per-load fees are paid
/// once per wagon; the Suez and Cape routes cost differently; a leg without a known price makes the total a lower bound.
/// </summary>
public sealed class ContainerPricingTests
{
    private static readonly RouteQueryRequest XianDuisburg = new() { From = "Xian", To = "Duisburg", Depart = "2026-03-03" };

    private static RouteService Service => new(TestWorkspaces.Bundled());

    [Fact]
    public void Compare_OneFeu_CostsLessThanTwoTeuOnTheNorthernAndMiddleRoutes()
    {
        var feu = Service.Compare(new CompareRequest(XianDuisburg with { Feu = 1 }), TestContext.Current.CancellationToken).Value;
        var teu = Service.Compare(new CompareRequest(XianDuisburg with { Teu = 2 }), TestContext.Current.CancellationToken).Value;

        foreach (var family in new[] { "Northern", "Middle" })
        {
            var f = feu.Result.Routes.First(r => r.Corridor.StartsWith(family, StringComparison.Ordinal));
            var t = teu.Result.Routes.First(r => r.Corridor == f.Corridor);
            f.Totals.CostUsd.ShouldBeLessThan(t.Totals.CostUsd, family);
            f.Totals.CostUsd.ShouldBeGreaterThanOrEqualTo((t.Totals.CostUsd * 1.6 / 2) - 1e-6, family); // feu_cost_factor 1.6 on per-TEU rates only
            f.Totals.Co2eKg.ShouldBe(t.Totals.Co2eKg, 1e-6, family); // same space and weight as 2 TEU
        }

        feu.Document.Query.Teu.ShouldBe(2);
    }

    [Fact]
    public void AFortyFootHighCube_TakesTwoTeuAndPaysTheFortyFootRate_AndANegativeCountNamesTheField()
    {
        // parameters.csv: hc_teu = 2 and hc_cost_factor = feu_cost_factor (rate tables quote one price per 40').
        var hc = Service.Compare(new CompareRequest(XianDuisburg with { Hc = 1 }), TestContext.Current.CancellationToken).Value;
        var feu = Service.Compare(new CompareRequest(XianDuisburg with { Feu = 1 }), TestContext.Current.CancellationToken).Value;
        var twenty = Service.Compare(new CompareRequest(XianDuisburg with { Teu = 1 }), TestContext.Current.CancellationToken).Value;

        hc.Document.Query.Teu.ShouldBe(2);
        foreach (var route in hc.Result.Routes)
        {
            var same = feu.Result.Routes.Single(r => r.Corridor == route.Corridor);
            route.Totals.CostUsd.ShouldBe(same.Totals.CostUsd, 1e-6, route.Corridor);
            route.Totals.Co2eKg.ShouldBe(same.Totals.Co2eKg, 1e-6, route.Corridor);
            route.Totals.CostUsd.ShouldBeGreaterThan(twenty.Result.Routes.Single(r => r.Corridor == route.Corridor).Totals.CostUsd, route.Corridor);
        }

        var bad = Service.Compare(new CompareRequest(XianDuisburg with { Hc = -1 }), TestContext.Current.CancellationToken);
        bad.Problems.ShouldContain(p => p.Field == "hc");
    }

    [Fact]
    public void BorderFees_ArePaidPerWagon_SoOneAndTwoTeuPayThemOnce()
    {
        // The CAREC border fee (charges.csv, per load) on the Khorgos crossing: 1 and 2 TEU fill one wagon; 3 TEU fill two.
        decimal Cost(double teu) => (decimal)Service.Route(new RouteRequest(XianDuisburg with { Teu = teu, Via = ["Altynkol"], AvoidCountries = ["RU"], AvoidModes = ["road"] }), TestContext.Current.CancellationToken)
            .Value.Result.Routes[0].Legs.Single(l => l.LegId == "T-CN-KZ-KHORGOS-ALTYNKOL").CostUsd;

        Cost(1).ShouldBe(215m);
        Cost(2).ShouldBe(215m);
        Cost(3).ShouldBe(430m);
    }

    [Fact]
    public void ShanghaiRotterdam_ViaSuezAndViaTheCape_CostDifferently_AndTheRedSeaSurchargeDependsOnTheYear()
    {
        double Sea(int year, string family) => Service.Compare(new CompareRequest(new RouteQueryRequest { From = "Shanghai", To = "Rotterdam", Year = year, Feu = 1 }), TestContext.Current.CancellationToken)
            .Value.Result.Routes.Single(r => r.Corridor == family).Totals.CostUsd;

        // legs.ocean.csv: both legs carry the same market part; the Cape leg burns fuel (0.0094 USD per TEU-km) over
        // 6,245 km more, the Suez leg pays the toll and the Red Sea war risk (charges.csv); a 40' is 1.6 20' rates.
        var fuelSaved = 0.0094 * (26031 - 19786) * 1.6;
        var suez2026 = Sea(2026, "Sea via Suez");
        var cape2026 = Sea(2026, "Sea via Cape");
        suez2026.ShouldBeGreaterThan(cape2026); // the 2024 war-risk premium outweighs the fuel the canal saves
        (suez2026 - cape2026).ShouldBe(((57.6 + 103) * 1.6) - fuelSaved, 0.5);
        (Sea(2023, "Sea via Suez") - Sea(2023, "Sea via Cape")).ShouldBe(((50.1 + 8.2) * 1.6) - fuelSaved, 0.5);
    }

    [Fact]
    public void OceanRates_FollowTheWorldContainerIndexByYear_AndTheBackhaulIsCheaper()
    {
        // rate_factors.csv: the WCI composite's yearly average moves the fixed market part of the ocean tariff; the
        // fuel per km does not move; eastbound (Europe→Asia) carries the backhaul factor of its year.
        double Sea(string from, string to, int year) => Service.Compare(new CompareRequest(new RouteQueryRequest { From = from, To = to, Year = year, Feu = 1 }), TestContext.Current.CancellationToken)
            .Value.Result.Routes.Single(r => r.Corridor == "Sea via Cape").Totals.CostUsd;

        var fuel = 0.0094 * 26031 * 1.6;
        var market2025 = Sea("Shanghai", "Rotterdam", 2025) - fuel;
        (Sea("Shanghai", "Rotterdam", 2021) - fuel).ShouldBe(market2025 * 2.739, 1.5);
        (Sea("Shanghai", "Rotterdam", 2023) - fuel).ShouldBe(market2025 * 0.61, 1.5);
        Sea("Shanghai", "Rotterdam", 2024).ShouldBeGreaterThan(Sea("Shanghai", "Rotterdam", 2023)); // the Red Sea crisis
        (Sea("Rotterdam", "Shanghai", 2023) - fuel).ShouldBe(market2025 * 0.61 * 0.428, 1.5);
    }

    [Fact]
    public void DuisburgXian_CostsLessThanXianDuisburg_OnTheBroadGaugeSection()
    {
        // rate_factors.csv: the ERAI index prices Europe→China 7.2 % below China→Europe on the KZ–RU–BY network.
        RouteLeg[] Legs(string from, string to) => [.. Service.Compare(new CompareRequest(new RouteQueryRequest { From = from, To = to, Depart = "2026-03-03", Feu = 1 }), TestContext.Current.CancellationToken)
            .Value.Result.Routes.Single(r => r.Corridor.StartsWith("Northern", StringComparison.Ordinal)).Legs];

        var west = Legs("Xian", "Duisburg").Where(l => l.Mode == TransportMode.Rail && l.Countries.All(c => c is "RU" or "BY")).ToArray();
        var east = Legs("Duisburg", "Xian").Where(l => l.Mode == TransportMode.Rail && l.Countries.All(c => c is "RU" or "BY")).ToArray();

        west.ShouldNotBeEmpty();
        var westByLeg = west.ToDictionary(l => l.LegId, l => l.CostUsd);
        foreach (var leg in east.Where(l => westByLeg.ContainsKey(l.LegId) && l.CostUsd > 0))
        {
            leg.CostUsd.ShouldBe(westByLeg[leg.LegId] * 0.928, 0.01, leg.LegId);
        }

        east.Sum(l => l.CostUsd).ShouldBeLessThan(west.Sum(l => l.CostUsd));
    }

    [Fact]
    public void Compare_OneFeu_ShowsThePublishedAllInRateBesideEachCorridorWithTheGap()
    {
        // The World Bank's Middle Corridor range is a border-to-port section rate (cases.csv: Altynkol–Poti), shown
        // beside the Middle route between the same two places; Xi'an–Duisburg door to door has a Northern rate only.
        var section = new RouteQueryRequest { From = "Altynkol", To = "Poti", Depart = "2026-03-03" };
        var answer = Service.Compare(new CompareRequest(section with { Feu = 1 }), TestContext.Current.CancellationToken).Value;

        var middle = answer.Document.PublishedRates.First(r => r.Corridor.StartsWith("Middle", StringComparison.Ordinal));
        middle.CaseId.ShouldBe("mc-wb-feu-2023");
        var model = answer.Result.Routes.Single(r => r.Corridor == middle.Corridor).Totals.CostUsd;
        middle.ModelUsdPerFeu.ShouldBe(Math.Round(model));
        middle.Gap!.Value.ShouldBe((model - middle.PublishedUsdPerFeu) / middle.PublishedUsdPerFeu, 0.001);
        Service.Compare(new CompareRequest(section with { Teu = 1 }), TestContext.Current.CancellationToken).Value
            .Document.PublishedRates.ShouldAllBe(r => r.Gap == null); // a gap only for one 40' container
        Service.Compare(new CompareRequest(XianDuisburg with { Feu = 1 }), TestContext.Current.CancellationToken).Value
            .Document.PublishedRates.ShouldNotContain(r => r.Corridor.StartsWith("Middle", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_PublishedRate_IsTheOneNearestTheNetworkYear_WithAGapOnlyWhenItIsNearEnough()
    {
        // Xi'an–Duisburg Northern has rates of 2020-10 (4,500) and 2021-01 (10,000, the container-shortage peak).
        PublishedRateContract Northern(string depart) => Service.Compare(new CompareRequest(XianDuisburg with { Feu = 1, Depart = depart }), TestContext.Current.CancellationToken)
            .Value.Document.PublishedRates.Single(r => r.Corridor.StartsWith("Northern", StringComparison.Ordinal));

        var in2020 = Northern("2020-11-02");
        in2020.CaseId.ShouldBe("nr-rail-feu-2020-10");
        in2020.YearsApart.ShouldBe(0);
        in2020.Gap.ShouldNotBeNull();

        var in2026 = Northern("2026-03-03");
        in2026.CaseId.ShouldBe("nr-rail-feu-2021-01");
        in2026.YearsApart.ShouldBe(-5);
        in2026.Gap.ShouldBeNull();
        in2026.GapText.ShouldBe("not shown: published 5 years before the network year");
    }

    [Fact]
    public void ARouteOverALegWithoutATariff_CostsAtLeastItsTotal_AndNamesTheLeg()
    {
        var answer = Service.Route(new RouteRequest(new RouteQueryRequest { From = "Baku", To = "Kars", Depart = "2026-03-03", Via = ["GE-AKHALKALAKI-1435"] }), TestContext.Current.CancellationToken).Value;

        var route = answer.Result.Routes[0];
        route.CostIsLowerBound.ShouldBeTrue();
        route.UnpricedLegs.ShouldContain("T-GE-AKHALKALAKI-GAUGE");
        answer.Document.Routes[0].CostIsLowerBound.ShouldBeTrue();
        answer.Document.Routes[0].Legs.Single(l => l.Leg == "T-GE-AKHALKALAKI-GAUGE").Priced.ShouldBeFalse();
    }
}

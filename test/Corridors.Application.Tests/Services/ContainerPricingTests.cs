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

        var suez2026 = Sea(2026, "Sea via Suez");
        var cape2026 = Sea(2026, "Sea via Cape");
        suez2026.ShouldBeGreaterThan(cape2026); // toll and war-risk surcharge
        (suez2026 - cape2026).ShouldBe((57.6 + 103) * 1.6, 0.5); // per-TEU charges × 1.6 for a 40'
        (Sea(2023, "Sea via Suez") - Sea(2023, "Sea via Cape")).ShouldBe((50.1 + 8.2) * 1.6, 0.5);
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
        var answer = Service.Compare(new CompareRequest(XianDuisburg with { Feu = 1 }), TestContext.Current.CancellationToken).Value;

        var northern = answer.Document.PublishedRates.Single(r => r.Corridor.StartsWith("Northern", StringComparison.Ordinal));
        northern.CaseId.ShouldBe("nr-wb-feu-westbound-2023"); // the latest Xi'an–Duisburg Northern rate in cases.csv
        var model = answer.Result.Routes.Single(r => r.Corridor == northern.Corridor).Totals.CostUsd;
        northern.ModelUsdPerFeu.ShouldBe(Math.Round(model));
        northern.Gap!.Value.ShouldBe((model - northern.PublishedUsdPerFeu) / northern.PublishedUsdPerFeu, 0.001);
        Service.Compare(new CompareRequest(XianDuisburg with { Teu = 1 }), TestContext.Current.CancellationToken).Value
            .Document.PublishedRates.ShouldAllBe(r => r.Gap == null); // a gap only for one 40' container
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

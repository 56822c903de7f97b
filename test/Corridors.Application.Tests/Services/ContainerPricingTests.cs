using Corridors.Application.Requests;
using Corridors.Application.Services;

namespace Corridors.Tests.Services;

/// <summary>Container types (issue 9): a 40' container costs less than two 20' ones, and takes the same space.</summary>
public sealed class ContainerPricingTests
{
    [Fact]
    public void Compare_OneFeu_CostsLessThanTwoTeuOnTheNorthernAndMiddleRoutes()
    {
        var service = new RouteService(TestWorkspaces.Bundled());
        var query = new RouteQueryRequest { From = "Xian", To = "Duisburg", Depart = "2026-03-03" };

        var feu = service.Compare(new CompareRequest(query with { Feu = 1 }), TestContext.Current.CancellationToken).Value;
        var teu = service.Compare(new CompareRequest(query with { Teu = 2 }), TestContext.Current.CancellationToken).Value;

        foreach (var family in new[] { "Northern", "Middle" })
        {
            var f = feu.Result.Routes.First(r => r.Corridor.StartsWith(family, StringComparison.Ordinal));
            var t = teu.Result.Routes.First(r => r.Corridor == f.Corridor);
            f.Totals.CostUsd.ShouldBeLessThan(t.Totals.CostUsd, family);
            f.Totals.CostUsd.ShouldBe(t.Totals.CostUsd * 1.6 / 2, t.Totals.CostUsd * 1e-6, family); // feu_cost_factor 1.6
            f.Totals.Co2eKg.ShouldBe(t.Totals.Co2eKg, 1e-6, family); // same space and weight as 2 TEU
        }

        feu.Document.Query.Teu.ShouldBe(2);
    }
}

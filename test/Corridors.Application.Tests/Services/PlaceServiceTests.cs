using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Routing;

namespace Corridors.Tests.Services;

/// <summary>Place matching on the bundled data: names, exonyms, aliases, UN/LOCODEs, typos, coordinates, gazetteer towns.</summary>
public sealed class PlaceServiceTests
{
    private static readonly PlaceService Service = new(TestWorkspaces.Bundled());

    [Theory]
    [InlineData("Genoa", "IT-GENOA")] // name
    [InlineData("Genova", "IT-GENOA")] // exonym (the Italian name)
    [InlineData("ITGOA", "IT-GENOA")] // UN/LOCODE from place_names.csv
    [InlineData("itgoa", "IT-GENOA")]
    [InlineData("Poti port", "GE-POTI")] // alias with a generic word
    [InlineData("Hamburg Port", "DE-HAMBURG")]
    [InlineData("Port of Hamburg", "DE-HAMBURG")]
    [InlineData("Antwerpen", "BE-ANTWERP")]
    [InlineData("Milano", "IT-MILAN")]
    [InlineData("DEHAM", "DE-HAMBURG")]
    [InlineData("Łódź", "PL-LODZ")]
    public void Lookup_NameExonymAliasOrLocode_FindsTheNode(string text, string id)
    {
        var d = Service.Lookup(new PlaceLookupRequest(text)).Value;

        d.Status.ShouldBe(PlaceMatchStatus.Found);
        d.Place!.Id.ShouldBe(id);
        d.Note.ShouldBeNull();
    }

    [Fact]
    public void Lookup_Typo_SuggestsTheNearestSpelling()
    {
        var d = Service.Lookup(new PlaceLookupRequest("Hambrug")).Value;

        d.Status.ShouldBe(PlaceMatchStatus.NotFound);
        d.Candidates.Select(c => c.Id).ShouldContain("DE-HAMBURG");
    }

    [Fact]
    public void Lookup_Coordinate_StandsInTheNearestTerminalWithARoadLegAndSaysSo()
    {
        var d = Service.Lookup(new PlaceLookupRequest("44.8,41.7")).Value;

        d.Status.ShouldBe(PlaceMatchStatus.Found);
        d.Place!.Id.ShouldBe("GE-TBILISI");
        d.Note.ShouldBe("'44.8,41.7' is a coordinate, not a network place: using Tbilisi (GE-TBILISI), the nearest terminal with a road leg, 2 km away by great circle; that first or last mile by truck is about 3 road-km, 0.1 h, USD 5 and 3 kg CO2e per TEU, not counted in the route.");
    }

    [Fact]
    public void Lookup_CoordinateInAPlaceWithoutARoadLeg_IsThatPlace_NotAFarTerminal()
    {
        // Astana has rail legs only, and the nearest terminal with a road leg is Ayagoz, over 700 km away; a point
        // in Astana is Astana.
        var d = Service.Lookup(new PlaceLookupRequest("71.43,51.13")).Value;

        d.Status.ShouldBe(PlaceMatchStatus.Found);
        d.Place!.Id.ShouldBe("KZ-ASTANA");
        d.Note!.ShouldStartWith("'71.43,51.13' is a coordinate, not a network place: using Astana (KZ-ASTANA), the network place 7 km away by great circle");
    }

    [Fact]
    public void Lookup_CoordinateNearARailOnlyTerminal_StandsInByItsGeneratedTruckLeg_AndPricesTheFirstMile()
    {
        // Verona had rail legs only; its generated truck leg to Milan lets it stand in for a point 6 km away.
        var d = Service.Lookup(new PlaceLookupRequest("11.0,45.45")).Value;

        d.Status.ShouldBe(PlaceMatchStatus.Found);
        d.Place!.Id.ShouldBe("IT-VERONA");
        d.Note.ShouldNotBeNull();
        d.Note.ShouldContain("by truck is about 8 road-km");
        d.Note.ShouldContain("not counted in the route");
    }

    [Fact]
    public void Lookup_TownOnlyTheGazetteerKnows_StandsInTheNearestRoadTerminal()
    {
        var d = Service.Lookup(new PlaceLookupRequest("Savona")).Value;

        d.Place!.Id.ShouldBe("IT-GENOA");
        d.Note!.ShouldStartWith("'Savona' is not a network place; the port gazetteer puts Savona (ITSVN, IT) at ");
    }

    [Fact]
    public void Lookup_CoordinateOutOfRange_IsAProblemOfQ()
    {
        var outcome = Service.Lookup(new PlaceLookupRequest("200,95"));

        outcome.Problems.ShouldHaveSingleItem().Field.ShouldBe("q");
    }

    [Fact]
    public void List_CountryByNameAndKind_FiltersAndCarriesAliases()
    {
        var d = Service.List(new PlaceListRequest(Country: "Italy", Kind: "seaport")).Value;

        d.Places.ShouldAllBe(p => p.Country == "IT" && p.Kind == "seaport");
        d.Places.Single(p => p.Id == "IT-GENOA").Aliases.ShouldBe(["Genova", "ITGOA"]);
    }

    [Fact]
    public void List_Near_SortsByDistance()
    {
        var d = Service.List(new PlaceListRequest(Near: "9.0,44.4", Limit: 3)).Value;

        d.Places.Count.ShouldBe(3);
        d.Places[0].Id.ShouldBe("IT-GENOA");
        d.Places.Select(p => p.DistanceKm).ShouldBeInOrder();
    }

    [Fact]
    public void List_BadFilters_ReportsEveryProblem()
    {
        var outcome = Service.List(new PlaceListRequest(Year: 1900, Country: "Atlantis", Kind: "harbour", Near: "east", Limit: 0));

        outcome.Problems.Select(p => p.Field).ShouldBe(["year", "country", "kind", "near", "limit"], ignoreOrder: true);
    }

    [Fact]
    public void Resolve_CountryNames_AreAcceptedInAvoid()
    {
        var outcome = RouteQueryResolver.Resolve(new RouteQueryRequest { From = "Xian", To = "Duisburg", AvoidCountries = ["Russia", "belarus", "Türkiye"] }, TestWorkspaces.Bundled());

        outcome.Value.Query.AvoidCountries.ShouldBe(["RU", "BY", "TR"]);
    }

    [Fact]
    public void Resolve_MisspeltCountry_SuggestsTheCountry()
    {
        var outcome = RouteQueryResolver.Resolve(new RouteQueryRequest { From = "Xian", To = "Duisburg", AvoidCountries = ["Rusia"] }, TestWorkspaces.Bundled());

        outcome.Problems.ShouldHaveSingleItem().Message.ShouldBe("'Rusia' is not a country in the data. Did you mean Russia (RU)?");
    }
}

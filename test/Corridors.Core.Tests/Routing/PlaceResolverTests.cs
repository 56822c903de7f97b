using Corridors.Network;
using Corridors.Routing;
using Corridors.Testing;

namespace Corridors.Tests.Routing;

public sealed class PlaceResolverTests
{
    private static readonly CorridorNetwork Network = new TestNetwork()
        .Node("CN-XIAN", "CN", name: "Xi'an", aliases: ["Xian", "Chang'an"])
        .Node("RO-CONSTANTA", "RO", name: "Constanța")
        .Node("TR-ISTANBUL", "TR", name: "İstanbul")
        .Node("DE-DUISBURG", "DE", name: "Duisburg")
        .Node("KZ-DOSTYK", "KZ", name: "Dostyk", kind: NodeKind.Border)
        .Node("KZ-DOSTYK-CITY", "KZ", name: "Dostyk", kind: NodeKind.City)
        .Leg("CN-XIAN", "DE-DUISBURG", 1)
        .Build();

    [Theory]
    [InlineData("Xi'an")]
    [InlineData("Xian")]
    [InlineData("XIAN")]
    [InlineData("xi an")]
    [InlineData("CN-XIAN")]
    [InlineData("cn-xian")]
    public void Resolve_SpellingsOfXian_FindTheNode(string text)
    {
        var match = new PlaceResolver(Network).Resolve(text);

        match.Status.ShouldBe(PlaceMatchStatus.Found);
        Network.Node(match.Node).Id.ShouldBe("CN-XIAN");
    }

    [Theory]
    [InlineData("Constanta", "RO-CONSTANTA")]
    [InlineData("CONSTANȚA", "RO-CONSTANTA")]
    [InlineData("istanbul", "TR-ISTANBUL")]
    public void Resolve_AccentsIgnored(string text, string id)
    {
        var match = new PlaceResolver(Network).Resolve(text);

        Network.Node(match.Node).Id.ShouldBe(id);
    }

    [Fact]
    public void Resolve_Typo_SuggestsTheNearestNames()
    {
        var match = new PlaceResolver(Network).Resolve("Duisberg");

        match.Status.ShouldBe(PlaceMatchStatus.NotFound);
        match.Candidates[0].ShouldBe(new Place("DE-DUISBURG", "Duisburg"));
    }

    [Fact]
    public void Resolve_SharedName_PrefersTheCity()
    {
        var match = new PlaceResolver(Network).Resolve("dostyk");

        Network.Node(match.Node).Id.ShouldBe("KZ-DOSTYK-CITY");
    }

    [Fact]
    public void Resolve_Nonsense_HasNoSuggestions()
    {
        new PlaceResolver(Network).Resolve("Qqqqqqqqqq").Candidates.ShouldBeEmpty();
    }
}

using Corridors.Geo;

namespace Corridors.Tests.Geo;

public sealed class GeoMathTests
{
    [Fact]
    public void SplitAtAntimeridian_NoCrossing_ReturnsTheLineWhole()
    {
        var parts = GeoMath.SplitAtAntimeridian([(10, 0), (20, 5), (30, 10)]);

        parts.ShouldHaveSingleItem().ShouldBe([(10, 0), (20, 5), (30, 10)]);
    }

    [Fact]
    public void SplitAtAntimeridian_UnwrappedEastwardCrossing_SplitsAt180WithInterpolatedLatitude()
    {
        var parts = GeoMath.SplitAtAntimeridian([(160, 0), (170, 10), (190, 20), (200, 30)]);

        parts.Count.ShouldBe(2);
        parts[0].ShouldBe([(160, 0), (170, 10), (180, 15)]);
        parts[1].ShouldBe([(-180, 15), (-170, 20), (-160, 30)]);
    }

    [Fact]
    public void SplitAtAntimeridian_WrappedWestwardCrossing_SplitsAtMinus180()
    {
        var parts = GeoMath.SplitAtAntimeridian([(-175, -10), (175, -20)]);

        parts.Count.ShouldBe(2);
        parts[0].ShouldBe([(-175, -10), (-180, -15)]);
        parts[1].ShouldBe([(180, -15), (175, -20)]);
    }

    [Fact]
    public void SplitAtAntimeridian_TwoCrossings_GivesThreePartsAllInRange()
    {
        // Out across the antimeridian and back (unwrapped, as SeaRouter.Geometry returns it).
        var parts = GeoMath.SplitAtAntimeridian([(170, 0), (190, 0), (200, 10), (170, 20)]);

        parts.Count.ShouldBe(3);
        parts.SelectMany(p => p).ShouldAllBe(p => p.Lon >= -180 && p.Lon <= 180);
        parts[1][0].ShouldBe((-180, 0));
        parts[1][^1].Lon.ShouldBe(-180);
        parts[2][0].Lon.ShouldBe(180);
        parts[2][^1].ShouldBe((170, 20));
    }

    [Fact]
    public void SplitAtAntimeridian_Empty_GivesOneEmptyPart()
    {
        GeoMath.SplitAtAntimeridian([]).ShouldHaveSingleItem().ShouldBeEmpty();
    }
}

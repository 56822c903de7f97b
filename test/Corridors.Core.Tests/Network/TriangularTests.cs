using Corridors.Network;

namespace Corridors.Tests.Network;

public sealed class TriangularTests
{
    [Fact]
    public void Quantile_Endpoints_ReturnMinAndMax()
    {
        var t = new Triangular(2, 5, 11);
        t.Quantile(0).ShouldBe(2, 1e-12);
        t.Quantile(1).ShouldBe(11, 1e-12);
        t.Quantile((5.0 - 2) / 9).ShouldBe(5, 1e-9);
        t.Mean.ShouldBe(6, 1e-12);
    }
}

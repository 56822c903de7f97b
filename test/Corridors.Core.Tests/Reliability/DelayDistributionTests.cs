using Corridors.Reliability;

namespace Corridors.Tests.Reliability;

public sealed class DelayDistributionTests
{
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.9, 1.2815515655446004)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(1e-6, -4.753424308822899)]
    public void StandardNormalQuantile_KnownPoints_MatchTables(double p, double z)
    {
        StandardNormal.Quantile(p).ShouldBe(z, 1e-8);
        StandardNormal.Cdf(z).ShouldBe(p, 2e-7);
    }

    [Theory]
    [InlineData(DistributionKind.Triangular, 2.0, 5.0, 11.0)]
    [InlineData(DistributionKind.Uniform, 3.0, 8.0, 0.0)]
    [InlineData(DistributionKind.Exponential, 4.0, 0.0, 0.0)]
    [InlineData(DistributionKind.LogNormal, 1.5, 0.6, 0.0)]
    [InlineData(DistributionKind.Normal, 10.0, 2.0, 0.0)]
    [InlineData(DistributionKind.ResidualOfUniformHeadway, 72.0, 120.0, 0.0)]
    [InlineData(DistributionKind.ResidualOfUniformHeadway, 168.0, 168.0, 0.0)]
    public void Quantile_IsInverseOfCdf(DistributionKind kind, double a, double b, double c)
    {
        var d = new DelayDistribution(kind, a, b, c);
        d.IsValid.ShouldBeTrue();
        foreach (var u in new[] { 0.001, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999 })
        {
            d.Cdf(d.Quantile(u)).ShouldBe(u, 1e-6, $"{d} at u={u}");
        }
    }

    [Theory]
    [InlineData(DistributionKind.Fixed, 96.0, 0.0, 0.0)]
    [InlineData(DistributionKind.Uniform, 72.0, 120.0, 0.0)]
    [InlineData(DistributionKind.Triangular, 2.0, 5.0, 11.0)]
    [InlineData(DistributionKind.Exponential, 4.0, 0.0, 0.0)]
    [InlineData(DistributionKind.LogNormal, 1.5, 0.6, 0.0)]
    [InlineData(DistributionKind.Normal, 10.0, 2.0, 0.0)]
    [InlineData(DistributionKind.ResidualOfUniformHeadway, 72.0, 120.0, 0.0)]
    public void ScaledToMean_AnyKind_HitsTheMeanAndKeepsTheRelativeSpread(DistributionKind kind, double a, double b, double c)
    {
        var d = new DelayDistribution(kind, a, b, c);

        var scaled = d.ScaledToMean(23.0);

        scaled.Kind.ShouldBe(kind);
        scaled.IsValid.ShouldBeTrue();
        scaled.Mean.ShouldBe(23.0, 1e-9);
        (Math.Sqrt(scaled.Variance) / scaled.Mean).ShouldBe(Math.Sqrt(d.Variance) / d.Mean, 1e-9);
    }

    [Fact]
    public void ScaledToMean_CaspianHeadwayAtSevenSailingsAWeek_IsUniformAroundTwentyFourHours()
    {
        // U(3 d, 5 d) has mean 96 h; at 7 departures a week the mean headway is 24 h: U(18 h, 30 h).
        DelayDistribution.Uniform(72, 120).ScaledToMean(24).ShouldBe(DelayDistribution.Uniform(18, 30));
    }

    [Fact]
    public void ScaledToMean_ZeroMean_Throws()
    {
        var ex = Should.Throw<InvalidOperationException>(() => DelayDistribution.Zero.ScaledToMean(10));
        ex.Message.ShouldBe("Only a distribution with a positive, finite mean can be scaled to a mean; fixed 0 has mean 0.");
        Should.Throw<ArgumentOutOfRangeException>(() => DelayDistribution.Uniform(1, 2).ScaledToMean(double.NaN));
    }

    [Theory]
    [InlineData(DistributionKind.Triangular, 2.0, 5.0, 11.0)]
    [InlineData(DistributionKind.Exponential, 4.0, 0.0, 0.0)]
    [InlineData(DistributionKind.LogNormal, 1.5, 0.6, 0.0)]
    [InlineData(DistributionKind.ResidualOfUniformHeadway, 72.0, 120.0, 0.0)]
    public void MeanAndVariance_MatchNumericalIntegrationOfQuantile(DistributionKind kind, double a, double b, double c)
    {
        // E[X^k] = ∫ Q(u)^k du over (0, 1), by the midpoint rule on a fine grid.
        var d = new DelayDistribution(kind, a, b, c);
        const int n = 2_000_000;
        double m1 = 0, m2 = 0;
        for (var i = 0; i < n; i++)
        {
            var x = d.Quantile((i + 0.5) / n);
            m1 += x;
            m2 += x * x;
        }

        m1 /= n;
        m2 /= n;
        m1.ShouldBe(d.Mean, 1e-3 * Math.Max(1, d.Mean));
        (m2 - (m1 * m1)).ShouldBe(d.Variance, 5e-3 * Math.Max(1, d.Variance));
    }

    [Fact]
    public void ResidualOfUniformHeadway_CaspianThreeToFiveDays_MeanIsAboutTwoDays()
    {
        // Headways of 3–5 days: a shipper turning up at a random time waits E[H²]/(2E[H]) = (16 + 1/3)/8 days.
        var wait = DelayDistribution.ResidualOfUniformHeadway(72, 120);
        (wait.Mean / 24).ShouldBe((16 + (1.0 / 3)) / 8, 1e-9);
    }

    [Fact]
    public void LogNormalFromMedianP95_HitsBothPoints()
    {
        var d = DelayDistribution.LogNormalFromMedianP95(120, 384);
        d.Quantile(0.5).ShouldBe(120, 1e-6);
        d.Quantile(0.95).ShouldBe(384, 1e-4);
    }

    [Theory]
    [InlineData("11-3", "1;2;3;11;12")]
    [InlineData("4", "4")]
    [InlineData("1-2;7", "1;2;7")]
    [InlineData("", "all")]
    public void MonthSetTryParse_RangesAndLists_GiveMonths(string text, string expected)
    {
        MonthSet.TryParse(text, out var months).ShouldBeTrue();
        months.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("13")]
    [InlineData("0-3")]
    [InlineData("jan")]
    public void MonthSetTryParse_BadMonth_Fails(string text) => MonthSet.TryParse(text, out _).ShouldBeFalse();
}

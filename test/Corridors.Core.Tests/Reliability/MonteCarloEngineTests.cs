using Corridors.Network;
using Corridors.Reliability;

namespace Corridors.Tests.Reliability;

public sealed class MonteCarloEngineTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static ReliabilityResult Run(CorridorNetwork network, EdgeId[] path, ReliabilityModel model, int samples = 100_000, long seed = 42, int threads = -1, DateTimeOffset? departure = null)
    {
        var plan = model.Compile(network, path, departure ?? Monday);
        return new MonteCarloEngine().Run(plan, new MonteCarloOptions { Samples = samples, Seed = seed, MaxDegreeOfParallelism = threads }, null, TestContext.Current.CancellationToken);
    }

    private static ReliabilityModel RailVariation(DelayDistribution factor) =>
        new([ChainNetwork.Rule("rv", ReliabilityComponent.RunningVariation, RuleScope.Mode, ["rail"], factor)]);

    [Fact]
    public void Run_SumOfNormalLegs_QuantilesMatchNormal()
    {
        // Given 12 rail legs of 10..21 h, each running time normal with CV 10 %
        var chain = new ChainNetwork().Node("N0");
        double mean = 0, variance = 0;
        for (var i = 1; i <= 12; i++)
        {
            var h = 9.0 + i;
            chain.Node("N" + i).Leg("L" + i, distanceKm: h * 50, speedKmh: 50);
            mean += h;
            variance += (0.1 * h) * (0.1 * h);
        }

        var network = chain.Build(out var path);

        // When simulated
        var result = Run(network, path, RailVariation(DelayDistribution.Normal(1, 0.1)), samples: 200_000);

        // Then the total is N(Σh, Σ(0.1h)²): quantiles within 2 % of a standard deviation
        var sd = Math.Sqrt(variance);
        foreach (var p in new[] { 0.10, 0.50, 0.90, 0.95 })
        {
            result.QuantileHours(p).ShouldBe(mean + (sd * StandardNormal.Quantile(p)), 0.02 * sd, $"p={p}");
        }

        result.MeanHours.ShouldBe(mean, 0.01 * sd);
        Math.Sqrt(result.VarianceHours).ShouldBe(sd, 0.01 * sd);
    }

    [Fact]
    public void Run_SkewedRunningVariation_IsCentredOnTheLegsMeanTime_SoRoutingTimeIsTheExpectation()
    {
        // Speeds are averages: distance / speed is the mean running time routing uses, and a right-skewed variation
        // (mode 1, mean 1.1) gives only the shape. Without disruption rules the Monte Carlo mean is routing's time.
        var chain = new ChainNetwork().Node("N0");
        double routing = 0;
        for (var i = 1; i <= 6; i++)
        {
            chain.Node("N" + i).Leg("L" + i, distanceKm: 400 * i, speedKmh: 40);
            routing += 10.0 * i;
        }

        var network = chain.Build(out var path);
        var result = Run(network, path, RailVariation(DelayDistribution.Triangular(0.9, 1.0, 1.4)), samples: 100_000);

        result.MeanHours.ShouldBe(routing, 0.003 * routing);
        result.QuantileHours(0.001).ShouldBeGreaterThan(routing * 0.9 / 1.1 * 0.99); // the shape: 0.82–1.27 × the mean
        result.QuantileHours(0.999).ShouldBeLessThan(routing * 1.4 / 1.1);
    }

    [Fact]
    public void Run_SumOfExponentialLegs_MatchesErlangCdf()
    {
        // Five legs of exponential running time with mean 24 h: the total is Erlang(5, 1/24).
        const int k = 5;
        const double legMean = 24;
        var network = ChainNetwork.RailChain(k, legMean).Build(out var path);
        var result = Run(network, path, RailVariation(DelayDistribution.Exponential(1)), samples: 200_000);

        foreach (var p in new[] { 0.10, 0.50, 0.90, 0.95 })
        {
            var q = ErlangQuantile(k, legMean, p);
            result.ProbabilityWithinHours(q).ShouldBe(p, 0.005, $"p={p}");
            result.QuantileHours(p).ShouldBe(q, 0.01 * q);
        }
    }

    [Fact]
    public void Run_SingleTriangularLeg_PassesKolmogorovSmirnov()
    {
        var network = new ChainNetwork().Node("A").Node("B").Leg("AB", hours: new Triangular(20, 26, 44)).Build(out var path);
        var result = Run(network, path, ReliabilityModel.Empty, samples: 50_000);
        var exact = DelayDistribution.Triangular(20, 26, 44);
        KolmogorovSmirnov(result.SortedHours, exact).ShouldBeLessThan(1.63 / Math.Sqrt(50_000)); // 1 % critical value
    }

    [Fact]
    public void Run_SailWhenFullFerry_WaitIsResidualHeadway()
    {
        // Given a Caspian ferry leg of fixed 20 h that sails when full every 3–5 days
        var network = new ChainNetwork()
            .Node("AKTAU", sea: SeaArea.Caspian).Node("ALAT", sea: SeaArea.Caspian)
            .Leg("F", TransportMode.Ferry, hours: Triangular.Fixed(20))
            .Service("F", ServiceKind.SailWhenFull, 1.75)
            .Build(out var path);
        var model = new ReliabilityModel([ChainNetwork.Rule("h", ReliabilityComponent.SailingHeadway, RuleScope.Sea, ["caspian"], DelayDistribution.Uniform(72, 120))]);

        var result = Run(network, path, model, samples: 50_000);

        // Then transit − 20 h follows the residual-life distribution of the headways
        var shifted = new double[result.Samples];
        for (var i = 0; i < shifted.Length; i++)
        {
            shifted[i] = result.SortedHours[i] - 20;
        }

        KolmogorovSmirnov(shifted, DelayDistribution.ResidualOfUniformHeadway(72, 120)).ShouldBeLessThan(1.63 / Math.Sqrt(50_000));
    }

    [Fact]
    public void Run_ScheduledWeeklyServiceWithMissedSailings_WaitsWholeWeeks()
    {
        // Weekly departure Monday 00:00 UTC; cargo ready Monday 01:00 waits 167 h, plus 168 h per missed sailing.
        var network = new ChainNetwork().Node("P").Node("Q")
            .Leg("PQ", TransportMode.Feeder, hours: Triangular.Fixed(0))
            .Service("PQ", ServiceKind.Scheduled, 1, [DayOfWeek.Monday], 0)
            .Build(out var path);
        var model = new ReliabilityModel([ChainNetwork.Rule("m", ReliabilityComponent.MissedSailing, RuleScope.Mode, ["feeder"], DelayDistribution.Zero, probability: 0.2)]);

        var result = Run(network, path, model, samples: 100_000, departure: Monday.AddHours(1));

        result.SortedHours[0].ShouldBe(167, 1e-9);
        result.ProbabilityWithinHours(167).ShouldBe(0.8, 0.005);
        result.ProbabilityWithinHours(167 + 168).ShouldBe(0.96, 0.003);
        result.MeanHours.ShouldBe(167 + (168 * 0.2 / 0.8), 2.0);
    }

    [Fact]
    public void Run_DwellTail_AddsRareLongHoldToMean()
    {
        // Border dwell triangular(4, 8, 24) h plus, with p = 0.1, a lognormal hold (median 120 h, P95 384 h).
        var network = new ChainNetwork().Node("A").Node("BREST", dwell: new Triangular(4, 8, 24), kind: NodeKind.Border).Leg("AB", hours: Triangular.Fixed(10))
            .Node("C").Leg("BC", hours: Triangular.Fixed(10)).Build(out var path);
        var tail = DelayDistribution.LogNormalFromMedianP95(120, 384);
        var model = new ReliabilityModel([ChainNetwork.Rule("t", ReliabilityComponent.DwellTail, RuleScope.Node, ["BREST"], tail, probability: 0.1)]);

        var result = Run(network, path, model, samples: 400_000);

        var expected = 20 + 12 + (0.1 * tail.Mean);
        var sd = Math.Sqrt(DelayDistribution.Triangular(4, 8, 24).Variance + (0.1 * (tail.Variance + (tail.Mean * tail.Mean))) - Math.Pow(0.1 * tail.Mean, 2));
        result.MeanHours.ShouldBe(expected, 4 * sd / Math.Sqrt(400_000));
        result.ProbabilityWithinHours(44).ShouldBe(0.9, 0.01); // everything without a hold is under 20 + 24 h
    }

    [Fact]
    public void Run_ScaleShock_HitsEveryMatchingNodeOfTheTripTogether()
    {
        // Two borders with a fixed 10 h dwell; a congestion shock (p = 0.5) triples both at once, never one alone.
        var network = new ChainNetwork().Node("A")
            .Node("B1", dwell: Triangular.Fixed(10), kind: NodeKind.Border).Leg("L1", hours: Triangular.Fixed(0))
            .Node("B2", dwell: Triangular.Fixed(10), kind: NodeKind.Border).Leg("L2", hours: Triangular.Fixed(0))
            .Node("Z").Leg("L3", hours: Triangular.Fixed(0))
            .Build(out var path);
        var model = new ReliabilityModel([ChainNetwork.Rule("congestion", ReliabilityComponent.Shock, RuleScope.NodeKind, ["border"], DelayDistribution.Fixed(3), 0.5, ShockEffect.Scale)]);

        var result = Run(network, path, model, samples: 20_000);

        result.ProbabilityWithinHours(20).ShouldBe(0.5, 0.02);
        result.ProbabilityWithinHours(59.999).ShouldBe(result.ProbabilityWithinHours(20)); // no trip at 40 h
        result.SortedHours[^1].ShouldBe(60, 1e-9);
    }

    [Fact]
    public void Run_AddOnceShock_AppliesAtFirstMatchOnly()
    {
        var network = new ChainNetwork().Node("A")
            .Node("B1", kind: NodeKind.Border).Leg("L1", hours: Triangular.Fixed(1))
            .Node("B2", kind: NodeKind.Border).Leg("L2", hours: Triangular.Fixed(1))
            .Node("Z").Leg("L3", hours: Triangular.Fixed(1))
            .Build(out var path);
        var model = new ReliabilityModel([ChainNetwork.Rule("closure", ReliabilityComponent.Shock, RuleScope.NodeKind, ["border"], DelayDistribution.Fixed(100), 1)]);

        var result = Run(network, path, model, samples: 1000);

        result.SortedHours[0].ShouldBe(103, 1e-9);
        result.SortedHours[^1].ShouldBe(103, 1e-9);
        result.Contributors[1].VarianceShare.ShouldBe(0); // no spread at all
    }

    [Fact]
    public void Run_WeatherClosure_OnlyInItsMonths()
    {
        var network = new ChainNetwork().Node("AKTAU", sea: SeaArea.Caspian).Node("ALAT", sea: SeaArea.Caspian)
            .Leg("F", TransportMode.Ferry, hours: Triangular.Fixed(20)).Build(out var path);
        var model = new ReliabilityModel([ChainNetwork.Rule("storm", ReliabilityComponent.WeatherClosure, RuleScope.Sea, ["caspian"], DelayDistribution.Fixed(48), 1, months: "11-3")]);

        Run(network, path, model, samples: 100, departure: new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero)).MeanHours.ShouldBe(68, 1e-9);
        Run(network, path, model, samples: 100, departure: new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero)).MeanHours.ShouldBe(20, 1e-9);
    }

    [Fact]
    public void Run_SameSeedOnOneTwoAndEightThreads_GivesIdenticalNumbers()
    {
        var (network, path, model) = MixedRoute();
        var one = Run(network, path, model, samples: 50_000, seed: 7, threads: 1);
        var two = Run(network, path, model, samples: 50_000, seed: 7, threads: 2);
        var eight = Run(network, path, model, samples: 50_000, seed: 7, threads: 8);

        two.SortedHours.SequenceEqual(one.SortedHours).ShouldBeTrue();
        eight.SortedHours.SequenceEqual(one.SortedHours).ShouldBeTrue();
        eight.MeanHours.ShouldBe(one.MeanHours); // bit-identical, not merely close
        eight.VarianceHours.ShouldBe(one.VarianceHours);
        eight.Contributors.Select(c => c.VarianceShare).ShouldBe(one.Contributors.Select(c => c.VarianceShare));

        var other = Run(network, path, model, samples: 50_000, seed: 8, threads: 2);
        other.MeanHours.ShouldNotBe(one.MeanHours);
    }

    [Fact]
    public void Run_MoreSamples_EstimateSpreadShrinksAsOneOverRootN()
    {
        // Standard deviation of the P90 estimate over 40 seeds, at n and 16n samples: ratio ≈ √16 = 4. Disjoint
        // seeds, because a run's first blocks are shared with any longer run of the same seed.
        var (network, path, model) = MixedRoute();
        var plan = model.Compile(network, path, Monday);
        var engine = new MonteCarloEngine();
        double Spread(int n, int firstSeed)
        {
            var estimates = Enumerable.Range(firstSeed, 40)
                .Select(seed => engine.Run(plan, new MonteCarloOptions { Samples = n, Seed = seed }, null, TestContext.Current.CancellationToken).QuantileHours(0.9))
                .ToArray();
            var mean = estimates.Average();
            return Math.Sqrt(estimates.Sum(x => (x - mean) * (x - mean)) / (estimates.Length - 1));
        }

        var ratio = Spread(2_000, 1) / Spread(32_000, 1001);
        ratio.ShouldBeInRange(2.0, 8.0);
    }

    [Fact]
    public void OnTimeProbability_LaterDeadline_NeverLower()
    {
        var (network, path, model) = MixedRoute();
        var result = Run(network, path, model, samples: 20_000);
        var previous = 0.0;
        for (var hours = 0; hours <= 2000; hours += 7)
        {
            var p = result.OnTimeProbability(Monday.AddHours(hours));
            p.ShouldBeGreaterThanOrEqualTo(previous);
            previous = p;
        }

        previous.ShouldBe(1);
        result.OnTimeProbability(Monday).ShouldBe(0);
    }

    [Fact]
    public void Contributors_SharesSumToOne_AndTheNoisyLegLeads()
    {
        var (network, path, model) = MixedRoute();
        var result = Run(network, path, model, samples: 50_000);
        result.Contributors.Sum(c => c.VarianceShare).ShouldBe(1, 1e-9);
        result.Contributors.MaxBy(c => c.VarianceShare)!.To.ShouldBe("ALAT"); // the sail-when-full ferry
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        var (network, path, model) = MixedRoute();
        var plan = model.Compile(network, path, Monday);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Should.Throw<OperationCanceledException>(() => new MonteCarloEngine().Run(plan, new MonteCarloOptions { Samples = 100_000 }, null, cts.Token));
    }

    [Fact]
    public void Run_Progress_ReachesTotal()
    {
        var (network, path, model) = MixedRoute();
        var plan = model.Compile(network, path, Monday);
        var reports = new List<MonteCarloProgress>();
        var progress = new SynchronousProgress(p => { lock (reports) { reports.Add(p); } });
        new MonteCarloEngine().Run(plan, new MonteCarloOptions { Samples = 10_000 }, progress, TestContext.Current.CancellationToken);
        reports.Count.ShouldBe(3); // ceil(10,000 / 4,096) blocks
        reports.Max(r => r.CompletedSamples).ShouldBe(10_000);
    }

    [Fact]
    public void Compile_PathNotContiguous_Throws()
    {
        var network = ChainNetwork.RailChain(3, 10).Build(out var path);
        var ex = Should.Throw<ArgumentException>(() => ReliabilityModel.Empty.Compile(network, [path[0], path[2]], Monday));
        ex.Message.ShouldStartWith($"The route is not contiguous: edge {path[2]} at position 1 does not start where edge {path[0]} ends.");
    }

    [Fact]
    public void ByPercentile_AndByExpectedCost_OrderAlternatives()
    {
        // A: fast but spread (ferry); B: slow and certain.
        var (network, path, model) = MixedRoute();
        var a = Run(network, path, model, samples: 20_000);
        var slow = new ChainNetwork().Node("X").Node("Y").Leg("XY", hours: Triangular.Fixed(a.QuantileHours(0.8))).Build(out var slowPath);
        var b = Run(slow, slowPath, ReliabilityModel.Empty, samples: 1000);

        var byP90 = ReliabilityRanking.ByPercentile([new RouteAlternative("A", a), new RouteAlternative("B", b)], 0.9);
        byP90[0].Alternative.Name.ShouldBe("B");
        ReliabilityRanking.ByPercentile([new RouteAlternative("A", a), new RouteAlternative("B", b)], 0.5)[0].Alternative.Name.ShouldBe("A");

        var deadline = Monday.AddHours(a.QuantileHours(0.8));
        var cheapLate = ReliabilityRanking.ByExpectedCost([new RouteAlternative("A", a, 1000), new RouteAlternative("B", b, 3000)], deadline, 0);
        cheapLate[0].Alternative.Name.ShouldBe("A");
        var costlyLate = ReliabilityRanking.ByExpectedCost([new RouteAlternative("A", a, 1000), new RouteAlternative("B", b, 3000)], deadline, 1_000_000);
        costlyLate[0].Alternative.Name.ShouldBe("B");
        costlyLate[1].ExpectedLatenessDays!.Value.ShouldBeGreaterThan(0);
    }

    /// <summary>Rail (speed, varied) → border dwell with a tail → sail-when-full Caspian ferry → rail.</summary>
    private static (CorridorNetwork Network, EdgeId[] Path, ReliabilityModel Model) MixedRoute()
    {
        var network = new ChainNetwork()
            .Node("DOSTYK")
            .Node("AKTAU", dwell: new Triangular(6, 12, 30), rule: DwellRule.Transfer, sea: SeaArea.Caspian, kind: NodeKind.Seaport)
            .Leg("R1", distanceKm: 2500, speedKmh: 33)
            .Node("ALAT", dwell: new Triangular(6, 20, 30), rule: DwellRule.Transfer, sea: SeaArea.Caspian, kind: NodeKind.Seaport)
            .Leg("F", TransportMode.Ferry, hours: new Triangular(18, 20, 30))
            .Service("F", ServiceKind.SailWhenFull, 1.75)
            .Node("POTI")
            .Leg("R2", distanceKm: 800, speedKmh: 30)
            .Build(out var path);
        var model = new ReliabilityModel(
        [
            ChainNetwork.Rule("rv", ReliabilityComponent.RunningVariation, RuleScope.Mode, ["rail"], DelayDistribution.Triangular(0.9, 1.0, 1.4)),
            ChainNetwork.Rule("h", ReliabilityComponent.SailingHeadway, RuleScope.Sea, ["caspian"], DelayDistribution.Uniform(72, 120)),
            ChainNetwork.Rule("tail", ReliabilityComponent.DwellTail, RuleScope.NodeKind, ["seaport"], DelayDistribution.LogNormalFromMedianP95(24, 72), 0.05),
        ]);
        return (network, path, model);
    }

    private static double ErlangQuantile(int k, double mean, double p)
    {
        double Cdf(double x)
        {
            var lx = x / mean;
            double term = 1, sum = 1;
            for (var n = 1; n < k; n++)
            {
                term *= lx / n;
                sum += term;
            }

            return 1 - (Math.Exp(-lx) * sum);
        }

        double lo = 0, hi = mean * k * 20;
        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (Cdf(mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    private static double KolmogorovSmirnov(ReadOnlySpan<double> sorted, DelayDistribution exact)
    {
        var d = 0.0;
        var n = sorted.Length;
        for (var i = 0; i < n; i++)
        {
            var f = exact.Cdf(sorted[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - f, f - ((double)i / n)));
        }

        return d;
    }

    private sealed class SynchronousProgress(Action<MonteCarloProgress> report) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => report(value);
    }
}

using Corridors.Simulation;

namespace Corridors.Tests.Simulation;

public sealed class KernelTests
{
    [Fact]
    public void Events_come_out_by_time_then_by_scheduling_order()
    {
        var q = new EventQueue(2);
        var random = new Corridors.Reliability.RandomStream(7);
        var expected = new List<(double Time, int Id)>();
        for (var i = 0; i < 5000; i++)
        {
            // Few distinct times, so most events tie with others.
            var t = Math.Floor(random.NextDouble() * 50);
            q.Schedule(t, 0, i);
            expected.Add((t, i));
        }

        var order = expected.OrderBy(e => e.Time).ThenBy(e => e.Id).Select(e => e.Id).ToList();
        var got = new List<int>();
        while (q.TryDequeue(out var e))
        {
            got.Add(e.Target);
        }

        got.ShouldBe(order);
    }

    [Fact]
    public void A_non_finite_time_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new EventQueue().Schedule(double.NaN, 0));
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(1, 0.8)]
    [InlineData(2, 0.6)]
    [InlineData(3, 0.7)]
    [InlineData(4, 0.85)]
    public void MMc_mean_wait_matches_Erlang_C(int servers, double rho)
    {
        const double mu = 1.0;
        var lambda = rho * servers * mu;
        var theory = QueueingTheory.MmcMeanWait(lambda, mu, servers);
        var result = new MultiServerQueue().Run(lambda, mu, servers, ServiceLaw.Exponential, 2_000_000, seed: 42, warmup: 20_000);
        (Math.Abs(result.MeanWait - theory) / theory).ShouldBeLessThan(0.04, $"simulated {result.MeanWait:0.0000}, Erlang C {theory:0.0000}");
        result.Utilisation.ShouldBe(rho, 0.01);

        // Little's law ties the time-average queue to the mean wait.
        result.MeanQueueLength.ShouldBe(lambda * result.MeanWait, 0.05 * lambda * result.MeanWait + 0.001);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(1, 0.8)]
    [InlineData(2, 0.7)]
    [InlineData(3, 0.6)]
    public void MDc_mean_wait_matches_the_known_waiting_time(int servers, double rho)
    {
        const double mu = 1.0;
        var lambda = rho * servers * mu;
        var theory = QueueingTheory.MdcMeanWait(lambda, mu, servers);
        var result = new MultiServerQueue().Run(lambda, mu, servers, ServiceLaw.Deterministic, 2_000_000, seed: 7, warmup: 20_000);
        (Math.Abs(result.MeanWait - theory) / theory).ShouldBeLessThan(0.04, $"simulated {result.MeanWait:0.0000}, theory {theory:0.0000}");
    }

    [Fact]
    public void Erlang_C_matches_a_textbook_value()
    {
        // c = 2, a = 1 (ρ = 0.5): C = a^c/c! · c/(c−a) / (Σ_{k<c} a^k/k! + a^c/c! · c/(c−a)) = 1 / (2 + 1) = 1/3.
        QueueingTheory.ErlangC(2, 1).ShouldBe(1.0 / 3, 1e-12);
        Should.Throw<ArgumentOutOfRangeException>(() => QueueingTheory.ErlangC(1, 1)); // ρ = 1 has no steady state
    }

    [Fact]
    public void Arrivals_are_conserved_and_the_same_seed_gives_the_same_run()
    {
        var a = new MultiServerQueue().Run(0.9, 1, 1, ServiceLaw.Exponential, 50_000, seed: 3);
        var b = new MultiServerQueue().Run(0.9, 1, 1, ServiceLaw.Exponential, 50_000, seed: 3);
        var c = new MultiServerQueue().Run(0.9, 1, 1, ServiceLaw.Exponential, 50_000, seed: 4);
        a.ShouldBe(b);
        c.MeanWait.ShouldNotBe(a.MeanWait);
        a.Arrived.ShouldBe(a.Customers + a.StillWaiting);
    }
}

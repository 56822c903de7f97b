namespace Corridors.Simulation;

/// <summary>
/// Closed-form results for multi-server queues, the yardsticks the simulation kernel is tested against:
/// Erlang C for M/M/c and, for M/D/c, the Pollaczek–Khinchine formula (c = 1, exact) and Cosmetatos' correction of
/// half the M/M/c wait (c &gt; 1, an approximation good to about 1–2 % at moderate loads).
/// </summary>
public static class QueueingTheory
{
    /// <summary>Probability that an arrival waits in an M/M/c queue (Erlang C).</summary>
    /// <param name="servers">c ≥ 1.</param>
    /// <param name="offeredLoad">a = λ/μ, below <paramref name="servers"/>.</param>
    public static double ErlangC(int servers, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        if (!(offeredLoad >= 0) || offeredLoad >= servers)
        {
            throw new ArgumentOutOfRangeException(nameof(offeredLoad), offeredLoad, "The offered load must be at least 0 and below the number of servers.");
        }

        // Erlang B by its stable recursion, then C from B.
        var b = 1.0;
        for (var k = 1; k <= servers; k++)
        {
            b = offeredLoad * b / (k + (offeredLoad * b));
        }

        var rho = offeredLoad / servers;
        return b / (1 - (rho * (1 - b)));
    }

    /// <summary>Mean wait in queue of M/M/c, in the time unit of the rates.</summary>
    /// <param name="arrivalRate">λ.</param>
    /// <param name="serviceRate">μ per server.</param>
    /// <param name="servers">c.</param>
    public static double MmcMeanWait(double arrivalRate, double serviceRate, int servers)
    {
        var a = arrivalRate / serviceRate;
        return ErlangC(servers, a) / ((servers * serviceRate) - arrivalRate);
    }

    /// <summary>Mean wait in queue of M/D/c (deterministic service 1/μ).</summary>
    /// <param name="arrivalRate">λ.</param>
    /// <param name="serviceRate">μ per server.</param>
    /// <param name="servers">c.</param>
    public static double MdcMeanWait(double arrivalRate, double serviceRate, int servers)
    {
        var rho = arrivalRate / (servers * serviceRate);
        var mmc = MmcMeanWait(arrivalRate, serviceRate, servers);
        if (servers == 1)
        {
            return mmc / 2; // Pollaczek–Khinchine with zero service variance: exactly half of M/M/1.
        }

        var correction = 1 + ((1 - rho) * (servers - 1) * (Math.Sqrt(4 + (5.0 * servers)) - 2) / (16 * rho * servers));
        return 0.5 * correction * mmc;
    }
}

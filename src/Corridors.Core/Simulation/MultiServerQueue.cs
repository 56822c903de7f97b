using Corridors.Reliability;

namespace Corridors.Simulation;

/// <summary>Service-time law of a <see cref="MultiServerQueue"/>.</summary>
public enum ServiceLaw
{
    /// <summary>Exponential (M/M/c).</summary>
    Exponential,

    /// <summary>Constant (M/D/c).</summary>
    Deterministic,
}

/// <summary>What one <see cref="MultiServerQueue"/> run measured.</summary>
/// <param name="Customers">Customers served (after the warm-up).</param>
/// <param name="MeanWait">Mean wait in queue, in the time unit of the rates.</param>
/// <param name="MeanQueueLength">Time-average number waiting.</param>
/// <param name="Utilisation">Time-average busy fraction of the servers.</param>
/// <param name="Events">Events processed, warm-up included.</param>
/// <param name="Arrived">Customers that arrived in the measured window.</param>
/// <param name="StillWaiting">Customers still in queue or in service at the end.</param>
public readonly record struct QueueRunResult(long Customers, double MeanWait, double MeanQueueLength, double Utilisation, long Events, long Arrived, long StillWaiting);

/// <summary>
/// A Poisson-arrival, c-server FIFO queue on the <see cref="EventQueue"/> kernel: the reference model for the
/// kernel's tests (against <see cref="QueueingTheory"/>) and for its benchmark against SimPy. Nothing is allocated per
/// event; the waiting line is a ring buffer of arrival times that grows by doubling.
/// </summary>
public sealed class MultiServerQueue
{
    private const int Arrival = 0;
    private const int Departure = 1;
    private readonly EventQueue _events = new(64);
    private double[] _line = new double[1024];

    /// <summary>Runs until <paramref name="customers"/> have been served after <paramref name="warmup"/> served first.</summary>
    /// <param name="arrivalRate">λ.</param>
    /// <param name="serviceRate">μ per server.</param>
    /// <param name="servers">c.</param>
    /// <param name="law">Service-time law.</param>
    /// <param name="customers">Customers to measure.</param>
    /// <param name="seed">Seed of the random stream.</param>
    /// <param name="warmup">Customers served before measuring (their waits are dropped).</param>
    public QueueRunResult Run(double arrivalRate, double serviceRate, int servers, ServiceLaw law, long customers, long seed, long warmup = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customers);
        if (!(arrivalRate > 0) || !(serviceRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(arrivalRate), "Both rates must be above 0.");
        }

        var random = RandomStream.ForBlock(seed, 0);
        var meanGap = 1 / arrivalRate;
        var meanService = 1 / serviceRate;
        _events.Clear();
        var head = 0;
        var waiting = 0;
        var busy = 0;
        long served = 0;
        long events = 0;
        long arrived = 0;
        var waitSum = 0.0;
        var areaQueue = 0.0;
        var areaBusy = 0.0;
        var start = double.NaN;
        var last = 0.0;
        var measuring = warmup == 0;
        if (measuring)
        {
            start = 0;
        }

        _events.Schedule(-meanGap * Math.Log(random.NextOpenDouble()), Arrival);
        while (served < customers + warmup && _events.TryDequeue(out var e))
        {
            events++;
            var now = e.Time;
            if (measuring)
            {
                areaQueue += waiting * (now - last);
                areaBusy += busy * (now - last);
            }

            last = now;
            if (e.Kind == Arrival)
            {
                if (measuring)
                {
                    arrived++;
                }

                _events.Schedule(now - (meanGap * Math.Log(random.NextOpenDouble())), Arrival);
                if (busy < servers)
                {
                    busy++;
                    _events.Schedule(now + Service(ref random, law, meanService), Departure);
                }
                else
                {
                    if (waiting == _line.Length)
                    {
                        Grow(ref head, waiting);
                    }

                    _line[(head + waiting) & (_line.Length - 1)] = now;
                    waiting++;
                }

                continue;
            }

            // A departure: the server takes the head of the line, if any.
            served++;
            if (!measuring && served == warmup)
            {
                // The customer just served closes the warm-up; measuring starts now.
                measuring = true;
                start = now;
            }

            if (waiting > 0)
            {
                var arrivedAt = _line[head];
                head = (head + 1) & (_line.Length - 1);
                waiting--;
                if (measuring)
                {
                    waitSum += now - arrivedAt;
                }

                _events.Schedule(now + Service(ref random, law, meanService), Departure);
            }
            else
            {
                busy--;
            }
        }

        // Waits are counted when service starts; zero-wait customers add 0 to the sum, so divide by those served.
        var span = last - start;
        var measured = served - warmup;
        return new QueueRunResult(measured, waitSum / Math.Max(1, measured), span > 0 ? areaQueue / span : 0, span > 0 ? areaBusy / (span * servers) : 0, events, arrived, waiting + busy);
    }

    private static double Service(ref RandomStream random, ServiceLaw law, double mean) =>
        law == ServiceLaw.Deterministic ? mean : -mean * Math.Log(random.NextOpenDouble());

    private void Grow(ref int head, int count)
    {
        var bigger = new double[_line.Length * 2];
        for (var i = 0; i < count; i++)
        {
            bigger[i] = _line[(head + i) & (_line.Length - 1)];
        }

        _line = bigger;
        head = 0;
    }
}

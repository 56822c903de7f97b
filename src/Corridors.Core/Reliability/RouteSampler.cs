using System.Runtime.CompilerServices;

namespace Corridors.Reliability;

/// <summary>
/// The Monte Carlo inner loop: simulates trips of one compiled route. Allocation-free; all state lives in the
/// plan's arrays and caller-supplied spans.
/// </summary>
internal static class RouteSampler
{
    /// <summary>Cap on consecutive missed departures, so a probability near 1 cannot loop for ever.</summary>
    private const int MaxMissed = 10;

    /// <summary>
    /// Simulates one trip per element of <paramref name="totals"/> drawn from the generator of (<paramref name="seed"/>,
    /// <paramref name="block"/>): total hours into <paramref name="totals"/> and per-leg hours (dwell + wait +
    /// running) into <paramref name="legHours"/> (row-major, trip × leg).
    /// </summary>
    public static void SampleBlock(RoutePlan plan, long seed, long block, Span<double> totals, Span<double> legHours, Span<double> shockState)
    {
        var rng = RandomStream.ForBlock(seed, block);
        var steps = plan.Steps;
        var legs = steps.Length;
        var shocks = plan.ShockCount;
        var count = totals.Length;
        var probs = plan.MonthProbabilities;
        for (var s = 0; s < count; s++)
        {
            // Shock states first, in a fixed order: sample s sees the same shocks on every route (common random numbers).
            for (var k = 0; k < shocks; k++)
            {
                shockState[2 * k] = rng.NextDouble();
                shockState[(2 * k) + 1] = rng.NextOpenDouble();
            }

            var t = 0.0;
            var monthSlot = 0;
            var row = legHours.Slice(s * legs, legs);
            for (var i = 0; i < legs; i++)
            {
                ref readonly var step = ref steps[i];
                var start = t;
                if (step.HasDwell || step.ShockCount > 0)
                {
                    var dwell = step.HasDwell ? step.Dwell.Quantile(rng.NextDouble()) : 0;
                    if (step.TailCount > 0)
                    {
                        dwell += DrawTails(plan, probs, step.TailStart, step.TailCount, Month(plan, t, ref monthSlot), ref rng);
                    }

                    if (step.ShockCount > 0)
                    {
                        dwell = ApplyShocks(plan, in step, ShockTarget.Dwell, dwell, t, ref monthSlot, shockState);
                    }

                    t += dwell;
                }

                if (step.HasScheduled || step.HasSailWhenFull)
                {
                    var month = Month(plan, t, ref monthSlot);
                    var pMiss = step.MissedOffset >= 0 ? probs[step.MissedOffset + month] : 0;
                    var wait = SampleServiceWait(plan, in step, t, pMiss, ref rng);

                    if (step.ClosureCount > 0)
                    {
                        var sailMonth = Month(plan, t + wait, ref monthSlot);
                        for (var j = step.ClosureStart; j < step.ClosureStart + step.ClosureCount; j++)
                        {
                            ref readonly var closure = ref plan.Closures[j];
                            if (rng.NextDouble() < probs[closure.ProbOffset + sailMonth])
                            {
                                wait += closure.Delay.Quantile(rng.NextOpenDouble());
                            }
                        }
                    }

                    if (step.ShockCount > 0)
                    {
                        wait = ApplyShocks(plan, in step, ShockTarget.Wait, wait, t, ref monthSlot, shockState);
                    }

                    t += wait;
                }
                else if (step.ClosureCount > 0)
                {
                    // A water leg without a service: weather can still hold the crossing.
                    var month = Month(plan, t, ref monthSlot);
                    for (var j = step.ClosureStart; j < step.ClosureStart + step.ClosureCount; j++)
                    {
                        ref readonly var closure = ref plan.Closures[j];
                        if (rng.NextDouble() < probs[closure.ProbOffset + month])
                        {
                            t += closure.Delay.Quantile(rng.NextOpenDouble());
                        }
                    }
                }

                var running = step.Running.Quantile(rng.NextOpenDouble());
                if (step.RunTailCount > 0)
                {
                    running += DrawTails(plan, probs, step.RunTailStart, step.RunTailCount, Month(plan, t, ref monthSlot), ref rng);
                }

                if (step.ShockCount > 0)
                {
                    running = ApplyShocks(plan, in step, ShockTarget.Running, running, t, ref monthSlot, shockState);
                }

                t += running;
                row[i] = t - start;
            }

            totals[s] = t;
        }
    }

    /// <summary>
    /// Rare long holds: each tail in <c>[start, start + count)</c> strikes with its month's probability and adds a
    /// draw of its delay. Draw order (strike test, then delay) is fixed so seeds reproduce.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double DrawTails(RoutePlan plan, ReadOnlySpan<double> probs, int start, int count, int month, ref RandomStream rng)
    {
        var added = 0.0;
        for (var j = start; j < start + count; j++)
        {
            ref readonly var tail = ref plan.Tails[j];
            if (rng.NextDouble() < probs[tail.ProbOffset + month])
            {
                added += tail.Delay.Quantile(rng.NextOpenDouble());
            }
        }

        return added;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Month(RoutePlan plan, double t, ref int slot)
    {
        // Time only moves forward along a trip, so the month slot only moves forward too.
        var starts = plan.MonthStarts;
        while (slot + 1 < starts.Length && t >= starts[slot + 1])
        {
            slot++;
        }

        return plan.MonthOfIndex[slot];
    }

    /// <summary>
    /// The wait of one step for its service, for cargo ready <paramref name="t"/> hours after the plan's departure,
    /// before weather holds and shocks: on a timetable, the next departure of the network's schedule read at the
    /// absolute time (departure + <paramref name="t"/> hours since the epoch), letting each departure go with
    /// probability <paramref name="pMiss"/>; sail-when-full, the residual wait of the headway distribution plus one
    /// headway per missed sailing; with both, the sooner. Draw order (scheduled misses, sail-when-full wait,
    /// sail-when-full misses) is fixed so seeds reproduce.
    /// </summary>
    internal static double SampleServiceWait(RoutePlan plan, in PlanStep step, double t, double pMiss, ref RandomStream rng)
    {
        var wait = double.PositiveInfinity;
        if (step.HasScheduled)
        {
            var missed = 0;
            while (missed < MaxMissed && rng.NextDouble() < pMiss)
            {
                missed++;
            }

            wait = plan.Schedule.NextDepartureWaitHours(step.Edge, plan.DepartureHoursSinceEpoch + t, missed);
        }

        if (step.HasSailWhenFull)
        {
            var w = step.SailWhenFullWait.Quantile(rng.NextDouble());
            for (var miss = 0; miss < MaxMissed && rng.NextDouble() < pMiss; miss++)
            {
                w += step.SailWhenFullHeadway.Quantile(rng.NextDouble());
            }

            wait = Math.Min(wait, w);
        }

        return wait;
    }

    private static double ApplyShocks(RoutePlan plan, in PlanStep step, ShockTarget target, double value, double t, ref int monthSlot, Span<double> shockState)
    {
        var month = Month(plan, t, ref monthSlot);
        for (var j = step.ShockStart; j < step.ShockStart + step.ShockCount; j++)
        {
            var link = plan.ShockLinks[j];
            if (link.Target != target)
            {
                continue;
            }

            var k = link.Shock;
            if (shockState[2 * k] >= plan.MonthProbabilities[plan.ShockProbOffsets[k] + month])
            {
                continue;
            }

            var size = plan.ShockSizes[k].Quantile(shockState[(2 * k) + 1]);
            value = link.Effect == ShockEffect.AddOnce ? value + size : value * size;
        }

        return value;
    }
}

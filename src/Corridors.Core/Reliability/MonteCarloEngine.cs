namespace Corridors.Reliability;

/// <summary>
/// Runs Monte Carlo simulations of compiled routes. Samples are split into fixed-size blocks
/// (<see cref="MonteCarloOptions.BlockSize"/>), each simulated with its own generator seeded from (seed, block
/// index) and merged in block order, so the numbers are the same on one core or many. Parallel over cores,
/// cancellable, and reports progress after each block.
/// </summary>
public sealed class MonteCarloEngine
{
    /// <summary>Simulates <paramref name="plan"/> and summarises the transit-time distribution.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ReliabilityResult Run(
        RoutePlan plan,
        MonteCarloOptions options,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var samples = options.Samples;
        var legs = plan.Steps.Length;
        const int blockSize = MonteCarloOptions.BlockSize;
        var blocks = (samples + blockSize - 1) / blockSize;
        var totals = new double[samples];
        var blockMeanTotal = new double[blocks];
        var blockM2Total = new double[blocks];
        var blockMeanLeg = new double[blocks * legs];
        var blockCoMoment = new double[blocks * legs];
        long completed = 0;

        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
        };

        Parallel.For(
            0,
            blocks,
            parallel,
            () => new Workspace(blockSize, legs, plan.ShockCount),
            (block, _, workspace) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = block * blockSize;
                var count = Math.Min(blockSize, samples - start);
                var blockTotals = totals.AsSpan(start, count);
                var legHours = workspace.LegHours.AsSpan(0, count * legs);
                RouteSampler.SampleBlock(plan, options.Seed, block, blockTotals, legHours, workspace.ShockState);
                SummariseBlock(blockTotals, legHours, legs, block, blockMeanTotal, blockM2Total, blockMeanLeg, blockCoMoment);
                var done = Interlocked.Add(ref completed, count);
                progress?.Report(new MonteCarloProgress(done, samples));
                return workspace;
            },
            _ => { });

        // Merge block summaries in block order (Chan et al.'s pairwise update), independent of thread timing.
        double n = 0;
        double meanTotal = 0;
        double m2Total = 0;
        var meanLeg = new double[legs];
        var coMoment = new double[legs];
        for (var b = 0; b < blocks; b++)
        {
            var nb = (double)Math.Min(blockSize, samples - (b * blockSize));
            var nn = n + nb;
            var deltaTotal = blockMeanTotal[b] - meanTotal;
            for (var i = 0; i < legs; i++)
            {
                var deltaLeg = blockMeanLeg[(b * legs) + i] - meanLeg[i];
                coMoment[i] += blockCoMoment[(b * legs) + i] + (deltaLeg * deltaTotal * n * nb / nn);
                meanLeg[i] += deltaLeg * nb / nn;
            }

            m2Total += blockM2Total[b] + (deltaTotal * deltaTotal * n * nb / nn);
            meanTotal += deltaTotal * nb / nn;
            n = nn;
        }

        Array.Sort(totals);
        var contributors = new LegContribution[legs];
        for (var i = 0; i < legs; i++)
        {
            var share = m2Total > 0 ? coMoment[i] / m2Total : 0;
            var leg = plan.Legs[i];
            contributors[i] = new LegContribution(i, leg.Label, leg.From, leg.To, leg.Mode, meanLeg[i], share);
        }

        return new ReliabilityResult(plan, options.Samples, options.Seed, totals, meanTotal, m2Total / Math.Max(1, samples - 1), contributors);
    }

    private static void SummariseBlock(
        ReadOnlySpan<double> totals,
        ReadOnlySpan<double> legHours,
        int legs,
        int block,
        double[] blockMeanTotal,
        double[] blockM2Total,
        double[] blockMeanLeg,
        double[] blockCoMoment)
    {
        // Two passes over the block (means, then centred sums) for numerical stability.
        var count = totals.Length;
        var meanTotal = 0.0;
        for (var s = 0; s < count; s++)
        {
            meanTotal += totals[s];
        }

        meanTotal /= count;
        var means = blockMeanLeg.AsSpan(block * legs, legs);
        var co = blockCoMoment.AsSpan(block * legs, legs);
        means.Clear();
        co.Clear();
        for (var s = 0; s < count; s++)
        {
            var row = legHours.Slice(s * legs, legs);
            for (var i = 0; i < legs; i++)
            {
                means[i] += row[i];
            }
        }

        for (var i = 0; i < legs; i++)
        {
            means[i] /= count;
        }

        var m2 = 0.0;
        for (var s = 0; s < count; s++)
        {
            var dt = totals[s] - meanTotal;
            m2 += dt * dt;
            var row = legHours.Slice(s * legs, legs);
            for (var i = 0; i < legs; i++)
            {
                co[i] += (row[i] - means[i]) * dt;
            }
        }

        blockMeanTotal[block] = meanTotal;
        blockM2Total[block] = m2;
    }

    private sealed class Workspace(int blockSize, int legs, int shocks)
    {
        public double[] LegHours { get; } = new double[blockSize * legs];

        public double[] ShockState { get; } = new double[Math.Max(1, 2 * shocks)];
    }
}

namespace Corridors.Reliability;

/// <summary>Settings of a Monte Carlo run. The seed and sample count are recorded with every result.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>
    /// Samples per block. Each block draws from its own generator seeded by (seed, block index), so results are
    /// identical on any number of threads. Part of the reproducibility contract: changing it changes the numbers.
    /// </summary>
    public const int BlockSize = 4096;

    /// <summary>Largest accepted sample count (the sorted sample array costs 8 bytes per sample).</summary>
    public const int MaxSamples = 50_000_000;

    /// <summary>Number of simulated trips.</summary>
    /// <value>100,000.</value>
    public int Samples { get; init; } = 100_000;

    /// <summary>Seed of the run; same seed and sample count give the same numbers.</summary>
    /// <value>42.</value>
    public long Seed { get; init; } = 42;

    /// <summary>Worker threads; -1 uses every core. Does not change the numbers.</summary>
    /// <value>-1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (Samples is < 1 or > MaxSamples)
        {
            throw new ArgumentOutOfRangeException(nameof(Samples), Samples, $"The number of samples must be between 1 and {MaxSamples:N0}.");
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "The degree of parallelism must be -1 (all cores) or at least 1.");
        }
    }
}

/// <summary>Progress of a run, reported after each finished block.</summary>
/// <param name="CompletedSamples">Samples simulated so far.</param>
/// <param name="TotalSamples">Samples requested.</param>
public readonly record struct MonteCarloProgress(long CompletedSamples, long TotalSamples)
{
    /// <summary>Fraction done, 0–1.</summary>
    public double Fraction => TotalSamples == 0 ? 1 : (double)CompletedSamples / TotalSamples;
}

using System.Runtime.CompilerServices;

namespace Corridors.Reliability;

/// <summary>
/// A small, fast pseudo-random generator (xoshiro256**, Blackman &amp; Vigna 2018) held in a mutable struct so the
/// Monte Carlo inner loop draws numbers without allocating or locking. Each sample block gets its own stream
/// derived from the run seed and the block index (<see cref="ForBlock(long, long)"/>), so results do not depend
/// on how blocks are spread over threads.
/// </summary>
public struct RandomStream
{
    private const double UnitScale = 1.0 / (1UL << 53);
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a stream whose 256-bit state is expanded from <paramref name="seed"/> with SplitMix64.</summary>
    public RandomStream(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            // The all-zero state is the one fixed point of xoshiro; SplitMix64 cannot produce it, but be explicit.
            _s0 = 1;
        }
    }

    /// <summary>The stream for sample block <paramref name="block"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static RandomStream ForBlock(long seed, long block)
    {
        // Two odd 64-bit constants decorrelate (seed, block) pairs before SplitMix64 spreads them over the state.
        var mixed = unchecked(((ulong)seed * 0x9E3779B97F4A7C15UL) ^ (((ulong)block + 1) * 0xD1B54A32D192ED03UL));
        return new RandomStream(mixed);
    }

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitRotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>Uniform double in (0, 1): never exactly 0, for inverse CDFs with an infinite tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * UnitScale;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BitRotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        var z = x;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}

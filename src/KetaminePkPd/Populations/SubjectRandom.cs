namespace KetaminePkPd.Populations;

/// <summary>
/// The random stream of one virtual subject: xoshiro256** (Blackman and Vigna 2018) seeded through SplitMix64 from
/// (seed, subject index, stream), so a subject's draws never depend on how many other subjects there are, on their
/// order, or on how the work is split over threads. Not a <see cref="Random"/>: a derived Random makes and seeds the
/// runtime's legacy generator (a 56-word table) on construction, which cost more than the draws of a rating.
/// </summary>
/// <remarks>
/// Seeding: k = SplitMix64(seed) xor SplitMix64(index + 0x632BE59BD9B4E019) xor SplitMix64(stream + 0x9E3779B97F4A7C15 x 3);
/// the four state words are the next four outputs of SplitMix64 started at k. Doubles are the top 53 bits / 2^53.
/// Streams: 0 parameters and covariates, 1 clinical draws (baseline, placebo), 2 and up ratings (one per replicate).
/// Not thread-safe; create one per subject and stream. A struct (a class was allocated for every subject, clinical draw and
/// rating): keep it in a local and pass it by reference, as a copy would repeat the same draws.
/// </remarks>
internal struct SubjectRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SubjectRandom(ulong seed, long index, long stream)
    {
        ulong k = Mix(seed) ^ Mix((ulong)index + 0x632BE59BD9B4E019UL) ^ Mix((ulong)stream + unchecked(0x9E3779B97F4A7C15UL * 3));
        _s0 = Next(ref k); _s1 = Next(ref k); _s2 = Next(ref k); _s3 = Next(ref k);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxValue"/>) (0 when <paramref name="maxValue"/> is not positive).</summary>
    public int Next(int maxValue) => maxValue <= 0 ? 0 : (int)(NextDouble() * maxValue);

    /// <summary>A standard normal draw (Box-Muller on two uniforms; one value per call).</summary>
    public double NextStandardNormal()
    {
        double u1 = 1 - NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Advances the stream past one <see cref="NextStandardNormal"/> draw without computing it.</summary>
    public void SkipStandardNormal()
    {
        NextUInt64();
        NextUInt64();
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

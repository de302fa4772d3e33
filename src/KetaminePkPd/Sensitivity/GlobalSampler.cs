using KetaminePkPd.Populations;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// A scrambled Halton sequence in [0, 1)^d: coordinate j of point k is the radical inverse of k in the j-th prime base,
/// with every digit position of every coordinate passed through its own random permutation of the base's digits
/// (drawn once from the seed). Point k depends only on the seed and k (no sample size fixed in advance, unlike a Latin
/// hypercube), so worlds can be added or split over shards without changing any earlier one.
/// </summary>
/// <remarks>
/// Properties kept by the scrambling (tested): each point is in [0, 1); the first b^m points of the coordinate in base b put
/// exactly one point in each interval [i / b^m, (i + 1) / b^m) (the van der Corput stratification), because the m low
/// digits of k run over every combination and the permuted higher (zero) digits add the same constant below b^-m. The
/// permutations break the correlation between high-dimensional coordinates of the plain Halton sequence for small k
/// (the random digit permutation of Matoušek 1998, J Complexity 14:527; see also Owen 2017, arXiv:1706.02808).
/// </remarks>
internal sealed class GlobalSampler
{
    /// <summary>The stream of the digit permutations (away from the patient streams).</summary>
    private const long PermutationStream = -(1L << 41);

    private static readonly int[] Primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];

    private readonly int[][][] _permutations;   // [dimension][digit position][digit]

    /// <summary>A sampler of <paramref name="dimensions"/> coordinates whose scrambling is drawn from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">dimensions outside [1, 25].</exception>
    public GlobalSampler(int dimensions, ulong seed)
    {
        if (dimensions < 1 || dimensions > Primes.Length)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"dimensions must be in [1, {Primes.Length}], got {dimensions}.");
        _permutations = new int[dimensions][][];
        for (int d = 0; d < dimensions; d++)
        {
            int b = Primes[d];
            int digits = Digits(b);
            _permutations[d] = new int[digits][];
            for (int j = 0; j < digits; j++)
            {
                var random = new SubjectRandom(seed, d, PermutationStream - j);
                var p = new int[b];
                for (int i = 0; i < b; i++) p[i] = i;
                for (int i = b - 1; i > 0; i--)   // Fisher-Yates
                {
                    int swap = random.Next(i + 1);
                    (p[i], p[swap]) = (p[swap], p[i]);
                }
                _permutations[d][j] = p;
            }
        }
    }

    /// <summary>Number of coordinates.</summary>
    public int Dimensions => _permutations.Length;

    /// <summary>The base of coordinate <paramref name="dimension"/> (the dimension-th prime).</summary>
    public static int Base(int dimension) => Primes[dimension];

    /// <summary>Writes point <paramref name="index"/> into <paramref name="point"/> (length <see cref="Dimensions"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative index or a point of the wrong length.</exception>
    public void Point(long index, Span<double> point)
    {
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be >= 0, got {index}.");
        if (point.Length != Dimensions) throw new ArgumentOutOfRangeException(nameof(point), point.Length, $"point must have length {Dimensions}, got {point.Length}.");
        for (int d = 0; d < Dimensions; d++)
        {
            int b = Primes[d];
            var perms = _permutations[d];
            long k = index;
            double scale = 1.0 / b, x = 0;
            for (int j = 0; j < perms.Length; j++)
            {
                x += perms[j][(int)(k % b)] * scale;
                k /= b;
                scale /= b;
            }
            point[d] = Math.Min(x, Math.BitDecrement(1.0));
        }
    }

    /// <summary>Digit positions used in base b: enough that b^-digits is below 2^-40 (finer than any use of the points).</summary>
    private static int Digits(int b) => (int)Math.Ceiling(40 / Math.Log2(b));
}

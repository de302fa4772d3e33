using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KetaminePkPd.Numerics;

/// <summary>
/// Matrix exponential of a Metzler matrix (off-diagonal entries &gt;= 0), the kind every linear compartment model
/// produces. Robust to repeated eigenvalues (it never diagonalises) and non-negative by construction.
/// </summary>
/// <remarks>
/// Uniformisation: with sigma = max_i |a_ii|, M = A + sigma I is non-negative and exp(A) = exp(-sigma) exp(M).
/// The matrix is scaled by 2^-s so that ||M|| 2^-s &lt;= 1/2, the degree-16 Taylor polynomial of the scaled exponential
/// is evaluated by the Paterson-Stockmeyer scheme (7 matrix products; truncation error below 0.5^17/17! = 2e-20
/// relative to the leading term), the scalar factor exp(-sigma 2^-s) is applied, and the result is squared s times.
/// Every operation adds or multiplies non-negative numbers, so the result is component-wise accurate (no cancellation)
/// and never negative. See Moler and Van Loan, "Nineteen dubious ways to compute the exponential of a matrix,
/// twenty-five years later", SIAM Review 45:3 (2003), methods 3 and 13; Paterson and Stockmeyer, SIAM J Comput 2:60
/// (1973); Grassmann (1977) for uniformisation.
/// </remarks>
internal static class MatrixExponential
{
    // 1/k! for k = 0..16.
    private static readonly double[] InverseFactorial = BuildInverseFactorials(16);

    /// <summary>Computes <c>result = exp(a)</c> for an n x n row-major Metzler matrix.</summary>
    /// <param name="a">The matrix (n * n), off-diagonal entries &gt;= 0.</param>
    /// <param name="n">Order, &gt;= 1.</param>
    /// <param name="result">Receives exp(a) (n * n); must not overlap <paramref name="a"/>.</param>
    /// <returns>The scaling exponent s: the result is the polynomial's value squared s times.</returns>
    /// <exception cref="ArgumentException">A negative off-diagonal entry or a non-finite entry.</exception>
    public static int ComputeMetzler(ReadOnlySpan<double> a, int n, Span<double> result)
    {
        int nn = n * n;
        return ComputeMetzler(a, n, result, nn <= 128 ? stackalloc double[6 * nn] : new double[6 * nn]);
    }

    /// <summary><see cref="ComputeMetzler(ReadOnlySpan{double}, int, Span{double})"/> in the caller's scratch space (6 n^2 entries, any
    /// contents: every entry is written before it is read), for a caller that computes many exponentials (no zeroed stack space each).</summary>
    public static int ComputeMetzler(ReadOnlySpan<double> a, int n, Span<double> result, Span<double> work)
    {
        int nn = n * n;
        if (work.Length < 6 * nn) throw new ArgumentException($"work must hold at least {6 * nn} entries, got {work.Length}.", nameof(work));
        double sigma = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = a[i * n + j];
                if (!double.IsFinite(v)) throw new ArgumentException($"Matrix entry ({i}, {j}) is not finite: {v}.", nameof(a));
                if (i != j && v < 0) throw new ArgumentException($"Off-diagonal entry ({i}, {j}) is negative ({v}); the matrix is not Metzler.", nameof(a));
            }
            sigma = Math.Max(sigma, Math.Abs(a[i * n + i]));
        }

        // Norm (max column sum) of M = A + sigma I, whose entries are all >= 0.
        double norm = 0;
        for (int j = 0; j < n; j++)
        {
            double col = sigma;
            for (int i = 0; i < n; i++) col += a[i * n + j];
            norm = Math.Max(norm, col);
        }
        int s = 0;
        double scaled = Math.Max(norm, sigma);
        while (scaled > 0.5) { scaled *= 0.5; s++; }
        double factor = Math.ScaleB(1.0, -s);

        var m1 = work[..nn];
        var m2 = work.Slice(nn, nn);
        var m3 = work.Slice(2 * nn, nn);
        var m4 = work.Slice(3 * nn, nn);
        var acc = work.Slice(4 * nn, nn);
        var tmp = work.Slice(5 * nn, nn);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                m1[i * n + j] = (a[i * n + j] + (i == j ? sigma : 0)) * factor;
        Multiply(m1, m1, n, m2);
        Multiply(m2, m1, n, m3);
        Multiply(m2, m2, n, m4);

        // T = B0 + M4 (B1 + M4 (B2 + M4 (B3 + M4 B4))), Bj = sum_{i<4} M^i / (4j + i)!, B4 = I / 16!. The innermost product M4 B4 is
        // M4 / 16! entry by entry: the product's sum for entry (i, j) adds m4_ij / 16! to 0 and otherwise only zeros (M4 is finite and
        // non-negative, never -0, as every product here), so scaling gives the same bits without a matrix product.
        m4.CopyTo(tmp);
        ScaleInPlace(tmp, InverseFactorial[16]);
        for (int j = 3; j >= 0; j--)
        {
            if (j < 3) Multiply(m4, acc, n, tmp);
            Block(j, m1, m2, m3, n, acc);
            AddInPlace(acc, tmp);
        }

        double shift = Math.Exp(-sigma * factor);
        ScaleInPlace(acc, shift);
        // Square s times, alternating between two buffers, the last square written straight into the result.
        if (s == 0)
        {
            acc.CopyTo(result);
            return s;
        }
        for (int k = 0; k < s; k++)
        {
            var next = k == s - 1 ? result : tmp;
            Multiply(acc, acc, n, next);
            if (k < s - 1)
            {
                var previous = acc;
                acc = tmp;
                tmp = previous;
            }
        }
        return s;
    }

    /// <summary>x[q] += y[q], four entries at a time (each entry's one addition, the same bits).</summary>
    private static void AddInPlace(Span<double> x, ReadOnlySpan<double> y)
    {
        int q = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; q + 4 <= x.Length; q += 4)
                Vector256.Add(Vector256.Create(x.Slice(q, 4)), Vector256.Create(y.Slice(q, 4))).CopyTo(x.Slice(q, 4));
        for (; q < x.Length; q++) x[q] += y[q];
    }

    /// <summary>x[q] *= f, four entries at a time (each entry's one multiplication, the same bits).</summary>
    private static void ScaleInPlace(Span<double> x, double f)
    {
        int q = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; q + 4 <= x.Length; q += 4)
                Vector256.Multiply(Vector256.Create((ReadOnlySpan<double>)x.Slice(q, 4)), f).CopyTo(x.Slice(q, 4));
        for (; q < x.Length; q++) x[q] *= f;
    }

    /// <summary>Writes B_j = sum_{i=0..3} M^i / (4j + i)!, j in 0..3.</summary>
    private static void Block(int j, ReadOnlySpan<double> m1, ReadOnlySpan<double> m2, ReadOnlySpan<double> m3, int n, Span<double> b)
    {
        int nn = n * n;
        double c0 = InverseFactorial[4 * j], c1 = InverseFactorial[4 * j + 1], c2 = InverseFactorial[4 * j + 2], c3 = InverseFactorial[4 * j + 3];
        int q = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // (c1 m1 + c2 m2) + c3 m3 entry by entry, four at a time: the same products and additions in the same order.
            var v1 = Vector256.Create(c1);
            var v2 = Vector256.Create(c2);
            var v3 = Vector256.Create(c3);
            for (; q + 4 <= nn; q += 4)
                Vector256.Add(Vector256.Add(Vector256.Multiply(v1, Vector256.Create(m1.Slice(q, 4))), Vector256.Multiply(v2, Vector256.Create(m2.Slice(q, 4)))),
                    Vector256.Multiply(v3, Vector256.Create(m3.Slice(q, 4)))).CopyTo(b.Slice(q, 4));
        }
        for (; q < nn; q++) b[q] = c1 * m1[q] + c2 * m2[q] + c3 * m3[q];
        for (int i = 0; i < n; i++) b[i * n + i] += c0;
    }

    /// <summary><c>c = a b</c> for n x n row-major matrices; <paramref name="c"/> must not overlap the inputs.</summary>
    internal static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n, Span<double> c)
    {
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        ref double rc = ref MemoryMarshal.GetReference(c);
        if (a.Length < n * n || b.Length < n * n || c.Length < n * n) throw new ArgumentException("Matrix spans are too short.");
        // Row i of C accumulates a_ik x row k of B over k in order; the columns j are independent, so doing four (or two) of them
        // at once in vector registers gives every entry the same products added in the same order: the same bits as one at a time
        // (a multiply and an add, never fused).
        int wide = Vector256.IsHardwareAccelerated ? n & ~3 : 0;
        int pair = Vector128.IsHardwareAccelerated ? n & ~1 : 0;
        // The orders of a 3-compartment model and of its input-augmented matrix (every exact PK step) have kernels of their own;
        // 5 to 15 keep a row of C in registers. Each gives every entry the same products added in the same order as the loop
        // below, zero a_ik skipped alike: the same bits.
        if (n == 3)
        {
            Multiply3(ref ra, ref rb, ref rc);
            return;
        }
        if (n == 4 && Vector256.IsHardwareAccelerated)
        {
            Multiply4(ref ra, ref rb, ref rc);
            return;
        }
        if (Vector256.IsHardwareAccelerated && n >= 5 && n <= 15)
        {
            MultiplyInRegisters(ref ra, ref rb, ref rc, n);
            return;
        }
        for (int i = 0; i < n; i++)
        {
            ref double ci = ref Unsafe.Add(ref rc, i * n);
            for (int j = 0; j < n; j++) Unsafe.Add(ref ci, j) = 0;
            for (int k = 0; k < n; k++)
            {
                double aik = Unsafe.Add(ref ra, i * n + k);
                if (aik == 0) continue;
                ref double bk = ref Unsafe.Add(ref rb, k * n);
                var va = Vector256.Create(aik);
                int j = 0;
                for (; j < wide; j += 4)
                {
                    var product = Vector256.Multiply(va, Vector256.LoadUnsafe(ref bk, (nuint)j));
                    Vector256.Add(Vector256.LoadUnsafe(ref ci, (nuint)j), product).StoreUnsafe(ref ci, (nuint)j);
                }
                if (j < pair)
                {
                    var product = Vector128.Multiply(Vector128.Create(aik), Vector128.LoadUnsafe(ref bk, (nuint)j));
                    Vector128.Add(Vector128.LoadUnsafe(ref ci, (nuint)j), product).StoreUnsafe(ref ci, (nuint)j);
                    j += 2;
                }
                for (; j < n; j++) Unsafe.Add(ref ci, j) += aik * Unsafe.Add(ref bk, j);
            }
        }
    }

    /// <summary>
    /// <see cref="Multiply"/> for 5 &lt;= n &lt;= 15: a row of C (at most three
    /// 4-lane vectors, one 2-lane vector and one scalar) stays in registers while it accumulates over k, instead of a load and a
    /// store of the row for every k, which chained each k's additions through memory (0.41-0.69x the time for n = 7-11, measured in
    /// one process). Each entry still starts at zero and adds a_ik b_kj over k in order (zero a_ik skipped), a multiply and then
    /// an add: the same bits as the loop above.
    /// </summary>
    private static void MultiplyInRegisters(ref double ra, ref double rb, ref double rc, int n)
    {
        int quads = n >> 2;
        bool hasPair = (n & 2) != 0;
        bool hasOne = (n & 1) != 0;
        int pairAt = quads * 4, oneAt = n - 1;
        for (int i = 0; i < n; i++)
        {
            var c0 = Vector256<double>.Zero;
            var c1 = Vector256<double>.Zero;
            var c2 = Vector256<double>.Zero;
            var c3 = Vector128<double>.Zero;
            double c4 = 0;
            ref double ai = ref Unsafe.Add(ref ra, i * n);
            for (int k = 0; k < n; k++)
            {
                double aik = Unsafe.Add(ref ai, k);
                if (aik == 0) continue;
                ref double bk = ref Unsafe.Add(ref rb, k * n);
                var va = Vector256.Create(aik);
                if (quads > 0) c0 = Vector256.Add(c0, Vector256.Multiply(va, Vector256.LoadUnsafe(ref bk)));
                if (quads > 1) c1 = Vector256.Add(c1, Vector256.Multiply(va, Vector256.LoadUnsafe(ref bk, 4)));
                if (quads > 2) c2 = Vector256.Add(c2, Vector256.Multiply(va, Vector256.LoadUnsafe(ref bk, 8)));
                if (hasPair) c3 = Vector128.Add(c3, Vector128.Multiply(Vector128.Create(aik), Vector128.LoadUnsafe(ref bk, (nuint)pairAt)));
                if (hasOne) c4 += aik * Unsafe.Add(ref bk, oneAt);
            }
            ref double ci = ref Unsafe.Add(ref rc, i * n);
            if (quads > 0) c0.StoreUnsafe(ref ci);
            if (quads > 1) c1.StoreUnsafe(ref ci, 4);
            if (quads > 2) c2.StoreUnsafe(ref ci, 8);
            if (hasPair) c3.StoreUnsafe(ref ci, (nuint)pairAt);
            if (hasOne) Unsafe.Add(ref ci, oneAt) = c4;
        }
    }

    /// <summary><see cref="Multiply"/> for n = 3: row i of C starts at 0 and gets a_ik x row k of B added for k = 0, 1, 2, skipping
    /// a_ik = 0, as the general loop does, every entry in a register (1.5x faster than an unrolled product without the skips that
    /// first checked B finite, in one process).</summary>
    private static void Multiply3(ref double ra, ref double rb, ref double rc)
    {
        double b00 = rb, b01 = Unsafe.Add(ref rb, 1), b02 = Unsafe.Add(ref rb, 2);
        double b10 = Unsafe.Add(ref rb, 3), b11 = Unsafe.Add(ref rb, 4), b12 = Unsafe.Add(ref rb, 5);
        double b20 = Unsafe.Add(ref rb, 6), b21 = Unsafe.Add(ref rb, 7), b22 = Unsafe.Add(ref rb, 8);
        for (int i = 0; i < 3; i++)
        {
            double c0 = 0, c1 = 0, c2 = 0;
            double a0 = Unsafe.Add(ref ra, 3 * i), a1 = Unsafe.Add(ref ra, 3 * i + 1), a2 = Unsafe.Add(ref ra, 3 * i + 2);
            if (a0 != 0) { c0 += a0 * b00; c1 += a0 * b01; c2 += a0 * b02; }
            if (a1 != 0) { c0 += a1 * b10; c1 += a1 * b11; c2 += a1 * b12; }
            if (a2 != 0) { c0 += a2 * b20; c1 += a2 * b21; c2 += a2 * b22; }
            Unsafe.Add(ref rc, 3 * i) = c0;
            Unsafe.Add(ref rc, 3 * i + 1) = c1;
            Unsafe.Add(ref rc, 3 * i + 2) = c2;
        }
    }

    /// <summary><see cref="Multiply"/> for n = 4 with 256-bit vectors: B's rows loaded once, a row of C in one register, a_ik x row k
    /// of B added for k in order, skipping a_ik = 0 (a multiply and an add, never fused), as the general loop does (3-4x faster
    /// than the register loop for 5-15, in one process).</summary>
    private static void Multiply4(ref double ra, ref double rb, ref double rc)
    {
        var b0 = Vector256.LoadUnsafe(ref rb);
        var b1 = Vector256.LoadUnsafe(ref rb, 4);
        var b2 = Vector256.LoadUnsafe(ref rb, 8);
        var b3 = Vector256.LoadUnsafe(ref rb, 12);
        for (int i = 0; i < 4; i++)
        {
            var ci = Vector256<double>.Zero;
            double a0 = Unsafe.Add(ref ra, 4 * i), a1 = Unsafe.Add(ref ra, 4 * i + 1), a2 = Unsafe.Add(ref ra, 4 * i + 2), a3 = Unsafe.Add(ref ra, 4 * i + 3);
            if (a0 != 0) ci = Vector256.Add(ci, Vector256.Multiply(Vector256.Create(a0), b0));
            if (a1 != 0) ci = Vector256.Add(ci, Vector256.Multiply(Vector256.Create(a1), b1));
            if (a2 != 0) ci = Vector256.Add(ci, Vector256.Multiply(Vector256.Create(a2), b2));
            if (a3 != 0) ci = Vector256.Add(ci, Vector256.Multiply(Vector256.Create(a3), b3));
            ci.StoreUnsafe(ref rc, (nuint)(4 * i));
        }
    }

    private static double[] BuildInverseFactorials(int max)
    {
        var f = new double[max + 1];
        f[0] = 1;
        for (int k = 1; k <= max; k++) f[k] = f[k - 1] / k;
        return f;
    }
}

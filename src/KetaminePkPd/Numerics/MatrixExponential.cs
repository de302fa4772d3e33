namespace KetaminePkPd.Numerics;

/// <summary>
/// Matrix exponential of a Metzler matrix (off-diagonal entries &gt;= 0), the kind every linear compartment model
/// produces. Robust to repeated eigenvalues (it never diagonalises) and non-negative by construction.
/// </summary>
/// <remarks>
/// Uniformisation: with sigma = max_i |a_ii|, M = A + sigma I is non-negative and exp(A) = exp(-sigma) exp(M).
/// The matrix is scaled by 2^-s so that ||M|| 2^-s &lt;= 1/2, the scaled exponential is summed as a Taylor series of
/// non-negative terms until a term no longer changes the sum, the scalar factor exp(-sigma 2^-s) is applied, and the
/// result is squared s times. Every operation adds or multiplies non-negative numbers, so the result is component-wise
/// accurate (no cancellation) and never negative. See Moler and Van Loan, "Nineteen dubious ways to compute the
/// exponential of a matrix, twenty-five years later", SIAM Review 45:3 (2003), methods 3 (Taylor) and 13 (scaling and
/// squaring), and Grassmann (1977) for uniformisation.
/// </remarks>
internal static class MatrixExponential
{
    private const int MaxTaylorTerms = 40;

    /// <summary>Computes <c>result = exp(a)</c> for an n x n row-major Metzler matrix.</summary>
    /// <param name="a">The matrix (n * n), off-diagonal entries &gt;= 0.</param>
    /// <param name="n">Order, &gt;= 1.</param>
    /// <param name="result">Receives exp(a) (n * n); must not overlap <paramref name="a"/>.</param>
    /// <exception cref="ArgumentException">A negative off-diagonal entry or a non-finite entry.</exception>
    public static void ComputeMetzler(ReadOnlySpan<double> a, int n, Span<double> result)
    {
        int nn = n * n;
        double sigma = 0;
        for (int i = 0; i < n; i++) sigma = Math.Max(sigma, Math.Abs(a[i * n + i]));
        for (int k = 0; k < nn; k++)
        {
            if (!double.IsFinite(a[k])) throw new ArgumentException($"Matrix entry {k} is not finite: {a[k]}.", nameof(a));
            if (k / n != k % n && a[k] < 0) throw new ArgumentException($"Off-diagonal entry ({k / n}, {k % n}) is negative ({a[k]}); the matrix is not Metzler.", nameof(a));
        }

        // Norm (max column sum) of M = A + sigma I, all entries >= 0.
        double norm = 0;
        for (int j = 0; j < n; j++)
        {
            double col = 0;
            for (int i = 0; i < n; i++) col += i == j ? a[i * n + j] + sigma : a[i * n + j];
            norm = Math.Max(norm, col);
        }
        int s = 0;
        double scaled = Math.Max(norm, sigma);
        while (scaled > 0.5) { scaled *= 0.5; s++; }
        double factor = Math.ScaleB(1.0, -s);

        Span<double> work = nn <= 256 ? stackalloc double[3 * nn] : new double[3 * nn];
        var m = work[..nn];
        var term = work.Slice(nn, nn);
        var next = work.Slice(2 * nn, nn);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                m[i * n + j] = (a[i * n + j] + (i == j ? sigma : 0)) * factor;

        // Taylor series: result = I + M + M^2/2! + ...
        result[..nn].Clear();
        term.Clear();
        for (int i = 0; i < n; i++) { result[i * n + i] = 1; term[i * n + i] = 1; }
        for (int k = 1; k <= MaxTaylorTerms; k++)
        {
            Multiply(term, m, n, next);
            double inv = 1.0 / k;
            bool changed = false;
            for (int q = 0; q < nn; q++)
            {
                double t = next[q] * inv;
                term[q] = t;
                double before = result[q];
                result[q] = before + t;
                if (result[q] != before) changed = true;
            }
            if (!changed) break;
        }

        double shift = Math.Exp(-sigma * factor);
        for (int q = 0; q < nn; q++) result[q] *= shift;

        for (int k = 0; k < s; k++)
        {
            Multiply(result, result, n, next);
            next.CopyTo(result);
        }
    }

    /// <summary><c>c = a b</c> for n x n row-major matrices; <paramref name="c"/> must not overlap the inputs.</summary>
    internal static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n, Span<double> c)
    {
        for (int i = 0; i < n; i++)
        {
            var ci = c.Slice(i * n, n);
            ci.Clear();
            for (int k = 0; k < n; k++)
            {
                double aik = a[i * n + k];
                if (aik == 0) continue;
                var bk = b.Slice(k * n, n);
                for (int j = 0; j < n; j++) ci[j] += aik * bk[j];
            }
        }
    }
}

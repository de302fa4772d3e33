namespace KetaminePkPd.Numerics;

/// <summary>
/// In-place LU factorisation with partial (row) pivoting of a small dense row-major matrix, and the matching solve:
/// <c>P A = L U</c> with unit lower-triangular L (Golub and Van Loan, Matrix Computations, 4th ed., algorithm 3.4.1).
/// </summary>
/// <remarks>
/// Written for the n of pharmacokinetic systems (about 3 to 15): no blocking, no allocation; the caller owns all storage.
/// </remarks>
internal static class DenseLu
{
    /// <summary>
    /// Factorises the n-by-n row-major matrix <paramref name="a"/> in place: on return its strict lower triangle holds L (unit diagonal
    /// implied) and its upper triangle U; <paramref name="pivots"/>[k] is the row swapped with row k at step k.
    /// </summary>
    /// <param name="a">Row-major matrix, <c>a[i * n + j]</c>; length at least n * n.</param>
    /// <param name="n">Order, at least 1.</param>
    /// <param name="pivots">Receives n row indices.</param>
    /// <returns>False if a pivot is exactly zero or not finite (the matrix is singular to working precision, or holds NaN);
    /// the contents of <paramref name="a"/> are then undefined.</returns>
    public static bool Factor(Span<double> a, int n, Span<int> pivots)
    {
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double max = Math.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(a[i * n + k]);
                if (v > max)
                {
                    max = v;
                    p = i;
                }
            }

            pivots[k] = p;
            if (max == 0 || !double.IsFinite(max))
                return false;
            if (p != k)
            {
                Span<double> rowK = a.Slice(k * n, n), rowP = a.Slice(p * n, n);
                for (int j = 0; j < n; j++)
                    (rowK[j], rowP[j]) = (rowP[j], rowK[j]);
            }

            double inversePivot = 1.0 / a[k * n + k];
            for (int i = k + 1; i < n; i++)
            {
                double lik = a[i * n + k] * inversePivot;
                a[i * n + k] = lik;
                if (lik == 0)
                    continue;
                for (int j = k + 1; j < n; j++)
                    a[i * n + j] -= lik * a[k * n + j];
            }
        }

        return true;
    }

    /// <summary>Solves <c>A x = b</c> in place, given the output of <see cref="Factor"/>.</summary>
    /// <param name="lu">The factorised matrix from <see cref="Factor"/>.</param>
    /// <param name="n">Order.</param>
    /// <param name="pivots">The pivots from <see cref="Factor"/>.</param>
    /// <param name="b">Right-hand side on entry, solution on return; length n.</param>
    public static void Solve(ReadOnlySpan<double> lu, int n, ReadOnlySpan<int> pivots, Span<double> b)
    {
        for (int k = 0; k < n; k++)
        {
            int p = pivots[k];
            if (p != k)
                (b[k], b[p]) = (b[p], b[k]);
        }

        for (int i = 1; i < n; i++)
        {
            double sum = b[i];
            ReadOnlySpan<double> row = lu.Slice(i * n, i);
            for (int j = 0; j < i; j++)
                sum -= row[j] * b[j];
            b[i] = sum;
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            ReadOnlySpan<double> row = lu.Slice(i * n, n);
            for (int j = i + 1; j < n; j++)
                sum -= row[j] * b[j];
            b[i] = sum / row[i];
        }
    }

    /// <summary>Solves <c>A^T x = b</c> in place, given the output of <see cref="Factor"/> for A.</summary>
    /// <remarks>With P A = L U, A^T = U^T L^T P: forward substitution with U^T, back substitution with the unit L^T, then
    /// the row interchanges undone in reverse order.</remarks>
    /// <param name="lu">The factorised matrix from <see cref="Factor"/>.</param>
    /// <param name="n">Order.</param>
    /// <param name="pivots">The pivots from <see cref="Factor"/>.</param>
    /// <param name="b">Right-hand side on entry, solution on return; length n.</param>
    public static void SolveTransposed(ReadOnlySpan<double> lu, int n, ReadOnlySpan<int> pivots, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int j = 0; j < i; j++)
                sum -= lu[j * n + i] * b[j];
            b[i] = sum / lu[i * n + i];
        }

        for (int i = n - 2; i >= 0; i--)
        {
            double sum = b[i];
            for (int j = i + 1; j < n; j++)
                sum -= lu[j * n + i] * b[j];
            b[i] = sum;
        }

        for (int k = n - 1; k >= 0; k--)
        {
            int p = pivots[k];
            if (p != k)
                (b[k], b[p]) = (b[p], b[k]);
        }
    }
}

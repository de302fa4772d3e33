using KetaminePkPd.Numerics;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// Exact propagation of dA/dt = K A + b over a step h with b constant: A(h) = Phi(h) A(0) + Gamma(h) b, where
/// Phi = exp(K h) and Gamma(h) b comes from the exponential of the augmented Metzler matrix [[K, b/beta], [0, 0]] h.
/// Keeps a small cache keyed by (h, b), so a uniform output grid costs one exponential per distinct step.
/// Not thread-safe: one instance per simulation.
/// </summary>
internal sealed class LinearPropagator
{
    private const int CacheSize = 16;
    private readonly int _n;
    private readonly double[] _k;
    private readonly Entry[] _cache = new Entry[CacheSize];
    private int _next;

    private sealed class Entry
    {
        public double H;
        public double[] B = [];
        public bool HasInput;
        public double[] Phi = [];
        public double[] Gb = [];
    }

    /// <param name="k">K, n x n row-major (not copied; must not change).</param>
    /// <param name="n">Order.</param>
    public LinearPropagator(double[] k, int n)
    {
        _k = k;
        _n = n;
    }

    /// <summary>Exponentials computed so far (cache misses).</summary>
    public int Exponentials { get; private set; }

    /// <summary>Advances <paramref name="a"/> in place by <paramref name="h"/> hours with constant input rates <paramref name="b"/> (mg/h).</summary>
    public void Step(Span<double> a, ReadOnlySpan<double> b, bool hasInput, double h)
    {
        var e = Lookup(b, hasInput, h);
        int n = _n;
        Span<double> next = stackalloc double[n];
        var phi = e.Phi;
        for (int i = 0; i < n; i++)
        {
            double s = hasInput ? e.Gb[i] : 0;
            int row = i * n;
            for (int j = 0; j < n; j++) s += phi[row + j] * a[j];
            next[i] = s;
        }
        next.CopyTo(a);
    }

    private Entry Lookup(ReadOnlySpan<double> b, bool hasInput, double h)
    {
        double tol = 1e-12 * Math.Max(1, h);
        foreach (var c in _cache)
        {
            if (c is null || Math.Abs(c.H - h) > tol || c.HasInput != hasInput) continue;
            if (!hasInput || b.SequenceEqual(c.B)) return c;
        }
        var e = _cache[_next] ??= new Entry();
        _next = (_next + 1) % CacheSize;
        Fill(e, b, hasInput, h);
        Exponentials++;
        return e;
    }

    private void Fill(Entry e, ReadOnlySpan<double> b, bool hasInput, double h)
    {
        int n = _n;
        e.H = h;
        e.HasInput = hasInput;
        if (e.Phi.Length != n * n) e.Phi = new double[n * n];
        if (!hasInput)
        {
            Span<double> kh = n * n <= 256 ? stackalloc double[n * n] : new double[n * n];
            for (int q = 0; q < n * n; q++) kh[q] = _k[q] * h;
            MatrixExponential.ComputeMetzler(kh, n, e.Phi);
            return;
        }
        if (e.B.Length != n) e.B = new double[n];
        if (e.Gb.Length != n) e.Gb = new double[n];
        b.CopyTo(e.B);
        double beta = 0;
        foreach (var x in b) beta += x;
        int m = n + 1;
        Span<double> aug = m * m <= 256 ? stackalloc double[m * m] : new double[m * m];
        Span<double> ex = m * m <= 256 ? stackalloc double[m * m] : new double[m * m];
        aug.Clear();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) aug[i * m + j] = _k[i * n + j] * h;
            aug[i * m + n] = b[i] / beta * h;
        }
        MatrixExponential.ComputeMetzler(aug, m, ex);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) e.Phi[i * n + j] = ex[i * m + j];
            e.Gb[i] = ex[i * m + n] * beta;
        }
    }
}

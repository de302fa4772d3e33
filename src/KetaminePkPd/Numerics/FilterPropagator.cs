namespace KetaminePkPd.Numerics;

/// <summary>
/// Advances the filter states of a <see cref="FilterBlock"/> over a step of length h on which the linear state is known
/// exactly at both ends. Each drive is represented on the step by its cubic Hermite interpolant (values and exact time
/// derivatives at both ends), and the linear filter is then integrated exactly for that cubic input:
/// p(h) = exp(A h) p(0) + sum_k G_k c_k, G_k = integral_0^h exp(A (h - s)) B s^k ds, computed once per h from the
/// exponential of the Metzler matrix [[A, B, 0, 0, 0], [0, 0, I, 0, 0], [0, 0, 0, I, 0], [0, 0, 0, 0, I], [0, ...]] h
/// (the phi-function construction of Al-Mohy and Higham 2011). The local error is that of the Hermite interpolant,
/// O(h^4) relative; the PK-PD engine keeps steps short where drives change quickly, and tests check it against RODAS4 on
/// the full ODE. Not thread-safe.
/// </summary>
internal sealed class FilterPropagator
{
    private const int CacheSize = 8;
    private readonly FilterBlock _block;
    private readonly int _q, _r;
    private readonly Entry?[] _cache = new Entry?[CacheSize];
    private int _slot;
    private readonly double[] _u0, _u1, _du0, _du1, _c, _next;

    private sealed class Entry(double h, double[] e, double[] g)
    {
        public double H = h;
        public double[] E = e;   // q x q
        public double[] G = g;   // 4 blocks of q x r: G_k = integral exp(A(h-s)) B s^k ds
    }

    public FilterPropagator(FilterBlock block)
    {
        _block = block;
        _q = block.States;
        _r = block.Drives;
        _u0 = new double[_r]; _u1 = new double[_r]; _du0 = new double[_r]; _du1 = new double[_r];
        _c = new double[4 * _r];
        _next = new double[_q];
    }

    /// <summary>Advances <paramref name="p"/> in place given the linear state and its derivative at both ends of the step.</summary>
    public void Step(Span<double> p, ReadOnlySpan<double> x0, ReadOnlySpan<double> dx0, ReadOnlySpan<double> x1, ReadOnlySpan<double> dx1, double h)
    {
        if (_q == 0) return;
        _block.Drive(x0, _u0);
        _block.Drive(x1, _u1);
        _block.DriveRate(x0, dx0, _du0);
        _block.DriveRate(x1, dx1, _du1);
        for (int j = 0; j < _r; j++)
        {
            double d = (_u1[j] - _u0[j]) / h;
            _c[j] = _u0[j];
            _c[_r + j] = _du0[j];
            _c[2 * _r + j] = (3 * d - 2 * _du0[j] - _du1[j]) / h;
            _c[3 * _r + j] = (_du0[j] + _du1[j] - 2 * d) / (h * h);
        }
        var e = Lookup(h);
        for (int i = 0; i < _q; i++)
        {
            double s = 0;
            for (int j = 0; j < _q; j++) s += e.E[i * _q + j] * p[j];
            for (int k = 0; k < 4; k++)
                for (int j = 0; j < _r; j++) s += e.G[k * _q * _r + i * _r + j] * _c[k * _r + j];
            _next[i] = s;
        }
        _next.AsSpan().CopyTo(p);
    }

    private Entry Lookup(double h)
    {
        double tol = 1e-12 * Math.Max(1, h);
        foreach (var c in _cache)
            if (c is not null && Math.Abs(c.H - h) <= tol) return c;
        var entry = Build(h);
        _cache[_slot] = entry;
        _slot = (_slot + 1) % CacheSize;
        return entry;
    }

    private Entry Build(double h)
    {
        // Augmented system z = [p; w0; w1; w2; w3] with dp = A p + B w0, dw0 = w1, dw1 = w2, dw2 = w3, dw3 = 0.
        // Starting from w = (0, 0, 0, e_j) gives w0(s) = s^3/6 e_j, etc.: exp(M h) column blocks give
        // integral exp(A(h-s)) B s^k / k! ds for k = 0..3.
        int q = _q, r = _r, n = q + 4 * r;
        var m = new double[n * n];
        var a = _block.A;
        var b = _block.B;
        for (int i = 0; i < q; i++)
        {
            for (int j = 0; j < q; j++) m[i * n + j] = a[i * q + j] * h;
            for (int j = 0; j < r; j++) m[i * n + q + j] = b[i * r + j] * h;
        }
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < r; j++) m[(q + k * r + j) * n + q + (k + 1) * r + j] = h;
        var ex = new double[n * n];
        MatrixExponential.ComputeMetzler(m, n, ex);
        var e = new double[q * q];
        for (int i = 0; i < q; i++)
            for (int j = 0; j < q; j++) e[i * q + j] = ex[i * n + j];
        // Column block k of exp(M h) (w_k initially set) holds integral exp(A(h-s)) B s^k / k! ds (in units of h: the
        // augmented time is scaled, so entries are already in absolute time).
        var g = new double[4 * q * r];
        double factorial = 1;
        for (int k = 0; k < 4; k++)
        {
            if (k > 0) factorial *= k;
            for (int i = 0; i < q; i++)
                for (int j = 0; j < r; j++)
                    g[k * q * r + i * r + j] = ex[i * n + q + k * r + j] * factorial;
        }
        return new Entry(h, e, g);
    }
}

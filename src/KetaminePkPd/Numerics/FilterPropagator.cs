namespace KetaminePkPd.Numerics;

/// <summary>
/// Advances the filter states of a <see cref="FilterBlock"/> over a step of length h with the linear state known exactly
/// anywhere on the step: p(h) = exp(A h) p(0) + integral_0^h exp(A (h - s)) B u(x(s)) ds, the integral by 3-point
/// Gauss-Legendre quadrature at s = c_g h, c = 1/2 -/+ sqrt(15)/10 and 1/2, weights 5/18, 8/18, 5/18 (exact for
/// integrands of degree 5; local error O(h^7)). The caller supplies x at the three nodes. The matrix exponentials of the
/// q x q filter are cached per step length. Not thread-safe.
/// </summary>
internal sealed class FilterPropagator
{
    /// <summary>Gauss-Legendre nodes on [0, 1].</summary>
    public static readonly double[] Nodes = [0.5 - Math.Sqrt(15) / 10, 0.5, 0.5 + Math.Sqrt(15) / 10];

    private static readonly double[] Weights = [5.0 / 18, 8.0 / 18, 5.0 / 18];
    private const int CacheSize = 8;
    private readonly FilterBlock _block;
    private readonly int _q, _r;
    private readonly Entry?[] _cache = new Entry?[CacheSize];
    private int _slot;
    private readonly double[] _u, _next;

    private sealed class Entry(double h, double[] e, double[] w)
    {
        public readonly double H = h;
        public readonly double[] E = e;   // exp(A h), q x q
        public readonly double[] W = w;   // per node g: h w_g exp(A (1 - c_g) h) B, q x r
    }

    public FilterPropagator(FilterBlock block)
    {
        _block = block;
        _q = block.States;
        _r = block.Drives;
        _u = new double[3 * _r];
        _next = new double[_q];
    }

    /// <summary>Advances <paramref name="p"/> in place; <paramref name="nodeStates"/> holds the linear state at the three nodes, n each.</summary>
    public void Step(Span<double> p, ReadOnlySpan<double> nodeStates, int n, double h)
    {
        if (_q == 0) return;
        for (int g = 0; g < 3; g++) _block.Drive(nodeStates.Slice(g * n, n), _u.AsSpan(g * _r, _r));
        var e = Lookup(h);
        int qr = _q * _r;
        for (int i = 0; i < _q; i++)
        {
            double s = 0;
            for (int j = 0; j < _q; j++) s += e.E[i * _q + j] * p[j];
            for (int g = 0; g < 3; g++)
                for (int j = 0; j < _r; j++) s += e.W[g * qr + i * _r + j] * _u[g * _r + j];
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
        int q = _q, r = _r;
        var a = _block.A;
        var b = _block.B;
        var e = Exp(a, q, h);
        var w = new double[3 * q * r];
        for (int g = 0; g < 3; g++)
        {
            var eg = Exp(a, q, (1 - Nodes[g]) * h);
            for (int i = 0; i < q; i++)
                for (int j = 0; j < r; j++)
                {
                    double s = 0;
                    for (int k = 0; k < q; k++) s += eg[i * q + k] * b[k * r + j];
                    w[g * q * r + i * r + j] = h * Weights[g] * s;
                }
        }
        return new Entry(h, e, w);
    }

    private static double[] Exp(ReadOnlySpan<double> a, int q, double t)
    {
        var m = new double[q * q];
        for (int i = 0; i < m.Length; i++) m[i] = a[i] * t;
        var result = new double[q * q];
        MatrixExponential.ComputeMetzler(m, q, result);
        return result;
    }
}

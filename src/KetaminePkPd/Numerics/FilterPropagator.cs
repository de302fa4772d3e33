namespace KetaminePkPd.Numerics;

/// <summary>
/// Advances the filter states of a <see cref="FilterBlock"/> over a step of length h with the linear state known exactly
/// anywhere on the step: p(h) = exp(A h) p(0) + integral_0^h exp(A (h - s)) B u(x(s)) ds, the integral by Boole's rule
/// (closed Newton-Cotes on 5 points) at s = 0, h/4, h/2, 3h/4, h with weights 7, 32, 12, 32, 7 over 90 (exact for
/// integrands of degree 5; local error -8/945 (h/4)^7 f^(6), the same size as 3-point Gauss-Legendre). Equally spaced
/// nodes let the linear part's propagators for the nodes come from one matrix exponential by products
/// (<see cref="LinearPropagator.PrepareQuarters"/>), and the end points are the step's own states. The caller supplies
/// x at the five nodes. The exponentials of the q x q filter are cached per step length. Not thread-safe.
/// </summary>
internal sealed class FilterPropagator
{
    /// <summary>Boole's rule nodes on [0, 1].</summary>
    public static readonly double[] Nodes = [0, 0.25, 0.5, 0.75, 1];

    private static readonly double[] Weights = [7.0 / 90, 32.0 / 90, 12.0 / 90, 32.0 / 90, 7.0 / 90];
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
        _u = new double[Nodes.Length * _r];
        _next = new double[_q];
    }

    /// <summary>Advances <paramref name="p"/> in place; <paramref name="nodeStates"/> holds the linear state at the five nodes, n each.</summary>
    public void Step(Span<double> p, ReadOnlySpan<double> nodeStates, int n, double h)
    {
        if (_q == 0) return;
        for (int g = 0; g < Nodes.Length; g++) _block.Drive(nodeStates.Slice(g * n, n), _u.AsSpan(g * _r, _r));
        var e = Lookup(h);
        int qr = _q * _r;
        for (int i = 0; i < _q; i++)
        {
            double s = 0;
            for (int j = 0; j < _q; j++) s += e.E[i * _q + j] * p[j];
            for (int g = 0; g < Nodes.Length; g++)
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
        var w = new double[Nodes.Length * q * r];
        for (int g = 0; g < Nodes.Length; g++)
        {
            // The first node's exp(A h) is the step's own: computed once.
            var eg = g == 0 ? e : Exp(a, q, (1 - Nodes[g]) * h);
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

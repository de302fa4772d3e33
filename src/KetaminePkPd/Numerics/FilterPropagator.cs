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
    private FilterBlock _block;
    private int _q, _r;
    private Entry?[] _cache = new Entry?[CacheSize];
    private Entry?[] _kept = new Entry?[CacheSize];   // the previous march's entries (same A and B), reused for an equal step only
    private double[] _a = [], _b = [];               // copies of the A and B the cached entries were built from
    private int _slot;
    private double[] _u, _next, _scaled, _nodeExp, _quarter, _half, _identity;

    // This thread's spare propagators, at most one per shape in practice (a dissociation's empty filter and a course's filter
    // alternate on a worker: one spare each, so neither reallocates its arrays nor loses its kept entries).
    [ThreadStatic] private static List<FilterPropagator>? _spares;
    private const int MaxSpares = 4;

    /// <summary>One step length's propagators; rebuilt in place when its cache slot is reused (a looked-up entry is used only
    /// within the <see cref="Step"/> that looked it up).</summary>
    private sealed class Entry
    {
        public double H = double.NaN;
        public double[] E = [];   // exp(A h), q x q
        public double[] W = [];   // per node g: h w_g exp(A (1 - c_g) h) B, q x r
    }

    public FilterPropagator(FilterBlock block)
    {
        _block = block;
        _q = block.States;
        _r = block.Drives;
        _u = new double[Nodes.Length * _r];
        _next = new double[_q];
        _scaled = new double[_q * _q];
        _nodeExp = new double[_q * _q];
        _quarter = new double[_q * _q];
        _half = new double[_q * _q];
        _identity = Identity(_q);
        _a = block.A.ToArray();
        _b = block.B.ToArray();
    }

    private static double[] Identity(int q)
    {
        var identity = new double[q * q];
        for (int i = 0; i < q; i++) identity[i * q + i] = 1;
        return identity;
    }

    /// <summary>A propagator for <paramref name="block"/> that behaves as one with an empty cache: one of this thread's spare ones or
    /// a new one; give it back with <see cref="Return"/>. When the spare one's last block had the same A and B bit for bit (a patient's
    /// courses under several hypotheses, or several pools' courses of one patient, share the filter), the entries its last march
    /// built are kept aside and taken again for a step of exactly their length (<see cref="Lookup"/>): an entry is a function of A,
    /// B and h alone, so the march sees the same numbers as with an empty cache.</summary>
    public static FilterPropagator Rent(FilterBlock block)
    {
        var spares = _spares;
        if (spares is null || spares.Count == 0) return new FilterPropagator(block);
        // Prefer a spare whose last filter was this one bit for bit, then one of the same shape, then the newest.
        int at = spares.Count - 1;
        for (int i = spares.Count - 1, shape = -1; i >= 0; i--)
        {
            var c = spares[i];
            if (c._q != block.States || c._r != block.Drives) continue;
            if (Bits.Same(c._a, block.A) && Bits.Same(c._b, block.B)) { at = i; break; }
            if (shape < 0) at = shape = i;
        }
        var p = spares[at];
        spares.RemoveAt(at);
        p._block = block;
        bool sameFilter = p._q == block.States && p._r == block.Drives && Bits.Same(p._a, block.A) && Bits.Same(p._b, block.B);
        if (sameFilter)
        {
            // The last march's entries become the kept ones; the older kept entries' objects are reused for this march's.
            (p._kept, p._cache) = (p._cache, p._kept);
            foreach (var c in p._cache)
                if (c is not null) c.H = double.NaN;
            p._slot = 0;
            return p;
        }
        foreach (var c in p._kept)
            if (c is not null) c.H = double.NaN;
        if (p._a.Length != block.A.Length) p._a = new double[block.A.Length];
        if (p._b.Length != block.B.Length) p._b = new double[block.B.Length];
        block.A.CopyTo(p._a);
        block.B.CopyTo(p._b);
        if (p._q != block.States || p._r != block.Drives)
        {
            p._q = block.States;
            p._r = block.Drives;
            p._u = new double[Nodes.Length * p._r];
            p._next = new double[p._q];
            p._scaled = new double[p._q * p._q];
            p._nodeExp = new double[p._q * p._q];
            p._quarter = new double[p._q * p._q];
            p._half = new double[p._q * p._q];
            p._identity = Identity(p._q);
        }
        foreach (var c in p._cache)
            if (c is not null) c.H = double.NaN;
        p._slot = 0;
        return p;
    }

    /// <summary>Keeps <paramref name="p"/> for this thread's next <see cref="Rent"/>; the caller must not use it again.</summary>
    public static void Return(FilterPropagator p)
    {
        var spares = _spares ??= [];
        if (spares.Count < MaxSpares) spares.Add(p);
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

    /// <summary>
    /// The entry for a step of <paramref name="h"/>: one of this march's within 1e-12 relative (the cache holds only this march's
    /// entries, in the slots an empty cache would have filled, so the match is the one an empty cache gives), else a kept entry of
    /// exactly this length moved into the slot an empty cache would build in (the same numbers it would build), else built there.
    /// </summary>
    private Entry Lookup(double h)
    {
        double tol = 1e-12 * Math.Max(1, h);
        foreach (var c in _cache)
            if (c is not null && Math.Abs(c.H - h) <= tol) return c;
        for (int i = 0; i < _kept.Length; i++)
        {
            var k = _kept[i];
            if (k is null || k.H != h) continue;
            // The slot's old entry (if any) goes to the kept ones: it can only be taken again for exactly its own length.
            _kept[i] = _cache[_slot];
            _cache[_slot] = k;
            _slot = (_slot + 1) % CacheSize;
            return k;
        }
        var entry = _cache[_slot] ??= new Entry();
        Build(h, entry);
        _slot = (_slot + 1) % CacheSize;
        return entry;
    }

    private void Build(double h, Entry entry)
    {
        int q = _q, r = _r;
        var a = _block.A;
        var b = _block.B;
        if (entry.E.Length != q * q) entry.E = new double[q * q];
        if (entry.W.Length != Nodes.Length * q * r) entry.W = new double[Nodes.Length * q * r];
        var e = entry.E;
        var w = entry.W;
        // The nodes' exponentials exp(A (1 - c_g) h), from the shortest: h/4 and 3h/4 computed, h/2 and h as the square of the
        // one half as long when its scaling exponent is at least 1 (bit for bit the exponential itself: see
        // LinearPropagator.HalfStep), and the last node's exp(A 0) the identity (what the exponential of a zero matrix gives
        // exactly: no scaling, every power zero, exp(-0) = 1).
        int quarterScaling = Exp(a, q, (1 - Nodes[3]) * h, _quarter);
        int halfScaling = ExpOrSquare(a, q, (1 - Nodes[2]) * h, _quarter, quarterScaling, _half);
        ExpOrSquare(a, q, (1 - Nodes[0]) * h, _half, halfScaling, e);
        Exp(a, q, (1 - Nodes[1]) * h, _nodeExp);
        for (int g = 0; g < Nodes.Length; g++)
        {
            double[] eg = g switch { 0 => e, 1 => _nodeExp, 2 => _half, 3 => _quarter, _ => _identity };
            for (int i = 0; i < q; i++)
                for (int j = 0; j < r; j++)
                {
                    double s = 0;
                    for (int k = 0; k < q; k++) s += eg[i * q + k] * b[k * r + j];
                    w[g * q * r + i * r + j] = h * Weights[g] * s;
                }
        }
        entry.H = h;
    }

    private int Exp(ReadOnlySpan<double> a, int q, double t, double[] result)
    {
        var m = _scaled;
        for (int i = 0; i < m.Length; i++) m[i] = a[i] * t;
        return MatrixExponential.ComputeMetzler(m, q, result);
    }

    /// <summary>exp(A t) into <paramref name="result"/>, as the square of <paramref name="half"/> = exp(A t/2) when its scaling
    /// exponent is at least 1; returns the scaling exponent of the result.</summary>
    private int ExpOrSquare(ReadOnlySpan<double> a, int q, double t, double[] half, int halfScaling, double[] result)
    {
        if (halfScaling < 1) return Exp(a, q, t, result);
        MatrixExponential.Multiply(half, half, q, result);
        return halfScaling + 1;
    }
}

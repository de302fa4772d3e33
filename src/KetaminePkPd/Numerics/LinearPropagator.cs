using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KetaminePkPd.Numerics;

/// <summary>
/// Exact propagation of dA/dt = K A + b over a step h with b constant: A(h) = Phi(h) A(0) + Gamma(h) b, where
/// Phi = exp(K h) and Gamma(h) b comes from the exponential of the augmented Metzler matrix [[K, b/beta], [0, 0]] h.
/// Keeps a small cache keyed by (h, b), so a uniform output grid costs one exponential per distinct step.
/// Not thread-safe: one instance per simulation. <see cref="Rent"/> and <see cref="Return"/> reuse instances and their
/// entries' arrays on each thread (the cache is emptied on renting, so results are the same as with a new instance).
/// </summary>
internal sealed class LinearPropagator
{
    private const int CacheSize = 64;
    private int _n;
    private double[] _k;
    private readonly Entry[] _cache = new Entry[CacheSize];
    private double[] _next;
    private double[] _scratch = [];   // Fill's matrices and the exponential's work (8 (n+1)^2 entries once used)
    private int _slot;
    private int _filled;
    private Entry? _last;
    private readonly Stack<Entry> _spareEntries = new();

    [ThreadStatic] private static List<LinearPropagator>? _free;

    /// <summary>A propagator for K (not copied; must not change while rented) with an empty cache: this thread's spare one of the
    /// same order (its entries' arrays fit) or a new one. Give it back with <see cref="Return"/> once nothing uses it or its entries.</summary>
    public static LinearPropagator Rent(double[] k, int n)
    {
        var free = _free;
        int at = -1;
        for (int i = (free?.Count ?? 0) - 1; i >= 0; i--)
            if (free![i]._n == n) { at = i; break; }
        if (at < 0) return new LinearPropagator(k, n);
        var p = free![at];
        free.RemoveAt(at);
        p.Reset(k, n);
        return p;
    }

    /// <summary>Keeps <paramref name="p"/> for this thread's next <see cref="Rent"/>; the caller must not use it or its entries again.</summary>
    public static void Return(LinearPropagator p)
    {
        var free = _free ??= [];
        if (free.Count < 16) free.Add(p);
    }

    /// <summary>Empties the cache for a new K, keeping its entries' arrays for reuse (the entries handed out before must no longer be used).</summary>
    internal void Restart(double[] k, int n) => Reset(k, n);

    /// <summary>Empties the cache for a new K, keeping its entries' arrays for reuse.</summary>
    private void Reset(double[] k, int n)
    {
        for (int i = 0; i < _filled; i++)
        {
            _spareEntries.Push(_cache[i]);
            _cache[i] = null!;
        }
        _k = k;
        if (_n != n) _next = new double[n];
        _n = n;
        _slot = _filled = 0;
        _last = null;
        Exponentials = 0;
    }

    private Entry NewEntry() => _spareEntries.Count > 0 ? _spareEntries.Pop() : new Entry();

    /// <summary>A cached propagator for one (h, b); immutable once filled.</summary>
    internal sealed class Entry
    {
        public double H;
        public double[] B = [];
        public bool HasInput;
        public double[] Phi = [];
        public double[] PhiT = [];   // Phi transposed, for Propagate
        public double[] Gb = [];
        public int Scaling = -1;     // the scaling exponent of Phi's own exponential; -1 if composed or with input
    }

    /// <param name="k">K, n x n row-major (not copied; must not change).</param>
    /// <param name="n">Order.</param>
    public LinearPropagator(double[] k, int n)
    {
        _k = k;
        _n = n;
        _next = new double[n];
    }

    /// <summary>Exponentials computed so far (cache misses).</summary>
    public int Exponentials { get; private set; }

    /// <summary>The propagator for a step of <paramref name="h"/> hours with input rates <paramref name="b"/>, from the cache or computed.</summary>
    public Entry Prepare(ReadOnlySpan<double> b, bool hasInput, double h) => Lookup(b, hasInput, h);

    /// <summary>The propagator of two consecutive steps of <paramref name="e"/> (same inputs), from the cache or by composition (no exponential).</summary>
    public Entry Doubled(Entry e) => Find(e.B, e.HasInput, 2 * e.H) ?? Store(Compose(e, e));

    /// <summary>Advances <paramref name="a"/> in place with a prepared propagator.</summary>
    public void Step(Span<double> a, Entry e)
    {
        if (_n == 3)
        {
            Step3(a, e);
            return;
        }
        var next = _next.AsSpan(0, _n);
        Propagate(a, next, e);
        next.CopyTo(a);
    }

    /// <summary>
    /// Writes the state one step of <paramref name="e"/> after <paramref name="x"/> into <paramref name="y"/> (which must not overlap
    /// it): y_i = (Gamma b)_i + sum over j in order of Phi_ij x_j, each entry summed in that order, a multiply and then an add. Four
    /// (then two) rows at a time in vector registers from the entry's transposed Phi, whose column j holds row j's coefficients of x_j
    /// for consecutive rows: every entry gets the same products added in the same order as one row at a time, so the same bits.
    /// </summary>
    public void Propagate(ReadOnlySpan<double> x, Span<double> y, Entry e)
    {
        int n = _n;
        bool hasInput = e.HasInput;
        ref double rt = ref MemoryMarshal.GetArrayDataReference(e.PhiT);
        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double ry = ref MemoryMarshal.GetReference(y);
        if (x.Length < n || y.Length < n || e.PhiT.Length < n * n || (hasInput && e.Gb.Length < n)) throw new ArgumentException("State or propagator spans are too short.");
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i + 4 <= n; i += 4)
            {
                var s = hasInput ? Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(e.Gb), (nuint)i) : Vector256<double>.Zero;
                for (int j = 0; j < n; j++)
                    s = Vector256.Add(s, Vector256.Multiply(Vector256.LoadUnsafe(ref rt, (nuint)(j * n + i)), Vector256.Create(Unsafe.Add(ref rx, j))));
                s.StoreUnsafe(ref ry, (nuint)i);
            }
        if (Vector128.IsHardwareAccelerated)
            for (; i + 2 <= n; i += 2)
            {
                var s = hasInput ? Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(e.Gb), (nuint)i) : Vector128<double>.Zero;
                for (int j = 0; j < n; j++)
                    s = Vector128.Add(s, Vector128.Multiply(Vector128.LoadUnsafe(ref rt, (nuint)(j * n + i)), Vector128.Create(Unsafe.Add(ref rx, j))));
                s.StoreUnsafe(ref ry, (nuint)i);
            }
        for (; i < n; i++)
        {
            double s = hasInput ? e.Gb[i] : 0;
            for (int j = 0; j < n; j++) s += Unsafe.Add(ref rt, j * n + i) * Unsafe.Add(ref rx, j);
            Unsafe.Add(ref ry, i) = s;
        }
    }

    /// <summary><see cref="Step"/> for n = 3 (a three-compartment model, the common PK case) in registers, without the copy: each entry
    /// is (Gamma b)_i (or 0), plus Phi_i0 x_0, plus Phi_i1 x_1, plus Phi_i2 x_2, a multiply and then an add in that order, as
    /// <see cref="Propagate"/> sums it, so the same bits.</summary>
    private static void Step3(Span<double> a, Entry e)
    {
        var t = e.PhiT.AsSpan(0, 9);
        var x = a[..3];
        double x0 = x[0], x1 = x[1], x2 = x[2];
        double y0 = 0, y1 = 0, y2 = 0;
        if (e.HasInput)
        {
            var g = e.Gb.AsSpan(0, 3);
            (y0, y1, y2) = (g[0], g[1], g[2]);
        }
        x[0] = y0 + t[0] * x0 + t[3] * x1 + t[6] * x2;
        x[1] = y1 + t[1] * x0 + t[4] * x1 + t[7] * x2;
        x[2] = y2 + t[2] * x0 + t[5] * x1 + t[8] * x2;
    }

    /// <summary>Writes the transpose of <paramref name="e"/>'s Phi into its PhiT (after Phi is filled).</summary>
    private void Transpose(Entry e)
    {
        int n = _n;
        if (e.PhiT.Length != n * n) e.PhiT = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) e.PhiT[j * n + i] = e.Phi[i * n + j];
    }

    /// <summary>
    /// The propagators for h/4, h/2, 3h/4 and h with inputs <paramref name="b"/>: one matrix exponential (for h/4, unless
    /// cached) and the rest by composition, Phi(s + t) = Phi(t) Phi(s) and Gamma(s + t) b = Phi(t) Gamma(s) b + Gamma(t) b,
    /// which keeps every entry non-negative.
    /// </summary>
    public (Entry Quarter, Entry Half, Entry ThreeQuarters, Entry Full) PrepareQuarters(ReadOnlySpan<double> b, bool hasInput, double h)
    {
        var quarter = Lookup(b, hasInput, h / 4);
        var half = Find(b, hasInput, h / 2) ?? Store(Compose(quarter, quarter));
        var threeQuarters = Find(b, hasInput, 3 * h / 4) ?? Store(Compose(half, quarter));
        var full = Find(b, hasInput, h) ?? Store(Compose(half, half));
        return (quarter, half, threeQuarters, full);
    }

    /// <summary>The propagator of a step of <paramref name="first"/>'s length followed by one of <paramref name="second"/>'s (same inputs).</summary>
    private Entry Compose(Entry first, Entry second)
    {
        int n = _n;
        var e = NewEntry();
        e.H = first.H + second.H;
        e.HasInput = first.HasInput;
        e.Scaling = -1;
        if (e.Phi.Length != n * n) e.Phi = new double[n * n];
        MatrixExponential.Multiply(second.Phi, first.Phi, n, e.Phi);
        if (first.HasInput)
        {
            // Each entry owns its arrays (entries are reused): the inputs are copied, not shared.
            if (e.B.Length != n) e.B = new double[n];
            first.B.AsSpan(0, n).CopyTo(e.B);
            if (e.Gb.Length != n) e.Gb = new double[n];
            for (int i = 0; i < n; i++)
            {
                double sum = second.Gb[i];
                for (int j = 0; j < n; j++) sum += second.Phi[i * n + j] * first.Gb[j];
                e.Gb[i] = sum;
            }
        }
        Transpose(e);
        return e;
    }

    private Entry? Find(ReadOnlySpan<double> b, bool hasInput, double h)
    {
        double tol = 1e-12 * Math.Max(1, h);
        if (_last is { } last && Matches(last, b, hasInput, h, tol)) return last;
        for (int i = 0; i < _filled; i++)
        {
            var c = _cache[i];
            if (Matches(c, b, hasInput, h, tol)) return _last = c;
        }
        return null;
    }

    private Entry Store(Entry e)
    {
        _cache[_slot] = e;
        _slot = (_slot + 1) % CacheSize;
        _filled = Math.Max(_filled, _slot == 0 ? CacheSize : _slot);
        return _last = e;
    }

    private Entry Lookup(ReadOnlySpan<double> b, bool hasInput, double h)
    {
        if (Find(b, hasInput, h) is { } hit) return hit;
        var e = NewEntry();
        if (!hasInput && HalfStep(h) is { } half)
        {
            Square(half, e);
            return Store(e);
        }
        Fill(e, b, hasInput, h);
        Exponentials++;
        return Store(e);
    }

    /// <summary>
    /// A cached input-free exponential of exactly h/2 whose scaling exponent is at least 1, or null. Its square is bit for bit
    /// what <see cref="MatrixExponential.ComputeMetzler(ReadOnlySpan{double}, int, Span{double})"/> returns for h: K h is exactly 2 K (h/2) entry by entry (a power of two
    /// commutes with rounding), so sigma and the norm double exactly, the scaling takes one more halving (the norm of K h/2 was
    /// above 1/2 if its exponent is at least 1), and the scaled matrix, the Taylor polynomial and exp(-sigma 2^-s) are the same
    /// numbers; the exponential of h is then that of h/2 squared once more by the same product. (The march's 2-day and 4-day
    /// steps between the day-3 and day-7 ratings are such a pair.)
    /// </summary>
    private Entry? HalfStep(double h)
    {
        for (int i = 0; i < _filled; i++)
        {
            var c = _cache[i];
            if (!c.HasInput && c.Scaling >= 1 && c.H * 2 == h) return c;
        }
        return null;
    }

    /// <summary>Fills <paramref name="e"/> with the input-free propagator of twice <paramref name="half"/>'s step: its Phi squared.</summary>
    private void Square(Entry half, Entry e)
    {
        int n = _n;
        e.H = 2 * half.H;
        e.HasInput = false;
        e.Scaling = half.Scaling + 1;
        if (e.Phi.Length != n * n) e.Phi = new double[n * n];
        MatrixExponential.Multiply(half.Phi, half.Phi, n, e.Phi);
        Transpose(e);
    }

    private static bool Matches(Entry c, ReadOnlySpan<double> b, bool hasInput, double h, double tol) =>
        Math.Abs(c.H - h) <= tol && c.HasInput == hasInput && (!hasInput || b.SequenceEqual(c.B));

    private void Fill(Entry e, ReadOnlySpan<double> b, bool hasInput, double h)
    {
        int n = _n;
        e.H = h;
        e.HasInput = hasInput;
        if (e.Phi.Length != n * n) e.Phi = new double[n * n];
        // The exponential's input, output and work in this propagator's scratch array (kept across its entries and simulations; every
        // entry written before it is read), not in zeroed stack space per exponential.
        int m = n + 1;
        if (_scratch.Length < 8 * m * m) _scratch = new double[8 * m * m];
        if (!hasInput)
        {
            var kh = _scratch.AsSpan(0, n * n);
            for (int q = 0; q < n * n; q++) kh[q] = _k[q] * h;
            e.Scaling = MatrixExponential.ComputeMetzler(kh, n, e.Phi, _scratch.AsSpan(n * n, 6 * n * n));
            Transpose(e);
            return;
        }
        e.Scaling = -1;
        if (e.B.Length != n) e.B = new double[n];
        if (e.Gb.Length != n) e.Gb = new double[n];
        b.CopyTo(e.B);
        double beta = 0;
        foreach (var x in b) beta += x;
        var aug = _scratch.AsSpan(0, m * m);
        var ex = _scratch.AsSpan(m * m, m * m);
        aug.Clear();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) aug[i * m + j] = _k[i * n + j] * h;
            aug[i * m + n] = b[i] / beta * h;
        }
        MatrixExponential.ComputeMetzler(aug, m, ex, _scratch.AsSpan(2 * m * m, 6 * m * m));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) e.Phi[i * n + j] = ex[i * m + j];
            e.Gb[i] = ex[i * m + n] * beta;
        }
        Transpose(e);
    }
}

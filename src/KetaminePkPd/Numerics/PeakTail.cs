namespace KetaminePkPd.Numerics;

/// <summary>
/// Sufficient conditions, checked on a state x(t0) of the free linear system x' = K x (no input from t0 on), that one component
/// never exceeds its value at t0 afterwards: x_c(t) &lt;= x_c(t0) for all t &gt;= t0. <see cref="PeakSearch.Maximum"/> stops its scan at
/// the first interval after the last input event whose start state passes, since nothing later can beat the value it already holds.
/// </summary>
/// <remarks>
/// <para>Three conditions, each proved for the exact solution (docs/perf/num22.md gives the derivations):</para>
/// <para><b>General.</b> U = the states upstream of c (c included; no state outside U feeds U, so x_U' = K_UU x_U). If K is Metzler on U
/// (non-negative off-diagonal entries) and K has no entry from outside U into U, then y = x_U' obeys y' = K_UU y, so
/// y(t) = e^{K_UU (t - t0)} y(t0); e^{K_UU s} is entrywise non-negative, so y(t0) &lt;= 0 on U keeps y &lt;= 0 on U: every upstream state,
/// c included, is non-increasing.</para>
/// <para><b>Star.</b> The states upstream of a centre v other than v are peripherals j, each fed by v alone (K_jv &gt; 0, K_vj &gt; 0, no
/// other entry in row j), with K_vv + sum_j K_jv &lt;= 0 and K_jj + K_vj &lt;= 0 (what leaves v includes what goes to the peripherals; what
/// leaves j includes what returns to v). With u_v = x_v and u_j = x_j K_vj / K_jv (a peripheral's amount in the centre's
/// "concentration" units): u_v' = K_vv u_v + sum_j K_jv u_j and u_j' = K_vj u_v + K_jj u_j, so whichever u is largest (and
/// non-negative) has a non-positive derivative, and M(t) = max(u_v, u_j) is non-increasing (the maximum principle). If u_v(t0) &gt;= every
/// u_j(t0) and all are non-negative, x_v(t) &lt;= M(t) &lt;= M(t0) = x_v(t0). This holds right at the end of an intravenous infusion, where
/// the general condition fails for hours (the peripherals still fill).</para>
/// <para><b>Chain.</b> A state c whose row of K has one off-diagonal entry, K_cp &gt; 0 (an effect site, fed by the central compartment):
/// if x_p(t) &lt;= x_p(t0) for all t &gt;= t0 and x_c'(t0) = K_cp x_p(t0) + K_cc x_c(t0) &lt;= 0, then z' = K_cp x_p(t0) + K_cc z from
/// z(t0) = x_c(t0) is non-increasing (its derivative w obeys w' = K_cc w) and (x_c - z)' &lt;= K_cc (x_c - z) keeps x_c &lt;= z &lt;= x_c(t0).
/// A chain c, p, ... ends on a star centre (or the condition does not apply).</para>
/// <para><b>Rising.</b> The general structure with input: under constant input rates b, y = K x + b obeys y' = K_UU y too, so
/// y(t0) &gt;= 0 on U keeps every upstream state, c included, non-decreasing while the rates last (<see cref="Rises"/>): the maximum over
/// such a stretch is at its end. This holds through a first infusion from an empty body (y = b &gt;= 0).</para>
/// <para>Every inequality on the state is required with a relative margin of 1e-9 of the terms it compares, far above the round-off of the
/// stored states, so the criterion never fires on a state whose exact continuation could rise by rounding-sized amounts.</para>
/// </remarks>
internal sealed class PeakTail
{
    /// <summary>Relative margin of every inequality on the state.</summary>
    internal const double Margin = 1e-9;

    [ThreadStatic] private static Stack<PeakTail>? _spare;

    private double[] _k = [];
    private int _n;
    private int[] _upstream = [], _chain = [], _peripherals = [];
    private int _upstreamCount, _chainCount, _peripheralCount;
    private bool _general;

    private PeakTail() { }

    /// <summary>The conditions for component <paramref name="c"/> of K (n x n, row-major), from this thread's spare instances
    /// (give it back with <see cref="Return"/>): a thread's searches after the first allocate nothing.</summary>
    /// <param name="k">K.</param>
    /// <param name="n">Dimension.</param>
    /// <param name="c">The component.</param>
    public static PeakTail Rent(double[] k, int n, int c)
    {
        var tail = _spare is { Count: > 0 } spare ? spare.Pop() : new PeakTail();
        tail.Reset(k, n, c);
        return tail;
    }

    /// <summary>Gives an instance back to this thread's spares; not used by the caller afterwards.</summary>
    public static void Return(PeakTail tail)
    {
        tail._k = [];
        var spare = _spare ??= new Stack<PeakTail>();
        if (spare.Count < 8) spare.Push(tail);
    }

    private void Reset(double[] k, int n, int c)
    {
        _k = k;
        _n = n;
        if (_upstream.Length < n)
        {
            _upstream = new int[n];
            _chain = new int[n];
            _peripherals = new int[n];
        }
        _upstreamCount = _chainCount = _peripheralCount = 0;

        Span<bool> up = stackalloc bool[n];
        Reachability.Mark(k, n, [c], upstream: true, up);
        bool general = true;
        for (int i = 0; i < n; i++)
        {
            if (!up[i]) continue;
            _upstream[_upstreamCount++] = i;
            for (int j = 0; j < n; j++)
                if (j != i && (up[j] ? !(k[i * n + j] >= 0) : k[i * n + j] != 0)) general = false;
        }
        _general = general;

        // The chain from c to a star centre: each link's row has exactly one off-diagonal entry, positive, from the next link.
        int v = c;
        while (true)
        {
            _chain[_chainCount++] = v;
            if (StarAt(v, out _peripheralCount)) return;
            int source = SingleSource(v);
            if (source < 0 || _chain.AsSpan(0, _chainCount).Contains(source) || _chainCount == n) break;
            v = source;
        }
        _chainCount = 0;
        _peripheralCount = 0;
    }

    /// <summary>The one state feeding v (its row's only off-diagonal entry, positive), or -1.</summary>
    private int SingleSource(int v)
    {
        int source = -1;
        for (int j = 0; j < _n; j++)
        {
            if (j == v) continue;
            double a = _k[v * _n + j];
            if (a == 0) continue;
            if (!(a > 0) || source >= 0) return -1;
            source = j;
        }
        return source;
    }

    /// <summary>Whether v is a star centre (fills <see cref="_peripherals"/>).</summary>
    private bool StarAt(int v, out int count)
    {
        count = 0;
        double outflow = _k[v * _n + v];
        for (int j = 0; j < _n; j++)
        {
            if (j == v) continue;
            double toCentre = _k[v * _n + j];
            if (toCentre == 0) continue;
            double fromCentre = _k[j * _n + v];
            if (!(toCentre > 0 && fromCentre > 0 && _k[j * _n + j] + toCentre <= 0)) return false;
            for (int i = 0; i < _n; i++)
                if (i != j && i != v && _k[j * _n + i] != 0) return false;
            outflow += fromCentre;
            _peripherals[count++] = j;
        }
        return count > 0 && outflow <= 0;
    }

    /// <summary>True when the conditions prove x_c(t) &lt;= x_c(t0) for all later t of the free system from x = x(t0).</summary>
    /// <param name="x">The state at t0 (at least n entries).</param>
    public bool Holds(ReadOnlySpan<double> x)
    {
        if (_general && General(x)) return true;
        if (_chainCount == 0) return false;
        // Each link before the centre must be non-increasing at t0.
        for (int i = 0; i + 1 < _chainCount; i++)
        {
            int v = _chain[i], p = _chain[i + 1];
            double inflow = _k[v * _n + p] * x[p], own = _k[v * _n + v] * x[v];
            if (!(inflow + own <= -Margin * (Math.Abs(inflow) + Math.Abs(own)))) return false;
        }
        int centre = _chain[_chainCount - 1];
        double xv = x[centre];
        if (!(xv > 0)) return false;
        for (int q = 0; q < _peripheralCount; q++)
        {
            int j = _peripherals[q];
            double uj = x[j] * _k[centre * _n + j], uv = xv * _k[j * _n + centre];   // both times K_jv: the flows j -> v and v -> j
            if (!(x[j] >= 0 && uj <= (1 - Margin) * uv)) return false;
        }
        return true;
    }

    /// <summary>True when the general structure proves x_c non-decreasing from x = x(t0) for as long as the input rates
    /// <paramref name="b"/> stay constant: y = K x + b &gt;= 0 on every upstream state (with the margin). Then y' = K_UU y keeps y &gt;= 0
    /// there (e^{K_UU s} &gt;= 0), so the maximum of x_c over such a stretch is at its end.</summary>
    /// <param name="x">The state at t0 (at least n entries).</param>
    /// <param name="b">The input rates in force from t0 (at least n entries).</param>
    public bool Rises(ReadOnlySpan<double> x, ReadOnlySpan<double> b)
    {
        if (!_general) return false;
        for (int a = 0; a < _upstreamCount; a++)
        {
            int i = _upstream[a];
            double d = b[i], size = Math.Abs(b[i]);
            for (int q = 0; q < _upstreamCount; q++)
            {
                int j = _upstream[q];
                double term = _k[i * _n + j] * x[j];
                d += term;
                size += Math.Abs(term);
            }
            if (!(d >= Margin * size)) return false;
        }
        return true;
    }

    /// <summary>The general condition: x' &lt;= 0 on every upstream state, with the margin.</summary>
    private bool General(ReadOnlySpan<double> x)
    {
        for (int a = 0; a < _upstreamCount; a++)
        {
            int i = _upstream[a];
            double d = 0, size = 0;
            for (int b = 0; b < _upstreamCount; b++)
            {
                int j = _upstream[b];
                double term = _k[i * _n + j] * x[j];
                d += term;
                size += Math.Abs(term);
            }
            if (!(d <= -Margin * size)) return false;
        }
        return true;
    }
}

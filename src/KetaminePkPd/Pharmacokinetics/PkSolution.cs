using KetaminePkPd.Numerics;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// Everything a finished simulation knows, in reduced coordinates, and the exposure metrics computed from it on demand.
/// </summary>
internal sealed class PkSolution
{
    private const double TimeEpsH = 1e-9;
    private readonly ReducedSystem _s;
    private readonly List<DoseInput> _inputs;
    private readonly double[] _outStates;
    private readonly double[] _evalTimes;
    private readonly double[] _evalStates;
    private readonly double _auc24Parent;
    private readonly double _auc24Metabolite;
    private readonly int _width;

    public PkSolution(ReducedSystem s, List<DoseInput> inputs, double[] tOut, double[] outStates, double[] evalTimes, double[] evalStates,
        double auc24Parent, double auc24Metabolite, int exponentials, OdeStatistics stats)
    {
        _s = s;
        _inputs = inputs;
        TimesH = tOut;
        _outStates = outStates;
        _evalTimes = evalTimes;
        _evalStates = evalStates;
        _auc24Parent = auc24Parent;
        _auc24Metabolite = auc24Metabolite;
        _width = s.M + ReducedSystem.Accumulators;
        Exponentials = exponentials;
        Statistics = stats;
    }

    public double[] TimesH { get; }

    public int Exponentials { get; }

    public OdeStatistics Statistics { get; }

    public ReducedSystem System => _s;

    /// <summary>State at output k (reduced amounts then accumulators).</summary>
    public ReadOnlySpan<double> OutputState(int k) => _outStates.AsSpan(k * _width, _width);

    /// <summary>Amount (mg) in full compartment <paramref name="full"/> at every output time.</summary>
    public double[] Amounts(int full)
    {
        var a = new double[TimesH.Length];
        int r = _s.ReducedIndex[full];
        if (r < 0) return a;
        for (int k = 0; k < a.Length; k++) a[k] = _outStates[k * _width + r];
        return a;
    }

    /// <summary>Accumulator <paramref name="j"/> (0 parent AUC, 1 metabolite AUC, 2 eliminated, 3 input) at every output time.</summary>
    public double[] Accumulator(int j)
    {
        var a = new double[TimesH.Length];
        for (int k = 0; k < a.Length; k++) a[k] = _outStates[k * _width + _s.M + j];
        return a;
    }

    public double[] Concentrations(bool metabolite)
    {
        var c = new double[TimesH.Length];
        for (int k = 0; k < c.Length; k++)
        {
            var x = OutputState(k);
            c[k] = metabolite ? _s.MetaboliteNgPerMl(x) : _s.ParentNgPerMl(x);
        }
        return c;
    }

    public ExposureMetrics Metrics(bool metabolite)
    {
        int acc = metabolite ? 1 : 0;
        double Conc(ReadOnlySpan<double> x) => metabolite ? _s.MetaboliteNgPerMl(x) : _s.ParentNgPerMl(x);

        // Largest concentration among evaluated points (outputs and every event time), then refine on the smooth
        // pieces on either side of it.
        int best = 0;
        double cmax = double.NegativeInfinity;
        for (int k = 0; k < _evalTimes.Length; k++)
        {
            double c = Conc(_evalStates.AsSpan(k * _width, _width));
            if (c > cmax) { cmax = c; best = k; }
        }
        double tmax = _evalTimes[best];
        if (cmax > 0)
        {
            if (best > 0) Refine(best - 1, _evalTimes[best], ref cmax, ref tmax, metabolite);
            if (best + 1 < _evalTimes.Length) Refine(best, _evalTimes[best + 1], ref cmax, ref tmax, metabolite);
        }

        var last = OutputState(TimesH.Length - 1);
        double aucEnd = last[_s.M + acc] * Units.NgPerMlPerMgPerL;
        double auc24 = (metabolite ? _auc24Metabolite : _auc24Parent) * Units.NgPerMlPerMgPerL;

        // AUC(0, inf) = w . (-total input), exact for a linear model.
        var w = metabolite ? _s.MetaboliteWeights : _s.ParentWeights;
        var total = new double[_s.M];
        foreach (var i in _inputs) total[_s.ReducedIndex[i.Compartment]] += i.AmountMg;
        double aucInf = 0;
        for (int i = 0; i < _s.M; i++) aucInf -= w[i] * total[i];
        aucInf *= Units.NgPerMlPerMgPerL;

        int c0 = metabolite ? _s.Metabolite : _s.Central;
        double halfLife = c0 < 0 ? double.NaN : TerminalHalfLife(c0, total);
        return new ExposureMetrics(Math.Max(0, cmax), tmax, Math.Max(0, aucEnd), Math.Max(0, auc24), Math.Max(0, aucInf), halfLife);
    }

    /// <summary>Golden-section search for the maximum of the concentration on (t_k, tRight), a piece with no event inside.</summary>
    private void Refine(int k, double tRight, ref double cmax, ref double tmax, bool metabolite)
    {
        double t0 = _evalTimes[k], a = t0, b = tRight;
        if (b - a <= 1e-7) return;
        var start = _evalStates.AsSpan(k * _width, _s.M).ToArray();
        var rates = RatesAt(t0);
        bool hasInput = rates.Any(r => r > 0);
        var propagator = new LinearPropagator(_s.K, _s.M);
        var x = new double[_s.M];
        double F(double t)
        {
            start.CopyTo(x, 0);
            propagator.Step(x, rates, hasInput, t - t0);
            return metabolite ? _s.MetaboliteNgPerMl(x) : _s.ParentNgPerMl(x);
        }
        const double invPhi = 0.6180339887498949;
        double c = b - invPhi * (b - a), d = a + invPhi * (b - a);
        double fc = F(c), fd = F(d);
        while (b - a > 1e-7)
        {
            if (fc > fd) { b = d; d = c; fd = fc; c = b - invPhi * (b - a); fc = F(c); }
            else { a = c; c = d; fc = fd; d = a + invPhi * (b - a); fd = F(d); }
        }
        double tm = 0.5 * (a + b), fm = F(tm);
        if (fm > cmax) { cmax = fm; tmax = tm; }
    }

    /// <summary>Zero-order input rates (mg/h, reduced) in force just after time <paramref name="t"/>.</summary>
    private double[] RatesAt(double t)
    {
        var b = new double[_s.M];
        foreach (var i in _inputs)
            if (i.DurationH > 0 && i.StartH <= t + TimeEpsH && i.EndH > t + TimeEpsH)
                b[_s.ReducedIndex[i.Compartment]] += i.AmountMg / i.DurationH;
        return b;
    }

    /// <summary>
    /// ln 2 / slowest rate constant that reaches compartment <paramref name="c"/> from the doses: inverse iteration
    /// x &lt;- (-K)^-1 x on the compartments upstream of c, starting from the total input (or a unit dose into central
    /// when the regimen gives nothing), with the growth of x[c] converging to the slowest time constant.
    /// </summary>
    private double TerminalHalfLife(int c, double[] total)
    {
        int m = _s.M;
        var up = new bool[m];
        var stack = new Stack<int>();
        up[c] = true;
        stack.Push(c);
        while (stack.Count > 0)
        {
            int to = stack.Pop();
            for (int from = 0; from < m; from++)
                if (!up[from] && _s.K[to * m + from] > 0) { up[from] = true; stack.Push(from); }
        }
        var idx = Enumerable.Range(0, m).Where(i => up[i]).ToArray();
        int p = idx.Length;
        var lu = new double[p * p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) lu[i * p + j] = -_s.K[idx[i] * m + idx[j]];
        var piv = new int[p];
        if (!DenseLu.Factor(lu, p, piv)) return double.NaN;
        int cLocal = Array.IndexOf(idx, c);
        var x = idx.Select(i => total[i]).ToArray();
        if (x.All(v => v == 0)) x[Array.IndexOf(idx, _s.Central) is var ci && ci >= 0 ? ci : cLocal] = 1;
        double tau = double.NaN;
        for (int it = 0; it < 20_000; it++)
        {
            double before = x[cLocal];
            DenseLu.Solve(lu, p, piv, x);
            if (before > 0 && x[cLocal] > 0)
            {
                double next = x[cLocal] / before;
                if (Math.Abs(next - tau) <= 1e-12 * next) return Math.Log(2) * next;
                tau = next;
            }
            double scale = 0;
            foreach (var v in x) scale = Math.Max(scale, Math.Abs(v));
            if (scale == 0) return double.NaN;
            for (int i = 0; i < p; i++) x[i] /= scale;
        }
        return Math.Log(2) * tau;
    }
}

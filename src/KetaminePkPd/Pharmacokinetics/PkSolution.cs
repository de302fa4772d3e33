using KetaminePkPd.Numerics;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// Everything a finished simulation knows, in reduced coordinates, and the exposure metrics computed from it on demand.
/// </summary>
internal sealed class PkSolution
{
    private const double TimeEpsH = LinearMarch.TimeEpsH;
    // Set once by the constructor, or again when this thread's spare is rented (Rent): never changed while the solution is read.
    private ReducedSystem _s;
    private List<DoseInput> _inputs;
    private double[] _outStates;
    private EvaluatedPoints _points;
    private double[] _stateAt24;
    private int _width;

    /// <summary>Wraps a finished march of the reduced system (whose first M state entries are the PK amounts).</summary>
    public PkSolution(ReducedSystem s, List<DoseInput> inputs, LinearMarch march) => Wrap(s, inputs, march);

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_s), nameof(_inputs), nameof(_outStates), nameof(_points), nameof(_stateAt24), nameof(TimesH))]
    private PkSolution Wrap(ReducedSystem s, List<DoseInput> inputs, LinearMarch march)
    {
        _s = s;
        _inputs = inputs;
        TimesH = march.OutputTimesH;
        _outStates = march.OutputStates;
        _points = march.Points;
        _stateAt24 = march.Captured[0] ?? throw new InvalidOperationException("The march did not reach 24 h.");
        _width = march.Width;
        Exponentials = march.Exponentials;
        Statistics = march.Statistics;
        _eventTimes = null;
        return this;
    }

    /// <summary>This thread's spare solution (<see cref="Rent"/>).</summary>
    [ThreadStatic] private static PkSolution? _spare;

    /// <summary>As the constructor, on this thread's spare solution when there is one (a trial patient's dissociation made one per
    /// patient): the caller reads it and its searches' results, and gives it back with <see cref="Return"/> before the march it wraps
    /// is returned.</summary>
    public static PkSolution Rent(ReducedSystem s, List<DoseInput> inputs, LinearMarch march)
    {
        var spare = _spare;
        _spare = null;
        return spare is null ? new PkSolution(s, inputs, march) : spare.Wrap(s, inputs, march);
    }

    /// <summary>Keeps <paramref name="solution"/> for this thread's next <see cref="Rent"/>; it is not read again.</summary>
    public static void Return(PkSolution solution) => _spare = solution;

    public double[] TimesH { get; private set; }

    public int Exponentials { get; private set; }

    public OdeStatistics Statistics { get; private set; }

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

    /// <summary>Cumulative amount eliminated (mg) at every output time.</summary>
    public double[] Eliminated() => AtOutputTimes((k, input) => _s.Integrals(OutputState(k), input).Eliminated);

    /// <summary>Cumulative bioavailable input (mg) at every output time.</summary>
    public double[] Input() => AtOutputTimes((_, input) =>
    {
        double total = 0;
        foreach (var x in input) total += x;
        return total;
    });

    /// <summary>One value per output time k from <paramref name="value"/>, given k and the cumulative input per reduced compartment by then.</summary>
    private double[] AtOutputTimes(Func<int, double[], double> value)
    {
        var values = new double[TimesH.Length];
        var input = new double[_s.M];
        for (int k = 0; k < values.Length; k++)
        {
            CumulativeInput(TimesH[k], input);
            values[k] = value(k, input);
        }
        return values;
    }

    /// <summary>Amount that has entered each reduced compartment by time <paramref name="t"/> (after any bolus at t).</summary>
    private void CumulativeInput(double t, Span<double> into)
    {
        into.Clear();
        foreach (var i in _inputs)
        {
            if (i.StartH > t + TimeEpsH) continue;
            double fraction = i.DurationH <= 0 || t >= i.EndH - TimeEpsH ? 1 : (t - i.StartH) / i.DurationH;
            into[_s.ReducedIndex[i.Compartment]] += i.AmountMg * fraction;
        }
    }

    /// <summary>(parent, metabolite) AUC from 0 to <paramref name="t"/> in mg.h/L, from the state at t.</summary>
    private (double Parent, double Metabolite) Aucs(ReadOnlySpan<double> state, double t)
    {
        Span<double> input = stackalloc double[_s.M];
        CumulativeInput(t, input);
        var (p, m, _) = _s.Integrals(state, input);
        return (p, m);
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

        var (cmax, tmax) = Peak(metabolite);
        var end = Aucs(OutputState(TimesH.Length - 1), TimesH[^1]);
        double aucEnd = (metabolite ? end.Metabolite : end.Parent) * Units.NgPerMlPerMgPerL;
        double auc24 = Auc0To24(metabolite);

        // AUC(0, inf) = w . (-total input), exact for a linear model.
        var w = metabolite ? _s.MetaboliteWeights : _s.ParentWeights;
        Span<double> total = stackalloc double[_s.M];
        TotalInput(total);
        double aucInf = 0;
        for (int i = 0; i < _s.M; i++) aucInf -= w[i] * total[i];
        aucInf *= Units.NgPerMlPerMgPerL;

        // The half-life (an eigen-decomposition) when it is first read: the same function of the same system, so the same value.
        return new ExposureMetrics(Math.Max(0, cmax), tmax, Math.Max(0, aucEnd), Math.Max(0, auc24), Math.Max(0, aucInf), () => TerminalHalfLifeH(metabolite));
    }

    /// <summary>The amount each reduced compartment receives over the whole regimen, mg.</summary>
    private void TotalInput(Span<double> total)
    {
        total.Clear();
        foreach (var i in _inputs) total[_s.ReducedIndex[i.Compartment]] += i.AmountMg;
    }

    /// <summary>The terminal half-life of the parent or metabolite, h, as <see cref="Metrics"/> reports it (<see cref="TerminalHalfLife"/>).</summary>
    private double TerminalHalfLifeH(bool metabolite)
    {
        int c0 = metabolite ? _s.Metabolite : _s.Central;
        if (c0 < 0) return double.NaN;
        var total = new double[_s.M];
        TotalInput(total);
        return TerminalHalfLife(_s.K, _s.M, c0, _s.Central, total);
    }

    /// <summary>Sorted times at which an input starts or ends, h.</summary>
    /// <summary>Cmax (ng/mL, before clamping at 0) and Tmax (h) on the exact solution: the same values as <see cref="Metrics"/> gives.</summary>
    /// <param name="metabolite">The metabolite's instead of the parent's.</param>
    /// <param name="ratesAt">Optional: the input rates in force just after a time, length M (<see cref="RatesAt(double)"/>'s values);
    /// by default <see cref="ReusedRates"/> of this call.</param>
    public (double CmaxNgPerMl, double TmaxH) Peak(bool metabolite, Func<double, double[]>? ratesAt = null)
    {
        int observed = metabolite ? _s.Metabolite : _s.Central;
        if (observed < 0) return (0, 0);
        // The rates in one array of this call's (the search reads an interval's rates before asking for the next): no array per interval.
        // A propagator is taken only if an interval is scanned (often none is: the tail criterion settles the peak from the points).
        var (tmax, amount) = PeakSearch.Maximum(null, _s.K, _s.M, _points, _outStates, ratesAt ?? ReusedRates(_s.M), EventTimesH, observed, massBound: true);
        return (amount * (metabolite ? _s.InverseMetaboliteVolume : _s.InverseCentralVolume) * Units.NgPerMlPerMgPerL, tmax);
    }

    /// <summary>AUC from 0 to 24 h, ng.h/mL, before clamping at 0: the same value as <see cref="Metrics"/> gives.</summary>
    public double Auc0To24(bool metabolite)
    {
        var day = Aucs(_stateAt24, 24);
        return (metabolite ? day.Metabolite : day.Parent) * Units.NgPerMlPerMgPerL;
    }

    public double[] EventTimesH => _eventTimes ??= EventTimes(_inputs);

    /// <summary>The inputs' start times and the zero-order inputs' end times, distinct and ascending (no LINQ: made once per patient).</summary>
    /// <remarks>The times are the same for every patient of a trial arm: the thread's last array (never written) is returned again when
    /// they are the same bit for bit, so a patient's solution makes none.</remarks>
    private static double[] EventTimes(List<DoseInput> inputs)
    {
        Span<double> times = inputs.Count <= 32 ? stackalloc double[2 * inputs.Count] : new double[2 * inputs.Count];
        int count = 0;
        foreach (var i in inputs)
        {
            times[count++] = i.StartH;
            if (i.DurationH > 0) times[count++] = i.EndH;
        }
        var span = times[..count];
        span.Sort();
        int distinct = 0;
        for (int k = 0; k < span.Length; k++)
            if (distinct == 0 || span[k] != span[distinct - 1]) span[distinct++] = span[k];
        if (_lastEventTimes is { } last && Bits.Same(span[..distinct], last)) return last;
        return _lastEventTimes = span[..distinct].ToArray();
    }

    private double[]? _eventTimes;

    /// <summary>The event times this thread made last (see <see cref="EventTimes"/>).</summary>
    [ThreadStatic] private static double[]? _lastEventTimes;

    /// <summary>Time (h) within the simulated window during which the parent (or metabolite) concentration exceeds <paramref name="ngPerMl"/>, found on the exact solution.</summary>
    public double TimeAbove(bool metabolite, double ngPerMl)
    {
        int observed = metabolite ? _s.Metabolite : _s.Central;
        if (observed < 0) return 0;
        double perAmount = (metabolite ? _s.InverseMetaboliteVolume : _s.InverseCentralVolume) * Units.NgPerMlPerMgPerL;
        return PeakSearch.TimeAbove(new LinearPropagator(_s.K, _s.M), _s.K, _s.M, _points, _outStates, ReusedRates(_s.M), EventTimesH, observed, ngPerMl / perAmount);
    }

    /// <summary><see cref="RatesAt(double, int)"/> written into one array of length <paramref name="width"/> that each call overwrites:
    /// for a search that reads the rates of one interval before asking for the next (<see cref="PeakSearch"/> copies what it keeps); each
    /// call has its own array, so one search's function must not be shared with another thread.</summary>
    /// <remarks>The rates in force just after t depend only on how many event times (<see cref="EventTimesH"/>: every input's start
    /// and every zero-order input's end) lie at or before t + TimeEpsH, so a call that finds the same count as the call before returns
    /// the array unchanged instead of summing the same rates again.</remarks>
    public Func<double, double[]> ReusedRates(int width) => RatesCursor.Create(this, width).At;

    /// <summary>The function of <see cref="ReusedRates"/> with its state: made per call, or rented on this thread (<see cref="Rent"/>)
    /// by a caller that simulates per patient (its closure, delegate and array were made for each search).</summary>
    internal sealed class RatesCursor
    {
        [ThreadStatic] private static RatesCursor?[]? _spares;   // a few, each keeping its rates array (a width each)
        private PkSolution _solution = null!;
        private double[] _events = [];
        private double[] _b = [];
        private int _filledFor, _count;
        private double _previous;

        private RatesCursor() => At = Rates;

        /// <summary>The rates function (<see cref="ReusedRates"/>).</summary>
        public Func<double, double[]> At { get; }

        /// <summary>A new cursor for <paramref name="solution"/> with rates vectors of length <paramref name="width"/>.</summary>
        public static RatesCursor Create(PkSolution solution, int width) => new RatesCursor().Reset(solution, width);

        /// <summary>As <see cref="Create"/>, on this thread's spare cursor of this width when there is one (in the state of a new one);
        /// give it back with <see cref="Return"/> once the search that reads it has ended. A spare per width: a dissociation's peak search
        /// and its Cmax search read rates of two widths, and one spare made a new array for each.</summary>
        public static RatesCursor Rent(PkSolution solution, int width)
        {
            var spares = _spares ??= new RatesCursor?[4];
            RatesCursor? cursor = null;
            for (int i = 0; i < spares.Length && cursor is null; i++)
                if (spares[i] is { } spare && spare._b.Length == width) (cursor, spares[i]) = (spare, null);
            return (cursor ?? new RatesCursor()).Reset(solution, width);
        }

        /// <summary>Keeps <paramref name="cursor"/> for this thread's next <see cref="Rent"/> of its width (when there is room among the
        /// spares); neither it nor its arrays are read again.</summary>
        public static void Return(RatesCursor cursor)
        {
            cursor._solution = null!;
            cursor._events = [];
            var spares = _spares ??= new RatesCursor?[4];
            int free = Array.IndexOf(spares, null);
            if (free >= 0) spares[free] = cursor;
        }

        private RatesCursor Reset(PkSolution solution, int width)
        {
            _solution = solution;
            _events = solution.EventTimesH;
            if (_b.Length != width) _b = new double[width];
            else Array.Clear(_b);
            (_filledFor, _count, _previous) = (-1, 0, double.NegativeInfinity);
            return this;
        }

        private double[] Rates(double t)
        {
            var events = _events;
            var b = _b;
            double at = t + TimeEpsH;
            if (at < _previous) _count = 0;
            _previous = at;
            while (_count < events.Length && events[_count] <= at) _count++;
            if (_count == _filledFor) return b;
            _filledFor = _count;
            Array.Clear(b);
            var s = _solution;
            foreach (var i in s._inputs)
                if (i.DurationH > 0 && i.StartH <= t + TimeEpsH && i.EndH > t + TimeEpsH)
                    b[s._s.ReducedIndex[i.Compartment]] += i.AmountMg / i.DurationH;
            return b;
        }
    }

    /// <summary>Zero-order input rates (mg/h, reduced) in force just after time <paramref name="t"/>.</summary>
    public double[] RatesAt(double t) => RatesAt(t, _s.M);

    /// <summary>Zero-order input rates in force just after <paramref name="t"/>, in a vector of length <paramref name="width"/> (reduced PK indices first).</summary>
    public double[] RatesAt(double t, int width)
    {
        var b = new double[width];
        foreach (var i in _inputs)
            if (i.DurationH > 0 && i.StartH <= t + TimeEpsH && i.EndH > t + TimeEpsH)
                b[_s.ReducedIndex[i.Compartment]] += i.AmountMg / i.DurationH;
        return b;
    }

    /// <summary>
    /// ln 2 / slowest rate constant that reaches compartment <paramref name="c"/> from the doses: the rate constants are the
    /// eigenvalues of K restricted to the compartments that are both downstream of a dosed compartment (of central when
    /// the regimen gives nothing) and upstream of c; the slowest is minus the eigenvalue with the largest real part, which
    /// is real for a Metzler matrix (Perron-Frobenius). Computed directly (MathNet's eigenvalue decomposition), so equal or
    /// nearly equal slow rates (e.g. absorption rate equal to elimination) give the right value instead of a slowly
    /// converging iteration. NaN when no compartment qualifies or no rate is positive.
    /// </summary>
    internal static double TerminalHalfLife(double[] k, int m, int c, int central, double[] total)
    {
        Span<bool> up = stackalloc bool[m], down = stackalloc bool[m];
        Span<int> work = stackalloc int[m];
        work[0] = c;
        Reachability.Mark(k, m, work[..1], upstream: true, up);
        int dosed = 0;
        for (int i = 0; i < m; i++) if (total[i] > 0) work[dosed++] = i;
        if (dosed == 0 && central >= 0) work[dosed++] = central;
        Reachability.Mark(k, m, work[..dosed], upstream: false, down);
        int p = 0;
        for (int i = 0; i < m; i++) if (up[i] && down[i]) work[p++] = i;
        if (p == 0) return double.NaN;
        // The restriction of K to those compartments, column-major as MathNet stores it.
        var columnMajor = new double[p * p];
        for (int j = 0; j < p; j++)
            for (int i = 0; i < p; i++) columnMajor[j * p + i] = k[work[i] * m + work[j]];
        var sub = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(p, p, columnMajor);
        double slowest = double.NegativeInfinity;
        foreach (var lambda in sub.Evd().EigenValues) slowest = Math.Max(slowest, lambda.Real);
        return slowest < 0 ? Math.Log(2) / -slowest : double.NaN;
    }
}

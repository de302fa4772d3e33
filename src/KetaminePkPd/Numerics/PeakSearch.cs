namespace KetaminePkPd.Numerics;

/// <summary>
/// Locates the maximum of one component of the linear state of a finished <see cref="LinearMarch"/>, and the time that
/// component spends above a level, independently of the output grid.
/// </summary>
/// <remarks>
/// <para>No event lies between two consecutive evaluated points (outputs and event times), so on each such interval the
/// solution is smooth with constant input rates. Every interval is scanned with the exact propagator in sub-steps of
/// 2^j minutes, the largest not above max(1 min, (t - last event) / 8): the solution is a sum of exponentials, and a mode
/// fast enough to turn the slope twice within a sub-step has decayed by e^-8 or more since the last event. Sub-steps
/// come from one matrix exponential (1 min) by squaring; the last sub-step of an interval ends on its known state.</para>
/// <para>Where the slope g = (K x + b)_c turns from positive to non-positive, the sub-step is split into pieces of at most
/// one minute (and 1/||K||) and, on the piece where the sign changes, the component is represented by its Taylor series
/// about the piece's start (coefficients (K^(k-1) (K x + b))_c, exact; ||K|| h &lt;= 1 so 30 terms reach round-off), whose
/// maximum is found by safeguarded Newton iteration. The result therefore depends on the output grid only by round-off
/// (tested to 1e-9 relative against a 1-min grid on random regimens).</para>
/// </remarks>
internal static class PeakSearch
{
    private const double BaseStepH = 1.0 / 60;
    private const double StepFraction = 1.0 / 8;
    private const int MaxTerms = 40;

    /// <summary>Returns (time of the maximum, value of x[c] there).</summary>
    /// <param name="propagator">An exact propagator for K (its cache is reused), or null for one of this thread's spare propagators, taken
    /// only when an interval has to be scanned (an empty cache either way, so the same values).</param>
    /// <param name="k">K of the linear part, n x n.</param>
    /// <param name="n">Linear dimension (the first n entries of each stored state).</param>
    /// <param name="points">Evaluated points.</param>
    /// <param name="outStates">The output states the points refer to.</param>
    /// <param name="ratesAt">Zero-order input rates (length n) in force just after a time.</param>
    /// <param name="eventTimesH">Sorted times at which inputs start or end (boluses included), h.</param>
    /// <param name="c">Component to maximise.</param>
    /// <param name="massBound">x holds amounts of a compartment model (K's off-diagonal entries non-negative, its columns summing to at
    /// most 0: mass only moves or leaves), so while no input is given the amount in c cannot exceed what is now in the compartments
    /// it can receive mass from (c included): an interval without input whose start holds less than the best maximum so far there is
    /// not scanned. Checked on K; ignored when K is not such a matrix.</param>
    /// <param name="tail">Stop at the first interval after the last input event whose start state proves that x[c] never exceeds its
    /// value there again (<see cref="PeakTail.Holds"/>): every later value is at most one the maximum already holds; and skip an interval
    /// whose start state proves x[c] non-decreasing on it (<see cref="PeakTail.Rises"/>): its maximum is its end point's. Off only to
    /// compare with the full scan in tests.</param>
    public static (double T, double Value) Maximum(LinearPropagator? propagator, double[] k, int n, EvaluatedPoints points, double[] outStates,
        Func<double, double[]> ratesAt, double[] eventTimesH, int c, bool massBound = false, bool tail = true)
    {
        LinearPropagator? rented = null;   // this thread's spare propagator, taken only if an interval is scanned (null propagator)
        var (tMax, max) = points.Maximum(c, outStates);
        Scan? scan = null;   // made for the first interval that needs scanning (none when the criteria settle every interval)
        // The free tail: intervals that start after every event (within the march's TimeEpsH, so the state there is the one after the
        // last event) and have a length; the criterion's structure is built at the first such interval.
        double lastEvent = eventTimesH.Length > 0 ? eventTimesH[^1] : double.NegativeInfinity;
        PeakTail? criterion = null;
        for (int p = 0; p + 1 < points.Count; p++)
        {
            double t = points.Time(p);
            if (tail && points.Time(p + 1) - t > 1e-12)
            {
                criterion ??= PeakTail.Rent(k, n, c);
                var x = points.State(p, outStates);
                if (lastEvent <= t + LinearMarch.TimeEpsH && criterion.Holds(x)) break;
                // An interval on which x[c] cannot fall has its maximum at its end, which the points above already hold.
                if (criterion.Rises(x, ratesAt(t))) continue;
            }
            scan ??= new Scan(propagator ?? (rented = LinearPropagator.Rent(k, n)), k, n, c, eventTimesH, level: null)
                { Upstream = massBound ? MassUpstream(k, n, c) : null, Max = max, TMax = tMax, Tail = criterion };
            scan.Interval(points, outStates, ratesAt, p);
            if (scan.Stopped) break;
        }
        if (criterion is not null) PeakTail.Return(criterion);
        if (scan is null) return (tMax, max);
        scan.Release();
        if (rented is not null) LinearPropagator.Return(rented);
        return (scan.TMax, scan.Max);
    }

    /// <summary>The states from which mass can reach <paramref name="c"/> (c included), when K is a compartment model's (non-negative
    /// off-diagonal entries, columns summing to at most 0); null otherwise.</summary>
    private static int[]? MassUpstream(double[] k, int n, int c)
    {
        for (int j = 0; j < n; j++)
        {
            double column = 0;
            for (int i = 0; i < n; i++)
            {
                if (i != j && !(k[i * n + j] >= 0)) return null;
                column += k[i * n + j];
            }
            if (!(column <= 0)) return null;
        }
        return Reachability.Upstream(k, n, c);
    }

    /// <summary>Total time (h) over [first point, last point] during which x[c] exceeds <paramref name="level"/>.</summary>
    /// <param name="propagator">An exact propagator for K.</param>
    /// <param name="k">K of the linear part, n x n.</param>
    /// <param name="n">Linear dimension.</param>
    /// <param name="points">Evaluated points.</param>
    /// <param name="outStates">The output states the points refer to.</param>
    /// <param name="ratesAt">Zero-order input rates in force just after a time.</param>
    /// <param name="eventTimesH">Sorted event times, h.</param>
    /// <param name="c">Component.</param>
    /// <param name="level">Level, in the units of x[c].</param>
    public static double TimeAbove(LinearPropagator propagator, double[] k, int n, EvaluatedPoints points, double[] outStates,
        Func<double, double[]> ratesAt, double[] eventTimesH, int c, double level)
    {
        var scan = new Scan(propagator, k, n, c, eventTimesH, level);
        for (int p = 0; p + 1 < points.Count; p++) scan.Interval(points, outStates, ratesAt, p);
        scan.Release();
        return scan.Above;
    }

    /// <summary>A smooth function of the linear state (e.g. an effect with tolerance compartments).</summary>
    public delegate double StateFunction(ReadOnlySpan<double> x);

    /// <summary>The time derivative of a <see cref="StateFunction"/> given the state x and its rate dx/dt.</summary>
    public delegate double StateRate(ReadOnlySpan<double> x, ReadOnlySpan<double> dx);

    /// <summary>
    /// Returns (time of the maximum, value there) of a smooth function f(x) of the linear state, by the same scan as
    /// <see cref="Maximum"/> (sub-steps of 2^j minutes from the exact propagator; a turn of df/dt = rate(x, K x + b) from
    /// positive to non-positive is refined on pieces of at most one minute and 1/||K||), the turning point located by
    /// bisection on df/dt along the exact Taylor series of the whole state about the piece's start.
    /// </summary>
    /// <param name="propagator">An exact propagator for K (its cache is reused).</param>
    /// <param name="k">K of the linear part, n x n.</param>
    /// <param name="n">Linear dimension (the first n entries of each stored state).</param>
    /// <param name="points">Evaluated points.</param>
    /// <param name="outStates">The output states the points refer to.</param>
    /// <param name="ratesAt">Zero-order input rates (length n) in force just after a time.</param>
    /// <param name="eventTimesH">Sorted times at which inputs start or end (boluses included), h.</param>
    /// <param name="value">f(x).</param>
    /// <param name="rate">df/dt given x and dx/dt.</param>
    /// <param name="bound">Optional: an upper bound of f over all later times while no input is given, from the state at the
    /// start; an interval without input whose bound does not exceed the best value so far is skipped.</param>
    /// <param name="tailSite">Optional (-1 for none): a component that f is non-decreasing in, given with <paramref name="tailBound"/>.</param>
    /// <param name="tailBound">Optional: an upper bound of f over all later times of the free system from a state whose component
    /// <paramref name="tailSite"/> never exceeds its value there again. At the first interval after the last input event whose start
    /// state proves that of <paramref name="tailSite"/> (<see cref="PeakTail"/>) and whose bound lies below the best value so far (by a
    /// relative 1e-9), the scan stops: no later value can beat it.</param>
    public static (double T, double Value) MaximumOf(LinearPropagator propagator, double[] k, int n, EvaluatedPoints points, double[] outStates,
        Func<double, double[]> ratesAt, double[] eventTimesH, StateFunction value, StateRate rate, StateFunction? bound = null,
        int tailSite = -1, StateFunction? tailBound = null)
    {
        var scan = FunctionScan.Rent(propagator, k, n, eventTimesH, value, rate, bound);
        for (int p = 0; p < points.Count; p++)
        {
            double v = value(points.State(p, outStates)[..n]);
            if (v > scan.Max) { scan.Max = v; scan.TMax = points.Time(p); }
        }
        bool tail = tailSite >= 0 && tailBound is not null;
        double lastEvent = eventTimesH.Length > 0 ? eventTimesH[^1] : double.NegativeInfinity;
        PeakTail? criterion = tail ? PeakTail.Rent(k, n, tailSite) : null;
        scan.Tail = criterion;
        scan.TailBound = tailBound;
        for (int p = 0; p + 1 < points.Count; p++)
        {
            double t = points.Time(p);
            if (tail && lastEvent <= t + LinearMarch.TimeEpsH && points.Time(p + 1) - t > 1e-12 && scan.TailStops(points.State(p, outStates)[..n])) break;
            scan.Interval(points, outStates, ratesAt, p);
            if (scan.Stopped) break;
        }
        if (criterion is not null) PeakTail.Return(criterion);
        var found = (scan.TMax, scan.Max);
        scan.Release();   // the thread's next search may take it
        return found;
    }

    /// <summary>
    /// This thread's spare scan buffers, by length: a search takes its arrays here (cleared, so as new ones) and gives them back when
    /// it ends, so a thread's searches after the first allocate no arrays.
    /// </summary>
    private static class Spare
    {
        [ThreadStatic] private static List<double[]>? _arrays;

        public static double[] Take(int length)
        {
            var arrays = _arrays;
            if (arrays is not null)
                for (int i = arrays.Count - 1; i >= 0; i--)
                    if (arrays[i].Length == length)
                    {
                        var a = arrays[i];
                        arrays[i] = arrays[^1];
                        arrays.RemoveAt(arrays.Count - 1);
                        Array.Clear(a);
                        return a;
                    }
            return new double[length];
        }

        public static void Give(params ReadOnlySpan<double[]> given)
        {
            var arrays = _arrays ??= [];
            foreach (var a in given)
                if (arrays.Count < 64) arrays.Add(a);
        }
    }

    /// <summary>
    /// The march both scans share: an interval between evaluated points in sub-steps of 2^j minutes (at most an eighth of
    /// the time since the last event), each sub-step's propagator built by squaring the 1-min one and kept while the input
    /// rates stay the same, the last sub-step ending on the interval's known state; and the refinement of a sub-step into
    /// pieces of at most one minute and 1/||K||. What a scan looks for on a sub-step and on a piece is its own.
    /// </summary>
    /// <summary>
    /// max(0, floor(log2(y) + 1e-12)) for y &gt;= 1, the exponent of a scan's sub-step of 2^j minutes, without a logarithm in the
    /// common case: y's binary exponent (exact), unless y lies within 2e-12 (relative) below the next power of two, where the
    /// 1e-12 allowance may round up and the logarithm decides as before. Outside that band the two agree: log2(y) is at least the
    /// exponent e (y &gt;= 2^e) and at most e + 1 - 2.8e-12, far more than log2's round-off from e + 1 after adding 1e-12.
    /// </summary>
    internal static int StepExponent(double y)
    {
        int e = Math.Max(0, Math.ILogB(y));
        if (y < Math.ScaleB(1.0, e + 1) * (1 - 2e-12)) return e;
        return Math.Max(0, (int)Math.Floor(Math.Log2(y) + 1e-12));
    }

    /// <summary>True when some input rate is positive (no enumerator: called once per interval).</summary>
    private static bool HasPositive(double[] rates)
    {
        foreach (double r in rates)
            if (r > 0) return true;
        return false;
    }

    private abstract class SubStepScan
    {
        // Set by Start, for a new scan or a reused one (FunctionScan.Rent), and not changed while it scans.
        protected LinearPropagator Propagator = null!;
        protected double[] K = null!;
        protected int N;
        private double[] _events = null!;
        private double _piece;
        private List<LinearPropagator.Entry> _rungs = null!;   // this thread's spare list (emptied), or a new one
        private int _eventCursor;
        private double[]? _rungRates;   // the rates the rungs were made for, in a spare array (Spare), or null before the first interval

        /// <summary>This thread's spare rungs list, taken by the next scan (a scan per peak search grew a new list per patient).</summary>
        [ThreadStatic] private static List<LinearPropagator.Entry>? _spareRungs;

        private static List<LinearPropagator.Entry>? SpareRungs
        {
            get
            {
                var rungs = _spareRungs;
                _spareRungs = null;
                return rungs;
            }
        }
        private double[] _x = null!, _endState = null!, _previous = null!, _refined = null!, _refineStart = null!;   // per-scan buffers, n each

        /// <summary>The best maximum so far and its time.</summary>
        public double Max, TMax;

        /// <summary>Optional: the tail criterion of the searched component (<see cref="PeakTail"/>), checked at the end of every sub-step
        /// after the last event; when <see cref="TailStops"/> holds there the scan sets <see cref="Stopped"/> and ends.</summary>
        public PeakTail? Tail;

        /// <summary>Set when the tail criterion ended the scan: no later interval can beat <see cref="Max"/>.</summary>
        public bool Stopped;

        /// <summary>Whether nothing after the free state x can beat the best maximum so far (see <see cref="PeakTail"/>).</summary>
        public abstract bool TailStops(ReadOnlySpan<double> x);

        protected SubStepScan(LinearPropagator propagator, double[] k, int n, double[] events) => Start(propagator, k, n, events);

        /// <summary>A scan to <see cref="Start"/> later (<see cref="FunctionScan.Rent"/>).</summary>
        protected SubStepScan()
        {
        }

        /// <summary>Sets the scan up as new for a search of K (n x n) with these event times (also a released scan reused).</summary>
        protected void Start(LinearPropagator propagator, double[] k, int n, double[] events)
        {
            Propagator = propagator;
            K = k;
            N = n;
            _events = events;
            _rungs = SpareRungs ?? [];
            _eventCursor = -1;
            _rungRates = null;
            (Max, TMax, Tail, Stopped) = (double.NegativeInfinity, 0, null, false);
            double normK = 0;
            for (int i = 0; i < n; i++)
            {
                double row = 0;
                for (int j = 0; j < n; j++) row += Math.Abs(k[i * n + j]);
                normK = Math.Max(normK, row);
            }
            _piece = normK * BaseStepH > 1 ? 1 / normK : BaseStepH;
            _x = Spare.Take(n);
            _endState = Spare.Take(n);
            _previous = Spare.Take(n);
            _refined = Spare.Take(n);
            _refineStart = Spare.Take(n);
        }

        /// <summary>Gives the scan's buffers back to the thread (<see cref="Spare"/>); the scan is not used afterwards.</summary>
        public virtual void Release()
        {
            Spare.Give(_x, _endState, _previous, _refined, _refineStart);
            if (_rungRates is not null) Spare.Give(_rungRates);
            _rungs.Clear();   // the entries are the propagator's, not the list's
            _spareRungs = _rungs;
        }

        /// <summary>The slope of the scanned quantity at state x under input rates b.</summary>
        protected abstract double Slope(ReadOnlySpan<double> x, double[] b);

        /// <summary>One sub-step [t, tNext] from state <paramref name="previous"/> (slope g0) to <paramref name="x"/> (slope g1).</summary>
        protected abstract void SubStep(double[] previous, double[] x, double t, double tNext, double g0, double g1, double[] rates, bool hasInput);

        /// <summary>The state <paramref name="delta"/> after <paramref name="start"/> by the Taylor series, into <paramref name="x"/>
        /// (a sub-step that is a single piece).</summary>
        protected abstract void AdvanceBySeries(double[] start, double[] rates, double delta, double[] x);

        /// <summary>One piece [ts, ts + delta] of a refined sub-step; <paramref name="seriesAtStart"/> when
        /// <see cref="AdvanceBySeries"/> has just expanded the state about <paramref name="start"/>.</summary>
        protected abstract void Piece(double[] start, double[] x, double ts, double delta, double g0, double g1, double[] rates, bool seriesAtStart);

        /// <summary>Marches the interval between points p and p + 1 under input rates <paramref name="rates"/>.</summary>
        protected void March(EvaluatedPoints points, double[] outStates, int p, double[] rates, bool hasInput)
        {
            double a = points.Time(p), end = points.Time(p + 1);
            // The last event at or before a (to within TimeEpsH): the scans visit intervals in time order, so a cursor that only moves
            // forward finds the same event as a binary search would.
            while (_eventCursor + 1 < _events.Length && _events[_eventCursor + 1] <= a + LinearMarch.TimeEpsH) _eventCursor++;
            double lastEvent = _eventCursor >= 0 ? _events[_eventCursor] : points.Time(0);
            var x = _x;
            var endState = _endState;
            var previous = _previous;
            points.State(p, outStates)[..N].CopyTo(x);
            points.State(p + 1, outStates)[..N].CopyTo(endState);
            if (_rungRates is null || !rates.AsSpan().SequenceEqual(_rungRates))
            {
                _rungs.Clear();
                // A copy of the rates in a spare array (a clone per change of rates before): the same numbers.
                if (_rungRates is null || _rungRates.Length != rates.Length)
                {
                    if (_rungRates is not null) Spare.Give(_rungRates);
                    _rungRates = Spare.Take(rates.Length);
                }
                rates.CopyTo(_rungRates, 0);
            }
            double t = a, g0 = Slope(x, rates);
            // After every event (within the march's TimeEpsH) the system is free: each sub-step's end state may prove the rest.
            bool free = Tail is not null && !hasInput && (_events.Length == 0 || _events[^1] <= a + LinearMarch.TimeEpsH);
            while (true)
            {
                double target = Math.Max(BaseStepH, StepFraction * (t - lastEvent));
                int j = StepExponent(target / BaseStepH);
                double h = BaseStepH * Math.ScaleB(1.0, j);
                x.CopyTo(previous, 0);
                bool last = t + h >= end - 1e-9;
                double tNext;
                if (last)
                {
                    endState.CopyTo(x, 0);
                    tNext = end;
                }
                else
                {
                    if (_rungs.Count == 0) _rungs.Add(Propagator.Prepare(rates, hasInput, BaseStepH));
                    while (_rungs.Count <= j) _rungs.Add(Propagator.Doubled(_rungs[^1]));
                    Propagator.Step(x, _rungs[j]);
                    tNext = t + h;
                }
                double g1 = Slope(x, rates);
                SubStep(previous, x, t, tNext, g0, g1, rates, hasInput);
                if (last) break;
                if (free && TailStops(x)) { Stopped = true; break; }
                t = tNext;
                g0 = g1;
            }
        }

        /// <summary>Splits [t0, t0 + span] into pieces of at most one minute and 1/||K|| and hands each to <see cref="Piece"/>.</summary>
        protected void Refine(double[] x0, double t0, double span, double[] rates, bool hasInput)
        {
            int steps = Math.Max(1, (int)Math.Ceiling(span / _piece - 1e-9));
            double delta = span / steps;
            var x = _refined;
            x0.AsSpan(0, N).CopyTo(x);
            var start = _refineStart;
            var step = steps > 1 ? Propagator.Prepare(rates, hasInput, delta) : null;
            double g0 = Slope(x, rates);
            for (int s = 0; s < steps; s++)
            {
                x.CopyTo(start, 0);
                if (step is null) AdvanceBySeries(start, rates, delta, x);
                else Propagator.Step(x, step);
                double g1 = Slope(x, rates);
                Piece(start, x, t0 + s * delta, delta, g0, g1, rates, seriesAtStart: step is null);
                g0 = g1;
            }
        }
    }

    /// <summary>The scan of <see cref="MaximumOf"/>: maxima of f(x), located by regula falsi on df/dt along the series of the whole state.</summary>
    private sealed class FunctionScan : SubStepScan
    {
        // Set by Rent and not changed while the scan runs.
        private StateFunction _value = null!;
        private StateRate _rate = null!;
        private StateFunction? _bound;
        private double[] _dx = null!, _x = null!, _series = null!;

        /// <summary>This thread's released scan, taken by its next <see cref="Rent"/> (a search made one per patient).</summary>
        [ThreadStatic] private static FunctionScan? _spare;

        /// <summary>With <see cref="SubStepScan.Tail"/>: an upper bound of f over the rest of a free course from a state whose tail
        /// component never exceeds its value there again.</summary>
        public StateFunction? TailBound;

        /// <summary>The tail component never exceeds its value in x again and the bound from x lies below the best maximum so far by a
        /// relative 1e-9.</summary>
        public override bool TailStops(ReadOnlySpan<double> x) =>
            Tail is not null && TailBound is not null && TailBound(x) < Max - 1e-9 * Math.Abs(Max) && Tail.Holds(x);

        /// <summary>A scan in the state of a new one: this thread's released scan when there is one; <see cref="Release"/> gives it back.</summary>
        public static FunctionScan Rent(LinearPropagator propagator, double[] k, int n, double[] events, StateFunction value, StateRate rate, StateFunction? bound)
        {
            var scan = _spare ?? new FunctionScan();
            _spare = null;
            scan.Start(propagator, k, n, events);
            scan._bound = bound;
            scan._value = value;
            scan._rate = rate;
            scan.TailBound = null;
            scan._dx = Spare.Take(n);
            scan._x = Spare.Take(n);
            scan._series = Spare.Take(MaxTerms * n);
            return scan;
        }

        public override void Release()
        {
            base.Release();
            Spare.Give(_dx, _x, _series);
            (_value, _rate, _bound, TailBound) = (null!, null!, null, null);   // nothing of the search kept alive
            _spare = this;
        }

        /// <summary>Scans the interval between points p and p + 1, unless no input is given on it and the bound from its start
        /// state does not exceed the best maximum so far.</summary>
        public void Interval(EvaluatedPoints points, double[] outStates, Func<double, double[]> ratesAt, int p)
        {
            double a = points.Time(p), end = points.Time(p + 1);
            if (end - a <= 1e-12) return;
            var rates = ratesAt(a);
            bool hasInput = HasPositive(rates);
            if (!hasInput && _bound is not null && _bound(points.State(p, outStates)[..N]) <= Max) return;
            March(points, outStates, p, rates, hasInput);
        }

        protected override void SubStep(double[] previous, double[] x, double t, double tNext, double g0, double g1, double[] rates, bool hasInput)
        {
            if (g0 > 0 && g1 <= 0) Refine(previous, t, tNext - t, rates, hasInput);
        }

        protected override void AdvanceBySeries(double[] start, double[] rates, double delta, double[] x)
        {
            Series(start, rates);
            At(delta);
            _x.CopyTo(x, 0);
        }

        protected override void Piece(double[] start, double[] x, double ts, double delta, double g0, double g1, double[] rates, bool seriesAtStart)
        {
            if (!(g0 > 0 && g1 <= 0)) return;
            if (!seriesAtStart) Series(start, rates);
            var (u, v) = SeriesMaximum(delta, g0, g1);
            if (v > Max) { Max = v; TMax = ts + u; }
        }

        /// <summary>df/dt at state x: rate(x, K x + b).</summary>
        protected override double Slope(ReadOnlySpan<double> x, double[] b)
        {
            for (int i = 0; i < N; i++)
            {
                double d = b[i];
                for (int j = 0; j < N; j++) d += K[i * N + j] * x[j];
                _dx[i] = d;
            }
            return _rate(x, _dx);
        }

        /// <summary>Fills the Taylor coefficients of the whole state about x: c_k = x^(k)(0) / k!, row k of <see cref="_series"/>.</summary>
        private void Series(double[] x, double[] b)
        {
            int n = N;
            x.CopyTo(_series, 0);
            for (int i = 0; i < n; i++)
            {
                double d = b[i];
                for (int j = 0; j < n; j++) d += K[i * n + j] * x[j];
                _series[n + i] = d;
            }
            for (int term = 2; term < MaxTerms; term++)
                for (int i = 0; i < n; i++)
                {
                    double d = 0;
                    for (int j = 0; j < n; j++) d += K[i * n + j] * _series[(term - 1) * n + j];
                    _series[term * n + i] = d / term;
                }
        }

        /// <summary>State and its rate at offset s along the series.</summary>
        private void At(double s)
        {
            for (int i = 0; i < N; i++)
            {
                double v = 0, d = 0;
                for (int term = MaxTerms - 1; term >= 1; term--)
                {
                    double c = _series[term * N + i];
                    v = v * s + c;
                    d = d * s + term * c;
                }
                _x[i] = v * s + _series[i];
                _dx[i] = d;
            }
        }

        /// <summary>The maximum of f on [0, h] where df/dt turns from g0 &gt; 0 to g1 &lt;= 0: the root of df/dt by the Illinois
        /// variant of regula falsi (superlinear, always bracketed), to round-off.</summary>
        private (double S, double Value) SeriesMaximum(double h, double g0, double g1)
        {
            double lo = 0, hi = h, gLo = g0, gHi = g1;
            int side = 0;
            for (int it = 0; it < 100 && hi - lo > 1e-14 * Math.Max(1, h); it++)
            {
                double mid = gLo - gHi > 0 ? lo + gLo / (gLo - gHi) * (hi - lo) : 0.5 * (lo + hi);
                if (!(mid > lo && mid < hi)) mid = 0.5 * (lo + hi);
                At(mid);
                double g = _rate(_x, _dx);
                if (g > 0)
                {
                    lo = mid; gLo = g;
                    if (side == 1) gHi *= 0.5;
                    side = 1;
                }
                else
                {
                    hi = mid; gHi = g;
                    if (side == -1) gLo *= 0.5;
                    side = -1;
                }
                if (g == 0) break;
            }
            double u = 0.5 * (lo + hi);
            At(u);
            return (u, _value(_x));
        }
    }

    /// <summary>The state of one search for the maximum of x[c] (no level) or its time above a level: the best maximum so far,
    /// or the time above accumulated so far.</summary>
    private sealed class Scan : SubStepScan
    {
        private readonly int _c;
        private readonly double? _level;
        private readonly double[] _v, _w, _coefficients = Spare.Take(MaxTerms);

        /// <summary>x[c] never exceeds its value in x again (the criteria also make its slope there negative, so the sub-steps before
        /// have refined any turn).</summary>
        public override bool TailStops(ReadOnlySpan<double> x) => Tail is not null && _level is null && Tail.Holds(x);

        public Scan(LinearPropagator propagator, double[] k, int n, int c, double[] events, double? level) : base(propagator, k, n, events)
        {
            _c = c;
            _level = level;
            _v = Spare.Take(n);
            _w = Spare.Take(n);
        }

        public override void Release()
        {
            base.Release();
            Spare.Give(_v, _w, _coefficients);
        }

        public double Above;

        /// <summary>Scans the interval between points p and p + 1 for maxima (no level) or for time above the level.</summary>
        /// <summary>For a maximum of an amount (<see cref="Maximum"/>'s massBound): the compartments that can pass mass to it.</summary>
        public int[]? Upstream { get; init; }

        public void Interval(EvaluatedPoints points, double[] outStates, Func<double, double[]> ratesAt, int p)
        {
            if (points.Time(p + 1) - points.Time(p) <= 1e-12) return;
            var rates = ratesAt(points.Time(p));
            bool hasInput = HasPositive(rates);
            if (!hasInput && Upstream is { } upstream && _level is null && Max > 0)
            {
                // The mass that can still reach c bounds it from here on; a margin far above round-off keeps a maximum found by the
                // scan within round-off of the best so far from being skipped.
                var x = points.State(p, outStates);
                double mass = 0;
                foreach (int i in upstream) mass += Math.Max(0, x[i]);
                if (mass < Max * (1 - 1e-9)) return;
            }
            March(points, outStates, p, rates, hasInput);
        }

        protected override void SubStep(double[] previous, double[] x, double t, double tNext, double g0, double g1, double[] rates, bool hasInput)
        {
            if (_level is null)
            {
                if (g0 > 0 && g1 <= 0) Refine(previous, t, tNext - t, rates, hasInput);
                return;
            }
            // Time above the level: a sub-step that stays on one side of it with a slope of one sign counts whole; a single
            // trough below it counts nothing; a crossing, or a turn that may bring the component over the level, is refined.
            double level = _level.Value, f0 = previous[_c], f1 = x[_c];
            bool above0 = f0 > level, above1 = f1 > level;
            if ((g0 > 0) == (g1 > 0) && above0 == above1) { Above += above0 ? tNext - t : 0; return; }
            if (g0 <= 0 && g1 > 0 && !above0 && !above1) return;
            Refine(previous, t, tNext - t, rates, hasInput);
        }

        protected override void AdvanceBySeries(double[] start, double[] rates, double delta, double[] x) => Taylor(start, rates, delta, x);

        protected override void Piece(double[] start, double[] x, double ts, double delta, double g0, double g1, double[] rates, bool seriesAtStart)
        {
            if (_level is null)
            {
                if (g0 > 0 && g1 <= 0)
                {
                    Series(start, rates);
                    var (u, value) = SeriesMaximum(delta);
                    if (value > Max) { Max = value; TMax = ts + u; }
                }
            }
            else
            {
                double level = _level.Value;
                if ((g0 > 0) == (g1 > 0) && (start[_c] > level) == (x[_c] > level)) Above += start[_c] > level ? delta : 0;
                else
                {
                    Series(start, rates);
                    Above += SeriesTimeAbove(start[_c], x[_c], g0, g1, delta, level);
                }
            }
        }

        /// <summary>(K x + b)_c.</summary>
        protected override double Slope(ReadOnlySpan<double> x, double[] b)
        {
            double d = b[_c];
            for (int j = 0; j < N; j++) d += K[_c * N + j] * x[j];
            return d;
        }

        /// <summary>Fills the Taylor coefficients a_k = x_c^(k)(0) / k! about state x (k &lt; <see cref="MaxTerms"/>).</summary>
        private void Series(double[] x, double[] b)
        {
            int n = N;
            _coefficients[0] = x[_c];
            for (int i = 0; i < n; i++)
            {
                double s = b[i];
                for (int j = 0; j < n; j++) s += K[i * n + j] * x[j];
                _v[i] = s;
            }
            double factorial = 1;
            for (int term = 1; term < MaxTerms; term++)
            {
                factorial *= term;
                _coefficients[term] = _v[_c] / factorial;
                for (int i = 0; i < n; i++)
                {
                    double s = 0;
                    for (int j = 0; j < n; j++) s += K[i * n + j] * _v[j];
                    _w[i] = s;
                }
                _w.CopyTo(_v, 0);
            }
        }

        /// <summary>x after <paramref name="h"/> from <paramref name="x0"/> by the full Taylor series (for one short piece).</summary>
        private void Taylor(double[] x0, double[] b, double h, double[] into)
        {
            int n = N;
            for (int i = 0; i < n; i++)
            {
                double s = b[i];
                for (int j = 0; j < n; j++) s += K[i * n + j] * x0[j];
                _v[i] = s;
            }
            double scale = h;
            for (int i = 0; i < n; i++) into[i] = x0[i] + scale * _v[i];
            for (int term = 2; term < MaxTerms; term++)
            {
                scale *= h / term;
                for (int i = 0; i < n; i++)
                {
                    double s = 0;
                    for (int j = 0; j < n; j++) s += K[i * n + j] * _v[j];
                    _w[i] = s;
                }
                _w.CopyTo(_v, 0);
                for (int i = 0; i < n; i++) into[i] += scale * _v[i];
            }
        }

        private double P(double s)
        {
            double r = 0;
            for (int k = MaxTerms - 1; k >= 0; k--) r = r * s + _coefficients[k];
            return r;
        }

        private double Dp(double s)
        {
            double r = 0;
            for (int k = MaxTerms - 1; k >= 1; k--) r = r * s + k * _coefficients[k];
            return r;
        }

        private double D2p(double s)
        {
            double r = 0;
            for (int k = MaxTerms - 1; k >= 2; k--) r = r * s + k * (k - 1) * _coefficients[k];
            return r;
        }

        /// <summary>Maximum of the series on [0, h] where its slope goes from positive to non-positive: (offset, value).</summary>
        private (double S, double Value) SeriesMaximum(double h)
        {
            double lo = 0, hi = h;
            double d0 = Dp(0), d1 = Dp(h);
            if (d1 > 0) return P(h) >= P(0) ? (h, P(h)) : (0, P(0));
            double v = d0 > d1 ? d0 / (d0 - d1) * h : 0.5 * h;
            for (int it = 0; it < 100; it++)
            {
                double g = Dp(v);
                if (g > 0) lo = v; else hi = v;
                double gp = D2p(v);
                double next = gp < 0 ? v - g / gp : double.NaN;
                if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
                bool done = Math.Abs(next - v) <= 1e-15 * Math.Max(1, h) || hi - lo <= 1e-15;
                v = next;
                if (done) break;
            }
            return (v, P(v));
        }

        /// <summary>Time above the level of the series on [0, h] (end values f0, f1, end slopes g0, g1).</summary>
        private double SeriesTimeAbove(double f0, double f1, double g0, double g1, double h, double level)
        {
            // On a piece of at most 1/||K||, the slope changes sign at most once (up then down, or down then up) in practice;
            // split at the turning point if there is one, then each part is monotone.
            double turn = double.NaN;
            if (g0 > 0 && g1 <= 0) turn = SeriesMaximum(h).S;
            else if (g0 < 0 && g1 >= 0) turn = Root(s => Dp(s), 0, h, Dp(0));
            if (double.IsNaN(turn)) return MonotoneAbove(0, h, f0, f1, level);
            double fm = P(turn);
            return MonotoneAbove(0, turn, f0, fm, level) + MonotoneAbove(turn, h, fm, f1, level);
        }

        private double MonotoneAbove(double s0, double s1, double f0, double f1, double level)
        {
            bool a = f0 > level, b = f1 > level;
            if (a && b) return s1 - s0;
            if (!a && !b) return 0;
            double crossing = Root(s => P(s) - level, s0, s1, f0 - level);
            return a ? crossing - s0 : s1 - crossing;
        }

        /// <summary>A root of f on [lo, hi] where f changes sign, by bisection with secant steps (f(lo) = <paramref name="fLo"/>).</summary>
        private static double Root(Func<double, double> f, double lo, double hi, double fLo)
        {
            double fHi = f(hi);
            if (fLo * fHi > 0) return fLo > 0 ? hi : lo;
            for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.Max(1, Math.Abs(hi)); it++)
            {
                double mid = 0.5 * (lo + hi);
                double fm = f(mid);
                if (fm == 0) return mid;
                if ((fm > 0) == (fLo > 0)) { lo = mid; fLo = fm; } else { hi = mid; fHi = fm; }
            }
            return 0.5 * (lo + hi);
        }
    }
}

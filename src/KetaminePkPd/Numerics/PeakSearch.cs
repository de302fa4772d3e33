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
    /// <param name="propagator">An exact propagator for K (its cache is reused).</param>
    /// <param name="k">K of the linear part, n x n.</param>
    /// <param name="n">Linear dimension (the first n entries of each stored state).</param>
    /// <param name="points">Evaluated points.</param>
    /// <param name="outStates">The output states the points refer to.</param>
    /// <param name="ratesAt">Zero-order input rates (length n) in force just after a time.</param>
    /// <param name="eventTimesH">Sorted times at which inputs start or end (boluses included), h.</param>
    /// <param name="c">Component to maximise.</param>
    public static (double T, double Value) Maximum(LinearPropagator propagator, double[] k, int n, EvaluatedPoints points, double[] outStates,
        Func<double, double[]> ratesAt, double[] eventTimesH, int c)
    {
        var scan = new Scan(propagator, k, n, c, eventTimesH);
        for (int p = 0; p < points.Count; p++)
        {
            double v = points.State(p, outStates)[c];
            if (v > scan.Max) { scan.Max = v; scan.TMax = points.Time(p); }
        }
        for (int p = 0; p + 1 < points.Count; p++) scan.Interval(points, outStates, ratesAt, p, level: null);
        return (scan.TMax, scan.Max);
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
        var scan = new Scan(propagator, k, n, c, eventTimesH);
        for (int p = 0; p + 1 < points.Count; p++) scan.Interval(points, outStates, ratesAt, p, level);
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
    public static (double T, double Value) MaximumOf(LinearPropagator propagator, double[] k, int n, EvaluatedPoints points, double[] outStates,
        Func<double, double[]> ratesAt, double[] eventTimesH, StateFunction value, StateRate rate, StateFunction? bound = null)
    {
        double best = double.NegativeInfinity, tBest = 0;
        for (int p = 0; p < points.Count; p++)
        {
            double v = value(points.State(p, outStates)[..n]);
            if (v > best) { best = v; tBest = points.Time(p); }
        }
        var scan = new FunctionScan(propagator, k, n, eventTimesH, value, rate, bound);
        for (int p = 0; p + 1 < points.Count; p++) scan.Interval(points, outStates, ratesAt, p, ref best, ref tBest);
        return (tBest, best);
    }

    /// <summary>The scan of <see cref="MaximumOf"/>.</summary>
    private sealed class FunctionScan
    {
        private readonly LinearPropagator _propagator;
        private readonly double[] _k;
        private readonly int _n;
        private readonly double[] _events;
        private readonly double _normK;
        private readonly StateFunction _value;
        private readonly StateRate _rate;
        private readonly StateFunction? _bound;
        private readonly double[] _dx, _x, _series;
        private readonly List<LinearPropagator.Entry> _ladder = [];
        private double[]? _ladderRates;

        public FunctionScan(LinearPropagator propagator, double[] k, int n, double[] events, StateFunction value, StateRate rate, StateFunction? bound)
        {
            _bound = bound;
            _propagator = propagator;
            _k = k;
            _n = n;
            _events = events;
            _value = value;
            _rate = rate;
            _dx = new double[n];
            _x = new double[n];
            _series = new double[MaxTerms * n];
            for (int i = 0; i < n; i++)
            {
                double row = 0;
                for (int j = 0; j < n; j++) row += Math.Abs(k[i * n + j]);
                _normK = Math.Max(_normK, row);
            }
        }

        public void Interval(EvaluatedPoints points, double[] outStates, Func<double, double[]> ratesAt, int p, ref double best, ref double tBest)
        {
            double a = points.Time(p), end = points.Time(p + 1);
            if (end - a <= 1e-12) return;
            var rates = ratesAt(a);
            bool hasInput = rates.Any(r => r > 0);
            if (!hasInput && _bound is not null && _bound(points.State(p, outStates)[.._n]) <= best) return;
            int i = Array.BinarySearch(_events, a + LinearMarch.TimeEpsH);
            int at = i >= 0 ? i : ~i - 1;
            double lastEvent = at >= 0 ? _events[at] : points.Time(0);
            var x = points.State(p, outStates)[.._n].ToArray();
            var endState = points.State(p + 1, outStates)[.._n].ToArray();
            var previous = new double[_n];
            if (_ladderRates is null || !rates.AsSpan().SequenceEqual(_ladderRates))
            {
                _ladder.Clear();
                _ladderRates = (double[])rates.Clone();
            }
            double t = a, g0 = Slope(x, rates);
            while (true)
            {
                double target = Math.Max(BaseStepH, StepFraction * (t - lastEvent));
                int j = Math.Max(0, (int)Math.Floor(Math.Log2(target / BaseStepH) + 1e-12));
                double h = BaseStepH * Math.Pow(2, j);
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
                    if (_ladder.Count == 0) _ladder.Add(_propagator.Prepare(rates, hasInput, BaseStepH));
                    while (_ladder.Count <= j) _ladder.Add(_propagator.Doubled(_ladder[^1]));
                    _propagator.Step(x, _ladder[j]);
                    tNext = t + h;
                }
                double g1 = Slope(x, rates);
                if (g0 > 0 && g1 <= 0) Refine(previous, t, tNext - t, rates, hasInput, ref best, ref tBest);
                if (last) break;
                t = tNext;
                g0 = g1;
            }
        }

        /// <summary>df/dt at state x: rate(x, K x + b).</summary>
        private double Slope(ReadOnlySpan<double> x, double[] b)
        {
            for (int i = 0; i < _n; i++)
            {
                double d = b[i];
                for (int j = 0; j < _n; j++) d += _k[i * _n + j] * x[j];
                _dx[i] = d;
            }
            return _rate(x, _dx);
        }

        /// <summary>Splits [t0, t0 + span] into pieces of at most one minute and 1/||K|| and, on the piece where df/dt turns
        /// down, locates the maximum along the Taylor series of the state about the piece's start.</summary>
        private void Refine(double[] x0, double t0, double span, double[] rates, bool hasInput, ref double best, ref double tBest)
        {
            double piece = BaseStepH;
            if (_normK * piece > 1) piece = 1 / _normK;
            int steps = Math.Max(1, (int)Math.Ceiling(span / piece - 1e-9));
            double delta = span / steps;
            var x = (double[])x0.Clone();
            var start = new double[_n];
            var step = steps > 1 ? _propagator.Prepare(rates, hasInput, delta) : null;
            double g0 = Slope(x, rates);
            for (int s = 0; s < steps; s++)
            {
                x.CopyTo(start, 0);
                if (step is null)
                {
                    Series(start, rates);
                    At(delta);
                    _x.CopyTo(x, 0);
                }
                else _propagator.Step(x, step);
                double g1 = Slope(x, rates);
                if (g0 > 0 && g1 <= 0)
                {
                    if (step is not null) Series(start, rates);
                    var (u, v) = SeriesMaximum(delta, g0, g1);
                    if (v > best) { best = v; tBest = t0 + s * delta + u; }
                }
                g0 = g1;
            }
        }

        /// <summary>Fills the Taylor coefficients of the whole state about x: c_k = x^(k)(0) / k!, row k of <see cref="_series"/>.</summary>
        private void Series(double[] x, double[] b)
        {
            int n = _n;
            x.CopyTo(_series, 0);
            for (int i = 0; i < n; i++)
            {
                double d = b[i];
                for (int j = 0; j < n; j++) d += _k[i * n + j] * x[j];
                _series[n + i] = d;
            }
            for (int term = 2; term < MaxTerms; term++)
                for (int i = 0; i < n; i++)
                {
                    double d = 0;
                    for (int j = 0; j < n; j++) d += _k[i * n + j] * _series[(term - 1) * n + j];
                    _series[term * n + i] = d / term;
                }
        }

        /// <summary>State and its rate at offset s along the series.</summary>
        private void At(double s)
        {
            for (int i = 0; i < _n; i++)
            {
                double v = 0, d = 0;
                for (int term = MaxTerms - 1; term >= 1; term--)
                {
                    double c = _series[term * _n + i];
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

    /// <summary>The state of one search: the best maximum so far and the time above a level accumulated so far.</summary>
    private sealed class Scan
    {
        private readonly LinearPropagator _propagator;
        private readonly double[] _k;
        private readonly int _n, _c;
        private readonly double[] _events;
        private readonly double _normK;
        private readonly double[] _v, _w, _coefficients = new double[MaxTerms];
        private readonly List<LinearPropagator.Entry> _ladder = [];

        public Scan(LinearPropagator propagator, double[] k, int n, int c, double[] events)
        {
            _propagator = propagator;
            _k = k;
            _n = n;
            _c = c;
            _events = events;
            _v = new double[n];
            _w = new double[n];
            for (int i = 0; i < n; i++)
            {
                double row = 0;
                for (int j = 0; j < n; j++) row += Math.Abs(k[i * n + j]);
                _normK = Math.Max(_normK, row);
            }
        }

        public double Max = double.NegativeInfinity, TMax, Above;

        /// <summary>Scans the interval between points p and p + 1 for maxima (level null) or for time above the level.</summary>
        public void Interval(EvaluatedPoints points, double[] outStates, Func<double, double[]> ratesAt, int p, double? level)
        {
            double a = points.Time(p), end = points.Time(p + 1);
            if (end - a <= 1e-12) return;
            var rates = ratesAt(a);
            bool hasInput = rates.Any(r => r > 0);
            double lastEvent = LastEventAtOrBefore(a, points.Time(0));
            var x = points.State(p, outStates)[.._n].ToArray();
            var endState = points.State(p + 1, outStates)[.._n].ToArray();
            var previous = new double[_n];
            _ladder.Clear();
            double t = a, g0 = Slope(x, rates);
            while (true)
            {
                double target = Math.Max(BaseStepH, StepFraction * (t - lastEvent));
                int j = Math.Max(0, (int)Math.Floor(Math.Log2(target / BaseStepH) + 1e-12));
                double h = BaseStepH * Math.Pow(2, j);
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
                    _propagator.Step(x, Rung(j, rates, hasInput));
                    tNext = t + h;
                }
                double g1 = Slope(x, rates);
                if (level is null)
                {
                    if (g0 > 0 && g1 <= 0) Refine(previous, t, tNext - t, rates, hasInput, null);
                }
                else Crossings(previous, x, t, tNext, g0, g1, rates, hasInput, level.Value);
                if (last) break;
                t = tNext;
                g0 = g1;
            }
        }

        private double LastEventAtOrBefore(double t, double origin)
        {
            int i = Array.BinarySearch(_events, t + LinearMarch.TimeEpsH);
            int at = i >= 0 ? i : ~i - 1;
            return at >= 0 ? _events[at] : origin;
        }

        /// <summary>The propagator for 2^j minutes, built by squaring the 1-min one.</summary>
        private LinearPropagator.Entry Rung(int j, double[] rates, bool hasInput)
        {
            if (_ladder.Count == 0) _ladder.Add(_propagator.Prepare(rates, hasInput, BaseStepH));
            while (_ladder.Count <= j) _ladder.Add(_propagator.Doubled(_ladder[^1]));
            return _ladder[j];
        }

        /// <summary>Splits [t0, t0 + span] into pieces short enough for the Taylor series and treats each piece whose
        /// slope turns down (maximum) or that may meet the level (crossings).</summary>
        private void Refine(double[] x0, double t0, double span, double[] rates, bool hasInput, double? level)
        {
            double piece = BaseStepH;
            if (_normK * piece > 1) piece = 1 / _normK;
            int steps = Math.Max(1, (int)Math.Ceiling(span / piece - 1e-9));
            double delta = span / steps;
            var x = (double[])x0.Clone();
            var start = new double[_n];
            var step = steps > 1 ? _propagator.Prepare(rates, hasInput, delta) : null;
            double g0 = Slope(x, rates);
            for (int s = 0; s < steps; s++)
            {
                x.CopyTo(start, 0);
                if (step is null) Taylor(start, rates, delta, x); // one piece: its end from the series
                else _propagator.Step(x, step);
                double g1 = Slope(x, rates);
                double ts = t0 + s * delta;
                if (level is null)
                {
                    if (g0 > 0 && g1 <= 0)
                    {
                        Series(start, rates);
                        var (u, value) = SeriesMaximum(delta);
                        if (value > Max) { Max = value; TMax = ts + u; }
                    }
                }
                else if ((g0 > 0) == (g1 > 0) && (start[_c] > level) == (x[_c] > level)) Above += start[_c] > level ? delta : 0;
                else
                {
                    Series(start, rates);
                    Above += SeriesTimeAbove(start[_c], x[_c], g0, g1, delta, level.Value);
                }
                g0 = g1;
            }
        }

        /// <summary>Adds the time above the level on one sub-step [t0, t1] with end states x0, x1 and end slopes g0, g1.</summary>
        private void Crossings(double[] x0, double[] x1, double t0, double t1, double g0, double g1, double[] rates, bool hasInput, double level)
        {
            double f0 = x0[_c], f1 = x1[_c];
            bool above0 = f0 > level, above1 = f1 > level;
            if ((g0 > 0) == (g1 > 0) && above0 == above1) { Above += above0 ? t1 - t0 : 0; return; }
            if (g0 <= 0 && g1 > 0 && !above0 && !above1) return; // a single trough below the level
            // A crossing, or a turn in the slope that may bring the component over the level: resolve on short pieces.
            Refine(x0, t0, t1 - t0, rates, hasInput, level);
        }

        /// <summary>(K x + b)_c.</summary>
        private double Slope(ReadOnlySpan<double> x, ReadOnlySpan<double> b)
        {
            double d = b[_c];
            for (int j = 0; j < _n; j++) d += _k[_c * _n + j] * x[j];
            return d;
        }

        /// <summary>Fills the Taylor coefficients a_k = x_c^(k)(0) / k! about state x (k &lt; <see cref="MaxTerms"/>).</summary>
        private void Series(double[] x, double[] b)
        {
            int n = _n;
            _coefficients[0] = x[_c];
            for (int i = 0; i < n; i++)
            {
                double s = b[i];
                for (int j = 0; j < n; j++) s += _k[i * n + j] * x[j];
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
                    for (int j = 0; j < n; j++) s += _k[i * n + j] * _v[j];
                    _w[i] = s;
                }
                _w.CopyTo(_v, 0);
            }
        }

        /// <summary>x after <paramref name="h"/> from <paramref name="x0"/> by the full Taylor series (for one short piece).</summary>
        private void Taylor(double[] x0, double[] b, double h, double[] into)
        {
            int n = _n;
            for (int i = 0; i < n; i++)
            {
                double s = b[i];
                for (int j = 0; j < n; j++) s += _k[i * n + j] * x0[j];
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
                    for (int j = 0; j < n; j++) s += _k[i * n + j] * _v[j];
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

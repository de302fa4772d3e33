namespace KetaminePkPd.Numerics;

/// <summary>
/// The simulation engine shared by the PK and PK-PD simulators: marches dx/dt = K x + b(t), with b piecewise constant
/// and boluses at event times, through events and output times, plus an optional <see cref="FilterBlock"/>
/// (dp/dt = A p + B u(x)) for pharmacodynamic effects.
/// </summary>
/// <remarks>
/// <para>Exact path: the linear part by <see cref="LinearPropagator"/> (matrix exponentials, cached per step length and
/// input), the filter by <see cref="FilterPropagator"/>; steps are cut at every output and event, and no longer than
/// the step limit the caller gives (needed only with a filter). Adaptive path: the whole system (linear part and
/// filter) as one ODE, integrated by the chosen solver from event to event with dense output.</para>
/// <para>At an event time the recorded state is the state after the event. Every output time and every event time up
/// to <c>until</c> is an <see cref="EvaluatedPoints"/> entry; between two consecutive points the solution is smooth.</para>
/// </remarks>
internal sealed class LinearMarch
{
    public const double TimeEpsH = 1e-9;

    private double[] _k = [];
    private int _n;
    private FilterBlock? _filter;
    private int _q;
    private (double T, int Index, double Amount, double Rate)[] _events = [];
    private double[] _tOut = [];
    private double _end;
    private Func<double, double>? _maxStep;
    private double[] _b = [];
    private int[] _activeRates = [];
    private bool _exact;
    private LinearPropagator? _propagator;
    private FilterPropagator? _filterPropagator;
    private int _exponentials;
    private OdeSolver? _solver;
    private double[] _captureTimes = [];
    private PropagatorTape? _tape;
    private double[]? _captureTimesSource;
    private object _sourceEvents = null!;
    private bool _replaying;
    private double[] _state = [];
    private double[]?[] _capturedSpare = [];

    /// <summary>This thread's spare marches for <see cref="Rent"/> (their arrays reused by the next marches of the thread): a few, so
    /// that a trial patient's dissociation and course, which alternate on a worker with systems of other orders, each find one whose
    /// arrays fit (one spare for both reallocated them at every march: 1.7 KB per patient).</summary>
    [ThreadStatic] private static List<LinearMarch>? _spares;

    private const int MaxSpares = 4;

    /// <param name="k">K, n x n row-major, Metzler.</param>
    /// <param name="n">Linear dimension.</param>
    /// <param name="events">Events (time h, state index, bolus amount or 0, rate change or 0); need not be sorted.</param>
    /// <param name="outputTimes">Sorted output times, h, starting at 0.</param>
    /// <param name="end">Integrate at least to here (e.g. 24 h for AUC0-24), even past the last output.</param>
    /// <param name="method">Solver.</param>
    /// <param name="tolerances">Adaptive tolerances.</param>
    /// <param name="filter">Optional filter block.</param>
    /// <param name="maxStep">Largest exact step allowed at time t (h), or null for none.</param>
    /// <param name="captureTimes">Times whose state (after events) is kept, e.g. 24 h.</param>
    /// <param name="tape">Optional, exact path only: the propagators of an earlier march of the same system to replay, or to record this
    /// march's into (<see cref="PropagatorTape"/>); the values are the same with or without it.</param>
    public LinearMarch(double[] k, int n, List<(double T, int Index, double Amount, double Rate)> events, double[] outputTimes, double end,
        SolverMethod method, OdeTolerances tolerances, FilterBlock? filter = null, Func<double, double>? maxStep = null, double[]? captureTimes = null,
        PropagatorTape? tape = null)
    {
        Points = null!;
        OutputStates = [];
        Captured = [];
        Set(k, n, events, outputTimes, end, method, tolerances, filter, maxStep, captureTimes, tape);
    }

    /// <summary>A march as the constructor makes it, on this thread's spare instance when there is one (its arrays reused: the same
    /// values as a new march, every array cleared or overwritten before it is read). Give it back with <see cref="Return"/> once its
    /// results have been read: they are overwritten by the thread's next march.</summary>
    public static LinearMarch Rent(double[] k, int n, List<(double T, int Index, double Amount, double Rate)> events, double[] outputTimes, double end,
        SolverMethod method, OdeTolerances tolerances, FilterBlock? filter = null, Func<double, double>? maxStep = null, double[]? captureTimes = null,
        PropagatorTape? tape = null)
    {
        var spares = _spares;
        if (spares is null || spares.Count == 0) return new LinearMarch(k, n, events, outputTimes, end, method, tolerances, filter, maxStep, captureTimes, tape);
        // A spare of the same order and filter size (its arrays fit), else a new march while there is room for it among the spares (so
        // each shape keeps its own), else the newest: any of them is set as a new march would be.
        int q = filter?.States ?? 0, at = -1;
        for (int i = spares.Count - 1; i >= 0 && at < 0; i--)
            if (spares[i]._n == n && spares[i]._q == q) at = i;
        if (at < 0 && spares.Count < MaxSpares) return new LinearMarch(k, n, events, outputTimes, end, method, tolerances, filter, maxStep, captureTimes, tape);
        if (at < 0) at = spares.Count - 1;
        var march = spares[at];
        spares.RemoveAt(at);
        march.Set(k, n, events, outputTimes, end, method, tolerances, filter, maxStep, captureTimes, tape);
        return march;
    }

    /// <summary>Gives a rented march back to this thread for its next <see cref="Rent"/>; its results must not be read afterwards.</summary>
    public static void Return(LinearMarch march)
    {
        march._filter = null;
        march._maxStep = null;
        march._tape = null;
        march._sourceEvents = null!;
        march._k = [];
        var spares = _spares ??= [];
        if (spares.Count < MaxSpares && !spares.Contains(march)) spares.Add(march);
    }

    private void Set(double[] k, int n, List<(double T, int Index, double Amount, double Rate)> events, double[] outputTimes, double end,
        SolverMethod method, OdeTolerances tolerances, FilterBlock? filter, Func<double, double>? maxStep, double[]? captureTimes, PropagatorTape? tape)
    {
        _tape = method == SolverMethod.Exact ? tape : null;
        _sourceEvents = events;
        _k = k;
        _n = n;
        _filter = filter;
        _q = filter?.States ?? 0;
        if (_events.Length != events.Count) _events = new (double, int, double, double)[events.Count];
        events.CopyTo(_events);
        Array.Sort(_events, static (x, y) => x.T.CompareTo(y.T)); // a copy: the caller's list is left as it was
        _tOut = outputTimes;
        _end = Math.Max(end, outputTimes[^1]);
        _maxStep = maxStep;
        _b = Buffers.Zeroed(_b, n);
        _activeRates = Buffers.Zeroed(_activeRates, n);
        _captureTimes = captureTimes ?? [];
        _captureTimesSource = captureTimes;
        Width = n + _q;
        OutputStates = Buffers.Zeroed(OutputStates, outputTimes.Length * Width);
        if (Points is null) Points = new EvaluatedPoints(Width, outputTimes.Length + events.Count + 2, events.Count + 2);
        else Points.Reset(Width);
        Captured = Buffers.Zeroed(Captured, _captureTimes.Length);
        if (_capturedSpare.Length != _captureTimes.Length) _capturedSpare = new double[_captureTimes.Length][];
        _state = Buffers.Zeroed(_state, Width);
        if (_nodes is not null && _nodes.Length != 5 * n) _nodes = null;
        _prepared = (double.NaN, -1, null, _prepared.Nodes);
        _rateVersion = 0;
        _exponentials = 0;
        _replaying = false;
        _propagator = null;
        _filterPropagator = null;
        Statistics = default;
        _exact = false;
        _solver = null;
        switch (method)
        {
            case SolverMethod.Exact:
                _exact = true;   // the propagators are rented for the run (Run)
                break;
            case SolverMethod.DormandPrince54: _solver = new DormandPrince54Solver(tolerances); break;
            default: _solver = new Rodas4Solver(tolerances); break;
        }
    }

    /// <summary>Entries per stored state: n linear, then q filter states.</summary>
    public int Width { get; private set; }

    /// <summary>The output times, h.</summary>
    public double[] OutputTimesH => _tOut;

    /// <summary>States at the output times, row-major.</summary>
    public double[] OutputStates { get; private set; }

    /// <summary>Output and event times up to the last output, with their states.</summary>
    public EvaluatedPoints Points { get; private set; }

    /// <summary>The states at the capture times (null when a capture time was never reached).</summary>
    public double[]?[] Captured { get; private set; }

    /// <summary>Matrix exponentials of the linear part computed by the exact path.</summary>
    public int Exponentials => _exponentials;

    /// <summary>Adaptive solver work.</summary>
    public OdeStatistics Statistics { get; private set; }

    public void Run()
    {
        if (!_exact)
        {
            March();
            return;
        }
        // This thread's spare propagators (emptied caches: the same results as new ones), given back for the next simulation; with a
        // tape, its propagator (emptied when recording), kept by the tape.
        var tape = _tape;
        var captureKey = (object?)_captureTimesSource ?? _captureTimes;
        if (tape is null) _propagator = LinearPropagator.Rent(_k, _n);
        else if (tape.Matches(_k, _n, _sourceEvents, _tOut, _maxStep, captureKey, _end, _filter is not null))
        {
            _replaying = true;
            tape.Position = 0;
            _propagator = tape.Propagator!;
        }
        else _propagator = tape.Record(_k, _n, _sourceEvents, _tOut, _maxStep, captureKey, _end, _filter is not null);
        if (_filter is not null) _filterPropagator = FilterPropagator.Rent(_filter);
        try
        {
            March();
            if (_replaying)
            {
                if (tape!.Position != tape.Steps.Count) throw new InvalidOperationException("A replayed march took fewer steps than its recording.");
                tape.Replays++;
            }
            else
            {
                _exponentials = _propagator.Exponentials;
                if (tape is not null) tape.Complete = true;
            }
        }
        finally
        {
            _prepared = (double.NaN, -1, null, _prepared.Nodes);
            Array.Clear(_prepared.Nodes);
            if (tape is null) LinearPropagator.Return(_propagator);
            if (_filterPropagator is not null) FilterPropagator.Return(_filterPropagator);
            _propagator = null;
            _filterPropagator = null;
        }
    }

    private void March()
    {
        double until = _tOut[^1];
        var state = _state;
        _filter?.Initial(state.AsSpan(_n, _q));
        var ode = _solver is null ? null : new Ode(this);
        List<double>? times = null;
        double[]? buffer = null;
        int ei = 0, oi = 0;
        double t = 0;
        while (true)
        {
            while (ei < _events.Length && _events[ei].T <= t + TimeEpsH) Apply(_events[ei++], state);
            bool hasInput = false;
            foreach (int c in _activeRates) hasInput |= c > 0;
            if (oi < _tOut.Length && _tOut[oi] <= t + TimeEpsH) Output(oi++, t, state, until);
            else if (t <= until + TimeEpsH) Points.AddState(t, state);
            for (int c = 0; c < _captureTimes.Length; c++)
                if (Math.Abs(t - _captureTimes[c]) <= TimeEpsH)
                {
                    var kept = _capturedSpare[c] is { } spare && spare.Length == state.Length ? spare : _capturedSpare[c] = new double[state.Length];
                    state.CopyTo(kept, 0);
                    Captured[c] = kept;
                }
            if (t >= _end - TimeEpsH) break;

            double segEnd = _end;
            if (ei < _events.Length) segEnd = Math.Min(segEnd, _events[ei].T);
            foreach (double c in _captureTimes)
                if (c > t + TimeEpsH) segEnd = Math.Min(segEnd, c);
            if (segEnd - t <= TimeEpsH) { t = segEnd; continue; }

            if (_exact)
            {
                // Exact: step to each output in the segment and then to its end, never longer than the step limit.
                while (true)
                {
                    double target = oi < _tOut.Length && _tOut[oi] < segEnd - TimeEpsH ? _tOut[oi] : segEnd;
                    while (_maxStep is not null && target - t > _maxStep(t) * (1 + 1e-9))
                    {
                        double h = _maxStep(t);
                        Step(state, h, hasInput);
                        t += h;
                    }
                    Step(state, target - t, hasInput);
                    t = target;
                    if (target >= segEnd - TimeEpsH) break;
                    Output(oi++, t, state, until);
                }
            }
            else
            {
                times ??= new List<double>();
                times.Clear();
                for (int k = oi; k < _tOut.Length && _tOut[k] < segEnd - TimeEpsH; k++) times.Add(_tOut[k]);
                times.Add(segEnd);
                if (buffer is null || buffer.Length < times.Count * Width) buffer = new double[Math.Max(times.Count, 16) * Width * 2];
                _b.CopyTo(ode!.Rates, 0);
                Statistics += _solver!.Solve(ode, t, state, times.ToArray(), buffer);
                for (int k = 0; k < times.Count - 1; k++) Output(oi++, times[k], buffer.AsSpan(k * Width, Width), until);
                buffer.AsSpan((times.Count - 1) * Width, Width).CopyTo(state);
            }
            t = segEnd;
        }
    }

    private double[]? _nodes;
    private int _rateVersion;
    private (double H, int Version, LinearPropagator.Entry? Full, LinearPropagator.Entry?[] Nodes) _prepared = (double.NaN, -1, null, new LinearPropagator.Entry?[3]);

    private void Step(double[] state, double h, bool hasInput)
    {
        if (h <= 0) return;
        // Consecutive steps of the same length and inputs reuse their propagators without a cache search.
        if (_prepared.H != h || _prepared.Version != _rateVersion) Prepare(h, hasInput);
        if (_filterPropagator is null)
        {
            _propagator!.Step(state, _prepared.Full!);
            return;
        }
        FilterStep(state, h);
    }

    /// <summary>The propagators of a step of <paramref name="h"/> under the current inputs, into <see cref="_prepared"/>: kept apart from
    /// <see cref="Step"/>, which needs them only when the step length or the inputs change.</summary>
    private void Prepare(double h, bool hasInput)
    {
        var p = _propagator!;
        _prepared.H = h;
        _prepared.Version = _rateVersion;
        if (_replaying)
        {
            Replay(h, hasInput);
            return;
        }
        if (_filterPropagator is null) _prepared.Full = p.Prepare(_b, hasInput, h);
        else
        {
            var (quarter, half, threeQuarters, full) = p.PrepareQuarters(_b, hasInput, h);
            (_prepared.Nodes[0], _prepared.Nodes[1], _prepared.Nodes[2], _prepared.Full) = (quarter, half, threeQuarters, full);
        }
        _tape?.Steps.Add((h, _rateVersion, _prepared.Full!, _prepared.Nodes[0], _prepared.Nodes[1], _prepared.Nodes[2]));
    }

    /// <summary>A step of <paramref name="h"/> of the linear part and the filter (the propagators prepared).</summary>
    private void FilterStep(double[] state, double h)
    {
        var p = _propagator!;
        // The linear state at the quadrature nodes (start, quarters, end), exactly; then the filter over the step.
        _nodes ??= new double[5 * _n];
        var x0 = state.AsSpan(0, _n);
        x0.CopyTo(_nodes.AsSpan(0, _n));
        for (int g = 1; g < 4; g++) p.Propagate(x0, _nodes.AsSpan(g * _n, _n), _prepared.Nodes[g - 1]!);
        p.Propagate(x0, _nodes.AsSpan(4 * _n, _n), _prepared.Full!);
        _filterPropagator!.Step(state.AsSpan(_n, _q), _nodes, _n, h);
        _nodes.AsSpan(4 * _n, _n).CopyTo(x0);
    }

    /// <summary>The recording's entries for this step: the same step length, input version and inputs, or the march is not the
    /// recording's (which <see cref="PropagatorTape.Matches"/> rules out).</summary>
    private void Replay(double h, bool hasInput)
    {
        var tape = _tape!;
        if (tape.Position >= tape.Steps.Count) throw new InvalidOperationException("A replayed march took more steps than its recording.");
        var (th, version, full, quarter, half, threeQuarters) = tape.Steps[tape.Position++];
        if (th != h || version != _rateVersion || full.HasInput != hasInput || (hasInput && !_b.AsSpan().SequenceEqual(full.B.AsSpan(0, _n))))
            throw new InvalidOperationException("A replayed march asked for another step than its recording.");
        (_prepared.Nodes[0], _prepared.Nodes[1], _prepared.Nodes[2], _prepared.Full) = (quarter, half, threeQuarters, full);
    }

    private void Output(int k, double t, ReadOnlySpan<double> state, double until)
    {
        var row = OutputStates.AsSpan(k * Width, Width);
        // A PK state is a few numbers: copied entry by entry, without a call to the general block copy.
        if (Width <= 8) for (int i = 0; i < row.Length; i++) row[i] = state[i];
        else state.CopyTo(row);
        if (t <= until + TimeEpsH) Points.AddOutput(t, k);
    }

    private void Apply((double T, int Index, double Amount, double Rate) e, double[] state)
    {
        if (e.Rate == 0)
        {
            state[e.Index] += e.Amount;
            return;
        }
        _rateVersion++;
        if (e.Rate > 0) { _b[e.Index] += e.Rate; _activeRates[e.Index]++; }
        else if (--_activeRates[e.Index] == 0) _b[e.Index] = 0;
        else _b[e.Index] += e.Rate;
    }

    /// <summary>The whole system as one ODE for the adaptive solvers; rates set per segment.</summary>
    private sealed class Ode(LinearMarch march) : IOdeSystemWithJacobian
    {
        private readonly double[] _u = new double[march._filter?.Drives ?? 0];
        private readonly double[] _du = new double[march._filter?.Drives ?? 0];
        private readonly double[] _unit = new double[march._n];

        public double[] Rates { get; } = new double[march._n];

        public int Dimension => march.Width;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            int n = march._n, q = march._q;
            var k = march._k;
            for (int i = 0; i < n; i++)
            {
                double d = Rates[i];
                for (int j = 0; j < n; j++) d += k[i * n + j] * y[j];
                dydt[i] = d;
            }
            if (march._filter is not { } f) return;
            f.Drive(y[..n], _u);
            var a = f.A;
            var b = f.B;
            int r = f.Drives;
            for (int i = 0; i < q; i++)
            {
                double d = 0;
                for (int j = 0; j < q; j++) d += a[i * q + j] * y[n + j];
                for (int j = 0; j < r; j++) d += b[i * r + j] * _u[j];
                dydt[n + i] = d;
            }
        }

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
        {
            int n = march._n, q = march._q, w = march.Width;
            jacobian[..(w * w)].Clear();
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) jacobian[i * w + j] = march._k[i * n + j];
            if (march._filter is not { } f) return;
            var a = f.A;
            var b = f.B;
            int r = f.Drives;
            for (int i = 0; i < q; i++)
                for (int j = 0; j < q; j++) jacobian[(n + i) * w + n + j] = a[i * q + j];
            // d u / d x_j by the chain rule with dx = e_j.
            for (int j = 0; j < n; j++)
            {
                Array.Clear(_unit);
                _unit[j] = 1;
                f.DriveRate(y[..n], _unit, _du);
                for (int i = 0; i < q; i++)
                {
                    double d = 0;
                    for (int c = 0; c < r; c++) d += b[i * r + c] * _du[c];
                    jacobian[(n + i) * w + j] = d;
                }
            }
        }
    }
}

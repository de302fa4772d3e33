using KetaminePkPd.Numerics;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// Simulates a <see cref="PkModel"/> under a <see cref="DosingRegimen"/>: amounts in every compartment, parent and
/// metabolite concentrations on an output grid, and exposure metrics.
/// </summary>
/// <remarks>
/// <para>The regimen becomes inputs per compartment (bioavailable fractions, lags, zero-order releases and intranasal
/// devices applied). Time is cut at every input start and end; between cuts the system is linear with constant input,
/// and is integrated by the chosen <see cref="SolverMethod"/>: exactly (matrix exponential) or by an adaptive solver
/// with dense output. At a time where a bolus is given, the reported state is the state just after the bolus.</para>
/// <para>Only compartments a dose can reach are integrated; the others are reported as zero.</para>
/// <para>Thread-safe: all state is local to a call.</para>
/// </remarks>
/// <example><code>
/// var model = PkModels.Domino.CreateModel(Subject.TypicalAdult);
/// var regimen = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
/// var result = PkSimulator.Simulate(model, regimen);
/// Console.WriteLine(result.Parent.CmaxNgPerMl);
/// </code></example>
public static class PkSimulator
{
    private const double TimeEpsH = 1e-9;

    /// <summary>Runs a simulation.</summary>
    /// <param name="model">The individual's model.</param>
    /// <param name="regimen">The doses.</param>
    /// <param name="options">Duration, output grid and solver; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <returns>The result, with exposure metrics computed on first use.</returns>
    /// <exception cref="ArgumentException">A route the model does not support, or an intranasal dose that is not a whole number of devices.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Too many output points.</exception>
    /// <exception cref="OdeSolverException">An adaptive solver failed (not expected for the built-in models).</exception>
    public static PkSimulationResult Simulate(PkModel model, DosingRegimen regimen, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(regimen);
        options ??= SimulationOptions.Default;
        var inputs = model.Expand(regimen);
        var sys = new ReducedSystem(model, inputs);
        var tOut = options.OutputTimesH();
        var run = new Run(sys, inputs, tOut, options);
        run.March();
        return new PkSimulationResult(model, regimen, options, run.ToSolution());
    }

    /// <summary>One simulation's working state.</summary>
    private sealed class Run
    {
        private readonly ReducedSystem _s;
        private readonly List<DoseInput> _inputs;
        private readonly double[] _tOut;
        private readonly int _m;
        private readonly int _width;
        private readonly (double T, int Compartment, double Amount, double Rate)[] _events;
        private readonly double[] _b;
        private readonly int[] _activeRates;
        private readonly double[] _outStates;
        private readonly EvaluatedPoints _points;
        private readonly LinearPropagator? _propagator;
        private readonly OdeSolver? _solver;
        private readonly LinearPkOde? _ode;
        private OdeStatistics _stats;
        private double[]? _stateAt24;

        public Run(ReducedSystem s, List<DoseInput> inputs, double[] tOut, SimulationOptions options)
        {
            _s = s;
            _inputs = inputs;
            _tOut = tOut;
            _m = s.M;
            _width = _m;
            _b = new double[_m];
            _activeRates = new int[_m];
            _outStates = new double[tOut.Length * _width];
            _points = new EvaluatedPoints(_width, tOut.Length + 2 * inputs.Count + 2);
            var ev = new (double T, int Compartment, double Amount, double Rate)[inputs.Count * 2];
            int count = 0;
            foreach (var i in inputs)
            {
                int c = s.ReducedIndex[i.Compartment];
                if (i.DurationH <= 0) ev[count++] = (i.StartH, c, i.AmountMg, 0);
                else
                {
                    double rate = i.AmountMg / i.DurationH;
                    ev[count++] = (i.StartH, c, 0, rate);
                    ev[count++] = (i.EndH, c, 0, -rate);
                }
            }
            Array.Resize(ref ev, count);
            Array.Sort(ev, (x, y) => x.T.CompareTo(y.T));
            _events = ev;
            switch (options.Method)
            {
                case SolverMethod.Exact: _propagator = new LinearPropagator(s.K, _m); break;
                case SolverMethod.DormandPrince54: _solver = new DormandPrince54Solver(options.Tolerances); _ode = new LinearPkOde(s); break;
                default: _solver = new Rodas4Solver(options.Tolerances); _ode = new LinearPkOde(s); break;
            }
        }

        public void March()
        {
            double until = _tOut[^1];
            double end = Math.Max(until, 24);
            var state = new double[_width];
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
                else if (t <= until + TimeEpsH) _points.AddState(t, state);
                if (Math.Abs(t - 24) <= TimeEpsH) _stateAt24 = (double[])state.Clone();
                if (t >= end - TimeEpsH) break;

                double segEnd = end;
                if (ei < _events.Length) segEnd = Math.Min(segEnd, _events[ei].T);
                if (t < 24 - TimeEpsH) segEnd = Math.Min(segEnd, 24);
                if (segEnd - t <= TimeEpsH) { t = segEnd; continue; }

                if (_propagator is not null)
                {
                    // Exact: step from output to output, then to the segment end.
                    while (oi < _tOut.Length && _tOut[oi] < segEnd - TimeEpsH)
                    {
                        _propagator.Step(state, _b, hasInput, _tOut[oi] - t);
                        t = _tOut[oi];
                        Output(oi++, t, state, until);
                    }
                    _propagator.Step(state, _b, hasInput, segEnd - t);
                }
                else
                {
                    // Adaptive: one solve per segment, dense output at the interior output times.
                    times ??= new List<double>();
                    times.Clear();
                    for (int k = oi; k < _tOut.Length && _tOut[k] < segEnd - TimeEpsH; k++) times.Add(_tOut[k]);
                    times.Add(segEnd);
                    if (buffer is null || buffer.Length < times.Count * _width) buffer = new double[Math.Max(times.Count, 16) * _width * 2];
                    _b.CopyTo(_ode!.Rates, 0);
                    _stats += _solver!.Solve(_ode, t, state, times.ToArray(), buffer);
                    for (int k = 0; k < times.Count - 1; k++) Output(oi++, times[k], buffer.AsSpan(k * _width, _width), until);
                    buffer.AsSpan((times.Count - 1) * _width, _width).CopyTo(state);
                }
                t = segEnd;
            }
        }

        private void Output(int k, double t, ReadOnlySpan<double> state, double until)
        {
            state.CopyTo(_outStates.AsSpan(k * _width, _width));
            if (t <= until + TimeEpsH) _points.AddOutput(t, k);
        }

        private void Apply((double T, int Compartment, double Amount, double Rate) e, double[] state)
        {
            if (e.Rate == 0)
            {
                state[e.Compartment] += e.Amount;
                return;
            }
            if (e.Rate > 0) { _b[e.Compartment] += e.Rate; _activeRates[e.Compartment]++; }
            else if (--_activeRates[e.Compartment] == 0) _b[e.Compartment] = 0;
            else _b[e.Compartment] += e.Rate;
        }

        public PkSolution ToSolution() => new(_s, _inputs, _tOut, _outStates, _points, _stateAt24!, _propagator?.Exponentials ?? 0, _stats);
    }
}

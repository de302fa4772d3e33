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
        var sys = new ReducedSystem(model, inputs.Select(i => i.Compartment));
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
        private readonly SimulationOptions _options;
        private readonly int _m;
        private readonly int _width;
        private readonly (double T, int Compartment, double Amount, double Rate)[] _events;
        private readonly double[] _b;
        private readonly int[] _activeRates;
        private readonly double[] _outStates;
        private readonly List<double> _evalTimes = new();
        private readonly List<double> _evalStates = new();
        private readonly LinearPropagator? _propagator;
        private readonly OdeSolver? _solver;
        private readonly LinearPkOde? _ode;
        private OdeStatistics _stats;
        private double _auc24Parent = double.NaN, _auc24Metabolite = double.NaN;

        public Run(ReducedSystem s, List<DoseInput> inputs, double[] tOut, SimulationOptions options)
        {
            _s = s;
            _inputs = inputs;
            _tOut = tOut;
            _options = options;
            _m = s.M;
            _width = _m + ReducedSystem.Accumulators;
            _b = new double[_m];
            _activeRates = new int[_m];
            _outStates = new double[tOut.Length * _width];
            var ev = new List<(double, int, double, double)>(inputs.Count * 2);
            foreach (var i in inputs)
            {
                int c = s.ReducedIndex[i.Compartment];
                if (i.DurationH <= 0) ev.Add((i.StartH, c, i.AmountMg, 0));
                else
                {
                    double rate = i.AmountMg / i.DurationH;
                    ev.Add((i.StartH, c, 0, rate));
                    ev.Add((i.EndH, c, 0, -rate));
                }
            }
            _events = [.. ev.OrderBy(e => e.Item1)];
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
            var times = new List<double>();
            double[] buffer = [];
            int ei = 0, oi = 0;
            double t = 0;
            while (true)
            {
                while (ei < _events.Length && _events[ei].T <= t + TimeEpsH) Apply(_events[ei++], state);
                if (oi < _tOut.Length && _tOut[oi] <= t + TimeEpsH) state.CopyTo(_outStates, oi++ * _width);
                Record(t, state, until);
                if (t >= end - TimeEpsH) break;

                double segEnd = end;
                if (ei < _events.Length) segEnd = Math.Min(segEnd, _events[ei].T);
                if (t < 24 - TimeEpsH) segEnd = Math.Min(segEnd, 24);
                if (segEnd - t <= TimeEpsH) { t = segEnd; continue; }

                // Interior output times, then the segment end.
                times.Clear();
                for (int k = oi; k < _tOut.Length && _tOut[k] < segEnd - TimeEpsH; k++) times.Add(_tOut[k]);
                times.Add(segEnd);
                if (buffer.Length < times.Count * _width) buffer = new double[Math.Max(times.Count, 16) * _width * 2];
                Advance(t, state, times, buffer);
                for (int k = 0; k < times.Count - 1; k++)
                {
                    var row = buffer.AsSpan(k * _width, _width);
                    row.CopyTo(_outStates.AsSpan(oi++ * _width));
                    Record(times[k], row, until);
                }
                buffer.AsSpan((times.Count - 1) * _width, _width).CopyTo(state);
                t = segEnd;
            }
        }

        private void Apply((double T, int Compartment, double Amount, double Rate) e, double[] state)
        {
            if (e.Rate == 0)
            {
                state[e.Compartment] += e.Amount;
                state[_m + 3] += e.Amount;
                return;
            }
            if (e.Rate > 0) { _b[e.Compartment] += e.Rate; _activeRates[e.Compartment]++; }
            else if (--_activeRates[e.Compartment] == 0) _b[e.Compartment] = 0;
            else _b[e.Compartment] += e.Rate;
        }

        private void Record(double t, ReadOnlySpan<double> state, double until)
        {
            if (Math.Abs(t - 24) <= TimeEpsH) { _auc24Parent = state[_m]; _auc24Metabolite = state[_m + 1]; }
            if (t > until + TimeEpsH) return;
            if (_evalTimes.Count > 0 && t <= _evalTimes[^1] + TimeEpsH)
            {
                // Same instant (after events): keep the later state.
                _evalStates.RemoveRange(_evalStates.Count - _width, _width);
                _evalTimes.RemoveAt(_evalTimes.Count - 1);
            }
            _evalTimes.Add(t);
            foreach (var x in state) _evalStates.Add(x);
        }

        private void Advance(double t0, double[] state, List<double> times, double[] outStates)
        {
            bool hasInput = false;
            foreach (int c in _activeRates) hasInput |= c > 0;
            if (_propagator is not null)
            {
                Span<double> cur = stackalloc double[_width];
                state.CopyTo(cur);
                double t = t0;
                for (int k = 0; k < times.Count; k++)
                {
                    var next = outStates.AsSpan(k * _width, _width);
                    cur.CopyTo(next);
                    double h = times[k] - t;
                    _propagator.Step(next, _b, hasInput, h);
                    _s.Accumulate(cur, next, _b, h);
                    next.CopyTo(cur);
                    t = times[k];
                }
                return;
            }
            _b.CopyTo(_ode!.Rates, 0);
            _stats += _solver!.Solve(_ode, t0, state, times.ToArray(), outStates);
        }

        public PkSolution ToSolution() => new(_s, _inputs, _tOut, _outStates, [.. _evalTimes], [.. _evalStates],
            _auc24Parent, _auc24Metabolite, _propagator?.Exponentials ?? 0, _stats);
    }
}

using KetaminePkPd.Numerics;

namespace KetaminePkPd.DataSets;

/// <summary>
/// Simulates one subject's records exactly: between events the linear system dA/dt = K A + b (b the sum of the running
/// infusions' rates) is advanced by matrix exponentials; doses, infusion starts and stops, lagged and additional doses are
/// discrete events; steady states are solved for, not simulated to. Not thread-safe: one instance per thread.
/// </summary>
/// <remarks>
/// A modeled-rate infusion (<c>RATE -1</c>) runs over a span fixed at its dose, F x AMT / Rn with the dose record's Rn,
/// and delivers, over each stretch between records, the Rn of the record that governs the stretch (NONMEM's "rate
/// parameters act continuously": the record that ends the stretch, or the one that starts it under LOCF). Running ones are
/// counted per compartment (<c>_modeled</c>) and their input is added to the fixed rates in <see cref="Advance"/>.
/// </remarks>
internal sealed class SubjectEngine
{
    private const double Ng = Units.NgPerMlPerMgPerL;
    private readonly DataSetModel _model;
    private readonly ModelKernel _kernel;
    private readonly ParameterTiming _timing;
    private readonly int _n;
    private readonly int _p;
    private readonly double[] _x;
    private readonly double[] _b;
    private readonly int[] _modeled;
    private readonly double[] _governingRates;
    private readonly double[] _input;
    private int _governingRow;
    private readonly PriorityQueue<Pending, (double Time, long Seq)> _queue = new();
    private readonly List<Series> _series = [];
    private ParameterSlots? _slots;
    private Instance? _recent;
    private Instance? _older;
    private double _t;
    private double _auc;
    private long _seq;

    public SubjectEngine(DataSetModel model, ParameterTiming timing)
    {
        _model = model;
        _kernel = model.Kernel;
        _timing = timing;
        _n = _kernel.CompartmentNames.Length;
        _p = _kernel.ParameterNames.Length;
        _x = new double[_n];
        _b = new double[_n];
        _modeled = new int[_n];
        _governingRates = new double[_n];
        _input = new double[_n];
    }

    private enum PendingKind { Bolus, RateOn, RateOff, SeriesDose, ModeledOn, ModeledOff }

    private readonly record struct Pending(double Time, PendingKind Kind, int Compartment, double Value, int Series, int Index);

    /// <summary>
    /// A dose and its additional doses: all share amount, rate, duration, lag. A modeled-rate series (<c>RATE -1</c>) runs
    /// each infusion for <paramref name="DurationH"/> at the Rn governing each stretch, not at <paramref name="RateMgPerH"/>.
    /// </summary>
    private sealed record Series(double StartH, double IntervalH, int Additional, double LagH, int Compartment, double AmountMg, double RateMgPerH, double DurationH, bool Modeled);

    /// <summary>The matrices of one set of structural parameter values.</summary>
    private sealed class Instance
    {
        public required double[] Key;
        public required double[] K;
        public required double[] Lu;
        public required int[] Pivots;
        public required double[] CentralWeights;
        public required double CentralL;
        public required double MetaboliteL;
        public required LinearPropagator Propagator;
        public double SsInterval = double.NaN;
        public double[] SsLu = [];
        public int[] SsPivots = [];
    }

    /// <summary>Simulates <paramref name="subject"/>; a bad value of a parameter fixed in the model (not a column) is blamed on the model.</summary>
    public SubjectPrediction Simulate(DataSetSubject subject)
    {
        try
        {
            return SimulateRecords(subject);
        }
        catch (DataSetFormatException ex) when (_slots is { } slots && slots.Names.IndexOf(ex.Column) is >= 0 and var slot && slots.FromModel(slot))
        {
            throw DataSetFormatException.FixedInModel(ex);
        }
    }

    private SubjectPrediction SimulateRecords(DataSetSubject subject)
    {
        if (_slots is null || _slots.ColumnNames != subject.ColumnNames.AsImmutableArray()) _slots = new ParameterSlots(_model, subject.ColumnNames);
        var slots = _slots;
        var records = subject.Records;
        int count = records.Length, n = _n;
        var cp = new double[count];
        var cm = _kernel.Metabolite >= 0 ? new double[count] : [];
        var amounts = new double[count * n];
        Span<double> values = stackalloc double[slots.Count];
        Span<double> previous = stackalloc double[slots.Count];
        Reset();
        // Matrices are not shared between subjects: the propagator cache matches step lengths within a tolerance, so sharing
        // would make a subject's last bits depend on which subjects ran before it on the same thread.
        _recent = _older = null;
        _seq = 0;
        _auc = 0;
        _t = records[0].TimeH;
        double cmax = double.NegativeInfinity, tmax = 0;
        for (int i = 0; i < count; i++)
        {
            var r = records[i];
            slots.Fill(r, values);
            var current = InstanceFor(values, r.Row);
            bool own = _timing == ParameterTiming.NextRecord || i == 0;
            var advance = own ? current : InstanceFor(previous, records[i - 1].Row);
            Govern(own ? values : previous, own ? r.Row : records[i - 1].Row);
            ProcessPending(advance, r.TimeH);
            Advance(advance, r.TimeH);
            if (r.Kind is EventKind.Reset or EventKind.ResetAndDose) Reset();
            if (r.IsDose) Dose(r, values, current);
            ProcessPending(current, r.TimeH);

            double c = _x[_kernel.Central] / current.CentralL * Ng;
            cp[i] = c;
            if (cm.Length > 0) cm[i] = _x[_kernel.Metabolite] / current.MetaboliteL * Ng;
            _x.CopyTo(amounts, i * n);
            if (c > cmax)
            {
                cmax = c;
                tmax = r.TimeH;
            }
            values.CopyTo(previous);
        }
        return new SubjectPrediction(subject, _model.CompartmentNames, cp, cm, amounts, cmax, tmax, _auc);
    }

    private void Reset()
    {
        Array.Clear(_x);
        Array.Clear(_b);
        Array.Clear(_modeled);
        _queue.Clear();
        _series.Clear();
    }

    /// <summary>Takes the Rn of the record that governs the coming stretch (for running <c>RATE -1</c> infusions).</summary>
    private void Govern(ReadOnlySpan<double> values, int row)
    {
        int n = _n, at = _p + 3 * n;
        for (int c = 0; c < n; c++) _governingRates[c] = values[at + c];
        _governingRow = row;
    }

    /// <summary>
    /// The infusion rate (RATE -1) or duration (RATE -2) the model gives in <paramref name="column"/>: must be finite, &gt; 0
    /// and at most <paramref name="max"/>.
    /// </summary>
    private static double Modeled(EventRecord r, double value, string what, string unit, string article, string column, double max) =>
        value > 0 && value <= max ? value
            : throw new DataSetFormatException(r.Row, "RATE", $"RATE {Guard.F(r.RateMgPerH)} takes the infusion {what} from the model's {column}, which must be > 0{(max < double.MaxValue ? $" and at most {Guard.F(max)}" : "")} ({unit}), " +
                $"{Got(value)}: add {article} {column} column or give {column} in the model file.");

    private static string Got(double value) => double.IsNaN(value) ? "but none is given" : $"got {Guard.F(value)}";

    /// <summary>The largest modeled rate Rn, mg/h: as for RATE.</summary>
    private const double MaxModeledRateMgPerH = EventRecord.MaxRateMgPerH;

    private void Dose(EventRecord r, ReadOnlySpan<double> values, Instance inst)
    {
        int n = _n, p = _p;
        int c = r.Compartment == 0 ? _kernel.DefaultDose : r.Compartment - 1;
        if (c >= n)
            throw new DataSetFormatException(r.Row, "CMT", $"unknown compartment {r.Compartment}; model '{_model.Name}' has {string.Join(", ", _model.CompartmentNames.Select((x, k) => $"{k + 1} {x}"))}.");
        if (r.IsConstantInfusion)
        {
            // The steady state of a constant infusion into c: K x + b = 0, at RATE or (RATE -1) the record's Rn. The infusion
            // itself ends at the record.
            double constant = r.RateMgPerH > 0 ? r.RateMgPerH : Modeled(r, values[p + 3 * n + c], "rate", "mg/h", "an", $"R{c + 1}", MaxModeledRateMgPerH);
            Span<double> xs = stackalloc double[n];
            xs.Clear();
            xs[c] = -constant;
            DenseLu.Solve(inst.Lu, n, inst.Pivots, xs);
            if (r.SteadyState == SteadyStateKind.Replace) Reset();
            for (int q = 0; q < n; q++) _x[q] += Math.Max(0, xs[q]);
            return;
        }
        double f = values[p + c], lag = values[p + n + c];
        if (!double.IsFinite(f) || f < 0) throw new DataSetFormatException(r.Row, $"F{c + 1}", $"the bioavailability F{c + 1} must be finite and >= 0, got {Guard.F(f)}.");
        if (!double.IsFinite(lag) || lag < 0) throw new DataSetFormatException(r.Row, $"ALAG{c + 1}", $"the lag time ALAG{c + 1} must be finite and >= 0 h, got {Guard.F(lag)}.");
        double amount = f * r.AmountMg, rate = 0, duration = 0;
        if (r.RateMgPerH > 0)
        {
            // NONMEM: F on a fixed-rate infusion keeps the rate; the duration becomes F x AMT / RATE.
            rate = r.RateMgPerH;
            duration = amount / rate;
        }
        else if (r.RateMgPerH == -1)
        {
            // NONMEM: the span is F x AMT / Rn with this record's Rn; the rate then follows Rn stretch by stretch (Advance).
            rate = Modeled(r, values[p + 3 * n + c], "rate", "mg/h", "an", $"R{c + 1}", MaxModeledRateMgPerH);
            duration = amount / rate;
        }
        else if (r.RateMgPerH == -2)
        {
            // NONMEM: F on a modeled-duration infusion keeps the duration and scales the rate.
            duration = Modeled(r, values[p + 2 * n + c], "duration", "h", "a", $"D{c + 1}", double.MaxValue);
            rate = amount / duration;
        }
        bool infusion = rate > 0 && duration > 0;
        bool modeled = infusion && r.RateMgPerH == -1;
        if (r.SteadyState == SteadyStateKind.Replace) Reset();
        if (r.SteadyState != SteadyStateKind.None) SteadyState(inst, r, c, amount, infusion ? rate : 0, infusion ? duration : 0, lag, modeled);
        _series.Add(new Series(r.TimeH, r.IntervalH, r.AdditionalDoses, lag, c, amount, infusion ? rate : 0, infusion ? duration : 0, modeled));
        Enqueue(new Pending(r.TimeH + lag, PendingKind.SeriesDose, c, 0, _series.Count - 1, 0));
    }

    /// <summary>
    /// Adds the periodic state at the record's time of the dose repeated every II before it (doses at t - k II, k &gt;= 1,
    /// lags and overlapping infusions included), and schedules the parts of those doses that fall at or after t.
    /// </summary>
    /// <remarks>
    /// Over one interval W = [t - II, t) the earlier doses deliver a periodic input (each dose's bolus or infusion folded
    /// into W). With g the state at t reached from zero at t - II under that input, the periodic state P satisfies
    /// P = exp(K II) P + g, solved by LU: P = (I - exp(K II))^-1 g.
    /// </remarks>
    private void SteadyState(Instance inst, EventRecord r, int c, double amount, double rate, double duration, double lag, bool modeled)
    {
        int n = _n;
        double tau = r.IntervalH, t = r.TimeH;
        double spans = (lag + duration) / tau;
        if (spans > 100_000) throw new DataSetFormatException(r.Row, "II", $"the dose's lag and duration span {Guard.F(spans)} intervals of II = {Guard.F(tau)} h; at most 100000 are supported.");
        int kMax = (int)Math.Floor(spans) + 1;
        var boluses = new List<(int Compartment, double At, double Amount)>();
        var segments = new List<(int Compartment, double From, double To, double Rate)>();
        for (int k = 1; k <= kMax; k++)
        {
            double s = lag - (k - 1) * tau; // start of delivery of the dose given at t - k II, relative to t - II
            if (rate == 0)
            {
                if (s >= 0 && s < tau) boluses.Add((c, s, amount));
                else if (s >= tau) Enqueue(new Pending(t + (s - tau), PendingKind.Bolus, c, amount, -1, 0));
            }
            else
            {
                double from = Math.Max(s, 0), to = Math.Min(s + duration, tau);
                if (from < to) segments.Add((c, from, to, rate));
                if (s + duration > tau)
                {
                    double tail = Math.Max(s, tau);
                    Enqueue(new Pending(t + (tail - tau), modeled ? PendingKind.ModeledOn : PendingKind.RateOn, c, rate, -1, 0));
                    Enqueue(new Pending(t + (s + duration - tau), modeled ? PendingKind.ModeledOff : PendingKind.RateOff, c, rate, -1, 0));
                }
            }
        }

        // g: from zero at t - II through the folded input of one interval (PeriodicState, shared with DosingRegimen.WithSteadyState).
        Span<double> g = stackalloc double[n];
        g.Clear();
        PeriodicState.Integrate(inst.Propagator, n, tau, boluses, segments, g);

        if (inst.SsInterval != tau)
        {
            var m = new double[n * n];
            var piv = new int[n];
            if (!PeriodicState.Factor(inst.Propagator, n, tau, m, piv))
                throw new DataSetFormatException(r.Row, "II", $"no steady state: I - exp(K II) is singular for II = {Guard.F(tau)} h (a compartment that never drains?).");
            inst.SsLu = m;
            inst.SsPivots = piv;
            inst.SsInterval = tau;
        }
        DenseLu.Solve(inst.SsLu, n, inst.SsPivots, g);
        for (int q = 0; q < n; q++) _x[q] += Math.Max(0, g[q]);
    }

    private void Enqueue(Pending e) => _queue.Enqueue(e, (e.Time, _seq++));

    private static double Tolerance(double t) => 1e-10 * Math.Max(1, Math.Abs(t));

    /// <summary>Processes every pending event due at or before <paramref name="limit"/>, advancing to each.</summary>
    private void ProcessPending(Instance inst, double limit)
    {
        double tol = Tolerance(limit);
        while (_queue.TryPeek(out var e, out _) && e.Time <= limit + tol)
        {
            _queue.Dequeue();
            Advance(inst, Math.Min(e.Time, limit));
            switch (e.Kind)
            {
                case PendingKind.Bolus:
                    _x[e.Compartment] += e.Value;
                    break;
                case PendingKind.RateOn:
                    _b[e.Compartment] += e.Value;
                    break;
                case PendingKind.RateOff:
                    _b[e.Compartment] -= e.Value;
                    if (Math.Abs(_b[e.Compartment]) <= 1e-12 * e.Value) _b[e.Compartment] = 0;
                    break;
                case PendingKind.ModeledOn:
                    _modeled[e.Compartment]++;
                    break;
                case PendingKind.ModeledOff:
                    _modeled[e.Compartment]--;
                    break;
                case PendingKind.SeriesDose:
                    var s = _series[e.Series];
                    if (s.Modeled)
                    {
                        _modeled[s.Compartment]++;
                        Enqueue(new Pending(e.Time + s.DurationH, PendingKind.ModeledOff, s.Compartment, 0, -1, 0));
                    }
                    else if (s.RateMgPerH > 0)
                    {
                        _b[s.Compartment] += s.RateMgPerH;
                        Enqueue(new Pending(e.Time + s.DurationH, PendingKind.RateOff, s.Compartment, s.RateMgPerH, -1, 0));
                    }
                    else _x[s.Compartment] += s.AmountMg;
                    if (e.Index < s.Additional)
                        Enqueue(new Pending(s.StartH + (e.Index + 1) * s.IntervalH + s.LagH, PendingKind.SeriesDose, s.Compartment, 0, e.Series, e.Index + 1));
                    break;
            }
        }
    }

    /// <summary>
    /// Advances the state from the current time to <paramref name="toH"/> with the running infusions, adding the exact CP
    /// integral. Running modeled-rate infusions add the governing record's Rn each (<see cref="Govern"/>).
    /// </summary>
    private void Advance(Instance inst, double toH)
    {
        double h = toH - _t;
        if (h <= 0) return;
        int n = _n;
        var b = _b;
        for (int q = 0; q < n; q++)
        {
            if (_modeled[q] == 0) continue;
            if (b == _b)
            {
                Array.Copy(_b, _input, n);
                b = _input;
            }
            b[q] += _modeled[q] * GoverningRate(q, toH);
        }
        bool input = false;
        foreach (var v in b) input |= v != 0;
        Span<double> change = stackalloc double[n];
        for (int q = 0; q < n; q++) change[q] = -_x[q] - h * b[q];
        inst.Propagator.Step(_x, inst.Propagator.Prepare(b, input, h));
        double integral = 0;
        for (int q = 0; q < n; q++) integral += inst.CentralWeights[q] * (change[q] + _x[q]);
        _auc += integral / inst.CentralL * Ng;
        _t = toH;
    }

    /// <summary>The Rn of compartment <paramref name="c"/> for the stretch being advanced: finite, &gt; 0 and at most the RATE limit.</summary>
    private double GoverningRate(int c, double toH)
    {
        double rate = _governingRates[c];
        if (rate > 0 && rate <= MaxModeledRateMgPerH) return rate;
        string which = _timing == ParameterTiming.NextRecord ? "the record that ends it (NONMEM's convention)" : "the record that starts it (LOCF)";
        throw new DataSetFormatException(_governingRow, $"R{c + 1}",
            $"a RATE -1 infusion into compartment {c + 1} runs over the stretch from {Guard.F(_t)} to {Guard.F(toH)} h, and a modeled rate acts over each stretch between records " +
            $"with the R{c + 1} of {which}; R{c + 1} must be > 0 and at most {Guard.F(MaxModeledRateMgPerH)} mg/h there, {Got(rate)}: give R{c + 1} on every record while the infusion runs.");
    }

    private Instance InstanceFor(ReadOnlySpan<double> values, int row)
    {
        var key = values[.._p];
        if (_recent is { } a && key.SequenceEqual(a.Key)) return a;
        if (_older is { } b && key.SequenceEqual(b.Key))
        {
            (_recent, _older) = (b, _recent);
            return b;
        }
        int n = _n;
        var k = new double[n * n];
        var (central, metabolite) = _kernel.Build(key, k, row);
        var lu = (double[])k.Clone();
        var piv = new int[n];
        if (!DenseLu.Factor(lu, n, piv))
            throw new DataSetFormatException(row, "(parameters)", $"model '{_model.Name}': the rate matrix is singular; every compartment must drain to elimination.");
        // Integral of A_c over a step = w . (A1 - A0 - h b) with w = K^-T e_c.
        var w = new double[n];
        w[_kernel.Central] = 1;
        DenseLu.SolveTransposed(lu, n, piv, w);
        var inst = new Instance
        {
            Key = key.ToArray(), K = k, Lu = lu, Pivots = piv, CentralWeights = w, CentralL = central, MetaboliteL = metabolite,
            Propagator = new LinearPropagator(k, n),
        };
        _older = _recent;
        _recent = inst;
        return inst;
    }
}

using System.Collections.Immutable;
using System.Runtime.InteropServices;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// Simulates a <see cref="PkPdModel"/>: the pharmacokinetics, each effect's effect-site concentration, and each effect.
/// </summary>
/// <remarks>
/// <para>With <see cref="SolverMethod.Exact"/> (the default) the PK amounts and the effect sites are propagated exactly
/// (matrix exponentials) and effect filter states by exact integration of the filter with its input integrated by
/// Boole's rule on exact effect-site states at the step's quarters. Steps are at most <see cref="FineStep"/> long within
/// <see cref="FineWindow"/> of any input starting or ending, <see cref="MediumStep"/> within <see cref="MediumWindow"/>
/// after an input starts, and <see cref="CoarseStep"/> otherwise. For the antidepressant model after 0.5 mg/kg over 40 min
/// this is within 3e-4 relative of RODAS4 at rtol 1e-10 at 40 min and within 3e-5 from 4 h on (tested). The adaptive
/// methods integrate the whole system as one ODE.</para>
/// <para>Thread-safe: all state is local to a call.</para>
/// </remarks>
internal static class PkPdSimulator
{
    /// <summary>Longest exact step for filtered effects within <see cref="FineWindow"/> of any input starting or ending: 5 min.</summary>
    public static readonly TimeSpan FineStep = TimeSpan.FromMinutes(5);

    /// <summary>How long after an input starts or ends the fine step applies: 2 h.</summary>
    public static readonly TimeSpan FineWindow = TimeSpan.FromHours(2);

    /// <summary>Longest exact step within <see cref="MediumWindow"/> after an input starts: 30 min.</summary>
    public static readonly TimeSpan MediumStep = TimeSpan.FromMinutes(30);

    /// <summary>How long after an input starts the medium step applies: 12 h.</summary>
    public static readonly TimeSpan MediumWindow = TimeSpan.FromHours(12);

    /// <summary>Longest exact step for filtered effects otherwise: 2 h.</summary>
    public static readonly TimeSpan CoarseStep = TimeSpan.FromHours(2);

    /// <summary>Runs a simulation.</summary>
    /// <param name="model">The individual's PK-PD model.</param>
    /// <param name="regimen">The doses.</param>
    /// <param name="options">Duration, outputs and solver; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">A route the model does not support, or an intranasal dose that is not a whole number of devices.</exception>
    /// <exception cref="OdeSolverException">An adaptive solver failed.</exception>
    public static PkPdSimulationResult Simulate(PkPdModel model, DosingRegimen regimen, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(regimen);
        options ??= SimulationOptions.Default;
        return SimulatePrepared(model, regimen, options, PreparedPk.Create(model.Pk, regimen), options.SharedOutputTimesH());
    }

    /// <summary><see cref="Simulate(PkPdModel, DosingRegimen, SimulationOptions?)"/> on the model's PK already prepared for the
    /// regimen (<paramref name="prepared"/>, from <see cref="PreparedPk.Create"/>) and the options' output times already in
    /// hours: the same arithmetic in the same order, so the same values bit for bit.</summary>
    internal static PkPdSimulationResult SimulatePrepared(PkPdModel model, DosingRegimen regimen, SimulationOptions options, PreparedPk prepared, double[] outputTimesH)
    {
        var (sys, inputs) = (prepared.System, prepared.Inputs);
        var pd = new PkPdSystem(model.Effects.AsSpan(), sys);
        var march = March(pd, prepared, outputTimesH, options);
        var solution = new PkSolution(sys, inputs, march);
        var pk = new PkSimulationResult(model.Pk, regimen, options, solution);

        int count = march.OutputTimesH.Length, width = march.Width;
        var states = march.OutputStates;
        var effects = ImmutableArray.CreateBuilder<EffectTimeCourse>(model.Effects.Length);
        LinearPropagator? peakPropagator = null;
        for (int e = 0; e < model.Effects.Length; e++)
        {
            var fx = model.Effects[e];
            var values = new double[count];
            var sites = new double[count];
            for (int k = 0; k < count; k++)
            {
                var row = states.AsSpan(k * width, width);
                values[k] = pd.EffectValue(e, row);
                sites[k] = row[pd.EffectSite(e)];
            }
            double maxValue = double.NegativeInfinity, maxTime = 0, minValue = double.PositiveInfinity, minTime = 0;
            for (int p = 0; p < march.Points.Count; p++)
            {
                double v = pd.EffectValue(e, march.Points.State(p, states));
                if (v > maxValue) { maxValue = v; maxTime = march.Points.Time(p); }
                if (v < minValue) { minValue = v; minTime = march.Points.Time(p); }
            }
            if (fx.FilterStates == 0 && fx.ToleranceStates == 0)
            {
                // A direct effect monotone in Ce: its peak is at the effect-site concentration's.
                peakPropagator ??= LinearPropagator.Rent(pd.K, pd.N);
                var (t, ce) = PeakSearch.Maximum(peakPropagator, pd.K, pd.N, march.Points, states, solution.ReusedRates(pd.N), solution.EventTimesH, pd.EffectSite(e));
                double v = fx.Effect(ce, ReadOnlySpan<double>.Empty);
                if (v > maxValue) { maxValue = v; maxTime = t; }
            }
            else if (fx.FilterStates == 0)
            {
                // A direct effect of the effect site and its tolerance compartments: the peak of that function of the linear state.
                peakPropagator ??= LinearPropagator.Rent(pd.K, pd.N);
                int index = e;
                var (t, v) = PeakSearch.MaximumOf(peakPropagator, pd.K, pd.N, march.Points, states, solution.ReusedRates(pd.N), solution.EventTimesH,
                    x => pd.EffectValue(index, x), (x, dx) => pd.EffectRate(index, x, dx), x => pd.EffectUpperBound(index, x),
                    pd.EffectSite(index), x => pd.EffectOfSite(index, x));
                if (v > maxValue) { maxValue = v; maxTime = t; }
            }
            effects.Add(new EffectTimeCourse(fx.Name, fx.Unit, ImmutableCollectionsMarshal.AsImmutableArray(values),
                ImmutableCollectionsMarshal.AsImmutableArray(sites), maxValue, maxTime, minValue, minTime));
        }
        if (peakPropagator is not null) LinearPropagator.Return(peakPropagator);
        return new PkPdSimulationResult(model, pk, effects.MoveToImmutable());
    }

    /// <summary>
    /// The values of one effect at the output times <paramref name="at"/> (indices into <paramref name="outputTimesH"/>) on a
    /// prepared PK, written to <paramref name="into"/>: the values <see cref="Simulate(PkPdModel, DosingRegimen, SimulationOptions?)"/>
    /// gives for a model of that PK and this effect alone (the same march and the same arithmetic), without the PK result, the
    /// exposure metrics, the effect's extremes or any per-call array but the march's own.
    /// </summary>
    /// <remarks>With a <paramref name="tape"/> (a worker's), a course of the same patient's PK and an effect with the same linear part as
    /// the tape's recording replays its propagators (<see cref="PropagatorTape"/>); the values are the same with or without it.</remarks>
    internal static void EffectValues(PreparedPk prepared, EffectModel effect, SimulationOptions options, double[] outputTimesH, ReadOnlySpan<int> at, Span<double> into,
        PropagatorTape? tape = null)
    {
        var pd = PkPdSystem.Rent(effect, prepared.System);
        var march = March(pd, prepared, outputTimesH, options, tape, rent: true);
        int width = march.Width;
        var states = march.OutputStates;
        for (int i = 0; i < at.Length; i++) into[i] = pd.EffectValue(0, states.AsSpan(at[i] * width, width));
        LinearMarch.Return(march);
        PkPdSystem.Return(pd);
    }

    /// <summary>The exact or adaptive march of <paramref name="pd"/> through the prepared inputs, run.</summary>
    /// <param name="pd">The system.</param>
    /// <param name="prepared">The patient's PK under its regimen.</param>
    /// <param name="outputTimesH">Output times, h.</param>
    /// <param name="options">Solver.</param>
    /// <param name="tape">Optional: a worker's propagator tape (<see cref="PropagatorTape"/>).</param>
    /// <param name="rent">Run on this thread's spare march (<see cref="LinearMarch.Rent"/>): the caller reads the results and gives it back
    /// with <see cref="LinearMarch.Return"/> before the thread's next march.</param>
    internal static LinearMarch March(PkPdSystem pd, PreparedPk prepared, double[] outputTimesH, SimulationOptions options, PropagatorTape? tape = null, bool rent = false)
    {
        bool filtered = pd.States > 0;
        var march = rent
            ? LinearMarch.Rent(pd.K, pd.N, prepared.Events, outputTimesH, 24, options.Method, options.Tolerances,
                filter: filtered ? pd : null, maxStep: filtered ? prepared.StepLimit : null, captureTimes: CaptureAt24, tape: tape)
            : new LinearMarch(pd.K, pd.N, prepared.Events, outputTimesH, 24, options.Method, options.Tolerances,
                filter: filtered ? pd : null, maxStep: filtered ? prepared.StepLimit : null, captureTimes: CaptureAt24, tape: tape);
        march.Run();
        return march;
    }

    /// <summary>The march keeps the state at 24 h (AUC0-24); never written.</summary>
    private static readonly double[] CaptureAt24 = [24];

    /// <summary>The step limit at time t: fine shortly after any input starts or ends, medium for half a day after an input
    /// starts, coarse otherwise.</summary>
    /// <remarks>The function depends only on the inputs' distinct start and end times, which are the same for every patient of a trial
    /// arm: the thread's last one is returned again when they are the same bit for bit (it reads only arrays never written), so a
    /// patient's prepared PK makes no function and no arrays.</remarks>
    internal static Func<double, double> StepLimit(List<DoseInput> inputs)
    {
        // The distinct start times, and the distinct start and end times, ascending (no LINQ: a course is made per patient).
        int n = inputs.Count;
        Span<double> buffer = n <= 64 ? stackalloc double[3 * n] : new double[3 * n];
        int count = 0;
        foreach (var input in inputs) buffer[count++] = input.StartH;
        var starts = buffer.Slice(2 * n, SortedDistinct(buffer[..count]));
        buffer[..starts.Length].CopyTo(starts);
        foreach (var input in inputs)
            if (input.DurationH > 0) buffer[count++] = input.EndH;
        var changes = buffer[..SortedDistinct(buffer[..count])];
        if (_lastStepLimit is { } last && Bits.Same(starts, _lastStarts) && Bits.Same(changes, _lastChanges)) return last;
        double[] startTimes = starts.ToArray(), changeTimes = changes.ToArray();
        var limit = StepLimit(startTimes, changeTimes);
        (_lastStarts, _lastChanges, _lastStepLimit) = (startTimes, changeTimes, limit);
        return limit;
    }

    /// <summary>The step limit of inputs that start at <paramref name="starts"/> and start or end at <paramref name="changes"/> (both
    /// distinct and ascending, never written). Its own method: the closure is made only here, not on every call of the one above.</summary>
    private static Func<double, double> StepLimit(double[] starts, double[] changes)
    {
        double fine = Units.Hours(FineStep), fineWindow = Units.Hours(FineWindow);
        double medium = Units.Hours(MediumStep), mediumWindow = Units.Hours(MediumWindow), coarse = Units.Hours(CoarseStep);
        static double SinceLatest(double[] times, double t)
        {
            int i = Array.BinarySearch(times, t + LinearMarch.TimeEpsH);
            int last = i >= 0 ? i : ~i - 1;
            return last >= 0 ? t - times[last] : double.PositiveInfinity;
        }
        return t => SinceLatest(changes, t) < fineWindow ? fine : SinceLatest(starts, t) < mediumWindow ? medium : coarse;
    }

    // The step limit this thread made last and the times it was made from (see StepLimit).
    [ThreadStatic] private static double[]? _lastStarts, _lastChanges;
    [ThreadStatic] private static Func<double, double>? _lastStepLimit;

    /// <summary>Sorts <paramref name="values"/> and moves its distinct values, ascending, to its front; returns how many there are.</summary>
    private static int SortedDistinct(Span<double> values)
    {
        values.Sort();
        int distinct = 0;
        for (int i = 0; i < values.Length; i++)
            if (distinct == 0 || values[i] != values[distinct - 1]) values[distinct++] = values[i];
        return distinct;
    }
}

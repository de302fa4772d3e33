using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// What a trial patient keeps of one effect simulated on its prepared PK (the dissociation): the parent concentration and the
/// effect at one output, the effect's peak and, when asked, the parent's Cmax and AUC0-24. The same march, peak searches and
/// arithmetic as <see cref="PkPdSimulator.Simulate(PkPdModel, DosingRegimen, SimulationOptions?)"/> of a model of that PK and this
/// effect alone followed by <c>PkSimulationResult.ParentCmaxAndAuc24</c>, so the same values bit for bit, without the result
/// objects: no PK result, lazy metrics, concentration or effect arrays, effect course or effect minimum.
/// </summary>
internal static class DissociationRun
{
    /// <summary>The kept values (ng/mL, ng.h/mL, the effect's unit); Cmax and AUC0-24 are NaN when not asked for.</summary>
    internal readonly record struct Outcome(double ParentNgPerMl, double Value, double Peak, double CmaxNgPerMl, double Auc0To24NgHPerMl);

    /// <summary>The check <see cref="PkPdModel"/>'s constructor makes of an effect on <paramref name="pk"/> (the run makes no model).</summary>
    /// <exception cref="ArgumentException">The effect is driven by the metabolite and the model has none.</exception>
    public static void CheckDriver(PkModel pk, EffectModel effect)
    {
        if (effect.Driver == EffectDriver.Metabolite && pk.MetaboliteCompartment is null)
            throw new ArgumentException($"Effect '{effect.Name}' is driven by the metabolite, but model '{pk.Name}' has none.", "effects");
    }

    /// <param name="prepared">The patient's PK under its regimen.</param>
    /// <param name="effect">The effect.</param>
    /// <param name="options">Solver (the output times are <paramref name="outputTimesH"/>).</param>
    /// <param name="outputTimesH">Output times, h (sorted, from 0).</param>
    /// <param name="at">The output whose concentration and effect are kept.</param>
    /// <param name="exposure">Also the parent's Cmax and AUC0-24 (a peak search of its own).</param>
    /// <param name="tape">Optional (a worker's): replays the propagators of the march of the same PK and an effect with the same linear
    /// part (another dissociation's spread of C50 or EMAX) simulated just before on the same thread (<see cref="PropagatorTape"/>);
    /// the values are the same with or without it.</param>
    /// <param name="peak">Also the effect's peak (false: NaN, and no search for it, for a caller that does not read it).</param>
    public static Outcome Simulate(PreparedPk prepared, EffectModel effect, SimulationOptions options, double[] outputTimesH, int at, bool exposure,
        PropagatorTape? tape = null, bool peak = true)
    {
        var sys = prepared.System;
        var pd = PkPdSystem.Rent(effect, sys);
        var march = PkPdSimulator.March(pd, prepared, outputTimesH, options, tape, rent: true);
        var solution = PkSolution.Rent(sys, prepared.Inputs, march);
        int width = march.Width;
        var states = march.OutputStates;
        var row = states.AsSpan(at * width, width);
        double parent = sys.ParentNgPerMl(row), value = pd.EffectValue(0, row);

        // The effect's maximum as SimulatePrepared finds it: over the evaluated points, then on the exact solution for a direct effect.
        double maxValue = peak ? double.NegativeInfinity : double.NaN;
        for (int p = 0; peak && p < march.Points.Count; p++)
        {
            double v = pd.EffectValue(0, march.Points.State(p, states));
            if (v > maxValue) maxValue = v;
        }
        if (peak && effect.FilterStates == 0)
        {
            var rates = PkSolution.RatesCursor.Rent(solution, pd.N);
            var peakPropagator = LinearPropagator.Rent(pd.K, pd.N);
            double v;
            if (effect.ToleranceStates == 0)
            {
                var (_, ce) = PeakSearch.Maximum(peakPropagator, pd.K, pd.N, march.Points, states, rates.At, solution.EventTimesH, pd.EffectSite(0));
                v = effect.Effect(ce, ReadOnlySpan<double>.Empty);
            }
            else
                (_, v) = PeakSearch.MaximumOf(peakPropagator, pd.K, pd.N, march.Points, states, rates.At, solution.EventTimesH,
                    pd.FirstValue, pd.FirstRate, pd.FirstUpperBound, pd.EffectSite(0), pd.FirstOfSite);
            if (v > maxValue) maxValue = v;
            LinearPropagator.Return(peakPropagator);
            PkSolution.RatesCursor.Return(rates);
        }
        var outcome = new Outcome(parent, value, maxValue, double.NaN, double.NaN);
        if (exposure)
        {
            // The cursor rented and given back around the search (as a new ReusedRates function: the same rates).
            var rates = PkSolution.RatesCursor.Rent(solution, sys.M);
            outcome = outcome with
            {
                CmaxNgPerMl = Math.Max(0, solution.Peak(metabolite: false, rates.At).CmaxNgPerMl),
                Auc0To24NgHPerMl = Math.Max(0, solution.Auc0To24(metabolite: false)),
            };
            PkSolution.RatesCursor.Return(rates);
        }
        PkSolution.Return(solution);
        LinearMarch.Return(march);   // the solution read its arrays; not used past here
        PkPdSystem.Return(pd);
        return outcome;
    }
}

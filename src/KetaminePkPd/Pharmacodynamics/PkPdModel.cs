using System.Collections.Immutable;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// One individual's pharmacokinetic model together with the effect models it drives. Immutable and always valid.
/// </summary>
public sealed class PkPdModel
{
    /// <summary>Creates the composite.</summary>
    /// <param name="pk">The pharmacokinetic model.</param>
    /// <param name="effects">One or more effect models with distinct names.</param>
    /// <exception cref="ArgumentException">No effects, duplicate names, or an effect driven by a metabolite the model lacks.</exception>
    public PkPdModel(PkModel pk, IEnumerable<EffectModel> effects)
    {
        ArgumentNullException.ThrowIfNull(pk);
        ArgumentNullException.ThrowIfNull(effects);
        Pk = pk;
        Effects = [.. effects];
        if (Effects.IsEmpty) throw new ArgumentException("A PK-PD model needs at least one effect.", nameof(effects));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Effects)
        {
            if (e is null) throw new ArgumentException("effects must not contain null.", nameof(effects));
            if (!names.Add(e.Name)) throw new ArgumentException($"Effect name '{e.Name}' is used twice.", nameof(effects));
            if (e.Driver == EffectDriver.Metabolite && pk.MetaboliteCompartment is null)
                throw new ArgumentException($"Effect '{e.Name}' is driven by the metabolite, but model '{pk.Name}' has none.", nameof(effects));
        }
    }

    /// <summary>
    /// The project's default PK-PD model of one individual: <paramref name="pk"/> driving the two effects of
    /// <paramref name="effects"/> (the typical <see cref="EffectParameterSet.Default"/> when null), dissociation
    /// (<see cref="EffectParameterSet.DissociationName"/>, CADSS points) and the antidepressant drug effect
    /// (<see cref="EffectParameterSet.AntidepressantName"/>, MADRS points, negative = improvement), in that order, with
    /// the potencies of <paramref name="drug"/> (docs/model.md sections 4.1-4.2).
    /// </summary>
    /// <param name="pk">The pharmacokinetic model of the individual.</param>
    /// <param name="drug">The drug given: esketamine halves C50 of dissociation and EC50 of the antidepressant effect.</param>
    /// <param name="effects">The effect parameters; null for the typical (PROVISIONAL) ones.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pk"/> is null.</exception>
    public static PkPdModel Default(PkModel pk, Drug drug, EffectParameterSet? effects = null)
    {
        ArgumentNullException.ThrowIfNull(pk);
        var fx = effects ?? EffectParameterSet.Default;
        return new PkPdModel(pk, [fx.Dissociation(drug), fx.Antidepressant(drug)]);
    }

    /// <summary>The pharmacokinetic model.</summary>
    public PkModel Pk { get; }

    /// <summary>The effects, in order.</summary>
    public ImmutableArray<EffectModel> Effects { get; }

    /// <summary>Index of the named effect.</summary>
    /// <exception cref="ArgumentException">No such effect.</exception>
    public int IndexOf(string effect)
    {
        for (int i = 0; i < Effects.Length; i++)
            if (Effects[i].Name == effect) return i;
        throw new ArgumentException($"No effect named '{effect}'; effects are {string.Join(", ", Effects.Select(e => e.Name))}.", nameof(effect));
    }

    /// <summary>Simulates this model under a regimen: the pharmacokinetics, each effect's effect-site concentration, and each effect.</summary>
    /// <remarks>With <see cref="SolverMethod.Exact"/> (the default) the PK amounts and the effect sites are propagated exactly
    /// (matrix exponentials) and effect filter states by exact integration of the filter with its input integrated by Boole's
    /// rule on exact effect-site states at the step's quarters; steps are at most 5 min within 2 h of any input starting or
    /// ending, 30 min within 12 h after an input starts and 2 h otherwise. For the antidepressant model after 0.5 mg/kg over
    /// 40 min this is within 3e-4 relative of RODAS4 at rtol 1e-10 at 40 min and within 3e-5 from 4 h on (tested). The
    /// adaptive methods integrate the whole system as one ODE. Thread-safe: all state is local to a call.</remarks>
    /// <param name="regimen">The doses.</param>
    /// <param name="options">Duration, outputs and solver; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="regimen"/> is null.</exception>
    /// <exception cref="ArgumentException">A route the model does not support, or an intranasal dose that is not a whole number of devices.</exception>
    /// <exception cref="Numerics.OdeSolverException">An adaptive solver failed.</exception>
    public PkPdSimulationResult Simulate(DosingRegimen regimen, SimulationOptions? options = null) => PkPdSimulator.Simulate(this, regimen, options);
}

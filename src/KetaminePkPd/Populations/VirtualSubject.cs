using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Populations;

/// <summary>One sampled member of a <see cref="PopulationModel"/>: covariates and random effects. Immutable.</summary>
/// <param name="Index">Index within the population (its random stream derives from the seed and this index).</param>
/// <param name="Subject">Covariates.</param>
/// <param name="PkRandomEffects">One eta per parameter of the population's PK set (0 where there is no variability).</param>
/// <param name="EffectRandomEffects">One eta per parameter of the population's effect set.</param>
public sealed record VirtualSubject(int Index, Subject Subject, EquatableArray<double> PkRandomEffects, EquatableArray<double> EffectRandomEffects)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NonNegative(Index, nameof(Index)) >= 0 && Guard.NotNull(Subject, nameof(Subject)) is not null
        && Guard.FiniteValues(PkRandomEffects, nameof(PkRandomEffects)).Length >= 0 && Guard.FiniteValues(EffectRandomEffects, nameof(EffectRandomEffects)).Length >= 0;

    /// <summary>This subject's pharmacokinetic model.</summary>
    public PkModel CreatePkModel(PkParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.CreateModel(Subject, PkRandomEffects.AsSpan());
    }

    /// <summary>This subject's dissociation model.</summary>
    public SigmoidEmaxModel CreateDissociation(EffectParameterSet set, Drug drug) => set.Dissociation(drug, EffectRandomEffects.AsSpan());

    /// <summary>This subject's antidepressant model.</summary>
    public PlasticityModel CreateAntidepressant(EffectParameterSet set, Drug drug) => set.Antidepressant(drug, EffectRandomEffects.AsSpan());
}

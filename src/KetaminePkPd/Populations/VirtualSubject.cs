using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Populations;

/// <summary>One sampled member of a <see cref="PopulationModel"/>: covariates and random effects. Immutable.</summary>
public sealed record VirtualSubject
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="index">Index within the population (its random stream derives from the seed and this index).</param>
    /// <param name="subject">Covariates.</param>
    /// <param name="pkRandomEffects">One eta per parameter of the population's PK set (0 where there is no variability).</param>
    /// <param name="effectRandomEffects">One eta per parameter of the population's effect set.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public VirtualSubject(int index, Subject subject, EquatableArray<double> pkRandomEffects, EquatableArray<double> effectRandomEffects)
    {
        Index = index;
        Subject = subject;
        PkRandomEffects = pkRandomEffects;
        EffectRandomEffects = effectRandomEffects;
    }

    /// <summary>Index within the population (its random stream derives from the seed and this index).</summary>
    public int Index { get; init => field = Guard.NonNegative(value, nameof(Index)); }

    /// <summary>Covariates.</summary>
    public Subject Subject { get; init => field = Guard.NotNull(value, nameof(Subject)); }

    /// <summary>One eta per parameter of the population's PK set (0 where there is no variability).</summary>
    public EquatableArray<double> PkRandomEffects { get; init => field = Guard.FiniteValues(value, nameof(PkRandomEffects)); }

    /// <summary>One eta per parameter of the population's effect set.</summary>
    public EquatableArray<double> EffectRandomEffects { get; init => field = Guard.FiniteValues(value, nameof(EffectRandomEffects)); }

    /// <summary>This subject's pharmacokinetic model.</summary>
    public PkModel CreatePkModel(PkParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.CreateModel(Subject, PkRandomEffects.AsSpan());
    }

    /// <summary>This subject's pharmacokinetic model for simulating <paramref name="regimen"/> only (under an intravenous regimen, without
    /// the other routes' depots where the set allows: the same reduced system bit for bit; see
    /// <see cref="PkParameterSet.CreateModel(Subject, ReadOnlySpan{double}, DosingRegimen)"/>).</summary>
    internal PkModel CreatePkModel(PkParameterSet set, DosingRegimen regimen)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.CreateModel(Subject, PkRandomEffects.AsSpan(), regimen);
    }

    /// <summary>This subject's dissociation model.</summary>
    public SigmoidEmaxModel CreateDissociation(EffectParameterSet set, Drug drug) => set.Dissociation(drug, EffectRandomEffects.AsSpan());

    /// <summary>This subject's antidepressant model.</summary>
    public PlasticityModel CreateAntidepressant(EffectParameterSet set, Drug drug) => set.Antidepressant(drug, EffectRandomEffects.AsSpan());
}

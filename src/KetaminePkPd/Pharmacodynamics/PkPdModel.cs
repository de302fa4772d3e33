using System.Collections.Immutable;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// One individual's pharmacokinetic model together with the effect models it drives, and any mediation between the
/// effects. Immutable and always valid.
/// </summary>
public sealed class PkPdModel
{
    /// <summary>Creates the composite.</summary>
    /// <param name="pk">The pharmacokinetic model.</param>
    /// <param name="effects">One or more effect models with distinct names.</param>
    /// <param name="mediation">An optional mediation link between two of the effects.</param>
    /// <exception cref="ArgumentException">No effects, duplicate names, an effect driven by a metabolite the model lacks, or a
    /// mediation link naming unknown effects, a mediator without a maximum or a target without filter states.</exception>
    public PkPdModel(PkModel pk, IEnumerable<EffectModel> effects, MediationLink? mediation = null)
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
        if (mediation is not null)
        {
            var from = Effects.FirstOrDefault(e => e.Name == mediation.From)
                ?? throw new ArgumentException($"Mediation names unknown effect '{mediation.From}'; effects are {string.Join(", ", names)}.", nameof(mediation));
            var to = Effects.FirstOrDefault(e => e.Name == mediation.To)
                ?? throw new ArgumentException($"Mediation names unknown effect '{mediation.To}'; effects are {string.Join(", ", names)}.", nameof(mediation));
            if (from.FractionOfMaximum(1) is null) throw new ArgumentException($"Mediator '{from.Name}' has no maximum effect to take a share of.", nameof(mediation));
            if (to.FilterStates == 0) throw new ArgumentException($"Mediated effect '{to.Name}' has no filter input to mix into.", nameof(mediation));
            if (ReferenceEquals(from, to)) throw new ArgumentException("An effect cannot mediate itself.", nameof(mediation));
        }
        Mediation = mediation;
    }

    /// <summary>
    /// The project's default PK-PD model of one individual: <paramref name="pk"/> driving the two effects of
    /// <paramref name="effects"/> (the typical <see cref="EffectParameterSet.Default"/> when null), dissociation
    /// (<see cref="EffectParameterSet.DissociationName"/>, CADSS points) and the antidepressant drug effect
    /// (<see cref="EffectParameterSet.AntidepressantName"/>, MADRS points, negative = improvement), in that order, with
    /// the potencies of <paramref name="drug"/> and no mediation (docs/model.md sections 4.1-4.2).
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

    /// <summary>The mediation link, or null.</summary>
    public MediationLink? Mediation { get; }

    /// <summary>Index of the named effect.</summary>
    /// <exception cref="ArgumentException">No such effect.</exception>
    public int IndexOf(string effect)
    {
        for (int i = 0; i < Effects.Length; i++)
            if (Effects[i].Name == effect) return i;
        throw new ArgumentException($"No effect named '{effect}'; effects are {string.Join(", ", Effects.Select(e => e.Name))}.", nameof(effect));
    }
}

using System.Collections.Immutable;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>The outcome of <see cref="PkPdModel.Simulate"/>: the pharmacokinetic result and one time course per effect. Immutable.</summary>
public sealed class PkPdSimulationResult
{
    internal PkPdSimulationResult(PkPdModel model, PkSimulationResult pk, ImmutableArray<EffectTimeCourse> effects)
    {
        Model = model;
        Pk = pk;
        Effects = effects;
    }

    /// <summary>The model simulated.</summary>
    public PkPdModel Model { get; }

    /// <summary>Concentrations, amounts and exposure metrics.</summary>
    public PkSimulationResult Pk { get; }

    /// <summary>Output times, h (as <see cref="PkSimulationResult.TimesH"/>).</summary>
    public ImmutableArray<double> TimesH => Pk.TimesH;

    /// <summary>Output times as durations from time zero (as <see cref="PkSimulationResult.Times"/>).</summary>
    public ImmutableArray<TimeSpan> Times => Pk.Times;

    /// <summary>The effects, in the model's order.</summary>
    public ImmutableArray<EffectTimeCourse> Effects { get; }

    /// <summary>Index of the output at <paramref name="time"/>; see <see cref="PkSimulationResult.IndexOf"/>.</summary>
    /// <exception cref="ArgumentException">No output at that time.</exception>
    public int IndexOf(TimeSpan time) => Pk.IndexOf(time);

    /// <summary>The named effect's value at an output time.</summary>
    /// <exception cref="ArgumentException">No such effect, or no output at that time.</exception>
    public double EffectAt(string effect, TimeSpan time) => this[effect].Values[IndexOf(time)];

    /// <summary>The time course of <paramref name="effect"/>, one of <see cref="PkPdModel.Effects"/> (found by reference, no name lookup).</summary>
    /// <param name="effect">An effect model of <see cref="Model"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="effect"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="effect"/> is not one of the model's effects.</exception>
    public EffectTimeCourse this[EffectModel effect]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(effect);
            int i = Model.Effects.IndexOf(effect);
            return i >= 0 ? Effects[i]
                : throw new ArgumentException($"effect '{effect.Name}' is not an effect of this model (its effects are {string.Join(", ", Model.Effects.Select(e => e.Name))}).", nameof(effect));
        }
    }

    /// <summary>The dissociation effect (CADSS points) of a model built with <see cref="EffectParameterSet.Dissociation"/>.</summary>
    /// <exception cref="InvalidOperationException">The model has no effect named <see cref="EffectParameterSet.DissociationName"/>.</exception>
    public EffectTimeCourse Dissociation => Named(EffectParameterSet.DissociationName);

    /// <summary>The antidepressant drug effect (MADRS points, negative = improvement) of a model built with <see cref="EffectParameterSet.Antidepressant"/>.</summary>
    /// <exception cref="InvalidOperationException">The model has no effect named <see cref="EffectParameterSet.AntidepressantName"/>.</exception>
    public EffectTimeCourse Antidepressant => Named(EffectParameterSet.AntidepressantName);

    private EffectTimeCourse Named(string name)
    {
        for (int i = 0; i < Effects.Length; i++)
            if (Effects[i].Name == name) return Effects[i];
        throw new InvalidOperationException($"The model has no '{name}' effect; its effects are {string.Join(", ", Effects.Select(e => e.Name))}.");
    }

    /// <summary>The named effect.</summary>
    /// <exception cref="ArgumentException">No such effect.</exception>
    public EffectTimeCourse this[string effect] => Effects[Model.IndexOf(effect)];
}

using System.Collections.Immutable;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>The outcome of <see cref="PkPdSimulator.Simulate"/>: the pharmacokinetic result and one time course per effect. Immutable.</summary>
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

    /// <summary>The effects, in the model's order.</summary>
    public ImmutableArray<EffectTimeCourse> Effects { get; }

    /// <summary>Index of the output at <paramref name="time"/>; see <see cref="PkSimulationResult.IndexOf"/>.</summary>
    /// <exception cref="ArgumentException">No output at that time.</exception>
    public int IndexOf(TimeSpan time) => Pk.IndexOf(time);

    /// <summary>The named effect's value at an output time.</summary>
    /// <exception cref="ArgumentException">No such effect, or no output at that time.</exception>
    public double EffectAt(string effect, TimeSpan time) => this[effect].Values[IndexOf(time)];

    /// <summary>The named effect.</summary>
    /// <exception cref="ArgumentException">No such effect.</exception>
    public EffectTimeCourse this[string effect] => Effects[Model.IndexOf(effect)];
}

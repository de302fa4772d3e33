using System.Collections.Immutable;
using System.Globalization;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// One effect over a simulation: its values and effect-site concentrations at the output times, and its extremes.
/// For a direct effect (no filter states) the maximum is located between output points with the exact solution (it is
/// the effect at the effect-site concentration peak, exact for effects that rise with concentration such as Emax
/// models); for a filtered effect the extremes are the largest and smallest values at output and event times. Immutable.
/// </summary>
/// <param name="Name">Effect name.</param>
/// <param name="Unit">Unit of <see cref="Values"/>.</param>
/// <param name="Values">Effect at each output time.</param>
/// <param name="EffectSiteNgPerMl">Effect-site concentration at each output time, ng/mL.</param>
/// <param name="MaximumValue">Largest effect over [0, Until].</param>
/// <param name="MaximumTimeH">When it occurs, h.</param>
/// <param name="MinimumValue">Smallest effect over [0, Until].</param>
/// <param name="MinimumTimeH">When it occurs, h.</param>
public sealed record EffectTimeCourse(string Name, string Unit, EquatableArray<double> Values, EquatableArray<double> EffectSiteNgPerMl,
    double MaximumValue, double MaximumTimeH, double MinimumValue, double MinimumTimeH)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Name, nameof(Name)) is not null && Guard.NotNull(Unit, nameof(Unit)) is not null
        && Guard.FiniteValues(Values, nameof(Values)).Length >= 0 && Guard.FiniteValues(EffectSiteNgPerMl, nameof(EffectSiteNgPerMl), Values.Length).Length >= 0
        && Guard.Finite(MaximumValue, nameof(MaximumValue)) == MaximumValue && Guard.NonNegative(MaximumTimeH, nameof(MaximumTimeH)) >= 0
        && Guard.Finite(MinimumValue, nameof(MinimumValue)) == MinimumValue && Guard.NonNegative(MinimumTimeH, nameof(MinimumTimeH)) >= 0;

    /// <summary>When the maximum occurs, as a duration from time zero (<see cref="MaximumTimeH"/> to the nearest tick).</summary>
    public TimeSpan MaximumTime => Units.FromHours(MaximumTimeH);

    /// <summary>When the minimum occurs, as a duration from time zero (<see cref="MinimumTimeH"/> to the nearest tick).</summary>
    public TimeSpan MinimumTime => Units.FromHours(MinimumTimeH);

    /// <summary>Describes the extremes.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: max {MaximumValue:G4} {Unit} at {MaximumTimeH:G4} h, min {MinimumValue:G4} {Unit} at {MinimumTimeH:G4} h");
}

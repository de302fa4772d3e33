using System.Collections.Immutable;
using System.Globalization;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// One effect over a simulation: its values and effect-site concentrations at the output times, and its extremes.
/// For a direct effect (no filter states) the maximum is located between output points with the exact solution (it is
/// the effect at the effect-site concentration peak, exact for effects that rise with concentration such as Emax
/// models); for a filtered effect the extremes are the largest and smallest values at output and event times. Immutable.
/// </summary>
public sealed record EffectTimeCourse
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="name">Effect name.</param>
    /// <param name="unit">Unit of <see cref="Values"/>.</param>
    /// <param name="values">Effect at each output time.</param>
    /// <param name="effectSiteNgPerMl">Effect-site concentration at each output time, ng/mL.</param>
    /// <param name="maximumValue">Largest effect over [0, Until].</param>
    /// <param name="maximumTimeH">When it occurs, h.</param>
    /// <param name="minimumValue">Smallest effect over [0, Until].</param>
    /// <param name="minimumTimeH">When it occurs, h.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public EffectTimeCourse(string name, string unit, EquatableArray<double> values, EquatableArray<double> effectSiteNgPerMl, double maximumValue, double maximumTimeH, double minimumValue, double minimumTimeH)
    {
        Name = name;
        Unit = unit;
        Values = values;
        EffectSiteNgPerMl = effectSiteNgPerMl;
        MaximumValue = maximumValue;
        MaximumTimeH = maximumTimeH;
        MinimumValue = minimumValue;
        MinimumTimeH = minimumTimeH;
    }

    /// <summary>Effect name.</summary>
    public string Name { get; init => field = Guard.NotNull(value, nameof(Name)); }

    /// <summary>Unit of <see cref="Values"/>.</summary>
    public string Unit { get; init => field = Guard.NotNull(value, nameof(Unit)); }

    /// <summary>Effect at each output time.</summary>
    public EquatableArray<double> Values { get; init => field = Guard.FiniteValues(value, nameof(Values)); }

    /// <summary>Effect-site concentration at each output time, ng/mL.</summary>
    public EquatableArray<double> EffectSiteNgPerMl { get; init => field = Guard.FiniteValues(value, nameof(EffectSiteNgPerMl), Values.Length); }

    /// <summary>Largest effect over [0, Until].</summary>
    public double MaximumValue { get; init => field = Guard.Finite(value, nameof(MaximumValue)); }

    /// <summary>When it occurs, h.</summary>
    public double MaximumTimeH { get; init => field = Guard.NonNegative(value, nameof(MaximumTimeH)); }

    /// <summary>Smallest effect over [0, Until].</summary>
    public double MinimumValue { get; init => field = Guard.Finite(value, nameof(MinimumValue)); }

    /// <summary>When it occurs, h.</summary>
    public double MinimumTimeH { get; init => field = Guard.NonNegative(value, nameof(MinimumTimeH)); }

    /// <summary>When the maximum occurs, as a duration from time zero (<see cref="MaximumTimeH"/> to the nearest tick).</summary>
    public TimeSpan MaximumTime => Units.FromHours(MaximumTimeH);

    /// <summary>When the minimum occurs, as a duration from time zero (<see cref="MinimumTimeH"/> to the nearest tick).</summary>
    public TimeSpan MinimumTime => Units.FromHours(MinimumTimeH);

    /// <summary>Describes the extremes.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: max {MaximumValue:G4} {Unit} at {MaximumTimeH:G4} h, min {MinimumValue:G4} {Unit} at {MinimumTimeH:G4} h");
}

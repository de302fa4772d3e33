using System.Collections.Immutable;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// One setting of a sensitivity analysis: the levels that differ from the default (none for the default cell, one for a
/// tornado row, two for a heat-map cell) and the outcome against each observation. Immutable.
/// </summary>
public sealed record SensitivityCell
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="levels">The levels set (the default cell has none; a heat-map cell has two, possibly defaults).</param>
    /// <param name="outcomes">One outcome per observation, in the settings' order.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public SensitivityCell(EquatableArray<SensitivityLevel> levels, EquatableArray<SensitivityOutcome> outcomes)
    {
        Levels = levels;
        Outcomes = outcomes;
    }

    /// <summary>The levels set (the default cell has none; a heat-map cell has two, possibly defaults).</summary>
    public EquatableArray<SensitivityLevel> Levels { get; init => field = Guard.Values(value, nameof(Levels)); }

    /// <summary>One outcome per observation, in the settings' order.</summary>
    public EquatableArray<SensitivityOutcome> Outcomes { get; init => field = Guard.Values(value, nameof(Outcomes)); }

    /// <summary>The outcome for <paramref name="observed"/>.</summary>
    /// <exception cref="ArgumentException">Not one of the cell's observations.</exception>
    public SensitivityOutcome this[ObservedCorrelation observed] =>
        Outcomes.FirstOrDefault(o => o.Observed == observed) ?? throw new ArgumentException("Not an observation of this analysis.", nameof(observed));

    /// <summary>True when every observation is compatible (two-sided p &gt;= 0.05).</summary>
    public bool IsCompatibleWithAll => Outcomes.All(o => o.Verdict == CompatibilityVerdict.Compatible);

    /// <summary>The levels as text, e.g. <c>placebo-sd = SD 4 (x0.5)</c>, or <c>default</c>.</summary>
    public override string ToString() => Levels.All(l => l.IsDefault) ? "default" : string.Join(", ", Levels.Where(l => !l.IsDefault));
}

using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// One setting of a sensitivity analysis: the levels that differ from the default (none for the default cell, one for a
/// tornado row, two for a heat-map cell) and the outcome against each observation. Immutable.
/// </summary>
/// <param name="Levels">The levels set (the default cell has none; a heat-map cell has two, possibly defaults).</param>
/// <param name="Outcomes">One outcome per observation, in the settings' order.</param>
public sealed record SensitivityCell(EquatableArray<SensitivityLevel> Levels, EquatableArray<SensitivityOutcome> Outcomes)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.Values(Levels, nameof(Levels)).Length >= 0 && Guard.Values(Outcomes, nameof(Outcomes)).Length >= 0;

    /// <summary>The outcome for <paramref name="observed"/>.</summary>
    /// <exception cref="ArgumentException">Not one of the cell's observations.</exception>
    public SensitivityOutcome this[ObservedCorrelation observed] =>
        Outcomes.FirstOrDefault(o => o.Observed == observed) ?? throw new ArgumentException("Not an observation of this analysis.", nameof(observed));

    /// <summary>True when every observation is compatible (two-sided p &gt;= 0.05).</summary>
    public bool IsCompatibleWithAll => Outcomes.All(o => o.Verdict == CompatibilityVerdict.Compatible);

    /// <summary>The levels as text, e.g. <c>placebo-sd = SD 4 (x0.5)</c>, or <c>default</c>.</summary>
    public override string ToString() => Levels.All(l => l.IsDefault) ? "default" : string.Join(", ", Levels.Where(l => !l.IsDefault));
}

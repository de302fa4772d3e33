using System.Collections.Immutable;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Strengths;

/// <summary>One grid point of a strength scan: the hypothesis at one strength, its outcome against each observation, and the combined p. Immutable.</summary>
/// <param name="Parameter">The strength scanned.</param>
/// <param name="Value">Its value at this point.</param>
/// <param name="Hypothesis">The hypothesis at this strength.</param>
/// <param name="Outcomes">One outcome per observation.</param>
/// <param name="CombinedP">The observations' two-sided p combined (<see cref="StrengthScanSettings.Combination"/>).</param>
public sealed record StrengthPoint(StrengthParameter Parameter, double Value, Hypothesis Hypothesis, ImmutableArray<SensitivityOutcome> Outcomes, double CombinedP)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = (Enum.IsDefined(Parameter) ? true
            : throw new ArgumentOutOfRangeException(nameof(Parameter), Parameter, "Undefined strength."))
        && Guard.Finite(Value, nameof(Value)) == Value && Guard.NotNull(Hypothesis, nameof(Hypothesis)) is not null
        && !Guard.Values(Outcomes, nameof(Outcomes)).IsDefault && Guard.InRange(CombinedP, 0, 1, nameof(CombinedP)) >= 0;

    /// <summary>Value equality: every member, sequences element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(StrengthPoint? other) => ReferenceEquals(this, other) || other is not null
        && ValueEquality.Equal(Parameter, other.Parameter)
        && ValueEquality.Equal(Value, other.Value)
        && ValueEquality.Equal(Hypothesis, other.Hypothesis)
        && ValueEquality.Equal(CombinedP, other.CombinedP)
        && ValueEquality.Equal(Outcomes, other.Outcomes);

    /// <summary>A hash consistent with <see cref="Equals(StrengthPoint)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(ValueEquality.Hash(Outcomes), Parameter, Value, Hypothesis, CombinedP);
}

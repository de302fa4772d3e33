using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>One grid point of a strength scan: the hypothesis at one strength, its outcome against each observation, and the combined p. Immutable.</summary>
/// <param name="Parameter">The strength scanned.</param>
/// <param name="Value">Its value at this point.</param>
/// <param name="Hypothesis">The hypothesis at this strength.</param>
/// <param name="Outcomes">One outcome per observation.</param>
/// <param name="CombinedP">The observations' two-sided p combined (<see cref="StrengthScanSettings.Combination"/>).</param>
public sealed record StrengthPoint(StrengthParameter Parameter, double Value, Hypothesis Hypothesis, EquatableArray<SensitivityOutcome> Outcomes, double CombinedP)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = (Enum.IsDefined(Parameter) ? true
            : throw new ArgumentOutOfRangeException(nameof(Parameter), Parameter, "Undefined strength."))
        && Guard.Finite(Value, nameof(Value)) == Value && Guard.NotNull(Hypothesis, nameof(Hypothesis)) is not null
        && Guard.Values(Outcomes, nameof(Outcomes)).Length >= 0 && Guard.InRange(CombinedP, 0, 1, nameof(CombinedP)) >= 0;
}

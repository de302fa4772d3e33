using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>One grid point of a strength scan: the hypothesis at one strength, its outcome against each observation, and the combined p. Immutable.</summary>
/// <param name="Parameter">The strength scanned.</param>
/// <param name="Value">Its value at this point.</param>
/// <param name="Hypothesis">The hypothesis at this strength.</param>
/// <param name="Outcomes">One outcome per observation.</param>
/// <param name="CombinedP">The observations' two-sided p combined (<see cref="StrengthScanSettings.Combination"/>).</param>
public sealed record StrengthPoint(StrengthParameter Parameter, double Value, Hypothesis Hypothesis, ImmutableArray<SensitivityOutcome> Outcomes, double CombinedP);

using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Comparisons;

/// <summary>One arm's results in a what-if comparison. Immutable.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Typical">Metrics of the typical patient.</param>
/// <param name="Uncertain">The arm's uncertain input, or null.</param>
/// <param name="AtLow">Metrics at the low end of the uncertain input's range, or null.</param>
/// <param name="AtHigh">Metrics at the high end, or null.</param>
/// <param name="Provisional">PROVISIONAL parameters the arm's numbers rest on (PK of its route, and the effect models).</param>
/// <param name="Course">The typical patient's simulation (for tables and plots).</param>
/// <param name="Population">Population bands, or null when not requested.</param>
public sealed record ArmComparison(ComparisonArm Arm, ArmMetrics Typical, UncertainInput? Uncertain, ArmMetrics? AtLow, ArmMetrics? AtHigh,
    EquatableArray<ModelParameter> Provisional, PkPdSimulationResult Course, PopulationBands? Population)
{

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Arm, nameof(Arm)) is not null && Guard.NotNull(Typical, nameof(Typical)) is not null
        && Guard.Values(Provisional, nameof(Provisional)).Length >= 0 && Guard.NotNull(Course, nameof(Course)) is not null;
}

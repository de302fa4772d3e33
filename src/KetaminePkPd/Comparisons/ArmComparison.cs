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
    ImmutableArray<ModelParameter> Provisional, PkPdSimulationResult Course, PopulationBands? Population)
{
    /// <summary>Value equality: every member, sequences element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(ArmComparison? other) => ReferenceEquals(this, other) || other is not null
        && ValueEquality.Equal(Arm, other.Arm)
        && ValueEquality.Equal(Typical, other.Typical)
        && ValueEquality.Equal(Uncertain, other.Uncertain)
        && ValueEquality.Equal(AtLow, other.AtLow)
        && ValueEquality.Equal(AtHigh, other.AtHigh)
        && ValueEquality.Equal(Course, other.Course)
        && ValueEquality.Equal(Population, other.Population)
        && ValueEquality.Equal(Provisional, other.Provisional);

    /// <summary>A hash consistent with <see cref="Equals(ArmComparison)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(ValueEquality.Hash(Provisional), Arm, Typical, Uncertain);

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Arm, nameof(Arm)) is not null && Guard.NotNull(Typical, nameof(Typical)) is not null
        && !Guard.Values(Provisional, nameof(Provisional)).IsDefault && Guard.NotNull(Course, nameof(Course)) is not null;
}

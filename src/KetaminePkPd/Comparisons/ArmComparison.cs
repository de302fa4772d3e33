using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Comparisons;

/// <summary>One arm's results in a what-if comparison. Immutable.</summary>
public sealed record ArmComparison
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="typical">Metrics of the typical patient.</param>
    /// <param name="uncertain">The arm's uncertain input, or null.</param>
    /// <param name="atLow">Metrics at the low end of the uncertain input's range, or null.</param>
    /// <param name="atHigh">Metrics at the high end, or null.</param>
    /// <param name="provisional">PROVISIONAL parameters the arm's numbers rest on (PK of its route, and the effect models).</param>
    /// <param name="course">The typical patient's simulation (for tables and plots).</param>
    /// <param name="population">Population bands, or null when not requested.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public ArmComparison(ComparisonArm arm, ArmMetrics typical, UncertainInput? uncertain, ArmMetrics? atLow, ArmMetrics? atHigh, EquatableArray<ModelParameter> provisional, PkPdSimulationResult course, PopulationBands? population)
    {
        Arm = arm;
        Typical = typical;
        Uncertain = uncertain;
        AtLow = atLow;
        AtHigh = atHigh;
        Provisional = provisional;
        Course = course;
        Population = population;
    }

    /// <summary>The arm.</summary>
    public ComparisonArm Arm { get; init => field = Guard.NotNull(value, nameof(Arm)); }

    /// <summary>Metrics of the typical patient.</summary>
    public ArmMetrics Typical { get; init => field = Guard.NotNull(value, nameof(Typical)); }

    /// <summary>The arm's uncertain input, or null.</summary>
    public UncertainInput? Uncertain { get; init; }

    /// <summary>Metrics at the low end of the uncertain input's range, or null.</summary>
    public ArmMetrics? AtLow { get; init; }

    /// <summary>Metrics at the high end, or null.</summary>
    public ArmMetrics? AtHigh { get; init; }

    /// <summary>PROVISIONAL parameters the arm's numbers rest on (PK of its route, and the effect models).</summary>
    public EquatableArray<ModelParameter> Provisional { get; init => field = Guard.Values(value, nameof(Provisional)); }

    /// <summary>The typical patient's simulation (for tables and plots).</summary>
    public PkPdSimulationResult Course { get; init => field = Guard.NotNull(value, nameof(Course)); }

    /// <summary>Population bands, or null when not requested.</summary>
    public PopulationBands? Population { get; init; }
}

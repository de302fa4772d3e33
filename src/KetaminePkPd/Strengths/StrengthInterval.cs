using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Strengths;

/// <summary>
/// The compatibility interval of a strength over its grid: the smallest and largest grid values at which the hypothesis is
/// compatible (p &gt;= 0.05) with one observation, or with all combined (Observed null). Immutable.
/// </summary>
public sealed record StrengthInterval
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="parameter">The strength.</param>
    /// <param name="observed">The observation, or null for the combined p.</param>
    /// <param name="lower">Smallest compatible grid value, or null when none is compatible.</param>
    /// <param name="upper">Largest compatible grid value, or null when none is compatible.</param>
    /// <param name="hasGaps">True when some grid value between <see cref="Lower"/> and <see cref="Upper"/> is not compatible (Monte Carlo noise near p = 0.05, or a non-monotone effect).</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public StrengthInterval(StrengthParameter parameter, ObservedCorrelation? observed, double? lower, double? upper, bool hasGaps)
    {
        Parameter = parameter;
        Observed = observed;
        Lower = lower;
        Upper = upper;
        HasGaps = hasGaps;
    }

    /// <summary>The strength.</summary>
    public StrengthParameter Parameter { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Parameter), value, "Undefined strength."); }

    /// <summary>The observation, or null for the combined p.</summary>
    public ObservedCorrelation? Observed { get; init; }

    /// <summary>Smallest compatible grid value, or null when none is compatible.</summary>
    public double? Lower { get; init => field = Guard.Finite(value, nameof(Lower)); }

    /// <summary>Largest compatible grid value, or null when none is compatible.</summary>
    public double? Upper { get; init => field = Guard.Finite(value, nameof(Upper)); }

    /// <summary>True when some grid value between <see cref="Lower"/> and <see cref="Upper"/> is not compatible (Monte Carlo noise near p = 0.05, or a non-monotone effect).</summary>
    public bool HasGaps { get; init; }

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    // Observed may be null (the combined p); Lower and Upper are null when no grid value is compatible.

    /// <summary>True when no grid value is compatible.</summary>
    public bool IsEmpty => Lower is null;
}

using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Strengths;

/// <summary>
/// The compatibility interval of a strength over its grid: the smallest and largest grid values at which the hypothesis is
/// compatible (p &gt;= 0.05) with one observation, or with all combined (Observed null). Immutable.
/// </summary>
/// <param name="Parameter">The strength.</param>
/// <param name="Observed">The observation, or null for the combined p.</param>
/// <param name="Lower">Smallest compatible grid value, or null when none is compatible.</param>
/// <param name="Upper">Largest compatible grid value, or null when none is compatible.</param>
/// <param name="HasGaps">True when some grid value between <paramref name="Lower"/> and <paramref name="Upper"/> is not compatible (Monte Carlo noise near p = 0.05, or a non-monotone effect).</param>
public sealed record StrengthInterval(StrengthParameter Parameter, ObservedCorrelation? Observed, double? Lower, double? Upper, bool HasGaps)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    // Observed may be null (the combined p); Lower and Upper are null when no grid value is compatible.
    private readonly bool _checked = (Enum.IsDefined(Parameter) ? true
            : throw new ArgumentOutOfRangeException(nameof(Parameter), Parameter, "Undefined strength."))
        && Guard.Finite(Lower, nameof(Lower)) == Lower && Guard.Finite(Upper, nameof(Upper)) == Upper;

    /// <summary>True when no grid value is compatible.</summary>
    public bool IsEmpty => Lower is null;
}

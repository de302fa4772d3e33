using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// What it would take, along one assumption, for the hypothesis to be compatible (two-sided p &gt;= 0.05) with one
/// observation, or with all of them at once: the nearest compatible level below the default and above it (null: none
/// within the range on that side). Immutable.
/// </summary>
/// <param name="Assumption">The assumption varied.</param>
/// <param name="Observed">The observation, or null for all observations at once.</param>
/// <param name="DefaultIsCompatible">True when the default setting is already compatible.</param>
/// <param name="Below">The compatible level nearest to the default among the lower ones, or null.</param>
/// <param name="Above">The compatible level nearest to the default among the higher ones, or null.</param>
public sealed record SensitivityFrontier(SensitivityAssumption Assumption, ObservedCorrelation? Observed, bool DefaultIsCompatible,
    SensitivityLevel? Below, SensitivityLevel? Above)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    // Observed, Below and Above may be null (all observations; no compatible level on that side).
    private readonly bool _checked = Enum.IsDefined(Assumption) ? true
        : throw new ArgumentOutOfRangeException(nameof(Assumption), Assumption, "Undefined sensitivity assumption.");

    /// <summary>True when some level within the range is compatible.</summary>
    public bool IsReachable => DefaultIsCompatible || Below is not null || Above is not null;

    /// <summary>In words: <c>already compatible</c>, <c>none within the range</c>, or the level(s) that make it compatible.</summary>
    public override string ToString() => DefaultIsCompatible ? "already compatible at the default"
        : !IsReachable ? "none within the range"
        : string.Join(" or ", new[] { Below, Above }.Where(l => l is not null).Select(l => l!.Label));
}

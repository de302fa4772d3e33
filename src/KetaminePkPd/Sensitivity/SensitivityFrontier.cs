using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// What it would take, along one assumption, for the hypothesis to be compatible (two-sided p &gt;= 0.05) with one
/// observation, or with all of them at once: the nearest compatible level below the default and above it (null: none
/// within the range on that side). Immutable.
/// </summary>
public sealed record SensitivityFrontier
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="assumption">The assumption varied.</param>
    /// <param name="observed">The observation, or null for all observations at once.</param>
    /// <param name="defaultIsCompatible">True when the default setting is already compatible.</param>
    /// <param name="below">The compatible level nearest to the default among the lower ones, or null.</param>
    /// <param name="above">The compatible level nearest to the default among the higher ones, or null.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public SensitivityFrontier(SensitivityAssumption assumption, ObservedCorrelation? observed, bool defaultIsCompatible, SensitivityLevel? below, SensitivityLevel? above)
    {
        Assumption = assumption;
        Observed = observed;
        DefaultIsCompatible = defaultIsCompatible;
        Below = below;
        Above = above;
    }

    /// <summary>The assumption varied.</summary>
    public SensitivityAssumption Assumption { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Assumption), value, "Undefined sensitivity assumption."); }

    /// <summary>The observation, or null for all observations at once.</summary>
    public ObservedCorrelation? Observed { get; init; }

    /// <summary>True when the default setting is already compatible.</summary>
    public bool DefaultIsCompatible { get; init; }

    /// <summary>The compatible level nearest to the default among the lower ones, or null.</summary>
    public SensitivityLevel? Below { get; init; }

    /// <summary>The compatible level nearest to the default among the higher ones, or null.</summary>
    public SensitivityLevel? Above { get; init; }

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    // Observed, Below and Above may be null (all observations; no compatible level on that side).

    /// <summary>True when some level within the range is compatible.</summary>
    public bool IsReachable => DefaultIsCompatible || Below is not null || Above is not null;

    /// <summary>In words: <c>already compatible</c>, <c>none within the range</c>, or the level(s) that make it compatible.</summary>
    public override string ToString() => DefaultIsCompatible ? "already compatible at the default"
        : !IsReachable ? "none within the range"
        : string.Join(" or ", new[] { Below, Above }.Where(l => l is not null).Select(l => l!.Label));
}

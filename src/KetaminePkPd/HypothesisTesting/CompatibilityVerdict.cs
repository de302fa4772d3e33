
namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// How an observed correlation relates to what a hypothesis produces, read from its two-sided compatibility p
/// (<see cref="Statistics.Compatibility.TwoSidedP"/>) at the 5% level.
/// </summary>
public enum CompatibilityVerdict
{
    /// <summary>Two-sided p &gt;= 0.05: the observation is compatible with the hypothesis.</summary>
    Compatible,

    /// <summary>Two-sided p &lt; 0.05 and the observation is further from zero than the hypothesis produces.</summary>
    Stronger,

    /// <summary>Two-sided p &lt; 0.05 and the observation is closer to zero than the hypothesis produces (same sign).</summary>
    Weaker,

    /// <summary>Two-sided p &lt; 0.05 and the observation has the opposite sign to the hypothesis's central 95%, which excludes zero.</summary>
    OppositeSign,
}

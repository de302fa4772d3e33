
namespace KetaminePkPd.Strengths;

/// <summary>The strength of an alternative hypothesis that <see cref="StrengthScanResult.Run"/> scans.</summary>
public enum StrengthParameter
{
    /// <summary>shared-sensitivity: corr(dissociation propensity, antidepressant responsiveness), rho in [-1, 1].</summary>
    SensitivityCorrelation,

    /// <summary>mediation: the share of the variance of antidepressant responsiveness set by the patient's own dissociation, in [0, 1].</summary>
    MediationShare,

    /// <summary>expectancy: extra placebo improvement when dissociation is noticed, MADRS points (threshold at its default).</summary>
    ExpectancyBoost,

    /// <summary>expectancy: peak CADSS above which dissociation is noticed (boost at its default).</summary>
    ExpectancyThreshold,
}

using KetaminePkPd.Strengths;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>How <see cref="StrengthScanResult.Run"/> combines the two-sided p of several observations into one.</summary>
public enum PValueCombination
{
    /// <summary>
    /// Bonferroni: min(1, J min p_j). Valid under any dependence between the observations, so the right choice for
    /// observations on the same patients (Luckenbaugh's 230-min and day-7 correlations share most of them); conservative.
    /// </summary>
    Bonferroni,

    /// <summary>
    /// Fisher's method: X = -2 sum ln p_j is chi-squared with 2J degrees of freedom when the observations are independent
    /// (different trials, e.g. NIMH and an esketamine trial). More powerful, but anti-conservative for dependent observations.
    /// A p of 0 (no replicate that far) enters as its bound 2/n.
    /// </summary>
    Fisher,
}

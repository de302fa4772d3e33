namespace KetaminePkPd.Evidence;

/// <summary>What kind of statistic a published dissociation-response analysis reports.</summary>
internal enum EvidenceStatisticKind
{
    /// <summary>A Pearson correlation of dissociation with the outcome, with the patients behind it.</summary>
    Pearson,

    /// <summary>A Spearman (rank) correlation.</summary>
    Spearman,

    /// <summary>A regression slope, outcome units per CADSS point, with its 95% interval (or standard error).</summary>
    Slope,

    /// <summary>Only "not significant" (or "close to zero"): no value was reported.</summary>
    NotSignificant,

    /// <summary>Only "significant", in the stated direction: no value was reported.</summary>
    SignificantDirection,

    /// <summary>A review's share of significant tests among the associations it counted.</summary>
    ShareSignificant,
}

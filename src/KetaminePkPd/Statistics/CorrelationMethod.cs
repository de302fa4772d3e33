namespace KetaminePkPd.Statistics;

/// <summary>Which correlation coefficient a <see cref="CorrelationResult"/> holds.</summary>
internal enum CorrelationMethod
{
    /// <summary>Pearson's product-moment correlation of the values (or, for a partial correlation, of the OLS residuals).</summary>
    Pearson,

    /// <summary>Spearman's rank correlation: Pearson's correlation of the average ranks (ties get mid-ranks).</summary>
    Spearman,
}

using KetaminePkPd.Statistics;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// One setting against one observation: the replicate r of trials of the observed size, their median and central 95%,
/// and the two-sided compatibility of the observed r. Immutable.
/// </summary>
/// <param name="Observed">The observation.</param>
/// <param name="R">Replicate r values (CADSS vs % change).</param>
public sealed record SensitivityOutcome(ObservedCorrelation Observed, SamplingDistribution R)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Observed, nameof(Observed)) is not null && Guard.NotNull(R, nameof(R)) is not null;

    /// <summary>Median replicate r.</summary>
    public double MedianR => R.Median;

    /// <summary>The central 95% of replicate r values.</summary>
    public (double Lower, double Upper) Interval95 => R.PercentileInterval(0.95);

    /// <summary>The observed r in the replicate distribution: percentile, two-sided p with its Monte Carlo error.</summary>
    public Compatibility Compatibility => R.CompatibilityWith(Observed.R);

    /// <summary>The verdict at the 5% level.</summary>
    public CompatibilityVerdict Verdict => HypothesisComparison.Classify(Compatibility);
}

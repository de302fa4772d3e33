using KetaminePkPd.Statistics;

namespace KetaminePkPd.Trials;

/// <summary>
/// How one hypothesis fares against one observed correlation: the sampling distribution of r over replicate trials of
/// the observed size, where the observed r falls in it, the median partial r given exposure, and a plain-language
/// reading. r is against % change (negative = more dissociation, more improvement). Immutable.
/// </summary>
/// <param name="Hypothesis">The hypothesis.</param>
/// <param name="Observed">The observation.</param>
/// <param name="R">Replicate r values (CADSS vs % change).</param>
/// <param name="PartialGivenExposure">Replicate partial r values given the concentration at the CADSS time.</param>
/// <param name="ProbabilityAtLeastAsStrong">Share of replicates with an r at least as strong as observed, in the observed direction.</param>
/// <param name="Reading">One paragraph for a reader who is not a statistician.</param>
public sealed record HypothesisComparison(Hypothesis Hypothesis, ObservedCorrelation Observed, SamplingDistribution R,
    SamplingDistribution PartialGivenExposure, double ProbabilityAtLeastAsStrong, string Reading)
{
    /// <summary>Replicate trials in which r is undefined (CADSS or the % change constant over the trial's patients, which
    /// can happen in trials of a few patients); they are left out of <see cref="R"/>.</summary>
    public int UndefinedR { get; init; }

    /// <summary>Replicate trials in which the partial r is undefined (e.g. the same concentration for every patient);
    /// they are left out of <see cref="PartialGivenExposure"/>.</summary>
    public int UndefinedPartialR { get; init; }

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Hypothesis, nameof(Hypothesis)) is not null && Guard.NotNull(Observed, nameof(Observed)) is not null
        && Guard.NotNull(R, nameof(R)) is not null && Guard.NotNull(PartialGivenExposure, nameof(PartialGivenExposure)) is not null
        && Guard.InRange(ProbabilityAtLeastAsStrong, 0, 1, nameof(ProbabilityAtLeastAsStrong)) >= 0 && Guard.NotNull(Reading, nameof(Reading)) is not null;

    /// <summary>Median replicate r.</summary>
    public double MedianR => R.Median;

    /// <summary>The central 95% of replicate r values.</summary>
    public (double Lower, double Upper) Interval95 => R.PercentileInterval(0.95);

    /// <summary>Median replicate partial r given exposure.</summary>
    public double MedianPartialR => PartialGivenExposure.Median;
}

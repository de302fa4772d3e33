using System.Collections.Immutable;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// How one hypothesis fares against one observed correlation: the sampling distribution of r over replicate trials of
/// the observed size, where the observed r falls in it, the median partial r given exposure, and a plain-language
/// reading. r is against % change (negative = more dissociation, more improvement). Immutable.
/// </summary>
public sealed record HypothesisComparison
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="hypothesis">The hypothesis.</param>
    /// <param name="observed">The observation.</param>
    /// <param name="r">Replicate r values (CADSS vs % change).</param>
    /// <param name="partialGivenExposure">Replicate partial r values given the concentration at the CADSS time.</param>
    /// <param name="probabilityAtLeastAsStrong">One-sided: the share of replicates with an r at least as strong as observed, in the
/// observed direction (P(r &lt;= observed) for a negative observation). It says nothing about an observation that is too weak;
/// the verdict uses the two-sided <see cref="Compatibility"/>.</param>
    /// <param name="reading">One paragraph for a reader who is not a statistician.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public HypothesisComparison(Hypothesis hypothesis, ObservedCorrelation observed, SamplingDistribution r, SamplingDistribution partialGivenExposure, double probabilityAtLeastAsStrong, string reading)
    {
        Hypothesis = hypothesis;
        Observed = observed;
        R = r;
        PartialGivenExposure = partialGivenExposure;
        ProbabilityAtLeastAsStrong = probabilityAtLeastAsStrong;
        Reading = reading;
    }

    /// <summary>The hypothesis.</summary>
    public Hypothesis Hypothesis { get; init => field = Guard.NotNull(value, nameof(Hypothesis)); }

    /// <summary>The observation.</summary>
    public ObservedCorrelation Observed { get; init => field = Guard.NotNull(value, nameof(Observed)); }

    /// <summary>Replicate r values (CADSS vs % change).</summary>
    public SamplingDistribution R { get; init => field = Guard.NotNull(value, nameof(R)); }

    /// <summary>Replicate partial r values given the concentration at the CADSS time.</summary>
    public SamplingDistribution PartialGivenExposure { get; init => field = Guard.NotNull(value, nameof(PartialGivenExposure)); }

    /// <summary>One-sided: the share of replicates with an r at least as strong as observed, in the
/// observed direction (P(r &lt;= observed) for a negative observation). It says nothing about an observation that is too weak;
/// the verdict uses the two-sided <see cref="Compatibility"/>.</summary>
    public double ProbabilityAtLeastAsStrong { get; init => field = Guard.InRange(value, 0, 1, nameof(ProbabilityAtLeastAsStrong)); }

    /// <summary>One paragraph for a reader who is not a statistician.</summary>
    public string Reading { get; init => field = Guard.NotNull(value, nameof(Reading)); }

    /// <summary>Replicate trials in which r is undefined (CADSS or the % change constant over the trial's patients, which
    /// can happen in trials of a few patients); they are left out of <see cref="R"/>.</summary>
    public int UndefinedR { get; init; }

    /// <summary>Replicate trials in which the partial r is undefined (e.g. the same concentration for every patient);
    /// they are left out of <see cref="PartialGivenExposure"/>.</summary>
    public int UndefinedPartialR { get; init; }

    /// <summary>Every replicate trial's r, in replicate order (NaN where undefined), so the distribution can be redrawn; empty when the run did not keep them.</summary>
    public EquatableArray<double> ReplicateR { get; init; } = [];

    /// <summary>Every replicate trial's partial r given exposure, in replicate order (NaN where undefined); empty when not kept.</summary>
    public EquatableArray<double> ReplicatePartialR { get; init; } = [];

    /// <summary>Median replicate r.</summary>
    public double MedianR => R.Median;

    /// <summary>The central 95% of replicate r values.</summary>
    public (double Lower, double Upper) Interval95 => R.PercentileInterval(0.95);

    /// <summary>Median replicate partial r given exposure.</summary>
    public double MedianPartialR => PartialGivenExposure.Median;

    /// <summary>The observed r in the replicate distribution, both ways: percentile, two-sided p with its Monte Carlo error, inside the central 95% or not.</summary>
    public Compatibility Compatibility => R.CompatibilityWith(Observed.R);

    /// <summary>The verdict at the 5% level: compatible, or which way the observation misses.</summary>
    public CompatibilityVerdict Verdict => Classify(Compatibility);

    /// <summary>
    /// The verdict of a compatibility at the 5% level. Incompatible observations are "stronger" when the central 95%
    /// holds zero (no clear sign, so the observation is further from zero than the hypothesis allows) or when they lie
    /// beyond it on the far side from zero; "weaker" when they lie between it and zero; "opposite sign" beyond zero.
    /// </summary>
    internal static CompatibilityVerdict Classify(Compatibility c)
    {
        if (c.IsCompatible(0.05)) return CompatibilityVerdict.Compatible;
        var (lo, hi) = c.Central95;
        if (lo <= 0 && hi >= 0) return CompatibilityVerdict.Stronger;
        bool negative = hi < 0;
        bool farSide = negative ? c.IsBelowMiddle : !c.IsBelowMiddle;
        if (farSide) return CompatibilityVerdict.Stronger;
        return (negative ? c.Value > 0 : c.Value < 0) ? CompatibilityVerdict.OppositeSign : CompatibilityVerdict.Weaker;
    }
}

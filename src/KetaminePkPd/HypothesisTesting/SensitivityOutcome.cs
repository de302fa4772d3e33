using KetaminePkPd.Statistics;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// One setting against one observation: the replicate r of trials of the observed size, their median and central 95%,
/// and the two-sided compatibility of the observed r. Immutable.
/// </summary>
public sealed record SensitivityOutcome
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="observed">The observation.</param>
    /// <param name="r">Replicate r values (CADSS vs % change).</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public SensitivityOutcome(ObservedCorrelation observed, SamplingDistribution r)
    {
        Observed = observed;
        R = r;
    }

    /// <summary>The observation.</summary>
    public ObservedCorrelation Observed { get; init => field = Guard.NotNull(value, nameof(Observed)); }

    /// <summary>Replicate r values (CADSS vs % change).</summary>
    public SamplingDistribution R { get; init => field = Guard.NotNull(value, nameof(R)); }

    /// <summary>Median replicate r.</summary>
    public double MedianR => R.Median;

    /// <summary>The central 95% of replicate r values.</summary>
    public (double Lower, double Upper) Interval95 => R.PercentileInterval(0.95);

    /// <summary>The observed r in the replicate distribution: percentile, two-sided p with its Monte Carlo error.</summary>
    public Compatibility Compatibility => R.CompatibilityWith(Observed.R);

    /// <summary>The verdict at the 5% level.</summary>
    public CompatibilityVerdict Verdict => HypothesisComparison.Classify(Compatibility);
}

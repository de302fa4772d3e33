namespace KetaminePkPd.Cli.Output;

/// <summary>The JSON shape of <c>hypothesis --json</c>. Timing is left out so that the same settings give the same bytes.</summary>
internal sealed record HypothesisTestJson(
    ulong Seed,
    string ModelVersion,
    HypothesisSettingsJson Settings,
    IReadOnlyList<string> DiffersFromDefaults,
    string Reproduce,
    string SignConvention,
    IReadOnlyList<ComparisonJson> Comparisons,
    IReadOnlyList<SampleSizeJson> SampleSizes,
    long SubjectSimulations,
    long ReplicateTrials,
    string Population,
    string Clinical,
    IReadOnlyList<ParameterJson> ProvisionalParameters)
{
    /// <summary>The figures written (--plot, one per observation time), full paths.</summary>
    public IReadOnlyList<string> PlotFiles { get; init; } = [];
}

/// <summary>Every setting of a hypothesis test.</summary>
internal sealed record HypothesisSettingsJson(string Design, string DesignKey, string? DesignFile, IReadOnlyList<HypothesisJson> Hypotheses,
    IReadOnlyList<ObservedJson> Observed, int Replicates, int PoolSize, ulong Seed, double Alpha, double Power);

/// <summary>An observed correlation (r against % change; negative = more dissociation, more improvement).</summary>
internal sealed record ObservedJson(string Time, double TimeH, double R, int N, string Source);

/// <summary>
/// How one hypothesis fares against one observation: the observed r's percentile among the replicates, the two-sided
/// compatibility p (twice the smaller tail) with its Monte Carlo standard error, whether it lies in the central 95%, the
/// verdict (compatible, stronger, weaker, opposite-sign) and, one-sided, the share of replicates at least as strong as
/// observed in the observed direction.
/// </summary>
internal sealed record ComparisonJson(string Hypothesis, string Time, double TimeH, double ObservedR, int ObservedN, int Replicates, double MedianR,
    IntervalJson Interval95, double ObservedPercentile, double TwoSidedP, double TwoSidedPStandardError, bool InsideCentral95, string Verdict,
    double OneSidedProbabilityAtLeastAsStrong, double MedianPartialRGivenExposure, string Reading)
{
    /// <summary>Replicate trials in which r was undefined (left out of Replicates and the statistics).</summary>
    public int UndefinedR { get; init; }

    /// <summary>Replicate trials in which the partial r was undefined.</summary>
    public int UndefinedPartialR { get; init; }
}

/// <summary>A central interval.</summary>
internal sealed record IntervalJson(double Lower, double Upper);

/// <summary>Patients needed to tell a hypothesis from the reference (exposure only) at 80% power and two-sided alpha 0.05; null when the medians are too close.</summary>
internal sealed record SampleSizeJson(string Time, double TimeH, string Reference, string Alternative, double ReferenceMedianR, double AlternativeMedianR,
    int? Subjects, double Power, double Alpha);

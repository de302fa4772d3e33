namespace KetaminePkPd.Application.Reporting;

/// <summary>The JSON document of a hypothesis test (<see cref="HypothesisReport.ToJson"/>). Timing is left out so that the same settings give the same text.</summary>
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
    IReadOnlyList<ProvisionalParameterJson> ProvisionalParameters,
    IReadOnlyList<string> PlotFiles);

/// <summary>Every setting of a hypothesis test.</summary>
internal sealed record HypothesisSettingsJson(string Design, string DesignKey, string? DesignFile, IReadOnlyList<HypothesisJson> Hypotheses,
    IReadOnlyList<ObservedJson> Observed, int Replicates, int PoolSize, ulong Seed, double Alpha, double Power);

/// <summary>
/// How one hypothesis fares against one observation: the observed r's percentile among the replicates, the two-sided
/// compatibility p (twice the smaller tail) with its Monte Carlo standard error, whether it lies in the central 95%, the
/// verdict (compatible, stronger, weaker, opposite-sign), the one-sided share of replicates at least as strong as
/// observed, and the replicates in which r or the partial r was undefined (left out of the statistics).
/// </summary>
internal sealed record ComparisonJson(string Hypothesis, string Time, double TimeH, double ObservedR, int ObservedN, int Replicates, double MedianR,
    IntervalJson Interval95, double ObservedPercentile, double TwoSidedP, double TwoSidedPStandardError, bool InsideCentral95, string Verdict,
    double OneSidedProbabilityAtLeastAsStrong, double MedianPartialRGivenExposure, string Reading, int UndefinedR, int UndefinedPartialR);

/// <summary>Patients needed to tell a hypothesis from the reference (exposure only); null when the medians are too close.</summary>
internal sealed record SampleSizeJson(string Time, double TimeH, string Reference, string Alternative, double ReferenceMedianR, double AlternativeMedianR,
    int? Subjects, double Power, double Alpha);

/// <summary>Source-generated serializer metadata of the hypothesis document (trimming-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(HypothesisTestJson))]
internal sealed partial class HypothesisJsonContext : JsonSerializerContext;

using KetaminePkPd.Strengths;

namespace KetaminePkPd.Application.Reporting;

/// <summary>The JSON document of a strength scan (<see cref="StrengthsReport.ToJson"/>). Timing is left out.</summary>
internal sealed record StrengthsJson(ulong Seed, string ModelVersion, string Design, string DesignKey, IReadOnlyList<ObservedJson> Observed, string Combination,
    int Replicates, int PoolSize, IReadOnlyList<StrengthPointJson> Points, IReadOnlyList<StrengthIntervalJson> Intervals, IReadOnlyList<DetectionRateJson> DetectionRates,
    long SubjectSimulations, IReadOnlyList<string> PlotFiles, IReadOnlyList<HypothesisCeilingJson> Ceilings);

/// <summary>One hypothesis's strongest population r at one assessment (<see cref="Strengths.HypothesisCeilings"/>).</summary>
internal sealed record HypothesisCeilingJson(string Hypothesis, string Time, double ExposureOnlyR, string Strength, double DerivedR, double SimulatedR);

/// <summary>One grid point.</summary>
internal sealed record StrengthPointJson(string Strength, double Value, IReadOnlyList<StrengthOutcomeJson> Outcomes, double CombinedP);

/// <summary>One observation at one grid point.</summary>
internal sealed record StrengthOutcomeJson(string Time, double MedianR, IntervalJson Interval95, double ObservedPercentile, double TwoSidedP, double TwoSidedPStandardError, string Verdict);

/// <summary>A compatibility interval (time null: combined); lower and upper null when no grid value fits.</summary>
internal sealed record StrengthIntervalJson(string Strength, string? Time, double? Lower, double? Upper, bool HasGaps);

/// <summary>How often trials of one size find p &lt; 0.05 under one hypothesis.</summary>
internal sealed record DetectionRateJson(string Hypothesis, int N, string Time, int Replicates, double ShareSignificant, double ShareSignificantStandardError,
    double ShareSignificantNegative, double MedianR);

/// <summary>Source-generated serializer metadata for the strengths document.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StrengthsJson))]
internal sealed partial class StrengthsJsonContext : JsonSerializerContext;

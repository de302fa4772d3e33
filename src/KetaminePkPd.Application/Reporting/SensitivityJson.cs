namespace KetaminePkPd.Application.Reporting;

/// <summary>The JSON document of a sensitivity analysis (<see cref="SensitivityReport.ToJson"/>). Timing is left out so that the same settings give the same bytes.</summary>
internal sealed record SensitivityJson(
    ulong Seed,
    string ModelVersion,
    SensitivitySettingsJson Settings,
    string Reproduce,
    string SignConvention,
    string CommonRandomNumbers,
    IReadOnlyList<SensitivityCellJson> Cells,
    IReadOnlyList<SensitivityFrontierJson> Frontiers,
    long SubjectSimulations,
    IReadOnlyList<string> PlotFiles);

/// <summary>Every setting of a sensitivity analysis.</summary>
internal sealed record SensitivitySettingsJson(string Design, string DesignKey, string? DesignFile, HypothesisJson Hypothesis, IReadOnlyList<ObservedJson> Observed,
    IReadOnlyList<string> Assumptions, IReadOnlyList<string>? Pair, int Replicates, int PoolSize, ulong Seed);

/// <summary>One level of one assumption.</summary>
internal sealed record SensitivityLevelJson(string Assumption, int Index, string Label, double Value, double Multiplier, bool IsDefault);

/// <summary>One setting against one observation (kind: default, one-at-a-time or pair).</summary>
internal sealed record SensitivityCellJson(string Kind, IReadOnlyList<SensitivityLevelJson> Levels, string Time, double TimeH, double ObservedR, int ObservedN,
    int Replicates, double MedianR, IntervalJson Interval95, double ObservedPercentile, double TwoSidedP, double TwoSidedPStandardError, bool InsideCentral95, string Verdict);

/// <summary>The frontier of one assumption for one observation, or for all (time null): the nearest compatible levels below and above the default.</summary>
internal sealed record SensitivityFrontierJson(string Assumption, string? Time, bool DefaultIsCompatible, SensitivityLevelJson? Below, SensitivityLevelJson? Above, string Reading);

/// <summary>Source-generated serializer metadata for the sensitivity document.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SensitivityJson))]
internal sealed partial class SensitivityJsonContext : JsonSerializerContext;

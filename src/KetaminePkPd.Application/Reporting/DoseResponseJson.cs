namespace KetaminePkPd.Application.Reporting;

/// <summary>The JSON shape of <c>dose-response --json</c>.</summary>
internal sealed record DoseResponseJson(
    string Drug,
    string Model,
    string Route,
    double? InfusionH,
    double WeightKg,
    string DoseUnit,
    double From,
    double To,
    int Steps,
    int PopulationSize,
    ulong Seed,
    IReadOnlyList<DosePointJson> Points,
    HalfMaximalJson HalfMaximal,
    DoseAloneJson? Population,
    string SignConvention,
    IReadOnlyList<ModelParameterJson> ProvisionalParameters,
    string ModelVersion,
    string? Reproduce,
    string? OutFile,
    IReadOnlyList<string> PlotFiles);

/// <summary>
/// Both effects of the typical patient at one dose (in the sweep's unit, and in mg); the day-1 antidepressant drug effect
/// as a change of the MADRS score (negative = improvement).
/// </summary>
internal sealed record DosePointJson(double Dose, double DoseMg, double PeakCadss, double Day1ChangeMadrs, double CmaxNgPerMl);

/// <summary>
/// The half-maximal doses (in the sweep's unit; null when the effect is zero across the sweep), the largest effects in
/// the sweep (the most negative day-1 change), what they mean, and the effects still rising at the top of the sweep
/// (whose half-maximal dose moves with it).
/// </summary>
internal sealed record HalfMaximalJson(double? DissociationDose, double? AntidepressantDose, string DoseUnit, double LargestPeakCadss,
    double StrongestDay1ChangeMadrs, string Definition, IReadOnlyList<string> RisingAtTop);

/// <summary>
/// The correlation that dose alone produces: CADSS at the CADSS time against % change at day 1 over virtual patients given
/// doses across the sweep under the exposure-only hypothesis (null values where undefined).
/// </summary>
internal sealed record DoseAloneJson(int Subjects, string Hypothesis, double CadssTimeH, double AssessmentTimeH, int? N, double? R, double? Lower,
    double? Upper, double? P, double? ImprovementR, CorrelationResultJson? PartialGivenExposure, CorrelationResultJson? PartialGivenDose, string Reading);

/// <summary>Source-generated serializer metadata for <see cref="DoseResponseJson"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DoseResponseJson))]
internal sealed partial class DoseResponseJsonContext : JsonSerializerContext;

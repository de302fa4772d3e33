using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Application.Reporting;

/// <summary>The JSON document of one virtual trial (<see cref="TrialReport.ToJson"/>).</summary>
internal sealed record TrialJson(
    string Design,
    string DesignKey,
    string? DesignFile,
    string Drug,
    string PkModel,
    string Scale,
    double CadssTimeH,
    HypothesisJson Hypothesis,
    string HypothesisSource,
    ulong Seed,
    string ModelVersion,
    int Subjects,
    IReadOnlyList<ArmJson> Arms,
    ArmJson Overall,
    IReadOnlyList<AssociationJson> Associations,
    string SignConvention,
    string Population,
    string Clinical,
    IReadOnlyList<ProvisionalParameterJson> ProvisionalParameters,
    TrialSettingsJson Settings,
    IReadOnlyList<string> DiffersFromDefaults,
    string Reproduce,
    string? OutFile,
    IReadOnlyList<string> PlotFiles);

/// <summary>The settings of a trial run, as options would give them.</summary>
internal sealed record TrialSettingsJson(string Design, string? DesignFile, int Subjects, string Hypothesis, double Rho, double Share,
    double ThresholdCadss, double BoostMadrs, ulong Seed);

/// <summary>One arm's (or the whole trial's) outcomes.</summary>
internal sealed record ArmJson(string Arm, string? Administration, int Subjects, double MeanCadss, double SdCadss, double ShareCadssAbove4,
    double MeanPeakCadss, double SharePeakAbove20, IReadOnlyList<ArmAssessmentJson> Assessments);

/// <summary>One arm's depression outcomes at one assessment: mean % change (negative = improvement), response and remission rates (fractions).</summary>
internal sealed record ArmAssessmentJson(string Time, double TimeH, double MeanPercentChange, double ResponseRate, double RemissionRate);

/// <summary>
/// The CADSS-response association at one assessment: Pearson r against % change with its 95% CI and p (null when
/// undefined), Spearman, partial correlations given exposure and given dose, and r with improvement (= -r).
/// </summary>
internal sealed record AssociationJson(string Time, double TimeH, int? N, double? R, double? Lower, double? Upper, double? P, double? ImprovementR,
    CorrelationJson? Spearman, CorrelationJson? PartialGivenExposure, CorrelationJson? PartialGivenDose);

/// <summary>Source-generated serializer metadata of the trial document (trimming-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TrialJson))]
internal sealed partial class TrialJsonContext : JsonSerializerContext;

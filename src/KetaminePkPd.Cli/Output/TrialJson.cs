using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>The JSON shape of <c>trial --json</c>.</summary>
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
    IReadOnlyList<ParameterJson> ProvisionalParameters,
    TrialSettingsJson Settings,
    IReadOnlyList<string> DiffersFromDefaults,
    string Reproduce,
    string? OutFile)
{
    /// <summary>The figures written (--plot), full paths.</summary>
    public IReadOnlyList<string> PlotFiles { get; init; } = [];
}

/// <summary>The settings of a trial run, as options would give them.</summary>
internal sealed record TrialSettingsJson(string Design, string? DesignFile, int Subjects, string Hypothesis, double Rho, double Share,
    double ThresholdCadss, double BoostMadrs, ulong Seed);

/// <summary>A hypothesis with its strengths.</summary>
internal sealed record HypothesisJson(string Name, double SensitivityCorrelation, double MediationShare, double ExpectancyThresholdCadss,
    double ExpectancyBoostMadrs, bool IsExposureOnly, string Description)
{
    /// <summary>The JSON form of a hypothesis.</summary>
    public static HypothesisJson Of(Hypothesis h) => new(h.Name, h.SensitivityCorrelation, h.MediationShare, h.ExpectancyThresholdCadss,
        h.ExpectancyBoostMadrs, h.IsExposureOnly, TrialWording.Hypothesis(h));
}

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

/// <summary>A correlation with its 95% CI, p-value and n.</summary>
internal sealed record CorrelationJson(double R, double Lower, double Upper, double P, int N)
{
    /// <summary>The JSON form of a correlation result, or null.</summary>
    public static CorrelationJson? Of(CorrelationResult? c) => c is null ? null : new(c.R, c.Lower, c.Upper, c.PValue, c.N);
}

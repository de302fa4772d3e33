using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Application.Reporting;

/// <summary>The JSON document of one single-subject simulation (see <see cref="SimulationReport.ToJson"/>).</summary>
internal sealed record SimulationJson(
    string Drug,
    string Model,
    string Route,
    double DoseMg,
    double WeightKg,
    ExposureJson Parent,
    ExposureJson? Metabolite,
    DissociationJson Dissociation,
    AntidepressantJson Antidepressant,
    string ParentAnalyte,
    string? MetaboliteAnalyte,
    string ModelName,
    string Citation,
    double AgeYears,
    string Ancestry,
    string Dose,
    double? InfusionH,
    int Administrations,
    double? IntervalH,
    IReadOnlyList<DoseJson> Doses,
    double UntilH,
    double StepH,
    string Solver,
    int OutputPoints,
    IReadOnlyList<ParameterJson> ProvisionalParameters,
    IReadOnlyList<ParameterJson> ProvisionalEffectParameters,
    string Notes,
    string ModelVersion,
    string? OutFile,
    IReadOnlyList<string> PlotFiles,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TimeCourseJson? TimeCourse);

/// <summary>Exposure metrics of one analyte; null where a metric is undefined (e.g. the half-life when no drug reaches it).</summary>
internal sealed record ExposureJson(double? CmaxNgPerMl, double? TmaxH, double? Auc0To24NgHPerMl, double? AucInfNgHPerMl, double? TerminalHalfLifeH, double? AucToEndNgHPerMl)
{
    /// <summary>The JSON form of exposure metrics; NaN and infinities become null.</summary>
    public static ExposureJson Of(ExposureMetrics m) => new(Finite(m.CmaxNgPerMl), Finite(m.TmaxH), Finite(m.Auc0To24NgHPerMl),
        Finite(m.AucInfNgHPerMl), Finite(m.TerminalHalfLifeH), Finite(m.AucToEndNgHPerMl));

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}

/// <summary>Peak dissociation of the typical subject: CADSS points and when.</summary>
internal sealed record DissociationJson(double PeakCadss, double PeakTimeH);

/// <summary>The largest antidepressant drug effect of the typical subject: MADRS points (negative = improvement) and when.</summary>
internal sealed record AntidepressantJson(double MaxEffectMadrs, double MaxEffectTimeH);

/// <summary>One administration.</summary>
internal sealed record DoseJson(double StartH, string Route, double DoseMg, double? InfusionH);

/// <summary>One model parameter.</summary>
internal sealed record ParameterJson(string Name, double Value, string Unit, string Description, string Source)
{
    /// <summary>The JSON form of a model parameter.</summary>
    public static ParameterJson Of(ModelParameter p) => new(p.Name, p.Value, p.Unit, p.Description, p.Source);
}

/// <summary>Every output time as columns: hours, ng/mL, CADSS points, MADRS points (negative = improvement).</summary>
internal sealed record TimeCourseJson(IReadOnlyList<double> TimeH, IReadOnlyList<double> ParentNgPerMl, IReadOnlyList<double>? MetaboliteNgPerMl,
    IReadOnlyList<double> Cadss, IReadOnlyList<double> MadrsChange);

/// <summary>Source-generated serializer metadata for <see cref="SimulationJson"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SimulationJson))]
internal sealed partial class SimulationJsonContext : JsonSerializerContext;

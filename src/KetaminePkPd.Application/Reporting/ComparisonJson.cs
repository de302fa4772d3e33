namespace KetaminePkPd.Application.Reporting;

/// <summary>The JSON shape of <c>compare --json</c>.</summary>
internal sealed record CompareJson(
    CompareSubjectJson Subject,
    double ThresholdNgPerMl,
    int PopulationSize,
    ulong Seed,
    IReadOnlyList<CompareArmJson> Arms,
    IReadOnlyList<ModelParameterJson> ProvisionalEffectParameters,
    string Notes,
    string ModelVersion,
    string? Reproduce,
    string? OutFile,
    IReadOnlyList<string> PlotFiles);

/// <summary>The typical patient of a comparison.</summary>
internal sealed record CompareSubjectJson(double WeightKg, double AgeYears, string Ancestry);

/// <summary>One arm: what is given, the typical patient's metrics, the uncertain input with the metrics at both ends, the population spread and the provisional PK parameters.</summary>
internal sealed record CompareArmJson(
    string Name,
    string Drug,
    string Model,
    string Route,
    string Dose,
    double DoseMg,
    double? InfusionH,
    int Sessions,
    double? IntervalH,
    CompareMetricsJson Typical,
    UncertainJson? Uncertain,
    CompareMetricsJson? AtLow,
    CompareMetricsJson? AtHigh,
    ComparePopulationJson? Population,
    IReadOnlyList<ModelParameterJson> ProvisionalParameters);

/// <summary>
/// The metrics of one arm (see <c>notes</c> in the JSON): parent exposure, dissociation, and the antidepressant drug
/// effect in MADRS points (negative = improvement).
/// </summary>
internal sealed record CompareMetricsJson(
    double CmaxNgPerMl,
    double TmaxH,
    double Auc0To24NgHPerMl,
    double TimeAboveH,
    double PeakCadss,
    double PeakCadssTimeH,
    double? CadssBelow4AfterH,
    double Antidepressant4H,
    double AntidepressantDay1,
    double AntidepressantDay7);

/// <summary>An input the literature does not pin down: the value used and the documented range.</summary>
internal sealed record UncertainJson(string Parameter, string Description, double Value, double Low, double High, string Source);

/// <summary>Percentiles of every metric over the virtual patients.</summary>
internal sealed record ComparePopulationJson(int Subjects, CompareMetricsJson P5, CompareMetricsJson Median, CompareMetricsJson P95);

/// <summary>A model parameter in a JSON document: name, value, unit, what it is and where it comes from.</summary>
internal sealed record ModelParameterJson(string Name, double Value, string Unit, string Description, string Source)
{
    /// <summary>The JSON form of a model parameter.</summary>
    public static ModelParameterJson Of(ModelParameter p) => new(p.Name, p.Value, p.Unit, p.Description, p.Source);
}

/// <summary>A correlation in a JSON document: r, its 95% CI, p and n.</summary>
internal sealed record CorrelationResultJson(double R, double Lower, double Upper, double P, int N)
{
    /// <summary>The JSON form of a correlation result, or null.</summary>
    public static CorrelationResultJson? Of(CorrelationResult? c) => c is null ? null : new(c.R, c.Lower, c.Upper, c.PValue, c.N);
}

/// <summary>Source-generated serializer metadata for <see cref="CompareJson"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CompareJson))]
internal sealed partial class ComparisonJsonContext : JsonSerializerContext;

namespace KetaminePkPd.Cli.Output;

/// <summary>The JSON shape of <c>compare --json</c>.</summary>
internal sealed record CompareJson(
    CompareSubjectJson Subject,
    double ThresholdNgPerMl,
    int PopulationSize,
    ulong Seed,
    IReadOnlyList<CompareArmJson> Arms,
    IReadOnlyList<ParameterJson> ProvisionalEffectParameters,
    string Notes,
    string ModelVersion,
    string Reproduce,
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
    IReadOnlyList<ParameterJson> ProvisionalParameters);

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

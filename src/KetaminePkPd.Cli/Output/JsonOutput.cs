using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KetaminePkPd.Cli.Output;

/// <summary>Writes the machine-readable results of the commands as one JSON object (camelCase, source-generated).</summary>
internal static class JsonOutput
{
    // Relaxed escaping keeps '+', quotes in text and non-ASCII readable; the output is never embedded in HTML.
    private static readonly CliJsonContext Context = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes <paramref name="value"/> as one indented JSON object followed by a newline.</summary>
    public static void Write(SimulationJson value, TextWriter stdout)
    {
        stdout.WriteLine(JsonSerializer.Serialize(value, Context.SimulationJson));
        stdout.Flush();
    }

    /// <summary>A finite number, or null for NaN and infinities (JSON has no NaN).</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>The JSON shape of <c>simulate --json</c>.</summary>
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
    string? OutFile)
{
    /// <summary>The figures written (--plot, --plot-effects, --plot-hysteresis), full paths.</summary>
    public IReadOnlyList<string> PlotFiles { get; init; } = [];
}

/// <summary>Exposure metrics of one analyte; null where a metric is undefined (e.g. the half-life when no drug reaches it).</summary>
internal sealed record ExposureJson(
    double? CmaxNgPerMl,
    double? TmaxH,
    double? Auc0To24NgHPerMl,
    double? AucInfNgHPerMl,
    double? TerminalHalfLifeH,
    double? AucToEndNgHPerMl);

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

/// <summary>Source-generated serializer metadata for the CLI's JSON output.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SimulationJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

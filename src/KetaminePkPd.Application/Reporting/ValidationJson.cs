using KetaminePkPd.Validation;

namespace KetaminePkPd.Application.Reporting;

/// <summary>The JSON document of a validation run (see <see cref="ValidationOutput.ToJson"/>).</summary>
internal sealed record ValidationJson(ulong Seed, int SubjectsPerArm, int HypothesisPool, int HypothesisReplicates, string Hypothesis,
    int Hits, int Misses, int ExplainedMisses, int Reported, IReadOnlyList<ValidationRowJson> Rows)
{
    /// <summary>The JSON form of a report.</summary>
    public static ValidationJson Of(ValidationReport r) => new(r.Settings.Seed, r.Settings.SubjectsPerArm, r.Settings.HypothesisPool, r.Settings.HypothesisReplicates,
        r.Settings.Hypothesis.ToString(), r.Hits, r.Misses, r.ExplainedMisses, r.Reported, [.. r.Rows.Select(ValidationRowJson.Of)]);
}

/// <summary>One row of the validation JSON.</summary>
internal sealed record ValidationRowJson(string Key, string Quantity, string Design, string Unit, double? Published, string PublishedText,
    double Low, double High, string Tolerance, string Source, string Use, string? KnownMiss, double Simulated, double? Deviation, string Status)
{
    /// <summary>The JSON form of a row.</summary>
    public static ValidationRowJson Of(ValidationRow r) => new(r.Target.Key, r.Target.Quantity, r.Target.Design, r.Target.Unit, r.Target.Published,
        r.Target.PublishedText, r.Target.Low, r.Target.High, r.Target.Tolerance, r.Target.Source, ValidationMarkdown.Word(r.Target.Use), r.Target.KnownMiss,
        r.Simulated, r.Deviation, r.Status switch
        {
            ValidationStatus.Hit => "hit",
            ValidationStatus.Miss => "miss",
            ValidationStatus.ExplainedMiss => "explained-miss",
            _ => "reported",
        });
}

/// <summary>Source-generated serializer metadata for <see cref="ValidationJson"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ValidationJson))]
internal sealed partial class ValidationJsonContext : JsonSerializerContext;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Cli.Output;

/// <summary>The JSON shape of <c>validate --json</c>.</summary>
internal sealed record ValidationJson(ulong Seed, int SubjectsPerArm, int HypothesisPool, int HypothesisReplicates,
    int Hits, int Misses, int ExplainedMisses, int Reported, IReadOnlyList<ValidationRowJson> Rows)
{
    private static readonly ValidationJsonContext Context = new(new JsonSerializerOptions(ValidationJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The JSON form of a report.</summary>
    public static ValidationJson Of(ValidationReport r) => new(r.Settings.Seed, r.Settings.SubjectsPerArm, r.Settings.HypothesisPool, r.Settings.HypothesisReplicates,
        r.Hits, r.Misses, r.ExplainedMisses, r.Reported, [.. r.Rows.Select(ValidationRowJson.Of)]);

    /// <summary>Writes one indented JSON object and a newline.</summary>
    public static void Write(ValidationJson value, TextWriter stdout)
    {
        stdout.WriteLine(JsonSerializer.Serialize(value, Context.ValidationJson));
        stdout.Flush();
    }
}

/// <summary>One row of <c>validate --json</c>.</summary>
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

/// <summary>Source-generated serializer metadata for <c>validate --json</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ValidationJson))]
internal sealed partial class ValidationJsonContext : JsonSerializerContext;

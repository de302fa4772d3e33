using System.Text;
using System.Text.Json;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Evidence;

/// <summary>
/// Writes a catalogue design as a scenario file (docs/scenario-files.md), so that each entry's design runs on its own with
/// <c>ketamine-pkpd trial --design</c> or <c>hypothesis --design</c>. Only what the catalogue's designs use is written: drug, model,
/// scale, CADSS time, assessments, arms and the clinical preset; their populations are the defaults.
/// </summary>
internal static class EvidenceScenario
{
    /// <summary>The scenario-file JSON of a design whose clinical model is a preset. The population is not written (the file gets its
    /// model's default population, which every catalogue design uses; a test reads each file back and compares).</summary>
    /// <exception cref="ArgumentException">A clinical model that is not a preset.</exception>
    public static string ToJson(TrialDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        string preset = ClinicalModel.Presets.FirstOrDefault(p => p.Value == design.Clinical).Key
            ?? throw new ArgumentException($"Design '{design.Name}' has a clinical model that is not a preset.", nameof(design));
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", design.Name);
            w.WriteString("drug", Vocabulary.Token(design.Drug));
            w.WriteString("model", design.Population.Pk.Key);
            w.WriteString("scale", design.Scale == RatingScale.Madrs ? "madrs" : "hdrs17");
            w.WriteString("cadssAt", Durations.Format(design.CadssTime));
            w.WriteStartArray("assessments");
            foreach (var t in design.Assessments) w.WriteStringValue(Durations.Format(t));
            w.WriteEndArray();
            w.WriteStartArray("arms");
            foreach (var arm in design.Arms)
            {
                w.WriteStartObject();
                w.WriteString("name", arm.Name);
                w.WriteString("route", Vocabulary.Token(arm.Administration.Route));
                w.WriteString("dose", arm.Administration.Dose.ToString().Replace(" ", "", StringComparison.Ordinal));
                if (arm.Administration.IsInfusion) w.WriteString("infusion", Durations.Format(arm.Administration.InfusionDuration));
                w.WriteNumber("subjects", arm.Subjects);
                if (arm.Sessions > 1)
                {
                    w.WriteNumber("repeat", arm.Sessions);
                    w.WriteString("interval", Durations.Format(arm.Interval));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("clinical");
            w.WriteString("preset", preset);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
    }
}

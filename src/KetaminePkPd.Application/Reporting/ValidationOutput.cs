using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The readable report and the JSON document of a <see cref="ValidationReport"/>; the Markdown page docs/validation.md is
/// <see cref="ValidationMarkdown.ToMarkdown"/>.
/// </summary>
public static class ValidationOutput
{
    private static readonly ValidationJsonContext Context = new(Reporting.TrialJsonParts.Relaxed(ValidationJsonContext.Default.Options));

    /// <summary>
    /// The JSON document: settings (seed, subjectsPerArm, hypothesisPool, hypothesisReplicates, hypothesis: the one the trials ran under), counts (hits, misses,
    /// explainedMisses, reported) and one row per target (key, quantity, design, unit, published, publishedText, low, high,
    /// tolerance, source, use, knownMiss, simulated, deviation, status).
    /// </summary>
    /// <param name="report">The validation run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(ValidationJson.Of(report), Context.ValidationJson);
    }

    /// <summary>The readable report: one table row per target (status, key, simulated, acceptance, use, published and quantity), the counts and the explained misses.</summary>
    /// <param name="report">The validation run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static Report Build(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new ReportBuilder("The model against published targets").Table(null,
            [new ReportColumn("Status"), new ReportColumn("Key"), ReportColumn.Number("Simulated"), new ReportColumn("Accept"), new ReportColumn("Use"), new ReportColumn("Published: quantity")],
            report.Rows.Select(r => (IEnumerable<string>)[ValidationMarkdown.Word(r.Status), r.Target.Key, ValidationMarkdown.Number(r.Simulated),
                ValidationMarkdown.Acceptance(r.Target), ValidationMarkdown.Word(r.Target.Use), $"{Published(r.Target)}: {r.Target.Quantity}"]));
        builder.Text(ValidationMarkdown.Summary(report));
        foreach (var r in report.Rows.Where(r => r.Status == ValidationStatus.ExplainedMiss))
            builder.Reading($"{r.Target.KnownMiss}.", $"Explained miss {r.Target.Key}:");
        builder.Provisional("Effect parameters and the clinical model are PROVISIONAL calibrations. Sources, designs and tolerances: docs/validation.md or the JSON.");
        builder.Text(string.Create(CultureInfo.InvariantCulture, $"Run time {report.Elapsed.TotalSeconds:0.0} s."));
        return builder.Build();
    }

    private static string Published(ValidationTarget t) =>
        t.PublishedText + (t.Unit == "-" || t.PublishedText.EndsWith(t.Unit, StringComparison.Ordinal) ? "" : " " + t.Unit);
}

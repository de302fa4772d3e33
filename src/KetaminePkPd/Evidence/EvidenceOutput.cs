using KetaminePkPd.Reporting;

namespace KetaminePkPd.Evidence;

/// <summary>The readable reports of the evidence catalogue; the Markdown page docs/evidence.md is <see cref="EvidenceMarkdown.ToMarkdown"/>.</summary>
public static class EvidenceOutput
{
    /// <summary>The catalogue as a report: one row per entry (key, n, reported statistic, overlap group, study).</summary>
    /// <param name="entries">Entries to list, or null for <see cref="EvidenceCatalogue.All"/>.</param>
    public static Report Catalogue(IEnumerable<EvidenceEntry>? entries = null)
    {
        var list = (entries ?? EvidenceCatalogue.All).ToList();
        var builder = new ReportBuilder("Published analyses of dissociation and the antidepressant response").Table(null,
            [new ReportColumn("Key"), ReportColumn.Number("n"), new ReportColumn("Reported"), new ReportColumn("Overlap"), new ReportColumn("Study")],
            list.Select(e => (IEnumerable<string>)[e.Key, e.AnalysisN.ToString(System.Globalization.CultureInfo.InvariantCulture),
                EvidenceMarkdown.Short(e.Statistic), e.OverlapGroup ?? "-", e.Study]));
        builder.Text("Negative r or slope: more dissociation, more improvement. n: patients behind the statistic (a review: one reviewed study's size). " +
            "Entries of one overlap group share patients or counted studies.");
        builder.Text("Citations, designs and what could not be read: docs/evidence.md and docs/literature.md section 11.");
        return builder.Build();
    }
}

using System.Text.Json.Nodes;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Evidence;

namespace KetaminePkPd.Application.Reporting;

/// <summary>The readable reports, the JSON document and the CSV table of the evidence catalogue and of <see cref="EvidenceResult.Run"/>;
/// the Markdown page docs/evidence.md is <see cref="EvidenceMarkdown.ToMarkdown"/>.</summary>
public static class EvidenceOutput
{
    /// <summary>The catalogue as a report: one row per entry (key, n, reported statistic, overlap group, study).</summary>
    /// <param name="entries">Entries to list, or null for <see cref="EvidenceEntry.All"/>.</param>
    public static Report Catalogue(IEnumerable<EvidenceEntry>? entries = null)
    {
        var list = (entries ?? EvidenceEntry.All).ToList();
        var builder = new ReportBuilder("Published analyses of dissociation and the antidepressant response").Table(null,
            [new ReportColumn("Key"), ReportColumn.Number("n"), new ReportColumn("Reported"), new ReportColumn("Overlap"), new ReportColumn("Study")],
            list.Select(e => (IEnumerable<string>)[e.Key, e.AnalysisN.ToString(CultureInfo.InvariantCulture),
                EvidenceMarkdown.Short(e.Statistic), e.OverlapGroup ?? "-", e.Study]));
        builder.Text("Negative r or slope: more dissociation, more improvement. n: patients behind the statistic (a review: one reviewed study's size). " +
            "Entries of one overlap group share patients or counted studies.");
        builder.Text("Citations, designs and what could not be read: docs/evidence.md and docs/literature.md section 11.");
        return builder.Build();
    }

    /// <summary>The readable report of a run: one table of compatibility p per entry and hypothesis, the joint verdicts, and a reading per hypothesis.</summary>
    /// <param name="result">The run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static Report Build(EvidenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var hypotheses = s.Hypotheses;
        var builder = new ReportBuilder("Which explanations of the dissociation-response correlation fit the published evidence?")
            .Fact("Entries", $"{s.Entries.Length} ({s.Entries.Count(e => !EvidenceEntry.All.Contains(e))} from a study file; docs/evidence.md)")
            .Fact("Hypotheses", string.Join("; ", hypotheses.Select(h => h.ToString())))
            .Fact("Replicates", $"{s.Replicates} trials per entry and hypothesis, each enrolling the entry's n from a pool of {s.PoolFactor} x n patients (at least {EvidenceSettings.MinPoolSize}) simulated once per design and pharmacology ({result.PatientsSimulated} in all)")
            .Fact("Seed", s.Seed.ToString(CultureInfo.InvariantCulture));
        builder.Table("Compatibility p of each entry (below " + N(s.Alpha) + ": the hypothesis does not produce what was reported)",
            [new ReportColumn("Entry"), new ReportColumn("Reported"), .. hypotheses.Select(h => ReportColumn.Number(h.Name))],
            s.Entries.Select(e => (IEnumerable<string>)[e.Key, EvidenceMarkdown.Short(e.Statistic), .. hypotheses.Select(h => Cell(result[e.Key, h.Name]))]));
        builder.Table("The whole catalogue (weighted Bonferroni)",
            [new ReportColumn("Hypothesis"), ReportColumn.Number("Joint p"), new ReportColumn("Decided by"), new ReportColumn("Verdict")],
            result.Joint.Select(j => (IEnumerable<string>)[j.Hypothesis.Name, P(j.P), j.Decisive, j.Compatible ? "survives" : "rejected"]));
        builder.Text($"Joint p = min(1, min over entries of p x G x k), G = {result.Joint[0].Groups} overlap groups, k = entries in the entry's group: each group " +
            "(one sample, or the reviews) gets an equal share of alpha, so the bound holds whatever the dependence between entries. " +
            "* marks p < alpha. Entry p: two-sided compatibility of a reported value; for \"not significant\" or a direction, the probability of that outcome; " +
            "for a review, the binomial p of its count of significant tests.");
        foreach (var h in hypotheses)
        {
            var j = result.Joint.First(x => x.Hypothesis == h);
            builder.Reading(string.Join(" ", s.Entries.Where(e => !result[e.Key, h.Name].Compatible).Select(e => $"{e.Key}: {result[e.Key, h.Name].Reading}")) is { Length: > 0 } against
                ? $"rejected by the catalogue (joint p {P(j.P)}, decided by {j.Decisive}). Entries against it: {against}"
                : $"compatible with every entry (joint p {P(j.P)}).", h.Name + ":");
        }
        builder.Provisional("Effect parameters, the clinical model and the hypothesis strengths are PROVISIONAL. Each design simplifies its study (docs/evidence.md); " +
            "an n the source does not give is back-calculated or assumed as stated there.");
        builder.Text(string.Create(CultureInfo.InvariantCulture, $"Run time {result.Elapsed.TotalSeconds:0.0} s."));
        return builder.Build();
    }

    /// <summary>The JSON document: settings, one row per entry and hypothesis, and the joint verdicts (run time left out).</summary>
    /// <param name="result">The run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToJson(EvidenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var root = new JsonObject
        {
            ["settings"] = new JsonObject
            {
                ["replicates"] = s.Replicates, ["poolFactor"] = s.PoolFactor, ["seed"] = s.Seed, ["alpha"] = s.Alpha,
                ["hypotheses"] = new JsonArray([.. s.Hypotheses.Select(h => (JsonNode)JsonValue.Create(h.ToString())!)]),
                ["entries"] = new JsonArray([.. s.Entries.Select(e => (JsonNode)new JsonObject
                {
                    ["key"] = e.Key, ["study"] = e.Study, ["citation"] = e.Citation, ["reported"] = e.Statistic.Reported, ["kind"] = e.Statistic.Kind.ToString(),
                    ["value"] = Num(e.Statistic.Value), ["n"] = e.AnalysisN, ["overlapGroup"] = e.OverlapGroup, ["test"] = e.Test.ToString(),
                    ["outcomeAt"] = Durations.Format(e.OutcomeTime), ["fromStudyFile"] = !EvidenceEntry.All.Contains(e),
                })]),
            },
            ["rows"] = new JsonArray([.. result.Rows.Select(r => (JsonNode)new JsonObject
            {
                ["entry"] = r.Entry.Key, ["hypothesis"] = r.Hypothesis.Name, ["replicates"] = r.Replicates, ["median"] = Num(r.Median),
                ["lower95"] = Num(r.Lower95), ["upper95"] = Num(r.Upper95), ["shareSignificant"] = r.ShareSignificant, ["p"] = r.P,
                ["compatible"] = r.Compatible, ["reading"] = r.Reading,
            })]),
            ["joint"] = new JsonArray([.. result.Joint.Select(j => (JsonNode)new JsonObject
            {
                ["hypothesis"] = j.Hypothesis.Name, ["p"] = j.P, ["decisive"] = j.Decisive, ["groups"] = j.Groups, ["compatible"] = j.Compatible,
            })]),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>One CSV row per entry and hypothesis (docs/evidence.md lists the columns).</summary>
    /// <param name="result">The run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ResultTable Table(EvidenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ResultTable("evidence", [.. Columns], [.. result.Rows.Select(r => ImmutableArray.Create<ResultValue>(
            r.Entry.Key, r.Hypothesis.Name, r.Entry.Statistic.Kind.ToString(), ResultValue.Of(r.Entry.Statistic.Value), r.Entry.AnalysisN, r.Replicates,
            Finite(r.Median), Finite(r.Lower95), Finite(r.Upper95), r.ShareSignificant, r.P, r.Compatible, r.Entry.OverlapGroup ?? ""))]);
    }

    private static readonly ResultColumn[] Columns =
    [
        new("entry", "catalogue or study-file key"), new("hypothesis", "hypothesis name"), new("reported_kind", "Pearson, Spearman, Slope, NotSignificant, SignificantDirection or ShareSignificant"),
        new("reported_value", "r, slope or share as reported; empty when none"), new("n", "patients per simulated trial"), new("replicates", "replicate trials with a defined statistic"),
        new("median", "median simulated r or slope"), new("lower_95", "2.5th percentile"), new("upper_95", "97.5th percentile"),
        new("share_significant", "share of replicate trials with p < 0.05 (in the entry's direction when it has one)"), new("p", "compatibility p"),
        new("compatible", "p >= alpha"), new("overlap_group", "entries sharing patients or counted studies"),
    ];

    private static ResultValue Finite(double x) => double.IsFinite(x) ? ResultValue.Of(x) : ResultValue.Empty;

    private static JsonNode? Num(double? x) => x is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    private static string Cell(EvidenceRow r) => P(r.P) + (r.Compatible ? "" : "*");

    private static string P(double p) => p >= 0.995 ? "1" : p < 0.0001 ? "< 0.0001" : p.ToString(p < 0.001 ? "0.0000" : p < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture);

    private static string N(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}

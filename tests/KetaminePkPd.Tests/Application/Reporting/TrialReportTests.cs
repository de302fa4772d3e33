using System.Text.Json;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Trials;
using KetaminePkPd.Application;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Application.Reporting;

/// <summary><see cref="TrialReport"/>: the report, JSON document and per-patient table of one virtual trial.</summary>
public sealed class TrialReportTests
{
    private static readonly TrialRequest Request = new(DesignChoice.Resolve("dose-ranging"), subjects: 30, hypothesis: "mediation", new HypothesisStrengths(share: 0.3), seed: 4);
    private static readonly TrialResult Result = Request.Run();

    [Fact]
    public void Patients_NamesTheScaleInEveryDepressionColumn_AndHoldsTheLibrarysValues()
    {
        var table = TrialReport.Patients(Result);

        Assert.Equal(30, table.Rows.Length);
        Assert.Equal(17 + 5 * Result.Design.Assessments.Length, table.Columns.Length);
        Assert.Equal("baseline_madrs", table.Columns[16].Name);
        Assert.Equal(["score_madrs_230min", "change_madrs_230min", "pct_change_madrs_230min", "responder_madrs_230min", "remitter_madrs_230min"],
            table.Columns.Skip(17).Take(5).Select(c => c.Name));
        int change = table.IndexOf("change_madrs_1d"), pct = table.IndexOf("pct_change_madrs_1d"), cadss = table.IndexOf("cadss");
        for (int i = 0; i < 30; i++)
        {
            var s = Result.Subjects[i];
            Assert.Equal(s.Changes[1], table.Rows[i][change].Number);
            Assert.Equal(s.Scores[1] - s.Baseline, table.Rows[i][change].Number, 9);   // negative = improvement
            Assert.Equal(s.PercentChanges[1], table.Rows[i][pct].Number);
            Assert.Equal(s.CadssRated, table.Rows[i][cadss].Number);
            Assert.Equal(Result.Design.Arms[s.Simulated.Arm].Name, table.Rows[i][1].Text);
        }
    }

    [Fact]
    public void Patients_WrittenAndReadBack_GiveTheTrialsAssociations()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ketamine-pkpd-{Guid.NewGuid():N}.csv");
        try
        {
            using (var stream = File.Create(path)) TrialReport.Patients(Result).WriteCsv(stream);
            var observed = ObservedCorrelation.Read(path);
            Assert.Equal(Result.Design.Assessments, observed.Select(o => o.Time));
            for (int k = 0; k < observed.Count; k++) Assert.Equal(Result.Associations[k]!.Raw.R, observed[k].R, 12);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ColumnTime_KeepsLabelsAndTurnsDecimalLabelsIntoWholeUnits()
    {
        Assert.Equal("230min", TrialReport.ColumnTime(TimeSpan.FromMinutes(230)));
        Assert.Equal("7d", TrialReport.ColumnTime(TimeSpan.FromDays(7)));
        Assert.Matches("^[a-z0-9]+$", TrialReport.ColumnTime(TimeSpan.FromDays(3.5)));
        Assert.Equal(TimeSpan.FromDays(3.5), Durations.Parse(TrialReport.ColumnTime(TimeSpan.FromDays(3.5)), "t"));
    }

    [Fact]
    public void ToJson_HasTheRequestsSettingsCommandLineAndFiniteArmSummaries()
    {
        using var doc = JsonDocument.Parse(TrialReport.ToJson(Request, Result, "/tmp/p.csv", ["/tmp/s.png"]));
        var json = doc.RootElement;

        Assert.Equal("dose-ranging", json.GetProperty("designKey").GetString());
        Assert.Equal("MADRS", json.GetProperty("scale").GetString());
        Assert.Equal(0.3, json.GetProperty("hypothesis").GetProperty("mediationShare").GetDouble());
        Assert.Equal(["design", "subjects", "hypothesis", "seed"], json.GetProperty("differsFromDefaults").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("ketamine-pkpd trial --design dose-ranging --subjects 30 --hypothesis mediation --share 0.3 --seed 4", json.GetProperty("reproduce").GetString());
        Assert.Equal("/tmp/p.csv", json.GetProperty("outFile").GetString());
        Assert.Equal(["/tmp/s.png"], json.GetProperty("plotFiles").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(5, json.GetProperty("arms").GetArrayLength());
        Assert.Equal(Result.Overall.MeanCadss, json.GetProperty("overall").GetProperty("meanCadss").GetDouble(), 12);
    }

    [Fact]
    public void Build_HasTheArmTablesAssociationsSignConventionAndProvisionalLine()
    {
        var report = TrialReport.Build(Request, Result);

        Assert.StartsWith("ketamine-pkpd trial: Dose ranging", report.Title, StringComparison.Ordinal);
        Assert.Equal(["Dissociation by arm (CADSS points)", "Depression (MADRS) by arm and assessment", "Association of CADSS (40 min) with % change of MADRS, all 30 patients"],
            report.Tables.Select(t => t.Title));
        Assert.Equal(6, report.Tables.First().Rows.Length);   // five arms and "all"
        var r = report.Tables.Last().Rows[0];
        Assert.Equal("r vs % change", r[0]);
        Assert.Equal(Formatting.R(Result.Associations[0]!.Raw.R), r[1]);
        string md = report.ToMarkdown();
        Assert.Contains("a negative r means more dissociation, more improvement", md, StringComparison.Ordinal);
        Assert.Contains("PROVISIONAL", md, StringComparison.Ordinal);
        Assert.Contains("hypothesis strengths (illustrations)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_StrengthForAnotherHypothesis_NamesBothAndTheWayOut()
    {
        var withDefault = Assert.Throws<ArgumentException>(() => new TrialRequest(strengths: new HypothesisStrengths(rho: 0.2)));
        var withOther = Assert.Throws<ArgumentException>(() => new TrialRequest(hypothesis: "mediation", strengths: new HypothesisStrengths(thresholdCadss: 10)));
        Assert.Equal("--rho applies to the shared-sensitivity hypothesis; give --hypothesis shared-sensitivity too (this run's hypothesis is exposure-only, the default).", withDefault.Message);
        Assert.Equal("--threshold-cadss applies to the expectancy hypothesis, but this run's hypothesis is mediation; use --hypothesis expectancy.", withOther.Message);
        Assert.Contains("--subjects '3'", Assert.Throws<ArgumentException>(() => new TrialRequest(DesignChoice.Resolve("dose-ranging"), subjects: 3)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunStreamed_WritesTheSameCsvBytes_AndTheSameSummaries_AsRunThenWriteCsv()
    {
        foreach (var (design, subjects, hypothesis) in new[] { ("nimh", 108, (string?)null), ("dose-ranging", 250, "mediation"), ("esketamine-intranasal", 60, "expectancy") })
        {
            var request = new TrialRequest(DesignChoice.Resolve(design), subjects, hypothesis, seed: 11);
            var kept = request.Run();
            using var expected = new MemoryStream();
            TrialReport.Patients(kept).WriteCsv(expected);
            using var streamed = new MemoryStream();
            var result = TrialReport.RunStreamed(request, streamed);
            Assert.Equal(expected.ToArray(), streamed.ToArray());
            Assert.Empty(result.Subjects);
            Assert.Equal(kept.Overall, result.Overall);
            // The JSON holds every arm summary and association, numbers written round-trip.
            Assert.Equal(TrialReport.ToJson(request, kept, "t.csv", []), TrialReport.ToJson(request, result, "t.csv", []));
        }
    }
}

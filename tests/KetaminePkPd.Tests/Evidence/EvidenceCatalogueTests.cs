using KetaminePkPd.Evidence;
using KetaminePkPd.Trials;
using MathNet.Numerics.Distributions;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Evidence;

public class EvidenceCatalogueTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public void All_HasAtLeastTenEntries_WithUniqueKeys_AndEveryKindOfSourceTheIssueNames()
    {
        var all = EvidenceEntry.All;
        Assert.True(all.Length >= 10, $"{all.Length} entries");
        Assert.Equal(all.Length, all.Select(e => e.Key).Distinct().Count());
        foreach (string key in new[] { "luckenbaugh2014-230min", "luckenbaugh2014-7d", "niciu2018", "garcia-romeu-day2", "chen2022-t2-day2", "mathai2020", "grabski2020" })
            Assert.Equal(key, EvidenceEntry.Get(key.ToUpperInvariant()).Key);
        var e = Assert.Throws<ArgumentException>(() => EvidenceEntry.Get("nosuch"));
        Assert.Contains("luckenbaugh2014-230min", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Luckenbaugh_BackCalculatedN_ReproducesThePublishedPValues()
    {
        // t = r sqrt(n - 2) / sqrt(1 - r^2) on n - 2 degrees of freedom; the published p-values are 0.007 (r -0.35) and 0.01 (r -0.41).
        static double P(double r, int n) => 2 * StudentT.CDF(0, 1, n - 2, -Math.Abs(r) * Math.Sqrt(n - 2) / Math.Sqrt(1 - r * r));
        var e230 = EvidenceEntry.Get("luckenbaugh2014-230min");
        var e7 = EvidenceEntry.Get("luckenbaugh2014-7d");
        Assert.Equal(0.007, Math.Round(P(e230.Statistic.Value!.Value, e230.AnalysisN), 3));
        Assert.Equal(0.01, Math.Round(P(e7.Statistic.Value!.Value, e7.AnalysisN), 2));
        // and the n of the library's built-in observations are the same
        Assert.Equal(ObservedCorrelation.Luckenbaugh230Min.N, e230.AnalysisN);
        Assert.Equal(ObservedCorrelation.LuckenbaughDay7.N, e7.AnalysisN);
    }

    [Fact]
    public void GarciaRomeu_IntervalAndPValue_AreMutuallyConsistent()
    {
        // A 95% interval [-0.08, -0.002] has SE (0.078 / 3.92) = 0.0199 and centre -0.041: z = 2.06, two-sided p = 0.039, printed 0.04.
        var s = EvidenceEntry.Get("garcia-romeu-day2").Statistic;
        double se = (s.High!.Value - s.Low!.Value) / (2 * 1.959964), centre = (s.High.Value + s.Low.Value) / 2;
        double p = 2 * Normal.CDF(0, 1, -Math.Abs(centre / se));
        Assert.Equal(0.04, Math.Round(p, 2));
        Assert.Equal(s.P, 0.04);
        Assert.True(s.Value < 0, "more dissociation, more improvement is negative");
    }

    [Fact]
    public void Reviews_ShareMatchesTheirCounts_AndNoCountIsInvented()
    {
        var mathai = EvidenceEntry.Get("mathai2020").Statistic;
        Assert.Equal(2.0 / 5, mathai.Value);
        Assert.Equal(2, mathai.Significant);
        var grabski = EvidenceEntry.Get("grabski2020").Statistic;
        Assert.Equal(0.26, grabski.Value);
        Assert.Equal(41, grabski.Tests);
        Assert.Null(grabski.Significant); // 26% of 41 is 10.7: the review does not state the count
        Assert.All(EvidenceEntry.All.Where(e => e.IsReview), e => Assert.Equal("reviews", e.OverlapGroup));
    }

    [Fact]
    public void OverlapGroups_PutSharedPatientsTogether()
    {
        Assert.Equal(["luckenbaugh2014-230min", "luckenbaugh2014-7d", "niciu2018"], EvidenceEntry.All.Where(e => e.OverlapGroup == "nimh").Select(e => e.Key));
        Assert.All(EvidenceEntry.All.Where(e => e.Key.StartsWith("chen2022", StringComparison.Ordinal) || e.Key.StartsWith("garcia-romeu", StringComparison.Ordinal)),
            e => Assert.Equal("transform", e.OverlapGroup));
    }

    [Fact]
    public void EveryDesign_RunsOnItsOwn_AsAScenarioFileThatReadsBackToTheSameDesign()
    {
        foreach (var e in EvidenceEntry.All)
        {
            var (design, hypothesis) = TrialDesignJson.Parse(EvidenceScenario.ToJson(e.Design));
            Assert.Null(hypothesis);
            Assert.Equal(e.Design.Name, design.Name);
            static object Fields(TrialArm a) => (a.Name, a.Administration.Route, a.Administration.Dose, a.Administration.InfusionDuration, a.Subjects, a.Sessions, a.Interval);
            Assert.Equal(e.Design.Arms.Select(Fields), design.Arms.Select(Fields));
            Assert.Equal(e.Design.Assessments.ToArray(), design.Assessments.ToArray());
            Assert.Equal(e.Design.CadssTime, design.CadssTime);
            Assert.Equal(e.Design.Scale, design.Scale);
            Assert.Equal(e.Design.Clinical, design.Clinical);
            Assert.Equal(e.Design.Population.Pk.Key, design.Population.Pk.Key);
            Assert.Contains(e.OutcomeTime, design.Assessments);
        }
    }

    [Fact]
    public void Entry_BadValues_ThrowNamingTheParameter()
    {
        var good = EvidenceEntry.Get("echegaray2025-24h");
        EvidenceEntry With(string key = "k", TimeSpan? time = null, int? n = null, string[]? arms = null) => new(key, "s", "c", "p", "r", "d", "o",
            good.Statistic, "u", "f", "x", null, good.Design, time ?? good.OutcomeTime, good.Outcome, arms ?? [], n ?? 10, "src", "a", EvidenceTest.Slope);
        Assert.Equal("key", Assert.ThrowsAny<ArgumentException>(() => With(key: "Bad Key")).ParamName);
        var t = Assert.ThrowsAny<ArgumentException>(() => With(time: TimeSpan.FromDays(2)));
        Assert.Equal("outcomeTime", t.ParamName);
        Assert.Contains("2d", t.Message, StringComparison.Ordinal);
        var n = Assert.ThrowsAny<ArgumentException>(() => With(n: 62));
        Assert.Equal("analysisN", n.ParamName);
        Assert.Equal("analysisArms", Assert.ThrowsAny<ArgumentException>(() => With(arms: ["nosuch"])).ParamName);
        Assert.Equal("low", Assert.ThrowsAny<ArgumentException>(() => EvidenceStatistic.Slope(-0.04, -0.03, 0.01, null, null, "x")).ParamName);
        Assert.Equal("significant", Assert.ThrowsAny<ArgumentException>(() => EvidenceStatistic.ShareSignificant(0.26, 41, 20, "x")).ParamName);
        Assert.Equal("direction", Assert.ThrowsAny<ArgumentException>(() => EvidenceStatistic.SignificantDirection(0, "x")).ParamName);
        Assert.Equal("p", Assert.ThrowsAny<ArgumentException>(() => EvidenceStatistic.Pearson(-0.3, 1.5, "x")).ParamName);
        // a reported slope is compared with the slope test only; a responder split needs the response outcome and a cut-off
        Assert.Equal("test", Assert.ThrowsAny<ArgumentException>(() => new EvidenceEntry("k", "s", "c", "p", "r", "d", "o", good.Statistic, "u", "f", "x", null,
            good.Design, good.OutcomeTime, good.Outcome, [], 10, "src", "a", EvidenceTest.Pearson)).ParamName);
        Assert.Equal("test", Assert.ThrowsAny<ArgumentException>(() => new EvidenceEntry("k", "s", "c", "p", "r", "d", "o", EvidenceStatistic.NotSignificant("x"), "u", "f", "x", null,
            good.Design, good.OutcomeTime, EvidenceOutcome.PointsChange, [], 10, "src", "a", EvidenceTest.ResponderSplit, splitAtCadss: 4)).ParamName);
    }

    [Fact]
    public void EvidenceMarkdown_CommittedDocsFile_IsUpToDate()
    {
        string path = RepoFile("docs/evidence.md");
        Assert.True(File.Exists(path), "docs/evidence.md is missing; run " + EvidenceMarkdown.RegenerateCommand);
        string committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == EvidenceMarkdown.ToMarkdown().ReplaceLineEndings("\n"), "docs/evidence.md is stale; regenerate it with " + EvidenceMarkdown.RegenerateCommand);
    }
}

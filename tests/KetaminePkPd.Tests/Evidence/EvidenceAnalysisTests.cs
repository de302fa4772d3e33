using KetaminePkPd.Evidence;
using KetaminePkPd.Trials;
using MathNet.Numerics.Distributions;

namespace KetaminePkPd.Tests.Evidence;

public class EvidenceAnalysisTests
{
    [Fact]
    public void Slope_WithoutCovariates_IsTheSimpleRegressionSlope_WithItsTTest()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: Sxy = 6, Sxx = 10, slope 0.6; fitted 2.8 .. 5.2, SSE = 2.4 on 3 df, SE = sqrt(2.4 / 3 / 10).
        var (slope, p) = EvidenceAnalysis.Slope([1, 2, 3, 4, 5], [2, 4, 5, 4, 5], [0, 0, 0, 0, 0], [30, 30, 30, 30, 30], 1);
        Assert.Equal(0.6, slope, 12);
        double t = 0.6 / Math.Sqrt(2.4 / 3 / 10);
        Assert.Equal(2 * StudentT.CDF(0, 1, 3, -t), p, 12);
    }

    [Fact]
    public void Slope_AdjustsForArm_AndBaseline()
    {
        // y = 2 x + 7 arm - 0.5 baseline + a small residual orthogonal to everything else: the adjusted slope is exactly 2.
        double[] x = [1, 3, 2, 5, 4, 6, 2, 7];
        int[] arm = [0, 0, 0, 0, 1, 1, 1, 1];
        double[] baseline = [30, 34, 28, 31, 35, 29, 33, 32];
        double[] y = [.. x.Select((xi, i) => 2 * xi + 7 * arm[i] - 0.5 * baseline[i])];
        var (slope, p) = EvidenceAnalysis.Slope(x, y, arm, baseline, 2);
        Assert.Equal(2, slope, 9);
        Assert.True(p < 1e-10, p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // a naive slope ignoring the arm offset is different, so the adjustment matters in this example
        var (naive, _) = EvidenceAnalysis.Slope(x, y, [0, 0, 0, 0, 0, 0, 0, 0], baseline, 1);
        Assert.True(Math.Abs(naive - 2) > 0.1, naive.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void BinomialTwoSided_MatchesTheClosedForm()
    {
        // k = 2 of n = 5 with p = 0.015: P(K >= 2) = 1 - 0.985^5 - 5 (0.015) 0.985^4; the lower tail is near 1, so p = 2 P(K >= 2).
        double upper = 1 - Math.Pow(0.985, 5) - 5 * 0.015 * Math.Pow(0.985, 4);
        Assert.Equal(2 * upper, EvidenceAnalysis.BinomialTwoSided(2, 5, 0.015), 12);
        Assert.Equal(1, EvidenceAnalysis.BinomialTwoSided(0, 5, 0));
        Assert.Equal(0, EvidenceAnalysis.BinomialTwoSided(1, 5, 0));
    }

    [Fact]
    public void Joint_IsWeightedBonferroni_OverOverlapGroups()
    {
        var h = Hypothesis.ExposureOnly;
        EvidenceRow Row(string key, double p) => new(EvidenceEntry.Get(key), h, 100, 0, 0, 0, 0, p, p >= 0.05, "r");
        // groups: nimh (2 entries here), transform (1), reviews (1): G = 3. min of p G k: 0.004 x 3 x 2 = 0.024 (nimh) vs 0.01 x 3 x 1 = 0.03.
        var joint = EvidenceAnalysis.Joint(h, [Row("luckenbaugh2014-230min", 0.004), Row("luckenbaugh2014-7d", 0.2), Row("chen2022-t2-day2", 0.01), Row("grabski2020", 0.5)], 0.05);
        Assert.Equal(3, joint.Groups);
        Assert.Equal(0.024, joint.P, 12);
        Assert.Equal("luckenbaugh2014-230min", joint.Decisive);
        Assert.False(joint.Compatible);
        Assert.Equal(0.9, EvidenceAnalysis.Joint(h, [Row("grabski2020", 0.9)], 0.05).P, 12);   // one group of one: p itself
        Assert.Equal(1, EvidenceAnalysis.Joint(h, [Row("grabski2020", 0.5), Row("niciu2018", 0.6)], 0.05).P);     // 0.5 x 2 groups, capped at 1
    }

    [Fact]
    public void Expectancy_ChangesNoSimulatedPatient_SoItsPoolIsShared()
    {
        var design = TrialDesign.Nimh;
        var exposure = new TrialSimulator(design, Hypothesis.ExposureOnly, 5);
        var expectancy = new TrialSimulator(design, Hypothesis.Expectancy(), 5);
        for (int i = 0; i < 20; i++) Assert.Equal(exposure.Simulate(i), expectancy.Simulate(i));
    }

    [Fact]
    public void Run_ThreeStrongStudiesFromAFile_RejectExposureOnly_WhereTheCatalogueSubsetDidNot()
    {
        // Baseline: Echegaray's two non-significant results (one overlap group); exposure-only fits them (a non-significant result is what it produces).
        var baseEntries = EvidenceEntry.Select(EvidenceEntry.All, [string.Join(',', EvidenceEntry.All.Where(e => !e.Key.StartsWith("echegaray2025-72h", StringComparison.Ordinal)
            && !e.Key.StartsWith("echegaray2025-7d", StringComparison.Ordinal)).Select(e => e.Key))]);
        var settings = EvidenceSettings.Default with { Entries = baseEntries, Hypotheses = [Hypothesis.ExposureOnly], Replicates = 500, Seed = 3 };
        var before = EvidenceResult.Run(settings);
        Assert.True(before.Joint[0].Compatible, $"joint p {before.Joint[0].P}");

        // Three independent NIMH-like trials (one group each) that report r = -0.6 with 60 patients: under exposure-only (median r near 0,
        // SD about 0.13 at n = 60) each is far in the tail, p at the Monte Carlo floor 2/500 = 0.004; G = 4 groups, so p_joint = 0.016.
        string study(int i) => $$"""{ "key": "strong-{{i}}", "study": "Strong {{i}}", "citation": "test", "design": "nimh", "outcomeAt": "230min", "n": 60, "reported": { "kind": "pearson", "value": -0.6 } }""";
        var added = EvidenceEntry.Parse($$"""{ "studies": [ {{study(1)}}, {{study(2)}}, {{study(3)}} ] }""");
        Assert.Equal(3, added.Length);
        var after = EvidenceResult.Run(settings with { Entries = EvidenceEntry.Combine(baseEntries, added) });
        Assert.False(after.Joint[0].Compatible, $"joint p {after.Joint[0].P}");
        Assert.Equal(4, after.Joint[0].Groups);
        Assert.StartsWith("strong-", after.Joint[0].Decisive, StringComparison.Ordinal);
        Assert.Equal(2.0 / 500 * 4, after.Joint[0].P, 12);
        // the catalogue rows are the same with or without the added studies (same seed, same pools)
        foreach (var row in before.Rows) Assert.Equal(row.P, after[row.Entry.Key, row.Hypothesis.Name].P);
    }

    [Fact]
    public void Run_SerialAndParallel_AreIdentical()
    {
        var s = EvidenceSettings.Default with { Entries = [EvidenceEntry.Get("mathai2020"), EvidenceEntry.Get("echegaray2025-24h")], Hypotheses = [Hypothesis.SharedSensitivity()], Replicates = 200 };
        var a = EvidenceResult.Run(s);
        var b = EvidenceResult.Run(s with { Parallel = false });
        Assert.Equal(a.Rows.Select(r => (r.P, r.Median, r.ShareSignificant)), b.Rows.Select(r => (r.P, r.Median, r.ShareSignificant)));
    }

    [Theory]
    [InlineData("""{ "studies": [ { "key": "a", "nope": 1 } ] }""", "$.studies[0].nope")]
    [InlineData("""{ "studies": [ { "key": "a", "study": "s", "citation": "c", "design": { "name": "x", "assessments": ["1d"], "arms": [ { "name": "k", "route": "iv", "dose": "35", "subjects": 10 } ] }, "outcomeAt": "1d", "n": 10, "reported": { "kind": "not-significant" } } ] }""", "$.studies[0].design.arms[0].dose")]
    [InlineData("""{ "studies": [ { "key": "a", "study": "s", "citation": "c", "design": "nimh", "outcomeAt": "2d", "n": 10, "reported": { "kind": "not-significant" } } ] }""", "$.studies[0].outcomeAt")]
    [InlineData("""{ "studies": [ { "key": "a", "study": "s", "citation": "c", "design": "nimh", "outcomeAt": "1d", "n": 500, "reported": { "kind": "not-significant" } } ] }""", "$.studies[0].n")]
    [InlineData("""{ "studies": [ { "key": "a", "study": "s", "citation": "c", "design": "nimh", "outcomeAt": "1d", "n": 50, "reported": { "kind": "pearson", "value": 2 } } ] }""", "$.studies[0].reported.value")]
    [InlineData("""{ "studies": [ { "key": "a", "study": "s", "citation": "c", "design": "nimh", "outcomeAt": "1d", "n": 50, "reported": { "kind": "slope", "value": -1, "low": 0, "high": 1 } } ] }""", "$.studies[0].reported.low")]
    [InlineData("""{ "studies": [] }""", "$.studies")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("""{ "studies": [ { "key": "a" """, "$ (line")]
    public void Parse_BadFile_NamesTheJsonPath(string json, string path)
    {
        var e = Assert.ThrowsAny<FormatException>(() => EvidenceEntry.Parse(json));
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_And_Combine_RefuseUnknownAndRepeatedKeys()
    {
        Assert.Contains("'nosuch'", Assert.Throws<ArgumentException>(() => EvidenceEntry.Select(EvidenceEntry.All, ["nosuch"], "--exclude")).Message, StringComparison.Ordinal);
        Assert.Equal(EvidenceEntry.All.Length - 2, EvidenceEntry.Select(EvidenceEntry.All, ["mathai2020, grabski2020"]).Length);
        Assert.Throws<ArgumentException>(() => EvidenceEntry.Select(EvidenceEntry.All, [string.Join(',', EvidenceEntry.All.Select(e => e.Key))]));
        Assert.Throws<ArgumentException>(() => EvidenceEntry.Combine(EvidenceEntry.All, [EvidenceEntry.Get("niciu2018")]));
    }
}

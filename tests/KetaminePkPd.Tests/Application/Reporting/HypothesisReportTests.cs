using System.Text.Json;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Trials;
using KetaminePkPd.Application;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Application.Reporting;

/// <summary><see cref="HypothesisReport"/> and <see cref="HypothesisRequest"/>: the outputs of a small hypothesis test and the rules of its settings.</summary>
public sealed class HypothesisReportTests
{
    private static readonly HypothesisRequest Request = HypothesisRequest.Resolve(hypotheses: ["exposure-only, expectancy"], strengths: new HypothesisStrengths(boostMadrs: 4),
        replicates: 120, subjects: 400, seed: 9);
    private static readonly HypothesisTestResult Result = HypothesisTestResult.Run(Request.Settings);

    [Fact]
    public void Replicates_HoldsEveryReplicateRInOrder_AndItsDistributionIsTheComparisons()
    {
        var table = HypothesisReport.Replicates(Result);

        Assert.Equal(["hypothesis", "time_h", "time", "replicate", "r", "partial_r"], table.Columns.Select(c => c.Name));
        Assert.Equal(2 * 2 * 120, table.Rows.Length);
        foreach (var c in Result.Comparisons)
        {
            var rows = table.Rows.Where(r => r[0].Text == c.Hypothesis.Name && r[2].Text == Durations.Format(c.Observed.Time)).ToList();
            Assert.Equal(Enumerable.Range(0, 120).Select(i => (double)i), rows.Select(r => r[3].Number));
            Assert.Equal(c.Observed.Time.TotalHours, rows[0][1].Number);
            Assert.Equal(c.R.Values, rows.Select(r => r[4].Number).Order());
            Assert.Equal(c.PartialGivenExposure.Values, rows.Select(r => r[5].Number).Order());
        }
    }

    [Fact]
    public void ToJson_GivesSettingsComparisonsAndTheCommandLine()
    {
        using var doc = JsonDocument.Parse(HypothesisReport.ToJson(Request, Result, ["/tmp/r-230min.png"]));
        var json = doc.RootElement;

        Assert.Equal(4, json.GetProperty("settings").GetProperty("hypotheses")[1].GetProperty("expectancyBoostMadrs").GetDouble());
        Assert.Equal(400, json.GetProperty("settings").GetProperty("poolSize").GetInt32());
        Assert.Equal("ketamine-pkpd hypothesis --hypothesis exposure-only --hypothesis expectancy --boost 4 --replicates 120 --subjects 400 --seed 9",
            json.GetProperty("reproduce").GetString());
        Assert.Equal(["hypotheses", "replicates", "pool", "seed"], json.GetProperty("differsFromDefaults").EnumerateArray().Select(e => e.GetString()!));
        var first = json.GetProperty("comparisons")[0];
        Assert.Equal(Result.Comparisons[0].MedianR, first.GetProperty("medianR").GetDouble(), 12);
        Assert.Equal(TrialWording.Verdict(Result.Comparisons[0].Verdict).Replace(' ', '-'), first.GetProperty("verdict").GetString());
        Assert.Equal(2, json.GetProperty("sampleSizes").GetArrayLength());
    }

    [Fact]
    public void Build_HasOneTablePerObservationSampleSizesAndOneReadingPerComparison()
    {
        var report = HypothesisReport.Build(Request, Result);

        var tables = report.Tables.ToList();
        Assert.StartsWith("230 min: observed r = -0.35 (n = 58), 120 simulated trials", tables[0].Title, StringComparison.Ordinal);
        Assert.StartsWith("7 d: observed r = -0.41 (n = 39)", tables[1].Title, StringComparison.Ordinal);
        Assert.Equal("Trial size to tell each hypothesis from exposure-only", tables[2].Title);
        Assert.Equal(["exposure-only", "expectancy"], tables[0].Rows.Select(r => r[0]));
        Assert.Equal(Formatting.TwoSidedP(Result.Comparisons[0].Compatibility), tables[0].Rows[0][4]);
        Assert.Equal(Result.Comparisons.Select(c => c.Reading), report.Readings.Select(p => p.Text));
    }

    [Fact]
    public void Resolve_PoolBelowFourTimesTheLargestN_NamesTheMinimum()
    {
        Assert.Equal(232, HypothesisTestSettings.MinimumPoolSize(HypothesisTestSettings.Default.Observed));
        var ex = Assert.Throws<ArgumentException>(() => HypothesisRequest.Resolve(subjects: 231));
        Assert.Equal("--subjects 231: must be at least 4 times the largest observed n (58), i.e. at least 232.", ex.Message);
        Assert.Equal(232, HypothesisRequest.Resolve(subjects: 232).Settings.PoolSize);
    }

    [Theory]
    [InlineData(null, 40, "1d", null, "missing: --observed-r")]
    [InlineData(-0.3, null, null, null, "missing: --observed-n, --observed-at")]
    [InlineData(-0.3, 40, "2d", null, "--observed-at '2d': not an assessment of 'NIMH 0.5 mg/kg over 40 min'")]
    [InlineData(-0.3, null, null, "x.csv", "exclude each other")]
    public void Resolve_BadObservationCombination_NamesTheOptions(double? r, int? n, string? at, string? file, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => HypothesisRequest.Resolve(observedR: r, observedN: n,
            observedAt: at is null ? null : Durations.Parse(at, "at"), observedFile: file));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_StrengthsAndNames_FollowTheRules()
    {
        Assert.Contains("--share applies to the mediation hypothesis, which is not among those run (exposure-only); add --hypothesis mediation.",
            Assert.Throws<ArgumentException>(() => HypothesisRequest.Resolve(hypotheses: ["exposure-only"], strengths: new HypothesisStrengths(share: 0.2))).Message,
            StringComparison.Ordinal);
        Assert.Contains("given more than once", Assert.Throws<ArgumentException>(() => HypothesisRequest.Resolve(hypotheses: ["mediation", "Mediation"])).Message, StringComparison.Ordinal);
        Assert.Contains("empty hypothesis name", Assert.Throws<ArgumentException>(() => HypothesisRequest.Resolve(hypotheses: ["mediation,"])).Message, StringComparison.Ordinal);
        var all = HypothesisRequest.Resolve(strengths: new HypothesisStrengths(rho: 0.1));
        Assert.Equal(Hypothesis.Names, all.Settings.Hypotheses.Select(h => h.Name));
        Assert.Equal(0.1, all.Settings.Hypotheses[1].SensitivityCorrelation);
        Assert.Equal("ketamine-pkpd hypothesis --rho 0.1", all.CommandLine);
    }
}

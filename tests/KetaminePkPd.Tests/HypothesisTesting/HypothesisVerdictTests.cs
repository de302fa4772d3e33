using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.HypothesisTesting;

/// <summary>The two-sided verdict of <see cref="HypothesisTest"/>: an observation too weak for a hypothesis counts against it as much as one too strong.</summary>
public class HypothesisVerdictTests
{
    /// <summary>
    /// The esketamine-sized case of issue 9: r = -0.04 in 576 patients at day 1 of the intranasal design. Exposure only
    /// centres near 0.02 (95% of trials -0.06 to 0.11): compatible. A hypothesis that links the effects strongly puts
    /// -0.04 far outside its distribution on the weak side: incompatible, "weaker". Before the issue-10 recalibration
    /// (right-skewed CADSS, mostly independent of exposure) shared sensitivity at rho 0.7 was such a hypothesis (95% of
    /// trials -0.31 to -0.17); with the calibrated defaults it centres at -0.07 and -0.04 is compatible with it (p 0.47),
    /// so the strong link tested here is expectancy with a low threshold and a large boost (CADSS above 5 gives 12 MADRS
    /// points more placebo response), which centres at -0.25 (measured: 95% of trials -0.32 to -0.17, p &lt; 0.005).
    /// 400 replicates from a pool of 2400; about 2 s.
    /// </summary>
    [Fact]
    public void Run_EsketamineSizedNullObservation_IsWeakerThanAStrongLinkAndCompatibleWithExposureOnly()
    {
        var settings = HypothesisTestSettings.Default.WithDesign(TrialDesign.EsketamineIntranasal,
            [new ObservedCorrelation(TimeSpan.FromDays(1), -0.04, 576, "esketamine-sized")], 2400) with
        {
            Hypotheses = [Hypothesis.ExposureOnly, Hypothesis.Expectancy(5, 12)],
            Replicates = 400,
        };
        var result = HypothesisTestResult.Run(settings);
        var exposure = result.Comparisons.Single(c => c.Hypothesis.IsExposureOnly);
        var strong = result.Comparisons.Single(c => !c.Hypothesis.IsExposureOnly);

        Assert.Equal(CompatibilityVerdict.Weaker, strong.Verdict);
        Assert.True(strong.Compatibility.TwoSidedP < 0.05, $"expectancy p = {strong.Compatibility.TwoSidedP}");
        Assert.False(strong.Compatibility.IsInsideCentral95);
        Assert.True(strong.Compatibility.PercentileRank > 97.5);
        Assert.True(strong.ProbabilityAtLeastAsStrong > 0.95);   // the one-sided P alone would call it "typical"
        Assert.Contains("weaker than this hypothesis produces", strong.Reading);

        Assert.Equal(CompatibilityVerdict.Compatible, exposure.Verdict);
        Assert.True(exposure.Compatibility.TwoSidedP >= 0.05, $"exposure-only p = {exposure.Compatibility.TwoSidedP}");
        Assert.True(exposure.Compatibility.IsInsideCentral95);
        Assert.Contains("compatible with this hypothesis", exposure.Reading);
    }

    /// <summary>An observation at the middle of exposure-only's distribution (r = 0 in 58 patients at 230 min) is compatible, with p well above 0.5.</summary>
    [Fact]
    public void Run_ObservationInTheMiddle_IsCompatible()
    {
        var settings = HypothesisTestSettings.Default.WithDesign(HypothesisTestSettings.Default.Design,
            [new ObservedCorrelation(TimeSpan.FromMinutes(230), 0.0, 58, "middle")], 800) with
        {
            Hypotheses = [Hypothesis.ExposureOnly],
            Replicates = 400,
            Seed = 4,
        };
        var c = HypothesisTestResult.Run(settings).Comparisons.Single();
        Assert.Equal(CompatibilityVerdict.Compatible, c.Verdict);
        Assert.InRange(c.Compatibility.TwoSidedP, 0.5, 1);
        Assert.InRange(c.Compatibility.PercentileRank, 25, 75);
        Assert.True(c.Compatibility.IsInsideCentral95);
        Assert.Equal(c.R.CompatibilityWith(0.0), c.Compatibility);
    }

    /// <summary>Which way an incompatible observation misses, for distributions with and without a clear sign.</summary>
    [Theory]
    [InlineData(-0.30, -0.60, CompatibilityVerdict.Stronger)]      // negative hypothesis, observation beyond it
    [InlineData(-0.30, -0.02, CompatibilityVerdict.Weaker)]        // negative hypothesis, observation near zero
    [InlineData(-0.30, 0.20, CompatibilityVerdict.OppositeSign)]   // negative hypothesis, positive observation
    [InlineData(0.30, 0.02, CompatibilityVerdict.Weaker)]
    [InlineData(0.30, 0.60, CompatibilityVerdict.Stronger)]
    [InlineData(0.00, -0.40, CompatibilityVerdict.Stronger)]       // no clear sign: any miss is further from zero
    [InlineData(0.00, 0.40, CompatibilityVerdict.Stronger)]
    [InlineData(-0.30, -0.30, CompatibilityVerdict.Compatible)]
    public void Classify_MissDirection_FollowsTheDistributionsSign(double centre, double observed, CompatibilityVerdict expected)
    {
        // 1001 evenly spaced values centre +/- 0.1: the central 95% is about centre +/- 0.095.
        var values = Enumerable.Range(0, 1001).Select(i => centre - 0.1 + 0.2 * i / 1000).ToArray();
        var c = SamplingDistribution.FromReplicates(values).CompatibilityWith(observed);
        Assert.Equal(expected, HypothesisComparison.Classify(c));
    }
}

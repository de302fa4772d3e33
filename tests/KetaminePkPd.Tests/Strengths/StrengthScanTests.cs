using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Strengths;

namespace KetaminePkPd.Tests.Strengths;

/// <summary><see cref="StrengthScan"/> and <see cref="DetectionRates"/> on small settings (200 replicates, pools of 400; about 1-2 s each).</summary>
public class StrengthScanTests
{
    private static readonly StrengthScanSettings Small = StrengthScanSettings.Default with
    {
        Parameters = [StrengthParameter.MediationShare], Replicates = 200, PoolSize = 400, Seed = 3,
    };

    /// <summary>A share of 0 is exposure only: the same streams give bit for bit the hypothesis test's replicates; intervals follow the points.</summary>
    [Fact]
    public void Run_ZeroShare_IsExposureOnlyAndIntervalsFollowThePoints()
    {
        var result = StrengthScanResult.Run(Small);
        var points = result.PointsOf(StrengthParameter.MediationShare).ToList();
        Assert.Equal(StrengthScanSettings.Grid(StrengthParameter.MediationShare), points.Select(p => p.Value));
        var test = HypothesisTestResult.Run(HypothesisTestSettings.Default with { Hypotheses = [Hypothesis.ExposureOnly], Replicates = 200, PoolSize = 400, Seed = 3 });
        for (int o = 0; o < 2; o++) Assert.Equal(test.Comparisons[o].R.Values.ToArray(), points[0].Outcomes[o].R.Values.ToArray());

        Assert.Equal(3, result.Intervals.Length);
        foreach (var interval in result.Intervals)
        {
            int o = interval.Observed is null ? -1 : result.Settings.Observed.IndexOf(interval.Observed);
            var fits = points.Where(p => (o < 0 ? p.CombinedP : p.Outcomes[o].Compatibility.TwoSidedP) >= 0.05).Select(p => p.Value).ToList();
            Assert.Equal(fits.Count == 0 ? null : fits.Min(), interval.Lower);
            Assert.Equal(fits.Count == 0 ? null : fits.Max(), interval.Upper);
        }
        // Bonferroni: twice the smaller p of the two observations.
        foreach (var p in points)
            Assert.Equal(Math.Min(1, 2 * p.Outcomes.Min(x => x.Compatibility.TwoSidedP)), p.CombinedP, 15);
    }

    /// <summary>
    /// Issue 16: an observation beyond a hypothesis's reach gets an empty interval and a sentence saying so, with the strongest median r
    /// on the grid and the population ceiling; the ceilings of shared sensitivity, mediation and expectancy come with every scan.
    /// </summary>
    [Fact]
    public void Run_ObservationBeyondTheCeiling_SaysItIsBeyondReach()
    {
        var settings = Small with { Observed = [new ObservedCorrelation(TimeSpan.FromMinutes(230), -0.9, 58, "out of reach")] };
        var result = StrengthScanResult.Run(settings);
        var interval = Assert.Single(result.Intervals, i => i.Observed is not null);
        Assert.True(interval.IsEmpty);
        Assert.Equal(4 * settings.Design.Assessments.Length, result.Ceilings.Length);
        var mediation = Assert.Single(result.CeilingsOf(StrengthParameter.MediationShare, TimeSpan.FromMinutes(230)));
        Assert.True(mediation.SimulatedR > -0.5, $"mediation's ceiling {mediation.SimulatedR} is far from -0.9");
        string text = KetaminePkPd.Application.Reporting.StrengthsReport.Build(result, [], "nimh (built in)").ToMarkdown();
        Assert.Contains("beyond the reach of mediation", text, StringComparison.Ordinal);
        Assert.Contains("its strongest setting (share 1)", text, StringComparison.Ordinal);
    }

    /// <summary>Fisher's method for two p of 0.05: X = -4 ln 0.05 = 11.98, chi-squared 4 df survival e^(-X/2)(1 + X/2) = 0.01747 (closed form for even df).</summary>
    [Fact]
    public void Combine_FisherOfTwoFivePercents_MatchesChiSquaredClosedForm()
    {
        // 0.001..1 and the value 0.0255: 25 at or below, so p = 2 x 25/1000 = 0.05.
        var scaled = SamplingDistribution.FromReplicates(Enumerable.Range(1, 1000).Select(i => i / 1000.0).ToArray());
        var one = new SensitivityOutcome(new ObservedCorrelation(TimeSpan.FromDays(1), 0.0255, 40, "x"), scaled);
        Assert.Equal(0.05, one.Compatibility.TwoSidedP, 12);
        double x = -4 * Math.Log(0.05);
        double expected = Math.Exp(-x / 2) * (1 + x / 2);
        Assert.Equal(expected, StrengthScan.Combine([one, one], PValueCombination.Fisher), 10);
        Assert.Equal(0.1, StrengthScan.Combine([one, one], PValueCombination.Bonferroni), 12);
    }

    [Fact]
    public void At_BuildsEachHypothesisAtItsStrength()
    {
        Assert.Equal(0.3, StrengthScanSettings.HypothesisAt(StrengthParameter.SensitivityCorrelation, 0.3).SensitivityCorrelation);
        Assert.Equal(0.4, StrengthScanSettings.HypothesisAt(StrengthParameter.MediationShare, 0.4).MediationShare);
        Assert.Equal(9, StrengthScanSettings.HypothesisAt(StrengthParameter.ExpectancyBoost, 9).ExpectancyBoostMadrs);
        Assert.Equal(15, StrengthScanSettings.HypothesisAt(StrengthParameter.ExpectancyThreshold, 15).ExpectancyThresholdCadss);
        Assert.Throws<ArgumentOutOfRangeException>(() => StrengthScanSettings.HypothesisAt(StrengthParameter.MediationShare, 1.5));
        Assert.Equal(21, StrengthScanSettings.Grid(StrengthParameter.SensitivityCorrelation).Length);
    }

    /// <summary>
    /// Pearson's test p: r = 0.5 in 20 patients gives t = 0.5 sqrt(18/0.75) = 2.449 on 18 df, two-sided p = 0.0248
    /// (R: 2 * pt(-2.449, 18) = 0.02476). Detection rates grow with n under a strong shared sensitivity and stay near the
    /// one-sided false-positive rate under exposure only at small n.
    /// </summary>
    [Fact]
    public void DetectionRates_GrowWithTrialSizeUnderASharedSensitivity()
    {
        Assert.Equal(0.02476, DetectionRates.PearsonP(0.5, 20), 4);
        var rates = DetectionRates.Run(TrialDesign.Nimh, [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(0.9)], TimeSpan.FromMinutes(230),
            [20, 100], replicates: 200, poolSize: 400, seed: 3);
        Assert.Equal(4, rates.Length);
        var exposure20 = rates.Single(r => r.Hypothesis.IsExposureOnly && r.N == 20);
        Assert.InRange(exposure20.ShareSignificant, 0, 0.12);
        Assert.InRange(exposure20.ShareSignificantNegative, 0, exposure20.ShareSignificant);
        var shared = rates.Where(r => !r.Hypothesis.IsExposureOnly).ToList();
        Assert.True(shared[1].ShareSignificantNegative > shared[0].ShareSignificantNegative, $"{shared[0].ShareSignificantNegative} vs {shared[1].ShareSignificantNegative}");
        Assert.ThrowsAny<ArgumentException>(() => DetectionRates.Run(TrialDesign.Nimh, [Hypothesis.ExposureOnly], TimeSpan.FromMinutes(230), [200], 200, 400));
    }
}

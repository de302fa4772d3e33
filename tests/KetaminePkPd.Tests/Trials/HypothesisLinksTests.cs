using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Trials;

/// <summary>
/// Issue 16: shared sensitivity and mediation as dependence structures with calibrated marginals (docs/model.md section 5).
/// Strength 0 is exposure-only bit for bit; at any strength dissociation is untouched and the antidepressant effect keeps its
/// distribution across patients; only how the two depend on each other changes.
/// </summary>
public sealed class HypothesisLinksTests
{
    private const int Patients = 1500;
    private static readonly TrialDesign Design = TrialDesign.Nimh.WithTotalSubjects(Patients);
    private static readonly Lazy<SimulatedSubject[]> ExposureOnly = new(() => Pool(Hypothesis.ExposureOnly));

    private static SimulatedSubject[] Pool(Hypothesis h)
    {
        var simulator = new TrialSimulator(Design, h, 7);
        var pool = new SimulatedSubject[Patients];
        Parallel.For(0, Patients, i => pool[i] = simulator.Simulate(i));
        return pool;
    }

    [Fact]
    public void SharedSensitivityAtRhoZero_AndMediationAtShareZero_EqualExposureOnlyBitForBit()
    {
        var design = TrialDesign.Nimh.WithTotalSubjects(200);
        var exposure = VirtualTrial.Run(design, Hypothesis.ExposureOnly, 3);
        foreach (var h in new[] { Hypothesis.SharedSensitivity(0), Hypothesis.Mediation(0) })
        {
            var linked = VirtualTrial.Run(design, h, 3);
            Assert.Equal(exposure.Subjects.ToArray(), linked.Subjects.ToArray());   // every rated outcome, element by element (value equality)
        }
    }

    [Fact]
    public void HypothesisTest_RhoZero_GivesTheExposureOnlyReplicatesExactly()
    {
        // The command line's `hypothesis --hypothesis shared-sensitivity --rho 0` against exposure-only: the same replicate r, bit for bit.
        var settings = HypothesisTestSettings.Default with
        {
            Hypotheses = [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(0)], PoolSize = 400, Replicates = 100,
        };
        var r = HypothesisTestResult.Run(settings);
        for (int o = 0; o < settings.Observed.Length; o++)
        {
            var a = r.Comparisons.Single(c => c.Hypothesis.IsExposureOnly && c.Hypothesis.Name == "exposure-only" && c.Observed == settings.Observed[o]);
            var b = r.Comparisons.Single(c => c.Hypothesis.Name == "shared-sensitivity" && c.Observed == settings.Observed[o]);
            Assert.Equal(a.ReplicateR.ToArray(), b.ReplicateR.ToArray());
            Assert.Equal(a.ReplicatePartialR.ToArray(), b.ReplicatePartialR.ToArray());
        }
    }

    /// <summary>Strengths: rho in [-1, 1] or a mediated share in [0, 1], drawn uniformly.</summary>
    public static Arbitrary<Hypothesis> Strengths() =>
        Gen.OneOf(
                Gen.Choose(-1000, 1000).Select(k => Hypothesis.SharedSensitivity(k / 1000.0)),
                Gen.Choose(0, 1000).Select(k => Hypothesis.Mediation(k / 1000.0)))
            .ToArbitrary();

    /// <summary>
    /// At any strength: every patient's dissociation (CADSS at 40 min, its peak, the C50) is exactly the exposure-only one, and the
    /// drug effect's mean, SD and quartiles at 230 min and day 1 stay within Monte Carlo tolerance of exposure-only (1500 patients:
    /// SE of the mean about 0.2 points, of the SD about 0.15; the links re-draw which patient responds, not how many). Measured over
    /// the draws: largest mean shift 0.33 points, largest SD shift 0.33 points (mediation, share near 1).
    /// </summary>
    [Property(MaxTest = 12, Arbitrary = [typeof(HypothesisLinksTests)])]
    public bool AnyStrength_KeepsDissociationExactlyAndTheDrugEffectsDistribution(Hypothesis h)
    {
        var baseline = ExposureOnly.Value;
        var linked = Pool(h);
        for (int i = 0; i < Patients; i++)
        {
            if (linked[i].CadssAtRatingTime != baseline[i].CadssAtRatingTime || linked[i].CadssPeak != baseline[i].CadssPeak
                || linked[i].DissociationC50NgPerMl != baseline[i].DissociationC50NgPerMl || linked[i].ConcentrationAtCadssNgPerMl != baseline[i].ConcentrationAtCadssNgPerMl)
                return false;
        }
        for (int k = 0; k < 2; k++)   // 230 min and day 1
        {
            double[] a = [.. baseline.Select(s => s.DrugEffectMadrs[k])], b = [.. linked.Select(s => s.DrugEffectMadrs[k])];
            if (Math.Abs(a.Average() - b.Average()) > 0.6) return false;
            if (Math.Abs(Sd(a) - Sd(b)) > 0.6) return false;
            foreach (double q in new[] { 0.25, 0.5, 0.75 })
                if (Math.Abs(Quantile(a, q) - Quantile(b, q)) > 0.8) return false;
        }
        return true;
    }

    [Fact]
    public void MediationShareOne_KeepsTheMeanDrugEffectAt230MinAndDay1()
    {
        // Issue 16 "Must show": `hypothesis --hypothesis mediation --share 1` keeps the calibrated mean drug effect at 230 min and day 1
        // within the validation tolerance (docs/validation.md: +/-2.5 points around a mean; here within 0.6, measured 0.1-0.3).
        var baseline = ExposureOnly.Value;
        var mediated = Pool(Hypothesis.Mediation(1));
        for (int k = 0; k < 2; k++)
            Assert.Equal(baseline.Average(s => s.DrugEffectMadrs[k]), mediated.Average(s => s.DrugEffectMadrs[k]), 0.6);
        // ... and it does link them: patients who dissociate more now respond more.
        double r0 = Correlation(baseline), r1 = Correlation(mediated);
        Assert.InRange(r0, -0.1, 0.1);
        Assert.True(r1 < -0.3, $"peak CADSS vs day-1 drug effect: {r1} under mediation 1 (exposure-only {r0})");
    }

    [Fact]
    public void SharedSensitivity_SignOfRho_SetsTheDirectionOfTheLink()
    {
        double plus = Correlation(Pool(Hypothesis.SharedSensitivity(1))), minus = Correlation(Pool(Hypothesis.SharedSensitivity(-1)));
        Assert.True(plus < -0.3, $"rho 1: more dissociation, more improvement (r of CADSS with the negative drug effect {plus})");
        Assert.True(minus > 0.3, $"rho -1: the opposite ({minus})");
    }

    [Fact]
    public void Check_RefusesCombinationsThatWouldChangeTheMarginals()
    {
        var both = Hypothesis.Mediation(0.5) with { SensitivityCorrelation = 0.3 };
        var ex = Assert.Throws<ArgumentException>(() => HypothesisLinks.Check(Design, both));
        Assert.Contains("combines a shared sensitivity", ex.Message, StringComparison.Ordinal);

        var correlated = Design.With(population: Design.Population with { Variability = Design.Population.Variability.WithCorrelation("C50_D", "EC50_A", 0.3) });
        ex = Assert.Throws<ArgumentException>(() => new TrialSimulator(correlated, Hypothesis.Mediation(), 1));
        Assert.Contains("EC50_A and C50_D are correlated", ex.Message, StringComparison.Ordinal);
        // Exposure-only and expectancy do not care.
        _ = new TrialSimulator(correlated, Hypothesis.Expectancy(), 1);

        var noAntidepressantSpread = Design.With(population: PopulationModel.Default(PkParameterSet.Domino) with { Variability = Variability.Of(("CL", 0.3), ("C50_D", 0.5)) });
        ex = Assert.Throws<ArgumentException>(() => HypothesisLinks.Check(noAntidepressantSpread, Hypothesis.SharedSensitivity()));
        Assert.Contains("variability on none of them", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalScore_IsTheInverseNormalOfTheInterpolatedPlottingPosition()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.125), HypothesisLinks.NormalScore(sorted, 0.5), 12);   // below: the first position
        Assert.Equal(0, HypothesisLinks.NormalScore(sorted, 2.5), 12);                                                            // half-way: the median
        Assert.Equal(MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.375), HypothesisLinks.NormalScore(sorted, 2), 12);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.875), HypothesisLinks.NormalScore(sorted, 9), 12);
    }

    private static double Correlation(SimulatedSubject[] pool) =>
        KetaminePkPd.Statistics.Correlation.PearsonR([.. pool.Select(s => s.CadssPeak)], [.. pool.Select(s => s.DrugEffectMadrs[1])]);

    private static double Sd(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }

    private static double Quantile(double[] x, double q)
    {
        var s = x.Order().ToArray();
        double h = (s.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        return lo + 1 < s.Length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
    }
}

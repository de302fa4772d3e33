using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Trials;

public class VirtualTrialTests
{
    [Fact]
    public void Run_SameSeed_GivesIdenticalTrialSerialOrParallel()
    {
        var design = TrialDesign.Nimh.WithTotalSubjects(40);
        var parallel = VirtualTrial.Run(design, Hypothesis.SharedSensitivity(0.5), 11, parallel: true);
        var serial = VirtualTrial.Run(design, Hypothesis.SharedSensitivity(0.5), 11, parallel: false);
        for (int i = 0; i < 40; i++)
        {
            var (a, b) = (serial.Subjects[i].Simulated, parallel.Subjects[i].Simulated);
            Assert.Equal(a.Subject, b.Subject);
            Assert.Equal(a.ConcentrationAtCadssNgPerMl, b.ConcentrationAtCadssNgPerMl);
            Assert.Equal(a.DrugEffectMadrs.ToArray(), b.DrugEffectMadrs.ToArray());
            Assert.Equal(a.PlaceboMadrs, b.PlaceboMadrs);
            Assert.Equal(serial.Subjects[i].CadssRated, parallel.Subjects[i].CadssRated);
            Assert.Equal(serial.Subjects[i].PercentChanges.ToArray(), parallel.Subjects[i].PercentChanges.ToArray());
        }
        Assert.Equal(serial.Associations[0]!.Raw.R, parallel.Associations[0]!.Raw.R);
        var other = VirtualTrial.Run(design, Hypothesis.SharedSensitivity(0.5), 12);
        Assert.NotEqual(serial.Subjects[0].CadssRated, other.Subjects[0].CadssRated);
    }

    [Fact]
    public void Run_NimhDefaults_GiveOutcomesOfTheSizeModelMdTargets()
    {
        // docs/model.md section 4.1: mean peak CADSS about 8-20 after 0.5 mg/kg/40 min, right-skewed; 4.3: large placebo response.
        var r = VirtualTrial.Run(TrialDesign.Nimh, null, 1);
        Assert.Equal(108, r.Subjects.Length);
        Assert.InRange(r.Overall.MeanCadss, 8, 20);
        Assert.InRange(r.Overall.MeanPercentChange[1], -75, -25);   // day 1, HDRS % change including placebo
        Assert.All(r.Subjects, s => Assert.All(s.Scores, score => Assert.InRange(score, 0, 52)));
        Assert.All(r.Subjects, s => Assert.InRange(s.CadssRated, 0, 92));
    }

    [Fact]
    public void DoseRanging_ArmsRankByDose_Slow()
    {
        // Fava 2018 arms; 400 patients per arm so the ranking is not a coin toss (seed fixed).
        var design = TrialDesign.DoseRanging.WithTotalSubjects(2000);
        var r = VirtualTrial.Run(design, null, 5);
        var arms = r.Arms;
        for (int i = 2; i < arms.Length; i++)
        {
            Assert.True(arms[i].MeanCadss > arms[i - 1].MeanCadss, $"{arms[i].Arm} CADSS {arms[i].MeanCadss} vs {arms[i - 1].Arm} {arms[i - 1].MeanCadss}");
            Assert.True(arms[i].MeanPercentChange[1] < arms[i - 1].MeanPercentChange[1], $"{arms[i].Arm} day-1 % change {arms[i].MeanPercentChange[1]}");
        }
        Assert.True(arms[1].MeanPercentChange[1] < arms[0].MeanPercentChange[1], "0.1 mg/kg beats placebo on day 1");
    }

    [Fact]
    public void SharedSensitivity_PartialCorrelationGivenTrueExposure_IsNearZeroAtRho0AndRisesWithRho_Slow()
    {
        // Fixed 0.5 mg/kg; 3000 patients per trial: SE of r about 0.018. Rating noise off so only the biology remains.
        var design = TrialDesign.Nimh.WithTotalSubjects(3000).With(clinical: ClinicalModel.Default with { RatingNoiseSd = 0, CadssNoiseSd = 0, PlaceboSd = 0 });
        double Partial(double rho)
        {
            var t = VirtualTrial.Run(design, Hypothesis.SharedSensitivity(rho) with { SensitivityCorrelation = rho }, 21);
            var cadss = t.Subjects.Select(s => s.Simulated.CadssAtRatingTime).ToArray();
            var improvement = t.Subjects.Select(s => -s.Simulated.DrugEffectMadrs[1]).ToArray();   // day-1 drug effect, positive = improvement
            var exposure = t.Subjects.Select(s => s.Simulated.ConcentrationAtCadssNgPerMl).ToArray();
            return Correlation.PartialR(cadss, improvement, exposure);
        }
        double p0 = Partial(0), p5 = Partial(0.5), p9 = Partial(0.9);
        Assert.InRange(p0, -0.06, 0.06);
        Assert.True(p5 > p0 + 0.1, $"rho 0.5 gives {p5}, rho 0 gives {p0}");
        // Measured 0.11 at rho 0.5 and 0.19 at rho 0.9 (seed 21): the log-normal EMAX_D variability of issue 10, which this hypothesis
        // does not correlate with EC50_A, dilutes the link (before it the steps were larger than 0.1); 0.05 is twice the SE of the step.
        Assert.True(p9 > p5 + 0.05, $"rho 0.9 gives {p9}, rho 0.5 gives {p5}");
    }

    [Fact]
    public void Expectancy_OnlyPatientsAboveTheThresholdGetTheBoost()
    {
        var design = TrialDesign.Nimh.WithTotalSubjects(60);
        var r = VirtualTrial.Run(design, Hypothesis.Expectancy(20, 6), 3);
        Assert.All(r.Subjects, s => Assert.Equal(s.Simulated.CadssPeak > 20, s.NoticedDissociation));
        var none = VirtualTrial.Run(design, Hypothesis.ExposureOnly, 3);
        Assert.All(none.Subjects, s => Assert.False(s.NoticedDissociation));
        // Same patients, same noise: a noticed patient's day-7 score is lower by the boost on the placebo's time course (times the
        // scale factor), others unchanged.
        double course = design.Clinical.PlaceboCourse(24 * 7);
        for (int i = 0; i < 60; i++)
        {
            double diff = r.Subjects[i].Scores[3] - none.Subjects[i].Scores[3];
            double expected = r.Subjects[i].NoticedDissociation ? -6 * course / RatingScales.MadrsPerHdrs17 : 0;
            if (none.Subjects[i].Scores[3] > 5) Assert.Equal(expected, diff, 9);
        }
    }

    [Fact]
    public void Mediation_IndirectEffectThroughCadss_IsAbsentUnderExposureOnlyAndPresentUnderMediation_Slow()
    {
        // X = concentration at 40 min, M = CADSS, Y = % improvement at day 1; 1500 patients, placebo and rating noise
        // small so the pharmacology shows. Under exposure only, CADSS carries no information on improvement beyond
        // exposure (b = 0), so the bootstrap interval of a x b covers 0; under mediation it lies above 0.
        var design = TrialDesign.Nimh.WithTotalSubjects(1500).With(clinical: ClinicalModel.Default with { PlaceboSd = 0, RatingNoiseSd = 0.5, CadssNoiseSd = 0.5 });
        var none = VirtualTrial.Run(design, Hypothesis.ExposureOnly, 8).Associations[1]!.Mediation!;
        var mediated = VirtualTrial.Run(design, Hypothesis.Mediation(0.8), 8).Associations[1]!.Mediation!;
        Assert.InRange(0, none.IndirectLower, none.IndirectUpper);
        Assert.True(mediated.IndirectLower > 0, $"mediated indirect effect interval [{mediated.IndirectLower}, {mediated.IndirectUpper}]");
        Assert.Equal(AssociationSummary.MediationResamples, mediated.Resamples);
    }

    [Fact]
    public void Associations_SignConvention_ImprovementRIsMinusRawR()
    {
        var r = VirtualTrial.Run(TrialDesign.Nimh.WithTotalSubjects(50), Hypothesis.Mediation(0.8), 4);
        foreach (var a in r.Associations) Assert.Equal(-a!.Raw.R, a.ImprovementR);
    }

    [Fact]
    public void WithTotalSubjects_KeepsProportionsAndTheTotal()
    {
        var d = TrialDesign.DoseRanging.WithTotalSubjects(103);
        Assert.Equal(103, d.TotalSubjects);
        Assert.All(d.Arms, a => Assert.InRange(a.Subjects, 20, 21));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrialDesign.DoseRanging.WithTotalSubjects(3));
    }
}

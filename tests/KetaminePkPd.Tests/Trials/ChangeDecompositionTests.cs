using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Trials;

/// <summary>The variance decomposition of the % change (issue 16): closed forms and the ceilings it implies.</summary>
public sealed class ChangeDecompositionTests
{
    [Fact]
    public void Of_WithFixedBaselineAndNoFloor_MatchesTheClosedForms()
    {
        // Baseline fixed at 50 MADRS (SD 0), placebo N(4, 6) held from a 1-min onset, rating noise SD 2, an arm without drug, far from
        // the floor and ceiling of the scale: at day 1 the placebo part is -100 P / 50 with SD 100 x 6 / 50 = 12% and the rest is the
        // rating noise, SD 100 x 2 / 50 = 4% (closed forms), independent of each other.
        var clinical = ClinicalModel.Default with
        {
            BaselineMean = 50, BaselineSd = 0, PlaceboMean = 4, PlaceboSd = 6, PlaceboHalfTimeH = 1.0 / 60, PlaceboPersistentFraction = 1, RatingNoiseSd = 2,
        };
        var design = KetaminePkPd.Validation.ValidationDesigns.RacemicIv(6000).With(clinical: clinical);
        var trial = VirtualTrial.Run(design, null, 5);
        var saline = ChangeDecomposition.Of(trial, TimeSpan.FromDays(1), s => s.Simulated.Arm == 0);

        Assert.Equal(6000, saline.Patients);
        Assert.Equal(1, clinical.PlaceboCourse(24), 12);
        Assert.Equal(12 * 12, saline.PlaceboVariance, 144 * 0.06);   // SE of a variance of 6000 about 2% (3 SE)
        Assert.Equal(4 * 4, saline.RestVariance, 16 * 0.06);
        Assert.Equal(0, saline.DrugVariance);
        Assert.Equal(saline.PlaceboVariance + saline.RestVariance, saline.TotalVariance, saline.TotalVariance * 0.05);
        Assert.Equal(0, saline.DrugCeiling);

        // With the drug (the ketamine arm): the drug part is 100 D / 50 exactly, and the parts add up to the total by construction.
        var d = ChangeDecomposition.Of(trial, TimeSpan.FromDays(1));
        Assert.Equal(6000, d.Patients);
        Assert.Equal(Variance([.. trial.Subjects.Where(s => s.Simulated.Arm == 1).Select(s => 2.0 * s.Simulated.DrugEffectMadrs[1])]), d.DrugVariance, 1e-9);
        Assert.Equal(d.TotalVariance, d.DrugVariance + d.PlaceboVariance + d.RestVariance + 2 * (d.DrugPlaceboCovariance + d.DrugRestCovariance + d.PlaceboRestCovariance), 1e-6);
        Assert.InRange(d.DrugPlaceboCovariance, -0.1 * Math.Sqrt(d.DrugVariance * d.PlaceboVariance), 0.1 * Math.Sqrt(d.DrugVariance * d.PlaceboVariance));
        Assert.Equal(Math.Sqrt(d.DrugVariance / d.TotalVariance), d.DrugCeiling, 12);
    }

    [Fact]
    public void Of_NimhDesign_TheDrugCarriesAClearShareAtEveryAssessment()
    {
        // Issue 16 measured on the earlier model a drug share of 10% (230 min), 22% (day 1) and 0.9% (day 7), so ceilings near 0.33 and
        // 0.10. With the spread calibrated to the trials (docs/model.md section 4.3) the ceiling at 230 min is above Luckenbaugh's 0.35
        // and at day 7 near 0.45: no longer out of reach by construction (measured with 4000 patients: 0.56, 0.91, 0.68, 0.45).
        var trial = VirtualTrial.Run(TrialDesign.Nimh.WithTotalSubjects(3000), null, 1);
        var ceilings = TrialDesign.Nimh.Assessments.Select(t => ChangeDecomposition.Of(trial, t).DrugCeiling).ToArray();
        Assert.InRange(ceilings[0], 0.45, 0.65);
        Assert.InRange(ceilings[1], 0.8, 1.0);
        Assert.InRange(ceilings[3], 0.35, 0.55);
        Assert.All(TrialDesign.Nimh.Assessments, t => Assert.InRange(ChangeDecomposition.Of(trial, t).PlaceboShare, 0.3, 0.8));
    }

    [Fact]
    public void Of_BadArguments_Throw()
    {
        var trial = VirtualTrial.Run(TrialDesign.Nimh.WithTotalSubjects(10), null, 1);
        var ex = Assert.Throws<ArgumentException>(() => ChangeDecomposition.Of(trial, TimeSpan.FromDays(2)));
        Assert.Equal("time", ex.ParamName);
        Assert.Contains("not an assessment", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ChangeDecomposition.Of(trial, TimeSpan.FromDays(1), s => s.Simulated.Index < 2));
        Assert.Throws<ArgumentNullException>(() => ChangeDecomposition.Of(null!, TimeSpan.FromDays(1)));
    }

    private static double Variance(double[] x)
    {
        double m = x.Average();
        return x.Sum(v => (v - m) * (v - m)) / (x.Length - 1);
    }
}

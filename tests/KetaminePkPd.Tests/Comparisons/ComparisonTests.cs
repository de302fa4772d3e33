using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Tests.Comparisons;

public class RouteComparisonTests
{
    private static readonly ComparisonResult Defaults = ComparisonResult.Run(ComparisonArm.Defaults);

    [Fact]
    public void Run_IvArm_MatchesThePkSimulatorAndAnIndependentTimeAbove()
    {
        var iv = Defaults.Arms[0];
        var pk = PkSimulator.Simulate(PkParameterSet.Domino.CreateModel(Subject.TypicalAdult),
            DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40))),
            new SimulationOptions { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromSeconds(5) });
        Assert.Equal(pk.Parent.CmaxNgPerMl, iv.Typical.CmaxNgPerMl, 9);
        Assert.Equal(pk.Parent.Auc0To24NgHPerMl, iv.Typical.Auc0To24NgHPerMl, 9);
        // Time above 100 ng/mL on a 5-second grid, counted independently (0.711 h): the comparison interpolates on its
        // 2-min grid (0.703 h), so the crossings at the steep rise and fall may each be off by up to a minute.
        double above = pk.ParentNgPerMl.Count(c => c > 100) * 5.0 / 3600;
        Assert.InRange(iv.Typical.TimeAboveH, above - 1.0 / 60, above + 1.0 / 60);
        Assert.Null(iv.Uncertain);
        Assert.Equal(7.6, iv.Typical.PeakCadss, 1);               // EMAX_D 35.09 with acute tolerance (calibrate): 7.61 measured
        Assert.Equal(-12.3, iv.Typical.AntidepressantDay1, 1);    // -12.28 measured (calibrate's values, PkPdSimulatorTests)
    }

    [Fact]
    public void Run_RacemicIntranasal_IsFlaggedWithItsDocumentedBioavailabilityRange()
    {
        var nasal = Defaults.Arms.Single(a => a.Arm.Name == "racemic IN 50mg");
        Assert.NotNull(nasal.Uncertain);
        Assert.Equal("F_IN", nasal.Uncertain!.Parameter);
        Assert.Equal((0.11, 0.45), (nasal.Uncertain.Low, nasal.Uncertain.High));
        // F sets the nasal fraction FRn = (F - FGUT FH) / (1 - FGUT FH) (13% typical); the peak comes from the nasal part, the swallowed
        // part adding about 1% to it, so Cmax scales with FRn (docs/model.md section 3.3).
        static double Frn(double f) => (f - 0.64 * 0.018) / (1 - 0.64 * 0.018);
        Assert.Equal(Frn(0.11) / Frn(0.13), nasal.AtLow!.CmaxNgPerMl / nasal.Typical.CmaxNgPerMl, 0.02 * Frn(0.11) / Frn(0.13));
        Assert.Equal(Frn(0.45) / Frn(0.13), nasal.AtHigh!.CmaxNgPerMl / nasal.Typical.CmaxNgPerMl, 0.02 * Frn(0.45) / Frn(0.13));
        Assert.Contains(nasal.Provisional, p => p.Name == "DN_IN");
        Assert.Contains(nasal.Provisional, p => p.Name == "FH_IN");
        Assert.All(Defaults.Arms.Where(a => a.Arm.Drug == Drug.Esketamine), a => Assert.Null(a.Uncertain));
    }

    [Fact]
    public void Run_Population_GivesOrderedPercentilesAndBands()
    {
        var r = ComparisonResult.Run([ComparisonArm.Defaults[0]], new ComparisonOptions { PopulationSize = 60, Seed = 4 });
        var bands = r.Arms[0].Population!;
        Assert.Equal(60, bands.Subjects);
        Assert.True(bands.P5.CmaxNgPerMl < bands.Median.CmaxNgPerMl && bands.Median.CmaxNgPerMl < bands.P95.CmaxNgPerMl);
        for (int k = 0; k < bands.Concentration.TimesH.Length; k++)
            Assert.True(bands.Concentration.P5[k] <= bands.Concentration.Median[k] && bands.Concentration.Median[k] <= bands.Concentration.P95[k]);
        var again = ComparisonResult.Run([ComparisonArm.Defaults[0]], new ComparisonOptions { PopulationSize = 60, Seed = 4, Parallel = false });
        Assert.Equal(bands.Median.CmaxNgPerMl, again.Arms[0].Population!.Median.CmaxNgPerMl);
    }
}

public class DoseResponseTests
{
    [Fact]
    public void Run_EffectsRiseWithDose_AndTheHalfMaximalDoseGivesHalfTheLargestEffect()
    {
        var r = DoseResponse.Run(DoseResponseSettings.Default with { PopulationSize = 0, Steps = 12 });
        Assert.Null(r.Population);
        for (int i = 1; i < r.Points.Length; i++)
        {
            Assert.True(r.Points[i].PeakCadss > r.Points[i - 1].PeakCadss);
            Assert.True(r.Points[i].Day1Improvement > r.Points[i - 1].Day1Improvement);
        }
        // Simulating the typical patient at the half-maximal dose gives close to half the largest peak CADSS (log-linear interpolation).
        var d50 = r.HalfMaximalDissociationDose!.Value;
        var at = DoseResponse.Run((DoseResponseSettings.Default with { PopulationSize = 0, Steps = 2 }).WithDoses(d50, d50.Scale(1.0001)));
        Assert.Equal(r.Points.Max(p => p.PeakCadss) / 2, at.Points[0].PeakCadss, 0);
    }

    [Fact]
    public void Settings_BadDoses_Throw()
    {
        Assert.Throws<ArgumentException>(() => DoseResponseSettings.Default.WithDoses(Dose.FromMilligrams(5), DoseResponseSettings.Default.To));
        Assert.Throws<ArgumentException>(() => DoseResponseSettings.Default.WithDoses(Dose.FromMilligramsPerKilogram(2), DoseResponseSettings.Default.To));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseResponseSettings.Default with { Steps = 1 });
    }
}

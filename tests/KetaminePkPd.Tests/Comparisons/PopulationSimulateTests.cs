using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;

namespace KetaminePkPd.Tests.Comparisons;

/// <summary><see cref="PopulationModel.Simulate"/>: percentile bands in one call, the same numbers serial or parallel.</summary>
public class PopulationSimulateTests
{
    private static readonly PopulationModel Domino = PopulationModel.Default(PkParameterSet.Domino);
    private static readonly DosingRegimen Nimh = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
    private static readonly SimulationOptions Hours = SimulationOptions.Default.AtTimes([TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40), TimeSpan.FromHours(2), TimeSpan.FromHours(24)]);

    /// <summary>R type 7 quantile written out: h = (n - 1) p, linear interpolation between the order statistics around h.</summary>
    private static double Type7(double[] values, double p)
    {
        var s = values.Order().ToArray();
        double h = (s.Length - 1) * p;
        int lo = (int)Math.Floor(h), hi = Math.Min(lo + 1, s.Length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    [Fact]
    public void Simulate_Percentiles_EqualQuantilesOfThePatientsSimulatedOneByOne()
    {
        const int n = 25;
        var bands = Domino.Simulate(Nimh, n, seed: 7, Hours, parallel: false);
        var concentration = new double[n][];
        var cadss = new double[n][];
        var mood = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var patient = Domino.SampleSubject(7, i);
            var model = new PkPdModel(patient.CreatePkModel(Domino.Pk),
                [patient.CreateDissociation(Domino.Effects, Drug.RacemicKetamine), patient.CreateAntidepressant(Domino.Effects, Drug.RacemicKetamine)]);
            var r = PkPdSimulator.Simulate(model, Nimh, Hours);
            (concentration[i], cadss[i], mood[i]) = (r.Pk.ParentNgPerMl.ToArray(), r.Dissociation.Values.ToArray(), r.Antidepressant.Values.ToArray());
        }
        Assert.Equal([1 / 3.0, 2 / 3.0, 2, 24], bands.TimesH);
        Assert.Equal([.. PopulationModel.DefaultPercentiles], bands.Concentration.Percentiles);
        foreach (var (band, values) in new[] { (bands.Concentration, concentration), (bands.Dissociation, cadss), (bands.Antidepressant, mood) })
            for (int k = 0; k < 4; k++)
            {
                var column = values.Select(v => v[k]).ToArray();
                foreach (double p in PopulationModel.DefaultPercentiles)
                    Assert.Equal(Type7(column, p), band.Percentile(p)[k], 1e-9 * Math.Max(1, Math.Abs(Type7(column, p))));
                Assert.Equal(Type7(column, 0.5), band.Median[k], 1e-9 * Math.Max(1, Math.Abs(band.Median[k])));
            }
        Assert.Equal(n, bands.Subjects);
        Assert.Equal(7UL, bands.Seed);
        Assert.Equal(TimeSpan.FromMinutes(40), bands.Times[1]);
    }

    [Fact]
    public void Simulate_SameSeed_SerialAndParallel_AreBitIdentical()
    {
        var serial = Domino.Simulate(Nimh, 60, seed: 3, Hours, [0.1, 0.9], parallel: false);
        var parallel = Domino.Simulate(Nimh, 60, seed: 3, Hours, [0.1, 0.9], parallel: true);
        Assert.Equal(serial, parallel);   // records with equatable arrays: element by element, every band
        Assert.Equal(serial.Concentration.Percentile(0.9).ToArray(), parallel.Concentration.Percentile(0.9).ToArray());
        var other = Domino.Simulate(Nimh, 60, seed: 4, Hours, [0.1, 0.9]);
        Assert.NotEqual(serial.Concentration.Median, other.Concentration.Median);
    }

    [Fact]
    public void Simulate_Bands_AreOrdered()
    {
        var bands = Domino.Simulate(Nimh, 200, seed: 11, Hours);
        for (int k = 0; k < bands.TimesH.Length; k++)
        {
            var c = bands.Concentration;
            Assert.True(c.P5[k] <= c.Percentile(0.25)[k] && c.Percentile(0.25)[k] <= c.Median[k] && c.Median[k] <= c.Percentile(0.75)[k] && c.Percentile(0.75)[k] <= c.P95[k],
                $"percentiles out of order at {bands.TimesH[k]} h");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(100_001)]
    public void Simulate_SubjectsOutOfRange_ThrowsNamingTheParameter(int subjects)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Domino.Simulate(Nimh, subjects, seed: 1));
        Assert.Equal("subjects", ex.ParamName);
        Assert.Contains($"got {subjects}", ex.Message);
    }

    [Fact]
    public void Simulate_PercentileOutOfRange_ThrowsNamingThePercentiles()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Domino.Simulate(Nimh, 5, seed: 1, percentiles: [0.5, 1.5]));
        Assert.Equal("percentiles", ex.ParamName);
        Assert.Contains("got 1.5", ex.Message);
    }

    [Fact]
    public void Percentile_NotComputed_ThrowsListingThoseThatWere()
    {
        var bands = Domino.Simulate(Nimh, 5, seed: 1, Hours, [0.25]);
        var ex = Assert.Throws<ArgumentException>(() => bands.Dissociation.Percentile(0.3));
        Assert.Contains("0.05, 0.5, 0.95, 0.25", ex.Message);
    }

    [Fact]
    public void TimeCourseBand_WithInvalidValues_Throws()
    {
        // Every property validates in its init accessor, so a with-expression cannot make an invalid band.
        var band = Domino.Simulate(Nimh, 5, seed: 1, Hours).Concentration;
        Assert.Equal("P5", Assert.Throws<ArgumentException>(() => band with { P5 = [1.0, double.NaN, 2, 3] }).ParamName);
        Assert.Equal("Median", Assert.Throws<ArgumentException>(() => band with { Median = [1.0, 2.0] }).ParamName);
        Assert.Equal("Percentiles", Assert.Throws<ArgumentOutOfRangeException>(() => band with { Percentiles = [0.5, 0.25] }).ParamName);
        Assert.Equal("PercentileValues", Assert.Throws<ArgumentException>(() => band with { PercentileValues = [] }).ParamName);
    }
}

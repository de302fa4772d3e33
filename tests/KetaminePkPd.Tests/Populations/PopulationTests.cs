using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;
using KetaminePkPd.Statistics;

namespace KetaminePkPd.Tests.Populations;

public class PopulationTests
{
    [Fact]
    public void SubjectRandom_SameSeedIndexAndStream_GivesTheSameSequence_OtherwiseDifferent()
    {
        var a = new SubjectRandom(7, 3, 0);
        var b = new SubjectRandom(7, 3, 0);
        var c = new SubjectRandom(7, 4, 0);
        var d = new SubjectRandom(7, 3, 1);
        var xa = Enumerable.Range(0, 20).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(xa, Enumerable.Range(0, 20).Select(_ => b.NextUInt64()).ToArray());
        Assert.NotEqual(xa, Enumerable.Range(0, 20).Select(_ => c.NextUInt64()).ToArray());
        Assert.NotEqual(xa, Enumerable.Range(0, 20).Select(_ => d.NextUInt64()).ToArray());
    }

    [Fact]
    public void SubjectRandom_Moments_AreThoseOfUniformAndStandardNormal()
    {
        // 200 000 draws: standard errors 0.00065 (uniform mean), 0.0022 (normal mean), 0.0016 (normal SD).
        var r = new SubjectRandom(1, 0, 0);
        var u = Enumerable.Range(0, 200_000).Select(_ => r.NextDouble()).ToArray();
        var z = Enumerable.Range(0, 200_000).Select(_ => r.NextStandardNormal()).ToArray();
        Assert.InRange(u.Average(), 0.5 - 0.003, 0.5 + 0.003);
        Assert.InRange(u.Select(x => (x - 0.5) * (x - 0.5)).Average(), 1.0 / 12 - 0.001, 1.0 / 12 + 0.001);
        Assert.All(u, x => Assert.InRange(x, 0, 1 - double.Epsilon));
        Assert.InRange(z.Average(), -0.01, 0.01);
        Assert.InRange(Math.Sqrt(z.Select(x => x * x).Average()), 0.99, 1.01);
    }

    [Fact]
    public void Sample_RecoversStandardDeviationsAndCorrelation_Slow()
    {
        // 20 000 subjects: SE of an SD estimate about 0.5%, of a correlation about 0.005.
        var population = PopulationModel.Default(PkParameterSet.Domino) with
        {
            Variability = PopulationModel.Default(PkParameterSet.Domino).Variability.WithCorrelation("C50_D", "EC50_A", 0.6),
        };
        int cl = PkParameterSet.Domino.IndexOf("CL");
        int c50 = population.Effects.IndexOf("C50_D"), ec50 = population.Effects.IndexOf("EC50_A");
        var subjects = population.SampleSubjects(42, 20_000).ToArray();
        var etaCl = subjects.Select(s => s.PkRandomEffects[cl]).ToArray();
        var etaC50 = subjects.Select(s => s.EffectRandomEffects[c50]).ToArray();
        var etaEc50 = subjects.Select(s => s.EffectRandomEffects[ec50]).ToArray();
        Assert.InRange(Sd(etaCl), 0.2936 * 0.98, 0.2936 * 1.02);
        Assert.InRange(Sd(etaC50), 0.5 * 0.98, 0.5 * 1.02);
        Assert.InRange(Correlation.PearsonR(etaC50, etaEc50), 0.57, 0.63);
        Assert.InRange(Correlation.PearsonR(etaCl, etaC50), -0.03, 0.03);
        var weights = subjects.Select(s => s.Subject.WeightKg).ToArray();
        Assert.All(weights, w => Assert.InRange(w, 45, 150));
        Assert.InRange(weights.Average(), 79, 81); // truncation at +/- 2.3 and 4.7 SD barely moves the mean of N(80, 15)
    }

    [Fact]
    public void SampleSubject_DependsOnlyOnSeedAndIndex()
    {
        var population = PopulationModel.Default(PkParameterSet.PerezRuixo2021);
        var fifth = population.SampleSubject(9, 5);
        var again = population.SampleSubjects(9, 10).ElementAt(5);
        Assert.Equal(fifth.Subject, again.Subject);
        Assert.Equal(fifth.PkRandomEffects.ToArray(), again.PkRandomEffects.ToArray());
        Assert.Equal(fifth.EffectRandomEffects.ToArray(), again.EffectRandomEffects.ToArray());
        Assert.NotEqual(fifth.PkRandomEffects.ToArray(), population.SampleSubject(10, 5).PkRandomEffects.ToArray());
    }

    [Fact]
    public void Variability_UnknownParameter_ThrowsListingTheKnownOnes()
    {
        var population = PopulationModel.Default(PkParameterSet.Domino) with { Variability = Variability.Of(("CLEARANCE", 0.3)) };
        var ex = Assert.Throws<ArgumentException>(() => population.SampleSubject(1, 0));
        Assert.Contains("CLEARANCE", ex.Message);
        Assert.Contains("C50_D", ex.Message);
    }

    [Fact]
    public void Variability_InconsistentCorrelations_Throw()
    {
        // With corr(A, B) = corr(B, C) = 0.5, corr(A, C) = -0.9 gives x' R x = -0.8 for x = (1, -1, 1): not a correlation matrix.
        var v = Variability.Of(("A", 1), ("B", 1), ("C", 1)).WithCorrelation("A", "B", 0.5).WithCorrelation("B", "C", 0.5);
        Assert.Throws<ArgumentException>(() => v.WithCorrelation("A", "C", -0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => v.WithCorrelation("A", "C", 1.5));
        Assert.Throws<ArgumentException>(() => v.WithCorrelation("A", "A", 0.5));
        Assert.Equal(0.5, v.Correlation("B", "A"));
        Assert.Throws<ArgumentException>(() => Variability.Of(("A", 1), ("B", 1), ("C", 1)).WithCorrelation("A", "B", 0.9).WithCorrelation("B", "C", 0.9));
    }

    [Fact]
    public void Variability_PerfectCorrelation_IsAllowedAndGivesEqualEtas()
    {
        var population = PopulationModel.Default(PkParameterSet.Domino) with
        {
            Variability = Variability.Of(("C50_D", 0.5), ("EC50_A", 0.5)).WithCorrelation("C50_D", "EC50_A", 1),
        };
        var s = population.SampleSubject(3, 0);
        Assert.Equal(s.EffectRandomEffects[population.Effects.IndexOf("C50_D")], s.EffectRandomEffects[population.Effects.IndexOf("EC50_A")], 12);
    }

    [Fact]
    public void LogSdFromCv_ThirtyPercent_Is0Point2936()
    {
        Assert.Equal(0.2936, Variability.LogSdFromCv(0.30), 4);
    }

    private static double Sd(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }
}

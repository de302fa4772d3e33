using KetaminePkPd.Statistics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace KetaminePkPd.Tests.Statistics;

/// <summary>Simple mediation X -&gt; M -&gt; Y against published regression output, OLS identities and simulation.</summary>
public class MediationTests(ITestOutputHelper output)
{
    /// <summary>
    /// mtcars with X = wt, M = hp, Y = mpg. Published R output:
    /// <c>summary(lm(mpg ~ wt))</c>: wt -5.3445 (se 0.5591) (riptutorial.com/r/example/2738); and
    /// <c>summary(lm(mpg ~ wt + hp))</c>: wt -3.87783 (se 0.63273), hp -0.03177 (se 0.00903) (reproduced verbatim in many
    /// R tutorials; here from the public code corpus, e.g. an 'SPSS to R' regression guide and freeCodeCamp's
    /// regression-in-R article). So c = -5.3445, c' = -3.87783, b = -0.03177, and with OLS a = (c - c')/b.
    /// Path a and its standard error are also computed independently with MathNet's <c>Fit.Line</c> and the textbook
    /// se = sqrt(RSS/(n - 2) / Sxx); the Sobel z is then sqrt-formula arithmetic on those numbers.
    /// Tolerances: half a unit in the last printed digit; a from the printed c, c', b to 2e-4 relative.
    /// </summary>
    [Fact]
    public void Estimate_MtcarsWeightHorsepowerMpg_MatchesPublishedRegressions()
    {
        var result = Mediation.Estimate(Datasets.Wt, Datasets.Hp, Datasets.Mpg, resamples: 1000, seed: 20261127);
        output.WriteLine(result.ToString());
        output.WriteLine($"se(a) {result.AStandardError:G6}, Sobel se {result.SobelStandardError:G6}, bootstrap se {result.IndirectBootstrapStandardError:G6}, proportion mediated {result.ProportionMediated:G4}");

        Assert.Equal(-5.3445, result.Total, 5e-5);
        Assert.Equal(0.5591, result.TotalStandardError, 5e-5);
        Assert.Equal(-3.87783, result.Direct, 5e-6);
        Assert.Equal(0.63273, result.DirectStandardError, 5e-6);
        Assert.Equal(-0.03177, result.B, 5e-6);
        Assert.Equal(0.00903, result.BStandardError, 5e-6);
        Assert.Equal(-5.3445 - -3.87783, result.Indirect, 6e-5);
        double aFromPublished = (-5.3445 - -3.87783) / -0.03177;
        Assert.Equal(aFromPublished, result.A, 2e-4 * aFromPublished);

        var (intercept, slope) = Fit.Line(Datasets.Wt, Datasets.Hp);
        double mean = Datasets.Wt.Average();
        double sxx = Datasets.Wt.Sum(w => (w - mean) * (w - mean));
        double rss = Datasets.Wt.Select((w, i) => Datasets.Hp[i] - intercept - slope * w).Sum(e => e * e);
        double seA = Math.Sqrt(rss / 30 / sxx);
        Assert.Equal(slope, result.A, 1e-10);
        Assert.Equal(seA, result.AStandardError, 1e-10);

        double sobelSe = Math.Sqrt(Math.Pow(-0.03177 * seA, 2) + Math.Pow(slope * 0.00903, 2));
        Assert.Equal(slope * -0.03177 / sobelSe, result.SobelZ, 2e-3 * Math.Abs(result.SobelZ));
        Assert.Equal(2 * Normal.CDF(0, 1, -Math.Abs(result.SobelZ)), result.SobelPValue, 1e-15);
        Assert.Equal(result.Indirect / result.Total, result.ProportionMediated!.Value, 1e-15);

        Assert.True(result.IndirectLower < result.Indirect && result.Indirect < result.IndirectUpper);
        Assert.Equal(1000, result.Resamples);
        Assert.Equal(20261127, result.Seed);
    }

    /// <summary>The OLS identity a b = c - c' on a simulated sample, to 1e-12 relative.</summary>
    [Fact]
    public void Estimate_OlsIdentity_IndirectEqualsTotalMinusDirect()
    {
        var (x, m, y) = Simulate(n: 80, a: 0.6, b: -0.7, direct: 0.3, seed: 5);
        var r = Mediation.Estimate(x, m, y, 100, seed: 1);
        Assert.Equal(r.Total - r.Direct, r.Indirect, 1e-12 * Math.Abs(r.Total));
        Assert.Equal(r.A * r.B, r.Indirect);
    }

    /// <summary>
    /// Large simulated sample (n = 2000; a = 0.5, b = 0.4, c' = 0.2, unit-variance errors; true indirect 0.2). The 95%
    /// percentile interval (B = 2000) contains 0.2, and two independent standard errors of a b agree: the bootstrap SD
    /// and the Sobel delta-method error, within 10% (both estimate the same sampling SD, which is near normal at this n).
    /// </summary>
    [Fact]
    public void Estimate_LargeSimulatedSample_IntervalCoversTruthAndBootstrapMatchesSobel()
    {
        var (x, m, y) = Simulate(n: 2000, a: 0.5, b: 0.4, direct: 0.2, seed: 42);
        var r = Mediation.Estimate(x, m, y, resamples: 2000, seed: 7);
        output.WriteLine(r.ToString());
        output.WriteLine($"bootstrap se {r.IndirectBootstrapStandardError:G4} / Sobel se {r.SobelStandardError:G4} = {r.IndirectBootstrapStandardError / r.SobelStandardError:F3}");
        Assert.InRange(0.2, r.IndirectLower, r.IndirectUpper);
        Assert.InRange(r.IndirectBootstrapStandardError / r.SobelStandardError, 0.9, 1.1);
        Assert.Equal(0.5, r.A, 0.1);
        Assert.Equal(0.4, r.B, 0.1);
        Assert.Equal(0, r.ResamplesReplaced);
    }

    /// <summary>
    /// Slow: coverage of the 95% percentile bootstrap interval over 300 simulated trials of n = 100 with a = b = 0.39
    /// (true indirect 0.152), B = 1000 each. Percentile intervals for a b are known to be slightly liberal to accurate at
    /// this size (Preacher and Hayes 2008; MacKinnon et al. 2004): accept 91-98% (binomial SD 1.3%).
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Estimate_Slow_BootstrapIntervalCoverageNearNominal()
    {
        int covered = 0;
        const int trials = 300;
        for (int t = 0; t < trials; t++)
        {
            var (x, m, y) = Simulate(n: 100, a: 0.39, b: 0.39, direct: 0.1, seed: 1000 + t);
            var r = Mediation.Estimate(x, m, y, resamples: 1000, seed: t);
            if (r.IndirectLower <= 0.39 * 0.39 && 0.39 * 0.39 <= r.IndirectUpper) covered++;
        }
        output.WriteLine($"95% percentile bootstrap coverage: {covered}/{trials} = {covered / (double)trials:P1}");
        Assert.InRange(covered / (double)trials, 0.91, 0.98);
    }

    [Fact]
    public void Estimate_SameSeed_IsBitIdentical_OtherSeedDiffers()
    {
        var (x, m, y) = Simulate(n: 40, a: 0.5, b: 0.5, direct: 0, seed: 3);
        var first = Mediation.Estimate(x, m, y, 500, seed: 11);
        Assert.Equal(first, Mediation.Estimate(x, m, y, 500, seed: 11));
        Assert.NotEqual(first.IndirectLower, Mediation.Estimate(x, m, y, 500, seed: 12).IndirectLower);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(100_001)]
    public void Estimate_ResamplesOutOfRange_Throws(int resamples)
    {
        var (x, m, y) = Simulate(20, 0.5, 0.5, 0, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Mediation.Estimate(x, m, y, resamples, 1));
        Assert.Equal("resamples", e.ParamName);
        Assert.Contains("[100, 100000]", e.Message);
    }

    [Fact]
    public void Estimate_MediatorLinearInX_ThrowsNamingM()
    {
        double[] x = [1, 2, 3, 4, 5, 6], m = [.. x.Select(v => 3 * v - 1)], y = [2, 1, 4, 3, 6, 5];
        Assert.Equal("m", Assert.Throws<ArgumentException>(() => Mediation.Estimate(x, m, y, 100, 1)).ParamName);
    }

    [Fact]
    public void Estimate_ConstantOutcome_ThrowsNamingY()
    {
        double[] x = [1, 2, 3, 4, 5, 6], m = [1, 3, 2, 5, 4, 6], y = [4, 4, 4, 4, 4, 4];
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Mediation.Estimate(x, m, y, 100, 1)).ParamName);
    }

    [Fact]
    public void Estimate_MismatchedLengths_Throws()
    {
        double[] x = [1, 2, 3, 4, 5, 6], m = [1, 3, 2, 5, 4], y = [2, 1, 4, 3, 6, 5];
        Assert.Equal("m", Assert.Throws<ArgumentException>(() => Mediation.Estimate(x, m, y, 100, 1)).ParamName);
    }

    /// <summary>X ~ N(0,1); M = a X + e1; Y = direct X + b M + e2; unit-variance normal errors; seeded.</summary>
    internal static (double[] X, double[] M, double[] Y) Simulate(int n, double a, double b, double direct, int seed)
    {
        var rng = new MathNet.Numerics.Random.Xoshiro256StarStar(seed, false);
        double[] x = new double[n], m = new double[n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Normal.Sample(rng, 0, 1);
            m[i] = a * x[i] + Normal.Sample(rng, 0, 1);
            y[i] = direct * x[i] + b * m[i] + Normal.Sample(rng, 0, 1);
        }
        return (x, m, y);
    }
}

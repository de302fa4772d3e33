using KetaminePkPd.Statistics;
using Xunit.Abstractions;

namespace KetaminePkPd.Tests.Statistics;

/// <summary>
/// Slow, seeded Monte Carlo checks of the p-values and intervals: second, independent computations of what the formulas
/// claim (coverage, type I error, agreement with a permutation test).
/// </summary>
public class CorrelationSimulationTests(ITestOutputHelper output)
{
    private const int Samples = 4000;

    /// <summary>95% Fisher z intervals of Pearson's r cover the true rho = 0.5 in 95 +/- 1.5% of 4000 bivariate normal samples of n = 30 (binomial SD 0.34 points).</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Pearson_Slow_FisherIntervalCoverageIsNominal()
    {
        double coverage = Coverage(0.5, 30, 20261127, (x, y) => Correlation.Pearson(x, y), 0.5);
        output.WriteLine($"Pearson 95% Fisher z coverage: {coverage:P2}");
        Assert.InRange(coverage, 0.935, 0.965);
    }

    /// <summary>
    /// 95% Fieller-Hartley-Pearson intervals of Spearman's rho cover the population rank correlation of a bivariate normal
    /// with rho = 0.5, rho_s = (6/pi) asin(rho/2) = 0.4826 (Pearson 1907), in 95 +/- 1.5% of 4000 samples of n = 30.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Spearman_Slow_FiellerIntervalCoverageIsNominal()
    {
        double rhoS = 6 / Math.PI * Math.Asin(0.25);
        double coverage = Coverage(0.5, 30, 20261128, (x, y) => Correlation.Spearman(x, y), rhoS);
        output.WriteLine($"Spearman 95% Fieller coverage of rho_s = {rhoS:F4}: {coverage:P2}");
        Assert.InRange(coverage, 0.935, 0.965);
    }

    /// <summary>Under H0 (rho = 0, n = 20) the t-test p-values reject at 0.05 in 5 +/- 1% of 4000 samples, for Pearson and for Spearman's t approximation.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void PValues_Slow_HaveNominalTypeIErrorUnderTheNull()
    {
        var sampler = new BivariateNormal(7);
        double[] x = new double[20], y = new double[20];
        int pearson = 0, spearman = 0;
        for (int s = 0; s < Samples; s++)
        {
            sampler.Fill(0, x, y);
            if (Correlation.Pearson(x, y).PValue < 0.05) pearson++;
            if (Correlation.Spearman(x, y).PValue < 0.05) spearman++;
        }
        output.WriteLine($"Type I error at 0.05: Pearson {pearson / (double)Samples:P2}, Spearman {spearman / (double)Samples:P2}");
        Assert.InRange(pearson / (double)Samples, 0.04, 0.06);
        Assert.InRange(spearman / (double)Samples, 0.04, 0.06);
    }

    /// <summary>
    /// The t-test p-value of mtcars mpg vs qsec (r = 0.419, n = 32) against a two-sided permutation test of |r| with
    /// 20000 seeded permutations (Fisher-Yates on MathNet Xoshiro256StarStar): within 4 Monte Carlo SDs plus 10% of p.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Pearson_Slow_PValueAgreesWithPermutationTest()
    {
        double[] x = Datasets.Mpg, y = [.. Datasets.Qsec];
        double observed = Math.Abs(Correlation.PearsonR(x, y));
        double p = Correlation.Pearson(x, y).PValue;
        var rng = new MathNet.Numerics.Random.Xoshiro256StarStar(99, false);
        const int permutations = 20000;
        int extreme = 0;
        for (int k = 0; k < permutations; k++)
        {
            for (int i = y.Length - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (y[i], y[j]) = (y[j], y[i]);
            }
            if (Math.Abs(Correlation.PearsonR(x, y)) >= observed - 1e-12) extreme++;
        }
        double permutationP = extreme / (double)permutations;
        double sd = Math.Sqrt(p * (1 - p) / permutations);
        output.WriteLine($"r = {Correlation.PearsonR(x, Datasets.Qsec):F6}: t-test p = {p:G6}, permutation p = {permutationP:G6} (MC SD {sd:G3})");
        Assert.InRange(permutationP, p - 4 * sd - 0.1 * p, p + 4 * sd + 0.1 * p);
    }

    private static double Coverage(double rho, int n, int seed, Func<double[], double[], CorrelationResult> method, double truth)
    {
        var sampler = new BivariateNormal(seed);
        double[] x = new double[n], y = new double[n];
        int covered = 0;
        for (int s = 0; s < Samples; s++)
        {
            sampler.Fill(rho, x, y);
            var r = method(x, y);
            if (r.Lower <= truth && truth <= r.Upper) covered++;
        }
        return covered / (double)Samples;
    }
}

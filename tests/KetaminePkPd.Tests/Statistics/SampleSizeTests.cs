using KetaminePkPd.Statistics;
using Xunit.Abstractions;

namespace KetaminePkPd.Tests.Statistics;

/// <summary>Fisher z sample size and power against published tables and a seeded simulation.</summary>
public class SampleSizeTests(ITestOutputHelper output)
{
    /// <summary>
    /// Published sample sizes for detecting a correlation against 0, two-sided alpha 0.05:
    /// r = 0.30, power 0.80: 85 (Cohen 1988, via clinicaltrials-tools.vercel.app/calculators/correlation; Hulley et al.
    /// app. 6C); r = 0.40, power 0.80: 47 (Lachin 1981, Control Clin Trials 2:93, worked example at
    /// www2.ccrb.cuhk.edu.hk/stat/other/correlation.htm); r = 0.60, power 0.90: 25 (Le, Introductory Biostatistics,
    /// example 12.3). The sign of r does not matter.
    /// </summary>
    [Theory]
    [InlineData(0.30, 0.80, 85)]
    [InlineData(0.40, 0.80, 47)]
    [InlineData(0.60, 0.90, 25)]
    [InlineData(-0.30, 0.80, 85)]
    public void Required_PublishedExamples_Match(double r, double power, int expected) =>
        Assert.Equal(expected, SampleSize.Required(r, 0, 0.05, power));

    /// <summary>The returned n is the smallest with power &gt;= target (the neglected opposite tail only adds power).</summary>
    [Theory]
    [InlineData(0.35, 0.0)]
    [InlineData(-0.41, -0.10)]
    [InlineData(0.10, 0.35)]
    public void Required_IsSmallestNReachingPower(double trueR, double referenceR)
    {
        int n = SampleSize.Required(trueR, referenceR);
        Assert.True(SampleSize.Power(trueR, referenceR, n) >= 0.80);
        Assert.True(SampleSize.Power(trueR, referenceR, n - 1) < 0.80);
    }

    /// <summary>
    /// Slow: simulated power at the computed n. For each case, 4000 seeded bivariate normal trials with rho = trueR are
    /// tested with the one-sample Fisher z test of H0: rho = referenceR at two-sided 0.05; the rejection rate must be
    /// within 2.5 points of <see cref="SampleSize.Power"/> at that n (binomial SD 0.63 points).
    /// </summary>
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(0.35, 0.0, 101)]
    [InlineData(0.35, 0.10, 102)]
    [InlineData(-0.41, -0.10, 103)]
    public void Power_Slow_MatchesSimulatedRejectionRate(double trueR, double referenceR, int seed)
    {
        int n = SampleSize.Required(trueR, referenceR);
        var sampler = new BivariateNormal(seed);
        double[] x = new double[n], y = new double[n];
        double z0 = Math.Atanh(referenceR), critical = 1.959963984540054 / Math.Sqrt(n - 3);
        int rejected = 0;
        const int trials = 4000;
        for (int t = 0; t < trials; t++)
        {
            sampler.Fill(trueR, x, y);
            if (Math.Abs(Math.Atanh(Correlation.PearsonR(x, y)) - z0) > critical) rejected++;
        }
        output.WriteLine($"trueR {trueR}, referenceR {referenceR}: n = {n}, formula power {SampleSize.Power(trueR, referenceR, n):P2}, simulated {rejected / (double)trials:P2}");
        Assert.InRange(rejected / (double)trials, SampleSize.Power(trueR, referenceR, n) - 0.025, SampleSize.Power(trueR, referenceR, n) + 0.025);
    }

    [Fact]
    public void Power_GrowsWithN() =>
        Assert.True(SampleSize.Power(0.3, 0, 30) < SampleSize.Power(0.3, 0, 60) && SampleSize.Power(0.3, 0, 60) < SampleSize.Power(0.3, 0, 120));

    [Fact]
    public void Required_EqualCorrelations_ThrowsNamingReference() =>
        Assert.Equal("referenceR", Assert.Throws<ArgumentException>(() => SampleSize.Required(0.3, 0.3)).ParamName);

    [Theory]
    [InlineData(1.0, 0.0, 0.05, 0.8, "trueR")]
    [InlineData(0.3, -1.0, 0.05, 0.8, "referenceR")]
    [InlineData(0.3, 0.0, 0.0, 0.8, "alpha")]
    [InlineData(0.3, 0.0, 0.05, 0.02, "power")]
    [InlineData(0.3, 0.0, 0.05, 1.0, "power")]
    public void Required_OutOfRange_ThrowsNamingParameter(double trueR, double referenceR, double alpha, double power, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.Required(trueR, referenceR, alpha, power)).ParamName);

    [Fact]
    public void Power_TooFewSubjects_Throws() =>
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.Power(0.3, 0, 3)).ParamName);
}

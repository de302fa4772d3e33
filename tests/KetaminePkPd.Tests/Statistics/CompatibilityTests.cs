using FsCheck.Xunit;
using KetaminePkPd.Statistics;
using MathNet.Numerics.Distributions;

namespace KetaminePkPd.Tests.Statistics;

/// <summary>Two-sided compatibility of an observed value with a replicate distribution: hand counts, a closed form, invariants.</summary>
public class CompatibilityTests
{
    /// <summary>1..9 and the value 2: 2 at or below, 8 at or above; p = 2 x 2/9; percentile (1 + 1/2)/9; SE 2 sqrt(q(1-q)/n).</summary>
    [Fact]
    public void CompatibilityWith_OneToNineAtTwo_MatchesHandCount()
    {
        var c = SamplingDistribution.FromReplicates([9, 3, 1, 7, 5, 2, 8, 4, 6]).CompatibilityWith(2);
        Assert.Equal(2 / 9.0, c.LowerTail, 1e-15);
        Assert.Equal(8 / 9.0, c.UpperTail, 1e-15);
        Assert.Equal(4 / 9.0, c.TwoSidedP, 1e-15);
        Assert.Equal(100 * 1.5 / 9, c.PercentileRank, 1e-12);
        Assert.Equal(2 * Math.Sqrt(2 / 9.0 * (7 / 9.0) / 9), c.StandardError, 1e-15);
        Assert.True(c.IsBelowMiddle);
        Assert.True(c.IsInsideCentral95);   // type-7 2.5% quantile of 1..9 is 1.2
        Assert.True(c.IsCompatible());
    }

    [Fact]
    public void CompatibilityWith_ValueAtTheMedian_HasPOne()
    {
        var c = SamplingDistribution.FromReplicates([1, 2, 3, 4, 5]).CompatibilityWith(3);
        Assert.Equal(1, c.TwoSidedP);
        Assert.Equal(50, c.PercentileRank, 1e-12);
    }

    [Fact]
    public void CompatibilityWith_ValueBeyondEveryReplicate_HasPZeroAndBoundTwoOverN()
    {
        var values = Enumerable.Range(0, 400).Select(i => i / 400.0).ToArray();
        var c = SamplingDistribution.FromReplicates(values).CompatibilityWith(5);
        Assert.Equal(0, c.TwoSidedP);
        Assert.Equal(0, c.StandardError);
        Assert.Equal(2 / 400.0, c.UpperBound, 1e-15);
        Assert.False(c.IsInsideCentral95);
        Assert.False(c.IsBelowMiddle);
        Assert.False(c.IsCompatible(0.05));
    }

    [Fact]
    public void CompatibilityWith_NotFinite_Throws()
    {
        var d = SamplingDistribution.FromReplicates([1, 2, 3]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => d.CompatibilityWith(double.NaN));
        Assert.Equal("value", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.CompatibilityWith(1).IsCompatible(1.5));
    }

    /// <summary>
    /// r of n = 30 independent bivariate normal pairs (rho = 0), 20 000 replicates: the two-sided p of several observed r
    /// matches the exact closed form (t = r sqrt((n - 2)/(1 - r^2)) is Student t with n - 2 df under rho = 0; Fisher 1915)
    /// within 4 Monte Carlo standard errors, and Fisher's z approximation (atanh r ~ N(0, 1/(n - 3))) within 4 SE plus
    /// 0.01 for the approximation itself. Seeded; about 0.1 s.
    /// </summary>
    [Theory]
    [InlineData(-0.45)]
    [InlineData(-0.35)]
    [InlineData(-0.1)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void CompatibilityWith_RUnderRhoZero_MatchesClosedForm(double observed)
    {
        const int n = 30, replicates = 20_000;
        var source = new BivariateNormal(17);
        var x = new double[n];
        var y = new double[n];
        var r = new double[replicates];
        for (int k = 0; k < replicates; k++)
        {
            source.Fill(0, x, y);
            r[k] = Correlation.PearsonR(x, y);
        }
        var c = SamplingDistribution.FromReplicates(r).CompatibilityWith(observed);

        double t = Math.Abs(observed) * Math.Sqrt((n - 2) / (1 - observed * observed));
        double exact = 2 * StudentT.CDF(0, 1, n - 2, -t);
        double fisher = 2 * Normal.CDF(0, 1, -Math.Abs(Math.Atanh(observed)) * Math.Sqrt(n - 3));
        double se = 2 * Math.Sqrt(exact / 2 * (1 - exact / 2) / replicates);
        Assert.InRange(c.TwoSidedP, exact - 4 * se, exact + 4 * se);
        Assert.InRange(c.TwoSidedP, fisher - 4 * se - 0.01, fisher + 4 * se + 0.01);
        Assert.InRange(c.StandardError, 0.8 * se, 1.25 * se);   // the stated MC error is the binomial one
    }

    /// <summary>Invariants: p is twice the smaller tail, in [0, 1]; the tails overlap by the ties; the percentile is in [0, 100].</summary>
    [Property(MaxTest = 300)]
    public bool CompatibilityWith_AnySample_IsConsistent(int[] raw, int probe)
    {
        if (raw.Length == 0) return true;
        var d = SamplingDistribution.FromReplicates(raw.Select(v => (double)(v % 50)).ToArray());
        var c = d.CompatibilityWith(probe % 60);
        return c.TwoSidedP is >= 0 and <= 1
            && Math.Abs(c.TwoSidedP - Math.Min(1, 2 * Math.Min(c.LowerTail, c.UpperTail))) < 1e-15
            && c.LowerTail + c.UpperTail >= 1 - 1e-12
            && c.PercentileRank is >= 0 and <= 100
            && c.StandardError is >= 0 and <= 1;
    }
}

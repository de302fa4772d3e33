using KetaminePkPd.Statistics;

namespace KetaminePkPd.Tests.Statistics;

/// <summary>Replicate-distribution summaries against R's <c>quantile</c> (type 7) output and hand counts.</summary>
public class SamplingDistributionTests
{
    /// <summary>
    /// <c>quantile(mtcars$wt)</c>: 1.51300 2.58125 3.32500 3.61000 5.42400 (w3schools.com/r/r_stat_percentiles.asp);
    /// the same five numbers appear as Min/1st Qu./Median/3rd Qu./Max in <c>summary(mtcars)</c>.
    /// </summary>
    [Fact]
    public void Quantile_MtcarsWeight_MatchesRType7()
    {
        var d = SamplingDistribution.FromReplicates(Datasets.Wt);
        double[] expected = [1.513, 2.58125, 3.325, 3.61, 5.424];
        double[] p = [0, 0.25, 0.5, 0.75, 1];
        for (int i = 0; i < p.Length; i++) Assert.Equal(expected[i], d.Quantile(p[i]), 1e-12);
        Assert.Equal(3.325, d.Median, 1e-12);
        Assert.Equal((2.58125, 3.61), d.PercentileInterval(0.5));
        Assert.Equal(1.513, d.Minimum);
        Assert.Equal(5.424, d.Maximum);
        Assert.Equal(3.21725, d.Mean, 1e-12); // summary(mtcars$wt) Mean 3.217; exact sum 102.952 / 32
    }

    /// <summary><c>quantile(1:9, probs = seq(0, 1, .1))</c>: 1.0 1.8 2.6 3.4 4.2 5.0 5.8 6.6 7.4 8.2 9.0 (R's help example, TIBCO TERR reference docs.tibco.com/.../stats/quantile.html).</summary>
    [Fact]
    public void Quantile_OneToNineDeciles_MatchRHelpExample()
    {
        var d = SamplingDistribution.FromReplicates([9, 3, 1, 7, 5, 2, 8, 4, 6]);
        for (int k = 0; k <= 10; k++) Assert.Equal(1 + 0.8 * k, d.Quantile(k / 10.0), 1e-12);
    }

    /// <summary>
    /// Tail probabilities and percentile rank of 3.44 among the 32 mtcars weights, by hand count of the sorted list
    /// (w3schools prints it): 17 values below 3.44, 3 equal, 12 above.
    /// </summary>
    [Fact]
    public void Tails_MtcarsWeightAtTiedValue_MatchHandCount()
    {
        var d = SamplingDistribution.FromReplicates(Datasets.Wt);
        Assert.Equal(20 / 32.0, d.ProbabilityAtMost(3.44));
        Assert.Equal(15 / 32.0, d.ProbabilityAtLeast(3.44));
        Assert.Equal(100 * (17 + 1.5) / 32, d.PercentileRank(3.44), 1e-12);
        Assert.Equal(0, d.ProbabilityAtMost(1.5));
        Assert.Equal(1, d.ProbabilityAtLeast(1.5));
        Assert.Equal(0, d.PercentileRank(1.0));
        Assert.Equal(100, d.PercentileRank(6.0));
        Assert.Equal(100 * 0.5 / 32, d.PercentileRank(1.513), 1e-12);
    }

    [Fact]
    public void FromReplicates_CopiesInput()
    {
        double[] values = [3, 1, 2];
        var d = SamplingDistribution.FromReplicates(values);
        values[0] = 100;
        Assert.Equal(3, d.Maximum);
        Assert.Equal([1.0, 2, 3], d.Values.ToArray());
        Assert.Equal(1.0, d.StandardDeviation, 1e-15);
    }

    [Fact]
    public void FromReplicates_Empty_Throws() =>
        Assert.Equal("replicates", Assert.Throws<ArgumentException>(() => SamplingDistribution.FromReplicates([])).ParamName);

    [Fact]
    public void FromReplicates_NaN_ThrowsNamingIndex() =>
        Assert.Contains("index 1", Assert.Throws<ArgumentException>(() => SamplingDistribution.FromReplicates([0.1, double.NaN])).Message);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Quantile_ProbabilityOutOfRange_Throws(double p) =>
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => SamplingDistribution.FromReplicates([1, 2]).Quantile(p)).ParamName);

    [Fact]
    public void Tails_NonFiniteValue_Throws()
    {
        var d = SamplingDistribution.FromReplicates([1, 2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.ProbabilityAtMost(double.NegativeInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.PercentileRank(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.PercentileInterval(1));
    }
}

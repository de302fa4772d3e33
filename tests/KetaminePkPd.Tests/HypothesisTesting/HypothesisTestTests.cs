using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.HypothesisTesting;

public class HypothesisTestTests
{
    private static readonly HypothesisTestSettings Small = HypothesisTestSettings.Default with { Replicates = 200, PoolSize = 400, Seed = 3 };

    [Fact]
    public void Run_SerialAndParallel_GiveIdenticalDistributions()
    {
        var settings = Small with { Hypotheses = [Hypothesis.ExposureOnly, Hypothesis.Mediation(0.7)] };
        var a = HypothesisTestResult.Run(settings with { Parallel = true });
        var b = HypothesisTestResult.Run(settings with { Parallel = false });
        Assert.Equal(4, a.Comparisons.Length);
        for (int i = 0; i < a.Comparisons.Length; i++)
        {
            Assert.Equal(a.Comparisons[i].R.Values.ToArray(), b.Comparisons[i].R.Values.ToArray());
            Assert.Equal(a.Comparisons[i].Reading, b.Comparisons[i].Reading);
        }
        Assert.Equal(2 * 400, a.SubjectSimulations);
    }

    [Fact]
    public void Run_ProbabilityAtLeastAsStrong_CountsReplicatesInTheObservedDirection()
    {
        var result = HypothesisTestResult.Run(Small with { Hypotheses = [Hypothesis.ExposureOnly] });
        foreach (var c in result.Comparisons)
        {
            var values = c.R.Values;
            double expected = values.Count(v => v <= c.Observed.R) / (double)values.Length;   // observed r is negative
            Assert.Equal(expected, c.ProbabilityAtLeastAsStrong, 12);
            Assert.Contains(c.Hypothesis.Name, c.Reading);
            Assert.InRange(c.Interval95.Lower, -1, c.MedianR);
            Assert.InRange(c.Interval95.Upper, c.MedianR, 1);
        }
    }

    [Fact]
    public void Run_ReplicateSpread_MatchesFishersStandardError()
    {
        // Under exposure only r is close to 0, so atanh(r) over replicate trials of n patients has SD close to
        // 1/sqrt(n - 3) (Fisher 1921): an independent check that replicates are independent trials of the stated size.
        var result = HypothesisTestResult.Run(Small with { Hypotheses = [Hypothesis.ExposureOnly], Replicates = 1000, PoolSize = 2000 });
        foreach (var c in result.Comparisons)
        {
            var z = c.R.Values.Select(Math.Atanh).ToArray();
            double mean = z.Average(), sd = Math.Sqrt(z.Sum(v => (v - mean) * (v - mean)) / (z.Length - 1));
            double expected = 1 / Math.Sqrt(c.Observed.N - 3);
            Assert.InRange(sd / expected, 0.9, 1.1);
        }
    }

    [Fact]
    public void WithDesign_ObservationAtATimeTheDesignDoesNotAssess_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Small.WithDesign(Small.Design, [new ObservedCorrelation(TimeSpan.FromDays(2), -0.3, 40, "test")]));
        Assert.Contains("2d", ex.Message);
        Assert.Contains("230min", ex.Message);
    }

    [Fact]
    public void PoolSize_TooSmallForTheObservedN_ThrowsInTheInitializer()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Small with { PoolSize = 100 });
        Assert.Contains("PoolSize", ex.Message);
        Assert.Equal(100, Small.WithDesign(Small.Design, [new ObservedCorrelation(TimeSpan.FromMinutes(230), -0.3, 100, "test")]).Observed[0].N);
        Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { PoolSize = 400 }).WithDesign(Small.Design, [new ObservedCorrelation(TimeSpan.FromMinutes(230), -0.3, 101, "test")]));
    }

    [Fact]
    public void Settings_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HypothesisTestSettings.Default with { Replicates = 10 });
        Assert.Throws<ArgumentException>(() => HypothesisTestSettings.Default with { Hypotheses = [Hypothesis.ExposureOnly, Hypothesis.ExposureOnly] });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ObservedCorrelation(TimeSpan.FromDays(1), -1.5, 40, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypothesis.SharedSensitivity(1.5));
        Assert.Throws<ArgumentException>(() => Hypothesis.Parse("telepathy"));
    }
}

public class ComparisonArmTests
{
    [Theory]
    [InlineData("drug=esketamine route=intranasal dose=84mg", "esketamine IN 84mg")]
    [InlineData("route=iv dose=0.5mg/kg infusion=40min", "racemic IV 0.5mg/kg/40min")]
    [InlineData("drug=esketamine route=intranasal dose=56mg sessions=8 interval=3.5d", "esketamine IN 56mg x8/3.5d")]
    public void Parse_ValidSpecs_GiveTheExpectedArm(string spec, string name)
    {
        var arm = KetaminePkPd.Comparisons.ComparisonArm.Parse(spec);
        Assert.Equal(name, arm.Name);
    }

    [Theory]
    [InlineData("route=iv dose=35mg colour=blue", "unknown key 'colour'")]
    [InlineData("route=iv", "'dose' is required")]
    [InlineData("route=iv dose=35mg interval=1d", "'interval' needs 'repeat'")]
    [InlineData("route=iv dose=35mg route=im", "given twice")]
    public void Parse_BadSpecs_ThrowFormatExceptionNamingTheProblem(string spec, string fragment)
    {
        var ex = Assert.Throws<FormatException>(() => KetaminePkPd.Comparisons.ComparisonArm.Parse(spec));
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Parse_UnknownRoute_ThrowsArgumentExceptionListingTheRoutes()
    {
        var ex = Assert.Throws<ArgumentException>(() => KetaminePkPd.Comparisons.ComparisonArm.Parse("route=teleport dose=35mg"));
        Assert.Equal("arm 'route=teleport dose=35mg': route 'teleport': unknown route; use iv, intranasal, oral, sublingual, im or sc.", ex.Message);
    }

    [Fact]
    public void Parse_BioavailabilityOverride_SetsTheRoutesParameter()
    {
        var arm = KetaminePkPd.Comparisons.ComparisonArm.Parse("route=intranasal dose=50mg f=0.45");
        Assert.Equal(0.45, arm.Model["F_IN"].Value);
        Assert.Throws<ArgumentException>(() => KetaminePkPd.Comparisons.ComparisonArm.Parse("drug=esketamine route=intranasal dose=56mg f=0.5"));
    }
}

using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.HypothesisTesting;

/// <summary><see cref="HypothesisTestResult.Start"/>: the hypothesis test in steps.</summary>
public class HypothesisTestRunTests
{
    private static readonly HypothesisTestSettings Small = HypothesisTestSettings.Default with
    {
        Hypotheses = [Hypothesis.ExposureOnly, Hypothesis.Expectancy()], Replicates = 120, PoolSize = 240, Seed = 11,
    };

    /// <summary>The reference result, computed once for all step sizes.</summary>
    private static readonly Lazy<HypothesisTestResult> Expected = new(() => HypothesisTestResult.Run(Small));

    [Theory]
    [InlineData(1, false)]
    [InlineData(37, true)]
    [InlineData(int.MaxValue, false)]
    public void Step_AnyStepSize_GivesTheResultOfRun(int stepSize, bool parallel)
    {
        var expected = Expected.Value;
        var run = HypothesisTestResult.Start(Small with { Parallel = parallel });
        int steps = 0;
        double lastProgress = 0;
        while (!run.Step(stepSize))
        {
            steps++;
            Assert.InRange(run.Progress, lastProgress, 1);
            lastProgress = run.Progress;
        }
        Assert.True(run.IsComplete);
        Assert.Equal(run.TotalWork, run.CompletedWork);
        Assert.Equal(1.0, run.Progress);
        Assert.Equal(expected.Comparisons.Length, run.Result.Comparisons.Length);
        for (int i = 0; i < expected.Comparisons.Length; i++)
        {
            Assert.Equal(expected.Comparisons[i].R.Values.ToArray(), run.Result.Comparisons[i].R.Values.ToArray());
            Assert.Equal(expected.Comparisons[i].PartialGivenExposure.Values.ToArray(), run.Result.Comparisons[i].PartialGivenExposure.Values.ToArray());
            Assert.Equal(expected.Comparisons[i].Reading, run.Result.Comparisons[i].Reading);
        }
        Assert.Equal(expected.SampleSizes.ToArray(), run.Result.SampleSizes.ToArray());   // (ImmutableArray equality is by reference)
        // 2 hypotheses x (240 patients + 2 observations x 120 replicates) = 960 units. Expectancy links nothing, as
        // exposure-only does, so it reuses exposure-only's pool: its 240 patient units complete in one step, and one unit
        // per step takes 960 - 240 + 1 - 1 = 720 steps (the last step also finishes the run).
        Assert.Equal(960, run.TotalWork);
        if (stepSize == 1) Assert.Equal(720, steps);
    }

    [Fact]
    public void Step_NeverCrossesAPhase_StopsAtTheEndOfThePool()
    {
        var run = HypothesisTestResult.Start(Small);
        Assert.False(run.Step(1000));
        Assert.Equal(240, run.CompletedWork);   // the first hypothesis's pool, not 1000 units
        Assert.False(run.Step(1000));
        Assert.Equal(240 + 120, run.CompletedWork);
    }

    [Fact]
    public void Step_AfterCompletion_ReturnsTrueAndDoesNothing()
    {
        var run = HypothesisTestResult.Start(Small with { Hypotheses = [Hypothesis.ExposureOnly] });
        while (!run.Step(int.MaxValue)) { }
        var result = run.Result;
        Assert.True(run.Step(10));
        Assert.Same(result, run.Result);
        // the result's run time is the stepping time up to the last step's summary (the run's clock stops just after)
        Assert.InRange(result.Elapsed, TimeSpan.FromTicks(1), run.Elapsed);
    }

    [Fact]
    public void Result_BeforeCompletion_Throws()
    {
        var run = HypothesisTestResult.Start(Small);
        run.Step(10);
        var ex = Assert.Throws<InvalidOperationException>(() => run.Result);
        Assert.Contains("hypothesis test is not complete (10 of 960 units done)", ex.Message);
    }

    [Fact]
    public void Step_ZeroUnits_ThrowsNamingTheParameter()
    {
        var run = HypothesisTestResult.Start(Small);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => run.Step(0));
        Assert.Equal("maxUnits", ex.ParamName);
    }

    [Fact]
    public void Settings_PoolTooSmall_ThrowBeforeAnyRunExists()
    {
        // The pool rule lives in the settings (an object that exists is valid), so no run can be built with a small pool.
        var ex = Assert.ThrowsAny<ArgumentException>(() => HypothesisTestResult.Start(Small with { PoolSize = 200 }));
        Assert.Contains("at least 4 times", ex.Message);
    }
}

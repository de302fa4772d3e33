using KetaminePkPd.Sensitivity;

namespace KetaminePkPd.Tests.Sensitivity;

/// <summary><see cref="SensitivityResult.Start"/>: the sensitivity analysis in steps (the page's "What would it take?" panel).</summary>
public class SensitivityRunTests
{
    // Two assumptions: placebo SD (re-rates the default pool) and CADSS time (a pool per level), a pair, 120 replicates, pools of 240.
    private static readonly SensitivitySettings Small = SensitivitySettings.Default with
    {
        Assumptions = [SensitivityAssumption.PlaceboSd, SensitivityAssumption.CadssTime],
        Pair = (SensitivityAssumption.PlaceboSd, SensitivityAssumption.DepressionRatingNoiseSd),
        Replicates = 120,
        PoolSize = 240,
        Seed = 5,
    };

    private static readonly Lazy<SensitivityResult> Expected = new(() => SensitivityResult.Run(Small));

    private static double[][] Values(SensitivityResult r) =>
        [.. r.OneAtATime.Concat(r.PairGrid).Prepend(r.Default).SelectMany(c => c.Outcomes).Select(o => o.R.Values.ToArray())];

    [Theory]
    [InlineData(1, false)]
    [InlineData(97, true)]
    [InlineData(int.MaxValue, true)]
    public void Step_AnyStepSize_GivesTheResultOfRun(int stepSize, bool parallel)
    {
        var expected = Expected.Value;
        var run = SensitivityResult.Start(Small with { Parallel = parallel });
        double last = 0;
        int steps = 0;
        while (!run.Step(stepSize))
        {
            steps++;
            Assert.InRange(run.Progress, last, 1);
            last = run.Progress;
        }
        Assert.Equal(run.TotalWork, run.CompletedWork);
        var actual = run.Result;
        Assert.Equal(Values(expected), Values(actual));
        Assert.Equal(expected.Frontiers.ToArray(), actual.Frontiers.ToArray());
        Assert.Equal(expected.SubjectSimulations, actual.SubjectSimulations);
        // The plan: a pool for the default and for each other CADSS time (Lc pools); the distinct settings are the default,
        // the other placebo SDs (Lp - 1), the other CADSS times (Lc - 1) and the pair's combinations not already listed
        // (Lp x Ln - 1 with a non-default level, less the Lp - 1 placebo-only ones).
        int lp = actual.CellsOf(SensitivityAssumption.PlaceboSd).Count(), lc = actual.CellsOf(SensitivityAssumption.CadssTime).Count();
        int ln = actual.PairGrid.Length / lp;
        int pools = lc, settings = 1 + (lp - 1) + (lc - 1) + lp * (ln - 1);
        Assert.Equal(pools * 240L + settings * 2L * 120, run.TotalWork);
        // One step per phase (the pools, simulated together patient by patient, then each setting's observations); the last finishes.
        if (stepSize == int.MaxValue) Assert.Equal(1 + settings * 2 - 1, steps);
    }

    /// <summary>The five pools (the default and four other CADSS times) are simulated together, a patient in each pool a unit: a step
    /// of 1000 units simulates 200 patients, the next the 40 left (not 1000 units: it stops at the end of the pools), the next the
    /// default setting's first observation (120 replicates).</summary>
    [Fact]
    public void Step_NeverCrossesAPhase_StopsAtTheEndOfThePools()
    {
        var run = SensitivityResult.Start(Small);
        Assert.False(run.Step(1000));
        Assert.Equal(1000, run.CompletedWork);
        Assert.False(run.Step(1000));
        Assert.Equal(5 * 240, run.CompletedWork);
        Assert.False(run.Step(1000));
        Assert.Equal(5 * 240 + 120, run.CompletedWork);
    }

    [Fact]
    public void Result_BeforeCompletion_NamesTheWork()
    {
        var run = SensitivityResult.Start(Small);
        run.Step(10);
        var ex = Assert.Throws<InvalidOperationException>(() => run.Result);
        Assert.Contains("sensitivity analysis is not complete (10 of", ex.Message);
    }

    [Fact]
    public void Start_BadSettings_ThrowsBeforeAnyWork()
    {
        var ex = Assert.Throws<ArgumentException>(() => SensitivityResult.Start(Small with { Assumptions = [], Pair = null }));
        Assert.Contains("Nothing to vary", ex.Message);
    }
}

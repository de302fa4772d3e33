using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Trials;

/// <summary><see cref="VirtualTrial.Start"/>: the trial in steps.</summary>
public class VirtualTrialRunTests
{
    private static readonly TrialDesign Design = TrialDesign.Nimh.WithTotalSubjects(24);
    private static readonly Lazy<TrialResult> Expected = new(() => VirtualTrial.Run(Design, Hypothesis.Expectancy(), 9, parallel: false));

    [Theory]
    [InlineData(1, false)]
    [InlineData(7, true)]
    [InlineData(int.MaxValue, false)]
    public void Step_AnyStepSize_GivesTheTrialOfRun(int stepSize, bool parallel)
    {
        var run = VirtualTrial.Start(Design, Hypothesis.Expectancy(), 9, parallel);
        int steps = 0;
        while (!run.Step(stepSize))
        {
            steps++;
            Assert.Equal(Math.Min(24, steps * (long)stepSize), run.CompletedWork);
        }
        Assert.Equal(1.0, run.Progress);
        var expected = Expected.Value;
        Assert.Equal(expected.Subjects.Select(s => s.CadssRated), run.Result.Subjects.Select(s => s.CadssRated));
        Assert.Equal(expected.Subjects.SelectMany(s => s.PercentChanges), run.Result.Subjects.SelectMany(s => s.PercentChanges));
        Assert.Equal(expected.Associations.Select(a => a!.Raw.R), run.Result.Associations.Select(a => a!.Raw.R));
        Assert.Equal(expected.Associations.Select(a => a!.Mediation?.Indirect), run.Result.Associations.Select(a => a!.Mediation?.Indirect));
        if (stepSize == 1) Assert.Equal(23, steps);
    }

    [Fact]
    public void Result_BeforeTheLastPatient_ThrowsSayingHowFarItGot()
    {
        var run = VirtualTrial.Start(Design, null, 1);
        run.Step(5);
        var ex = Assert.Throws<InvalidOperationException>(() => run.Result);
        Assert.Contains("trial is not complete (5 of 24 patients simulated)", ex.Message);
        Assert.False(run.IsComplete);
    }

    [Fact]
    public void Step_ZeroPatients_ThrowsNamingTheParameter()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => VirtualTrial.Start(Design, null, 1).Step(0));
        Assert.Equal("maxUnits", ex.ParamName);
    }
}

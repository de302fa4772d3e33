using KetaminePkPd.Comparisons;

namespace KetaminePkPd.Tests.Comparisons;

/// <summary><see cref="PopulationBands.Start"/>: the population bands in steps.</summary>
public class PopulationRunTests
{
    private static readonly ComparisonArm Arm = ComparisonArm.Defaults[1];   // esketamine nasal 56 mg
    private static readonly ComparisonOptions Options = new() { PopulationSize = 12, Seed = 4, Parallel = false };
    private static readonly Lazy<PopulationBands> Expected = new(() => ComparisonResult.Run([Arm], Options).Arms[0].Population!);

    [Theory]
    [InlineData(1, false)]
    [InlineData(5, true)]
    [InlineData(int.MaxValue, false)]
    public void Step_AnyStepSize_GivesTheBandsOfRouteComparison(int stepSize, bool parallel)
    {
        var run = PopulationBands.Start(Arm, Options with { Parallel = parallel });
        while (!run.Step(stepSize)) Assert.InRange(run.Progress, 0, 1);
        Assert.Equal(12, run.TotalWork);
        Assert.Equal(12, run.CompletedWork);
        var expected = Expected.Value;
        Assert.Equal(expected.Median, run.Result.Median);
        Assert.Equal(expected.P5, run.Result.P5);
        Assert.Equal(expected.P95, run.Result.P95);
        Assert.Equal(expected.Concentration.P95.ToArray(), run.Result.Concentration.P95.ToArray());
        Assert.Equal(expected.Antidepressant.Median.ToArray(), run.Result.Antidepressant.Median.ToArray());
        Assert.Equal(12, run.Result.Subjects);
    }

    [Fact]
    public void StartPopulation_NoPopulation_ThrowsNamingTheSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => PopulationBands.Start(Arm, new ComparisonOptions()));
        Assert.Contains("PopulationSize must be at least 1", ex.Message);
    }

    [Fact]
    public void Result_BeforeTheLastPatient_Throws()
    {
        var run = PopulationBands.Start(Arm, Options);
        run.Step(3);
        Assert.Contains("3 of 12 patients simulated", Assert.Throws<InvalidOperationException>(() => run.Result).Message);
    }
}

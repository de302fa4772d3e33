using KetaminePkPd.Evidence;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Evidence;

/// <summary>The stepped run (<see cref="EvidenceResult.Start"/>, what the teaching page uses) gives EvidenceResult.Run's result, value for value, at any step size and in serial.</summary>
public class EvidenceRunTests
{
    // Two designs (NIMH and TRANSFORM), a pool shared by two hypotheses (expectancy and exposure-only) and one of its own.
    private static readonly EvidenceSettings Small = EvidenceSettings.Default with
    {
        Entries = [EvidenceEntry.Get("luckenbaugh2014-230min"), EvidenceEntry.Get("garcia-romeu-day2"), EvidenceEntry.Get("luckenbaugh2014-7d")],
        Hypotheses = [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(0.5), Hypothesis.Expectancy(20, 6)],
        Replicates = 200, PoolFactor = 1, Seed = 7,
    };

    private static void AssertSame(EvidenceResult expected, EvidenceResult actual)
    {
        Assert.Equal(expected.PatientsSimulated, actual.PatientsSimulated);
        Assert.Equal(expected.Rows.Length, actual.Rows.Length);
        for (int i = 0; i < expected.Rows.Length; i++)
        {
            var (e, a) = (expected.Rows[i], actual.Rows[i]);
            Assert.Equal(e.Entry.Key, a.Entry.Key);
            Assert.Equal(e.Hypothesis.Name, a.Hypothesis.Name);
            Assert.Equal(e.Median, a.Median);        // exact: same patients, same replicate draws
            Assert.Equal(e.Lower95, a.Lower95);
            Assert.Equal(e.Upper95, a.Upper95);
            Assert.Equal(e.ShareSignificant, a.ShareSignificant);
            Assert.Equal(e.P, a.P);
            Assert.Equal(e.Reading, a.Reading);
        }
        Assert.Equal(expected.Joint.Select(j => (j.Hypothesis.Name, j.P, j.Decisive)), actual.Joint.Select(j => (j.Hypothesis.Name, j.P, j.Decisive)));
    }

    [Fact]
    public void SmallSteps_Serial_GiveTheResultOfRun()
    {
        var whole = EvidenceResult.Run(Small);
        var rows = new EvidenceRow?[Small.Entries.Length * Small.Hypotheses.Length];
        var run = EvidenceResult.Start(Small with { Parallel = false }, (i, row) => rows[i] = row);
        int steps = 0;
        double lastProgress = 0;
        while (!run.Step(37))
        {
            steps++;
            Assert.InRange(run.Progress, lastProgress, 1);   // never goes back
            lastProgress = run.Progress;
            Assert.False(run.IsComplete);
        }
        Assert.True(run.IsComplete);
        Assert.Equal(run.TotalWork, run.CompletedWork);
        Assert.Equal(1, run.Progress);
        // pools of at least 1000 patients in steps of 37: many steps, one per entry and hypothesis besides
        Assert.True(steps > 2 * 1000 / 37, $"{steps} steps");
        AssertSame(whole, run.Result);
        Assert.Equal(run.Result.Rows.ToArray(), rows);   // every row handed over, at its index
        Assert.True(run.Step(1));   // stepping a finished run does nothing
    }

    [Fact]
    public void RowsArriveInResultOrder_AndTheResultWaitsForTheEnd()
    {
        var rows = new EvidenceRow?[Small.Entries.Length * Small.Hypotheses.Length];
        var run = EvidenceResult.Start(Small, (i, row) => rows[i] = row);
        Assert.Throws<InvalidOperationException>(() => run.Result);
        Assert.Throws<ArgumentOutOfRangeException>(() => run.Step(0));
        while (rows.All(r => r is null)) Assert.False(run.Step(int.MaxValue));
        var first = rows.Select((r, i) => (r, i)).Single(x => x.r is not null);
        // the first row run is the first design's first entry under the first hypothesis: row 0
        Assert.Equal(0, first.i);
        Assert.Equal("luckenbaugh2014-230min", first.r!.Entry.Key);
        while (!run.Step(int.MaxValue)) { }
        Assert.Equal(Small.Entries.Length * Small.Hypotheses.Length, run.Result.Rows.Length);
    }
}

using KetaminePkPd.Plotting;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Plotting;

/// <summary>
/// <see cref="HtmlReportStory.Simulate"/> in parallel makes the bands, the trial and the figures of sections 3 and 4 beside the
/// hypothesis test: the story's values and the page are those of the serial run, and of figures rendered by <see cref="HtmlReport.Build"/>.
/// </summary>
public sealed class HtmlReportEarlyFiguresTests
{
    private static readonly HypothesisTestSettings Small = HypothesisTestSettings.Default with { Replicates = HypothesisTestSettings.MinReplicates, PoolSize = 300, Seed = 9 };

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    [Fact]
    public void Simulate_Parallel_GivesTheSerialStoryAndPage_WithFiguresRenderedBesideTheTest()
    {
        var parallel = HtmlReportStory.Simulate(Small);
        var serial = HtmlReportStory.Simulate(Small with { Parallel = false });

        // The side thread rendered the three time courses and one scatter per observation (230 min and day 7), numbered from 2.
        var early = parallel.EarlyFigures();
        Assert.NotNull(early);
        Assert.Equal([2, 3, 4, 5, 6], early.Select(f => f.Number));
        Assert.All(early, f => Assert.Contains($"fig{f.Number}-", f.Wide, StringComparison.Ordinal));
        Assert.Null(serial.EarlyFigures());

        // The same values, bit for bit.
        Assert.Equal(Bits(serial.Trial.RatedCadss), Bits(parallel.Trial.RatedCadss));
        Assert.Equal(Bits(serial.Nimh.Population!.Concentration.Median), Bits(parallel.Nimh.Population!.Concentration.Median));
        Assert.Equal(serial.Hypotheses.Comparisons.Length, parallel.Hypotheses.Comparisons.Length);
        for (int c = 0; c < serial.Hypotheses.Comparisons.Length; c++)
            Assert.Equal(Bits(serial.Hypotheses.Comparisons[c].ReplicateR), Bits(parallel.Hypotheses.Comparisons[c].ReplicateR));

        // The same page: with the early figures, rendered by Build from a story without them (the constructor's), and from the serial story.
        string withEarly = HtmlReport.Build(parallel, "repro", "hyp");
        var plain = new HtmlReportStory(parallel.Nimh, parallel.Trial, parallel.Hypotheses);
        Assert.Null(plain.EarlyFigures());
        Assert.Equal(HtmlReport.Build(plain, "repro", "hyp"), withEarly);
        Assert.Equal(HtmlReport.Build(serial, "repro", "hyp"), withEarly);
        Assert.Contains(early[0].Wide, withEarly, StringComparison.Ordinal);
    }
}

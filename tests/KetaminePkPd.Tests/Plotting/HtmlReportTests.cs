using KetaminePkPd.Plotting;
using KetaminePkPd.Trials;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Plotting;

/// <summary><see cref="HtmlReport"/> and <see cref="HtmlReportStory"/> called from the library, without the command line.</summary>
public sealed class HtmlReportTests
{
    private static readonly HypothesisTestSettings Small = HypothesisTestSettings.Default with { Replicates = HypothesisTestSettings.MinReplicates, PoolSize = 300, Seed = 5 };

    [Fact]
    public void Build_SameStory_SameBytes_SelfContained_WithTheGivenCommands()
    {
        var progress = new List<double>();
        var story = HtmlReportStory.Simulate(Small, new Progress(progress));

        string a = HtmlReport.Build(story, "repro --seed 5", "hyp --seed 5");
        string b = HtmlReport.Build(HtmlReportStory.Simulate(Small), "repro --seed 5", "hyp --seed 5");

        Assert.Equal(a, b);
        Assert.StartsWith("<!DOCTYPE html>", a, StringComparison.Ordinal);
        Assert.Contains("<pre><code>repro --seed 5</code></pre>", a, StringComparison.Ordinal);
        Assert.Contains("<pre><code>hyp --seed 5</code></pre>", a, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", a, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", a.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HtmlReportStory.BandPatients, story.Nimh.Population!.Subjects);
        Assert.Equal(Small.Replicates, story.Hypotheses.Settings.Replicates);
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Story_WithoutBands_Throws()
    {
        var noBands = KetaminePkPd.Comparisons.ComparisonResult.Run([KetaminePkPd.Comparisons.ComparisonArm.Parse("drug=racemic route=iv dose=0.5mg/kg")],
            KetaminePkPd.Comparisons.ComparisonOptions.Default with { PopulationSize = 0 }).Arms[0];
        var story = HtmlReportStory.Simulate(Small);
        Assert.Null(noBands.Population);
        Assert.Throws<ArgumentException>(() => new HtmlReportStory(noBands, story.Trial, story.Hypotheses));
    }

    private sealed class Progress(List<double> values) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (values) values.Add(value);
        }
    }
}

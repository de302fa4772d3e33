using KetaminePkPd.Sensitivity;
using KetaminePkPd.Trials;
using KetaminePkPd.Web.Model;
using KetaminePkPd.Web.Panels;

namespace KetaminePkPd.Web.Tests;

/// <summary>The "What would it take?" panel shows the library's sensitivity analysis for the assumptions checked, and can be stopped.</summary>
public class FrontierPanelTests : PageContext
{
    [Fact]
    public async Task Run_ShowsTheLibrarysMediansAndFrontiers_ForTheCheckedAssumptions()
    {
        var cut = Render<FrontierPanel>();
        // Two cheap assumptions (they only re-rate the one pool): uncheck the pharmacological ones.
        foreach (var token in new[] { "pk-variability", "dose-spread", "cadss-time" }) cut.Find($"#fr-{token}").Change(false);
        await cut.Find("#fr-run").ClickAsync(new());
        cut.WaitForElement("#fr-table", TimeSpan.FromMinutes(5));

        var library = SensitivityResult.Run(SensitivitySettings.Default with
        {
            Hypothesis = Hypothesis.ExposureOnly, Assumptions = [SensitivityAssumption.PlaceboSd, SensitivityAssumption.CadssRatingNoiseSd],
            Replicates = 200, PoolSize = 240, Seed = 1,
        });
        Assert.Equal(library.Default.Outcomes[0].MedianR, Value(cut.Find("#fr-default-0")));
        Assert.Equal(library.Default.Outcomes[1].MedianR, Value(cut.Find("#fr-default-1")));
        string sentence = cut.Find("#fr-default").TextContent;
        Assert.Contains($"p {Fmt.P(library.Default.Outcomes[0].Compatibility)}", sentence);
        Assert.Contains(library.Default.Outcomes[0].Compatibility.TwoSidedP > 0 ? "p = 0." : "p < 0.010", sentence);
        // One row per assumption; the frontier text per observation and for both, as the library words it.
        var rows = cut.FindAll("#fr-table tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("placebo-sd", rows[0].QuerySelector("th")!.TextContent);
        var expected = library.Frontiers.Where(f => f.Assumption == SensitivityAssumption.PlaceboSd).Select(f => f.ToString()).ToArray();
        Assert.Equal(expected, rows[0].QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Equal(FrontierPanel.Reading(library), cut.Find("#fr-reading").TextContent);

        // The chart: one line per assumption with the library's medians at steps from the default, the compatible ones ringed.
        var figure = DrawsTitled("median r per setting").Last();
        var data = figure.GetProperty("data");
        Assert.Equal(3, data.GetArrayLength());
        var placebo = library.CellsOf(SensitivityAssumption.PlaceboSd).ToList();
        Assert.Equal(placebo.Select(c => c.Outcomes[0].MedianR), data[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        int d = placebo.FindIndex(c => c.Levels[0].IsDefault);
        Assert.Equal(Enumerable.Range(-d, placebo.Count).Select(k => (double)k), data[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        int compatible = library.OneAtATime.Count(c => c.Outcomes[0].Verdict == KetaminePkPd.HypothesisTesting.CompatibilityVerdict.Compatible);
        Assert.Equal(compatible, data[2].GetProperty("x").GetArrayLength());
        // Charting against day 7 redraws from the same result.
        cut.Find("#fr-observation").Change("1");
        var day7 = DrawsTitled("median r per setting").Last().GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble());
        Assert.Equal(placebo.Select(c => c.Outcomes[1].MedianR), day7);
        // Changing a control after the run marks the results as the last run's.
        Assert.Empty(cut.FindAll("#fr-stale"));
        cut.Find("#fr-hypothesis").Change("Mediation");
        Assert.Single(cut.FindAll("#fr-stale"));
    }

    [Fact]
    public void NothingChecked_TheButtonIsDisabled()
    {
        var cut = Render<FrontierPanel>();
        foreach (var a in FrontierSettingsTokens()) cut.Find($"#fr-{a}").Change(false);
        Assert.True(cut.Find("#fr-run").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Stop_EndsTheRun_WithoutAResult()
    {
        var cut = Render<FrontierPanel>();
        var clicked = cut.Find("#fr-run").ClickAsync(new());
        cut.WaitForElement("#fr-stop", TimeSpan.FromSeconds(30));
        cut.Find("#fr-stop").Click();
        await clicked;
        cut.WaitForAssertion(() => Assert.Contains("Stopped at", cut.Find("#fr-status").TextContent), TimeSpan.FromSeconds(30));
        Assert.Null(cut.Instance.Result);
        Assert.Empty(cut.FindAll("#fr-table"));
    }

    private static IEnumerable<string> FrontierSettingsTokens() =>
        ["pk-variability", "dose-spread", "placebo-sd", "cadss-noise-sd", "cadss-time"];
}

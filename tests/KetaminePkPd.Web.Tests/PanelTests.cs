using KetaminePkPd.Comparisons;
using KetaminePkPd.Trials;
using KetaminePkPd.Web.Panels;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Web.Tests;

public class PanelTests : PageContext
{
    [Fact]
    public void RouteComparison_Defaults_ShowsTheLibrarysNumbersAndTheUncertainRange()
    {
        var cut = Render<RouteComparisonPanel>();
        cut.WaitForElement("#routes-table", TimeSpan.FromSeconds(60));   // computed after the first paint
        var library = ComparisonResult.Run([ComparisonArm.Defaults[0], ComparisonArm.Defaults[1], ComparisonArm.Defaults[3]], new ComparisonOptions { Parallel = false });
        string table = cut.Find("#routes-table").TextContent;
        foreach (var arm in library.Arms) Assert.Contains(Model.Fmt.N(arm.Typical.CmaxNgPerMl, "0.0"), table);
        var nasal = library.Arms[2];
        Assert.Contains($"[{Model.Fmt.N(nasal.AtLow!.CmaxNgPerMl, "0.0")} to {Model.Fmt.N(nasal.AtHigh!.CmaxNgPerMl, "0.0")}]", table);
        // The band's edges are the courses at both ends of F_IN.
        cut.WaitForAssertion(() => Assert.NotEmpty(DrawsTitled("Side by side")), TimeSpan.FromSeconds(60));
        var figure = DrawsTitled("Side by side")[^1];
        Assert.Contains(figure.GetProperty("data").EnumerateArray(), t => t.TryGetProperty("fill", out var f) && f.GetString() == "tonexty");
    }

    [Fact]
    public void RouteComparison_ChoosingAnotherArm_Redraws()
    {
        var cut = Render<RouteComparisonPanel>();
        cut.WaitForElement("#routes-table", TimeSpan.FromSeconds(60));   // computed after the first paint
        cut.WaitForAssertion(() => Assert.NotEmpty(DrawsTitled("Side by side")), TimeSpan.FromSeconds(60));
        int before = DrawsTitled("Side by side").Count;
        cut.Find("#routes-arm1").Change("2");
        cut.WaitForAssertion(() => Assert.Contains(ComparisonArm.Defaults[2].Name, cut.Find("#routes-table").TextContent), TimeSpan.FromSeconds(60));
        cut.WaitForAssertion(() => Assert.Equal(before + 1, DrawsTitled("Side by side").Count), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Population_Run_ShowsTheLibrarysPercentiles()
    {
        var cut = Render<PopulationPanel>();
        cut.Find("#pop-n").Input("20");
        await cut.Find("#pop-run").ClickAsync(new());
        cut.WaitForElement("#pop-table", TimeSpan.FromSeconds(60));
        var bands = ComparisonResult.Run([ComparisonArm.Defaults[0]], new ComparisonOptions { PopulationSize = 20, Seed = 1, Parallel = false }).Arms[0].Population!;
        string table = cut.Find("#pop-table").TextContent;
        Assert.Contains(Model.Fmt.N(bands.Median.CmaxNgPerMl, "0.0"), table);
        Assert.Contains(Model.Fmt.N(bands.P5.PeakCadss, "0.0"), table);
        Assert.Contains("20 patients", cut.Find("#pop-status").TextContent);
        Assert.Equal("1", cut.Find("#pop-progress").GetAttribute("value"));
    }

    [Fact]
    public async Task Hypothesis_Run_ShowsTheLibrarysMedianRReadingAndFullProgress()
    {
        var cut = Render<HypothesisPanel>();
        cut.Find("#hy-hypothesis").Change("Mediation");
        cut.Find("#hy-share").Input("0.8");
        cut.Find("#hy-replicates").Input("100");
        cut.Find("#hy-pool").Change("300");
        await cut.Find("#hy-run").ClickAsync(new());
        cut.WaitForElement("#hy-median", TimeSpan.FromSeconds(120));

        var settings = HypothesisTestSettings.Default.WithDesign(HypothesisTestSettings.Default.Design, [ObservedCorrelation.Luckenbaugh230Min], 300) with
        {
            Hypotheses = [Hypothesis.Mediation(0.8)], Replicates = 100, Seed = 1,
        };
        var library = HypothesisTestResult.Run(settings).Comparisons[0];
        Assert.Equal(library.MedianR, Value(cut.Find("#hy-median")));
        Assert.Equal(library.ProbabilityAtLeastAsStrong, Value(cut.Find("#hy-p")));
        Assert.Equal(library.Reading, cut.Find("#hy-reading").TextContent);
        Assert.Equal("mediation (mediated share 0.8)", cut.Find("#hy-strength").TextContent);
        Assert.Empty(cut.FindAll("#hy-stale"));
        cut.Find("#hy-hypothesis").Change("ExposureOnly");   // the shown result is now the last run's, and says so
        Assert.Contains("mediation (mediated share 0.8)", cut.Find("#hy-stale").TextContent);
        Assert.Equal("1", cut.Find("#hy-progress").GetAttribute("value"));
        // The scatter's trial: 58 patients of the NIMH design rated at 230 min, same hypothesis and seed.
        var design = settings.Design.WithTotalSubjects(58).With(assessments: [TimeSpan.FromMinutes(230)]);
        var trial = design.Simulate(Hypothesis.Mediation(0.8), 1, parallel: false);
        Assert.Equal(trial.Associations[0]!.Raw.R, Value(cut.Find("#hy-trial-r")));
        Assert.False(cut.Find("#hy-run").HasAttribute("disabled"));
        // The histogram holds every replicate and marks the observed r.
        var histogram = DrawsTitled("simulated trials of 58 patients")[^1];
        double total = histogram.GetProperty("data")[0].GetProperty("y").EnumerateArray().Sum(v => v.GetDouble());
        Assert.Equal(100, total);
        Assert.Equal(-0.35, histogram.GetProperty("layout").GetProperty("shapes")[0].GetProperty("x0").GetDouble());
    }

    [Fact]
    public void Hypothesis_ObservationAtDay7_RaisesThePoolToFourTimesN()
    {
        var cut = Render<HypothesisPanel>();
        cut.Find("#hy-pool").Change("232");
        cut.Find("#hy-observed").Change("1");
        Assert.Equal("232", cut.Find("#hy-pool").GetAttribute("value"));   // 4 x 39 = 156 < 232: kept
        Assert.Contains("4 x n = 156", cut.Markup);
        cut.Find("#hy-observed").Change("0");
        cut.Find("#hy-pool").Change("100");
        Assert.Equal("232", cut.Find("#hy-pool").GetAttribute("value"));   // below 4 x 58: raised
    }

    [Fact]
    public void App_EveryControl_HasALabel()
    {
        var cut = Render<App>();
        var controls = cut.FindAll("input, select");
        Assert.True(controls.Count >= 15, $"{controls.Count} controls");
        foreach (var control in controls)
        {
            string? id = control.GetAttribute("id");
            bool labelled = (id is not null && cut.FindAll($"label[for='{id}']").Count == 1) || control.Closest("label") is not null;
            Assert.True(labelled, $"control {control.OuterHtml} has no label");
        }
        Assert.True(cut.FindAll(".provisional").Count >= 4);
    }
}

using KetaminePkPd.Evidence;
using KetaminePkPd.Trials;
using KetaminePkPd.Web.Panels;

namespace KetaminePkPd.Web.Tests;

/// <summary>The evidence panel shows the library's evidence result for the strengths chosen, fills in as it runs, and can be stopped.</summary>
public class EvidencePanelTests : PageContext
{
    [Fact]
    public async Task Run_ShowsTheLibrarysPerStudyAndJointP_AtTheChosenStrength_ForOneGroupOfStudies()
    {
        var cut = Render<EvidencePanel>();
        cut.Find("#ev-rho").Input("0.3");
        cut.Find("#ev-studies").Change("nimh");
        await cut.Find("#ev-run").ClickAsync(new());
        cut.WaitForElement("#ev-joint", TimeSpan.FromMinutes(10));

        // The same settings run by the library directly (in parallel: the result does not depend on it).
        var settings = EvidenceSettings.Default with
        {
            Entries = [.. EvidenceEntry.All.Where(e => e.OverlapGroup == "nimh")],
            Hypotheses = [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(0.3), Hypothesis.Mediation(0.5), Hypothesis.Expectancy(20, 6)],
            Replicates = 200, PoolFactor = 1, Seed = 1,
        };
        var library = EvidenceResult.Run(settings);
        var cells = cut.FindAll("#ev-table tbody td");
        Assert.Equal(library.Rows.Length, cells.Count);
        for (int i = 0; i < cells.Count; i++)
        {
            Assert.Equal(library.Rows[i].P, Value(cells[i]));
            Assert.Equal(library.Rows[i].Compatible ? "ok" : "bad", cells[i].GetAttribute("class"));
        }
        var joint = cut.FindAll("#ev-joint td");
        Assert.Equal(library.Joint.Select(j => j.P), joint.Select(Value));
        Assert.Contains("shared-sensitivity", cut.Find("#ev-table thead").TextContent);
        string reading = cut.Find("#ev-reading").TextContent;
        foreach (var j in library.Joint.Where(j => !j.Compatible)) Assert.Contains($"{j.Hypothesis.Name} (by {j.Decisive})", reading);
        Assert.Contains("these 3 analyses", reading);   // a group of studies is not the whole catalogue
        Assert.StartsWith("These studies together", cut.Find("#ev-joint th").TextContent);
        Assert.Equal("1", cut.Find("#ev-progress").GetAttribute("value"));
        Assert.Equal(3, settings.Entries.Length);   // Luckenbaugh 2014 at 230 min and day 7, Niciu 2018
        Assert.Contains("3 studies x 4 hypotheses", cut.Find("#ev-status").TextContent);
        // Moving a control after the run marks the table as the last run's; moving it back clears the mark.
        Assert.Empty(cut.FindAll("#ev-stale"));
        cut.Find("#ev-share").Input("0.3");
        Assert.Single(cut.FindAll("#ev-stale"));
        cut.Find("#ev-share").Input("0.5");
        Assert.Empty(cut.FindAll("#ev-stale"));
    }

    [Fact]
    public async Task Stop_EndsTheRun_KeepingTheStudiesRunSoFar()
    {
        var cut = Render<EvidencePanel>();
        var clicked = cut.Find("#ev-run").ClickAsync(new());
        cut.WaitForElement("#ev-cancel", TimeSpan.FromSeconds(30));
        cut.Find("#ev-cancel").Click();
        await clicked;
        cut.WaitForAssertion(() => Assert.Contains("Stopped at", cut.Find("#ev-status").TextContent), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll("#ev-joint"));
        Assert.Null(cut.Instance.Result);
        Assert.False(cut.Find("#ev-run").HasAttribute("disabled"));   // ready to run again
    }
}

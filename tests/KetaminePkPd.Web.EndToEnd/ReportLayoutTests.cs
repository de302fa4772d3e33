using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Plotting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace KetaminePkPd.Web.EndToEnd;

/// <summary>
/// The `report` command's HTML page in headless Chromium at a phone's width (issue 20: "the report readable at 420 px"):
/// nothing wider than the screen, every plot shown in its narrow rendering at close to its own size (so its text stays
/// readable), only the model diagram scrolling sideways in its own box. Screenshots go to docs/figures/report-phone-*.png.
/// </summary>
public sealed class ReportLayoutTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>Per figure: its class, the width of the SVG shown (px), that SVG's own width (viewBox), the box's scroll width.</summary>
    private const string Figures = """
        () => JSON.stringify([...document.querySelectorAll('figure')].map(f => {
          const svg = [...f.querySelectorAll('svg')].find(s => s.getBoundingClientRect().width > 0);
          const own = svg.viewBox.baseVal.width || svg.width.baseVal.value;
          return [f.className, svg.getBoundingClientRect().width, own, f.scrollWidth, f.clientWidth]; }))
        """;

    [Fact]
    public async Task Report_At420px_NoSidewaysScrolling_PlotsShownNearTheirOwnSize()
    {
        var settings = HypothesisTestSettings.Default with { Replicates = HypothesisTestSettings.MinReplicates, PoolSize = 300, Seed = 5 };
        string html = HtmlReport.Build(HtmlReportStory.Simulate(settings), "ketamine-pkpd report --replicates 100 --pool 300 --seed 5", "ketamine-pkpd hypothesis");
        string file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 420, Height = 900 } });
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            int pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(pageWidth <= 420, $"the page is {pageWidth} px wide at 420 px");
            var figures = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement[][]>(await page.EvaluateAsync<string>(Figures))!;
            Assert.True(figures.Length >= 6, $"{figures.Length} figures");
            int plots = 0;
            foreach (var f in figures)
            {
                string kind = f[0].GetString()!;
                double shown = f[1].GetDouble(), own = f[2].GetDouble();
                output.WriteLine($"{kind}: shown {shown:0} px of its {own:0} px (scale {shown / own:0.00}); box scrolls {f[3].GetDouble():0} / {f[4].GetDouble():0}");
                if (kind == "plot")
                {
                    plots++;
                    Assert.True(shown <= 420, $"a plot is {shown} px wide");
                    Assert.True(shown / own >= 0.75, $"a plot is shown at {shown / own:0.00} of its size: its text would be too small");
                }
                else Assert.True(f[3].GetDouble() > f[4].GetDouble(), "the diagram keeps its size and scrolls in its box");
            }
            Assert.True(plots >= 5, $"{plots} plots");
            Directory.CreateDirectory(BrowserFixture.FiguresFolder);
            var shots = page.Locator("figure.plot");
            await shots.Nth(0).ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.FiguresFolder, "report-phone-concentrations.png") });
            await shots.Nth(plots - 1).ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.FiguresFolder, "report-phone-histograms.png") });
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using Microsoft.Playwright;

namespace KetaminePkPd.Web.EndToEnd;

/// <summary>
/// Issue 20 in the browser: the time to the first chart on a first visit, the layout at phone and projector sizes (no
/// sideways scrolling, the dose slider on screen together with the chart it moves), the exports, and offline use.
/// </summary>
public sealed partial class TeachingPageTests
{
    /// <summary>The one-patient chart's top and the dose slider's box, in viewport pixels, after the chart is scrolled into view.</summary>
    private const string SliderAndChart = """
        ([sliderId, chartId]) => { const chart = document.getElementById(chartId); chart.scrollIntoView({ block: 'end' });
                const c = chart.getBoundingClientRect(), s = document.getElementById(sliderId).getBoundingClientRect();
                return [c.top, c.bottom, s.top, s.bottom, window.innerHeight, document.documentElement.scrollWidth]; }
        """;

    /// <summary>Each panel's main slider and the chart it moves (the one-patient dose, the routes' time window, the marked dose).</summary>
    private static readonly string[][] SlidersAndCharts = [["op-dose", "op-concentrations"], ["routes-hours", "routes-chart"], ["dr-dose", "dr-effects"]];

    /// <summary>Pinned sliders on a phone (the panels whose slider moves a chart at once).</summary>
    private static readonly string[][] PinnedOnPhone = [["op-dose", "op-concentrations"], ["dr-dose", "dr-effects"]];

    [Fact]
    public async Task Start_FirstVisit_ShowsALoadingStateThenTheFirstChart_IsMeasured()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var statuses = new List<string>();
        await page.GotoAsync(browser.BaseUrl, new() { WaitUntil = WaitUntilState.Commit });
        statuses.Add(await page.InnerTextAsync("#app"));   // the static loading line, before the runtime starts
        await page.WaitForFunctionAsync("() => window.ketaminePlots && ketaminePlots.firstDrawnMs !== null", null, new() { Timeout = 90_000 });
        double firstChartMs = await page.EvaluateAsync<double>("() => ketaminePlots.firstDrawnMs");
        double downloadsMs = await page.EvaluateAsync<double>("() => Math.max(...performance.getEntriesByType('resource').map(e => e.responseEnd))");
        await page.WaitForSelectorAsync("#op-cmax");
        Assert.Contains("Loading", statuses[0], StringComparison.Ordinal);
        Assert.True(firstChartMs > 0);
        await page.WaitForSelectorAsync("#routes-table", new() { Timeout = 90_000 });   // the other panels fill in afterwards
        Record("start_first_chart_ms", new { first_chart_ms = firstChartMs, downloads_end_ms = downloadsMs });
    }

    [Fact]
    public async Task Layout_Phone390_NoSidewaysScrollAndTheDoseSliderStaysOnScreenWithItsChart()
    {
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(browser.BaseUrl);
        await page.WaitForSelectorAsync("#op-cmax", new() { Timeout = 90_000 });
        await page.WaitForSelectorAsync("#dr-cadss", new() { Timeout = 90_000 });
        foreach (var pair in PinnedOnPhone)
        {
            var b = await page.EvaluateAsync<double[]>(SliderAndChart, pair);
            Assert.True(b[2] >= 0 && b[3] <= b[4], $"{pair[0]} at {b[2]}-{b[3]} of {b[4]} while {pair[1]} is in view");
        }
        var box = await page.EvaluateAsync<double[]>(SliderAndChart, PinnedOnPhone[0]);
        string wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 392).slice(0, 12).map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        Assert.True(box[5] <= 390, $"page is {box[5]} px wide: {wide}");
        Assert.True(box[2] >= 0 && box[3] <= box[4], $"dose slider at {box[2]}-{box[3]} of {box[4]}");   // pinned on screen
        Assert.True(box[0] < box[4] && box[1] > 0, "chart on screen");
        // The two-panel effects chart is stacked: its two x axes sit one above the other.
        await page.EvaluateAsync("() => document.getElementById('op-effects').scrollIntoView()");
        await page.WaitForFunctionAsync("() => document.getElementById('op-effects').dataset.revision");
        var domains = await page.EvaluateAsync<double[]>("() => { const l = document.getElementById('op-effects').layout; return [...l.yaxis.domain, ...l.yaxis2.domain, ...l.xaxis2.domain]; }");
        Assert.Equal(new[] { 0.6, 1, 0, 0.4, 0, 1 }, domains);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.FiguresFolder, "web-phone.png") });
        Record("layout_phone_390", new { page_width_px = box[5], slider_top_px = box[2], chart_top_px = box[0] });
    }

    [Fact]
    public async Task Layout_Projector1280x800_TheDoseSliderAndItsChartOnScreenTogether()
    {
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(browser.BaseUrl);
        await page.WaitForSelectorAsync("#op-cmax", new() { Timeout = 90_000 });
        double firstTop = await page.EvaluateAsync<double>("() => document.getElementById('op-concentrations').getBoundingClientRect().top");
        await page.WaitForSelectorAsync("#routes-table", new() { Timeout = 90_000 });
        await page.WaitForSelectorAsync("#dr-cadss", new() { Timeout = 90_000 });
        foreach (var pair in SlidersAndCharts)
        {
            var b = await page.EvaluateAsync<double[]>(SliderAndChart, pair);
            Assert.True(b[5] <= 1280, $"page is {b[5]} px wide");
            Assert.True(b[2] >= 0 && b[3] <= b[4], $"{pair[0]} at {b[2]}-{b[3]} of {b[4]} while {pair[1]} is in view");
            Assert.True(b[0] >= -1 && b[1] <= b[4] + 1, $"{pair[1]} at {b[0]}-{b[1]}");   // 1 px: sub-pixel scrolling
        }
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var box = await page.EvaluateAsync<double[]>(SliderAndChart, SlidersAndCharts[0]);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.FiguresFolder, "web-projector.png") });
        Record("layout_projector_1280x800", new { first_chart_top_px_before_scrolling = firstTop, slider_top_px = box[2], chart_top_px = box[0] });
    }

    [Fact]
    public async Task Export_CsvAndPng_CarryTheSettingsAndTheProvisionalStamp()
    {
        var page = await browser.OpenAsync();
        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#op-concentrations-csv"));
        string csv = await File.ReadAllTextAsync((await csvDownload.PathAsync())!);
        Assert.Equal("op-concentrations.csv", csvDownload.SuggestedFilename);
        Assert.Contains("0.5 mg/kg IV infusion over 40 min, 70 kg", csv);
        Assert.Contains("PROVISIONAL", csv);
        Assert.Contains("\ntrace,x_title,x,y_title,y\nplasma,", csv);
        var pngDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#op-concentrations-png"));
        byte[] png = await File.ReadAllBytesAsync((await pngDownload.PathAsync())!);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 10_000, $"{png.Length} bytes");
        int width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Assert.Equal(1200, width);
    }

    [Fact]
    public async Task Offline_AfterOneVisit_ThePageLoadsAndComputesWithoutTheNetwork()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl);
        await page.WaitForSelectorAsync("#op-cmax", new() { Timeout = 90_000 });
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 60_000 });
        var manifest = await page.EvaluateAsync<string>("() => fetch('manifest.webmanifest').then(r => r.text())");
        Assert.Contains("\"display\": \"standalone\"", manifest);
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#op-cmax", new() { Timeout = 90_000 });
        Assert.StartsWith("240.3 ng/mL", await page.InnerTextAsync("#op-cmax"));
    }
}

public sealed partial class TeachingPageTests
{
    [Fact]
    public async Task DoseResponse_MarkedDose_ShowsTheLibrarysNumbers()
    {
        var page = await browser.OpenAsync();
        await page.EvaluateAsync("() => document.getElementById('dose-response').scrollIntoView()");
        await page.WaitForSelectorAsync("#dr-cadss", new() { Timeout = 90_000 });
        await page.FocusAsync("#dr-dose");
        await page.Keyboard.PressAsync("ArrowRight");   // 0.50 -> 0.55 mg/kg
        await page.WaitForFunctionAsync("() => document.getElementById('dr-dose-value').textContent.startsWith('0.55')");
        var arm = new KetaminePkPd.Comparisons.ComparisonArm("check", KetaminePkPd.Pharmacokinetics.PkParameterSet.Domino,
            Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.55), TimeSpan.FromMinutes(40)));
        double expected = KetaminePkPd.Comparisons.ComparisonResult.Run([arm], new() { Parallel = false }).Arms[0].Typical.PeakCadss;
        double shown = await DataValue(page, "#dr-cadss");
        Assert.Equal(expected, shown, Math.Abs(expected) * Tolerance);
        await Screenshot(page, "#dose-response", "web-dose-response.png");
    }
}

public sealed partial class TeachingPageTests
{
    /// <summary>Each lesson's address, what its controls must show, and its administration (for the library's Cmax).</summary>
    public static TheoryData<string, string, string, string, double> LessonCases => new()
    {
        { "bolus", "domino", "IntravenousBolus", "0.50 mg/kg (35 mg)", 70 },
        { "flat-dose", "domino", "IntravenousInfusion", "35 mg", 110 },
        { "nasal", "perez-ruixo", "Intranasal", "56 mg", 70 },
        { "exposure", "domino", "IntravenousInfusion", "0.50 mg/kg (35 mg)", 70 },
    };

    [Theory]
    [MemberData(nameof(LessonCases))]
    public async Task Lesson_ByAddress_SetsTheControlsAndShowsTheLibrarysNumbers(string lesson, string model, string route, string dose, double weightKg)
    {
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(browser.BaseUrl + "?lesson=" + lesson);
        await page.WaitForSelectorAsync("#op-lesson-note", new() { Timeout = 90_000 });
        Assert.Equal(lesson, await page.InputValueAsync("#op-lesson"));
        Assert.Equal(model, await page.InputValueAsync("#op-model"));
        Assert.Equal(route, await page.InputValueAsync("#op-route"));
        Assert.Equal(dose, await page.InnerTextAsync("#op-dose-value"));
        var set = KetaminePkPd.Pharmacokinetics.PkParameterSet.Get(model);
        var administration = route switch
        {
            "IntravenousBolus" => Administration.IntravenousBolus(Dose.FromMilligramsPerKilogram(0.5)),
            "Intranasal" => Administration.Intranasal(Dose.FromMilligrams(56)),
            _ => Administration.IntravenousInfusion(dose.EndsWith(" mg", StringComparison.Ordinal) ? Dose.FromMilligrams(35) : Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)),
        };
        var options = new KetaminePkPd.Comparisons.ComparisonOptions { Subject = Subject.TypicalAdult with { WeightKg = weightKg }, Parallel = false };
        double expected = KetaminePkPd.Comparisons.ComparisonResult.Run([new("check", set, administration)], options).Arms[0].Typical.CmaxNgPerMl;
        Assert.Equal(expected, await DataValue(page, "#op-cmax"), expected * Tolerance);
    }

    [Fact]
    public async Task Accessibility_AxeCore_NoSeriousOrCriticalViolations()
    {
        string axe = Path.Combine(BrowserFixture.RepositoryRoot, "tests", "KetaminePkPd.Web.EndToEnd", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), $"axe-core is missing: {axe}. Install it: (cd tests/KetaminePkPd.Web.EndToEnd && npm ci)");
        var page = await browser.OpenAsync();
        await page.WaitForSelectorAsync("#routes-table", new() { Timeout = 90_000 });
        await page.WaitForSelectorAsync("#dr-cadss", new() { Timeout = 90_000 });
        await page.EvaluateAsync("() => ketaminePlots.flush()");
        await page.AddScriptTagAsync(new() { Path = axe });
        string json = await page.EvaluateAsync<string>("""
            async () => { const r = await axe.run(document, { resultTypes: ['violations'] });
                          return JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
                                                                         first: v.nodes[0] && v.nodes[0].target.join(' ') }))); }
            """);
        var violations = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(v => (Id: v.GetProperty("id").GetString()!, Impact: v.GetProperty("impact").GetString() ?? "", Nodes: v.GetProperty("nodes").GetInt32(),
                          First: v.TryGetProperty("first", out var f) ? f.GetString() : null)).ToList();
        Record("axe_violations", violations.Select(v => new { v.Id, v.Impact, v.Nodes, v.First }).ToList());
        var blocking = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, string.Join("; ", blocking.Select(v => $"{v.Id} ({v.Impact}, {v.Nodes} nodes, e.g. {v.First})")));
    }
}

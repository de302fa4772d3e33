using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Web.Model;
using KetaminePkPd.Web.Panels;

namespace KetaminePkPd.Web.Tests;

public class DoseResponsePanelTests : PageContext
{
    [Fact]
    public void Render_ShowsTheLibrarysSweepAndTheMarkedDose()
    {
        var cut = Render<DoseResponsePanel>();
        cut.WaitForElement("#dr-cadss", TimeSpan.FromSeconds(60));
        var library = DoseResponseResult.Run(DoseResponseSettings.Default with { PopulationSize = 0 });
        Assert.Equal(library.Points, cut.Instance.Sweep!.Points);
        var at = ComparisonResult.Run([new ComparisonArm("check", PkParameterSet.Domino,
            Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)))], new ComparisonOptions { Parallel = false }).Arms[0].Typical;
        Assert.Equal(at.PeakCadss, Value(cut.Find("#dr-cadss")));
        Assert.Equal(at.AntidepressantDay1, Value(cut.Find("#dr-day1")));
        // The reading states the library's half-maximal dose and the CADSS 4 crossing, in the order the numbers fall.
        double half = library.HalfMaximalAntidepressantDose!.Value.Value, four = DoseResponseView.DoseReaching(library, 4)!.Value;
        string reading = cut.Find("#dr-reading").TextContent;
        Assert.Contains(Fmt.N(half, "0.00") + " mg/kg", reading);
        Assert.Contains(Fmt.N(four, "0.00") + " mg/kg", reading);
        Assert.Equal(four < half, reading.Contains("no dose gives half the benefit without some dissociation", StringComparison.Ordinal));

        cut.Find("#dr-dose").Input("1");
        var one = DoseResponseView.At(1.0);
        cut.WaitForAssertion(() => Assert.Equal(one.CmaxNgPerMl, Value(cut.Find("#dr-cmax"))), TimeSpan.FromSeconds(30));
        Assert.Equal(2 * at.CmaxNgPerMl, one.CmaxNgPerMl, one.CmaxNgPerMl * 1e-9);   // linear PK
        var marked = DrawsTitled("Dose-response: dissociation")[^1];
        Assert.Contains(marked.GetProperty("layout").GetProperty("shapes").EnumerateArray(), s => s.GetProperty("x0").GetDouble() == 1.0);
    }

    [Fact]
    public void DoseReaching_InterpolatesTheFirstCrossingOnLogDose()
    {
        var sweep = DoseResponseView.Sweep();
        double dose = DoseResponseView.DoseReaching(sweep, 4)!.Value;
        Assert.InRange(DoseResponseView.At(dose).PeakCadss, 3.5, 4.5);   // a log-linear interpolation of a smooth curve
        int i = sweep.Points.ToList().FindIndex(p => p.PeakCadss >= 4);
        Assert.InRange(dose, sweep.Points[i - 1].Dose.Value, sweep.Points[i].Dose.Value);
        Assert.Null(DoseResponseView.DoseReaching(sweep, 1e6));
    }

    [Fact]
    public void PopulationRange_EachDoseIsThePopulationRunOfThatArm()
    {
        var cut = Render<DoseResponsePanel>();
        cut.WaitForElement("#dr-cadss", TimeSpan.FromSeconds(60));
        cut.Find("#dr-n").Input("20");
        cut.Find("#dr-band").Click();
        cut.WaitForAssertion(() => Assert.Contains("20 patients at each of 8 doses", cut.Find("#dr-status").TextContent), TimeSpan.FromSeconds(240));
        var bands = cut.Instance.Bands;
        Assert.Equal(DoseResponseView.BandDosesMgPerKg, bands.Select(b => b.MgPerKg));
        var library = ComparisonResult.Run([DoseResponseView.Arm(0.5)], new ComparisonOptions { PopulationSize = 20, Seed = 1, Parallel = false }).Arms[0].Population!;
        Assert.Equal(library, bands.Single(b => b.MgPerKg == 0.5).Bands);
        Assert.All(bands, b => Assert.True(b.Bands.P5.PeakCadss <= b.Bands.Median.PeakCadss && b.Bands.Median.PeakCadss <= b.Bands.P95.PeakCadss));
        Assert.Contains(DrawsTitled("Dose-response: dissociation")[^1].GetProperty("data").EnumerateArray(),
            t => t.TryGetProperty("fill", out var f) && f.GetString() == "tonexty");
    }
}

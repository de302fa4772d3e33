using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Web.Panels;

namespace KetaminePkPd.Web.Tests;

public class OnePatientPanelTests : PageContext
{
    /// <summary>The library's numbers for one arm, computed here independently of the page's settings type.</summary>
    private static ArmComparison Library(PkParameterSet model, Administration administration, double weightKg = 70) =>
        ComparisonResult.Run([new ComparisonArm("check", model, administration)],
            new ComparisonOptions { Subject = Subject.TypicalAdult with { WeightKg = weightKg }, Parallel = false }).Arms[0];

    private static Administration Infusion(double mgPerKg, double minutes = 40) =>
        Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(mgPerKg), TimeSpan.FromMinutes(minutes));

    [Fact]
    public void Render_Defaults_ShowsTheLibrarysNumbersForTheNimhInfusion()
    {
        var cut = Render<OnePatientPanel>();
        var m = Library(PkParameterSet.Domino, Infusion(0.5)).Typical;
        Assert.Equal(m.CmaxNgPerMl, Value(cut.Find("#op-cmax")));
        Assert.Equal(m.TmaxH, Value(cut.Find("#op-tmax")));
        Assert.Equal(m.Auc0To24NgHPerMl, Value(cut.Find("#op-auc")));
        Assert.Equal(m.PeakCadss, Value(cut.Find("#op-peak-cadss")));
        Assert.Equal(m.AntidepressantDay1, Value(cut.Find("#op-day1")));
        Assert.StartsWith("240.3 ng/mL", cut.Find("#op-cmax").TextContent);   // README: 240 ng/mL at the end of the infusion
        Assert.Equal("40 min", cut.Find("#op-tmax").TextContent);
        Assert.Contains("0.50 mg/kg (35 mg)", cut.Find("#op-dose-value").TextContent);
        Assert.Contains("PROVISIONAL", cut.Find(".provisional").TextContent);
        Assert.Contains("C50_D", cut.Find(".provisional").TextContent);
    }

    [Fact]
    public void DoseSlider_Input_ShowsTheLibrarysCmaxAndRedrawsTheCharts()
    {
        var cut = Render<OnePatientPanel>();
        var before = DrawsTitled("plasma and effect-site concentrations");
        cut.Find("#op-dose").Input("1");
        var expected = Library(PkParameterSet.Domino, Infusion(1.0)).Typical;
        Assert.Equal(expected.CmaxNgPerMl, Value(cut.Find("#op-cmax")));
        Assert.Equal(expected.PeakCadss, Value(cut.Find("#op-peak-cadss")));
        var after = DrawsTitled("plasma and effect-site concentrations");
        Assert.Equal(before.Count + 1, after.Count);
        // Linear PK: twice the dose, twice the plotted peak (2-min grid), close to the exact Cmax.
        Assert.Equal(2 * FirstTraceMaximum(before[^1]), FirstTraceMaximum(after[^1]), 1e-9);
        Assert.InRange(FirstTraceMaximum(after[^1]), 0.98 * expected.CmaxNgPerMl, expected.CmaxNgPerMl * (1 + 1e-12));
        Assert.Single(DrawsTitled("Both effects").Skip(before.Count));
    }

    [Fact]
    public void WeightAndInfusionSliders_Input_UseTheLibraryForThatPatientAndDuration()
    {
        var cut = Render<OnePatientPanel>();
        cut.Find("#op-weight").Input("100");
        cut.Find("#op-infusion").Input("20");
        var expected = Library(PkParameterSet.Domino, Infusion(0.5, 20), weightKg: 100).Typical;
        Assert.Equal(expected.CmaxNgPerMl, Value(cut.Find("#op-cmax")));
        Assert.Equal("20 min", cut.Find("#op-infusion-value").TextContent);
        Assert.Contains("(50 mg)", cut.Find("#op-dose-value").TextContent);
    }

    [Fact]
    public void RouteMenu_IvBolus_HidesTheInfusionDuration()
    {
        var cut = Render<OnePatientPanel>();
        cut.Find("#op-route").Change("IntravenousBolus");
        Assert.Empty(cut.FindAll("#op-infusion"));
        var expected = Library(PkParameterSet.Domino, Administration.IntravenousBolus(Dose.FromMilligramsPerKilogram(0.5))).Typical;
        Assert.Equal(expected.CmaxNgPerMl, Value(cut.Find("#op-cmax")));
    }

    [Fact]
    public void ModelMenu_Esketamine_OffersItsRoutesAndWholeNasalDevices()
    {
        var cut = Render<OnePatientPanel>();
        cut.Find("#op-model").Change(PkParameterSet.PerezRuixo2021.Key);
        var routes = cut.FindAll("#op-route option").Select(o => o.GetAttribute("value")).ToArray();
        Assert.Equal("IntravenousInfusion,IntravenousBolus,Intranasal,Oral", string.Join(",", routes));

        cut.Find("#op-route").Change("Intranasal");
        var dose = cut.Find("#op-dose");
        Assert.Equal(("28", "112", "28"), (dose.GetAttribute("min"), dose.GetAttribute("max"), dose.GetAttribute("step")));
        Assert.True(cut.Find("#op-unit-mgkg").HasAttribute("disabled"));   // whole devices: the dose is in mg
        dose.Input("84");
        var expected = Library(PkParameterSet.PerezRuixo2021, Administration.Intranasal(Dose.FromMilligrams(84))).Typical;
        Assert.Equal(expected.CmaxNgPerMl, Value(cut.Find("#op-cmax")));
        Assert.Equal("84 mg", cut.Find("#op-dose-value").TextContent);
    }

    [Fact]
    public void RacemicIntranasal_UncertainBioavailability_ShowsTheLibrarysRange()
    {
        var cut = Render<OnePatientPanel>();
        cut.Find("#op-unit-mg").Change(true);
        Assert.Equal("35 mg", cut.Find("#op-dose-value").TextContent);   // 0.5 mg/kg x 70 kg, same dose in mg
        cut.Find("#op-route").Change("Intranasal");
        cut.Find("#op-dose").Input("50");
        var library = Library(PkParameterSet.Domino, Administration.Intranasal(Dose.FromMilligrams(50)));
        Assert.Equal(library.Typical.CmaxNgPerMl, Value(cut.Find("#op-cmax")));
        string text = cut.Find("#op-cmax").TextContent;
        Assert.Contains($"[{Model.Fmt.N(library.AtLow!.CmaxNgPerMl, "0.0")} to {Model.Fmt.N(library.AtHigh!.CmaxNgPerMl, "0.0")}]", text);
        Assert.Contains("F_IN", cut.Markup);
    }

    [Fact]
    public void ModelMenu_Herd_KeepsOnlyIntravenousRoutes()
    {
        var cut = Render<OnePatientPanel>();
        cut.Find("#op-route").Change("Oral");
        cut.Find("#op-model").Change(PkParameterSet.Herd.Key);
        Assert.Equal("IntravenousInfusion,IntravenousBolus", string.Join(",", cut.FindAll("#op-route option").Select(o => o.GetAttribute("value"))));
        Assert.Equal(PkParameterSet.Herd.Key, cut.Instance.Settings.ModelKey);
        Assert.Equal(Model.RouteChoice.IntravenousInfusion, cut.Instance.Settings.Route);
    }
}

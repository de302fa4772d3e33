using System.Collections.Immutable;
using System.Text.Json;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Web.Charts;
using KetaminePkPd.Web.Model;
using KetaminePkPd.Web.Panels;

namespace KetaminePkPd.Web.Tests;

/// <summary>Issue 20's teaching features: lessons whose claims the library bears out, settings in the address, warnings
/// outside the calibrated range, explanations, the hysteresis arrows, and each chart's data table and CSV.</summary>
public class TeachingFeatureTests : PageContext
{
    private static ArmMetrics Typical(PatientSettings s) => s.Simulate().Typical;

    [Fact]
    public void LessonBolus_ItsClaimsHoldInTheLibrary()
    {
        var bolus = Lessons.Find("bolus")!.Settings;
        var infusion = bolus.WithRoute(RouteChoice.IntravenousInfusion);
        var (b, i) = (Typical(bolus), Typical(infusion));
        Assert.Equal(0, b.TmaxH);                                   // the bolus peaks at once
        Assert.True(b.CmaxNgPerMl > 3 * i.CmaxNgPerMl, $"{b.CmaxNgPerMl} vs {i.CmaxNgPerMl}");
        Assert.True(b.PeakCadss > i.PeakCadss);                      // dissociation falls with the peak
        double day1Change = Math.Abs(b.AntidepressantDay1 - i.AntidepressantDay1) / Math.Abs(i.AntidepressantDay1);
        Assert.True(day1Change < 0.10, $"day-1 effect moved {day1Change:P1}");   // "barely moves"
        // Cmax of the bolus is the dose over V1 (Domino: V1 = 0.063 L/kg x 70 kg; docs/model.md 3.1): 35 mg / 4.41 L.
        var v1 = PkParameterSet.Domino.Parameters.Single(p => p.Name == "V1");
        Assert.Equal(35_000 / (v1.Value * 70), b.CmaxNgPerMl, b.CmaxNgPerMl * 1e-9);
    }

    [Fact]
    public void LessonFlatDose_ExposureFallsWithWeightButNotPerKilogram()
    {
        var flat = Lessons.Find("flat-dose")!.Settings;
        Assert.True(Typical(flat with { WeightKg = 50 }).Auc0To24NgHPerMl > 1.5 * Typical(flat with { WeightKg = 110 }).Auc0To24NgHPerMl);
        var perKg = flat.WithPerKilogram(true);
        double light = Typical(perKg with { WeightKg = 50 }).CmaxNgPerMl, heavy = Typical(perKg with { WeightKg = 110 }).CmaxNgPerMl;
        Assert.Equal(light, heavy, light * 1e-9);
    }

    [Fact]
    public void LessonNasal_TwoDevicesGiveLessThanTwiceOneDevicesAuc()
    {
        var two = Lessons.Find("nasal")!.Settings;
        Assert.Equal(56, two.DoseMg);
        var one = two with { DoseValue = 28 };
        var iv = two.WithRoute(RouteChoice.IntravenousInfusion);
        Assert.True(Typical(two).Auc0To24NgHPerMl < 2 * Typical(one).Auc0To24NgHPerMl);
        Assert.True(Typical(two).TmaxH > 0 && Typical(two).CmaxNgPerMl < Typical(iv with { DoseValue = 56, PerKilogram = false }).CmaxNgPerMl);
    }

    [Fact]
    public void Query_RoundTripsAndIgnoresJunk()
    {
        var s = new PatientSettings { ModelKey = PkParameterSet.Hijazi.Key, InfusionMinutes = 20, WeightKg = 90, DoseValue = 0.75 };
        Assert.Equal(s, PatientSettings.FromQuery(s.ToQuery()));
        var nasal = Lessons.Find("nasal")!.Settings with { DoseValue = 84 };
        Assert.Equal(nasal, PatientSettings.FromQuery("?" + nasal.ToQuery()));
        Assert.Equal(new PatientSettings(), PatientSettings.FromQuery("model=nope&route=Teleport&dose=NaN&weight=abc&x"));
        Assert.Equal(PatientSettings.MaxWeightKg, PatientSettings.FromQuery("weight=1e9").WeightKg);
        Assert.Equal(PatientSettings.MaxMgPerKg, PatientSettings.FromQuery("dose=7").DoseValue);
    }

    [Fact]
    public void Warnings_OutsideTheCalibratedRangeOnly()
    {
        Assert.Empty(PatientGuide.Warnings(new PatientSettings()));
        Assert.Contains(PatientGuide.Warnings(new PatientSettings { DoseValue = 2 }), w => w.StartsWith("2 mg/kg is outside", StringComparison.Ordinal));
        // A flat 110 mg kept when the weight drops to 20 kg: 5.5 mg/kg, and a child's weight.
        var w = PatientGuide.Warnings(new PatientSettings { PerKilogram = false, DoseValue = 110, WeightKg = 20 });
        Assert.Equal(2, w.Count);
        Assert.Contains("5.5 mg/kg", w[0]);
        Assert.Contains("110 mg in a 20 kg patient", w[0]);
        Assert.Contains("20 kg is outside", w[1]);
        Assert.Contains(PatientGuide.Warnings(new PatientSettings { Route = RouteChoice.Oral, PerKilogram = false, DoseValue = 50 }),
            x => x.Contains("calibrated on racemic IV", StringComparison.Ordinal));
    }

    [Fact]
    public void Panel_LessonFromTheAddress_SetsTheControlsShowsTheNoteAndWritesTheAddressOnChange()
    {
        Visit("lesson=bolus");
        var cut = Render<OnePatientPanel>();
        cut.WaitForElement("#op-cmax");
        Assert.Equal(RouteChoice.IntravenousBolus, cut.Instance.Settings.Route);
        Assert.Contains("What to notice", cut.Find("#op-lesson-note").TextContent);
        Assert.Contains("instantaneous", cut.Find(".op-note").TextContent);   // the bolus explanation
        cut.Find("#op-dose").Input("1");
        Assert.StartsWith("lesson=bolus&model=domino&route=IntravenousBolus", WrittenQueries[^1]);
        Assert.Contains("dose=1&", WrittenQueries[^1]);
        Assert.Equal(cut.Instance.Settings, PatientSettings.FromQuery(WrittenQueries[^1]));
    }

    [Fact]
    public void Panel_DoseAboveTheCheckedRange_ShowsAWarning()
    {
        var cut = Render<OnePatientPanel>();
        cut.WaitForElement("#op-cmax");
        Assert.Empty(cut.FindAll(".op-warning"));
        cut.Find("#op-dose").Input("1.5");
        Assert.Contains("1.5 mg/kg is outside", cut.Find(".op-warning").TextContent);
    }

    [Fact]
    public void HysteresisArrows_PointTheWayTimeRuns()
    {
        var s = new PatientSettings();
        var arm = s.Simulate();
        var figure = Figures.Hysteresis(arm);
        var arrows = figure.Layout.Annotations!;
        Assert.Equal(4, arrows.Count);
        var plasma = arm.Course.Pk.ParentNgPerMl;
        foreach (var a in arrows)
        {
            var effect = a.Xref == "x" ? arm.Course.Dissociation.Values : arm.Course.Antidepressant.Values;
            int head = Index(plasma, effect, a.X, a.Y), tail = Index(plasma, effect, a.Ax!.Value, a.Ay!.Value);
            Assert.True(head > tail, $"arrow {tail} -> {head}");
        }
    }

    private static int Index(ImmutableArray<double> x, ImmutableArray<double> y, double px, double py)
    {
        for (int i = 0; i < x.Length; i++) if (x[i] == px && y[i] == py) return i;
        throw new InvalidOperationException("not a point of the path");
    }

    [Fact]
    public void ChartData_CsvHasTheStampAndEveryPoint_TablesNameBandEdges()
    {
        var rows = UncertainArms.Run([ComparisonArm.Defaults[0], ComparisonArm.Defaults[3]]);
        var figure = Figures.RouteComparison(rows, 8);
        string csv = ChartData.Csv(figure, ChartData.Stamp("two arms"));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("# Side by side", lines[0]);
        Assert.Contains("two arms. KetaminePkPd teaching page. PROVISIONAL", lines[1]);
        Assert.Equal("trace,x_title,x,y_title,y", lines[2]);
        Assert.Equal(figure.Data.Sum(t => t.X.Length), lines.Length - 3);
        var tables = ChartData.Tables(figure).ToList();
        Assert.Equal(figure.Data.Count, tables.Count);
        Assert.Contains(tables, t => t.Caption.EndsWith("(lower edge)", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.Caption.EndsWith("(upper edge)", StringComparison.Ordinal));
        Assert.All(tables, t => Assert.InRange(t.Rows.Count, 1, ChartData.TableRows + 1));
        // The table of a line keeps its largest value (the peak a student looks for).
        var line = figure.Data.First(t => t.Fill is null && t.Name == ComparisonArm.Defaults[0].Name);
        Assert.Contains(tables.First(t => t.Caption == line.Name).Rows, r => r.Y == line.Y.Max());
    }

    [Fact]
    public void Chart_ShowsItsDataTableAndExportButtons()
    {
        var cut = Render<OnePatientPanel>();
        cut.WaitForElement("#op-cmax");
        Assert.NotNull(cut.Find("#op-concentrations-csv"));
        Assert.NotNull(cut.Find("#op-concentrations-png"));
        Assert.Equal(3, cut.Find("#op-concentrations-caption details.chart-data").QuerySelectorAll("table").Length);
    }
}

public class RepeatedDoseTests : PageContext
{
    [Fact]
    public void Sessions_ThreeDailyInfusions_AreTheLibrarysRepeatedArm()
    {
        var cut = Render<OnePatientPanel>();
        cut.WaitForElement("#op-cmax");
        cut.Find("#op-sessions").Input("3");
        cut.Find("#op-interval").Input("24");
        var arm = new ComparisonArm("check", PkParameterSet.Domino,
            Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)), 3, TimeSpan.FromHours(24));
        var expected = ComparisonResult.Run([arm], new ComparisonOptions { Parallel = false }).Arms[0].Typical;
        Assert.Equal(expected.AntidepressantDay7, cut.Instance.Result!.Typical.AntidepressantDay7);
        Assert.Equal(expected.AntidepressantDay1, Value(cut.Find("#op-day1")));
        Assert.Contains("3 sessions every 24 h", cut.Find("h3").TextContent);
        // The concentration chart runs to 12 h after the third session's start (48 + 12 h).
        var figure = DrawsTitled("plasma and effect-site concentrations")[^1];
        double last = figure.GetProperty("data")[0].GetProperty("x").EnumerateArray().Last().GetDouble();
        Assert.Equal(60, last, 1e-9);
        Assert.Equal(cut.Instance.Settings, PatientSettings.FromQuery(WrittenQueries[^1]));
    }

    [Fact]
    public void WithSessions_FitsTheSevenDayCourse()
    {
        var s = new PatientSettings();
        Assert.Equal(2, s.WithSessions(8, 84).Sessions);      // 0 and 84 h; a third at 168 h would fall outside
        Assert.Equal(8, s.WithSessions(8, 12).Sessions);
        Assert.Equal(7, s.WithSessions(9, 24).Sessions);      // 0..144 h
        Assert.Equal(12, s.WithSessions(2, 1).IntervalHours);
    }
}

public class HypothesisStopTests : PageContext
{
    [Fact]
    public void Stop_DuringTheReplicates_LeavesNoResultAndSaysSo()
    {
        var cut = Render<HypothesisPanel>();
        cut.Find("#hy-replicates").Input("2000");
        cut.Find("#hy-run").Click();
        cut.WaitForElement("#hy-stop", TimeSpan.FromSeconds(60));
        cut.WaitForAssertion(() => Assert.Contains("Replicate trials", cut.Find("#hy-status").TextContent), TimeSpan.FromSeconds(120));
        cut.Find("#hy-stop").Click();
        cut.WaitForAssertion(() => Assert.Contains("Stopped", cut.Find("#hy-status").TextContent), TimeSpan.FromSeconds(60));
        Assert.Null(cut.Instance.Comparison);
        Assert.Empty(cut.FindAll("#hy-median"));
        Assert.Empty(cut.FindAll("#hy-stop"));
        Assert.False(cut.Find("#hy-run").HasAttribute("disabled"));
    }
}

public class PinTests : PageContext
{
    [Fact]
    public void Pin_ThenChangeTheDose_OverlaysThePinnedRunInGrey_ClearRemovesIt()
    {
        var cut = Render<OnePatientPanel>();
        cut.WaitForElement("#op-cmax");
        var first = cut.Instance.Result!;
        cut.Find("#op-pin").Click();
        cut.Find("#op-dose").Input("1");
        Assert.Single(cut.Instance.PinnedRuns);
        var figure = DrawsTitled("plasma and effect-site concentrations")[^1];
        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        var pinned = traces.Single(t => t.GetProperty("name").GetString()!.StartsWith("pinned 1: plasma", StringComparison.Ordinal));
        Assert.Equal(first.Course.Pk.ParentNgPerMl.Max(), pinned.GetProperty("y").EnumerateArray().Max(v => v.GetDouble()), 1e-9);
        Assert.Equal(2 * pinned.GetProperty("y").EnumerateArray().Max(v => v.GetDouble()),
            traces.Single(t => t.GetProperty("name").GetString() == "plasma").GetProperty("y").EnumerateArray().Max(v => v.GetDouble()), 1e-6);
        Assert.Equal(2, DrawsTitled("Both effects")[^1].GetProperty("data").EnumerateArray().Count(t => t.GetProperty("name").GetString()!.StartsWith("pinned 1", StringComparison.Ordinal)));
        cut.Find("#op-unpin").Click();
        Assert.Empty(cut.Instance.PinnedRuns);
        Assert.DoesNotContain(DrawsTitled("plasma and effect-site concentrations")[^1].GetProperty("data").EnumerateArray(),
            t => t.GetProperty("name").GetString()!.StartsWith("pinned", StringComparison.Ordinal));
    }
}

public class EditableParameterTests : PageContext
{
    [Fact]
    public void DoublingV1_HalvesTheBolusCmax_AsTheLibrarySays()
    {
        var cut = Render<OnePatientPanel>();
        cut.WaitForElement("#op-cmax");
        cut.Find("#op-route").Change("IntravenousBolus");
        double before = Value(cut.Find("#op-cmax"));
        cut.Find("#op-param-v1").Change("0.126");
        var model = PkParameterSet.Domino.WithParameter("V1", 0.126);
        var expected = ComparisonResult.Run([new ComparisonArm("check", model, Administration.IntravenousBolus(Dose.FromMilligramsPerKilogram(0.5)))],
            new ComparisonOptions { Parallel = false }).Arms[0].Typical.CmaxNgPerMl;
        Assert.Equal(expected, Value(cut.Find("#op-cmax")));
        Assert.Equal(before / 2, expected, expected * 1e-9);   // C0 = dose / V1
        Assert.Contains("changed V1=0.126", cut.Find("h3").TextContent);
        Assert.Contains("&p.V1=0.126", WrittenQueries[^1]);
        Assert.Equal(cut.Instance.Settings, PatientSettings.FromQuery(WrittenQueries[^1]));

        cut.Find("#op-param-v1").Change("1000");   // above its range: the library's message, naming the parameter
        Assert.Contains("V1", cut.Find(".error").TextContent);
        Assert.Equal(0.126, cut.Instance.Settings.Overrides.Single().Value);

        cut.Find("#op-params-reset").Click();
        Assert.Equal("", cut.Instance.Settings.ParameterText);
        Assert.Equal(before, Value(cut.Find("#op-cmax")));
    }

    [Fact]
    public void DoublingC50D_LowersThePeakCadss_AsTheLibrarySays_AndLeavesThePkAlone()
    {
        var cut = Render<OnePatientPanel>();
        cut.WaitForElement("#op-cmax");
        double cmax = Value(cut.Find("#op-cmax")), cadss = Value(cut.Find("#op-peak-cadss")), day1 = Value(cut.Find("#op-day1"));
        cut.Find("#op-effect-c50_d").Change("480");
        var effects = KetaminePkPd.Pharmacodynamics.EffectParameterSet.Default.WithParameter("C50_D", 480);
        var expected = ComparisonResult.Run([new ComparisonArm("check", PkParameterSet.Domino, Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)))],
            new ComparisonOptions { Parallel = false, Effects = effects }).Arms[0].Typical;
        Assert.Equal(expected.PeakCadss, Value(cut.Find("#op-peak-cadss")));
        Assert.True(expected.PeakCadss < cadss / 2, $"peak CADSS {expected.PeakCadss} with C50_D doubled, {cadss} before");   // Hill 2 below C50: about a quarter
        Assert.Equal(cmax, Value(cut.Find("#op-cmax")));                // the PK does not move
        Assert.Equal(day1, Value(cut.Find("#op-day1")));                // nor does the antidepressant effect
        Assert.Contains("changed C50_D=480", cut.Find("h3").TextContent);
        Assert.Contains("&e.C50_D=480", WrittenQueries[^1]);
        Assert.Equal(cut.Instance.Settings, PatientSettings.FromQuery(WrittenQueries[^1]));

        cut.Find("#op-effect-hill_d").Change("50");   // above its range (0.1-10): the library's message names it
        Assert.Contains("HILL_D", cut.Find(".error").TextContent);
        Assert.Single(cut.Instance.Settings.EffectOverrides);

        cut.Find("#op-effects-reset").Click();
        Assert.Equal("", cut.Instance.Settings.EffectText);
        Assert.Equal(cadss, Value(cut.Find("#op-peak-cadss")));
    }

    [Fact]
    public void WithEffectParameter_LibraryValueRestores_ModelChangeKeeps_JunkInTheAddressIgnored()
    {
        var s = new PatientSettings().WithEffectParameter("ec50_a", 120).WithEffectParameter("C50_D", 240);
        Assert.Equal("EC50_A=120", s.EffectText);                        // C50_D at the library's value is no change
        Assert.Equal("EC50_A=120", s.WithModel(PkParameterSet.Hijazi.Key).EffectText);
        Assert.Equal(120, s.Effects["EC50_A"].Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.WithEffectParameter("HILL_D", 0));
        Assert.Equal(new PatientSettings(), PatientSettings.FromQuery("e.HILL_D=0&e.NOPE=3&e.EC50_A=abc"));
    }

    [Fact]
    public void WithParameter_PublishedValueRestores_ModelChangeResets_JunkInTheAddressIgnored()
    {
        var s = new PatientSettings().WithParameter("cl", 2.0).WithParameter("V1", 0.063);
        Assert.Equal("CL=2", s.ParameterText);                          // V1 at its published value is no change
        Assert.Equal("", s.WithParameter("CL", PkParameterSet.Domino["CL"].Value).ParameterText);
        Assert.Equal("", s.WithModel(PkParameterSet.Hijazi.Key).ParameterText);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.WithParameter("V1", -1));
        Assert.Equal(new PatientSettings(), PatientSettings.FromQuery("p.V1=-5&p.NOPE=3&p.CL=abc"));
    }
}

using System.Globalization;
using System.Text.Json;
using KetaminePkPd.Application;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Application.Reporting;

/// <summary>The single-subject simulation: its setup rules, default model, report, time-course table and JSON.</summary>
public sealed class SimulationReportTests
{
    private static readonly SimulationSetup Default = SimulationSetup.Resolve(options: SimulationOptions.Default with { Until = TimeSpan.FromHours(6) });
    private static readonly PkPdSimulationResult Result = Default.Simulate();

    [Fact]
    public void Default_EqualsTheHandAssembledModel()
    {
        var pk = PkParameterSet.Domino.CreateModel(Subject.TypicalAdult);
        var fx = EffectParameterSet.Default;
        var byHand = new PkPdModel(pk, [fx.Dissociation(Drug.Esketamine), fx.Antidepressant(Drug.Esketamine)]);

        var model = PkPdModel.Default(pk, Drug.Esketamine);

        Assert.Same(pk, model.Pk);
        Assert.Equal(((SigmoidEmaxModel)byHand.Effects[0]).C50NgPerMl, ((SigmoidEmaxModel)model.Effects[0]).C50NgPerMl);
        Assert.Equal(((PlasticityModel)byHand.Effects[1]).Ec50NgPerMl, ((PlasticityModel)model.Effects[1]).Ec50NgPerMl);
        Assert.Equal([EffectParameterSet.DissociationName, EffectParameterSet.AntidepressantName], model.Effects.Select(e => e.Name));
        var regimen = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligrams(35), TimeSpan.FromMinutes(40)));
        var a = PkPdSimulator.Simulate(byHand, regimen, SimulationOptions.Default);
        var b = PkPdSimulator.Simulate(model, regimen, SimulationOptions.Default);
        // ImmutableArray's own Equals compares the array reference: compare the values.
        Assert.True(a[EffectParameterSet.DissociationName].Values.SequenceEqual(b[EffectParameterSet.DissociationName].Values));
        Assert.True(a[EffectParameterSet.AntidepressantName].Values.SequenceEqual(b[EffectParameterSet.AntidepressantName].Values));
        Assert.True(b[EffectParameterSet.DissociationName].MaximumValue > 1, "the esketamine potencies give a visible dissociation peak");
    }

    [Fact]
    public void Resolve_NoInputs_IsTheNimhInfusionInTheTypicalAdult()
    {
        var s = SimulationSetup.Resolve();
        Assert.Equal(Drug.RacemicKetamine, s.Drug);
        Assert.Same(PkParameterSet.Domino, s.ParameterSet);
        Assert.Equal(Route.Intravenous, s.Route);
        Assert.Equal(TimeSpan.FromMinutes(40), s.First.InfusionDuration);
        Assert.Equal(35, s.DoseMg, 12);     // 0.5 mg/kg x 70 kg
        Assert.Equal(1, s.Count);
        Assert.Equal("0.5 mg/kg (35 mg) IV infusion over 40 min, once", SimulationReport.DescribeRegimen(s));
        Assert.Equal("0.5 mg/kg IV over 40 min", SimulationReport.ShortLabel(s));
    }

    [Fact]
    public void Resolve_Esketamine_DefaultsToTwoNasalDevices()
    {
        var s = SimulationSetup.Resolve(drug: Drug.Esketamine);
        Assert.Same(PkParameterSet.PerezRuixo2021, s.ParameterSet);
        Assert.Equal(Route.Intranasal, s.Route);
        Assert.Equal(56, s.DoseMg, 12);
        Assert.StartsWith("56 mg intranasal (2 x 28 mg devices", SimulationReport.DescribeRegimen(s), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dose-and-rate", "--dose and --rate exclude each other")]
    [InlineData("oral-infusion", "--infusion applies to --route iv only")]
    [InlineData("repeat-no-interval", "--repeat 3 needs --interval")]
    [InlineData("interval-no-repeat", "--interval is used only with --repeat greater than 1")]
    [InlineData("other-drug", "--model perez-ruixo is a model of esketamine, but --drug racemic was given")]
    [InlineData("devices", "--dose")]
    public void ResolveSimulation_BadCombination_ThrowsNamingTheOptions(string scenario, string expected)
    {
        Func<SimulationSetup> resolve = scenario switch
        {
            "dose-and-rate" => () => CommandLineText.ResolveSimulation(null, null, null, Dose.FromMilligrams(35), null, DoseRate.Parse("20mg/h"), 1, null, null, null, null),
            "oral-infusion" => () => CommandLineText.ResolveSimulation(null, null, Route.Oral, null, TimeSpan.FromMinutes(40), null, 1, null, null, null, null),
            "repeat-no-interval" => () => CommandLineText.ResolveSimulation(null, null, null, null, null, null, 3, null, null, null, null),
            "interval-no-repeat" => () => CommandLineText.ResolveSimulation(null, null, null, null, null, null, 1, TimeSpan.FromDays(1), null, null, null),
            "other-drug" => () => CommandLineText.ResolveSimulation(Drug.RacemicKetamine, PkParameterSet.PerezRuixo2021, null, null, null, null, 1, null, null, null, null),
            _ => () => CommandLineText.ResolveSimulation(Drug.Esketamine, null, null, Dose.FromMilligrams(50), null, null, 1, null, null, null, null),
        };
        var ex = Assert.Throws<ArgumentException>(() => resolve());
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InTheLibrary_NamesTheParameters()
    {
        var ex = Assert.Throws<ArgumentException>(() => SimulationSetup.Resolve(route: Route.Oral, rate: DoseRate.Parse("20mg/h")));
        Assert.StartsWith("rate applies to route iv only, got route oral", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeCourse_HasTheDocumentedColumnsAndOneRowPerOutputTime()
    {
        var table = SimulationReport.TimeCourse(Result);

        var names = table.Columns.Select(c => c.Name).ToList();
        Assert.Equal(["time_h", "parent_ng_per_ml", "metabolite_ng_per_ml", "cadss", "madrs_change"], names.Take(5));
        Assert.Equal(["eliminated_mg", "input_mg"], names.TakeLast(2));
        Assert.Equal(Result.Pk.Model.Compartments.Length + 7, names.Count);
        Assert.All(names.Skip(5).SkipLast(2), n => Assert.Matches("^amount_[a-z0-9_]+_mg$", n));
        Assert.Equal(Result.Pk.TimesH.Length, table.Rows.Length);   // 0 to 6 h every 5 min: 73
        Assert.Equal(73, table.Rows.Length);
        int k = 12;   // 1 h
        Assert.Equal(1.0, table.Rows[k][0].Number, 12);
        Assert.Equal(Result.Pk.ParentNgPerMl[k], table.Rows[k][1].Number);
        Assert.Equal(Result[EffectParameterSet.DissociationName].Values[k], table.Rows[k][3].Number);
        // The antidepressant drug effect keeps its sign: negative = improvement.
        Assert.True(table.Rows[^1][4].Number < 0, "madrs_change at 6 h should be negative (improvement)");
    }

    [Fact]
    public void TimeCourse_Csv_IsInvariantCultureWhateverTheCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        string csv;
        try
        {
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;
            csv = SimulationReport.TimeCourse(Result).ToCsv();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("time_h,parent_ng_per_ml,metabolite_ng_per_ml,cadss,madrs_change,amount_", lines[0], StringComparison.Ordinal);
        Assert.Equal(Result.Pk.TimesH.Length + 1, lines.Length);
        // 10 significant digits: within half a unit in the 10th digit of the simulated value.
        double parent = Result.Pk.ParentNgPerMl[1];
        Assert.Equal(parent, double.Parse(lines[2].Split(',')[1], CultureInfo.InvariantCulture), 5e-10 * parent);
    }

    [Fact]
    public void TimeCourse_Csv_WritesTenSignificantDigits_NoBinaryNoise()
    {
        var table = SimulationReport.TimeCourse(Result);
        Assert.Equal(10, table.SignificantDigits);
        var lines = table.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // 5 min = 1/12 h: 0.08333333333 (not 0.08333333333333333); no cell has more than 10 significant digits.
        Assert.Equal("0.08333333333", lines[2].Split(',')[0]);
        foreach (var cell in lines.Skip(1).SelectMany(l => l.TrimEnd('\r').Split(',')).Where(c => c.Length > 0))
        {
            string mantissa = cell.Split('E')[0].TrimStart('-').Replace(".", "", StringComparison.Ordinal).TrimStart('0');
            Assert.True(mantissa.Length <= 10, cell);
        }
    }

    [Fact]
    public void Build_HasFactsExposureEffectsProvisionalAndTimeTable()
    {
        var report = SimulationReport.Build(Default, Result);

        Assert.Equal("Simulation: racemic ketamine, domino model, iv", report.Title);
        var tables = report.Tables.ToList();
        Assert.Equal(["Exposure (plasma, free base)", "Effects (typical parameters)", "Plasma concentrations and effects"], tables.Select(t => t.Title));
        Assert.Equal(["Metric", "ketamine", "norketamine"], tables[0].Columns.Select(c => c.Header));
        Assert.Equal(Formatting.Number(Result.Pk.Parent.CmaxNgPerMl), tables[0].Rows[0][1]);
        Assert.Equal(Formatting.Score(Result[EffectParameterSet.DissociationName].MaximumValue), tables[1].Rows[0][1]);
        Assert.Contains(report.Blocks.OfType<ReportParagraph>(), p => p.Kind == ReportParagraphKind.Provisional && p.Text.Contains("EC50_A", StringComparison.Ordinal));
        Assert.Contains(report.Readings, r => r.Lead == "Notes:" && r.Text == PkParameterSet.Domino.Notes);
        Assert.Equal("6 h", tables[2].Rows[^1][0]);
    }

    [Fact]
    public void ToJson_KeysAreCamelCase_AndTimeCourseOnlyWhenAsked()
    {
        using var plain = JsonDocument.Parse(SimulationReport.ToJson(Default, Result));
        using var full = JsonDocument.Parse(SimulationReport.ToJson(Default, Result, "out.csv", ["p.png"], timeCourse: true));

        var keys = plain.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(keys, k => Assert.Matches("^[a-z][a-zA-Z0-9]*$", k));
        Assert.Contains("provisionalEffectParameters", keys);
        Assert.DoesNotContain("timeCourse", keys);
        Assert.Equal(Result.Pk.Parent.CmaxNgPerMl, plain.RootElement.GetProperty("parent").GetProperty("cmaxNgPerMl").GetDouble());
        Assert.Equal("out.csv", full.RootElement.GetProperty("outFile").GetString());
        Assert.Equal("p.png", full.RootElement.GetProperty("plotFiles")[0].GetString());
        var course = full.RootElement.GetProperty("timeCourse");
        Assert.Equal(["timeH", "parentNgPerMl", "metaboliteNgPerMl", "cadss", "madrsChange"], course.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Result.Pk.TimesH.Length, course.GetProperty("timeH").GetArrayLength());
        Assert.Equal(Result[EffectParameterSet.AntidepressantName].Values[^1], course.GetProperty("madrsChange")[Result.Pk.TimesH.Length - 1].GetDouble());
    }

    [Fact]
    public void ProvisionalParameters_TrialWordingAndSimulationShareOneList()
    {
        var design = KetaminePkPd.Trials.TrialDesign.Nimh;
        var all = TrialWording.ProvisionalParameters(design);
        var pk = TrialWording.ProvisionalParameters(design.Population.Pk, design.Arms.Select(a => a.Administration.Route));
        var fx = TrialWording.ProvisionalParameters(design.Population.Effects);
        Assert.Equal([.. pk, .. fx], all);
        Assert.All(all, p => Assert.True(p.IsProvisional));
        Assert.Contains(fx, p => p.Name == "EC50_A");
    }
}

using System.Text.Json;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Application.Reporting;

/// <summary>
/// <see cref="DoseResponseReport"/> and the sweep's rules (<see cref="DoseResponseSettings.Create"/>), read from the library
/// directly. The day-1 effect is a change (negative = improvement) in every output, as <c>madrs_change_*</c> in a comparison.
/// </summary>
public sealed class DoseResponseReportTests
{
    private static readonly Lazy<DoseResponseResult> Sweep = new(() => DoseResponse.Run(DoseResponseSettings.Create(steps: 12, populationSize: 40, seed: 3)));

    [Fact]
    public void Table_HasOneRowPerDoseWithTheDay1EffectAsANegativeChange()
    {
        var result = Sweep.Value;

        var table = DoseResponseReport.Table(result);

        Assert.Equal(["dose", "dose_unit", "dose_mg", "peak_cadss", "day1_change_madrs", "cmax_ng_per_ml"], table.Columns.Select(c => c.Name));
        Assert.Equal(12, table.Rows.Length);
        for (int i = 0; i < table.Rows.Length; i++)
        {
            var p = result.Points[i];
            Assert.Equal(p.Dose.Value, table.Rows[i][0].Number, 12);
            Assert.Equal("mg/kg", table.Rows[i][1].Text);
            Assert.Equal(p.Dose.Value * 70, table.Rows[i][2].Number, 9);
            Assert.Equal(-p.Day1Improvement, table.Rows[i][table.IndexOf("day1_change_madrs")].Number, 12);
            Assert.True(table.Rows[i][table.IndexOf("day1_change_madrs")].Number < 0, "a ketamine dose improves the MADRS score: the change is negative");
        }
        Assert.Contains("negative = improvement", table.Columns[table.IndexOf("day1_change_madrs")].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Day1ChangeMadrs_IsTheNegatedImprovementWithoutNegativeZero()
    {
        var zero = new DoseResponsePoint(Dose.FromMilligrams(1), 0, 0, 0);
        var some = new DoseResponsePoint(Dose.FromMilligrams(1), 0, 2.5, 0);

        Assert.Equal(-2.5, some.Day1ChangeMadrs, 15);
        Assert.False(double.IsNegative(zero.Day1ChangeMadrs));
    }

    [Fact]
    public void ToJson_HasEveryPointTheHalfMaximalDosesAndTheDoseAloneCorrelation()
    {
        var result = Sweep.Value;

        using var doc = JsonDocument.Parse(DoseResponseReport.ToJson(result, "call"));
        var json = doc.RootElement;

        var points = json.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(12, points.Count);
        Assert.Equal(result.Points[^1].Day1ChangeMadrs, points[^1].GetProperty("day1ChangeMadrs").GetDouble(), 12);
        Assert.False(points[0].TryGetProperty("day1ImprovementMadrs", out _));
        var half = json.GetProperty("halfMaximal");
        Assert.Equal(result.HalfMaximalAntidepressantDose!.Value.Value, half.GetProperty("antidepressantDose").GetDouble(), 12);
        Assert.Equal(result.Points.Min(p => p.Day1ChangeMadrs), half.GetProperty("strongestDay1ChangeMadrs").GetDouble(), 12);
        Assert.Equal(40, json.GetProperty("population").GetProperty("subjects").GetInt32());
        Assert.Equal(result.PopulationDay1!.Raw.R, json.GetProperty("population").GetProperty("r").GetDouble(), 12);
        Assert.Equal("call", json.GetProperty("reproduce").GetString());
        Assert.StartsWith("Sign convention:", json.GetProperty("signConvention").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HasTheSweepTableHalfMaximalDosesAndTheReading()
    {
        var result = Sweep.Value;

        var report = DoseResponseReport.Build(result);

        var table = report.Tables.First();
        Assert.Equal("Both effects at 10 of the 12 doses, typical patient", table.Title);
        Assert.Equal("Day-1 change\n(MADRS points)", table.Columns[3].Header);
        Assert.Equal(Formatting.Score(result.Points[^1].Day1ChangeMadrs), table.Rows[^1][3]);
        var facts = report.Blocks.OfType<ReportFacts>().SelectMany(f => f.Facts).ToList();
        Assert.StartsWith(DoseResponseReport.DoseText(result.HalfMaximalDissociationDose!.Value), facts.Single(f => f.Label == "Dissociation").Value, StringComparison.Ordinal);
        Assert.Contains($"half of its largest improvement in the sweep ({Formatting.Score(result.Points.Min(p => p.Day1ChangeMadrs))} at",
            facts.Single(f => f.Label == "Antidepressant").Value, StringComparison.Ordinal);
        var reading = Assert.Single(report.Readings);
        Assert.StartsWith($"Dose alone produces r = {Formatting.R(result.PopulationDay1!.Raw.R)}", reading.Text, StringComparison.Ordinal);
        Assert.Contains(report.Blocks.OfType<ReportParagraph>(), p => p.Kind == ReportParagraphKind.Provisional && p.Text.Contains("C50_D", StringComparison.Ordinal));
    }

    [Fact]
    public void RisingAtTop_DefaultSweep_IsBothEffects()
    {
        // The plasticity model does not level off (DoseResponseResult remarks); with acute tolerance (issue 16) dissociation does not either
        // by 1.5 mg/kg: the tolerance compartments raise its C50 as the dose rises.
        Assert.Equal(["dissociation", "antidepressant effect"], DoseResponseReport.RisingAtTop(Sweep.Value));
    }

    [Fact]
    public void Create_Nothing_GivesTheDefaults()
    {
        var s = DoseResponseSettings.Create();

        Assert.Equal(DoseResponseSettings.Default, s);
        Assert.Equal(DoseResponseSettings.DefaultPopulationSize, s.PopulationSize);
        Assert.Equal(TimeSpan.FromMinutes(40), s.Infusion);
        Assert.Equal(Dose.FromMilligramsPerKilogram(DoseResponseSettings.DefaultFromMgPerKg), s.From);
    }

    [Fact]
    public void Create_Esketamine_UsesItsDefaultModel()
    {
        Assert.Equal(PkParameterSet.DefaultFor(Drug.Esketamine), DoseResponseSettings.Create(Drug.Esketamine).Model);
    }

    [Fact]
    public void Create_IntranasalEsketamineOnWholeDevices_IsAccepted()
    {
        var s = DoseResponseSettings.Create(Drug.Esketamine, route: Route.Intranasal, from: Dose.FromMilligrams(28), to: Dose.FromMilligrams(112), steps: 3);

        Assert.Equal([28.0, 56.0, 112.0], s.Doses().Select(d => Math.Round(d.Value, 9)));
    }

    public static TheoryData<string, Func<DoseResponseSettings>, string, string> BrokenRules => new()
    {
        { "model of the other drug", () => DoseResponseSettings.Create(Drug.RacemicKetamine, PkParameterSet.PerezRuixo2021), "model", "is a model of esketamine, not of racemic ketamine" },
        { "route the model lacks", () => DoseResponseSettings.Create(model: PkParameterSet.Herd, route: Route.Intramuscular), "route", "does not support route im" },
        { "infusion for another route", () => DoseResponseSettings.Create(route: Route.Intranasal, infusion: TimeSpan.FromMinutes(40)), "infusion", "iv route only" },
        { "mixed kinds", () => DoseResponseSettings.Create(from: Dose.FromMilligramsPerKilogram(0.1), to: Dose.FromMilligrams(100)), "to", "both be mg/kg or both be mg" },
        { "from above to", () => DoseResponseSettings.Create(from: Dose.FromMilligramsPerKilogram(1), to: Dose.FromMilligramsPerKilogram(0.5)), "from", "must be below the highest" },
        { "nasal esketamine in mg/kg", () => DoseResponseSettings.Create(Drug.Esketamine, route: Route.Intranasal), "from", "give the doses in mg, not mg/kg" },
        { "nasal esketamine off devices", () => DoseResponseSettings.Create(Drug.Esketamine, route: Route.Intranasal, from: Dose.FromMilligrams(28), to: Dose.FromMilligrams(112)),
            "from", "the 30 log-spaced doses from 28 mg to 112 mg include" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Create_BrokenRule_ThrowsNamingTheArgument(string scenario, Func<DoseResponseSettings> create, string parameter, string message)
    {
        var ex = Assert.Throws<ArgumentException>(create);

        Assert.True(parameter == ex.ParamName, $"{scenario}: {ex.ParamName}");
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PopulationSubjects_IsAtLeastOnePerDose()
    {
        Assert.Equal(0, (DoseResponseSettings.Default with { PopulationSize = 0 }).PopulationSubjects);
        Assert.Equal(30, (DoseResponseSettings.Default with { PopulationSize = 3 }).PopulationSubjects);
        Assert.Equal(600, DoseResponseSettings.Default.PopulationSubjects);
    }
}

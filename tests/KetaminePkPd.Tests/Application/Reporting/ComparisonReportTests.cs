using System.Globalization;
using System.Text.Json;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Application.Reporting;

/// <summary><see cref="ComparisonReport"/>: the report, JSON and result table of a route comparison, read from the library directly.</summary>
public sealed class ComparisonReportTests
{
    private static readonly Lazy<ComparisonResult> Defaults = new(() => ComparisonResult.Run(ComparisonArm.Defaults));

    [Fact]
    public void Table_Defaults_HasOneRowPerArmWithUnitNamedColumnsAndTheTypicalMetrics()
    {
        var table = ComparisonReport.Table(Defaults.Value);

        Assert.Equal(5, table.Rows.Length);
        Assert.Equal(["arm", "drug", "model", "route", "dose", "dose_mg", "infusion_h", "sessions", "interval_h", "threshold_ng_per_ml"],
            table.Columns.Take(10).Select(c => c.Name));
        // 10 settings, 10 metrics, 5 uncertain-input columns, 10 at low, 10 at high, the provisional list; no percentiles without a population.
        Assert.Equal(10 + 10 + 5 + 10 + 10 + 1, table.Columns.Length);
        Assert.DoesNotContain(table.Columns, c => c.Name.EndsWith("_p95", StringComparison.Ordinal));
        for (int i = 0; i < table.Rows.Length; i++)
        {
            var arm = Defaults.Value.Arms[i];
            Assert.Equal(arm.Arm.Name, table.Rows[i][table.IndexOf("arm")].Text);
            Assert.Equal(arm.Typical.CmaxNgPerMl, table.Rows[i][table.IndexOf("cmax_ng_per_ml")].Number, 12);
            Assert.Equal(arm.Typical.AntidepressantDay1, table.Rows[i][table.IndexOf("madrs_change_1d")].Number, 12);
            Assert.Equal(100, table.Rows[i][table.IndexOf("threshold_ng_per_ml")].Number, 12);
        }
        Assert.Equal(35, table.Rows[0][table.IndexOf("dose_mg")].Number, 9);
        Assert.Equal(40 / 60.0, table.Rows[0][table.IndexOf("infusion_h")].Number, 12);
        Assert.Equal(ResultValue.Empty, table.Rows[1][table.IndexOf("infusion_h")]);
    }

    [Fact]
    public void Table_UncertainInput_FillsLowAndHighColumnsOnlyForArmsThatHaveOne()
    {
        var table = ComparisonReport.Table(Defaults.Value);
        int nasal = Defaults.Value.Arms.ToList().FindIndex(a => a.Arm.Name == "racemic IN 50mg");
        var arm = Defaults.Value.Arms[nasal];

        Assert.Equal("F_IN", table.Rows[nasal][table.IndexOf("uncertain_parameter")].Text);
        Assert.Equal(0.11, table.Rows[nasal][table.IndexOf("uncertain_low")].Number, 12);
        Assert.Equal(0.45, table.Rows[nasal][table.IndexOf("uncertain_high")].Number, 12);
        Assert.Equal(arm.AtHigh!.CmaxNgPerMl, table.Rows[nasal][table.IndexOf("cmax_ng_per_ml_at_high")].Number, 12);
        Assert.True(arm.AtHigh.CmaxNgPerMl > arm.Typical.CmaxNgPerMl);
        Assert.Equal(ResultValue.Empty, table.Rows[0][table.IndexOf("cmax_ng_per_ml_at_low")]);
        Assert.Equal(ResultValue.Empty, table.Rows[0][table.IndexOf("uncertain_parameter")]);
    }

    [Fact]
    public void Table_Population_AddsPercentileColumnsInOrder()
    {
        var result = ComparisonResult.Run([ComparisonArm.Defaults[0]], ComparisonOptions.Default with { PopulationSize = 20, Parallel = false });

        var table = ComparisonReport.Table(result);

        Assert.Equal(10 + 10 + 5 + 10 + 10 + 30 + 1, table.Columns.Length);
        double p5 = table.Rows[0][table.IndexOf("peak_cadss_p5")].Number, median = table.Rows[0][table.IndexOf("peak_cadss_median")].Number,
            p95 = table.Rows[0][table.IndexOf("peak_cadss_p95")].Number;
        Assert.True(p5 <= median && median <= p95, $"{p5} {median} {p95}");
        Assert.Equal(result.Arms[0].Population!.Median.PeakCadss, median, 12);
    }

    [Fact]
    public void ToJson_Defaults_HasTheMetricsTheUncertainRangesAndWhatTheCallerRecords()
    {
        using var doc = JsonDocument.Parse(ComparisonReport.ToJson(Defaults.Value, "my call", "arms.csv", ["a.png"]));
        var json = doc.RootElement;

        Assert.Equal(100, json.GetProperty("thresholdNgPerMl").GetDouble(), 12);
        Assert.Equal("my call", json.GetProperty("reproduce").GetString());
        Assert.Equal("arms.csv", json.GetProperty("outFile").GetString());
        Assert.Equal(["a.png"], json.GetProperty("plotFiles").EnumerateArray().Select(e => e.GetString()!));
        var arms = json.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal(Defaults.Value.Arms.Select(a => a.Arm.Name), arms.Select(a => a.GetProperty("name").GetString()!));
        Assert.Equal(Defaults.Value.Arms[0].Typical.AntidepressantDay7, arms[0].GetProperty("typical").GetProperty("antidepressantDay7").GetDouble(), 12);
        Assert.Equal("F_IN", arms[3].GetProperty("uncertain").GetProperty("parameter").GetString());
        Assert.Equal(JsonValueKind.Null, arms[0].GetProperty("uncertain").ValueKind);
        Assert.Contains("negative = improvement", json.GetProperty("notes").GetString(), StringComparison.Ordinal);
        Assert.Contains("C50_D", json.GetProperty("provisionalEffectParameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public void ToJson_WithoutCallerInformation_HasNullReproduceAndNoFiles()
    {
        using var doc = JsonDocument.Parse(ComparisonReport.ToJson(Defaults.Value));

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("reproduce").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("plotFiles").GetArrayLength());
    }

    [Fact]
    public void Build_Defaults_HasTheThreeTablesWithMarkedRangesAndTheProvisionalList()
    {
        var report = ComparisonReport.Build(Defaults.Value);

        var tables = report.Tables.ToList();
        Assert.Equal(["Exposure: parent drug in plasma, typical patient", "Dissociation, typical patient",
            "Antidepressant drug effect, typical patient: MADRS change (points)"], tables.Select(t => t.Title));
        Assert.All(tables, t => Assert.Equal(5, t.Rows.Length));
        var nasal = Defaults.Value.Arms[3];
        string cmax = $"{Formatting.Number(nasal.Typical.CmaxNgPerMl, 3)} [{Formatting.Number(nasal.AtLow!.CmaxNgPerMl, 3)}, {Formatting.Number(nasal.AtHigh!.CmaxNgPerMl, 3)}]*";
        Assert.Equal(cmax, tables[0].Rows[3][1]);
        Assert.Equal(nasal.Typical.AntidepressantDay1.ToString("0.0", CultureInfo.InvariantCulture), tables[2].Rows[3][2].Split(' ')[0]);
        Assert.StartsWith("-", tables[2].Rows[0][2], StringComparison.Ordinal);
        var paragraphs = report.Blocks.OfType<ReportParagraph>().ToList();
        Assert.Contains(paragraphs, p => p.Text.StartsWith("* Rests on an uncertain input: F_IN", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Text.StartsWith("† Rests on an uncertain input: F_IM", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Text == ComparisonReport.EsketamineCaveat);
        Assert.Single(paragraphs, p => p.Kind == ReportParagraphKind.Provisional);
        var facts = report.Blocks.OfType<ReportFacts>().SelectMany(f => f.Facts).ToList();
        Assert.StartsWith("C50_D", facts.Single(f => f.Label == "every arm (effect models)").Value, StringComparison.Ordinal);
        Assert.Equal("none", facts.Single(f => f.Label == "esketamine IN 56mg (PK)").Value);
        Assert.Contains("racemic IV 0.5mg/kg/40min: racemic ketamine, domino model; 0.5 mg/kg (35 mg) IV over 40 min, once", facts.Single(f => f.Label == "Arms").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_RepeatedIntranasalArm_SaysTheSessionsAndInterval()
    {
        var arm = ComparisonArm.Parse("drug=esketamine route=intranasal dose=56mg sessions=8 interval=3.5d");

        Assert.Equal("esketamine, perez-ruixo model; 56 mg intranasal, 8 sessions every 3.5 d", ComparisonReport.Describe(arm, Subject.TypicalAdult));
    }

    [Fact]
    public void CheckNames_TwoArmsWithOneName_ThrowsNamingIt()
    {
        var arm = ComparisonArm.Parse("route=iv dose=35mg");

        var ex = Assert.Throws<ArgumentException>(() => ComparisonArm.CheckNames([arm, arm]));
        Assert.StartsWith($"2 arms are named '{arm.Name}'; add name=...", ex.Message, StringComparison.Ordinal);
        ComparisonArm.CheckNames(ComparisonArm.Defaults);
    }

    [Fact]
    public void CheckArm_NasalEsketamineOffDevices_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => RouteComparison.CheckArm(ComparisonArm.Parse("drug=esketamine route=intranasal dose=50mg"), Subject.TypicalAdult));
        Assert.Contains("whole number of 28 mg devices", ex.Message, StringComparison.Ordinal);
        RouteComparison.CheckArm(ComparisonArm.Parse("drug=esketamine route=intranasal dose=56mg"), Subject.TypicalAdult);
    }
}

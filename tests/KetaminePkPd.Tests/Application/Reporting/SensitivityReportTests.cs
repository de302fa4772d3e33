using System.Text.Json;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Strengths;

namespace KetaminePkPd.Tests.Application.Reporting;

/// <summary>
/// <see cref="SensitivityReport"/> and <see cref="StrengthsReport"/> on small runs (100 replicates, pools of 400): the
/// report's tables and readings, the JSON document and the result tables hold every cell, and agree with the result.
/// </summary>
public sealed class SensitivityReportTests
{
    private static readonly Lazy<SensitivityResult> Sensitivity = new(() => SensitivityResult.Run(SensitivitySettings.Default with
    {
        Assumptions = [SensitivityAssumption.PlaceboSd],
        Pair = (SensitivityAssumption.PlaceboMean, SensitivityAssumption.BaselineMean),
        Replicates = 100,
        PoolSize = 400,
        Seed = 2,
    }));

    private static readonly Lazy<StrengthScanResult> Strengths = new(() => StrengthScanResult.Run(StrengthScanSettings.Default with
    {
        Parameters = [StrengthParameter.ExpectancyThreshold],
        Combination = PValueCombination.Fisher,
        Replicates = 100,
        PoolSize = 400,
    }));

    [Fact]
    public void Build_SensitivityRun_HasTheOneAtATimeTableFrontierAndPairGrids()
    {
        var result = Sensitivity.Value;
        var report = SensitivityReport.Build(result, "nimh (built in)");
        var tables = report.Tables.ToList();
        // The one-at-a-time table, then one pair grid per observation.
        Assert.Equal(1 + result.Settings.Observed.Length, tables.Count);
        var levels = result.CellsOf(SensitivityAssumption.PlaceboSd).ToList();
        Assert.Equal(levels.Count, tables[0].Rows.Length);
        Assert.Equal("placebo-sd", tables[0].Rows[0][0]);
        Assert.Contains(tables[0].Rows, r => r[1] == "SD 10 (default)");
        Assert.Equal(2 + 2 * result.Settings.Observed.Length, tables[0].Columns.Length);
        // Each pair grid: a row per level of the first assumption, a column per level of the second plus the row labels.
        int rows = result.PairGrid.Select(c => c.Levels[0].Index).Distinct().Count(), columns = result.PairGrid.Select(c => c.Levels[1].Index).Distinct().Count();
        Assert.Equal(rows, tables[1].Rows.Length);
        Assert.Equal(columns + 1, tables[1].Columns.Length);
        string markdown = report.ToMarkdown();
        Assert.Contains("## What it would take for exposure-only to be compatible", markdown, StringComparison.Ordinal);
        Assert.Contains("- placebo-sd, placebo response SD (MADRS), from ", markdown, StringComparison.Ordinal);
        Assert.Contains(SensitivityReport.CommonRandomNumbers, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void CellTableAndJson_SensitivityRun_HoldEveryCellAndObservation()
    {
        var result = Sensitivity.Value;
        int cells = 1 + result.OneAtATime.Length + result.PairGrid.Length, observations = result.Settings.Observed.Length;
        var table = SensitivityReport.CellTable(result);
        Assert.Equal(cells * observations, table.Rows.Length);
        Assert.Equal("kind", table.Columns[0].Name);
        Assert.Equal("default", table.Rows[0][0].Text);
        int p = table.IndexOf("two_sided_p"), verdict = table.IndexOf("verdict");
        Assert.All(table.Rows, r => Assert.Equal(r[p].Number >= 0.05, r[verdict].Text == "compatible"));
        Assert.Equal(result.Default.Outcomes[0].MedianR, table.Rows[0][table.IndexOf("median_r")].Number);

        using var doc = JsonDocument.Parse(SensitivityReport.ToJson(result, "nimh", null, "ketamine-pkpd sensitivity", ["/tmp/t.png"]));
        var root = doc.RootElement;
        Assert.Equal(cells * observations, root.GetProperty("cells").GetArrayLength());
        Assert.Equal(observations + 1, root.GetProperty("frontiers").GetArrayLength());
        Assert.Equal(2UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal("/tmp/t.png", root.GetProperty("plotFiles")[0].GetString());
        Assert.Equal(["placebo-mean", "baseline-mean"], root.GetProperty("settings").GetProperty("pair").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void StrengthsReport_Scan_HasTableIntervalGridAndJson()
    {
        var result = Strengths.Value;
        var points = result.PointsOf(StrengthParameter.ExpectancyThreshold).Count();
        var report = StrengthsReport.Build(result, [], "nimh (built in)");
        // The strength's table, then the ceilings table (issue 16): one row per hypothesis row and assessment of the design.
        Assert.Equal(2, report.Tables.Count());
        var table = report.Tables.First();
        Assert.Equal(points, table.Rows.Length);
        Assert.Equal(StrengthScanSettings.Describe(StrengthParameter.ExpectancyThreshold), table.Title);
        var ceilings = report.Tables.Last();
        Assert.Equal(result.Ceilings.Length, ceilings.Rows.Length);
        Assert.Equal(4 * result.Settings.Design.Assessments.Length, result.Ceilings.Length);
        var reading = Assert.Single(report.Readings);
        Assert.Equal("Compatibility interval (p >= 0.05) of threshold:", reading.Lead);
        Assert.Contains("Fisher's method", report.ToMarkdown(), StringComparison.Ordinal);

        var grid = StrengthsReport.GridTable(result);
        // A row per grid value and observation, and one per value for the combined p.
        Assert.Equal(points * (result.Settings.Observed.Length + 1), grid.Rows.Length);
        int fits = grid.IndexOf("fits"), p = grid.IndexOf("two_sided_p");
        Assert.All(grid.Rows, r => Assert.Equal(r[p].Number >= 0.05, r[fits].Text is null && r[fits].ToString() == "TRUE"));

        using var doc = JsonDocument.Parse(StrengthsReport.ToJson(result, [], "nimh"));
        Assert.Equal(points, doc.RootElement.GetProperty("points").GetArrayLength());
        Assert.Equal("fisher", doc.RootElement.GetProperty("combination").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("detectionRates").GetArrayLength());
    }
}

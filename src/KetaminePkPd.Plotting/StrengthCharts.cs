using System.Globalization;
using KetaminePkPd.Trials;
using ScottPlot;
using KetaminePkPd.Strengths;

namespace KetaminePkPd.Plotting;

/// <summary>The figure of a <see cref="StrengthScanResult.Run"/>: compatibility (two-sided p) against the strength of one hypothesis.</summary>
public static class StrengthCharts
{
    /// <summary>
    /// The two-sided p of each observation (and their combination, thick black) against the strength, with the 0.05 line:
    /// the compatibility interval is where a curve is above it.
    /// </summary>
    /// <param name="result">The scan.</param>
    /// <param name="parameter">One of its strengths.</param>
    /// <exception cref="ArgumentException">A strength the scan did not cover.</exception>
    public static Plot Compatibility(StrengthScanResult result, StrengthParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(result);
        var points = result.PointsOf(parameter).ToList();
        if (points.Count == 0) throw new ArgumentException($"The scan did not cover {parameter}.", nameof(parameter));
        var plt = Figure.New($"Which strengths fit: {Short(parameter)}", Label(parameter), "Two-sided compatibility p (log scale)");
        double floor = 1.0 / result.Settings.Replicates;
        double Y(double p) => Math.Log10(Math.Max(p, floor));
        double[] xs = [.. points.Select(p => p.Value)];
        var observed = result.Settings.Observed;
        for (int o = 0; o < observed.Length; o++)
        {
            var line = plt.Add.Scatter(xs, points.Select(p => Y(p.Outcomes[o].Compatibility.TwoSidedP)).ToArray());
            line.Color = Figure.Palette[o % Figure.Palette.Length];
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"r = {observed[o].R:0.00} at {Durations.Prose(observed[o].Time)} (n = {observed[o].N})");
        }
        if (observed.Length > 1)
        {
            var combined = plt.Add.Scatter(xs, points.Select(p => Y(p.CombinedP)).ToArray());
            combined.Color = Colors.Black;
            combined.LineWidth = 3.5f;
            combined.MarkerSize = 0;
            combined.LegendText = $"combined ({result.Settings.Combination})";
        }
        var alpha = plt.Add.HorizontalLine(Math.Log10(0.05));
        alpha.Color = Colors.Gray;
        alpha.LinePattern = LinePattern.Dashed;
        alpha.Text = "p = 0.05";
        alpha.LabelFontSize = 13;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (double t in new[] { 0.001, 0.01, 0.05, 0.1, 0.2, 0.5, 1 })
            if (t >= floor) ticks.AddMajor(Math.Log10(t), t.ToString("0.###", CultureInfo.InvariantCulture));
        plt.Axes.Left.TickGenerator = ticks;
        plt.Axes.SetLimitsY(Math.Log10(floor) - 0.05, 0.05);
        var note = plt.Add.Text($"p = 0 (no replicate that far) is drawn at 1/{result.Settings.Replicates}", xs[0], Math.Log10(floor));
        note.LabelFontSize = 11;
        note.LabelAlignment = Alignment.LowerLeft;
        plt.ShowLegend(Alignment.UpperLeft);
        return plt;
    }

    /// <summary>Short name of a strength, for titles.</summary>
    public static string Short(StrengthParameter parameter) => parameter switch
    {
        StrengthParameter.SensitivityCorrelation => "shared-sensitivity (rho)",
        StrengthParameter.MediationShare => "mediation (share)",
        StrengthParameter.ExpectancyBoost => "expectancy (boost)",
        _ => "expectancy (threshold)",
    };

    /// <summary>Axis label of a strength.</summary>
    public static string Label(StrengthParameter parameter) => StrengthScanSettings.Describe(parameter);
}

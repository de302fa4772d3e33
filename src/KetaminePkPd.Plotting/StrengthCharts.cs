using System.Globalization;
using KetaminePkPd.Trials;
using ScottPlot;

namespace KetaminePkPd.Plotting;

/// <summary>The figure of a <see cref="StrengthScan"/>: compatibility (two-sided p) against the strength of one hypothesis.</summary>
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
        var plt = Figure.New($"Which strengths fit: {Label(parameter)}", Label(parameter), "Two-sided compatibility p");
        double[] xs = [.. points.Select(p => p.Value)];
        var observed = result.Settings.Observed;
        for (int o = 0; o < observed.Length; o++)
        {
            var line = plt.Add.Scatter(xs, points.Select(p => p.Outcomes[o].Compatibility.TwoSidedP).ToArray());
            line.Color = Figure.Palette[o % Figure.Palette.Length];
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"r = {observed[o].R:0.00} at {Durations.Prose(observed[o].Time)} (n = {observed[o].N})");
        }
        if (observed.Length > 1)
        {
            var combined = plt.Add.Scatter(xs, points.Select(p => p.CombinedP).ToArray());
            combined.Color = Colors.Black;
            combined.LineWidth = 3.5f;
            combined.MarkerSize = 0;
            combined.LegendText = $"combined ({result.Settings.Combination})";
        }
        var alpha = plt.Add.HorizontalLine(0.05);
        alpha.Color = Colors.Gray;
        alpha.LinePattern = LinePattern.Dashed;
        alpha.Text = "p = 0.05";
        alpha.LabelFontSize = 13;
        plt.Axes.SetLimitsY(0, 1.02);
        plt.ShowLegend(Alignment.UpperLeft);
        return plt;
    }

    /// <summary>Axis label of a strength.</summary>
    public static string Label(StrengthParameter parameter) => parameter switch
    {
        StrengthParameter.SensitivityCorrelation => "shared sensitivity: rho of log C50 (dissociation) and log EC50 (antidepressant)",
        StrengthParameter.MediationShare => "mediation: share of the antidepressant signal from dissociation",
        StrengthParameter.ExpectancyBoost => "expectancy: extra placebo improvement when dissociation is noticed (MADRS)",
        _ => "expectancy: peak CADSS above which dissociation is noticed",
    };
}

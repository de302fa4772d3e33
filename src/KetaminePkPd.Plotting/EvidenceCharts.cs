using System.Globalization;
using KetaminePkPd.Evidence;
using ScottPlot;

namespace KetaminePkPd.Plotting;

/// <summary>The figure of an <see cref="EvidenceResult.Run"/> run: which hypotheses each published entry leaves standing.</summary>
public static class EvidenceCharts
{
    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleUp];

    /// <summary>
    /// One row per catalogue entry (top to bottom in catalogue order), one marker per hypothesis at its compatibility p
    /// (log scale), with the entry-level alpha as a dashed line: a marker left of it is an entry that hypothesis does not
    /// fit. The legend gives each hypothesis' joint p over the whole catalogue.
    /// </summary>
    /// <param name="result">The run.</param>
    public static Plot Compatibility(EvidenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var entries = result.Settings.Entries;
        var hypotheses = result.Settings.Hypotheses;
        var plt = Figure.New("Which explanations fit each published finding", "Compatibility p (log scale; below 0.0001 drawn at 0.0001)", "");
        double floor = 1e-4;
        double X(double p) => Math.Log10(Math.Max(p, floor));
        // Rows from the top: entry k at y = entries - 1 - k; hypotheses side by side within a row.
        double offset(int h) => hypotheses.Length == 1 ? 0 : 0.5 * (h - (hypotheses.Length - 1) / 2.0) / hypotheses.Length;
        for (int h = 0; h < hypotheses.Length; h++)
        {
            var hypothesis = hypotheses[h];
            double[] xs = [.. entries.Select(e => X(result[e.Key, hypothesis.Name].P))];
            double[] ys = [.. entries.Select((_, k) => entries.Length - 1 - k + offset(h))];
            var points = plt.Add.ScatterPoints(xs, ys);
            points.Color = Figure.Palette[h % Figure.Palette.Length];
            points.MarkerSize = 9;
            points.MarkerShape = Shapes[h % Shapes.Length];
            var joint = result.Joint.First(j => j.Hypothesis.Name == hypothesis.Name);
            points.LegendText = string.Create(CultureInfo.InvariantCulture,
                $"{hypothesis}: joint p {(joint.P < floor ? "< 0.0001" : joint.P.ToString(joint.P < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture))}");
        }
        Figure.MarkX(plt, Math.Log10(result.Settings.Alpha), string.Create(CultureInfo.InvariantCulture, $"p = {result.Settings.Alpha:0.##}"), Colors.Gray, width: null);
        var xticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (double t in new[] { 0.0001, 0.001, 0.01, 0.05, 0.2, 1 })
            xticks.AddMajor(Math.Log10(t), t.ToString("0.####", CultureInfo.InvariantCulture));
        plt.Axes.Bottom.TickGenerator = xticks;
        var yticks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = 0; k < entries.Length; k++) yticks.AddMajor(entries.Length - 1 - k, entries[k].Key);
        plt.Axes.Left.TickGenerator = yticks;
        plt.Axes.SetLimits(Math.Log10(floor) - 0.15, 0.15, -0.6, entries.Length - 0.4);
        plt.ShowLegend(Edge.Bottom);   // outside the data: no marker covered
        return plt;
    }
}

using System.Globalization;
using KetaminePkPd.Trials;
using ScottPlot;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;

namespace KetaminePkPd.Plotting;

/// <summary>
/// The figures of a <see cref="SensitivityResult.Run"/>: a tornado plot (one assumption at a time) and a heat map (two at a
/// time) with the compatibility contour. Each reads a <see cref="SensitivityResult"/> and draws; none simulates.
/// </summary>
public static class SensitivityCharts
{
    /// <summary>
    /// Tornado plot for one observation: per assumption a bar spanning the median r over its levels (widest on top), the
    /// lowest and highest levels labelled at the ends, the default median as a solid line and the observed r as a dashed
    /// one. Bars and labels of levels compatible with the observation (two-sided p &gt;= 0.05) are green, others grey.
    /// </summary>
    /// <param name="result">The analysis (with at least one assumption varied one at a time).</param>
    /// <param name="observed">One of its observations.</param>
    /// <exception cref="ArgumentException">No one-at-a-time cells, or an observation not in the analysis.</exception>
    public static Plot Tornado(SensitivityResult result, ObservedCorrelation observed)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(observed);
        if (result.OneAtATime.IsEmpty) throw new ArgumentException("The analysis varied no assumption one at a time.", nameof(result));
        if (!result.Settings.Observed.Contains(observed)) throw new ArgumentException("Not an observation of this analysis.", nameof(observed));
        var rows = result.Settings.Assumptions.Select(a =>
        {
            var cells = result.CellsOf(a).ToList();
            var medians = cells.Select(c => c[observed].MedianR).ToList();
            int lo = medians.IndexOf(medians.Min()), hi = medians.IndexOf(medians.Max());
            return (Assumption: a, Cells: cells, Medians: medians, Low: lo, High: hi, Width: medians.Max() - medians.Min());
        }).OrderBy(r => r.Width).ToList();

        double defaultMedian = result.Default[observed].MedianR;
        var plt = Figure.New($"What moves the median r under {result.Settings.Hypothesis.Name}: {Durations.Prose(observed.Time)}, n = {observed.N}",
            "Median r of simulated trials (CADSS vs % change; negative = more dissociation, more improvement)", "");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var green = new Color(0x2c, 0xa0, 0x2c);
        var grey = new Color(0x9a, 0x9a, 0x9a);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            double left = row.Medians.Min(), right = Math.Max(row.Medians.Max(), left + 0.002);
            bool any = row.Cells.Any(c => c[observed].Verdict == CompatibilityVerdict.Compatible);
            var bar = plt.Add.Rectangle(left, right, i - 0.32, i + 0.32);
            bar.FillColor = (any ? green : grey).WithAlpha(0.55);
            bar.LineColor = any ? green : grey;
            foreach (var (k, align) in new[] { (row.Low, Alignment.MiddleRight), (row.High, Alignment.MiddleLeft) })
            {
                var cell = row.Cells[k];
                var text = plt.Add.Text((align == Alignment.MiddleRight ? "" : " ") + cell.Levels[0].Label + (align == Alignment.MiddleRight ? " " : ""), row.Medians[k], i);
                text.LabelFontSize = 12;
                text.LabelAlignment = align;
                text.LabelFontColor = cell[observed].Verdict == CompatibilityVerdict.Compatible ? green : Colors.Black;
            }
            ticks.AddMajor(i, SensitivitySettings.Describe(row.Assumption));
        }
        plt.Axes.Left.TickGenerator = ticks;
        Figure.MarkX(plt, defaultMedian, string.Create(CultureInfo.InvariantCulture, $"default {defaultMedian:0.00}"), Colors.Black, 1.5f, dashed: false);
        Figure.MarkX(plt, observed.R, string.Create(CultureInfo.InvariantCulture, $"observed {observed.R:0.00}"), Figure.Palette[1], 2.5f);
        double min = Math.Min(observed.R, rows.Min(r => r.Medians.Min())), max = Math.Max(observed.R, rows.Max(r => r.Medians.Max()));
        double pad = 0.45 * (max - min) + 0.02;
        plt.Axes.SetLimits(min - pad, max + pad, -0.8, rows.Count - 0.2);
        return plt;
    }

    /// <summary>
    /// Heat map for one observation over the pair of assumptions varied together: each cell coloured by the two-sided
    /// compatibility p (red below 0.05, blue above, on a log scale) and labelled with it, the default cell outlined, and
    /// the compatibility contour (the boundary between cells with p &gt;= 0.05 and p &lt; 0.05) drawn as a thick black line.
    /// </summary>
    /// <param name="result">The analysis (with a pair).</param>
    /// <param name="observed">One of its observations.</param>
    /// <exception cref="ArgumentException">No pair, or an observation not in the analysis.</exception>
    public static Plot Heatmap(SensitivityResult result, ObservedCorrelation observed)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(observed);
        if (result.Settings.Pair is not { } pair || result.PairGrid.IsEmpty) throw new ArgumentException("The analysis varied no pair of assumptions.", nameof(result));
        if (!result.Settings.Observed.Contains(observed)) throw new ArgumentException("Not an observation of this analysis.", nameof(observed));
        var xs = result.PairGrid.Select(c => c.Levels[1]).DistinctBy(l => l.Index).OrderBy(l => l.Index).ToList();
        var ys = result.PairGrid.Select(c => c.Levels[0]).DistinctBy(l => l.Index).OrderBy(l => l.Index).ToList();
        var p = new double[ys.Count, xs.Count];
        foreach (var c in result.PairGrid) p[c.Levels[0].Index, c.Levels[1].Index] = c[observed].Compatibility.TwoSidedP;

        var plt = Figure.New($"Two-sided compatibility p of the observed r = {observed.R.ToString("0.00", CultureInfo.InvariantCulture)} ({Durations.Prose(observed.Time)}, n = {observed.N}) under {result.Settings.Hypothesis.Name}",
            SensitivitySettings.Describe(pair.Second), SensitivitySettings.Describe(pair.First));
        plt.Title(plt.Axes.Title.Label.Text, size: 17);
        for (int y = 0; y < ys.Count; y++)
            for (int x = 0; x < xs.Count; x++)
            {
                var cell = plt.Add.Rectangle(x - 0.5, x + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = Shade(p[y, x]);
                cell.LineColor = Colors.White;
                cell.LineWidth = 1;
                var label = plt.Add.Text(P(p[y, x], result.Settings.Replicates), x, y);
                label.LabelFontSize = 14;
                label.LabelAlignment = Alignment.MiddleCenter;
            }
        // The default cell, outlined on top of its neighbours.
        int dy = ys.FindIndex(l => l.IsDefault), dx = xs.FindIndex(l => l.IsDefault);
        if (dy >= 0 && dx >= 0)
        {
            var outline = plt.Add.Rectangle(dx - 0.47, dx + 0.47, dy - 0.47, dy + 0.47);
            outline.FillColor = Colors.Transparent;
            outline.LineColor = Colors.Black;
            outline.LineWidth = 2;
            outline.LinePattern = LinePattern.Dotted;
        }
        // The contour: edges between a compatible and an incompatible neighbour.
        void Edge(double x1, double y1, double x2, double y2)
        {
            var line = plt.Add.Line(x1, y1, x2, y2);
            line.Color = Colors.Black;
            line.LineWidth = 4;
        }
        static bool Fits(double v) => v >= 0.05;
        for (int y = 0; y < ys.Count; y++)
            for (int x = 0; x < xs.Count; x++)
            {
                if (x + 1 < xs.Count && Fits(p[y, x]) != Fits(p[y, x + 1])) Edge(x + 0.5, y - 0.5, x + 0.5, y + 0.5);
                if (y + 1 < ys.Count && Fits(p[y, x]) != Fits(p[y + 1, x])) Edge(x - 0.5, y + 0.5, x + 0.5, y + 0.5);
            }
        var xt = new ScottPlot.TickGenerators.NumericManual();
        for (int x = 0; x < xs.Count; x++) xt.AddMajor(x, xs[x].Label);
        var yt = new ScottPlot.TickGenerators.NumericManual();
        for (int y = 0; y < ys.Count; y++) yt.AddMajor(y, ys[y].Label);
        plt.Axes.Bottom.TickGenerator = xt;
        plt.Axes.Left.TickGenerator = yt;
        plt.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plt.Axes.Left.TickLabelStyle.FontSize = 12;
        plt.Axes.SetLimits(-0.5, xs.Count - 0.5, -0.5, ys.Count - 0.5);
        plt.Grid.IsVisible = false;
        return plt;
    }

    /// <summary>Red (p &lt;= 0.001) to white (p = 0.05) to blue (p = 1), by log10 p.</summary>
    private static Color Shade(double p)
    {
        double l = Math.Log10(Math.Max(p, 1e-3));
        double lim = Math.Log10(0.05);
        if (l < lim)
        {
            double t = (l - lim) / (-3 - lim);   // 0 at 0.05, 1 at 0.001
            return Mix(new Color(255, 255, 255), new Color(0xd6, 0x27, 0x28), 0.25 + 0.75 * t);
        }
        return Mix(new Color(255, 255, 255), new Color(0x1f, 0x77, 0xb4), 0.25 + 0.75 * (l - lim) / -lim);
    }

    private static Color Mix(Color a, Color b, double t) =>
        new((byte)(a.R + (b.R - a.R) * t), (byte)(a.G + (b.G - a.G) * t), (byte)(a.B + (b.B - a.B) * t));

    private static string P(double p, int replicates) =>
        p == 0 ? "<" + (2.0 / replicates).ToString("0.####", CultureInfo.InvariantCulture) : p.ToString(p < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture);
}

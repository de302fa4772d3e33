using System.Globalization;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Trials;
using ScottPlot;

namespace KetaminePkPd.Plotting;

/// <summary>
/// The figures of a <see cref="GlobalSensitivityResult.Run"/>: the distribution of the median r across the plausible worlds
/// per hypothesis with the observation marked, and the importance bars (PRCC with their 95% intervals). Each reads a
/// <see cref="GlobalSensitivityResult"/> and draws; none simulates.
/// </summary>
public static class GlobalCharts
{
    /// <summary>The two panels for one observation: <see cref="MedianR"/> above <see cref="Importance"/> (of the first hypothesis).</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="observed">One of its observations.</param>
    /// <exception cref="ArgumentException">An observation not in the analysis.</exception>
    public static IReadOnlyList<Plot> Panels(GlobalSensitivityResult result, ObservedCorrelation observed) =>
        [MedianR(result, observed), Importance(result, observed, result?.Settings.Hypotheses[0].Name ?? "")];

    /// <summary>
    /// Per hypothesis a row: every plausible world's median r as a dot, its 5-95% range as a thin bar and 25-75% as a thick
    /// one, the median as a tick; the observed r as a dashed line; the share of worlds compatible in the label.
    /// </summary>
    /// <param name="result">The analysis.</param>
    /// <param name="observed">One of its observations.</param>
    /// <exception cref="ArgumentException">An observation not in the analysis.</exception>
    public static Plot MedianR(GlobalSensitivityResult result, ObservedCorrelation observed)
    {
        ArgumentNullException.ThrowIfNull(result);
        int o = Index(result, observed);
        var s = result.Settings;
        var plt = Figure.New($"Median r across {result.PlausibleWorlds} plausible worlds of {s.Worlds}: {Durations.Prose(observed.Time)}, n = {observed.N}",
            "Median r of simulated trials in a world (CADSS vs % change)", "");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        double min = observed.R, max = observed.R;
        for (int h = 0; h < s.Hypotheses.Length; h++)
        {
            int c = h * s.Observed.Length + o;
            var outcome = result.Outcomes[c];
            var values = result.Worlds.Where(w => w.IsPlausible && !double.IsNaN(w.MedianR[c])).Select(w => w.MedianR[c]).ToArray();
            var colour = Figure.Palette[h % Figure.Palette.Length];
            double y = s.Hypotheses.Length - 1 - h;
            if (values.Length > 0)
            {
                var dots = plt.Add.ScatterPoints(values, values.Select((_, i) => y + 0.28 * ((i * 0.6180339887) % 1 - 0.5)).ToArray());
                dots.Color = colour.WithAlpha(0.45);
                dots.MarkerSize = 4;
                var q = outcome.MedianRQuantiles;
                var thin = plt.Add.Line(q[0], y - 0.3, q[4], y - 0.3);
                thin.Color = colour;
                thin.LineWidth = 2;
                var thick = plt.Add.Line(q[1], y - 0.3, q[3], y - 0.3);
                thick.Color = colour;
                thick.LineWidth = 7;
                var tick = plt.Add.Line(q[2], y - 0.42, q[2], y - 0.18);
                tick.Color = Colors.Black;
                tick.LineWidth = 2;
                min = Math.Min(min, values.Min());
                max = Math.Max(max, values.Max());
            }
            ticks.AddMajor(y, $"{s.Hypotheses[h].Name}\ncompatible {Share(outcome)}");
        }
        plt.Axes.Left.TickGenerator = ticks;
        Figure.MarkX(plt, observed.R, string.Create(CultureInfo.InvariantCulture, $"observed {observed.R:0.00}"), Figure.Palette[1], 2.5f);
        double pad = 0.1 * (max - min) + 0.02;
        plt.Axes.SetLimits(min - pad, max + pad, -0.7, s.Hypotheses.Length - 0.5);
        return plt;
    }

    /// <summary>Importance bars for one hypothesis and observation: the PRCC of each assumption with the median r (largest |PRCC| on top) with its 95% interval.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="observed">One of its observations.</param>
    /// <param name="hypothesis">The hypothesis's name (one of the analysis's).</param>
    /// <exception cref="ArgumentException">An observation or hypothesis not in the analysis.</exception>
    public static Plot Importance(GlobalSensitivityResult result, ObservedCorrelation observed, string hypothesis)
    {
        ArgumentNullException.ThrowIfNull(result);
        int o = Index(result, observed);
        var s = result.Settings;
        int h = s.Hypotheses.Select(x => x.Name).ToList().IndexOf(hypothesis);
        if (h < 0) throw new ArgumentException($"hypothesis '{hypothesis}' is not one of the analysis's ({string.Join(", ", s.Hypotheses.Select(x => x.Name))}).", nameof(hypothesis));
        var outcome = result.Outcomes[h * s.Observed.Length + o];
        var rows = outcome.Ranking.Reverse().ToList();
        var plt = Figure.New($"What decides it under {hypothesis}: PRCC over {outcome.Worlds} plausible worlds",
            "Partial rank correlation with the median r (95% interval; + = a larger value gives a less negative r)", "");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ticks.AddMajor(i, SensitivitySettings.Describe(row.Assumption));
            if (double.IsNaN(row.Prcc)) continue;
            var bar = plt.Add.Rectangle(Math.Min(0, row.Prcc), Math.Max(0, row.Prcc), i - 0.32, i + 0.32);
            var colour = Math.Abs(row.Prcc) > 1.96 * row.StandardError ? Figure.Palette[0] : new Color(0x9a, 0x9a, 0x9a);
            bar.FillColor = colour.WithAlpha(0.6);
            bar.LineColor = colour;
            var whisker = plt.Add.Line(row.Lower, i, row.Upper, i);
            whisker.Color = Colors.Black;
            whisker.LineWidth = 1.5f;
        }
        plt.Axes.Left.TickGenerator = ticks;
        var zero = plt.Add.VerticalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 1;
        plt.Axes.SetLimits(-1.05, 1.05, -0.8, rows.Count - 0.2);
        return plt;
    }

    private static int Index(GlobalSensitivityResult result, ObservedCorrelation observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        int o = result.Settings.Observed.IndexOf(observed);
        return o >= 0 ? o : throw new ArgumentException("Not an observation of this analysis.", nameof(observed));
    }

    private static string Share(GlobalOutcome o) => o.Worlds == 0 ? "-"
        : o.Compatible == 0 ? string.Create(CultureInfo.InvariantCulture, $"0 of {o.Worlds}")
        : string.Create(CultureInfo.InvariantCulture, $"{o.Share:0.00} ({o.Compatible} of {o.Worlds})");
}

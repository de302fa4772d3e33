using KetaminePkPd.Populations;
using System.Globalization;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using ScottPlot;

namespace KetaminePkPd.Plotting;

/// <summary>
/// The figures of KetaminePkPd, as ScottPlot plots ready to save with <see cref="Figure.Save(Plot, string, int, int)"/>: axis labels carry units,
/// text is DejaVu Sans at slide sizes. Each method reads results and draws; none simulates.
/// </summary>
public static class Charts
{
    /// <summary>Parent (solid) and metabolite (dashed) concentration against time, one colour per series.</summary>
    /// <param name="series">Label and result of each series (one or more).</param>
    /// <param name="logScale">Logarithmic concentration axis (non-positive values are left out).</param>
    /// <param name="includeMetabolite">Draw the metabolite too.</param>
    /// <param name="maxHours">Last time shown, h (null: all).</param>
    /// <param name="title">Title (null for the default).</param>
    /// <exception cref="ArgumentException">No series.</exception>
    public static Plot Concentrations(IEnumerable<(string Label, PkSimulationResult Result)> series, bool logScale = false, bool includeMetabolite = true,
        double? maxHours = null, string? title = null)
    {
        var list = Require(series, nameof(series));
        var plt = Figure.New(title ?? "Plasma concentrations", "Time (h)", logScale ? "Concentration (ng/mL, log scale)" : "Concentration (ng/mL)");
        for (int i = 0; i < list.Count; i++)
        {
            var (label, r) = list[i];
            var color = Figure.Palette[i % Figure.Palette.Length];
            Line(plt, r.TimesH, r.ParentNgPerMl, $"{label}: {Parent(r.Model.Drug)}", color, logScale, maxHours);
            if (includeMetabolite && !r.MetaboliteNgPerMl.IsEmpty)
                Line(plt, r.TimesH, r.MetaboliteNgPerMl, $"{label}: {r.Model.MetaboliteCompartment!.Name}", color, logScale, maxHours, LinePattern.Dashed);
        }
        if (logScale) LogAxis(plt.Axes.Left);
        plt.ShowLegend(Alignment.UpperRight);
        return plt;
    }

    /// <summary>Both effects against time: dissociation (CADSS, left axis) and the antidepressant drug effect (MADRS points, right axis).</summary>
    /// <param name="result">A PK-PD result with the effects named <c>dissociation</c> and <c>antidepressant</c>.</param>
    /// <param name="maxHours">Last time shown, h (null: all).</param>
    /// <param name="title">Title.</param>
    public static Plot Effects(PkPdSimulationResult result, double? maxHours = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plt = Figure.New(title ?? "Dissociation and antidepressant effect", "Time (h)", "Dissociation (CADSS points)");
        var d = result.Dissociation;
        var a = result.Antidepressant;
        Line(plt, result.TimesH, d.Values, "dissociation (CADSS, left)", Figure.Palette[0], false, maxHours);
        var right = Line(plt, result.TimesH, a.Values, "antidepressant drug effect (MADRS change, right)", Figure.Palette[1], false, maxHours);
        right.Axes.YAxis = plt.Axes.Right;
        plt.Axes.Right.Label.Text = "Antidepressant effect (MADRS points; negative = better)";
        plt.Axes.Right.Label.FontSize = 18;
        TimeFromZero(plt);
        plt.ShowLegend(Alignment.UpperRight);
        return plt;
    }

    /// <summary>
    /// Hysteresis: an effect against the plasma concentration (a loop, because the effect site lags plasma) and against the
    /// effect-site concentration (where the loop collapses onto the concentration-effect curve, unless the effect develops
    /// tolerance: then it stays a clockwise loop, less effect on the way down).
    /// </summary>
    /// <param name="result">A PK-PD result.</param>
    /// <param name="effect">Effect name (default dissociation).</param>
    /// <param name="maxHours">Last time included, h (default 4).</param>
    public static Plot Hysteresis(PkPdSimulationResult result, string effect = EffectParameterSet.DissociationName, double maxHours = 4)
    {
        ArgumentNullException.ThrowIfNull(result);
        var course = result[effect];
        var fx = result.Model.Effects[result.Model.IndexOf(effect)];
        string title = fx is SigmoidEmaxModel { AcuteToleranceRatePerH: > 0 }
            ? $"Hysteresis of {effect}: the effect site lags plasma (t1/2,ke0 {fx.Ke0HalfLifeMinutes:0.#} min), acute tolerance turns it down"
            : $"Hysteresis of {effect}: the effect site lags plasma (t1/2,ke0 {fx.Ke0HalfLifeMinutes:0.#} min)";
        var plt = Figure.New(title,
            $"{Parent(result.Model.Pk.Drug)} concentration (ng/mL)", $"{Capital(effect)} ({course.Unit})");
        var keep = result.TimesH.Select((t, k) => (t, k)).Where(p => p.t <= maxHours).Select(p => p.k).ToArray();
        var plasma = plt.Add.Scatter(keep.Select(k => result.Pk.ParentNgPerMl[k]).ToArray(), keep.Select(k => course.Values[k]).ToArray());
        plasma.LegendText = "against plasma concentration (loop)";
        plasma.Color = Figure.Palette[0];
        plasma.LineWidth = 2.5f;
        plasma.MarkerSize = 0;
        var site = plt.Add.Scatter(keep.Select(k => course.EffectSiteNgPerMl[k]).ToArray(), keep.Select(k => course.Values[k]).ToArray());
        site.LegendText = "against effect-site concentration";
        site.Color = Figure.Palette[1];
        site.LineWidth = 2.5f;
        site.LinePattern = LinePattern.Dashed;
        site.MarkerSize = 0;
        // Mark the direction of time with a few labelled points on the plasma loop.
        foreach (double th in new[] { 0.25, 0.5, 1.0, 2.0 })
        {
            int k = Array.FindIndex(keep, i => result.TimesH[i] >= th - 1e-9);
            if (k < 0) continue;
            int idx = keep[k];
            var m = plt.Add.Marker(result.Pk.ParentNgPerMl[idx], course.Values[idx]);
            m.Color = Figure.Palette[0];
            m.Size = 9;
            var text = plt.Add.Text(string.Create(CultureInfo.InvariantCulture, $" {th:0.##} h"), result.Pk.ParentNgPerMl[idx], course.Values[idx]);
            text.LabelFontSize = 14;
        }
        plt.ShowLegend(Alignment.LowerRight);
        return plt;
    }

    /// <summary>Population bands: the median (line) and the 5-95% range (shaded) of one or more time courses.</summary>
    /// <param name="bands">Label and band of each series.</param>
    /// <param name="yLabel">Y axis label with unit.</param>
    /// <param name="title">Title.</param>
    /// <param name="maxHours">Last time shown, h (null: all).</param>
    /// <param name="logScale">Logarithmic y axis.</param>
    /// <param name="inDays">Time axis in days instead of hours.</param>
    /// <exception cref="ArgumentException">No bands.</exception>
    public static Plot Bands(IEnumerable<(string Label, TimeCourseBand Band)> bands, string yLabel, string title, double? maxHours = null, bool logScale = false,
        bool inDays = false)
    {
        var list = Require(bands, nameof(bands));
        double xScale = inDays ? 1 / 24.0 : 1;
        var plt = Figure.New(title, inDays ? "Time (days)" : "Time (h)", logScale ? $"{yLabel}, log scale" : yLabel);
        // Every shaded band first, then every median line, so that no band hides another arm's median.
        var medians = new List<(string Label, Color Color, double[] X, double[] Y)>();
        for (int i = 0; i < list.Count; i++)
        {
            var (label, band) = list[i];
            var color = Figure.Palette[i % Figure.Palette.Length];
            var keep = band.TimesH.Select((t, k) => (t, k)).Where(p => maxHours is null || p.t <= maxHours + 1e-9).Select(p => p.k)
                .Where(k => !logScale || band.P5[k] > 0).ToArray();
            if (keep.Length < 2) continue;
            double[] x = [.. keep.Select(k => band.TimesH[k] * xScale)];
            double[] lo = [.. keep.Select(k => Y(band.P5[k], logScale))], hi = [.. keep.Select(k => Y(band.P95[k], logScale))];
            var fill = plt.Add.FillY(x, lo, hi);
            fill.FillStyle.Color = color.WithAlpha(0.2);
            fill.LineStyle.Width = 0;
            medians.Add((label, color, x, [.. keep.Select(k => Y(band.Median[k], logScale))]));
        }
        foreach (var (label, color, x, y) in medians)
        {
            var median = plt.Add.Scatter(x, y);
            median.LegendText = $"{label} (median, 5-95%)";
            median.Color = color;
            median.LineWidth = 2.5f;
            median.MarkerSize = 0;
        }
        if (logScale) LogAxis(plt.Axes.Left);
        plt.ShowLegend(Alignment.UpperRight);
        return plt;
    }

    /// <summary>One line per series against time, e.g. the same effect in several arms.</summary>
    /// <param name="series">Label, times (h) and values of each series (one or more; times and values of equal length).</param>
    /// <param name="yLabel">Y axis label with unit.</param>
    /// <param name="title">Title.</param>
    /// <param name="maxHours">Last time shown, h (null: all).</param>
    /// <param name="logScale">Logarithmic y axis (non-positive values are left out).</param>
    /// <param name="inDays">Time axis in days instead of hours.</param>
    /// <exception cref="ArgumentException">No series, or a series whose times and values differ in length.</exception>
    public static Plot Lines(IEnumerable<(string Label, IReadOnlyList<double> TimesH, IReadOnlyList<double> Values)> series, string yLabel, string title,
        double? maxHours = null, bool logScale = false, bool inDays = false)
    {
        var list = Require(series, nameof(series));
        var plt = Figure.New(title, inDays ? "Time (days)" : "Time (h)", logScale ? $"{yLabel}, log scale" : yLabel);
        for (int i = 0; i < list.Count; i++)
        {
            var (label, t, v) = list[i];
            if (t.Count != v.Count) throw new ArgumentException($"series '{label}' has {t.Count} times but {v.Count} values.", nameof(series));
            double[] x = inDays ? [.. t.Select(h => h / 24)] : [.. t];
            Line(plt, x, v, label, Figure.Palette[i % Figure.Palette.Length], logScale, maxHours is null ? null : inDays ? maxHours / 24 : maxHours);
        }
        if (logScale) LogAxis(plt.Axes.Left);
        plt.ShowLegend(Alignment.UpperRight);
        return plt;
    }

    /// <summary>Marks a level on the y axis with a labelled dashed horizontal line (e.g. a concentration threshold, or CADSS 4).</summary>
    /// <param name="plot">The plot to mark.</param>
    /// <param name="value">The level, in the axis's units (not log-transformed).</param>
    /// <param name="label">Text on the line.</param>
    /// <param name="logScale">True when the plot's y axis is logarithmic (as drawn by this class).</param>
    /// <exception cref="ArgumentException">A non-finite value, or a non-positive one on a log axis.</exception>
    public static void MarkLevel(Plot plot, double value, string label, bool logScale = false)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (!double.IsFinite(value) || logScale && value <= 0)
            throw new ArgumentException($"value must be finite{(logScale ? " and positive on a log axis" : "")}, got {value}.", nameof(value));
        var line = plot.Add.HorizontalLine(Y(value, logScale));
        line.Color = Colors.Gray;
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.Dashed;
        line.Text = label;
        line.LabelFontSize = 13;
        line.LabelOppositeAxis = true;
        plot.Axes.Right.MinimumSize = Math.Max(plot.Axes.Right.MinimumSize, 30);   // room for the rotated label
    }

    /// <summary>Dissociation against improvement, one point per patient, with the least-squares line and Pearson r.</summary>
    /// <param name="dissociation">CADSS per patient.</param>
    /// <param name="improvement">Improvement per patient (positive = better; e.g. minus the % change).</param>
    /// <param name="improvementLabel">Y axis label with unit.</param>
    /// <param name="title">Title.</param>
    /// <exception cref="ArgumentException">Mismatched lengths or fewer than 4 patients.</exception>
    public static Plot Scatter(IReadOnlyList<double> dissociation, IReadOnlyList<double> improvement, string improvementLabel, string title)
    {
        ArgumentNullException.ThrowIfNull(dissociation);
        ArgumentNullException.ThrowIfNull(improvement);
        if (dissociation.Count != improvement.Count || dissociation.Count < 4)
            throw new ArgumentException($"dissociation and improvement must have the same length of at least 4, got {dissociation.Count} and {improvement.Count}.");
        double[] x = [.. dissociation], y = [.. improvement];
        var plt = Figure.New(title, "Dissociation (CADSS points)", improvementLabel);
        var points = plt.Add.ScatterPoints(x, y);
        points.Color = Figure.Palette[0].WithAlpha(0.6);
        points.MarkerSize = 7;
        double r = Statistics.Correlation.PearsonR(x, y);
        double mx = x.Average(), my = y.Average();
        double sxx = x.Sum(v => (v - mx) * (v - mx)), sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        double slope = sxx > 0 ? sxy / sxx : 0;
        var line = plt.Add.Line(x.Min(), my + slope * (x.Min() - mx), x.Max(), my + slope * (x.Max() - mx));
        line.Color = Figure.Palette[1];
        line.LineWidth = 3;
        line.LegendText = string.Create(CultureInfo.InvariantCulture, $"least-squares line, r = {r:0.00} (n = {x.Length})");
        plt.ShowLegend(Alignment.UpperLeft);
        return plt;
    }

    /// <summary>Histograms of simulated r under one or more hypotheses, with the observed r as a vertical line.</summary>
    /// <param name="distributions">Label and replicate values of each hypothesis.</param>
    /// <param name="observed">The observed r (null for none).</param>
    /// <param name="xLabel">X axis label.</param>
    /// <param name="title">Title.</param>
    /// <exception cref="ArgumentException">No distributions.</exception>
    public static Plot Histograms(IEnumerable<(string Label, IReadOnlyList<double> Values)> distributions, double? observed, string xLabel, string title)
    {
        var list = Require(distributions, nameof(distributions));
        var plt = Figure.New(title, xLabel, "Share of replicate trials (%)");
        double lo = Math.Min(list.Min(d => d.Values.Min()), observed ?? 0), hi = Math.Max(list.Max(d => d.Values.Max()), observed ?? 0);
        double width = Math.Max((hi - lo) / 40, 1e-3);
        for (int i = 0; i < list.Count; i++)
        {
            var (label, values) = list[i];
            var (edges, share) = Bin(values, lo - width, hi + width, width);
            var steps = plt.Add.ScatterLine(edges, share);
            steps.ConnectStyle = ConnectStyle.StepHorizontal;
            steps.LegendText = label;
            steps.Color = Figure.Palette[i % Figure.Palette.Length];
            steps.LineWidth = 2.5f;
            steps.FillY = true;
            steps.FillYColor = Figure.Palette[i % Figure.Palette.Length].WithAlpha(0.12);
        }
        if (observed is { } o)
            Figure.MarkX(plt, o, string.Create(CultureInfo.InvariantCulture, $"observed {o:0.00}"), Colors.Black, 2.5f, fontSize: 15);
        // Headroom above the tallest bar for the legend (one row per hypothesis), so that it never covers a peak.
        double tallest = plt.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Max(sc => sc.Data.GetScatterPoints().Max(pt => pt.Y));
        plt.Axes.SetLimitsY(-0.03 * tallest, tallest * (1.08 + LegendRowShare * list.Count));
        plt.ShowLegend(Alignment.UpperRight);
        return plt;
    }

    /// <summary>
    /// Shares (%) of <paramref name="values"/> in bins of <paramref name="width"/> from <paramref name="start"/> to at least
    /// <paramref name="end"/>: (left edges, shares), with one closing edge at zero so the step outline ends on the axis.
    /// Values outside the range go to the first or last bin (none are lost to rounding at the edges).
    /// </summary>
    internal static (double[] Edges, double[] Shares) Bin(IReadOnlyList<double> values, double start, double end, double width)
    {
        int bins = Math.Max(1, (int)Math.Ceiling((end - start) / width - 1e-9));
        var counts = new int[bins];
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            int k = (int)Math.Floor((v - start) / width);
            counts[Math.Clamp(k, 0, bins - 1)]++;
        }
        var edges = new double[bins + 1];
        var shares = new double[bins + 1];
        for (int k = 0; k <= bins; k++)
        {
            edges[k] = start + k * width;
            shares[k] = k < bins && values.Count > 0 ? 100.0 * counts[k] / values.Count : 0;
        }
        return (edges, shares);
    }

    /// <summary>Dose-response of both effects for the typical patient (log dose axis), with the half-maximal doses marked.</summary>
    public static Plot DoseResponse(DoseResponseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string unit = result.Points[0].Dose.IsPerKilogram ? "mg/kg" : "mg";
        var plt = Figure.New("Dose-response of both effects", $"Dose ({unit}, log scale)", "Peak dissociation (CADSS points)");
        double[] x = [.. result.Points.Select(p => Math.Log10(p.Dose.Value))];
        var d = plt.Add.Scatter(x, result.Points.Select(p => p.PeakCadss).ToArray());
        d.LegendText = "peak dissociation (CADSS, left)";
        d.Color = Figure.Palette[0];
        d.LineWidth = 2.5f;
        d.MarkerSize = 5;
        var a = plt.Add.Scatter(x, result.Points.Select(p => p.Day1Improvement).ToArray());
        a.LegendText = "day-1 antidepressant improvement (MADRS, right)";
        a.Color = Figure.Palette[1];
        a.LineWidth = 2.5f;
        a.MarkerSize = 5;
        a.Axes.YAxis = plt.Axes.Right;
        plt.Axes.Right.Label.Text = "Day-1 improvement (MADRS points)";
        plt.Axes.Right.Label.FontSize = 18;
        // The doses go in the legend rather than on the lines: the two are often close enough for labels to collide.
        string unitText = result.Points[0].Dose.IsPerKilogram ? "mg/kg" : "mg";
        Mark(plt, result.HalfMaximalDissociationDose, "half-max dissociation", unitText, Figure.Palette[0]);
        Mark(plt, result.HalfMaximalAntidepressantDose, "half-max antidepressant", unitText, Figure.Palette[1]);
        plt.Axes.Bottom.TickGenerator = DoseTicks(result.Points[0].Dose.Value, result.Points[^1].Dose.Value);
        plt.ShowLegend(Alignment.UpperLeft);
        return plt;
    }

    private static void Mark(Plot plt, Dose? dose, string label, string unit, Color color)
    {
        if (dose is not { } d) return;
        var v = plt.Add.VerticalLine(Math.Log10(d.Value));
        v.Color = color;
        v.LinePattern = LinePattern.Dotted;
        v.LineWidth = 2;
        v.LegendText = string.Create(CultureInfo.InvariantCulture, $"{label}: {d.Value:0.###} {unit}");
    }

    /// <summary>Ticks of a log10 dose axis at 1, 2 and 5 times the powers of ten within [low, high], labelled with the dose.</summary>
    private static ScottPlot.TickGenerators.NumericManual DoseTicks(double low, double high)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var values = new SortedSet<double> { low, high };
        for (int decade = (int)Math.Floor(Math.Log10(low)); decade <= (int)Math.Ceiling(Math.Log10(high)); decade++)
            foreach (double m in new[] { 1.0, 2.0, 5.0 })
            {
                double v = m * Math.Pow(10, decade);
                // Skip a round value too close to an end of the sweep, which is labelled anyway.
                if (v > low * 1.15 && v < high / 1.15) values.Add(v);
            }
        foreach (double v in values) ticks.AddMajor(Math.Log10(v), v.ToString("G3", CultureInfo.InvariantCulture));
        return ticks;
    }

    private static ScottPlot.Plottables.Scatter Line(Plot plt, IReadOnlyList<double> t, IReadOnlyList<double> v, string label, Color color, bool log,
        double? maxHours, LinePattern? pattern = null)
    {
        var keep = Enumerable.Range(0, t.Count).Where(k => (maxHours is null || t[k] <= maxHours + 1e-9) && (!log || v[k] > 0)).ToArray();
        var s = plt.Add.Scatter(keep.Select(k => t[k]).ToArray(), keep.Select(k => Y(v[k], log)).ToArray());
        s.LegendText = label;
        s.Color = color;
        s.LineWidth = 2.5f;
        s.MarkerSize = 0;
        if (pattern is { } p) s.LinePattern = p;
        return s;
    }

    private static double Y(double value, bool log) => log ? Math.Log10(value) : value;

    /// <summary>Share of the data height each legend row needs above the tallest data point (at the default figure size).</summary>
    private const double LegendRowShare = 0.075;

    /// <summary>A time axis whose margin left of 0 carries no (negative) tick labels.</summary>
    private static void TimeFromZero(Plot plt) =>
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = t => t < 0 ? "" : t.ToString("0.###", CultureInfo.InvariantCulture),
        };

    /// <summary>Labels a log10-transformed axis with the original values.</summary>
    private static void LogAxis(ScottPlot.IAxis axis, bool integerDecades = true)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = integerDecades,
            LabelFormatter = v => Math.Pow(10, v).ToString("G3", CultureInfo.InvariantCulture),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        };
    }

    private static string Parent(Drug drug) => drug == Drug.Esketamine ? "esketamine" : "ketamine";

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static List<T> Require<T>(IEnumerable<T> items, string name)
    {
        ArgumentNullException.ThrowIfNull(items, name);
        var list = items.ToList();
        if (list.Count == 0) throw new ArgumentException($"{name} must hold at least one series.", name);
        return list;
    }
}

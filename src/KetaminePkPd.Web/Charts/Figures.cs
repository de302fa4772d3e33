using KetaminePkPd.Application.Reporting;
using System.Collections.Immutable;
using System.Globalization;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Web.Model;

namespace KetaminePkPd.Web.Charts;

/// <summary>Builds the page's figures from library results (presentation only: every value plotted is the library's).</summary>
internal static class Figures
{
    // Okabe and Ito's colour-blind-safe palette (Okabe M, Ito K. Color Universal Design, 2008): the colours stay apart
    // for deuteranopes and protanopes and each has at least 3:1 contrast on white (FigureColourTests measures both).

    /// <summary>Plasma colour (blue).</summary>
    public const string Plasma = "#0072B2";

    /// <summary>Dissociation (CADSS) colour (vermillion).</summary>
    public const string Dissociation = "#D55E00";

    /// <summary>Antidepressant (MADRS) colour (bluish green).</summary>
    public const string Antidepressant = "#009E73";

    /// <summary>The arms' colours, in order.</summary>
    internal static readonly string[] ArmColours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000"];

    /// <summary>How many hours of concentrations and dissociation the one-patient charts show after the last session.</summary>
    public const double ShortWindowH = 12;

    /// <summary>CADSS points above which dissociation is usually counted as present (docs/validation.md <c>esk-placebo-cadss-above-4</c>).</summary>
    public const double CadssThreshold = 4;

    /// <summary>The window of the short charts: 12 h after the last session's start, at most the 7-day course.</summary>
    public static double Window(ArmComparison arm) =>
        Math.Min(168, ShortWindowH + (arm.Arm.Sessions - 1) * arm.Arm.Interval.TotalHours);

    /// <summary>Pinned runs' line styles: greys with their own dash, so the current run keeps the colours.</summary>
    private static readonly (string Colour, string Dash)[] PinStyles = [("#595959", "dash"), ("#8c8c8c", "dot"), ("#404040", "dashdot")];

    /// <summary>Most runs that can be pinned at once.</summary>
    public const int MaxPins = 3;

    /// <summary>Lines of pinned runs (drawn first, under the current run): one per pinned arm, named after its settings.</summary>
    private static IEnumerable<PlotTrace> Pinned(IReadOnlyList<ArmComparison>? pinned, Func<ArmComparison, (ImmutableArray<double> X, ImmutableArray<double> Y, double Until)> series,
        string label, string? xaxis = null, string? yaxis = null)
    {
        for (int i = 0; i < (pinned?.Count ?? 0); i++)
        {
            var (x, y, until) = series(pinned![i]);
            var (colour, dash) = PinStyles[i % PinStyles.Length];
            yield return Line($"pinned {i + 1}: {label} ({pinned[i].Arm.Name})", x, y, until, colour, dash) with
            {
                Xaxis = xaxis, Yaxis = yaxis, Line = new PlotLine(colour, 1.8, dash), Legendgroup = $"pin{i}",
            };
        }
    }

    /// <summary>One patient: plasma and the two effect-site concentrations over the first hours, with pinned runs' plasma in grey.</summary>
    public static PlotFigure Concentrations(ArmComparison arm, IReadOnlyList<ArmComparison>? pinned = null)
    {
        var r = arm.Course;
        var cadss = r.Dissociation;
        var mood = r.Antidepressant;
        double window = Window(arm);
        return new PlotFigure(
        [
            .. Pinned(pinned, p => (p.Course.TimesH, p.Course.Pk.ParentNgPerMl, window), "plasma"),
            Line("plasma", r.TimesH, r.Pk.ParentNgPerMl, window, Plasma),
            Line("effect site, dissociation", r.TimesH, cadss.EffectSiteNgPerMl, window, Dissociation, "dash"),
            Line("effect site, antidepressant", r.TimesH, mood.EffectSiteNgPerMl, window, Antidepressant, "dot"),
        ], new PlotLayout
        {
            Title = new($"{DrugName(arm)}: plasma and effect-site concentrations"),
            Xaxis = Axis("time after the first dose (h)"),
            Yaxis = Axis($"{DrugName(arm)} (ng/mL)") with { Rangemode = "tozero" },
        });
    }

    /// <summary>One patient: dissociation over the first hours (left) and the antidepressant drug effect over 7 days (right), with pinned runs in grey.</summary>
    public static PlotFigure Effects(ArmComparison arm, IReadOnlyList<ArmComparison>? pinned = null)
    {
        var r = arm.Course;
        var cadss = r.Dissociation;
        var mood = r.Antidepressant;
        var days = r.TimesH.Select(t => t / 24).ToImmutableArray();
        return new PlotFigure(
        [
            .. Pinned(pinned, p => (p.Course.TimesH, p.Course.Dissociation.Values, Window(arm)), "CADSS"),
            .. Pinned(pinned, p => (p.Course.TimesH.Select(t => t / 24).ToImmutableArray(), p.Course.Antidepressant.Values, 7), "MADRS change", "x2", "y2")
                .Select(t => t with { Showlegend = false }),
            Line("dissociation (CADSS)", r.TimesH, cadss.Values, Window(arm), Dissociation),
            Line("antidepressant effect (MADRS change)", days, mood.Values, 7, Antidepressant) with { Xaxis = "x2", Yaxis = "y2" },
        ], new PlotLayout
        {
            Title = new("Both effects (PROVISIONAL effect models)"),
            Xaxis = Axis("time (h)") with { Domain = [0, 0.44] },
            Yaxis = Axis("CADSS (points)") with { Rangemode = "tozero" },
            Xaxis2 = Axis("time (days)") with { Domain = [0.56, 1], Anchor = "y2" },
            Yaxis2 = Axis("MADRS change (points; negative = better)") with { Anchor = "x2" },
            Shapes = [new PlotShape("line", "x", "y", 0, Window(arm), CadssThreshold, CadssThreshold, new PlotLine("#4a5560", 1.5, "dot"))],
            Annotations = [new PlotAnnotation(string.Create(CultureInfo.InvariantCulture, $"CADSS {CadssThreshold:0}: dissociation usually counted"), Window(arm), CadssThreshold, "x", "y") { Xanchor = "right", Yanchor = "bottom" }],
        });
    }

    /// <summary>One patient: each effect against the plasma concentration (the hysteresis loop), and dissociation against its own effect site (a clockwise loop from acute tolerance).</summary>
    public static PlotFigure Hysteresis(ArmComparison arm)
    {
        var r = arm.Course;
        var cadss = r.Dissociation;
        var mood = r.Antidepressant;
        int shortEnd = Count(r.TimesH, ShortWindowH), dayEnd = Count(r.TimesH, 24);
        return new PlotFigure(
        [
            Path("CADSS vs plasma", r.Pk.ParentNgPerMl, cadss.Values, shortEnd, Dissociation, null),
            Path("CADSS vs its effect site", cadss.EffectSiteNgPerMl, cadss.Values, shortEnd, Dissociation, "dot"),
            Path("MADRS change vs plasma (24 h)", r.Pk.ParentNgPerMl, mood.Values, dayEnd, Antidepressant, null) with { Xaxis = "x2", Yaxis = "y2" },
        ], new PlotLayout
        {
            Title = new("Hysteresis: each effect against the concentration"),
            Xaxis = Axis($"{DrugName(arm)} (ng/mL)") with { Domain = [0, 0.44], Rangemode = "tozero" },
            Yaxis = Axis("CADSS (points)") with { Rangemode = "tozero" },
            Xaxis2 = Axis("plasma (ng/mL)") with { Domain = [0.56, 1], Anchor = "y2", Rangemode = "tozero" },
            Yaxis2 = Axis("MADRS change (points)") with { Anchor = "x2" },
            Annotations =
            [
                .. Arrows(r.Pk.ParentNgPerMl, cadss.Values, shortEnd, "x", "y", Dissociation),
                .. Arrows(r.Pk.ParentNgPerMl, mood.Values, dayEnd, "x2", "y2", Antidepressant),
            ],
        });
    }

    /// <summary>Two arrows along a loop, pointing the way time runs: one on the rise to the largest |y|, one on the way
    /// back. Each goes from a point of the path to a later one, in data units.</summary>
    internal static IEnumerable<PlotAnnotation> Arrows(ImmutableArray<double> x, ImmutableArray<double> y, int n, string xref, string yref, string colour)
    {
        if (n < 8) yield break;
        int peak = 0;
        for (int i = 1; i < n; i++) if (Math.Abs(y[i]) > Math.Abs(y[peak])) peak = i;
        int step = Math.Max(1, n / 40);
        foreach (int tail in new[] { peak / 2, peak + (n - peak) / 4 })
        {
            int head = Math.Min(n - 1, tail + step);
            if (head == tail || (x[head] == x[tail] && y[head] == y[tail])) continue;
            yield return new PlotAnnotation("", x[head], y[head], xref, yref, Showarrow: true)
            {
                Ax = x[tail], Ay = y[tail], Axref = xref, Ayref = yref, Arrowhead = 2, Arrowcolor = colour, Arrowwidth = 2.5,
            };
        }
    }

    /// <summary>Several arms on the same axes: concentration (left) and dissociation (right) over the first hours, with a shaded range where an input is uncertain.</summary>
    /// <param name="arms">Each arm's typical result and, where it has an uncertain input, its results at both ends of the range.</param>
    /// <param name="hours">Time window, h.</param>
    public static PlotFigure RouteComparison(IReadOnlyList<(ArmComparison Typical, ArmComparison? Low, ArmComparison? High)> arms, double hours)
    {
        var traces = new List<PlotTrace>();
        for (int a = 0; a < arms.Count; a++)
        {
            var (typical, low, high) = arms[a];
            string colour = ArmColours[a % ArmColours.Length], name = typical.Arm.Name, group = $"arm{a}";
            if (low is not null && high is not null)
            {
                var u = typical.Uncertain!;
                string range = string.Create(CultureInfo.InvariantCulture, $"{u.Parameter} {u.Low:0.##}-{u.High:0.##}");
                traces.AddRange(Band($"{name}: {range}", low.Course.TimesH, low.Course.Pk.ParentNgPerMl, high.Course.Pk.ParentNgPerMl, hours, colour, group, "x", "y"));
                traces.AddRange(Band($"{name}: {range}", low.Course.TimesH, low.Course.Dissociation.Values,
                    high.Course.Dissociation.Values, hours, colour, group, "x2", "y2", legend: false));
            }
            traces.Add(Line(name, typical.Course.TimesH, typical.Course.Pk.ParentNgPerMl, hours, colour) with { Legendgroup = group });
            traces.Add(Line(name, typical.Course.TimesH, typical.Course.Dissociation.Values, hours, colour)
                with { Xaxis = "x2", Yaxis = "y2", Showlegend = false, Legendgroup = group });
        }
        return new PlotFigure(traces, new PlotLayout
        {
            Title = new("Side by side: parent drug in plasma and dissociation (typical patient)"),
            Xaxis = Axis("time (h)") with { Domain = [0, 0.44] },
            Yaxis = Axis("parent drug in plasma (ng/mL)") with { Rangemode = "tozero" },
            Xaxis2 = Axis("time (h)") with { Domain = [0.56, 1], Anchor = "y2" },
            Yaxis2 = Axis("CADSS (points, PROVISIONAL)") with { Anchor = "x2", Rangemode = "tozero" },
            Height = 400,
        });
    }

    /// <summary>A population's median and 5-95% band: concentration and dissociation over the first hours (left) and the antidepressant effect over 7 days (right).</summary>
    public static PlotFigure Population(string name, PopulationBands bands, double hours)
    {
        var days = bands.Antidepressant.TimesH.Select(t => t / 24).ToImmutableArray();
        var traces = new List<PlotTrace>();
        traces.AddRange(Band("plasma, 5-95%", bands.Concentration.TimesH, bands.Concentration.P5, bands.Concentration.P95, hours, Plasma, "c", "x", "y"));
        traces.Add(Line("plasma, median", bands.Concentration.TimesH, bands.Concentration.Median, hours, Plasma) with { Legendgroup = "c" });
        traces.AddRange(Band("MADRS change, 5-95%", days, bands.Antidepressant.P5, bands.Antidepressant.P95, 7, Antidepressant, "a", "x2", "y2"));
        traces.Add(Line("MADRS change, median", days, bands.Antidepressant.Median, 7, Antidepressant) with { Xaxis = "x2", Yaxis = "y2", Legendgroup = "a" });
        return new PlotFigure(traces, new PlotLayout
        {
            Title = new(string.Create(CultureInfo.InvariantCulture, $"{name}: {bands.Subjects} virtual patients, median and 5-95%")),
            Xaxis = Axis("time (h)") with { Domain = [0, 0.44] },
            Yaxis = Axis("parent drug in plasma (ng/mL)") with { Rangemode = "tozero" },
            Xaxis2 = Axis("time (days)") with { Domain = [0.56, 1], Anchor = "y2" },
            Yaxis2 = Axis("MADRS change (points, PROVISIONAL)") with { Anchor = "x2" },
            Height = 400,
        });
    }

    /// <summary>A population's 5th, 50th and 95th percentile of a metric at one dose.</summary>
    /// <param name="MgPerKg">The dose, mg/kg.</param>
    /// <param name="Bands">The population's percentiles there.</param>
    public sealed record DoseBand(double MgPerKg, PopulationBands Bands);

    /// <summary>Dose-response: peak CADSS (left) and the day-1 antidepressant change (right) against dose, the typical
    /// patient's curve, the population's 5-95% range where computed, the CADSS 4 line and the marked dose.</summary>
    public static PlotFigure DoseResponseEffects(DoseResponseResult sweep, IReadOnlyList<DoseBand> bands, double markedMgPerKg)
    {
        double[] doses = [.. sweep.Points.Select(p => p.Dose.Value)];
        var traces = new List<PlotTrace>();
        if (bands.Count > 1)
        {
            traces.AddRange(DoseBands("population 5-95%, peak CADSS", bands, m => m.PeakCadss, Dissociation, "cb", "x", "y"));
            traces.AddRange(DoseBands("population 5-95%, day-1 MADRS change", bands, m => m.AntidepressantDay1, Antidepressant, "ab", "x2", "y2"));
        }
        traces.Add(new PlotTrace { Mode = "lines", Name = "typical patient, peak CADSS", X = doses, Y = [.. sweep.Points.Select(p => p.PeakCadss)], Line = new PlotLine(Dissociation, 2.5) });
        traces.Add(new PlotTrace { Mode = "lines", Name = "typical patient, day-1 MADRS change", X = doses, Y = [.. sweep.Points.Select(p => p.Day1ChangeMadrs)], Xaxis = "x2", Yaxis = "y2", Line = new PlotLine(Antidepressant, 2.5) });
        return new PlotFigure(traces, new PlotLayout
        {
            Title = new("Dose-response: dissociation and the day-1 antidepressant effect (racemic IV over 40 min, PROVISIONAL effects)"),
            Xaxis = Axis("dose (mg/kg, log scale)") with { Type = "log", Domain = [0, 0.44] },
            Yaxis = Axis("peak CADSS (points)") with { Rangemode = "tozero" },
            Xaxis2 = Axis("dose (mg/kg, log scale)") with { Type = "log", Domain = [0.56, 1], Anchor = "y2" },
            Yaxis2 = Axis("MADRS change at day 1 (points; negative = better)") with { Anchor = "x2" },
            Shapes =
            [
                new PlotShape("line", "paper", "y", 0, 0.44, CadssThreshold, CadssThreshold, new PlotLine("#4a5560", 1.5, "dot")),
                new PlotShape("line", "x", "paper", markedMgPerKg, markedMgPerKg, 0, 1, new PlotLine("#000", 2, "dash")),
                new PlotShape("line", "x2", "paper", markedMgPerKg, markedMgPerKg, 0, 1, new PlotLine("#000", 2, "dash")),
            ],
            // On a log axis plotly places annotations at log10 of the value (shapes take the value itself).
            Annotations = [new PlotAnnotation(string.Create(CultureInfo.InvariantCulture, $"{markedMgPerKg:0.00} mg/kg"), Math.Log10(markedMgPerKg), 1, "x", "paper") { Xanchor = "left", Yanchor = "top" }],
            Height = 400,
        });
    }

    /// <summary>Dose-response of the peak concentration (Cmax) with the population's 5-95% range and the marked dose.</summary>
    public static PlotFigure DoseResponseCmax(DoseResponseResult sweep, IReadOnlyList<DoseBand> bands, double markedMgPerKg)
    {
        var traces = new List<PlotTrace>();
        if (bands.Count > 1) traces.AddRange(DoseBands("population 5-95%", bands, m => m.CmaxNgPerMl, Plasma, "pb", "x", "y"));
        traces.Add(new PlotTrace { Mode = "lines", Name = "typical patient", X = [.. sweep.Points.Select(p => p.Dose.Value)], Y = [.. sweep.Points.Select(p => p.CmaxNgPerMl)], Line = new PlotLine(Plasma, 2.5) });
        return new PlotFigure(traces, new PlotLayout
        {
            Title = new("Dose-response: peak plasma concentration (Cmax)"),
            Xaxis = Axis("dose (mg/kg, log scale)") with { Type = "log" },
            Yaxis = Axis("Cmax (ng/mL, log scale)") with { Type = "log" },
            Shapes = [new PlotShape("line", "x", "paper", markedMgPerKg, markedMgPerKg, 0, 1, new PlotLine("#000", 2, "dash"))],
        });
    }

    private static IEnumerable<PlotTrace> DoseBands(string name, IReadOnlyList<DoseBand> bands, Func<ArmMetrics, double> metric, string colour, string group, string xaxis, string yaxis)
    {
        double[] x = [.. bands.Select(b => b.MgPerKg)];
        var low = bands.Select(b => Math.Min(metric(b.Bands.P5), metric(b.Bands.P95))).ToImmutableArray();
        var high = bands.Select(b => Math.Max(metric(b.Bands.P5), metric(b.Bands.P95))).ToImmutableArray();
        return Band(name, [.. x], low, high, double.MaxValue, colour, group, xaxis, yaxis);
    }

    /// <summary>One trial: rated CADSS at the CADSS time against % change of the depression score at assessment <paramref name="k"/>.</summary>
    public static PlotFigure TrialScatter(TrialResult trial, int k, double r)
    {
        double[] x = [.. trial.Subjects.Select(s => s.CadssRated)];
        double[] y = [.. trial.Subjects.Select(s => s.PercentChanges[k])];
        string when = Durations.Prose(trial.Design.Assessments[k]);
        return new PlotFigure(
        [
            new PlotTrace { Mode = "markers", Name = "patients", X = x, Y = y, Marker = new(Dissociation, 8, 0.7), Hovertemplate = "CADSS %{x:.1f}<br>change %{y:.0f}%<extra></extra>" },
        ], new PlotLayout
        {
            Title = new(string.Create(CultureInfo.InvariantCulture, $"One simulated trial of {trial.Subjects.Length} patients: r = {r:0.00}")),
            Xaxis = Axis($"CADSS at {Durations.Prose(trial.Design.CadssTime)} (points)"),
            Yaxis = Axis($"% change of {TrialWording.ScaleLabel(trial.Design.Scale)} at {when} (negative = better)"),
        });
    }

    /// <summary>The histogram of replicate r, with the observed r marked.</summary>
    public static PlotFigure Histogram(HypothesisComparison comparison)
    {
        var values = comparison.R.Values;
        const double width = 0.025;
        int lo = (int)Math.Floor(values.Min() / width), hi = (int)Math.Floor(values.Max() / width);
        var counts = new double[hi - lo + 1];
        foreach (double v in values) counts[Math.Min((int)Math.Floor(v / width) - lo, counts.Length - 1)]++;
        double[] centres = [.. Enumerable.Range(lo, counts.Length).Select(b => (b + 0.5) * width)];
        double top = counts.Max();
        double observed = comparison.Observed.R;
        return new PlotFigure(
        [
            new PlotTrace { Type = "bar", Name = "simulated trials", X = centres, Y = counts, Width = width, Marker = new("#7f8c8d"), Hovertemplate = "r %{x:.3f}: %{y} trials<extra></extra>" },
        ], new PlotLayout
        {
            Title = new(string.Create(CultureInfo.InvariantCulture, $"r in {values.Length} simulated trials of {comparison.Observed.N} patients; observed r = {observed:0.00}")),
            Xaxis = Axis("r (CADSS vs % change; negative = more dissociation, more improvement)") with { Range = [-1, 1] },
            Yaxis = Axis("trials"),
            Shapes = [new PlotShape("line", "x", "y", observed, observed, 0, top * 1.05, new PlotLine("#000", 3, "dash"))],
            Annotations = [new PlotAnnotation(string.Create(CultureInfo.InvariantCulture, $"observed {observed:0.00}"), observed, top * 1.1, "x", "y")],
            Bargap = 0.05,
        });
    }

    /// <summary>Line styles of the frontier chart's assumptions: the palette, then the palette dashed.</summary>
    private static (string Colour, string? Dash) FrontierStyle(int i) => (ArmColours[i % ArmColours.Length], (i / ArmColours.Length) switch { 0 => null, 1 => "dash", _ => "dot" });

    /// <summary>
    /// What would it take: per assumption varied, the median r of the replicate trials at each level against its step from the
    /// default (0), with a ring on every setting compatible with the observation (two-sided p at least 0.05) and the observed r marked.
    /// </summary>
    /// <param name="result">The library's sensitivity analysis.</param>
    /// <param name="observation">Index of the observation in the analysis' settings.</param>
    public static PlotFigure Frontier(SensitivityResult result, int observation)
    {
        var observed = result.Settings.Observed[observation];
        var traces = new List<PlotTrace>();
        var ringX = new List<double>();
        var ringY = new List<double>();
        var ringText = new List<string>();
        for (int i = 0; i < result.Settings.Assumptions.Length; i++)
        {
            var a = result.Settings.Assumptions[i];
            var cells = result.CellsOf(a).ToList();
            int d = cells.FindIndex(c => c.Levels[0].IsDefault);
            double[] x = [.. cells.Select((_, k) => (double)(k - d))];
            double[] y = [.. cells.Select(c => c.Outcomes[observation].MedianR)];
            string[] text = [.. cells.Select(c => Invariant($"{SensitivitySettings.Token(a)} = {c.Levels[0].Label}: p {Fmt.P(c.Outcomes[observation].Compatibility)}"))];
            var (colour, dash) = FrontierStyle(i);
            traces.Add(new PlotTrace
            {
                Mode = "lines+markers", Name = SensitivitySettings.Token(a), X = x, Y = y, Text = text,
                Line = new PlotLine(colour, 2.5, dash), Marker = new(colour, 7), Hovertemplate = "%{text}<br>median r %{y:.3f}<extra></extra>",
            });
            for (int k = 0; k < cells.Count; k++)
                if (cells[k].Outcomes[observation].Verdict == CompatibilityVerdict.Compatible)
                {
                    ringX.Add(x[k]);
                    ringY.Add(y[k]);
                    ringText.Add(text[k]);
                }
        }
        traces.Add(new PlotTrace
        {
            Mode = "markers", Name = "compatible (p >= 0.05)", X = [.. ringX], Y = [.. ringY], Text = [.. ringText],
            Marker = new("#000000", 16) { Symbol = "circle-open" }, Hovertemplate = "%{text}: compatible<extra></extra>",
        });
        double left = traces.Where(t => t.X.Length > 0).Select(t => t.X.Min()).DefaultIfEmpty(-1).Min() - 0.3;
        double right = traces.Where(t => t.X.Length > 0).Select(t => t.X.Max()).DefaultIfEmpty(1).Max() + 0.3;
        return new PlotFigure(traces, new PlotLayout
        {
            Title = new(Invariant($"{result.Settings.Hypothesis.Name}: median r per setting; observed r = {observed.R:0.00} at {Durations.Prose(observed.Time)} (n {observed.N})")),
            Xaxis = Axis("steps from the current assumption (0 = default; negative = less, positive = more)"),
            Yaxis = Axis("median r of CADSS and % change") with { Zeroline = true },
            Shapes = [new PlotShape("line", "x", "y", left, right, observed.R, observed.R, new PlotLine("#000", 2, "dash"))],
            Annotations = [new PlotAnnotation(Invariant($"observed {observed.R:0.00}"), right, observed.R, "x", "y") { Xanchor = "right", Yanchor = "bottom" }],
            Height = 400,
        });
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string DrugName(ArmComparison arm) => arm.Arm.Drug == Drug.Esketamine ? "esketamine" : "ketamine";

    private static PlotAxis Axis(string title) => new() { Title = new(title), Zeroline = false };

    /// <summary>Number of leading times at or before <paramref name="hours"/>.</summary>
    private static int Count(ImmutableArray<double> times, double hours)
    {
        int n = 0;
        while (n < times.Length && times[n] <= hours + 1e-9) n++;
        return n;
    }

    private static PlotTrace Line(string name, ImmutableArray<double> t, ImmutableArray<double> y, double until, string colour, string? dash = null)
    {
        int n = Count(t, until);
        return new PlotTrace { Mode = "lines", Name = name, X = [.. t[..n]], Y = [.. y[..n]], Line = new PlotLine(colour, 2.5, dash) };
    }

    private static PlotTrace Path(string name, ImmutableArray<double> x, ImmutableArray<double> y, int n, string colour, string? dash) =>
        new() { Mode = "lines", Name = name, X = [.. x[..n]], Y = [.. y[..n]], Line = new PlotLine(colour, 2.5, dash) };

    /// <summary>A filled band between two curves: the lower edge (no legend) then the upper edge filled to it.</summary>
    private static IEnumerable<PlotTrace> Band(string name, ImmutableArray<double> t, ImmutableArray<double> low, ImmutableArray<double> high, double until,
        string colour, string group, string xaxis, string yaxis, bool legend = true)
    {
        int n = Count(t, until);
        double[] x = [.. t[..n]];
        double[] lower = [.. Enumerable.Range(0, n).Select(k => Math.Min(low[k], high[k]))];
        double[] upper = [.. Enumerable.Range(0, n).Select(k => Math.Max(low[k], high[k]))];
        string fill = colour + "33";
        yield return new PlotTrace { Mode = "lines", Name = name, X = x, Y = lower, Xaxis = xaxis, Yaxis = yaxis, Line = new PlotLine(fill, 0), Showlegend = false, Legendgroup = group };
        yield return new PlotTrace { Mode = "lines", Name = name, X = x, Y = upper, Xaxis = xaxis, Yaxis = yaxis, Line = new PlotLine(fill, 0), Fill = "tonexty", Fillcolor = fill, Showlegend = legend, Legendgroup = group };
    }
}

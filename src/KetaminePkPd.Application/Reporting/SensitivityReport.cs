namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The outputs of a <see cref="SensitivityResult.Run"/>: the report for people (settings, the one-at-a-time table, the
/// frontier in words, the pair grids), the JSON document (every cell and frontier) and the cells as a
/// <see cref="ResultTable"/> (one row per setting and observation). Each reads a <see cref="SensitivityResult"/>.
/// </summary>
public static class SensitivityReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly SensitivityJsonContext Context = new(TrialJsonParts.Relaxed(SensitivityJsonContext.Default.Options));

    /// <summary>How the settings share their random numbers, for the report and the JSON.</summary>
    public const string CommonRandomNumbers =
        "Common random numbers: every setting uses the same seed and streams, so patient i has the same standard-normal random effects " +
        "(a changed SD scales them), the same baseline and placebo draws (a changed mean or SD shifts or scales them) and the same dose-spread " +
        "draw, and replicate trial r enrols the same patients and rates them with the same noise; differences between settings are the " +
        "assumption's effect, not fresh Monte Carlo noise.";

    /// <summary>Every cell with its kind: the default, the one-at-a-time cells, the pair grid.</summary>
    private static IEnumerable<(string Kind, SensitivityCell Cell)> Cells(SensitivityResult result) =>
        new[] { ("default", result.Default) }
            .Concat(result.OneAtATime.Select(c => ("one-at-a-time", c)))
            .Concat(result.PairGrid.Select(c => ("pair", c)));

    /// <summary>
    /// The cells as a table, one row per setting and observation (the default, the one-at-a-time cells, the pair grid):
    /// kind; up to two assumptions with level label, value and multiplier; the observation (time, r, n); replicates; median
    /// r and its central 95%; the observed r's percentile; the two-sided p and its Monte Carlo SE; inside the central 95%; verdict.
    /// </summary>
    /// <param name="result">The analysis.</param>
    public static ResultTable CellTable(SensitivityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<System.Collections.Immutable.ImmutableArray<ResultValue>>();
        foreach (var (kind, cell) in Cells(result))
            foreach (var o in cell.Outcomes)
            {
                var row = new List<ResultValue> { kind };
                for (int k = 0; k < 2; k++)
                {
                    var l = k < cell.Levels.Length ? cell.Levels[k] : null;
                    row.AddRange(l is null ? ["", "", ResultValue.Empty, ResultValue.Empty] : [SensitivitySettings.Token(l.Assumption), l.Label, l.Value, l.Multiplier]);
                }
                var (lo, hi) = o.Interval95;
                var fit = o.Compatibility;
                row.AddRange([Durations.Format(o.Observed.Time), o.Observed.R, o.Observed.N, o.R.Count, o.MedianR, lo, hi, fit.PercentileRank,
                    fit.TwoSidedP, fit.StandardError, fit.IsInsideCentral95, TrialJsonParts.Token(o.Verdict)]);
                rows.Add([.. row]);
            }
        return new ResultTable("sensitivity cells", [.. CellColumns], [.. rows]);
    }

    private static readonly ResultColumn[] CellColumns =
    [
        new("kind", "default, one-at-a-time or pair"),
        new("assumption_1", "first assumption varied (empty for the default)"), new("level_1", "its level, in words"),
        new("value_1", "its value, in the assumption's unit"), new("multiplier_1", "its multiple of the design's value"),
        new("assumption_2", "second assumption (pair cells)"), new("level_2", "its level, in words"),
        new("value_2", "its value"), new("multiplier_2", "its multiple of the design's value"),
        new("time", "assessment time of the observation"), new("observed_r", "observed r (CADSS vs % change)"), new("observed_n", "patients behind it"),
        new("replicates", "replicate trials"), new("median_r", "median simulated r"), new("lower_95", "2.5th percentile of simulated r"),
        new("upper_95", "97.5th percentile of simulated r"), new("percentile", "observed r's percentile among the replicates"),
        new("two_sided_p", "two-sided compatibility p"), new("two_sided_p_se", "its Monte Carlo standard error"),
        new("inside_central_95", "observed r inside the central 95%"), new("verdict", "compatible, stronger, weaker or opposite-sign"),
    ];

    /// <summary>The JSON document: settings, a line that reproduces the run, every cell, the frontiers and the patient simulations (timing left out).</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="designKey">The design's key (e.g. <c>nimh</c>) or file as given.</param>
    /// <param name="designFile">Full path of the design's scenario file, or null for a built-in design.</param>
    /// <param name="reproduce">A command line (or other text) that reproduces the run.</param>
    /// <param name="plotFiles">Figures written, full paths (optional).</param>
    /// <exception cref="NonFiniteResultException">A value is NaN or infinite.</exception>
    public static string ToJson(SensitivityResult result, string designKey, string? designFile, string reproduce, IEnumerable<string>? plotFiles = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var cells = new List<SensitivityCellJson>();
        foreach (var (kind, cell) in Cells(result))
            foreach (var o in cell.Outcomes)
            {
                var (lo, hi) = o.Interval95;
                var fit = o.Compatibility;
                foreach (double v in (double[])[o.MedianR, lo, hi, fit.PercentileRank, fit.TwoSidedP, fit.StandardError])
                    if (!double.IsFinite(v)) throw new NonFiniteResultException($"setting {cell} gave a non-finite value ({v}); nothing was written.");
                cells.Add(new SensitivityCellJson(kind, [.. cell.Levels.Select(Level)], Durations.Format(o.Observed.Time), o.Observed.Time.TotalHours,
                    o.Observed.R, o.Observed.N, o.R.Count, o.MedianR, new IntervalJson(lo, hi), fit.PercentileRank, fit.TwoSidedP, fit.StandardError,
                    fit.IsInsideCentral95, TrialJsonParts.Token(o.Verdict)));
            }
        var json = new SensitivityJson(s.Seed, TrialJsonParts.ModelVersion,
            new SensitivitySettingsJson(s.Design.Name, designKey, designFile, HypothesisJson.Of(s.Hypothesis), Observed(s.Observed),
                [.. s.Assumptions.Select(SensitivitySettings.Token)], s.Pair is { } p ? [SensitivitySettings.Token(p.First), SensitivitySettings.Token(p.Second)] : null,
                s.Replicates, s.PoolSize, s.Seed),
            reproduce, TrialWording.SignConvention(s.Design), CommonRandomNumbers, cells,
            [.. result.Frontiers.Select(f => new SensitivityFrontierJson(SensitivitySettings.Token(f.Assumption), f.Observed is { } o ? Durations.Format(o.Time) : null,
                f.DefaultIsCompatible, f.Below is { } b ? Level(b) : null, f.Above is { } a ? Level(a) : null, Frontier(f, result)))],
            result.SubjectSimulations, [.. plotFiles ?? []]);
        return JsonSerializer.Serialize(json, Context.SensitivityJson);
    }

    /// <summary>The report: settings, the one-at-a-time table, the frontier in words, the pair grids and the timing.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="designOrigin">Where the design comes from, e.g. <c>nimh (built in)</c>.</param>
    public static Report Build(SensitivityResult result, string designOrigin)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var design = s.Design;
        var report = new ReportBuilder($"Sensitivity: what would it take for {s.Hypothesis.Name} to produce the observed correlation?")
            .Fact("Design", $"{design.Name} [{designOrigin}]")
            .Fact("Hypothesis", TrialWording.Hypothesis(s.Hypothesis))
            .Fact("Observed", string.Join("\n", s.Observed.Select(o => $"r = {Formatting.R(o.R)} at {Formatting.Span(o.Time)}, n = {o.N.ToString(Inv)} ({o.Source})")))
            .Fact("Defaults", $"{TrialWording.Population(design.Population)}; {design.Clinical}; CADSS at {Formatting.Span(design.CadssTime)}")
            .Fact("Replicates", $"{s.Replicates.ToString(Inv)} trials per setting and observation, from pools of {s.PoolSize.ToString(Inv)} patients " +
                "(a new pool only when the pharmacology changes)")
            .Fact("Seed", $"{s.Seed.ToString(Inv)} (the same seed gives the same result)")
            .Text(CommonRandomNumbers);

        if (!s.Assumptions.IsEmpty)
        {
            var columns = new List<ReportColumn> { new("Assumption"), new("Setting") };
            foreach (var o in s.Observed) columns.AddRange([ReportColumn.Number($"{Formatting.Span(o.Time)}\nmedian r"), new($"r = {Formatting.R(o.R)}\np, verdict")]);
            var rows = s.Assumptions.SelectMany(a => result.CellsOf(a).Select((cell, i) => (IEnumerable<string>)
                [i == 0 ? SensitivitySettings.Token(a) : "", cell.Levels[0].Label,
                 .. cell.Outcomes.SelectMany(o => new[] { Formatting.R(o.MedianR), $"{ShortP(o.Compatibility.TwoSidedP, s.Replicates)} {TrialWording.Verdict(o.Verdict)}" })]));
            report.Table($"One assumption at a time: median r and two-sided p of each observation under {s.Hypothesis.Name}", columns, rows)
                .Text("p: two-sided compatibility p of the observed r (twice the smaller tail of the simulated r; Monte Carlo SE about " +
                    $"{(2 * Math.Sqrt(0.025 * 0.975 / s.Replicates)).ToString("0.000", Inv)} near p = 0.05). Ranges are multiples of the design's current values (docs/sensitivity.md).")
                .Heading($"What it would take for {s.Hypothesis.Name} to be compatible (two-sided p >= 0.05), changing one assumption from its default:");
            foreach (var a in s.Assumptions)
            {
                var levels = result.CellsOf(a).Select(c => c.Levels[0]).ToList();
                var frontiers = result.Frontiers.Where(f => f.Assumption == a).ToList();
                string range = $"{SensitivitySettings.Token(a)}, {SensitivitySettings.Describe(a)}, from {levels[0].Label} to {levels[^1].Label}";
                report.Text(frontiers.All(f => !f.IsReachable) ? $"- {range}: none within the range."
                    : frontiers.All(f => f.DefaultIsCompatible) ? $"- {range}: already compatible at the default."
                    : $"- {range}: {string.Join("; ", frontiers.Select(f => $"{(f.Observed is { } o ? Formatting.Span(o.Time) : "all at once")}: {Frontier(f, result, brief: true)}"))}.");
            }
        }

        if (s.Pair is { } pair)
        {
            var xs = result.PairGrid.Select(c => c.Levels[1]).DistinctBy(l => l.Index).OrderBy(l => l.Index).ToList();
            foreach (var o in s.Observed)
                report.Table($"{SensitivitySettings.Describe(pair.First)} (rows) x {SensitivitySettings.Describe(pair.Second)} (columns): two-sided p of r = {Formatting.R(o.R)} at {Formatting.Span(o.Time)}",
                    [new($"{SensitivitySettings.Token(pair.First)} \\ {SensitivitySettings.Token(pair.Second)}"), .. xs.Select(x => ReportColumn.Number(x.Label))],
                    result.PairGrid.GroupBy(c => c.Levels[0].Index).Select(row => (IEnumerable<string>)[row.First().Levels[0].Label,
                        .. row.Select(c => ShortP(c[o].Compatibility.TwoSidedP, s.Replicates) + (c[o].Verdict == CompatibilityVerdict.Compatible ? " ok" : ""))]));
            report.Text("ok: compatible (two-sided p >= 0.05).");
        }

        return report.Text($"Done in {result.Elapsed.TotalSeconds.ToString("0.0", Inv)} s: {result.SubjectSimulations.ToString("N0", Inv)} patient simulations, " +
            $"{(Cells(result).Sum(c => c.Cell.Outcomes.Length) * (long)s.Replicates).ToString("N0", Inv)} replicate trials. The JSON and CSV outputs give every cell.").Build();
    }

    /// <summary>A frontier in words: <c>already compatible</c>, <c>none within the range (SD 0 to SD 16)</c>, or the nearest compatible level(s).</summary>
    internal static string Frontier(SensitivityFrontier f, SensitivityResult result, bool brief = false)
    {
        if (f.DefaultIsCompatible) return "already compatible at the default";
        if (!f.IsReachable)
        {
            if (brief) return "none within the range";
            var levels = result.CellsOf(f.Assumption).Select(c => c.Levels[0]).ToList();
            return levels.Count == 0 ? "none within the range" : $"none within the range ({levels[0].Label} to {levels[^1].Label})";
        }
        return string.Join(" or ", new[] { f.Below, f.Above }.Where(l => l is not null).Select(l => l!.Label));
    }

    /// <summary>A two-sided p for a table cell: 0.000 below 0.1, 0.00 above, <c>&lt;2/n</c> when no replicate came that far.</summary>
    internal static string ShortP(double p, int replicates) =>
        p == 0 ? "<" + (2.0 / replicates).ToString("0.####", Inv) : p.ToString(p < 0.1 ? "0.000" : "0.00", Inv);

    internal static List<ObservedJson> Observed(IEnumerable<ObservedCorrelation> observed) => [.. observed.Select(ObservedJson.Of)];

    private static SensitivityLevelJson Level(SensitivityLevel l) => new(SensitivitySettings.Token(l.Assumption), l.Index, l.Label, l.Value, l.Multiplier, l.IsDefault);
}

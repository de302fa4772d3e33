using System.Globalization;
using System.Text;
using System.Text.Json;
using KetaminePkPd.Cli.Commands;
using KetaminePkPd.Trials;
using nietras.SeparatedValues;
using Spectre.Console;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>The readable report, the JSON object and the CSV of one <c>sensitivity</c> run.</summary>
internal static class SensitivityReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>How the settings share their random numbers, for the report and the JSON.</summary>
    public const string CommonRandomNumbers =
        "Common random numbers: every setting uses the same seed and streams, so patient i has the same standard-normal random effects " +
        "(a changed SD scales them), the same baseline and placebo draws (a changed mean or SD shifts or scales them) and the same dose-spread " +
        "draw, and replicate trial r enrols the same patients and rates them with the same noise; differences between settings are the " +
        "assumption's effect, not fresh Monte Carlo noise.";

    /// <summary>The CSV columns, one row per cell and observation.</summary>
    public static readonly string[] Columns =
    [
        "kind", "assumption_1", "level_1", "value_1", "multiplier_1", "assumption_2", "level_2", "value_2", "multiplier_2",
        "time", "observed_r", "observed_n", "replicates", "median_r", "lower_95", "upper_95", "percentile", "two_sided_p", "two_sided_p_se",
        "inside_central_95", "verdict",
    ];

    /// <summary>Every cell with its kind: the default, the one-at-a-time cells, the pair grid.</summary>
    private static IEnumerable<(string Kind, SensitivityCell Cell)> Cells(SensitivityResult result) =>
        new[] { ("default", result.Default) }
            .Concat(result.OneAtATime.Select(c => ("one-at-a-time", c)))
            .Concat(result.PairGrid.Select(c => ("pair", c)));

    /// <summary>Builds the JSON object (without timing).</summary>
    /// <exception cref="NonFiniteResultException">A value is NaN or infinite.</exception>
    public static SensitivityJson ToJson(SensitivityInputs inputs, SensitivityResult result)
    {
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
                    fit.IsInsideCentral95, HypothesisReport.VerdictToken(o.Verdict)));
            }
        var design = s.Design;
        return new SensitivityJson(
            Seed: s.Seed,
            ModelVersion: SimulationReport.LibraryVersion,
            Settings: new SensitivitySettingsJson(design.Name, inputs.Choice.Token, inputs.Choice.FilePath, HypothesisJson.Of(s.Hypothesis),
                [.. s.Observed.Select(o => new ObservedJson(Durations.Format(o.Time), o.Time.TotalHours, o.R, o.N, o.Source))],
                [.. s.Assumptions.Select(SensitivityRanges.Token)], s.Pair is { } p ? [SensitivityRanges.Token(p.First), SensitivityRanges.Token(p.Second)] : null,
                s.Replicates, s.PoolSize, s.Seed),
            Reproduce: inputs.Reproduce,
            SignConvention: TrialWording.SignConvention(design),
            CommonRandomNumbers: CommonRandomNumbers,
            Cells: cells,
            Frontiers: [.. result.Frontiers.Select(f => new SensitivityFrontierJson(SensitivityRanges.Token(f.Assumption), f.Observed is { } o ? Durations.Format(o.Time) : null,
                f.DefaultIsCompatible, f.Below is { } b ? Level(b) : null, f.Above is { } a ? Level(a) : null, Frontier(f, result)))],
            SubjectSimulations: result.SubjectSimulations);
    }

    /// <summary>Writes the JSON object and a newline.</summary>
    public static void WriteJson(SensitivityJson json, TextWriter stdout)
    {
        var context = new SensitivityJsonContext(new JsonSerializerOptions(SensitivityJsonContext.Default.Options)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        stdout.WriteLine(JsonSerializer.Serialize(json, context.SensitivityJson));
        stdout.Flush();
    }

    /// <summary>Writes a header row and one row per cell and observation (default, one-at-a-time cells, pair grid).</summary>
    /// <exception cref="NonFiniteResultException">A value is NaN or infinite (checked before anything is written).</exception>
    public static void WriteCsv(SensitivityResult result, Stream stream)
    {
        foreach (var (_, cell) in Cells(result))
            foreach (var o in cell.Outcomes)
                if (!double.IsFinite(o.MedianR) || !double.IsFinite(o.Compatibility.TwoSidedP))
                    throw new NonFiniteResultException($"setting {cell} gave a non-finite value; nothing was written.");
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        using (var writer = Sep.New(',').Writer(o => o with { CultureInfo = Inv, Escape = true }).To(text, leaveOpen: true))
        {
            writer.Header.Add(Columns);
            foreach (var (kind, cell) in Cells(result))
                foreach (var o in cell.Outcomes)
                {
                    using var row = writer.NewRow();
                    int c = 0;
                    row[c++].Set(kind);
                    for (int k = 0; k < 2; k++)
                    {
                        var l = k < cell.Levels.Length ? cell.Levels[k] : null;
                        row[c++].Set(l is null ? "" : SensitivityRanges.Token(l.Assumption));
                        row[c++].Set(l?.Label ?? "");
                        if (l is null) { row[c++].Set(""); row[c++].Set(""); }
                        else { row[c++].Format(l.Value); row[c++].Format(l.Multiplier); }
                    }
                    var (lo, hi) = o.Interval95;
                    var fit = o.Compatibility;
                    row[c++].Set(Durations.Format(o.Observed.Time));
                    row[c++].Format(o.Observed.R);
                    row[c++].Format(o.Observed.N);
                    row[c++].Format(o.R.Count);
                    foreach (double v in (double[])[o.MedianR, lo, hi, fit.PercentileRank, fit.TwoSidedP, fit.StandardError]) row[c++].Format(v);
                    row[c++].Set(fit.IsInsideCentral95 ? "true" : "false");
                    row[c++].Set(HypothesisReport.VerdictToken(o.Verdict));
                }
        }
        text.Flush();
    }

    /// <summary>Writes the report: header, the one-at-a-time table, the frontier in words, the pair grids and the timing.</summary>
    public static void WriteReport(IAnsiConsole console, SensitivityInputs inputs, SensitivityResult result)
    {
        var s = result.Settings;
        var design = s.Design;
        console.MarkupLine($"[bold]ketamine-pkpd sensitivity[/]: what would it take for {Markup.Escape(s.Hypothesis.Name)} to produce the observed correlation?");
        console.WriteLine();
        var about = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Row(about, "Design", $"{design.Name} [{inputs.Choice.Origin}]");
        Row(about, "Hypothesis", TrialWording.Hypothesis(s.Hypothesis));
        Row(about, "Observed", string.Join("\n", s.Observed.Select(o => $"r = {Formatting.R(o.R)} at {Formatting.Span(o.Time)}, n = {o.N.ToString(Inv)} ({o.Source})")));
        Row(about, "Defaults", $"{TrialWording.Population(design.Population)}; {design.Clinical}; CADSS at {Formatting.Span(design.CadssTime)}");
        Row(about, "Replicates", $"{s.Replicates.ToString(Inv)} trials per setting and observation, from pools of {s.PoolSize.ToString(Inv)} patients " +
            "(a new pool only when the pharmacology changes)");
        Row(about, "Seed", $"{s.Seed.ToString(Inv)} (the same seed gives the same result)");
        console.Write(about);
        console.WriteLine(CommonRandomNumbers);
        console.WriteLine();

        if (!s.Assumptions.IsEmpty)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"One assumption at a time: median r and two-sided p of each observation under {s.Hypothesis.Name}");
            table.AddColumn(new TableColumn("Assumption").NoWrap());
            table.AddColumn(new TableColumn("Setting").NoWrap());
            foreach (var o in s.Observed)
            {
                table.AddColumn(new TableColumn($"{Formatting.Span(o.Time)}\nmedian r").RightAligned());
                table.AddColumn(new TableColumn($"r = {Formatting.R(o.R)}\np, verdict").NoWrap());
            }
            foreach (var a in s.Assumptions)
            {
                bool first = true;
                foreach (var cell in result.CellsOf(a))
                {
                    var cells = new List<string> { first ? SensitivityRanges.Token(a) : "", cell.Levels[0].Label };
                    foreach (var o in cell.Outcomes)
                    {
                        cells.Add(Formatting.R(o.MedianR));
                        cells.Add($"{Short(o.Compatibility, s.Replicates)} {HypothesisReport.VerdictText(o.Verdict)}");
                    }
                    table.AddRow(TrialReport.Cells([.. cells]));
                    first = false;
                }
            }
            console.Write(table);
            console.WriteLine("p: two-sided compatibility p of the observed r (twice the smaller tail of the simulated r; Monte Carlo SE about " +
                $"{(2 * Math.Sqrt(0.025 * 0.975 / s.Replicates)).ToString("0.000", Inv)} near p = 0.05). Ranges are multiples of the design's current values (docs/sensitivity.md).");
            console.WriteLine();

            console.MarkupLine($"[bold]What it would take[/] for {Markup.Escape(s.Hypothesis.Name)} to be compatible (two-sided p >= 0.05), changing one assumption from its default:");
            foreach (var a in s.Assumptions)
            {
                var levels = result.CellsOf(a).Select(c => c.Levels[0]).ToList();
                var frontiers = result.Frontiers.Where(f => f.Assumption == a).ToList();
                string range = $"{SensitivityRanges.Token(a)}, {SensitivityRanges.Describe(a)}, from {levels[0].Label} to {levels[^1].Label}";
                if (frontiers.All(f => !f.IsReachable)) console.WriteLine($"- {range}: none within the range.");
                else if (frontiers.All(f => f.DefaultIsCompatible)) console.WriteLine($"- {range}: already compatible at the default.");
                else
                {
                    var parts = frontiers.Select(f => $"{(f.Observed is { } o ? Formatting.Span(o.Time) : "all at once")}: {Frontier(f, result, brief: true)}");
                    console.WriteLine($"- {range}: {string.Join("; ", parts)}.");
                }
            }
            console.WriteLine();
        }

        if (s.Pair is { } pair)
        {
            var xs = result.PairGrid.Select(c => c.Levels[1]).DistinctBy(l => l.Index).OrderBy(l => l.Index).ToList();
            foreach (var o in s.Observed)
            {
                var grid = new Table().Border(TableBorder.Rounded)
                    .Title($"{SensitivityRanges.Describe(pair.First)} (rows) x {SensitivityRanges.Describe(pair.Second)} (columns): two-sided p of r = {Formatting.R(o.R)} at {Formatting.Span(o.Time)}");
                grid.AddColumn(new TableColumn(""));
                foreach (var x in xs) grid.AddColumn(new TableColumn(x.Label).RightAligned());
                foreach (var rowCells in result.PairGrid.GroupBy(c => c.Levels[0].Index))
                    grid.AddRow(TrialReport.Cells([rowCells.First().Levels[0].Label, .. rowCells.Select(c => Short(c[o].Compatibility, s.Replicates) + (c[o].Verdict == CompatibilityVerdict.Compatible ? " ok" : ""))]));
                console.Write(grid);
            }
            console.WriteLine("ok: compatible (two-sided p >= 0.05).");
            console.WriteLine();
        }

        console.WriteLine($"Done in {result.Elapsed.TotalSeconds.ToString("0.0", Inv)} s: {result.SubjectSimulations.ToString("N0", Inv)} patient simulations, " +
            $"{(Cells(result).Sum(c => c.Cell.Outcomes.Length) * (long)s.Replicates).ToString("N0", Inv)} replicate trials. --json and --out give every cell.");
    }

    /// <summary>A frontier in words: <c>already compatible</c>, <c>none within the range (SD 0 to SD 16)</c>, or the nearest compatible level(s).</summary>
    public static string Frontier(SensitivityFrontier f, SensitivityResult result, bool brief = false)
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

    private static SensitivityLevelJson Level(SensitivityLevel l) => new(SensitivityRanges.Token(l.Assumption), l.Index, l.Label, l.Value, l.Multiplier, l.IsDefault);

    private static string Short(KetaminePkPd.Statistics.Compatibility c, int replicates) =>
        c.TwoSidedP == 0 ? "<" + (2.0 / replicates).ToString("0.####", Inv) : c.TwoSidedP.ToString(c.TwoSidedP < 0.1 ? "0.000" : "0.00", Inv);

    private static void Row(Grid grid, string label, string value) => grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));
}

using System.Globalization;
using KetaminePkPd.Cli.Commands;
using KetaminePkPd.Trials;
using Spectre.Console;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>The readable report and the JSON object of one <c>hypothesis</c> run.</summary>
internal static class HypothesisReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Builds the JSON object (without timing, so the same settings give the same bytes).</summary>
    /// <exception cref="NonFiniteResultException">A comparison value is NaN or infinite.</exception>
    public static HypothesisTestJson ToJson(HypothesisInputs inputs, HypothesisTestResult result)
    {
        var s = result.Settings;
        var design = s.Design;
        var comparisons = result.Comparisons.Select(c =>
        {
            var (lo, hi) = c.Interval95;
            var fit = c.Compatibility;
            foreach (double v in (double[])[c.MedianR, lo, hi, c.ProbabilityAtLeastAsStrong, c.MedianPartialR, fit.TwoSidedP, fit.StandardError, fit.PercentileRank])
                if (!double.IsFinite(v)) throw new NonFiniteResultException($"hypothesis {c.Hypothesis.Name} gave a non-finite value ({v}); nothing was written.");
            return new ComparisonJson(c.Hypothesis.Name, Durations.Format(c.Observed.Time), c.Observed.Time.TotalHours, c.Observed.R, c.Observed.N, c.R.Count,
                c.MedianR, new IntervalJson(lo, hi), fit.PercentileRank, fit.TwoSidedP, fit.StandardError, fit.IsInsideCentral95, VerdictToken(c.Verdict),
                c.ProbabilityAtLeastAsStrong, c.MedianPartialR, c.Reading)
            { UndefinedR = c.UndefinedR, UndefinedPartialR = c.UndefinedPartialR };
        }).ToList();
        return new HypothesisTestJson(
            Seed: s.Seed,
            ModelVersion: SimulationReport.LibraryVersion,
            Settings: new HypothesisSettingsJson(design.Name, inputs.Choice.Token, inputs.Choice.FilePath, [.. s.Hypotheses.Select(HypothesisJson.Of)],
                [.. s.Observed.Select(o => new ObservedJson(Durations.Format(o.Time), o.Time.TotalHours, o.R, o.N, o.Source))],
                s.Replicates, s.PoolSize, s.Seed, s.Alpha, s.Power),
            DiffersFromDefaults: inputs.DiffersFromDefaults(),
            Reproduce: inputs.Reproduce(),
            SignConvention: TrialWording.SignConvention(design),
            Comparisons: comparisons,
            SampleSizes: [.. result.SampleSizes.Select(z => new SampleSizeJson(Durations.Format(z.Time), z.Time.TotalHours, z.Reference, z.Alternative,
                z.ReferenceMedianR, z.AlternativeMedianR, z.Subjects, s.Power, s.Alpha))],
            SubjectSimulations: result.SubjectSimulations,
            ReplicateTrials: (long)s.Replicates * result.Comparisons.Length,
            Population: TrialWording.Population(design.Population),
            Clinical: design.Clinical.ToString(),
            ProvisionalParameters: [.. TrialWording.ProvisionalParameters(design).Select(ParameterJson.Of)]);
    }

    /// <summary>
    /// Writes the report: header (design, observations, settings, sign convention), one table per observation, the
    /// sample sizes, the reading of each comparison and a closing line with the timing.
    /// </summary>
    public static void WriteReport(IAnsiConsole console, HypothesisInputs inputs, HypothesisTestResult result)
    {
        var s = result.Settings;
        var design = s.Design;
        string scale = design.Scale.Label();
        console.MarkupLine("[bold]ketamine-pkpd hypothesis[/]: does shared exposure alone explain the dissociation-response correlation?");
        console.WriteLine();

        var about = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Row(about, "Design", $"{design.Name} [{inputs.Choice.Origin}]");
        Row(about, "Arms", string.Join("\n", design.Arms.Select(TrialWording.Arm)));
        Row(about, "Ratings", TrialWording.Ratings(design));
        Row(about, "Population", TrialWording.Population(design.Population));
        Row(about, "Clinical", design.Clinical.ToString());
        Row(about, "Observed", string.Join("\n", s.Observed.Select(o =>
            $"r = {Formatting.R(o.R)} at {Formatting.Span(o.Time)}, n = {o.N.ToString(Inv)} ({o.Source})")));
        Row(about, "Hypotheses", string.Join("\n", s.Hypotheses.Select(TrialWording.Hypothesis)));
        Row(about, "Replicates", $"{s.Replicates.ToString(Inv)} trials per hypothesis and observation, each enrolling the observed n from a pool of " +
            $"{s.PoolSize.ToString(Inv)} patients simulated once per hypothesis (fresh rating noise in every trial)");
        Row(about, "Seed", $"{s.Seed.ToString(Inv)} (the same seed gives the same result)");
        console.Write(about);
        console.WriteLine(TrialWording.SignConvention(design));
        console.MarkupLine("[bold yellow]" + Markup.Escape(TrialWording.ProvisionalLine(design, s.Hypotheses)) + "[/]");
        console.WriteLine();

        foreach (var o in s.Observed)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"{Formatting.Span(o.Time)}: observed r = {Formatting.R(o.R)} (n = {o.N.ToString(Inv)}), {s.Replicates.ToString(Inv)} simulated trials of {o.N.ToString(Inv)} patients per hypothesis");
            table.AddColumn(new TableColumn("Hypothesis").NoWrap());
            table.AddColumn(new TableColumn("Median\nr").RightAligned());
            table.AddColumn(new TableColumn("95% of trials").RightAligned());
            table.AddColumn(new TableColumn("Observed\nat pct.").RightAligned());
            table.AddColumn(new TableColumn("Two-sided p\n\u00b1 MC SE").RightAligned());
            table.AddColumn(new TableColumn("Verdict"));
            table.AddColumn(new TableColumn("Partial\nr | C").RightAligned());
            foreach (var c in result.Comparisons.Where(c => c.Observed == o))
            {
                var (lo, hi) = c.Interval95;
                table.AddRow(TrialReport.Cells(c.Hypothesis.Name, Formatting.R(c.MedianR), Formatting.Interval(lo, hi),
                    Formatting.Percentile(c.Compatibility.PercentileRank), TwoSidedP(c.Compatibility), VerdictText(c.Verdict), Formatting.R(c.MedianPartialR)));
            }
            console.Write(table);
            foreach (var c in result.Comparisons.Where(c => c.Observed == o && (c.UndefinedR > 0 || c.UndefinedPartialR > 0)))
                console.WriteLine($"{c.Hypothesis.Name}: r undefined in {c.UndefinedR.ToString("N0", Inv)} and partial r in {c.UndefinedPartialR.ToString("N0", Inv)} " +
                    $"of {s.Replicates.ToString("N0", Inv)} trials (a constant column in a trial of {o.N} patients); left out of the columns above.");
        }
        console.WriteLine($"r is CADSS at {Formatting.Span(design.CadssTime)} vs % change of {scale}; hypotheses at the strengths listed above. Observed at pct.: where the observed r falls among the simulated " +
            "trials. Two-sided p: twice the smaller tail, with its Monte Carlo standard error; below 0.05 the observation is incompatible with the " +
            "hypothesis, stronger (further from zero) or weaker (closer to zero) than it produces. Partial r | C: median r holding the plasma concentration C " +
            "at the CADSS time fixed. --json also gives the one-sided share of trials at least as strong as observed.");
        console.WriteLine();

        var sizes = new Table().Border(TableBorder.Rounded)
            .Title("Trial size to tell each hypothesis from exposure-only");
        sizes.AddColumn(new TableColumn("Time").RightAligned());
        sizes.AddColumn(new TableColumn("Hypothesis"));
        sizes.AddColumn(new TableColumn("Median r").RightAligned());
        sizes.AddColumn(new TableColumn("Median r\nexposure-only").RightAligned());
        sizes.AddColumn(new TableColumn("Patients").RightAligned());
        foreach (var z in result.SampleSizes)
            sizes.AddRow(TrialReport.Cells(Formatting.Span(z.Time), z.Alternative, Formatting.R(z.AlternativeMedianR), Formatting.R(z.ReferenceMedianR),
                z.Subjects is { } n ? n.ToString("N0", Inv) : "cannot tell apart"));
        if (result.SampleSizes.IsEmpty)
            console.WriteLine("Sample sizes: none, as they are computed against exposure-only; add --hypothesis exposure-only to get them.");
        else
        {
            console.Write(sizes);
            console.WriteLine($"Patients for {(s.Power * 100).ToString("0", Inv)}% power at two-sided alpha {s.Alpha.ToString("0.###", Inv)}, in a one-sample Fisher z test of a " +
                "trial's r against the median r under exposure-only; \"cannot tell apart\": the medians are too close.");
        }
        console.WriteLine();

        console.MarkupLine("[bold]Reading[/]");
        foreach (var c in result.Comparisons)
        {
            console.Write(new Paragraph()
                .Append($"{TrialWording.NameWithStrengths(c.Hypothesis)}, {Formatting.Span(c.Observed.Time)}: ", new Style(decoration: Decoration.Bold))
                .Append(c.Reading));
            console.WriteLine();
            console.WriteLine();
        }

        double seconds = result.Elapsed.TotalSeconds;
        long trials = (long)s.Replicates * result.Comparisons.Length;
        string rate = seconds > 0 ? (result.SubjectSimulations / seconds).ToString("N0", Inv) : "n/a";
        console.WriteLine($"Done in {seconds.ToString("0.0", Inv)} s: {result.SubjectSimulations.ToString("N0", Inv)} patient simulations ({rate} per second), " +
            $"{trials.ToString("N0", Inv)} replicate trials. --json gives every number above.");
    }

    /// <summary>The --plot figure of one observation: histograms of the replicate r under each hypothesis, the observed r marked.</summary>
    public static ScottPlot.Plot HistogramPlot(HypothesisTestResult result, ObservedCorrelation observed)
    {
        var design = result.Settings.Design;
        var rows = result.Comparisons.Where(c => c.Observed == observed).ToList();
        return KetaminePkPd.Plotting.Charts.Histograms(rows.Select(c => ($"{TrialWording.NameWithStrengths(c.Hypothesis)}: p {TwoSidedP(c.Compatibility)}, {VerdictText(c.Verdict)}",
                (IReadOnlyList<double>)c.R.Values)), observed.R,
            $"r of CADSS ({Formatting.Span(design.CadssTime)}) with % change of {design.Scale.Label()} at {Formatting.Span(observed.Time)}",
            $"{result.Settings.Replicates.ToString("N0", Inv)} simulated trials of {observed.N.ToString(Inv)} patients per hypothesis, {Formatting.Span(observed.Time)}");
    }

    /// <summary>A two-sided p for a table cell: <c>0.008±0.002</c>, or <c>&lt; 0.001</c> (2/n) when no replicate came that far.</summary>
    internal static string TwoSidedP(KetaminePkPd.Statistics.Compatibility c)
    {
        if (c.TwoSidedP == 0) return $"< {c.UpperBound.ToString("0.####", Inv)}";
        string format = c.TwoSidedP < 0.1 ? "0.000" : "0.00";
        return $"{c.TwoSidedP.ToString(format, Inv)}\u00b1{c.StandardError.ToString(format, Inv)}";
    }

    /// <summary>The verdict for a table cell: <c>compatible</c>, <c>stronger</c>, <c>weaker</c>, <c>opposite sign</c>.</summary>
    internal static string VerdictText(CompatibilityVerdict v) => v switch
    {
        CompatibilityVerdict.Compatible => "compatible",
        CompatibilityVerdict.Stronger => "stronger",
        CompatibilityVerdict.Weaker => "weaker",
        _ => "opposite sign",
    };

    /// <summary>The verdict as a JSON token: <c>compatible</c>, <c>stronger</c>, <c>weaker</c>, <c>opposite-sign</c>.</summary>
    internal static string VerdictToken(CompatibilityVerdict v) => VerdictText(v).Replace(' ', '-');

    private static void Row(Grid grid, string label, string value) => grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));
}

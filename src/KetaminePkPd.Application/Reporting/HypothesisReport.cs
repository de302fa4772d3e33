using KetaminePkPd.Application;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The outputs of one hypothesis test (<see cref="HypothesisTestResult.Run"/> of a <see cref="HypothesisRequest"/>): the
/// readable <see cref="Report"/>, the JSON document and the <see cref="ResultTable"/> of every replicate trial's r, so
/// that the sampling distributions can be redrawn. r is CADSS against % change (negative = more dissociation, more improvement).
/// </summary>
public static class HypothesisReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly HypothesisJsonContext Json = new(TrialJsonParts.Relaxed(HypothesisJsonContext.Default.Options));

    /// <summary>
    /// The readable report: header (design, observations, settings, sign convention, PROVISIONAL), one table per
    /// observation, the sample sizes, the reading of each comparison and a closing line with the timing.
    /// </summary>
    public static Report Build(HypothesisRequest request, HypothesisTestResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var design = s.Design;
        var b = new ReportBuilder("ketamine-pkpd hypothesis: does shared exposure alone explain the dissociation-response correlation?")
            .Fact("Design", $"{design.Name} [{request.Choice.Origin}]")
            .Fact("Arms", string.Join("\n", design.Arms.Select(TrialWording.Arm)))
            .Fact("Ratings", TrialWording.Ratings(design))
            .Fact("Population", TrialWording.Population(design.Population))
            .Fact("Clinical", design.Clinical.ToString())
            .Fact("Observed", string.Join("\n", s.Observed.Select(o => $"r = {Formatting.R(o.R)} at {Formatting.Span(o.Time)}, n = {o.N.ToString(Inv)} ({o.Source})")))
            .Fact("Hypotheses", string.Join("\n", s.Hypotheses.Select(TrialWording.Hypothesis)))
            .Fact("Replicates", $"{s.Replicates.ToString(Inv)} trials per hypothesis and observation, each enrolling the observed n from a pool of " +
                $"{s.PoolSize.ToString(Inv)} patients simulated once per hypothesis (fresh rating noise in every trial)")
            .Fact("Seed", $"{s.Seed.ToString(Inv)} (the same seed gives the same result)")
            .Text(TrialWording.SignConvention(design))
            .Provisional(TrialWording.ProvisionalLine(design, s.Hypotheses));

        foreach (var o in s.Observed)
        {
            var rows = result.Comparisons.Where(c => c.Observed == o).ToList();
            b.Table($"{Formatting.Span(o.Time)}: observed r = {Formatting.R(o.R)} (n = {o.N.ToString(Inv)}), {s.Replicates.ToString(Inv)} simulated trials of {o.N.ToString(Inv)} patients per hypothesis",
                [new ReportColumn("Hypothesis"), ReportColumn.Number("Median\nr"), ReportColumn.Number("95% of trials"), ReportColumn.Number("Observed\nat pct."),
                    ReportColumn.Number("Two-sided p\n\u00b1 MC SE"), new ReportColumn("Verdict"), ReportColumn.Number("Partial\nr | C")],
                rows.Select(c => new[] { c.Hypothesis.Name, Formatting.R(c.MedianR), Formatting.Interval(c.Interval95.Lower, c.Interval95.Upper),
                    Formatting.Percentile(c.Compatibility.PercentileRank), Formatting.TwoSidedP(c.Compatibility), TrialWording.Verdict(c.Verdict), Formatting.R(c.MedianPartialR) }));
            foreach (var c in rows.Where(c => c.UndefinedR > 0 || c.UndefinedPartialR > 0))
                b.Text($"{c.Hypothesis.Name}: r undefined in {c.UndefinedR.ToString("N0", Inv)} and partial r in {c.UndefinedPartialR.ToString("N0", Inv)} " +
                    $"of {s.Replicates.ToString("N0", Inv)} trials (a constant column in a trial of {o.N} patients); left out of the columns above.");
        }
        b.Text($"r is CADSS at {Formatting.Span(design.CadssTime)} vs % change of {design.Scale.Label()}; hypotheses at the strengths listed above. Observed at pct.: where the observed r falls among the simulated " +
            "trials. Two-sided p: twice the smaller tail, with its Monte Carlo standard error; below 0.05 the observation is incompatible with the " +
            "hypothesis, stronger (further from zero) or weaker (closer to zero) than it produces. Partial r | C: median r holding the plasma concentration C " +
            "at the CADSS time fixed. The JSON output also gives the one-sided share of trials at least as strong as observed.");

        if (result.SampleSizes.IsEmpty)
            b.Text("Sample sizes: none, as they are computed against exposure-only; include exposure-only among the hypotheses to get them.");
        else
            b.Table("Trial size to tell each hypothesis from exposure-only",
                    [ReportColumn.Number("Time"), new ReportColumn("Hypothesis"), ReportColumn.Number("Median r"), ReportColumn.Number("Median r\nexposure-only"), ReportColumn.Number("Patients")],
                    result.SampleSizes.Select(z => new[] { Formatting.Span(z.Time), z.Alternative, Formatting.R(z.AlternativeMedianR), Formatting.R(z.ReferenceMedianR),
                        z.Subjects is { } n ? n.ToString("N0", Inv) : "cannot tell apart" }))
                .Text($"Patients for {(s.Power * 100).ToString("0", Inv)}% power at two-sided alpha {s.Alpha.ToString("0.###", Inv)}, in a one-sample Fisher z test of a " +
                    "trial's r against the median r under exposure-only; \"cannot tell apart\": the medians are too close.");

        b.Heading("Reading");
        foreach (var c in result.Comparisons)
            b.Reading(c.Reading, $"{TrialWording.NameWithStrengths(c.Hypothesis)}, {Formatting.Span(c.Observed.Time)}:");

        double seconds = result.Elapsed.TotalSeconds;
        string rate = seconds > 0 ? (result.SubjectSimulations / seconds).ToString("N0", Inv) : "n/a";
        return b.Text($"Done in {seconds.ToString("0.0", Inv)} s: {result.SubjectSimulations.ToString("N0", Inv)} patient simulations ({rate} per second), " +
                $"{((long)s.Replicates * result.Comparisons.Length).ToString("N0", Inv)} replicate trials. The JSON output gives every number above.")
            .Build();
    }

    /// <summary>
    /// The JSON document (camelCase, see docs/outputs.md): seed, modelVersion, every setting (and which differ from the
    /// defaults, and a command line that reproduces the run), all comparisons, the sample sizes and the files written.
    /// Timing is left out, so the same settings give the same text.
    /// </summary>
    /// <exception cref="NonFiniteResultException">A comparison value is NaN or infinite.</exception>
    public static string ToJson(HypothesisRequest request, HypothesisTestResult result, IEnumerable<string>? files = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var design = s.Design;
        var comparisons = result.Comparisons.Select(c =>
        {
            var (lo, hi) = c.Interval95;
            var fit = c.Compatibility;
            TrialJsonParts.Finite($"hypothesis {c.Hypothesis.Name}", c.MedianR, lo, hi, c.ProbabilityAtLeastAsStrong, c.MedianPartialR, fit.TwoSidedP, fit.StandardError, fit.PercentileRank);
            return new ComparisonJson(c.Hypothesis.Name, Durations.Format(c.Observed.Time), c.Observed.Time.TotalHours, c.Observed.R, c.Observed.N, c.R.Count,
                c.MedianR, new IntervalJson(lo, hi), fit.PercentileRank, fit.TwoSidedP, fit.StandardError, fit.IsInsideCentral95, TrialJsonParts.Token(c.Verdict),
                c.ProbabilityAtLeastAsStrong, c.MedianPartialR, c.Reading, c.UndefinedR, c.UndefinedPartialR);
        }).ToList();
        var json = new HypothesisTestJson(s.Seed, TrialJsonParts.ModelVersion,
            new HypothesisSettingsJson(design.Name, request.Choice.Token, request.Choice.FilePath, [.. s.Hypotheses.Select(HypothesisJson.Of)],
                [.. s.Observed.Select(ObservedJson.Of)], s.Replicates, s.PoolSize, s.Seed, s.Alpha, s.Power),
            request.DiffersFromDefaults, request.CommandLine, TrialWording.SignConvention(design), comparisons,
            [.. result.SampleSizes.Select(z => new SampleSizeJson(Durations.Format(z.Time), z.Time.TotalHours, z.Reference, z.Alternative,
                z.ReferenceMedianR, z.AlternativeMedianR, z.Subjects, s.Power, s.Alpha))],
            result.SubjectSimulations, (long)s.Replicates * result.Comparisons.Length, TrialWording.Population(design.Population), design.Clinical.ToString(),
            [.. TrialWording.ProvisionalParameters(design).Select(ProvisionalParameterJson.Of)], [.. files ?? []]);
        return JsonSerializer.Serialize(json, Json.HypothesisTestJson);
    }

    /// <summary>
    /// Every replicate trial's r, one row per hypothesis, observation and replicate: <c>hypothesis</c>, <c>time_h</c>,
    /// <c>time</c> (the assessment label), <c>replicate</c> (from 0), <c>r</c> (CADSS vs % change) and <c>partial_r</c>
    /// (given the concentration at the CADSS time); an undefined value (a constant column in a small trial) is an empty cell.
    /// </summary>
    /// <exception cref="ArgumentException">The result does not hold the replicate values (<see cref="HypothesisComparison.ReplicateR"/> is empty).</exception>
    public static ResultTable Replicates(HypothesisTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ImmutableArray<ResultColumn> columns =
        [
            new("hypothesis", "hypothesis name"), new("time_h", "assessment time from the first dose, h"), new("time", "assessment label, e.g. 230min"),
            new("replicate", "replicate trial, from 0"), new("r", "Pearson r of CADSS with % change of the depression score; negative = more dissociation, more improvement"),
            new("partial_r", "partial r given the plasma concentration at the CADSS time"),
        ];
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ResultValue>>();
        foreach (var c in result.Comparisons)
        {
            if (c.ReplicateR.IsDefaultOrEmpty)
                throw new ArgumentException($"the comparison of {c.Hypothesis.Name} at {Durations.Format(c.Observed.Time)} holds no replicate values.", nameof(result));
            string time = Durations.Format(c.Observed.Time);
            for (int i = 0; i < c.ReplicateR.Length; i++)
                rows.Add([c.Hypothesis.Name, c.Observed.Time.TotalHours, time, i, Defined(c.ReplicateR[i]),
                    i < c.ReplicatePartialR.Length ? Defined(c.ReplicatePartialR[i]) : ResultValue.Empty]);
        }
        return new ResultTable("replicates", columns, rows.ToImmutable());
    }

    private static ResultValue Defined(double value) => double.IsNaN(value) ? ResultValue.Empty : ResultValue.Of(value);
}

using KetaminePkPd.Strengths;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The outputs of a <see cref="StrengthScanResult.Run"/> (and, optionally, its <see cref="DetectionRates"/>): the report for people
/// (per strength a table of p against the value and the compatibility intervals in words, then how often trials of each
/// size find p &lt; 0.05), the JSON document and the grid as a <see cref="ResultTable"/>.
/// </summary>
public static class StrengthsReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly StrengthsJsonContext Context = new(TrialJsonParts.Relaxed(StrengthsJsonContext.Default.Options));

    /// <summary>
    /// The grid as a table, one row per strength value and observation, then one per value for the combination: strength,
    /// value, time (empty for the combination), median r and its central 95%, the observed r's percentile, the two-sided p
    /// (combined p in the combination rows), its Monte Carlo SE, verdict, and whether the value fits (p &gt;= 0.05).
    /// </summary>
    /// <param name="result">The scan.</param>
    public static ResultTable GridTable(StrengthScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<ImmutableArray<ResultValue>>();
        foreach (var p in result.Points)
        {
            string token = StrengthScanSettings.Token(p.Parameter);
            foreach (var o in p.Outcomes)
                rows.Add([token, p.Value, Durations.Format(o.Observed.Time), o.MedianR, o.Interval95.Lower, o.Interval95.Upper, o.Compatibility.PercentileRank,
                    o.Compatibility.TwoSidedP, o.Compatibility.StandardError, TrialJsonParts.Token(o.Verdict), o.Compatibility.TwoSidedP >= 0.05]);
            rows.Add([token, p.Value, "", ResultValue.Empty, ResultValue.Empty, ResultValue.Empty, ResultValue.Empty, p.CombinedP, ResultValue.Empty, "", p.CombinedP >= 0.05]);
        }
        return new ResultTable("strength grid", [.. GridColumns], [.. rows]);
    }

    private static readonly ResultColumn[] GridColumns =
    [
        new("strength", "rho, share, boost or threshold"), new("value", "the strength's value (rho, share, MADRS points or CADSS points)"),
        new("time", "assessment time of the observation; empty for the combination"), new("median_r", "median simulated r"),
        new("lower_95", "2.5th percentile of simulated r"), new("upper_95", "97.5th percentile of simulated r"),
        new("percentile", "observed r's percentile among the replicates"), new("two_sided_p", "two-sided compatibility p (combined p for the combination)"),
        new("two_sided_p_se", "its Monte Carlo standard error"), new("verdict", "compatible, stronger, weaker or opposite-sign"),
        new("fits", "p >= 0.05"),
    ];

    /// <summary>The JSON document: settings, every grid point, the intervals and the detection rates (timing left out).</summary>
    /// <param name="result">The scan.</param>
    /// <param name="rates">Detection rates, or empty.</param>
    /// <param name="designKey">The design's key (e.g. <c>nimh</c>) or file as given.</param>
    /// <param name="plotFiles">Figures written, full paths (optional).</param>
    /// <exception cref="NonFiniteResultException">A value is NaN or infinite.</exception>
    public static string ToJson(StrengthScanResult result, ImmutableArray<DetectionRate> rates, string designKey, IEnumerable<string>? plotFiles = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var points = result.Points.Select(p =>
        {
            if (!double.IsFinite(p.CombinedP) || p.Outcomes.Any(o => !double.IsFinite(o.MedianR)))
                throw new NonFiniteResultException($"{StrengthScanSettings.Token(p.Parameter)} = {p.Value} gave a non-finite value; nothing was written.");
            return new StrengthPointJson(StrengthScanSettings.Token(p.Parameter), p.Value, [.. p.Outcomes.Select(o => new StrengthOutcomeJson(Durations.Format(o.Observed.Time),
                o.MedianR, new IntervalJson(o.Interval95.Lower, o.Interval95.Upper), o.Compatibility.PercentileRank, o.Compatibility.TwoSidedP,
                o.Compatibility.StandardError, TrialJsonParts.Token(o.Verdict)))], p.CombinedP);
        }).ToList();
        var json = new StrengthsJson(s.Seed, TrialJsonParts.ModelVersion, s.Design.Name, designKey, SensitivityReport.Observed(s.Observed),
            StrengthScanSettings.Token(s.Combination), s.Replicates, s.PoolSize, points,
            [.. result.Intervals.Select(i => new StrengthIntervalJson(StrengthScanSettings.Token(i.Parameter), i.Observed is { } o ? Durations.Format(o.Time) : null, i.Lower, i.Upper, i.HasGaps))],
            [.. (rates.IsDefault ? [] : rates).Select(r => new DetectionRateJson(r.Hypothesis.Name, r.N, Durations.Format(r.Time), r.Replicates, r.ShareSignificant, r.StandardError,
                r.ShareSignificantNegative, r.MedianR))],
            result.SubjectSimulations, [.. plotFiles ?? []],
            [.. result.Ceilings.Select(c => new HypothesisCeilingJson(c.Hypothesis, Durations.Format(c.Time), c.ExposureOnlyR, c.Strength, c.DerivedR, c.SimulatedR))]);
        return JsonSerializer.Serialize(json, Context.StrengthsJson);
    }

    /// <summary>The report: per strength a table of p against the value and the compatibility intervals in words, then the detection rates.</summary>
    /// <param name="result">The scan.</param>
    /// <param name="rates">Detection rates, or empty.</param>
    /// <param name="designOrigin">Where the design comes from, e.g. <c>nimh (built in)</c>.</param>
    public static Report Build(StrengthScanResult result, ImmutableArray<DetectionRate> rates, string designOrigin)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        bool several = s.Observed.Length > 1;
        var report = new ReportBuilder("Strengths: which strengths of each hypothesis fit the observed correlation?")
            .Fact("Design", $"{s.Design.Name} [{designOrigin}]")
            .Fact("Observed", string.Join("\n", s.Observed.Select(o => $"r = {Formatting.R(o.R)} at {Formatting.Span(o.Time)} (n = {o.N.ToString(Inv)})")))
            .Fact("Replicates", $"{s.Replicates.ToString(Inv)} replicate trials per grid point and observation from pools of {s.PoolSize.ToString(Inv)}, " +
                "the same seed and streams at every grid point (common random numbers)")
            .Fact("Seed", s.Seed.ToString(Inv));
        if (several) report.Text(Combination(s.Combination));
        foreach (var parameter in s.Parameters)
        {
            var columns = new List<ReportColumn> { ReportColumn.Number(StrengthScanSettings.Token(parameter)) };
            foreach (var o in s.Observed) columns.AddRange([ReportColumn.Number($"{Formatting.Span(o.Time)}\nmedian r"), ReportColumn.Number($"r = {Formatting.R(o.R)}\np")]);
            if (several) columns.Add(ReportColumn.Number("combined\np"));
            columns.Add(new("fits"));
            var rows = result.PointsOf(parameter).Select(point => (IEnumerable<string>)[point.Value.ToString("0.##", Inv),
                .. point.Outcomes.SelectMany(o => new[] { Formatting.R(o.MedianR), SensitivityReport.ShortP(o.Compatibility.TwoSidedP, s.Replicates) }),
                .. several ? [SensitivityReport.ShortP(point.CombinedP, s.Replicates)] : Array.Empty<string>(), point.CombinedP >= 0.05 ? "yes" : ""]);
            var parts = result.Intervals.Where(i => i.Parameter == parameter).Select(i => $"{(i.Observed is { } o ? Formatting.Span(o.Time) : "combined")}: {Interval(i)}");
            report.Table(StrengthScanSettings.Describe(parameter), columns, rows)
                .Reading($"{string.Join("; ", parts)}.", $"Compatibility interval (p >= 0.05) of {StrengthScanSettings.Token(parameter)}:");
            foreach (var i in result.Intervals.Where(i => i.Parameter == parameter && i.Observed is not null && i.IsEmpty))
                report.Text(BeyondReach(result, parameter, i.Observed!));
        }
        if (!result.Ceilings.IsDefaultOrEmpty)
        {
            report.Table("Ceilings: the strongest r of CADSS with % change each hypothesis can produce in the population",
                    [new("Hypothesis"), new("Time"), ReportColumn.Number("Exposure-\nonly r"), new("Strongest setting"), ReportColumn.Number("Derived\nr"), ReportColumn.Number("Simulated\nr")],
                    result.Ceilings.Select(c => (IEnumerable<string>)[c.Hypothesis, Formatting.Span(c.Time), Formatting.R(c.ExposureOnlyR), c.Strength, Formatting.R(c.DerivedR), Formatting.R(c.SimulatedR)]))
                .Text($"Population correlations ({HypothesisCeilings.DefaultPatients.ToString("N0", Inv)} patients, the scan's seed): derived by pairing the exposure-only patients " +
                    "by their latent scores (HypothesisCeilings, docs/model.md section 5.5), simulated by running the same patients at that strength. A trial of n patients " +
                    "spreads about 1/sqrt(n) around these values, so an observed r beyond the ceiling by more than about 2/sqrt(n) cannot be produced at any strength.");
        }
        if (!rates.IsDefaultOrEmpty)
        {
            var sizes = rates.Select(r => r.N).Distinct().ToList();
            report.Table($"How often a trial finds p < 0.05 for CADSS vs % change at {Formatting.Span(rates[0].Time)} ({rates[0].Replicates.ToString(Inv)} trials per size)",
                    [new("Hypothesis"), .. sizes.Select(n => ReportColumn.Number($"n = {n.ToString(Inv)}"))],
                    rates.GroupBy(r => r.Hypothesis.Name).Select(g => (IEnumerable<string>)[g.Key, .. g.Select(r => Formatting.Percent(r.ShareSignificantNegative))]))
                .Text("Share of trials whose own Pearson test gives p < 0.05 with a negative r (more dissociation, more improvement); the JSON also gives " +
                    "either sign and the Monte Carlo SE. Hypotheses at their default strengths. If exposure alone gave no correlation at all this would be 2.5% " +
                    "(the test's false positives in one direction); the excess at large n under exposure-only is its weak shared-exposure link.");
        }
        return report.Text($"Done in {result.Elapsed.TotalSeconds.ToString("0.0", Inv)} s (scan): {result.SubjectSimulations.ToString("N0", Inv)} patient simulations.").Build();
    }

    /// <summary>Why an observation has no compatible strength: its distance from the hypothesis's ceiling at that time.</summary>
    private static string BeyondReach(StrengthScanResult result, StrengthParameter parameter, ObservedCorrelation observed)
    {
        var along = result.PointsOf(parameter).Select(p => p.Outcomes.First(o => o.Observed == observed).MedianR).ToList();
        double reach = observed.R < 0 ? along.Min() : along.Max();
        var ceiling = result.CeilingsOf(parameter, observed.Time).OrderBy(c => observed.R < 0 ? c.SimulatedR : -c.SimulatedR).FirstOrDefault();
        string population = ceiling is null ? "" : $"; in the population its strongest setting ({ceiling.Strength}) gives r = {Formatting.R(ceiling.SimulatedR)} (derived {Formatting.R(ceiling.DerivedR)})";
        string name = StrengthScanSettings.HypothesisAt(parameter, parameter == StrengthParameter.SensitivityCorrelation ? 1 : 0.5).Name;
        return $"At {Formatting.Span(observed.Time)} the observed r = {Formatting.R(observed.R)} (n = {observed.N.ToString(Inv)}) is beyond the reach of {name}: " +
            $"the median r of trials of that size goes no further than {Formatting.R(reach)} on the grid{population}.";
    }

    /// <summary>How the combination works, in one sentence.</summary>
    private static string Combination(PValueCombination c) => c == PValueCombination.Bonferroni
        ? "Combined p: Bonferroni, min(1, J x smallest p), a joint test valid whatever the dependence between observations (Luckenbaugh's two share " +
          "patients); it fits when every observation has p >= 0.05/J."
        : "Combined p: Fisher's method (-2 sum ln p, chi-squared with 2J df), for independent observations (different trials).";

    private static string Interval(StrengthInterval i) => i.IsEmpty ? "none on the grid"
        : (i.Lower == i.Upper ? $"only {i.Lower!.Value.ToString("0.##", Inv)}" : $"[{i.Lower!.Value.ToString("0.##", Inv)}, {i.Upper!.Value.ToString("0.##", Inv)}]")
          + (i.HasGaps ? " (with gaps)" : "");
}

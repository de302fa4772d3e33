namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The outputs of a <see cref="GlobalSensitivityResult.Run"/>: the report (settings, plausibility, per hypothesis and
/// observation the share of plausible worlds compatible with its binomial error, the quantiles of the median r and the
/// importance ranking), the JSON document and the worlds as a <see cref="ResultTable"/> (one row per world).
/// </summary>
public static class GlobalSensitivityReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly GlobalJsonContext Context = new(TrialJsonParts.Relaxed(GlobalJsonContext.Default.Options));

    /// <summary>The method in words, for the report and the JSON.</summary>
    public const string Method =
        "World k draws point k of a scrambled Halton sequence (one coordinate per assumption; it depends only on the seed and k) and maps it to a multiple " +
        "of the design's current value over the documented range of each assumption (docs/sensitivity.md): uniformly for every spread and the placebo mean " +
        "and baseline (the ranges start at 0 or are narrow), log-uniformly for the CADSS time and the dose-spread factor. A world is plausible when its " +
        "racemic 0.5 mg/kg vs saline trial, with the same multiples, hits every plausibility target of the validation catalogue within its acceptance interval; " +
        "only plausible worlds run the hypothesis tests (a pool per hypothesis and replicate trials per observation, with the world's own seed). " +
        "Importance: partial rank correlation coefficients (PRCC, Marino 2008) of each assumption with the median r over the plausible worlds, " +
        "with Fisher-z standard errors; share compatible: binomial standard error.";

    /// <summary>The worlds as a table, one row per world: index, plausible, each assumption's multiple, each target's value, and per
    /// hypothesis and observation the median r and two-sided p (empty in implausible worlds).</summary>
    /// <param name="result">The analysis.</param>
    public static ResultTable WorldTable(GlobalSensitivityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var columns = new List<ResultColumn> { new("world", "world index"), new("plausible", "hits every plausibility target") };
        columns.AddRange(s.Assumptions.Select(a => new ResultColumn(Snake(SensitivitySettings.Token(a)), $"multiple of the design's value: {SensitivitySettings.Describe(a)}")));
        columns.AddRange(result.Targets.Select(t => new ResultColumn(Snake(t.Key), $"{t.Quantity} ({t.Unit}); accepted {Formatting.Number(t.Low)} to {Formatting.Number(t.High)}")));
        foreach (var h in s.Hypotheses)
            foreach (var o in s.Observed)
                columns.AddRange([new(Snake($"{h.Name}_{Durations.Format(o.Time)}_median_r"), $"median r under {h.Name} at {Durations.Format(o.Time)}"),
                    new(Snake($"{h.Name}_{Durations.Format(o.Time)}_p"), $"two-sided p of r = {Formatting.R(o.R)}")]);
        static ResultValue Value(double v) => double.IsNaN(v) ? ResultValue.Empty : v;
        var rows = result.Worlds.Select(w => (ImmutableArray<ResultValue>)[w.Index, w.IsPlausible, .. w.Multipliers.Select(Value), .. w.Targets.Select(Value),
            .. w.MedianR.SelectMany((m, c) => new[] { Value(m), Value(w.TwoSidedP[c]) })]);
        return new ResultTable("global worlds", [.. columns], [.. rows]);
    }

    /// <summary>The JSON document: settings, a line that reproduces the run, the targets, every outcome (share, its SE, quantiles,
    /// importance) and the patient simulations (timing left out). NaN is written as null.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="designKey">The design's key or file as given.</param>
    /// <param name="designFile">Full path of the design's file, or null.</param>
    /// <param name="reproduce">A command line that reproduces the run.</param>
    /// <param name="plotFiles">Figures written (optional).</param>
    public static string ToJson(GlobalSensitivityResult result, string designKey, string? designFile, string reproduce, IEnumerable<string>? plotFiles = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        static double? N(double v) => double.IsFinite(v) ? v : null;
        var json = new GlobalJson(s.Seed, TrialJsonParts.ModelVersion,
            new GlobalSettingsJson(s.Design.Name, designKey, designFile, [.. s.Hypotheses.Select(HypothesisJson.Of)], SensitivityReport.Observed(s.Observed),
                [.. s.Assumptions.Select(SensitivitySettings.Token)], s.Worlds, s.Replicates, s.PoolSize, s.PlausibilityPatientsPerArm, s.Seed),
            reproduce, Method,
            [.. result.Targets.Select(t => new GlobalTargetJson(t.Key, t.Quantity, t.Unit, t.Low, t.High, t.Source))],
            result.PlausibleWorlds,
            [.. result.Outcomes.Select(o => new GlobalOutcomeJson(o.Hypothesis, Durations.Format(o.Observed.Time), o.Observed.R, o.Observed.N, o.Worlds, o.Compatible,
                N(o.Share), N(o.ShareStandardError), N(o.ShareUpperBound), [.. o.MedianRQuantiles.Select(N)],
                [.. o.Importance.Select(i => new GlobalImportanceJson(SensitivitySettings.Token(i.Assumption), N(i.Prcc), N(i.StandardError), N(i.Lower), N(i.Upper)))]))],
            result.SubjectSimulations, [.. plotFiles ?? []]);
        return JsonSerializer.Serialize(json, Context.GlobalJson);
    }

    /// <summary>The report.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="designOrigin">Where the design comes from.</param>
    public static Report Build(GlobalSensitivityResult result, string designOrigin)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        int plausible = result.PlausibleWorlds;
        var report = new ReportBuilder("Global analysis: the verdict across every plausible world")
            .Fact("Design", $"{s.Design.Name} [{designOrigin}]")
            .Fact("Hypotheses", string.Join(", ", s.Hypotheses.Select(h => h.Name)))
            .Fact("Observed", string.Join("\n", s.Observed.Select(o => $"r = {Formatting.R(o.R)} at {Formatting.Span(o.Time)}, n = {o.N.ToString(Inv)} ({o.Source})")))
            .Fact("Assumptions", string.Join(", ", s.Assumptions.Select(a => $"{SensitivitySettings.Token(a)} x{Formatting.Number(SensitivitySettings.Multipliers(a).Min(), 3)}-{Formatting.Number(SensitivitySettings.Multipliers(a).Max(), 3)}{(SensitivitySettings.IsLogScale(a) ? " (log)" : "")}")))
            .Fact("Worlds", $"{s.Worlds.ToString(Inv)}; {s.Replicates.ToString(Inv)} replicates per world, hypothesis and observation, from pools of {s.PoolSize.ToString(Inv)} patients")
            .Fact("Plausibility", $"racemic 0.5 mg/kg vs saline, {s.PlausibilityPatientsPerArm.ToString(Inv)} per arm, targets " + string.Join(", ", result.Targets.Select(t => $"{t.Key} [{Formatting.Number(t.Low)}, {Formatting.Number(t.High)}]")))
            .Fact("Seed", $"{s.Seed.ToString(Inv)} (the same seed gives the same result)")
            .Text(Method);
        var hits = result.Targets.Select((t, i) => result.Worlds.Count(w => w.Targets[i] >= t.Low && w.Targets[i] <= t.High)).ToList();
        report.Text($"Plausible worlds: {plausible.ToString(Inv)} of {s.Worlds.ToString(Inv)} ({Formatting.Number(100.0 * plausible / s.Worlds, 3)}%). Worlds hitting each target: " +
            string.Join(", ", result.Targets.Select((t, i) => $"{t.Key} {hits[i].ToString(Inv)}")) + ".");
        report.Table("Per hypothesis and observation, over the plausible worlds",
            [new("Hypothesis"), new("Observed"), ReportColumn.Number("Worlds"), ReportColumn.Number("Compatible\nshare (SE)"), ReportColumn.Number("Median r: 5%, 25%, 50%, 75%, 95%"), new("Most important (PRCC +/- SE)")],
            result.Outcomes.Select(o => (IEnumerable<string>)[o.Hypothesis, $"r = {Formatting.R(o.Observed.R)} at {Formatting.Span(o.Observed.Time)}", o.Worlds.ToString(Inv),
                Share(o), o.Worlds == 0 ? "-" : string.Join(", ", o.MedianRQuantiles.Select(Formatting.R)),
                string.Join("; ", o.Ranking.Take(3).Where(i => !double.IsNaN(i.Prcc)).Select(i => $"{SensitivitySettings.Token(i.Assumption)} {Signed(i.Prcc)} +/- {i.StandardError.ToString("0.00", Inv)}"))]));
        report.Text("Compatible: two-sided p >= 0.05 in that world. SE: binomial, sqrt(s (1 - s) / n); with no compatible world the 95% upper bound is 3/n (rule of three). " +
            "PRCC: partial rank correlation of the assumption's multiple with the median r, the other assumptions held fixed; +: a larger value gives a larger (less negative) r.");
        foreach (var o in result.Outcomes.Where(o => o.Hypothesis == s.Hypotheses[0].Name))
            report.Table($"Importance for {o.Hypothesis}, r = {Formatting.R(o.Observed.R)} at {Formatting.Span(o.Observed.Time)} (PRCC with the median r, 95% interval by Fisher's z)",
                [new("Assumption"), ReportColumn.Number("PRCC"), ReportColumn.Number("SE"), ReportColumn.Number("95% interval")],
                o.Ranking.Select(i => (IEnumerable<string>)[SensitivitySettings.Token(i.Assumption), Signed(i.Prcc), double.IsNaN(i.StandardError) ? "-" : i.StandardError.ToString("0.00", Inv),
                    double.IsNaN(i.Lower) ? "-" : $"[{Signed(i.Lower)}, {Signed(i.Upper)}]"]));
        if (plausible < s.Assumptions.Length + 3)
            report.Warning($"Only {plausible} plausible worlds: the PRCC needs at least {s.Assumptions.Length + 3} ({s.Assumptions.Length} assumptions + 3); add --worlds.");
        return report.Text($"Done in {result.Elapsed.TotalSeconds.ToString("0.0", Inv)} s: {result.SubjectSimulations.ToString("N0", Inv)} patient simulations. The JSON and CSV outputs give every world.").Build();
    }

    /// <summary>The share and its error in words: <c>0.12 (0.02)</c>, or <c>0 (&lt; 0.02)</c> with the rule-of-three bound.</summary>
    internal static string Share(GlobalOutcome o) => o.Worlds == 0 ? "-"
        : o.Compatible == 0 ? $"0 (< {o.ShareUpperBound.ToString("0.###", Inv)})" : $"{o.Share.ToString("0.###", Inv)} ({o.ShareStandardError.ToString("0.###", Inv)})";

    private static string Snake(string name) => name.Replace('-', '_').ToLowerInvariant();

    private static string Signed(double v) => double.IsNaN(v) ? "-" : v.ToString("+0.00;-0.00;0.00", Inv);
}

/// <summary>The JSON document of a global analysis. Timing is left out so that the same settings give the same bytes.</summary>
internal sealed record GlobalJson(ulong Seed, string ModelVersion, GlobalSettingsJson Settings, string Reproduce, string Method,
    IReadOnlyList<GlobalTargetJson> Targets, int PlausibleWorlds, IReadOnlyList<GlobalOutcomeJson> Outcomes, long SubjectSimulations, IReadOnlyList<string> PlotFiles);

/// <summary>The settings of a global analysis.</summary>
internal sealed record GlobalSettingsJson(string Design, string DesignKey, string? DesignFile, IReadOnlyList<HypothesisJson> Hypotheses, IReadOnlyList<ObservedJson> Observed,
    IReadOnlyList<string> Assumptions, int Worlds, int Replicates, int PoolSize, int PlausibilityPatientsPerArm, ulong Seed);

/// <summary>One plausibility target.</summary>
internal sealed record GlobalTargetJson(string Key, string Quantity, string Unit, double Low, double High, string Source);

/// <summary>One hypothesis and observation over the plausible worlds.</summary>
internal sealed record GlobalOutcomeJson(string Hypothesis, string Time, double ObservedR, int ObservedN, int Worlds, int Compatible, double? Share,
    double? ShareStandardError, double? ShareUpperBound95, IReadOnlyList<double?> MedianRQuantiles, IReadOnlyList<GlobalImportanceJson> Importance);

/// <summary>One assumption's PRCC.</summary>
internal sealed record GlobalImportanceJson(string Assumption, double? Prcc, double? StandardError, double? Lower95, double? Upper95);

/// <summary>Source-generated serializer metadata for the global document.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GlobalJson))]
internal sealed partial class GlobalJsonContext : JsonSerializerContext;

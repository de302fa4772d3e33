using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The outputs of a route comparison (<see cref="ComparisonResult.Run"/>): the report people read (arms, exposure,
/// dissociation and antidepressant tables with the range of every number that rests on an uncertain input, population
/// spread, PROVISIONAL parameters), the JSON document and the one-row-per-arm <see cref="ResultTable"/>.
/// </summary>
/// <remarks>
/// Antidepressant numbers are changes of the MADRS score (negative = improvement), the drug effect only: no placebo
/// response, no rating noise (docs/outputs.md).
/// </remarks>
public static class ComparisonReport
{
    /// <summary>Parses one <c>--arm</c> value (<see cref="ComparisonArm.Parse"/>), with the library's message behind the option and the text.</summary>
    /// <param name="spec">The value.</param>
    /// <exception cref="ArgumentException">A token that is not key=value, an unknown or repeated key (named), a missing route or dose, or a bad value.</exception>
    public static ComparisonArm ParseArm(string spec)
    {
        try
        {
            return ComparisonArm.Parse(spec);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            string message = ErrorText.WithoutArgumentDetails(ErrorText.OneLine(ex));
            string prefix = $"arm '{spec}': ";
            if (message.StartsWith(prefix, StringComparison.Ordinal)) message = message[prefix.Length..];
            throw new ArgumentException($"--arm '{spec}': {message}");
        }
    }

    /// <summary>A command line that reproduces a comparison (without the output options): the arms as given and every setting that
    /// differs from the defaults.</summary>
    /// <param name="specs">The <c>--arm</c> values as given (none for the default arms).</param>
    /// <param name="o">The settings.</param>
    public static string Reproduce(IReadOnlyList<string> specs, ComparisonOptions o)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(o);
        var d = ComparisonOptions.Default;
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string> { CommandLineText.Tool, "compare" };
        parts.AddRange(specs.Select(s => $"--arm {CommandLineText.Quote(s)}"));
        if (o.Subject.WeightKg != d.Subject.WeightKg) parts.Add($"--weight {o.Subject.WeightKg.ToString("R", inv)}kg");
        if (o.Subject.AgeYears != d.Subject.AgeYears) parts.Add($"--age {o.Subject.AgeYears.ToString("R", inv)}");
        if (o.Threshold != d.Threshold) parts.Add($"--threshold-ng-per-ml {o.Threshold.NanogramsPerMilliliter.ToString("R", inv)}");
        if (o.PopulationSize != 0) parts.Add($"--subjects {o.PopulationSize.ToString(inv)}");
        if (o.Seed != d.Seed) parts.Add($"--seed {o.Seed.ToString(inv)}");
        return string.Join(' ', parts);
    }

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Markers of the uncertain inputs, in order of first appearance.</summary>
    private static readonly string[] Markers = ["*", "†", "‡", "§", "¶"];

    private static readonly ComparisonJsonContext Json = new(TrialJsonParts.Relaxed(ComparisonJsonContext.Default.Options));

    /// <summary>Why esketamine's antidepressant numbers deserve the least trust (see the remarks on <see cref="EffectParameterSet"/>).</summary>
    public const string EsketamineCaveat =
        "Esketamine's antidepressant numbers rest on a PROVISIONAL calibration: its potency on the antidepressant signal (ESKPOT_A) and a " +
        "tolerance state were fitted to Daly 2018 day 1 and TRANSFORM-2 day 28 ('ketamine-pkpd validate'), not to concentration-effect data.";

    /// <summary>Hours shown in the concentration figure: 12.</summary>
    public const double ConcentrationPlotHours = 12;

    /// <summary>Hours shown in the dissociation panel of the effects figure: 6.</summary>
    public const double CadssPlotHours = 6;

    /// <summary>The metric columns of <see cref="Table"/>, in order, each with its unit and meaning.</summary>
    public static ImmutableArray<ResultColumn> MetricColumns { get; } =
    [
        new("cmax_ng_per_ml", "Parent drug Cmax, ng/mL."),
        new("tmax_h", "Time of the parent Cmax from the first dose, h."),
        new("auc0_24_ng_h_per_ml", "Parent drug AUC over the first 24 h, ng.h/mL."),
        new("time_above_h", "Time the parent concentration spends above threshold_ng_per_ml, h."),
        new("peak_cadss", "Peak dissociation, CADSS points."),
        new("peak_cadss_time_h", "Time of the peak dissociation from the first dose, h."),
        new("cadss_below4_after_h", "When CADSS falls under 4 after its peak, h; 0 = never above 4, empty = not back under 4 within 7 d."),
        new("madrs_change_4h", "Antidepressant drug effect at 4 h as a change of the MADRS score, points, negative = improvement."),
        new("madrs_change_1d", "The same at 1 d."),
        new("madrs_change_7d", "The same at 7 d."),
    ];

    /// <summary>The metrics in the order of <see cref="MetricColumns"/>; null where undefined.</summary>
    private static double?[] Values(ArmMetrics m) =>
        [m.CmaxNgPerMl, m.TmaxH, m.Auc0To24NgHPerMl, m.TimeAboveH, m.PeakCadss, m.PeakCadssTimeH, m.CadssBelow4AfterH, m.Antidepressant4H, m.AntidepressantDay1, m.AntidepressantDay7];

    /// <summary>
    /// One row per arm: what is given (arm, drug, model, route, dose, dose_mg, infusion_h, sessions, interval_h), the
    /// threshold, the typical patient's <see cref="MetricColumns"/>, the uncertain input (uncertain_parameter, _value, _low,
    /// _high, _source) and every metric at its low and high end (<c>&lt;metric&gt;_at_low</c>, <c>_at_high</c>; empty without
    /// an uncertain input), with a population also <c>&lt;metric&gt;_p5</c>, <c>_median</c>, <c>_p95</c>, and the
    /// provisional_parameters (names separated by <c>;</c>).
    /// </summary>
    /// <param name="result">The comparison.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ResultTable Table(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        bool population = o.PopulationSize > 0;
        var metrics = MetricColumns;
        var columns = ImmutableArray.CreateBuilder<ResultColumn>();
        columns.AddRange(
            new("arm", "Name of the arm."), new("drug", "Drug: racemic or esketamine."), new("model", "PK model key."),
            new("route", "Route of administration."), new("dose", "Dose per administration as given (free base)."),
            new("dose_mg", "Dose per administration for the typical patient, mg free base."),
            new("infusion_h", "Intravenous infusion duration, h; empty for a bolus or another route."),
            new("sessions", "Number of administrations."), new("interval_h", "Time between the starts of sessions, h; empty for one session."),
            new("threshold_ng_per_ml", "Parent concentration for time_above_h, ng/mL."));
        columns.AddRange(metrics);
        columns.AddRange(
            new("uncertain_parameter", "The arm's uncertain input (a PK parameter name); empty for none."),
            new("uncertain_value", "Its value in the typical numbers."), new("uncertain_low", "Low end of its documented range."),
            new("uncertain_high", "High end of its documented range."), new("uncertain_source", "Where the range comes from."));
        columns.AddRange(metrics.Select(c => new ResultColumn(c.Name + "_at_low", "With the uncertain input at its low end: " + c.Description)));
        columns.AddRange(metrics.Select(c => new ResultColumn(c.Name + "_at_high", "With the uncertain input at its high end: " + c.Description)));
        if (population)
            foreach (var c in metrics)
            {
                columns.Add(new(c.Name + "_p5", "5th percentile over the virtual patients: " + c.Description));
                columns.Add(new(c.Name + "_median", "Median over the virtual patients: " + c.Description));
                columns.Add(new(c.Name + "_p95", "95th percentile over the virtual patients: " + c.Description));
            }
        columns.Add(new("provisional_parameters", "PROVISIONAL parameters the arm's numbers rest on, separated by ';'."));

        var rows = result.Arms.Select(a =>
        {
            var arm = a.Arm;
            var row = new List<ResultValue>
            {
                arm.Name, Vocabulary.Token(arm.Drug), arm.Model.Key, Vocabulary.Token(arm.Administration.Route), arm.Administration.Dose.ToString(),
                arm.Administration.Dose.ToMilligrams(o.Subject.WeightKg),
                ResultValue.Of(arm.Administration.IsInfusion ? arm.Administration.InfusionDuration.TotalHours : null),
                arm.Sessions, ResultValue.Of(arm.Sessions > 1 ? arm.Interval.TotalHours : null), o.Threshold.NanogramsPerMilliliter,
            };
            row.AddRange(Values(a.Typical).Select(ResultValue.Of));
            row.AddRange([a.Uncertain?.Parameter, ResultValue.Of(a.Uncertain?.Value), ResultValue.Of(a.Uncertain?.Low), ResultValue.Of(a.Uncertain?.High), a.Uncertain?.Source]);
            foreach (var m in new[] { a.AtLow, a.AtHigh })
                row.AddRange(m is null ? Enumerable.Repeat(ResultValue.Empty, metrics.Length) : Values(m).Select(ResultValue.Of));
            if (population)
            {
                var none = new double?[metrics.Length];
                var (p5, median, p95) = a.Population is { } pop ? (Values(pop.P5), Values(pop.Median), Values(pop.P95)) : (none, none, none);
                for (int k = 0; k < metrics.Length; k++) row.AddRange([ResultValue.Of(p5[k]), ResultValue.Of(median[k]), ResultValue.Of(p95[k])]);
            }
            row.Add(string.Join(';', a.Provisional.Select(p => p.Name)));
            return row.ToImmutableArray();
        });
        return new ResultTable("comparison arms", columns.ToImmutable(), [.. rows]);
    }

    /// <summary>
    /// The JSON document (camelCase, indented): subject, thresholdNgPerMl, populationSize, seed, arms (name, drug, model,
    /// route, dose, doseMg, infusionH, sessions, intervalH, typical metrics, uncertain input, atLow, atHigh, population
    /// p5/median/p95, provisionalParameters), provisionalEffectParameters, notes on the metrics, modelVersion, and what
    /// the caller records about the run.
    /// </summary>
    /// <param name="result">The comparison.</param>
    /// <param name="reproduce">A command line (or call) that reproduces the run, or null.</param>
    /// <param name="outFile">The CSV file written, or null.</param>
    /// <param name="plotFiles">The figures written, or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToJson(ComparisonResult result, string? reproduce = null, string? outFile = null, IReadOnlyList<string>? plotFiles = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var effectNames = EffectParameterNames();
        var arms = result.Arms.Select(a =>
        {
            var arm = a.Arm;
            return new CompareArmJson(
                arm.Name, Vocabulary.Token(arm.Drug), arm.Model.Key, Vocabulary.Token(arm.Administration.Route), arm.Administration.Dose.ToString(),
                arm.Administration.Dose.ToMilligrams(o.Subject.WeightKg),
                arm.Administration.IsInfusion ? arm.Administration.InfusionDuration.TotalHours : null, arm.Sessions,
                arm.Sessions > 1 ? arm.Interval.TotalHours : null,
                Metrics(a.Typical),
                a.Uncertain is { } u ? new UncertainJson(u.Parameter, arm.Model[u.Parameter].Description, u.Value, u.Low, u.High, u.Source) : null,
                a.AtLow is { } low ? Metrics(low) : null,
                a.AtHigh is { } high ? Metrics(high) : null,
                a.Population is { } pop ? new ComparePopulationJson(pop.Subjects, Metrics(pop.P5), Metrics(pop.Median), Metrics(pop.P95)) : null,
                [.. a.Provisional.Where(p => !effectNames.Contains(p.Name)).Select(ModelParameterJson.Of)]);
        }).ToList();
        var doc = new CompareJson(
            Subject: new CompareSubjectJson(o.Subject.WeightKg, o.Subject.AgeYears, Vocabulary.Token(o.Subject.Ancestry)),
            ThresholdNgPerMl: o.Threshold.NanogramsPerMilliliter,
            PopulationSize: o.PopulationSize,
            Seed: o.Seed,
            Arms: arms,
            ProvisionalEffectParameters: [.. ProvisionalEffects(o.Effects).Select(ModelParameterJson.Of)],
            Notes: MetricNotes(o),
            ModelVersion: TrialJsonParts.ModelVersion,
            Reproduce: reproduce,
            OutFile: outFile,
            PlotFiles: plotFiles ?? []);
        return JsonSerializer.Serialize(doc, Json.CompareJson);
    }

    /// <summary>
    /// The report: the arms and the patient, the exposure, dissociation and antidepressant tables of the typical patient
    /// (a number that rests on an uncertain input shows its value at both ends of the range and a marker explained
    /// below), the population spread when there is one, and the PROVISIONAL parameters of every arm.
    /// </summary>
    /// <param name="result">The comparison.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static Report Build(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var r = new ReportBuilder($"ketamine-pkpd compare: {result.Arms.Length} arm{(result.Arms.Length == 1 ? "" : "s")}, typical patient " +
            $"{Formatting.Plain(o.Subject.WeightKg, 2)} kg" + (o.PopulationSize > 0 ? $", {o.PopulationSize.ToString(Inv)} virtual patients per arm" : ""));
        r.Fact("Arms", string.Join('\n', result.Arms.Select(a => $"{a.Arm.Name}: {Describe(a.Arm, o.Subject)}")));
        r.Fact("Patient", $"typical: {Formatting.Plain(o.Subject.WeightKg, 2)} kg, {Formatting.Plain(o.Subject.AgeYears, 1)} years, " +
            $"{(o.Subject.Ancestry == Ancestry.NonAsian ? "non-Asian" : Vocabulary.Token(o.Subject.Ancestry))}; typical parameters of each model");
        if (o.PopulationSize > 0)
            r.Fact("Population", $"{o.PopulationSize.ToString(Inv)} virtual patients per arm (the same patients in every arm), seed {o.Seed.ToString(Inv)}; " +
                "docs/model.md section 4.4 variability in PK and both effects");
        r.Fact("Threshold", $"{Formatting.Plain(o.Threshold.NanogramsPerMilliliter, 3)} ng/mL of the parent drug, for the time above it");
        r.Fact("Simulated", "7 days from the first dose: every 2 min over the first day, then every 6 h");

        var markers = MarkerMap(result);
        MetricTable(r, "Exposure: parent drug in plasma, typical patient", result, ExposureColumns(o), a => Typical(a, markers));
        MetricTable(r, "Dissociation, typical patient", result, DissociationColumns, a => Typical(a, markers));
        MetricTable(r, "Antidepressant drug effect, typical patient: MADRS change (points)", result, AntidepressantColumns, a => Typical(a, markers));
        foreach (var (input, marker) in markers)
            r.Text($"{marker} Rests on an uncertain input: {input.Parameter} ({Description(result, input)}) is {Formatting.Plain(input.Value)} here; " +
                $"the literature gives {Formatting.Plain(input.Low)} to {Formatting.Plain(input.High)} ({input.Source}). [a, b] = the value with " +
                $"{input.Parameter} at {Formatting.Plain(input.Low)} and at {Formatting.Plain(input.High)}; no brackets: the same at both ends.");
        r.Text("MADRS change: the antidepressant drug effect, negative = improvement; no placebo response, no rating noise " +
            "(see 'ketamine-pkpd trial'). Back under CADSS 4: when dissociation falls under 4 points after its peak; " +
            "'never > 4': it never exceeds 4; '> 7 d': not within the simulation.");
        if (result.Arms.Any(a => a.Arm.Drug == Drug.Esketamine)) r.Text(EsketamineCaveat);

        if (o.PopulationSize > 0)
        {
            string who = $"{o.PopulationSize.ToString(Inv)} virtual patients per arm, median [5th, 95th percentile]";
            MetricTable(r, $"Exposure, {who}", result, ExposureColumns(o), Spread);
            MetricTable(r, $"Dissociation, {who}", result, DissociationColumns, Spread);
            MetricTable(r, $"Antidepressant drug effect (MADRS change), {who}", result, AntidepressantColumns, Spread);
            r.Text("Percentiles of each metric over the virtual patients (R type 7); uncertain inputs stay at the values used above.");
        }

        var effectNames = EffectParameterNames();
        r.Provisional("PROVISIONAL parameters (own calibrations, not published estimates; sources in the JSON output):");
        r.Fact("every arm (effect models)", string.Join(", ", effectNames));
        foreach (var a in result.Arms)
        {
            var pk = a.Provisional.Where(p => !effectNames.Contains(p.Name)).Select(p => p.Name).ToList();
            r.Fact($"{a.Arm.Name} (PK)", pk.Count == 0 ? "none" : string.Join(", ", pk));
        }
        return r.Build();
    }

    /// <summary>The arm in words: <c>racemic ketamine, domino model; 0.5 mg/kg (35 mg) IV over 40 min, once</c>.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="subject">The patient (sets mg/kg doses).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Describe(ComparisonArm arm, Subject subject)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(subject);
        var a = arm.Administration;
        double mg = a.Dose.ToMilligrams(subject.WeightKg);
        string dose = a.Dose.IsPerKilogram ? $"{a.Dose} ({Formatting.Plain(mg, 3)} mg)" : $"{Formatting.Plain(mg, 3)} mg";
        string route = RouteWords(a.Route, a.IsInfusion ? a.InfusionDuration : TimeSpan.Zero);
        string times = arm.Sessions == 1 ? "once" : $"{arm.Sessions} sessions every {Formatting.Span(arm.Interval)}";
        return $"{Vocabulary.Name(arm.Drug)}, {arm.Model.Key} model; {dose} {route}, {times}";
    }

    /// <summary>A route in words: <c>IV over 40 min</c>, <c>IV bolus</c>, <c>intramuscular</c>, <c>intranasal</c>.</summary>
    internal static string RouteWords(Route route, TimeSpan infusion) => route switch
    {
        Route.Intravenous => infusion > TimeSpan.Zero ? $"IV over {Formatting.Span(infusion)}" : "IV bolus",
        Route.Intramuscular => "intramuscular",
        Route.Subcutaneous => "subcutaneous",
        _ => route.ToString().ToLowerInvariant(),
    };

    /// <summary>The PROVISIONAL parameters of the effect models.</summary>
    internal static IEnumerable<ModelParameter> ProvisionalEffects(EffectParameterSet? effects = null) => (effects ?? EffectParameterSet.Default).Parameters.Where(p => p.IsProvisional);

    private static HashSet<string> EffectParameterNames() => [.. ProvisionalEffects().Select(p => p.Name)];

    private static string MetricNotes(ComparisonOptions o) =>
        $"Typical patient, parent drug: cmax ng/mL, tmax h, auc0To24 ng.h/mL, timeAboveH = hours above {o.Threshold.NanogramsPerMilliliter.ToString("R", Inv)} ng/mL; " +
        "peakCadss CADSS points at peakCadssTimeH; cadssBelow4AfterH = when CADSS falls under 4 after its peak (0 = never above 4, null = not within 7 d); " +
        "antidepressant4H/Day1/Day7 = antidepressant drug effect in MADRS points, negative = improvement (no placebo, no rating noise). " +
        "atLow/atHigh: the same metrics with the uncertain input at the low/high end of its range. " + EsketamineCaveat;

    private static CompareMetricsJson Metrics(ArmMetrics m) =>
        new(m.CmaxNgPerMl, m.TmaxH, m.Auc0To24NgHPerMl, m.TimeAboveH, m.PeakCadss, m.PeakCadssTimeH, m.CadssBelow4AfterH,
            m.Antidepressant4H, m.AntidepressantDay1, m.AntidepressantDay7);

    /// <summary>One metric column of a table: header, metric and format.</summary>
    private sealed record Column(string Header, Func<ArmMetrics, double?> Metric, Kind Kind);

    /// <summary>How a metric is formatted.</summary>
    private enum Kind
    {
        Concentration,
        Time,
        Points,
        BackUnder4,
    }

    private static Column[] ExposureColumns(ComparisonOptions o) =>
    [
        new("Cmax\n(ng/mL)", m => m.CmaxNgPerMl, Kind.Concentration),
        new("Tmax", m => m.TmaxH, Kind.Time),
        new("AUC0-24\n(ng.h/mL)", m => m.Auc0To24NgHPerMl, Kind.Concentration),
        new($"Time above\n{Formatting.Plain(o.Threshold.NanogramsPerMilliliter, 3)} ng/mL", m => m.TimeAboveH, Kind.Time),
    ];

    private static readonly Column[] DissociationColumns =
    [
        new("Peak CADSS\n(points)", m => m.PeakCadss, Kind.Points),
        new("Peak at", m => m.PeakCadssTimeH, Kind.Time),
        new("Back under\nCADSS 4", m => m.CadssBelow4AfterH, Kind.BackUnder4),
    ];

    private static readonly Column[] AntidepressantColumns =
    [
        new("4 h", m => m.Antidepressant4H, Kind.Points),
        new("1 d", m => m.AntidepressantDay1, Kind.Points),
        new("7 d", m => m.AntidepressantDay7, Kind.Points),
    ];

    private static void MetricTable(ReportBuilder r, string title, ComparisonResult result, Column[] columns, Func<ArmComparison, Func<Func<ArmMetrics, double?>, Kind, string>> cells) =>
        r.Table(title, [new ReportColumn("Arm"), .. columns.Select(c => ReportColumn.Number(c.Header))],
            result.Arms.Select(a => (IEnumerable<string>)[a.Arm.Name, .. columns.Select(c => cells(a)(c.Metric, c.Kind))]));

    /// <summary>Cells of the typical patient: the value, and for an arm with an uncertain input the values at both ends and the marker.</summary>
    private static Func<Func<ArmMetrics, double?>, Kind, string> Typical(ArmComparison a, IReadOnlyDictionary<UncertainInput, string> markers) => (metric, kind) =>
    {
        double? typical = metric(a.Typical);
        if (a.AtLow is not { } low || a.AtHigh is not { } high || a.Uncertain is not { } u)
        {
            var (one, unit) = Format([typical], kind);
            return one[0] + unit;
        }
        var (texts, suffix) = Format([typical, metric(low), metric(high)], kind);
        if (texts.Distinct().Count() > 1) return $"{texts[0]} [{texts[1]}, {texts[2]}]{suffix}{markers[u]}";
        var (same, sameUnit) = Format([typical], kind);
        return same[0] + sameUnit + markers[u];
    };

    /// <summary>Cells of the population: median [5th, 95th percentile].</summary>
    private static Func<Func<ArmMetrics, double?>, Kind, string> Spread(ArmComparison a) => (metric, kind) =>
    {
        var p = a.Population!;
        var (texts, suffix) = Format([metric(p.Median), metric(p.P5), metric(p.P95)], kind);
        if (texts.Distinct().Count() > 1) return $"{texts[0]} [{texts[1]}, {texts[2]}]{suffix}";
        var (same, unit) = Format([metric(p.Median)], kind);
        return same[0] + unit;
    };

    /// <summary>
    /// Formats related values alike: concentrations with 3 significant digits, points with one decimal, times in one unit
    /// chosen from the largest (min below 1 h, h up to 48 h, d beyond), returned once as a suffix when every value is a
    /// time (<c>16 [15, 17] min</c>) and after each time otherwise (<c>never [never, 1.9 h]</c>).
    /// </summary>
    private static (string[] Texts, string Suffix) Format(double?[] values, Kind kind)
    {
        if (kind == Kind.Concentration) return ([.. values.Select(v => v is { } x ? Formatting.Number(x, 3) : "n/a")], "");
        if (kind == Kind.Points) return ([.. values.Select(v => v is { } x ? OneDecimal(x) : "n/a")], "");
        double largest = values.Where(v => v is > 0).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        (double factor, string unit, int decimals) = largest < 1 ? (60.0, "min", 0) : largest <= 48 ? (1.0, "h", 2) : (1 / 24.0, "d", 1);
        bool backUnder4 = kind == Kind.BackUnder4;
        string Text(double? v) => v switch
        {
            null => backUnder4 ? "> 7 d" : "n/a",
            0 when backUnder4 => values.Length == 1 ? "never > 4" : "never",
            { } x => Formatting.Plain(x * factor, decimals),
        };
        bool time(double? v) => v is { } x && (x > 0 || !backUnder4);
        if (values.All(time)) return ([.. values.Select(Text)], " " + unit);
        return ([.. values.Select(v => time(v) ? $"{Text(v)} {unit}" : Text(v))], "");
    }

    private static string OneDecimal(double value)
    {
        string text = value.ToString("0.0", Inv);
        return text == "-0.0" ? "0.0" : text;
    }

    private static Dictionary<UncertainInput, string> MarkerMap(ComparisonResult result)
    {
        var map = new Dictionary<UncertainInput, string>();
        foreach (var a in result.Arms)
            if (a.Uncertain is { } u && !map.ContainsKey(u))
                map[u] = map.Count < Markers.Length ? Markers[map.Count] : $"*{map.Count + 1}";
        return map;
    }

    private static string Description(ComparisonResult result, UncertainInput input) =>
        result.Arms.First(a => a.Uncertain == input).Arm.Model[input.Parameter].Description.TrimEnd('.');
}

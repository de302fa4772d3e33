using KetaminePkPd.Application;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The outputs of one virtual trial (<see cref="TrialRequest.Run"/>): the readable <see cref="Report"/> (per-arm
/// outcomes, the dissociation-response associations, their reading and the PROVISIONAL statement), the JSON document
/// and the per-patient <see cref="ResultTable"/>. Sign convention: a change of a depression score is the score minus
/// its baseline (negative = improvement); r is CADSS against % change (negative = more dissociation, more improvement).
/// </summary>
public static class TrialReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly TrialJsonContext Json = new(TrialJsonParts.Relaxed(TrialJsonContext.Default.Options));

    /// <summary>The readable report: header, dissociation and depression outcomes by arm, associations, sign convention, PROVISIONAL line.</summary>
    /// <param name="request">The request that ran.</param>
    /// <param name="result">Its result.</param>
    /// <param name="outFile">The per-patient CSV written, or null (the closing line says how to get one).</param>
    public static Report Build(TrialRequest request, TrialResult result, string? outFile = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var design = result.Design;
        string scale = design.Scale.Label(), at = Formatting.Span(design.CadssTime);
        var b = new ReportBuilder($"ketamine-pkpd trial: {design.Name}, {result.Overall.Subjects} patients, {TrialWording.NameWithStrengths(result.Hypothesis)}, seed {result.Seed}")
            .Fact("Design", $"{design.Name} [{request.Choice.Origin}]")
            .Fact("Arms", string.Join("\n", design.Arms.Select(TrialWording.Arm)))
            .Fact("Ratings", TrialWording.Ratings(design))
            .Fact("Population", TrialWording.Population(design.Population))
            .Fact("Clinical", design.Clinical.ToString())
            .Fact("Hypothesis", TrialWording.Hypothesis(result.Hypothesis) + (request.HypothesisSource == "scenario file" ? " (from the scenario file)" : ""))
            .Fact("Seed", $"{result.Seed} (the same seed gives the same trial)");

        var arms = result.Arms.Length > 1 ? [.. result.Arms, result.Overall] : result.Arms.ToList();
        b.Table("Dissociation by arm (CADSS points)",
            [new ReportColumn("Arm"), .. new[] { "n", $"CADSS {at}\nmean ± SD", $"CADSS {at}\n> 4", "Peak CADSS\nmean", "Peak CADSS\n> 20" }.Select(ReportColumn.Number)],
            arms.Select(a => new[] { a.Arm, a.Subjects.ToString(Inv), $"{Formatting.Score(a.MeanCadss)} ± {Formatting.Score(a.SdCadss)}",
                Formatting.Percent(a.ShareCadssAbove4), Formatting.Score(a.MeanPeakCadss), Formatting.Percent(a.SharePeakAbove20) }));
        b.Table($"Depression ({scale}) by arm and assessment",
            [new ReportColumn("Arm"), ReportColumn.Number("Time"), ReportColumn.Number("Mean\n% change"), ReportColumn.Number("Response\n(>= 50%)"),
                ReportColumn.Number($"Remission\n(<= {Formatting.Plain(design.Scale.RemissionCutoff())})")],
            arms.SelectMany(a => design.Assessments.Select((t, k) => new[] { k == 0 ? a.Arm : "", Formatting.Span(t), Formatting.PercentValue(a.MeanPercentChange[k]),
                Formatting.Percent(a.ResponseRate[k]), Formatting.Percent(a.RemissionRate[k]) })));
        b.Text("% change is from baseline: negative = improvement. Placebo response and rating noise included.");

        var assoc = result.Associations;
        IEnumerable<string> Line(string label, Func<AssociationSummary, string> cell) => [label, .. assoc.Select(a => a is null ? "n/a" : cell(a))];
        b.Table($"Association of CADSS ({at}) with % change of {scale}, all {result.Overall.Subjects} patients",
            [new ReportColumn("Statistic"), .. design.Assessments.Select(t => ReportColumn.Number(Formatting.Span(t)))],
            [
                Line("r vs % change", a => Formatting.R(a.Raw.R)),
                Line("  95% CI", a => Formatting.Interval(a.Raw.Lower, a.Raw.Upper)),
                Line("  p", a => Formatting.P(a.Raw.PValue)),
                Line("r with improvement", a => Formatting.R(a.ImprovementR)),
                Line("Spearman rho", a => Formatting.R(a.Spearman.R)),
                Line("partial r | exposure", a => a.PartialGivenExposure is { } c ? Formatting.R(c.R) : "n/a"),
                Line("  95% CI", a => a.PartialGivenExposure is { } c ? Formatting.Interval(c.Lower, c.Upper) : ""),
                Line("partial r | dose", a => a.PartialGivenDose is { } c ? Formatting.R(c.R) : "n/a"),
                Line("  95% CI", a => a.PartialGivenDose is { } c ? Formatting.Interval(c.Lower, c.Upper) : ""),
            ]);
        return b.Text(TrialWording.SignConvention(design))
            .Text($"Exposure = plasma concentration at {at} (what a trial would measure); dose = mg given. " +
                "n/a: undefined (e.g. every patient got the same dose, or fewer than 4 patients).")
            .Provisional(TrialWording.ProvisionalLine(design, [result.Hypothesis]))
            .Text(outFile is null ? "The per-patient CSV (one row per patient) and the JSON output give every number above."
                : $"{outFile} has one row per patient ({result.Overall.Subjects} rows).")
            .Build();
    }

    /// <summary>
    /// The JSON document (camelCase keys, see docs/outputs.md): design, hypothesis, seed, modelVersion, subjects, per-arm
    /// summaries, overall, associations per assessment, sign convention, provisional parameters, settings, the settings
    /// that differ from the defaults, a command line that reproduces the run, and the files written.
    /// </summary>
    /// <param name="request">The request that ran.</param>
    /// <param name="result">Its result.</param>
    /// <param name="outFile">The per-patient CSV written, or null.</param>
    /// <param name="plotFiles">The figures written.</param>
    /// <exception cref="NonFiniteResultException">A summary value is NaN or infinite.</exception>
    public static string ToJson(TrialRequest request, TrialResult result, string? outFile = null, IEnumerable<string>? plotFiles = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var design = result.Design;
        var h = result.Hypothesis;
        var json = new TrialJson(design.Name, request.Choice.Token, request.Choice.FilePath, Vocabulary.Token(design.Drug), design.Population.Pk.Key,
            design.Scale.Label(), design.CadssTime.TotalHours, HypothesisJson.Of(h), request.HypothesisSource, result.Seed, TrialJsonParts.ModelVersion,
            result.Overall.Subjects, [.. result.Arms.Select((a, i) => Arm(a, design, TrialWording.Administration(design.Arms[i])))], Arm(result.Overall, design, null),
            [.. design.Assessments.Select((t, k) => Association(t, result.Associations[k]))], TrialWording.SignConvention(design),
            TrialWording.Population(design.Population), design.Clinical.ToString(), [.. TrialWording.ProvisionalParameters(design).Select(ProvisionalParameterJson.Of)],
            new TrialSettingsJson(request.Choice.Token, request.Choice.FilePath, design.TotalSubjects, h.Name, h.SensitivityCorrelation, h.MediationShare,
                h.ExpectancyThresholdCadss, h.ExpectancyBoostMadrs, result.Seed),
            request.DiffersFromDefaults, request.CommandLine, outFile, [.. plotFiles ?? []]);
        foreach (var arm in json.Arms.Append(json.Overall))
        {
            TrialJsonParts.Finite("the trial", arm.MeanCadss, arm.SdCadss, arm.ShareCadssAbove4, arm.MeanPeakCadss, arm.SharePeakAbove20);
            foreach (var a in arm.Assessments) TrialJsonParts.Finite("the trial", a.MeanPercentChange, a.ResponseRate, a.RemissionRate);
        }
        return JsonSerializer.Serialize(json, Json.TrialJson);
    }

    /// <summary>
    /// One row per patient, in index order: covariates, dose, PK and effect parameters, exposure, CADSS (at the design's
    /// CADSS time and its peak, points), whether the patient noticed dissociation, the baseline and, for each assessment
    /// t, the score, its change from baseline (negative = improvement), % change, responder and remitter flag, each column
    /// naming the design's rating scale (e.g. <c>change_hdrs17_230min</c>). <see cref="ObservedCorrelation.Read"/> reads it back.
    /// </summary>
    public static ResultTable Patients(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var design = result.Design;
        var columns = PatientColumns(design);
        var rows = result.Subjects.Select(s =>
        {
            var row = new ResultValue[columns.Length];
            PatientRow(design, s, row);
            return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(row);
        });
        return new ResultTable("patients", columns, [.. rows]);
    }

    /// <summary>The columns of <see cref="Patients"/> for <paramref name="design"/>.</summary>
    internal static ImmutableArray<ResultColumn> PatientColumns(TrialDesign design)
    {
        string scale = design.Scale.Token(), label = design.Scale.Label();
        var columns = ImmutableArray.CreateBuilder<ResultColumn>();
        foreach (var (name, description) in (ReadOnlySpan<(string, string)>)[
            ("index", "patient index, from 0"), ("arm", "arm name"), ("weight_kg", "body weight, kg"), ("age_y", "age, years"), ("dose_mg", "dose per administration, mg"),
            ("clearance_l_per_h", "clearance, L/h"), ("central_volume_l", "central volume, L"), ("c50_cadss_ng_per_ml", "effect-site concentration of half-maximal dissociation, ng/mL"),
            ("ec50_ng_per_ml", "effect-site concentration of half-maximal antidepressant signal, ng/mL"), ("effect_scale", "individual scale of the antidepressant effect"),
            ("conc_at_cadss_ng_per_ml", $"plasma concentration at the CADSS time ({Durations.Format(design.CadssTime)}), ng/mL"), ("cmax_ng_per_ml", "peak plasma concentration, ng/mL"),
            ("auc0_24_ng_h_per_ml", "plasma AUC over 0-24 h, ng h/mL"), ("cadss", $"rated CADSS at {Durations.Format(design.CadssTime)}, points 0-92"),
            ("cadss_peak", "rated peak CADSS, points 0-92"), ("noticed", "noticed dissociation (expectancy)"), ($"baseline_{scale}", $"baseline {label}, points")])
            columns.Add(new ResultColumn(name, description));
        foreach (var t in design.Assessments)
        {
            string at = ColumnTime(t), when = Durations.Format(t);
            columns.Add(new ResultColumn($"score_{scale}_{at}", $"{label} at {when}, points"));
            columns.Add(new ResultColumn($"change_{scale}_{at}", $"{label} at {when} minus baseline, points; negative = improvement"));
            columns.Add(new ResultColumn($"pct_change_{scale}_{at}", $"% change of {label} from baseline at {when}; negative = improvement"));
            columns.Add(new ResultColumn($"responder_{scale}_{at}", $"{label} at least 50% below baseline at {when}"));
            columns.Add(new ResultColumn($"remitter_{scale}_{at}", $"{label} at most {Formatting.Plain(design.Scale.RemissionCutoff())} at {when}"));
        }
        return columns.ToImmutable();
    }

    /// <summary>Patient <paramref name="s"/>'s row of <see cref="Patients"/>, into <paramref name="row"/> (one value per column).</summary>
    internal static void PatientRow(TrialDesign design, TrialSubjectResult s, Span<ResultValue> row)
    {
        var m = s.Simulated;
        int c = 0;
        foreach (var value in (ReadOnlySpan<ResultValue>)[m.Index, design.Arms[m.Arm].Name, m.Subject.WeightKg, m.Subject.AgeYears, m.DoseMg, m.ClearanceLPerH,
            m.CentralVolumeL, m.DissociationC50NgPerMl, m.AntidepressantEc50NgPerMl, m.AntidepressantScale, m.ConcentrationAtCadssNgPerMl, m.CmaxNgPerMl,
            m.Auc0To24NgHPerMl, s.CadssRated, s.CadssPeakRated, s.NoticedDissociation, s.Baseline])
            row[c++] = value;
        for (int k = 0; k < design.Assessments.Length; k++)
        {
            row[c++] = s.Scores[k];
            row[c++] = s.Changes[k];
            row[c++] = s.PercentChanges[k];
            row[c++] = s.Responders[k];
            row[c++] = s.Remitters[k];
        }
    }

    /// <summary>
    /// Runs the trial as <see cref="TrialRequest.Run"/> does (the same summaries, bit for bit) without keeping the patients: their
    /// <see cref="TrialResult.Subjects"/> is empty, and memory holds a few numbers per patient (about 80 bytes for four
    /// assessments; docs/benchmarks.md) instead of the patient records. When <paramref name="patientsCsv"/> is given, the
    /// per-patient CSV is written to it as the patients are simulated, in blocks of at most 256: the same bytes as
    /// <see cref="Patients"/> of <see cref="TrialRequest.Run"/>'s result written with <see cref="ResultTable.WriteCsv(Stream)"/>.
    /// </summary>
    /// <param name="request">The trial to run.</param>
    /// <param name="patientsCsv">Where to write the per-patient CSV (left open), or null for none.</param>
    /// <param name="progress">Receives the number of patients simulated so far, or null.</param>
    /// <exception cref="NonFiniteResultException">A per-patient value is NaN or infinite (the rows before it have been written).</exception>
    public static TrialResult RunStreamed(TrialRequest request, Stream? patientsCsv, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (patientsCsv is null) return VirtualTrial.RunStreamed(request.Design, request.Hypothesis, request.Seed, parallel: true, progress, keepSubjects: false, sink: null);
        using var writer = new PatientWriter(request.Design, patientsCsv);
        return VirtualTrial.RunStreamed(request.Design, request.Hypothesis, request.Seed, parallel: true, progress, keepSubjects: false, sink: writer.Write);
    }

    /// <summary>
    /// Writes the rows of <see cref="Patients"/> as CSV (the same bytes as <see cref="ResultTable.WriteCsv(Stream)"/>) one
    /// patient at a time: <see cref="Write"/> takes each patient as the trial simulates it (<see cref="RunStreamed"/>),
    /// so the rows are never all held.
    /// </summary>
    internal sealed class PatientWriter : IDisposable
    {
        private readonly TrialDesign _design;
        private readonly StreamWriter _text;
        private readonly ResultTableWriter _rows;
        private readonly ResultValue[] _row;

        public PatientWriter(TrialDesign design, Stream stream)
        {
            _design = design;
            var columns = PatientColumns(design);
            _text = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            _rows = new ResultTableWriter("patients", columns, _text);
            _row = new ResultValue[columns.Length];
        }

        public void Write(TrialSubjectResult s)
        {
            PatientRow(_design, s, _row);
            _rows.WriteRow(_row);
        }

        /// <summary>Ends the CSV and flushes it to the stream.</summary>
        public void Dispose()
        {
            _rows.Dispose();
            _text.Flush();
            _text.Dispose();
        }
    }

    /// <summary>An assessment time for a column name: its label (<c>230min</c>, <c>7d</c>), or whole minutes or seconds when the label has a decimal point.</summary>
    internal static string ColumnTime(TimeSpan t)
    {
        string label = Durations.Format(t);
        if (label.All(char.IsAsciiLetterOrDigit)) return label;
        return t.TotalMinutes == Math.Floor(t.TotalMinutes) ? $"{(long)t.TotalMinutes}min" : $"{(long)Math.Round(t.TotalSeconds)}s";
    }

    private static ArmJson Arm(ArmSummary a, TrialDesign design, string? administration) => new(
        a.Arm, administration, a.Subjects, a.MeanCadss, a.SdCadss, a.ShareCadssAbove4, a.MeanPeakCadss, a.SharePeakAbove20,
        [.. design.Assessments.Select((t, k) => new ArmAssessmentJson(Durations.Format(t), t.TotalHours, a.MeanPercentChange[k], a.ResponseRate[k], a.RemissionRate[k]))]);

    private static AssociationJson Association(TimeSpan t, AssociationSummary? a) => a is null
        ? new AssociationJson(Durations.Format(t), t.TotalHours, null, null, null, null, null, null, null, null, null)
        : new AssociationJson(Durations.Format(t), t.TotalHours, a.Raw.N, a.Raw.R, a.Raw.Lower, a.Raw.Upper, a.Raw.PValue, a.ImprovementR,
            CorrelationJson.Of(a.Spearman), CorrelationJson.Of(a.PartialGivenExposure), CorrelationJson.Of(a.PartialGivenDose));
}

using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The outputs of a dose sweep (<see cref="DoseResponseResult.Run"/>): the report people read (the sweep, both effects at
/// selected doses, the half-maximal doses, the correlation that dose alone produces, PROVISIONAL parameters), the JSON
/// document and the one-row-per-dose <see cref="ResultTable"/>.
/// </summary>
/// <remarks>
/// The day-1 antidepressant drug effect is given as a change of the MADRS score, so negative = improvement, as in every
/// output (docs/outputs.md); the half-maximal dose of the antidepressant effect is where that improvement reaches half of
/// its largest value in the sweep.
/// </remarks>
public static class DoseResponseReport
{
    /// <summary>The command-line option behind each argument of <see cref="DoseResponseSettings.Create"/>, for its messages.</summary>
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["drug"] = "--drug", ["model"] = "--model", ["route"] = "--route", ["infusion"] = "--infusion", ["from"] = "--from", ["to"] = "--to",
        ["steps"] = "--steps", ["populationSize"] = "--subjects", ["subject"] = "--weight", ["seed"] = "--seed",
    };

    /// <summary><see cref="DoseResponseSettings.Create"/> from the command line's values (a typical adult of <paramref name="weightKg"/>),
    /// with messages that name the options instead of the parameters.</summary>
    /// <exception cref="ArgumentException">A value out of range or a bad combination; the message names the option.</exception>
    public static DoseResponseSettings CreateSettings(Drug? drug, PkParameterSet? model, Route? route, TimeSpan? infusion, Dose? from, Dose? to,
        int? steps, int? subjects, double? weightKg, ulong? seed)
    {
        try
        {
            return DoseResponseSettings.Create(drug, model, route, infusion, from, to, steps, subjects,
                weightKg is { } kg ? Subject.TypicalAdult with { WeightKg = kg } : null, seed);
        }
        catch (ArgumentException ex) when (ex.ParamName is { } name && OptionOf.TryGetValue(name, out var option))
        {
            throw new ArgumentException($"{option}: {ErrorText.WithoutArgumentDetails(ex.Message)}");
        }
    }

    /// <summary>A command line that reproduces the sweep (without the output options): every setting that differs from the defaults.</summary>
    /// <param name="s">The settings.</param>
    public static string Reproduce(DoseResponseSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var d = DoseResponseSettings.Default;
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string> { CommandLineText.Tool, "dose-response" };
        if (s.Model.Key != d.Model.Key) parts.Add($"--model {s.Model.Key}");
        if (s.Route != d.Route) parts.Add($"--route {Vocabulary.Token(s.Route)}");
        if (s.Route == Route.Intravenous && s.Infusion != d.Infusion) parts.Add($"--infusion {(s.Infusion == TimeSpan.Zero ? "0" : Durations.Format(s.Infusion))}");
        if (s.From != d.From || s.To != d.To) parts.Add($"--from {DoseToken(s.From)} --to {DoseToken(s.To)}");
        if (s.Steps != d.Steps) parts.Add($"--steps {s.Steps.ToString(inv)}");
        if (s.PopulationSize != d.PopulationSize) parts.Add($"--subjects {s.PopulationSize.ToString(inv)}");
        if (s.Seed != d.Seed) parts.Add($"--seed {s.Seed.ToString(inv)}");
        if (s.Subject.WeightKg != d.Subject.WeightKg) parts.Add($"--weight {s.Subject.WeightKg.ToString("R", inv)}kg");
        return string.Join(' ', parts);
    }

    /// <summary>A dose as an option value: <c>0.05mg/kg</c>, <c>28mg</c>.</summary>
    /// <param name="dose">The dose.</param>
    public static string DoseToken(Dose dose) => dose.Value.ToString("R", CultureInfo.InvariantCulture) + (dose.IsPerKilogram ? "mg/kg" : "mg");

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly DoseResponseJsonContext Json = new(TrialJsonParts.Relaxed(DoseResponseJsonContext.Default.Options));

    /// <summary>Doses shown in the report's table (the sweep may hold more; <see cref="Table"/> has all): 10.</summary>
    public const int ReportRows = 10;

    /// <summary>The fewest virtual patients for a scatter with a fitted line: 4.</summary>
    public const int MinScatterSubjects = 4;

    /// <summary>What the half-maximal doses are, in words.</summary>
    public const string HalfMaximalDefinition =
        "The dose at which each effect of the typical patient first reaches half of its largest value in this sweep, interpolated " +
        "linearly on log dose. It is not the EC50 of a fitted model and moves when the sweep's range moves.";

    /// <summary>The columns of <see cref="Table"/>, in order, each with its unit and meaning.</summary>
    public static ImmutableArray<ResultColumn> Columns { get; } =
    [
        new("dose", "Dose of the sweep, free base, in dose_unit."),
        new("dose_unit", "mg/kg or mg."),
        new("dose_mg", "The dose for the typical patient, mg free base."),
        new("peak_cadss", "Peak dissociation of the typical patient, CADSS points."),
        new("day1_change_madrs", "Antidepressant drug effect at 24 h as a change of the MADRS score, points, negative = improvement (no placebo, no rating noise)."),
        new("cmax_ng_per_ml", "Parent drug Cmax of the typical patient, ng/mL."),
    ];

    /// <summary>One row per dose of the sweep; see <see cref="Columns"/>.</summary>
    /// <param name="result">The sweep.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ResultTable Table(DoseResponseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        return new ResultTable("dose-response points", Columns, [.. result.Points.Select(p => ImmutableArray.Create<ResultValue>(
            p.Dose.Value, Unit(s), p.Dose.ToMilligrams(s.Subject.WeightKg), p.PeakCadss, p.Day1ChangeMadrs, p.CmaxNgPerMl))]);
    }

    /// <summary>
    /// The JSON document (camelCase, indented): the settings, points (every dose), halfMaximal (doses and their
    /// definition), population (r, CI, p, improvementR, partial r given exposure and given dose, reading), signConvention,
    /// provisionalParameters, modelVersion, and what the caller records about the run.
    /// </summary>
    /// <param name="result">The sweep.</param>
    /// <param name="reproduce">A command line (or call) that reproduces the run, or null.</param>
    /// <param name="outFile">The CSV file written, or null.</param>
    /// <param name="plotFiles">The figures written, or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="NonFiniteResultException">The dose-alone correlation is NaN or infinite.</exception>
    public static string ToJson(DoseResponseResult result, string? reproduce = null, string? outFile = null, IReadOnlyList<string>? plotFiles = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        double weight = s.Subject.WeightKg;
        var doc = new DoseResponseJson(
            Drug: Vocabulary.Token(s.Model.Drug),
            Model: s.Model.Key,
            Route: Vocabulary.Token(s.Route),
            InfusionH: s.Route == Route.Intravenous && s.Infusion > TimeSpan.Zero ? s.Infusion.TotalHours : null,
            WeightKg: weight,
            DoseUnit: Unit(s),
            From: s.From.Value,
            To: s.To.Value,
            Steps: s.Steps,
            PopulationSize: s.PopulationSize,
            Seed: s.Seed,
            Points: [.. result.Points.Select(p => new DosePointJson(p.Dose.Value, p.Dose.ToMilligrams(weight), p.PeakCadss, p.Day1ChangeMadrs, p.CmaxNgPerMl))],
            HalfMaximal: new HalfMaximalJson(result.HalfMaximalDissociationDose?.Value, result.HalfMaximalAntidepressantDose?.Value, Unit(s),
                result.Points.Max(p => p.PeakCadss), result.Points.Min(p => p.Day1ChangeMadrs), HalfMaximalDefinition, RisingAtTop(result)),
            Population: Population(result),
            SignConvention: result.Population is { } pop ? TrialWording.SignConvention(pop.Design) : "",
            ProvisionalParameters: [.. Provisional(s).Select(ModelParameterJson.Of)],
            ModelVersion: TrialJsonParts.ModelVersion,
            Reproduce: reproduce,
            OutFile: outFile,
            PlotFiles: plotFiles ?? []);
        return JsonSerializer.Serialize(doc, Json.DoseResponseJson);
    }

    /// <summary>
    /// The report: the sweep and the patient, both effects at about <see cref="ReportRows"/> doses, the half-maximal doses
    /// (and which effects are still rising at the top of the sweep), the dose-alone correlation over the population with
    /// its reading and the sign convention, and the PROVISIONAL parameters.
    /// </summary>
    /// <param name="result">The sweep.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="NonFiniteResultException">The dose-alone correlation is NaN or infinite.</exception>
    public static Report Build(DoseResponseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        string route = ComparisonReport.RouteWords(s.Route, s.Route == Route.Intravenous ? s.Infusion : TimeSpan.Zero);
        var r = new ReportBuilder($"ketamine-pkpd dose-response: {Vocabulary.Name(s.Model.Drug)}, {s.Model.Key} model, {route}");
        r.Fact("Model", $"{s.Model.DisplayName} [{s.Model.Key}]");
        r.Fact("Sweep", $"{s.Steps.ToString(Inv)} log-spaced doses from {DoseText(s.From)} to {DoseText(s.To)}, {route}, once");
        r.Fact("Patient", $"typical {Formatting.Plain(s.Subject.WeightKg, 2)} kg adult, typical parameters (the curves)");
        if (result.Population is { } pop)
            r.Fact("Population", $"{pop.Subjects.Length.ToString(Inv)} virtual patients given doses across the sweep " +
                $"(about {Formatting.Plain((double)pop.Subjects.Length / s.Steps, 1)} per dose), exposure-only hypothesis, seed {s.Seed.ToString(Inv)}");

        var rows = ReadableRows(result.Points.Length);
        bool perKg = s.From.IsPerKilogram;
        r.Table(rows.Count == result.Points.Length ? "Both effects by dose, typical patient" : $"Both effects at {rows.Count} of the {result.Points.Length} doses, typical patient",
            [ReportColumn.Number($"Dose\n({Unit(s)})"), .. perKg ? [ReportColumn.Number("Dose\n(mg)")] : Array.Empty<ReportColumn>(),
                ReportColumn.Number("Peak CADSS\n(points)"), ReportColumn.Number("Day-1 change\n(MADRS points)"), ReportColumn.Number("Cmax\n(ng/mL)")],
            rows.Select(i => result.Points[i]).Select(p => (IEnumerable<string>)[DoseNumber(p.Dose.Value),
                .. perKg ? [DoseNumber(p.Dose.ToMilligrams(s.Subject.WeightKg))] : Array.Empty<string>(),
                Formatting.Score(p.PeakCadss), Formatting.Score(p.Day1ChangeMadrs), Formatting.Number(p.CmaxNgPerMl, 3)]));
        r.Text("Day-1 change: the antidepressant drug effect at 24 h as a change of the MADRS score, points, negative = improvement " +
            "(no placebo, no rating noise)." + (rows.Count < result.Points.Length ? " The CSV table has every dose." : ""));

        r.Heading("Half-maximal doses");
        var peak = result.Points.MaxBy(p => p.PeakCadss)!;
        var best = result.Points.MinBy(p => p.Day1ChangeMadrs)!;
        r.Fact("Dissociation", HalfText(result.HalfMaximalDissociationDose, s) +
            $": peak CADSS first reaches {Formatting.Score(peak.PeakCadss / 2)} points, half of its largest value in the sweep " +
            $"({Formatting.Score(peak.PeakCadss)} at {DoseText(peak.Dose)})");
        r.Fact("Antidepressant", HalfText(result.HalfMaximalAntidepressantDose, s) +
            $": the day-1 change first reaches {Formatting.Score(best.Day1ChangeMadrs / 2)} MADRS points, half of its largest improvement in " +
            $"the sweep ({Formatting.Score(best.Day1ChangeMadrs)} at {DoseText(best.Dose)})");
        r.Text(HalfMaximalDefinition);
        var rising = RisingAtTop(result);
        if (rising.Count == 1)
            r.Text($"The {rising[0]} is still rising steeply at the top of the sweep, so its half-maximal dose moves with the highest dose " +
                "and is not a potency: compare the curves rather than the two doses.");
        else if (rising.Count == 2)
            r.Text("Both effects are still rising steeply at the top of the sweep, so their half-maximal doses move with the highest dose " +
                "and are not potencies: compare the curves rather than the doses.");

        if (Population(result) is { } d)
        {
            var rowsOfR = new List<IEnumerable<string>>();
            if (d.R is { } rr)
            {
                rowsOfR.Add(["r vs % change", Formatting.R(rr), Formatting.Interval(d.Lower!.Value, d.Upper!.Value), Formatting.P(d.P!.Value)]);
                rowsOfR.Add(["r with improvement", Formatting.R(d.ImprovementR!.Value), Formatting.Interval(-d.Upper!.Value, -d.Lower!.Value), Formatting.P(d.P!.Value)]);
            }
            foreach (var (label, c) in new[] { ("partial r | exposure", d.PartialGivenExposure), ("partial r | dose", d.PartialGivenDose) })
                rowsOfR.Add(c is null ? [label, "n/a", "", ""] : [label, Formatting.R(c.R), Formatting.Interval(c.Lower, c.Upper), Formatting.P(c.P)]);
            r.Table($"Dose alone: {d.Subjects.ToString(Inv)} virtual patients, CADSS at {Formatting.Span(TimeSpan.FromHours(d.CadssTimeH))} vs % change at day 1",
                [new ReportColumn("Statistic"), ReportColumn.Number("r"), ReportColumn.Number("95% CI"), ReportColumn.Number("p")], rowsOfR);
            r.Text(TrialWording.SignConvention(result.Population!.Design));
            r.Reading(d.Reading, "Reading:");
        }

        r.Provisional("PROVISIONAL parameters (own calibrations, not published estimates; sources in the JSON output): " +
            string.Join(", ", Provisional(s).Select(p => p.Name)) + ".");
        return r.Build();
    }

    /// <summary>
    /// The effects still rising steeply at the top of the sweep (<c>dissociation</c>, <c>antidepressant effect</c>): over
    /// its last step, the log-log slope (elasticity) of the effect against dose is above 0.4, so a 10% higher dose would
    /// still give about 4% more effect or more. Their half-maximal dose depends on where the sweep stops. (An Emax effect
    /// near its plateau, like dissociation, has a slope well below that.)
    /// </summary>
    /// <param name="result">The sweep.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static IReadOnlyList<string> RisingAtTop(DoseResponseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Points;
        var list = new List<string>();
        if (p.Length < 2) return list;
        double step = Math.Log(p[^1].Dose.Value / p[^2].Dose.Value);
        static double Slope(double e1, double e0, double step) => e0 > 0 && e1 > 0 ? Math.Log(e1 / e0) / step : 0;
        if (Slope(p[^1].PeakCadss, p[^2].PeakCadss, step) > 0.4) list.Add("dissociation");
        if (Slope(p[^1].Day1Improvement, p[^2].Day1Improvement, step) > 0.4) list.Add("antidepressant effect");
        return list;
    }

    /// <summary>Indices of about <see cref="ReportRows"/> doses evenly spread over the sweep, always the first and the last.</summary>
    internal static IReadOnlyList<int> ReadableRows(int count)
    {
        int rows = Math.Min(count, ReportRows);
        return [.. Enumerable.Range(0, rows).Select(i => (int)Math.Round(i * (count - 1) / (double)(rows - 1))).Distinct()];
    }

    /// <summary>A dose for people, 3 significant digits without trailing zeros and its unit: <c>0.05 mg/kg</c>, <c>0.0711 mg/kg</c>, <c>28 mg</c>.</summary>
    /// <param name="d">The dose.</param>
    public static string DoseText(Dose d) => $"{DoseNumber(d.Value)} {(d.IsPerKilogram ? "mg/kg" : "mg")}";

    private static DoseAloneJson? Population(DoseResponseResult result)
    {
        if (result.Population is not { } pop) return null;
        var s = result.Settings;
        var a = result.PopulationDay1;
        foreach (double v in a is null ? [] : (double[])[a.Raw.R, a.Raw.Lower, a.Raw.Upper, a.Raw.PValue])
            if (!double.IsFinite(v)) throw new NonFiniteResultException($"the dose-alone correlation is not finite ({v}); nothing was written.");
        string reading = a is null
            ? "Too few patients (or no spread) to correlate CADSS with the day-1 change."
            : $"Dose alone produces r = {Formatting.R(a.Raw.R)} between CADSS at {Formatting.Span(pop.Design.CadssTime)} and % change at day 1 " +
              $"(r = {Formatting.R(a.ImprovementR)} with improvement) in {pop.Subjects.Length.ToString(Inv)} virtual patients given {DoseText(s.From)} to {DoseText(s.To)}, " +
              "although nothing but dose and exposure links the two effects here" +
              (a.PartialGivenExposure is { } pe
                  ? $"; holding the plasma concentration at {Formatting.Span(pop.Design.CadssTime)} fixed leaves r = {Formatting.R(pe.R)}."
                  : ".");
        return new DoseAloneJson(pop.Subjects.Length, pop.Hypothesis.Name, pop.Design.CadssTime.TotalHours, 24, a?.Raw.N, a?.Raw.R, a?.Raw.Lower, a?.Raw.Upper,
            a?.Raw.PValue, a?.ImprovementR, CorrelationResultJson.Of(a?.PartialGivenExposure), CorrelationResultJson.Of(a?.PartialGivenDose), reading);
    }

    private static IEnumerable<ModelParameter> Provisional(DoseResponseSettings s) =>
        [.. s.Model.ParametersFor(s.Route).Where(p => p.IsProvisional), .. ComparisonReport.ProvisionalEffects(s.Effects)];

    private static string HalfText(Dose? dose, DoseResponseSettings s) =>
        dose is { } d ? DoseText(d) + (d.IsPerKilogram ? $" ({DoseNumber(d.ToMilligrams(s.Subject.WeightKg))} mg)" : "") : "not reached (the effect is zero across the sweep)";

    /// <summary>A dose with 3 significant digits and no trailing zeros: <c>0.05</c>, <c>0.0711</c>, <c>1.5</c>, <c>105</c>.</summary>
    private static string DoseNumber(double value)
    {
        string text = Formatting.Number(value, 3);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static string Unit(DoseResponseSettings s) => s.From.IsPerKilogram ? "mg/kg" : "mg";
}

using KetaminePkPd.Application;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The outputs of one single-subject simulation (<see cref="SimulationSetup"/>): the readable <see cref="Report"/>
/// (what was simulated, exposure, peak effects, the PROVISIONAL parameters, a table over selected times), the JSON
/// document and the <see cref="ResultTable"/> of every output time. Conventions in docs/outputs.md.
/// </summary>
public static class SimulationReport
{
    /// <summary>The package version and model fingerprint (e.g. <c>0.2.0+model.a1cec12ccf69</c>), recorded in JSON outputs.</summary>
    public static string LibraryVersion => TrialJsonParts.ModelVersion;

    /// <summary>The name of <see cref="TimeCourse"/>'s table.</summary>
    public const string TimeCourseName = "time_course";

    /// <summary>
    /// The significant digits of a time course's numbers (<see cref="ResultTable.SignificantDigits"/>): 10, beyond the
    /// model's own accuracy (the solvers agree to about 1e-6) and as the data-set predictions are written; docs/outputs.md.
    /// </summary>
    internal const int TimeCourseDigits = 10;

    private static readonly SimulationJsonContext Context = new(TrialJsonParts.Relaxed(SimulationJsonContext.Default.Options));

    /// <summary>The regimen in words, e.g. <c>0.5 mg/kg (35 mg) IV infusion over 40 min, once</c>.</summary>
    /// <param name="setup">What was simulated.</param>
    public static string DescribeRegimen(SimulationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var a = setup.First;
        double mg = setup.DoseMg;
        string amount = setup.Rate is { } rate
            ? $"{rate} for {Formatting.Time(Hours(a.InfusionDuration))} ({Formatting.Plain(mg, 3)} mg)"
            : a.Dose.IsPerKilogram ? $"{a.Dose} ({Formatting.Plain(mg, 3)} mg)"
            : setup.DoseText is { } text && text.Contains("hcl", StringComparison.OrdinalIgnoreCase) ? $"{Formatting.Plain(mg, 2)} mg free base ({text.Trim()})"
            : $"{Formatting.Plain(mg, 3)} mg";
        string how = a.Route switch
        {
            Route.Intravenous when a.IsInfusion => setup.Rate is null ? $"IV infusion over {Formatting.Time(Hours(a.InfusionDuration))}" : "IV infusion",
            Route.Intravenous => "IV bolus",
            Route.Intranasal when setup.PkModel.GetRoute(Route.Intranasal).Devices is { } d && mg > 0 =>
                $"intranasal ({Formatting.Plain(mg / d.DeviceMg, 0)} x {Formatting.Plain(d.DeviceMg)} mg devices, {Formatting.Time(Hours(d.Interval))} apart)",
            Route.Intramuscular => "intramuscular",
            Route.Subcutaneous => "subcutaneous",
            _ => a.Route.ToString().ToLowerInvariant(),
        };
        string times = setup.Count == 1 ? "once" : $"{setup.Count} doses every {Formatting.Time(Hours(setup.Interval))}";
        return setup.Rate is null ? $"{amount} {how}, {times}" : $"{how} {amount}, {times}";
    }

    /// <summary>A short label of the regimen for figure legends: <c>0.5 mg/kg IV over 40 min</c>, <c>56 mg intranasal x8 every 3.5 d</c>.</summary>
    /// <param name="setup">What was simulated.</param>
    public static string ShortLabel(SimulationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var a = setup.First;
        string dose = setup.Rate is { } rate ? $"{rate} for {Formatting.Span(a.InfusionDuration)}" : a.Dose.ToString();
        string route = a.Route == Route.Intravenous ? (a.IsInfusion && setup.Rate is null ? $"IV over {Formatting.Span(a.InfusionDuration)}" : "IV")
            : Vocabulary.Token(a.Route);
        return setup.Count > 1 ? $"{dose} {route} x{setup.Count} every {Formatting.Span(setup.Interval)}" : $"{dose} {route}";
    }

    /// <summary>
    /// Every output time of <paramref name="result"/>: <c>time_h</c>, <c>parent_ng_per_ml</c>, <c>metabolite_ng_per_ml</c>
    /// (empty for a model without a metabolite), <c>cadss</c> (dissociation, CADSS points), <c>madrs_change</c> (the
    /// antidepressant drug effect, MADRS points, negative = improvement), <c>amount_&lt;compartment&gt;_mg</c> per
    /// compartment, <c>eliminated_mg</c> and <c>input_mg</c> (cumulative); numbers with 10 significant digits
    /// (<see cref="ResultTable.SignificantDigits"/>).
    /// </summary>
    /// <param name="result">A result of the default model (<see cref="PkPdModel.Default"/>).</param>
    /// <exception cref="ArgumentException">The result lacks the default effects.</exception>
    public static ResultTable TimeCourse(PkPdSimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var pk = result.Pk;
        var cadss = result.Dissociation.Values;
        var madrs = result.Antidepressant.Values;
        var columns = ImmutableArray.CreateBuilder<ResultColumn>();
        columns.Add(new ResultColumn("time_h", "Time from the first dose, hours."));
        columns.Add(new ResultColumn("parent_ng_per_ml", "Plasma concentration of the parent drug (free base), ng/mL."));
        columns.Add(new ResultColumn("metabolite_ng_per_ml", "Plasma concentration of the metabolite, ng/mL; empty when the model has none."));
        columns.Add(new ResultColumn("cadss", "Dissociation, CADSS points (0 to 92)."));
        columns.Add(new ResultColumn("madrs_change", "Antidepressant drug effect, MADRS points; negative = improvement."));
        foreach (var c in pk.Model.Compartments)
            columns.Add(new ResultColumn($"amount_{ResultColumn.ToSnakeCase(c.Name)}_mg", $"Amount in the {c.Name} compartment, mg."));
        columns.Add(new ResultColumn("eliminated_mg", "Cumulative amount eliminated, mg."));
        columns.Add(new ResultColumn("input_mg", "Cumulative amount given, mg."));
        bool metabolite = !pk.MetaboliteNgPerMl.IsEmpty;
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ResultValue>>(pk.TimesH.Length);
        for (int k = 0; k < pk.TimesH.Length; k++)
        {
            var row = ImmutableArray.CreateBuilder<ResultValue>(columns.Count);
            row.Add(pk.TimesH[k]);
            row.Add(pk.ParentNgPerMl[k]);
            row.Add(metabolite ? ResultValue.Of(pk.MetaboliteNgPerMl[k]) : ResultValue.Empty);
            row.Add(cadss[k]);
            row.Add(madrs[k]);
            foreach (var amounts in pk.AmountsMg) row.Add(amounts[k]);
            row.Add(pk.EliminatedMg[k]);
            row.Add(pk.InputMg[k]);
            rows.Add(row.MoveToImmutable());
        }
        return new ResultTable(TimeCourseName, columns.ToImmutable(), rows.MoveToImmutable()) { SignificantDigits = TimeCourseDigits };
    }

    /// <summary>
    /// The JSON document (camelCase keys, documented in docs/outputs.md <c>## simulate</c>): what was simulated, exposure
    /// of parent and metabolite, peak effects, the PROVISIONAL parameters, and with <paramref name="timeCourse"/> the
    /// columns of every output time (<c>timeCourse</c>: <c>timeH</c>, <c>parentNgPerMl</c>, <c>metaboliteNgPerMl</c>,
    /// <c>cadss</c>, <c>madrsChange</c>).
    /// </summary>
    /// <param name="setup">What was simulated.</param>
    /// <param name="result">Its result.</param>
    /// <param name="outFile">The CSV file written, or null.</param>
    /// <param name="plotFiles">The figures written.</param>
    /// <param name="timeCourse">True to include every output time.</param>
    /// <exception cref="NonFiniteResultException">A peak effect or an output value is NaN or infinite.</exception>
    public static string ToJson(SimulationSetup setup, PkPdSimulationResult result, string? outFile = null,
        IReadOnlyList<string>? plotFiles = null, bool timeCourse = false)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(result);
        var pk = result.Pk;
        var dissociation = result.Dissociation;
        var antidepressant = result.Antidepressant;
        foreach (double v in (double[])[dissociation.MaximumValue, dissociation.MaximumTimeH, antidepressant.MinimumValue, antidepressant.MinimumTimeH])
            if (!double.IsFinite(v)) throw new NonFiniteResultException($"the simulation produced a non-finite effect ({v}); nothing was written.");
        TimeCourseJson? course = null;
        if (timeCourse)
        {
            TimeCourse(result).CheckFinite();
            course = new TimeCourseJson([.. pk.TimesH], [.. pk.ParentNgPerMl], pk.MetaboliteNgPerMl.IsEmpty ? null : [.. pk.MetaboliteNgPerMl],
                [.. dissociation.Values], [.. antidepressant.Values]);
        }
        var json = new SimulationJson(
            Drug: Vocabulary.Token(setup.Drug),
            Model: setup.ParameterSet.Key,
            Route: Vocabulary.Token(setup.Route),
            DoseMg: setup.DoseMg,
            WeightKg: setup.Subject.WeightKg,
            Parent: ExposureJson.Of(pk.Parent),
            Metabolite: pk.Metabolite is { } m ? ExposureJson.Of(m) : null,
            Dissociation: new DissociationJson(dissociation.MaximumValue, dissociation.MaximumTimeH),
            Antidepressant: new AntidepressantJson(antidepressant.MinimumValue, antidepressant.MinimumTimeH),
            ParentAnalyte: Vocabulary.ParentName(setup.Drug),
            MetaboliteAnalyte: setup.PkModel.MetaboliteCompartment?.Name,
            ModelName: setup.ParameterSet.DisplayName,
            Citation: setup.ParameterSet.Citation,
            AgeYears: setup.Subject.AgeYears,
            Ancestry: Vocabulary.Token(setup.Subject.Ancestry),
            Dose: setup.Rate is { } rate ? $"{rate} for {Durations.Format(setup.First.InfusionDuration)}" : setup.First.Dose.ToString(),
            InfusionH: setup.First.IsInfusion ? Hours(setup.First.InfusionDuration) : null,
            Administrations: setup.Count,
            IntervalH: setup.Count > 1 ? Hours(setup.Interval) : null,
            Doses: [.. pk.Regimen.Administrations.Select(a => new DoseJson(
                Hours(a.Start), Vocabulary.Token(a.Route), a.Dose.ToMilligrams(setup.Subject.WeightKg), a.IsInfusion ? Hours(a.InfusionDuration) : null))],
            UntilH: Hours(pk.Options.Until),
            StepH: Hours(pk.Options.OutputStep),
            Solver: Vocabulary.Token(pk.Options.Method),
            OutputPoints: pk.TimesH.Length,
            ProvisionalParameters: [.. TrialWording.ProvisionalParameters(setup.ParameterSet, [setup.Route]).Select(ParameterJson.Of)],
            ProvisionalEffectParameters: [.. TrialWording.ProvisionalParameters(setup.Effects).Select(ParameterJson.Of)],
            Notes: setup.ParameterSet.Notes,
            ModelVersion: LibraryVersion,
            OutFile: outFile,
            PlotFiles: plotFiles ?? [],
            TimeCourse: course);
        return JsonSerializer.Serialize(json, Context.SimulationJson);
    }

    /// <summary>
    /// The readable report: what was simulated, exposure (Cmax, Tmax, AUCs, terminal half-life), peak effects of the
    /// typical subject, the PROVISIONAL parameters, the parameter set's notes and a table at selected times.
    /// </summary>
    /// <param name="setup">What was simulated.</param>
    /// <param name="result">Its result.</param>
    /// <param name="outFile">The CSV file with every output time, or null.</param>
    public static Report Build(SimulationSetup setup, PkPdSimulationResult result, string? outFile = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(result);
        var pk = result.Pk;
        var dissociation = result.Dissociation;
        var antidepressant = result.Antidepressant;
        var set = setup.ParameterSet;
        string parent = Vocabulary.ParentName(setup.Drug);
        string? metabolite = setup.PkModel.MetaboliteCompartment?.Name;
        var options = pk.Options;
        double untilH = Hours(options.Until);

        var report = new ReportBuilder($"Simulation: {Vocabulary.Name(setup.Drug)}, {set.Key} model, {Vocabulary.Token(setup.Route)}")
            .Fact("Drug", Vocabulary.Name(setup.Drug) + (metabolite is null ? "" : $" (metabolite: {metabolite})"))
            .Fact("Model", $"{set.DisplayName} [{set.Key}]")
            .Fact("Source", set.Citation)
            .Fact("Subject", $"{Formatting.Plain(setup.Subject.WeightKg, 2)} kg, {Formatting.Plain(setup.Subject.AgeYears, 1)} years, {AncestryName(setup.Subject.Ancestry)}")
            .Fact("Regimen", DescribeRegimen(setup))
            .Fact("Route", setup.PkModel.GetRoute(setup.Route).Source)
            .Fact("Simulated", $"0 to {Formatting.Time(untilH)}, output every {Formatting.Time(Hours(options.OutputStep))} " +
                $"({pk.TimesH.Length} times), solver {Vocabulary.Token(options.Method)} ({SolverName(options.Method)})");

        // One column per analyte, one row per metric: stays narrow enough for an 80-column terminal.
        var analytes = new List<ExposureMetrics> { pk.Parent };
        if (metabolite is not null && pk.Metabolite is { } m) analytes.Add(m);
        var metrics = new List<IEnumerable<string>>();
        void Metric(string name, Func<ExposureMetrics, string> format) => metrics.Add([name, .. analytes.Select(format)]);
        Metric("Cmax (ng/mL)", a => Formatting.Number(a.CmaxNgPerMl));
        Metric("Tmax", a => Formatting.HoursWithMinutes(a.TmaxH));
        Metric("AUC0-24 (ng.h/mL)", a => Formatting.Number(a.Auc0To24NgHPerMl));
        if (Math.Abs(untilH - 24) > 1e-9) Metric($"AUC0-{Durations.Format(options.Until)} (ng.h/mL)", a => Formatting.Number(a.AucToEndNgHPerMl));
        Metric("AUC0-inf (ng.h/mL)", a => Formatting.Number(a.AucInfNgHPerMl));
        Metric("Terminal t1/2 (h)", a => Formatting.Number(a.TerminalHalfLifeH, 3));
        report.Table("Exposure (plasma, free base)",
            [new ReportColumn("Metric"), ReportColumn.Number(parent), .. analytes.Count > 1 ? [ReportColumn.Number(metabolite!)] : (ReportColumn[])[]], metrics);
        if (options.Until < TimeSpan.FromHours(24))
            report.Text($"AUC0-24 covers the first 24 h although only {Formatting.Time(untilH)} is tabulated; AUC0-inf covers every dose to infinity.");

        report.Table("Effects (typical parameters)", [new ReportColumn("Effect"), ReportColumn.Number("Value"), ReportColumn.Number("When")],
        [
            ["Peak dissociation (CADSS points)", Formatting.Score(dissociation.MaximumValue), Formatting.HoursWithMinutes(dissociation.MaximumTimeH)],
            ["Largest antidepressant drug effect\n(MADRS points, negative = improvement)", Formatting.Score(antidepressant.MinimumValue), Formatting.HoursWithMinutes(antidepressant.MinimumTimeH)],
        ]);
        if (antidepressant.MinimumTimeH >= untilH - 1e-9 && antidepressant.MinimumValue < 0)
            report.Text($"The antidepressant effect is still growing at {Formatting.Time(untilH)}; a longer simulation (e.g. 7d) shows its peak.");
        report.Text("Drug effects only: no placebo response, no rating noise, no between-subject variability (see the virtual trials).");

        var provisional = TrialWording.ProvisionalParameters(set, [setup.Route]);
        if (provisional.Count > 0)
            report.Provisional("PROVISIONAL parameters in this simulation (own calibrations, not published estimates; sources in the JSON): " +
                string.Join(", ", provisional.Select(p => p.Name)));
        else
            report.Text("No provisional PK parameters: every PK value is a published estimate.");
        report.Provisional("PROVISIONAL effect parameters (own calibrations of docs/model.md sections 4.1-4.2; sources in the JSON): " +
            string.Join(", ", TrialWording.ProvisionalParameters(setup.Effects).Select(p => p.Name)) +
            (setup.Drug == Drug.Esketamine ? ". For esketamine, C50_D and EC50_A are halved (R-ketamine adds nothing to dissociation)." : ""));
        report.Reading(set.Notes, "Notes:");

        var columns = new List<ReportColumn> { ReportColumn.Number("Time"), ReportColumn.Number($"{parent}\n(ng/mL)") };
        if (metabolite is not null) columns.Add(ReportColumn.Number($"{metabolite}\n(ng/mL)"));
        columns.Add(ReportColumn.Number("CADSS\n(points)"));
        columns.Add(ReportColumn.Number("MADRS change\n(points)"));
        var rows = new List<IEnumerable<string>>();
        foreach (int k in Formatting.ReadableTimeIndices(pk.TimesH))
        {
            var cells = new List<string> { Formatting.Time(pk.TimesH[k]), Formatting.Number(pk.ParentNgPerMl[k]) };
            if (metabolite is not null) cells.Add(Formatting.Number(pk.MetaboliteNgPerMl[k]));
            cells.Add(Formatting.Score(dissociation.Values[k]));
            cells.Add(Formatting.Score(antidepressant.Values[k]));
            rows.Add(cells);
        }
        report.Table("Plasma concentrations and effects", columns, rows);
        string all = $"all {pk.TimesH.Length} output times (every {Formatting.Time(Hours(options.OutputStep))})";
        report.Text(outFile is null ? $"Selected times only; the time-course CSV holds {all}." : $"Selected times only; {outFile} has {all}.");
        return report.Build();
    }

    /// <summary>A span of time in hours, as the domain converts it (ticks / ticks per hour).</summary>
    private static double Hours(TimeSpan t) => t.Ticks / (double)TimeSpan.TicksPerHour;

    private static string AncestryName(Ancestry a) => a switch
    {
        Ancestry.AsianNonJapanese => "Asian (not Japanese)",
        Ancestry.Japanese => "Japanese",
        _ => "non-Asian",
    };

    private static string SolverName(SolverMethod m) => m switch
    {
        SolverMethod.Exact => "matrix exponential",
        SolverMethod.DormandPrince54 => "adaptive Dormand-Prince 5(4)",
        _ => "adaptive Rosenbrock",
    };
}

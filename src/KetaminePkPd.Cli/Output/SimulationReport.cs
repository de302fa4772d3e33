using System.Reflection;
using KetaminePkPd.Cli.Commands;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using Spectre.Console;
using Spectre.Console.Rendering;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>The readable summary and the JSON object of one <c>simulate</c> run.</summary>
internal static class SimulationReport
{
    /// <summary>The library's informational version (e.g. <c>0.1.0</c>), recorded in JSON output.</summary>
    public static string LibraryVersion { get; } =
        typeof(PkSimulator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PkSimulator).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The parent drug's name: ketamine or esketamine.</summary>
    public static string ParentName(Drug drug) => drug == Drug.Esketamine ? "esketamine" : "ketamine";

    /// <summary>The regimen in words, e.g. <c>0.5 mg/kg (35 mg) IV infusion over 40 min, once</c>.</summary>
    public static string DescribeRegimen(SimulateInputs inputs)
    {
        var a = inputs.First;
        double mg = inputs.DoseMg;
        string amount = inputs.Rate is { } rate
            ? $"{rate} for {Formatting.Time(Hours(a.InfusionDuration))} ({Formatting.Plain(mg, 3)} mg)"
            : a.Dose.IsPerKilogram ? $"{a.Dose} ({Formatting.Plain(mg, 3)} mg)"
            : inputs.DoseText is { } text && text.Contains("hcl", StringComparison.OrdinalIgnoreCase) ? $"{Formatting.Plain(mg, 2)} mg free base ({text.Trim()})"
            : $"{Formatting.Plain(mg, 3)} mg";
        string how = a.Route switch
        {
            Route.Intravenous when a.IsInfusion => inputs.Rate is null ? $"IV infusion over {Formatting.Time(Hours(a.InfusionDuration))}" : "IV infusion",
            Route.Intravenous => "IV bolus",
            Route.Intranasal when inputs.Model.GetRoute(Route.Intranasal).Devices is { } d && mg > 0 =>
                $"intranasal ({Formatting.Plain(mg / d.DeviceMg, 0)} x {Formatting.Plain(d.DeviceMg)} mg devices, {Formatting.Time(Hours(d.Interval))} apart)",
            Route.Intramuscular => "intramuscular",
            Route.Subcutaneous => "subcutaneous",
            _ => a.Route.ToString().ToLowerInvariant(),
        };
        string times = inputs.Count == 1 ? "once" : $"{inputs.Count} doses every {Formatting.Time(Hours(inputs.Interval))}";
        return inputs.Rate is null ? $"{amount} {how}, {times}" : $"{how} {amount}, {times}";
    }

    /// <summary>A short label of the regimen for figure legends: <c>0.5 mg/kg IV over 40 min</c>, <c>56 mg intranasal x8 every 3.5 d</c>.</summary>
    public static string ShortLabel(SimulateInputs inputs)
    {
        var a = inputs.First;
        string dose = inputs.Rate is { } rate ? $"{rate} for {Formatting.Span(a.InfusionDuration)}" : a.Dose.ToString();
        string route = a.Route == Route.Intravenous ? (a.IsInfusion && inputs.Rate is null ? $"IV over {Formatting.Span(a.InfusionDuration)}" : "IV")
            : Parsing.RouteToken(a.Route);
        return inputs.Count > 1 ? $"{dose} {route} x{inputs.Count} every {Formatting.Span(inputs.Interval)}" : $"{dose} {route}";
    }

    /// <summary>The --plot figure: parent and metabolite concentrations over the whole simulation.</summary>
    public static ScottPlot.Plot ConcentrationPlot(SimulateInputs inputs, PkPdSimulationResult result) =>
        KetaminePkPd.Plotting.Charts.Concentrations([(ShortLabel(inputs), result.Pk)], inputs.LogScale,
            title: $"Plasma concentrations: {Parsing.DrugName(inputs.Drug)}, {inputs.ParameterSet.Key} model, {Formatting.Plain(inputs.Subject.WeightKg, 1)} kg");

    /// <summary>The parameters of the set that are the project's own calibrations, not published estimates.</summary>
    public static IReadOnlyList<ModelParameter> Provisional(PkParameterSet set, Route route) => [.. set.ParametersFor(route).Where(p => p.IsProvisional)];

    /// <summary>The effect parameters that are the project's own calibrations (docs/model.md sections 4.1, 4.2 and 4.4).</summary>
    public static IReadOnlyList<ModelParameter> ProvisionalEffects(EffectParameterSet effects) => [.. effects.Parameters.Where(p => p.IsProvisional)];

    /// <summary>The dissociation time course of a PK-PD result.</summary>
    public static EffectTimeCourse Dissociation(PkPdSimulationResult result) => result[EffectParameterSet.DissociationName];

    /// <summary>The antidepressant time course of a PK-PD result.</summary>
    public static EffectTimeCourse Antidepressant(PkPdSimulationResult result) => result[EffectParameterSet.AntidepressantName];

    /// <summary>Builds the JSON object; fails on a non-finite required value rather than write one.</summary>
    /// <exception cref="NonFiniteResultException">Cmax, Tmax or an AUC of the parent, or a peak effect, is NaN or infinite.</exception>
    public static SimulationJson ToJson(SimulateInputs inputs, PkPdSimulationResult pkpd, string? outPath)
    {
        var result = pkpd.Pk;
        var parent = result.Parent;
        var dissociation = Dissociation(pkpd);
        var antidepressant = Antidepressant(pkpd);
        foreach (double v in (double[])[parent.CmaxNgPerMl, parent.TmaxH, parent.Auc0To24NgHPerMl, parent.AucInfNgHPerMl])
            if (!double.IsFinite(v)) throw new NonFiniteResultException($"the simulation produced a non-finite exposure metric ({v}); nothing was written.");
        foreach (double v in (double[])[dissociation.MaximumValue, dissociation.MaximumTimeH, antidepressant.MinimumValue, antidepressant.MinimumTimeH])
            if (!double.IsFinite(v)) throw new NonFiniteResultException($"the simulation produced a non-finite effect ({v}); nothing was written.");
        return new SimulationJson(
            Drug: Parsing.DrugToken(inputs.Drug),
            Model: inputs.ParameterSet.Key,
            Route: Parsing.RouteToken(inputs.Route),
            DoseMg: inputs.DoseMg,
            WeightKg: inputs.Subject.WeightKg,
            Parent: Exposure(parent),
            Metabolite: result.Metabolite is { } m ? Exposure(m) : null,
            Dissociation: new DissociationJson(dissociation.MaximumValue, dissociation.MaximumTimeH),
            Antidepressant: new AntidepressantJson(antidepressant.MinimumValue, antidepressant.MinimumTimeH),
            ParentAnalyte: ParentName(inputs.Drug),
            MetaboliteAnalyte: inputs.Model.MetaboliteCompartment?.Name,
            ModelName: inputs.ParameterSet.DisplayName,
            Citation: inputs.ParameterSet.Citation,
            AgeYears: inputs.Subject.AgeYears,
            Ancestry: Parsing.AncestryToken(inputs.Subject.Ancestry),
            Dose: inputs.Rate is { } rate ? $"{rate} for {Durations.Format(inputs.First.InfusionDuration)}" : inputs.First.Dose.ToString(),
            InfusionH: inputs.First.IsInfusion ? Hours(inputs.First.InfusionDuration) : null,
            Administrations: inputs.Count,
            IntervalH: inputs.Count > 1 ? Hours(inputs.Interval) : null,
            Doses: [.. result.Regimen.Administrations.Select(a => new DoseJson(
                Hours(a.Start), Parsing.RouteToken(a.Route), a.Dose.ToMilligrams(inputs.Subject.WeightKg), a.IsInfusion ? Hours(a.InfusionDuration) : null))],
            UntilH: Hours(result.Options.Until),
            StepH: Hours(result.Options.OutputStep),
            Solver: Parsing.SolverToken(result.Options.Method),
            OutputPoints: result.TimesH.Length,
            ProvisionalParameters: [.. Provisional(inputs.ParameterSet, inputs.Route).Select(ParameterJson.Of)],
            ProvisionalEffectParameters: [.. ProvisionalEffects(EffectParameterSet.Default).Select(ParameterJson.Of)],
            Notes: inputs.ParameterSet.Notes,
            ModelVersion: LibraryVersion,
            OutFile: outPath);
    }

    /// <summary>Writes the readable summary: what was simulated, exposure, provisional parameters and notes, concentrations at selected times.</summary>
    public static void WriteSummary(IAnsiConsole console, SimulateInputs inputs, PkPdSimulationResult pkpd, string? outPath)
    {
        var result = pkpd.Pk;
        var dissociation = Dissociation(pkpd);
        var antidepressant = Antidepressant(pkpd);
        var set = inputs.ParameterSet;
        string parent = ParentName(inputs.Drug);
        string? metabolite = inputs.Model.MetaboliteCompartment?.Name;
        var options = result.Options;

        console.MarkupLine($"[bold]ketamine-pkpd simulate[/]: {E(Parsing.DrugName(inputs.Drug))}, {E(set.Key)} model, {E(Parsing.RouteToken(inputs.Route))}");
        console.WriteLine();

        var about = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Row(about, "Drug", Parsing.DrugName(inputs.Drug) + (metabolite is null ? "" : $" (metabolite: {metabolite})"));
        Row(about, "Model", $"{set.DisplayName} [{set.Key}]");
        Row(about, "Source", set.Citation);
        Row(about, "Subject", $"{Formatting.Plain(inputs.Subject.WeightKg, 2)} kg, {Formatting.Plain(inputs.Subject.AgeYears, 1)} years, {AncestryName(inputs.Subject.Ancestry)}");
        Row(about, "Regimen", DescribeRegimen(inputs));
        Row(about, "Route", inputs.Model.GetRoute(inputs.Route).Source);
        Row(about, "Simulated", $"0 to {Formatting.Time(Hours(options.Until))}, output every {Formatting.Time(Hours(options.OutputStep))} " +
            $"({result.TimesH.Length} times), solver {Parsing.SolverToken(options.Method)} ({SolverName(options.Method)})");
        console.Write(about);
        console.WriteLine();

        // One column per analyte, one row per metric: stays narrow enough for an 80-column terminal.
        var exposure = new Table().Border(TableBorder.Rounded).Title("Exposure (plasma, free base)");
        exposure.AddColumn(new TableColumn("Metric").NoWrap());
        exposure.AddColumn(new TableColumn(parent).RightAligned().NoWrap());
        var analytes = new List<ExposureMetrics> { result.Parent };
        if (metabolite is not null && result.Metabolite is { } m)
        {
            exposure.AddColumn(new TableColumn(metabolite).RightAligned().NoWrap());
            analytes.Add(m);
        }
        void Metric(string name, Func<ExposureMetrics, string> format) =>
            exposure.AddRow([new Text(name), .. analytes.Select(a => (IRenderable)new Text(format(a)))]);
        Metric("Cmax (ng/mL)", a => Formatting.Number(a.CmaxNgPerMl));
        Metric("Tmax", a => Formatting.HoursWithMinutes(a.TmaxH));
        Metric("AUC0-24 (ng.h/mL)", a => Formatting.Number(a.Auc0To24NgHPerMl));
        if (Math.Abs(Hours(options.Until) - 24) > 1e-9)
            Metric($"AUC0-{Durations.Format(options.Until)} (ng.h/mL)", a => Formatting.Number(a.AucToEndNgHPerMl));
        Metric("AUC0-inf (ng.h/mL)", a => Formatting.Number(a.AucInfNgHPerMl));
        Metric("Terminal t1/2 (h)", a => Formatting.Number(a.TerminalHalfLifeH, 3));
        console.Write(exposure);
        if (options.Until < TimeSpan.FromHours(24))
            console.MarkupLine($"[dim]AUC0-24 covers the first 24 h although only {E(Formatting.Time(Hours(options.Until)))} is tabulated; AUC0-inf covers every dose to infinity.[/]");
        console.WriteLine();

        // The two effects of the typical subject: peak dissociation and the largest antidepressant drug effect.
        var effectTable = new Table().Border(TableBorder.Rounded).Title("Effects (typical parameters)");
        effectTable.AddColumn(new TableColumn("Effect").NoWrap());
        effectTable.AddColumn(new TableColumn("Value").RightAligned().NoWrap());
        effectTable.AddColumn(new TableColumn("When").RightAligned().NoWrap());
        effectTable.AddRow("Peak dissociation (CADSS points)", Formatting.Score(dissociation.MaximumValue), Formatting.HoursWithMinutes(dissociation.MaximumTimeH));
        effectTable.AddRow("Largest antidepressant drug effect\n(MADRS points, negative = improvement)",
            Formatting.Score(antidepressant.MinimumValue), Formatting.HoursWithMinutes(antidepressant.MinimumTimeH));
        console.Write(effectTable);
        if (antidepressant.MinimumTimeH >= Hours(options.Until) - 1e-9 && antidepressant.MinimumValue < 0)
            console.WriteLine($"The antidepressant effect is still growing at {Formatting.Time(Hours(options.Until))}; a longer --until (e.g. 7d) shows its peak.");
        console.WriteLine("Drug effects only: no placebo response, no rating noise, no between-subject variability (see 'ketamine-pkpd trial').");
        console.WriteLine();

        var provisional = Provisional(set, inputs.Route);
        if (provisional.Count > 0)
            console.MarkupLine($"[bold yellow]PROVISIONAL parameters in this simulation[/] (own calibrations, not published estimates; sources in --json): " +
                E(string.Join(", ", provisional.Select(p => p.Name))));
        else
            console.MarkupLine("No provisional PK parameters: every PK value is a published estimate.");
        console.MarkupLine("[bold yellow]PROVISIONAL effect parameters[/] (own calibrations of docs/model.md sections 4.1-4.2; sources in --json): " +
            E(string.Join(", ", ProvisionalEffects(EffectParameterSet.Default).Select(p => p.Name))) +
            (inputs.Drug == Drug.Esketamine ? E(". For esketamine, C50_D and EC50_A are halved (R-ketamine adds nothing to dissociation).") : ""));
        console.Write(new Paragraph().Append("Notes: ", new Style(decoration: Decoration.Bold)).Append(set.Notes));
        console.WriteLine();
        console.WriteLine();

        var times = Formatting.ReadableTimeIndices(result.TimesH);
        var conc = new Table().Border(TableBorder.Rounded).Title("Plasma concentrations and effects");
        conc.AddColumn(new TableColumn("Time").RightAligned());
        conc.AddColumn(new TableColumn($"{parent}\n(ng/mL)").RightAligned());
        if (metabolite is not null) conc.AddColumn(new TableColumn($"{metabolite}\n(ng/mL)").RightAligned());
        conc.AddColumn(new TableColumn("CADSS\n(points)").RightAligned());
        conc.AddColumn(new TableColumn("MADRS change\n(points)").RightAligned());
        foreach (int k in times)
        {
            var cells = new List<string> { Formatting.Time(result.TimesH[k]), Formatting.Number(result.ParentNgPerMl[k]) };
            if (metabolite is not null) cells.Add(Formatting.Number(result.MetaboliteNgPerMl[k]));
            cells.Add(Formatting.Score(dissociation.Values[k]));
            cells.Add(Formatting.Score(antidepressant.Values[k]));
            conc.AddRow([.. cells.Select(c => new Text(c))]);
        }
        console.Write(conc);
        string all = $"all {result.TimesH.Length} output times (every {Formatting.Time(Hours(options.OutputStep))})";
        console.WriteLine(outPath is null
            ? $"Selected times only; --out file.csv writes {all}."
            : $"Selected times only; {outPath} has {all}.");
    }

    private static ExposureJson Exposure(ExposureMetrics m) => new(
        JsonOutput.Finite(m.CmaxNgPerMl), JsonOutput.Finite(m.TmaxH), JsonOutput.Finite(m.Auc0To24NgHPerMl),
        JsonOutput.Finite(m.AucInfNgHPerMl), JsonOutput.Finite(m.TerminalHalfLifeH), JsonOutput.Finite(m.AucToEndNgHPerMl));

    private static void Row(Grid grid, string label, string value) => grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));

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

    private static double Hours(TimeSpan t) => t.Ticks / (double)TimeSpan.TicksPerHour;

    private static string E(string text) => Markup.Escape(text);
}

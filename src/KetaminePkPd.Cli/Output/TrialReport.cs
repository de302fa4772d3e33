using KetaminePkPd.Cli.Commands;
using KetaminePkPd.Trials;
using Spectre.Console;
using Spectre.Console.Rendering;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>The readable summary and the JSON object of one <c>trial</c> run.</summary>
internal static class TrialReport
{
    /// <summary>Builds the JSON object.</summary>
    /// <exception cref="NonFiniteResultException">A summary value is NaN or infinite.</exception>
    public static TrialJson ToJson(TrialInputs inputs, TrialResult result, string? outPath)
    {
        var design = result.Design;
        var h = result.Hypothesis;
        var json = new TrialJson(
            Design: design.Name,
            DesignKey: inputs.Choice.Token,
            DesignFile: inputs.Choice.FilePath,
            Drug: Parsing.DrugToken(design.Drug),
            PkModel: design.Population.Pk.Key,
            Scale: design.Scale.Label(),
            CadssTimeH: design.CadssTime.TotalHours,
            Hypothesis: HypothesisJson.Of(h),
            HypothesisSource: inputs.HypothesisSource,
            Seed: result.Seed,
            ModelVersion: SimulationReport.LibraryVersion,
            Subjects: result.Subjects.Length,
            Arms: [.. result.Arms.Select((a, i) => Arm(a, design, TrialWording.Administration(design.Arms[i])))],
            Overall: Arm(result.Overall, design, null),
            Associations: [.. design.Assessments.Select((t, k) => Association(t, result.Associations[k]))],
            SignConvention: TrialWording.SignConvention(design),
            Population: TrialWording.Population(design.Population),
            Clinical: design.Clinical.ToString(),
            ProvisionalParameters: [.. TrialWording.ProvisionalParameters(design).Select(ParameterJson.Of)],
            Settings: new TrialSettingsJson(inputs.Choice.Token, inputs.Choice.FilePath, design.TotalSubjects, h.Name, h.SensitivityCorrelation, h.MediationShare,
                h.ExpectancyThresholdCadss, h.ExpectancyBoostMadrs, result.Seed),
            DiffersFromDefaults: inputs.DiffersFromDefaults(),
            Reproduce: inputs.Reproduce(),
            OutFile: outPath);
        foreach (var arm in json.Arms.Append(json.Overall))
        {
            Finite(arm.MeanCadss, arm.SdCadss, arm.ShareCadssAbove4, arm.MeanPeakCadss, arm.SharePeakAbove20);
            foreach (var a in arm.Assessments) Finite(a.MeanPercentChange, a.ResponseRate, a.RemissionRate);
        }
        return json;
    }

    /// <summary>Writes the readable summary: header, dissociation and depression outcomes by arm, associations, PROVISIONAL line.</summary>
    public static void WriteSummary(IAnsiConsole console, TrialInputs inputs, TrialResult result, string? outPath)
    {
        var design = result.Design;
        string scale = design.Scale.Label();
        console.MarkupLine($"[bold]ketamine-pkpd trial[/]: {E(design.Name)}, {result.Subjects.Length} patients, {E(TrialWording.NameWithStrengths(result.Hypothesis))}, seed {result.Seed}");
        console.WriteLine();

        var about = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Row(about, "Design", $"{design.Name} [{inputs.Choice.Origin}]");
        Row(about, "Arms", string.Join("\n", design.Arms.Select(TrialWording.Arm)));
        Row(about, "Ratings", TrialWording.Ratings(design));
        Row(about, "Population", TrialWording.Population(design.Population));
        Row(about, "Clinical", design.Clinical.ToString());
        Row(about, "Hypothesis", TrialWording.Hypothesis(result.Hypothesis) + (inputs.HypothesisSource == "scenario file" ? " (from the scenario file)" : ""));
        Row(about, "Seed", $"{result.Seed} (the same seed gives the same trial)");
        console.Write(about);
        console.WriteLine();

        var summaries = result.Arms.Length > 1 ? [.. result.Arms, result.Overall] : result.Arms.ToList();
        var dissociation = new Table().Border(TableBorder.Rounded).Title("Dissociation by arm (CADSS points)");
        dissociation.AddColumn(new TableColumn("Arm"));
        string at = Formatting.Span(design.CadssTime);
        foreach (var header in new[] { "n", $"CADSS {at}\nmean ± SD", $"CADSS {at}\n> 4", "Peak CADSS\nmean", "Peak CADSS\n> 20" })
            dissociation.AddColumn(new TableColumn(header).RightAligned());
        foreach (var a in summaries)
            dissociation.AddRow(Cells(a.Arm, a.Subjects.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{Formatting.Score(a.MeanCadss)} ± {Formatting.Score(a.SdCadss)}",
                Formatting.Percent(a.ShareCadssAbove4), Formatting.Score(a.MeanPeakCadss), Formatting.Percent(a.SharePeakAbove20)));
        console.Write(dissociation);
        console.WriteLine();

        var depression = new Table().Border(TableBorder.Rounded).Title($"Depression ({scale}) by arm and assessment");
        depression.AddColumn(new TableColumn("Arm"));
        depression.AddColumn(new TableColumn("Time").RightAligned());
        depression.AddColumn(new TableColumn("Mean\n% change").RightAligned());
        depression.AddColumn(new TableColumn("Response\n(>= 50%)").RightAligned());
        depression.AddColumn(new TableColumn($"Remission\n(<= {Formatting.Plain(design.Scale.RemissionCutoff())})").RightAligned());
        foreach (var a in summaries)
            for (int k = 0; k < design.Assessments.Length; k++)
                depression.AddRow(Cells(k == 0 ? a.Arm : "", Formatting.Span(design.Assessments[k]), Formatting.PercentValue(a.MeanPercentChange[k]),
                    Formatting.Percent(a.ResponseRate[k]), Formatting.Percent(a.RemissionRate[k])));
        console.Write(depression);
        console.WriteLine("% change is from baseline: negative = improvement. Placebo response and rating noise included.");
        console.WriteLine();

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Association of CADSS ({Formatting.Span(design.CadssTime)}) with % change of {scale}, all {result.Subjects.Length} patients");
        table.AddColumn(new TableColumn("Statistic"));
        foreach (var t in design.Assessments) table.AddColumn(new TableColumn(Formatting.Span(t)).RightAligned());
        var assoc = result.Associations;
        void Line(string label, Func<AssociationSummary, string> cell) =>
            table.AddRow(Cells([label, .. assoc.Select(a => a is null ? "n/a" : cell(a))]));
        Line("r vs % change", a => Formatting.R(a.Raw.R));
        Line("  95% CI", a => Formatting.Interval(a.Raw.Lower, a.Raw.Upper));
        Line("  p", a => Formatting.P(a.Raw.PValue));
        Line("r with improvement", a => Formatting.R(a.ImprovementR));
        Line("Spearman rho", a => Formatting.R(a.Spearman.R));
        Line($"partial r | exposure", a => a.PartialGivenExposure is { } c ? Formatting.R(c.R) : "n/a");
        Line("  95% CI", a => a.PartialGivenExposure is { } c ? Formatting.Interval(c.Lower, c.Upper) : "");
        Line("partial r | dose", a => a.PartialGivenDose is { } c ? Formatting.R(c.R) : "n/a");
        Line("  95% CI", a => a.PartialGivenDose is { } c ? Formatting.Interval(c.Lower, c.Upper) : "");
        console.Write(table);
        console.WriteLine(TrialWording.SignConvention(design));
        console.WriteLine($"Exposure = plasma concentration at {Formatting.Span(design.CadssTime)} (what a trial would measure); dose = mg given. " +
            "n/a: undefined (e.g. every patient got the same dose, or fewer than 4 patients).");
        console.WriteLine();

        console.MarkupLine("[bold yellow]" + E(TrialWording.ProvisionalLine(design, [result.Hypothesis])) + "[/]");
        console.WriteLine(outPath is null
            ? "--out file.csv writes one row per patient; --json gives every number above."
            : $"{outPath} has one row per patient ({result.Subjects.Length} rows).");
    }

    /// <summary>The --plot figure: CADSS against improvement (% of baseline) at <paramref name="at"/>, one point per patient.</summary>
    public static ScottPlot.Plot ScatterPlot(TrialResult result, TimeSpan at)
    {
        var design = result.Design;
        int k = design.Assessments.IndexOf(at);
        if (k < 0) throw new ArgumentException($"{Durations.Format(at)} is not an assessment of '{design.Name}'.", nameof(at));
        // A scatter with a fitted line needs CADSS and the improvement to vary over the patients.
        double firstCadss = result.Subjects[0].CadssRated, firstChange = result.Subjects[0].PercentChanges[k];
        if (result.Subjects.All(s => s.CadssRated == firstCadss))
            throw new ArgumentException($"--plot: every patient's CADSS is {Parsing.Plain(firstCadss)}, so there is no scatter to fit a line to (no dissociation in this design?); leave out --plot.");
        if (result.Subjects.All(s => s.PercentChanges[k] == firstChange))
            throw new ArgumentException($"--plot: every patient's % change at {Formatting.Span(at)} is {Parsing.Plain(firstChange)}, so there is no scatter to fit a line to; leave out --plot.");
        return KetaminePkPd.Plotting.Charts.Scatter([.. result.Subjects.Select(s => s.CadssRated)], [.. result.Subjects.Select(s => -s.PercentChanges[k])],
            $"Improvement of {design.Scale.Label()} at {Formatting.Span(at)} (% of baseline)",
            $"{result.Hypothesis.Name}: CADSS at {Formatting.Span(design.CadssTime)} vs improvement at {Formatting.Span(at)}, {result.Subjects.Length} patients");
    }

    private static ArmJson Arm(ArmSummary a, TrialDesign design, string? administration) => new(
        a.Arm, administration, a.Subjects, a.MeanCadss, a.SdCadss, a.ShareCadssAbove4, a.MeanPeakCadss, a.SharePeakAbove20,
        [.. design.Assessments.Select((t, k) => new ArmAssessmentJson(Durations.Format(t), t.TotalHours, a.MeanPercentChange[k], a.ResponseRate[k], a.RemissionRate[k]))]);

    private static AssociationJson Association(TimeSpan t, AssociationSummary? a) => a is null
        ? new AssociationJson(Durations.Format(t), t.TotalHours, null, null, null, null, null, null, null, null, null)
        : new AssociationJson(Durations.Format(t), t.TotalHours, a.Raw.N, a.Raw.R, a.Raw.Lower, a.Raw.Upper, a.Raw.PValue, a.ImprovementR,
            CorrelationJson.Of(a.Spearman), CorrelationJson.Of(a.PartialGivenExposure), CorrelationJson.Of(a.PartialGivenDose));

    /// <summary>Table cells as plain text (never parsed as markup: arm names and intervals hold brackets).</summary>
    internal static IRenderable[] Cells(params string[] texts) => [.. texts.Select(t => (IRenderable)new Text(t))];

    private static void Finite(params double[] values)
    {
        foreach (double v in values)
            if (!double.IsFinite(v)) throw new NonFiniteResultException($"the trial produced a non-finite summary value ({v}); nothing was written.");
    }

    private static void Row(Grid grid, string label, string value) => grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));

    private static string E(string text) => Markup.Escape(text);
}

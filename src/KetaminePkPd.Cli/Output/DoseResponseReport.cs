using System.Globalization;
using System.Text;
using KetaminePkPd.Cli.Commands;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Plotting;
using KetaminePkPd.Trials;
using nietras.SeparatedValues;
using ScottPlot;
using Spectre.Console;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>The tables, JSON object, CSV file and figures of one <c>dose-response</c> run.</summary>
internal static class DoseResponseReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The CSV columns.</summary>
    public static readonly string[] CsvColumns = ["dose", "dose_unit", "dose_mg", "peak_cadss", "day1_improvement_madrs", "cmax_ng_per_ml"];

    /// <summary>What the half-maximal doses are, in words.</summary>
    public const string HalfMaximalDefinition =
        "The dose at which each effect of the typical patient first reaches half of its largest value in this sweep, interpolated " +
        "linearly on log dose. It is not the EC50 of a fitted model and moves when the sweep's range moves.";

    /// <summary>Builds the JSON object; fails on a non-finite value rather than write one.</summary>
    /// <exception cref="NonFiniteResultException">A value is NaN or infinite.</exception>
    public static DoseResponseJson ToJson(DoseResponseInputs inputs, DoseResponseResult result, string? outPath, IReadOnlyList<string> plotFiles)
    {
        var s = result.Settings;
        double weight = s.Subject.WeightKg;
        var points = result.Points.Select(p => new DosePointJson(p.Dose.Value, p.Dose.ToMilligrams(weight), p.PeakCadss, p.Day1Improvement, p.CmaxNgPerMl)).ToList();
        foreach (var p in points)
            foreach (double v in (double[])[p.Dose, p.DoseMg, p.PeakCadss, p.Day1ImprovementMadrs, p.CmaxNgPerMl])
                if (!double.IsFinite(v)) throw new NonFiniteResultException($"the sweep produced a non-finite value ({v}) at {p.Dose} {Unit(s)}; nothing was written.");
        return new DoseResponseJson(
            Drug: Parsing.DrugToken(inputs.Drug),
            Model: s.Model.Key,
            Route: Parsing.RouteToken(s.Route),
            InfusionH: s.Route == KetaminePkPd.Route.Intravenous && s.Infusion > TimeSpan.Zero ? s.Infusion.TotalHours : null,
            WeightKg: weight,
            DoseUnit: Unit(s),
            From: s.From.Value,
            To: s.To.Value,
            Steps: s.Steps,
            PopulationSize: s.PopulationSize,
            Seed: s.Seed,
            Points: points,
            HalfMaximal: new HalfMaximalJson(result.HalfMaximalDissociationDose?.Value, result.HalfMaximalAntidepressantDose?.Value, Unit(s),
                result.Points.Max(p => p.PeakCadss), result.Points.Max(p => p.Day1Improvement), HalfMaximalDefinition, RisingAtTop(result)),
            Population: Population(result),
            SignConvention: SignConvention(result),
            ProvisionalParameters: [.. Provisional(s).Select(ParameterJson.Of)],
            ModelVersion: SimulationReport.LibraryVersion,
            Reproduce: inputs.Reproduce(),
            OutFile: outPath,
            PlotFiles: plotFiles);
    }

    /// <summary>Writes the readable report: the sweep, a table at selected doses, the half-maximal doses and the dose-alone correlation.</summary>
    public static void WriteSummary(IAnsiConsole console, DoseResponseInputs inputs, DoseResponseResult result, DoseResponseJson json)
    {
        var s = result.Settings;
        string unit = Unit(s);
        console.MarkupLine($"[bold]ketamine-pkpd dose-response[/]: {E(Parsing.DrugName(inputs.Drug))}, {E(s.Model.Key)} model, {E(Route(s))}");
        console.WriteLine();
        var about = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Row(about, "Model", $"{s.Model.DisplayName} [{s.Model.Key}]");
        Row(about, "Sweep", $"{s.Steps.ToString(Inv)} log-spaced doses from {DoseText(s.From)} to {DoseText(s.To)}, {Route(s)}, once");
        Row(about, "Patient", $"typical {Formatting.Plain(s.Subject.WeightKg, 2)} kg adult, typical parameters (the curves)");
        if (result.Population is { } pop)
            Row(about, "Population", $"{pop.Subjects.Length.ToString(Inv)} virtual patients given doses across the sweep " +
                $"(about {Formatting.Plain((double)pop.Subjects.Length / s.Steps, 1)} per dose), exposure-only hypothesis, seed {s.Seed.ToString(Inv)}");
        console.Write(about);
        console.WriteLine();

        var rows = ReadableRows(result.Points.Length);
        var table = new Table().Border(TableBorder.Rounded)
            .Title(rows.Count == result.Points.Length ? "Both effects by dose, typical patient" : $"Both effects at {rows.Count} of the {result.Points.Length} doses, typical patient");
        table.AddColumn(new TableColumn($"Dose\n({unit})").RightAligned());
        bool perKg = s.From.IsPerKilogram;
        if (perKg) table.AddColumn(new TableColumn("Dose\n(mg)").RightAligned());
        table.AddColumn(new TableColumn("Peak CADSS\n(points)").RightAligned());
        table.AddColumn(new TableColumn("Day-1 improvement\n(MADRS points)").RightAligned());
        table.AddColumn(new TableColumn("Cmax\n(ng/mL)").RightAligned());
        foreach (int i in rows)
        {
            var p = result.Points[i];
            var cells = new List<string> { DoseNumber(p.Dose.Value) };
            if (perKg) cells.Add(DoseNumber(p.Dose.ToMilligrams(s.Subject.WeightKg)));
            cells.AddRange([Formatting.Score(p.PeakCadss), Formatting.Score(p.Day1Improvement), Formatting.Number(p.CmaxNgPerMl, 3)]);
            table.AddRow(TrialReport.Cells([.. cells]));
        }
        console.Write(table);
        console.WriteLine("Day-1 improvement: the antidepressant drug effect at 24 h, MADRS points, positive = better (no placebo, no rating noise)." +
            (rows.Count < result.Points.Length ? " --out file.csv writes every dose." : ""));
        console.WriteLine();

        console.MarkupLine("[bold]Half-maximal doses[/]");
        var half = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        var peak = result.Points.MaxBy(p => p.PeakCadss)!;
        var improvement = result.Points.MaxBy(p => p.Day1Improvement)!;
        Row(half, "Dissociation", HalfText(result.HalfMaximalDissociationDose, s) +
            $": peak CADSS first reaches {Formatting.Score(peak.PeakCadss / 2)} points, half of its largest value in the sweep " +
            $"({Formatting.Score(peak.PeakCadss)} at {DoseText(peak.Dose)})");
        Row(half, "Antidepressant", HalfText(result.HalfMaximalAntidepressantDose, s) +
            $": day-1 improvement first reaches {Formatting.Score(improvement.Day1Improvement / 2)} MADRS points, half of its largest value in " +
            $"the sweep ({Formatting.Score(improvement.Day1Improvement)} at {DoseText(improvement.Dose)})");
        console.Write(half);
        console.WriteLine(HalfMaximalDefinition);
        var rising = RisingAtTop(result);
        if (rising.Count == 1)
            console.WriteLine($"The {rising[0]} is still rising steeply at the top of the sweep, so its half-maximal dose moves with --to " +
                "and is not a potency: compare the curves rather than the two doses.");
        else if (rising.Count == 2)
            console.WriteLine("Both effects are still rising steeply at the top of the sweep, so their half-maximal doses move with --to " +
                "and are not potencies: compare the curves rather than the doses.");
        console.WriteLine();

        if (json.Population is { } d)
        {
            var assoc = new Table().Border(TableBorder.Rounded)
                .Title($"Dose alone: {d.Subjects.ToString(Inv)} virtual patients, CADSS at {Formatting.Span(TimeSpan.FromHours(d.CadssTimeH))} vs % change at day 1");
            assoc.AddColumn("Statistic");
            assoc.AddColumn(new TableColumn("r").RightAligned());
            assoc.AddColumn(new TableColumn("95% CI").RightAligned());
            assoc.AddColumn(new TableColumn("p").RightAligned());
            if (d.R is { } r)
            {
                assoc.AddRow(TrialReport.Cells("r vs % change", Formatting.R(r), Formatting.Interval(d.Lower!.Value, d.Upper!.Value), Formatting.P(d.P!.Value)));
                assoc.AddRow(TrialReport.Cells("r with improvement", Formatting.R(d.ImprovementR!.Value), Formatting.Interval(-d.Upper!.Value, -d.Lower!.Value), Formatting.P(d.P!.Value)));
            }
            foreach (var (label, c) in new[] { ("partial r | exposure", d.PartialGivenExposure), ("partial r | dose", d.PartialGivenDose) })
                assoc.AddRow(c is null ? TrialReport.Cells(label, "n/a", "", "") : TrialReport.Cells(label, Formatting.R(c.R), Formatting.Interval(c.Lower, c.Upper), Formatting.P(c.P)));
            console.Write(assoc);
            console.WriteLine(json.SignConvention);
            console.Write(new Paragraph().Append("Reading: ", new Style(decoration: Decoration.Bold)).Append(d.Reading));
            console.WriteLine();
            console.WriteLine();
        }

        console.MarkupLine("[bold yellow]PROVISIONAL parameters[/] (own calibrations, not published estimates; sources in --json): " +
            E(string.Join(", ", json.ProvisionalParameters.Select(p => p.Name))) + ".");
        var written = new List<string>();
        if (json.OutFile is { } outFile) written.Add($"{outFile} (one row per dose)");
        written.AddRange(json.PlotFiles);
        console.WriteLine(written.Count == 0
            ? "--out file.csv writes every dose; --plot and --plot-scatter draw the curves and the population; --json gives every number above."
            : "Wrote " + string.Join(", ", written) + ".");
    }

    /// <summary>Writes one header row and one row per dose.</summary>
    public static void WriteCsv(DoseResponseResult result, Stream stream)
    {
        var s = result.Settings;
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        using (var writer = Sep.New(',').Writer(o => o with { CultureInfo = Inv }).To(text, leaveOpen: true))
        {
            writer.Header.Add(CsvColumns);
            foreach (var p in result.Points)
            {
                using var row = writer.NewRow();
                row[0].Format(p.Dose.Value);
                row[1].Set(Unit(s));
                row[2].Format(p.Dose.ToMilligrams(s.Subject.WeightKg));
                row[3].Format(p.PeakCadss);
                row[4].Format(p.Day1Improvement);
                row[5].Format(p.CmaxNgPerMl);
            }
        }
        text.Flush();
    }

    /// <summary>The population figure: CADSS against day-1 improvement (% of baseline), one point per virtual patient.</summary>
    /// <exception cref="InvalidOperationException">The run had no population.</exception>
    public static Plot ScatterPlot(DoseResponseResult result)
    {
        var pop = result.Population ?? throw new InvalidOperationException("The sweep has no population.");
        int k = Day1Index(pop);
        var s = result.Settings;
        return Charts.Scatter([.. pop.Subjects.Select(x => x.CadssRated)], [.. pop.Subjects.Select(x => -x.PercentChanges[k])],
            $"Improvement of {pop.Design.Scale.Label()} at day 1 (% of baseline)",
            $"Dose alone: {pop.Subjects.Length.ToString(Inv)} patients given {DoseText(s.From)} to {DoseText(s.To)}");
    }

    /// <summary>
    /// The effects still rising steeply at the top of the sweep: over its last step, the log-log slope (elasticity) of the
    /// effect against dose is above 0.4, so a 10% higher dose would still give about 4% more effect or more. Their
    /// half-maximal dose depends on where the sweep stops. (An Emax effect near its plateau, like dissociation, has a
    /// slope well below that.)
    /// </summary>
    public static IReadOnlyList<string> RisingAtTop(DoseResponseResult result)
    {
        var p = result.Points;
        var list = new List<string>();
        if (p.Length < 2) return list;
        double step = Math.Log(p[^1].Dose.Value / p[^2].Dose.Value);
        static double Slope(double e1, double e0, double step) => e0 > 0 && e1 > 0 ? Math.Log(e1 / e0) / step : 0;
        if (Slope(p[^1].PeakCadss, p[^2].PeakCadss, step) > 0.4) list.Add("dissociation");
        if (Slope(p[^1].Day1Improvement, p[^2].Day1Improvement, step) > 0.4) list.Add("antidepressant effect");
        return list;
    }

    /// <summary>Indices of about <see cref="DoseResponseCommand.TableRows"/> doses evenly spread over the sweep, always the first and the last.</summary>
    public static IReadOnlyList<int> ReadableRows(int count)
    {
        int rows = Math.Min(count, DoseResponseCommand.TableRows);
        return [.. Enumerable.Range(0, rows).Select(i => (int)Math.Round(i * (count - 1) / (double)(rows - 1))).Distinct()];
    }

    private static DoseAloneJson? Population(DoseResponseResult result)
    {
        if (result.Population is not { } pop) return null;
        var s = result.Settings;
        var a = result.PopulationDay1;
        string reading = a is null
            ? "Too few patients (or no spread) to correlate CADSS with the day-1 change."
            : $"Dose alone produces r = {Formatting.R(a.Raw.R)} between CADSS at {Formatting.Span(pop.Design.CadssTime)} and % change at day 1 " +
              $"(r = {Formatting.R(a.ImprovementR)} with improvement) in {pop.Subjects.Length.ToString(Inv)} virtual patients given {DoseText(s.From)} to {DoseText(s.To)}, " +
              "although nothing but dose and exposure links the two effects here" +
              (a.PartialGivenExposure is { } pe
                  ? $"; holding the plasma concentration at {Formatting.Span(pop.Design.CadssTime)} fixed leaves r = {Formatting.R(pe.R)}."
                  : ".");
        foreach (double v in a is null ? [] : (double[])[a.Raw.R, a.Raw.Lower, a.Raw.Upper, a.Raw.PValue])
            if (!double.IsFinite(v)) throw new NonFiniteResultException($"the dose-alone correlation is not finite ({v}); nothing was written.");
        return new DoseAloneJson(pop.Subjects.Length, pop.Hypothesis.Name, pop.Design.CadssTime.TotalHours, 24, a?.Raw.N, a?.Raw.R, a?.Raw.Lower, a?.Raw.Upper,
            a?.Raw.PValue, a?.ImprovementR, CorrelationJson.Of(a?.PartialGivenExposure), CorrelationJson.Of(a?.PartialGivenDose), reading);
    }

    private static int Day1Index(TrialResult pop)
    {
        int k = pop.Design.Assessments.IndexOf(TimeSpan.FromDays(1));
        return k >= 0 ? k : throw new InvalidOperationException("The sweep's population has no day-1 assessment.");
    }

    private static string SignConvention(DoseResponseResult result) =>
        result.Population is { } pop ? TrialWording.SignConvention(pop.Design) : "";

    private static IEnumerable<ModelParameter> Provisional(DoseResponseSettings s) =>
        [.. SimulationReport.Provisional(s.Model, s.Route), .. SimulationReport.ProvisionalEffects(EffectParameterSet.Default)];

    private static string HalfText(Dose? dose, DoseResponseSettings s) =>
        dose is { } d ? DoseText(d) + (d.IsPerKilogram ? $" ({DoseNumber(d.ToMilligrams(s.Subject.WeightKg))} mg)" : "") : "not reached (the effect is zero across the sweep)";

    private static string DoseText(Dose d) => $"{DoseNumber(d.Value)} {(d.IsPerKilogram ? "mg/kg" : "mg")}";

    /// <summary>A dose with 3 significant digits and no trailing zeros: <c>0.05</c>, <c>0.0711</c>, <c>1.5</c>, <c>105</c>.</summary>
    private static string DoseNumber(double value)
    {
        string text = Formatting.Number(value, 3);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static string Unit(DoseResponseSettings s) => s.From.IsPerKilogram ? "mg/kg" : "mg";

    private static string Route(DoseResponseSettings s) => s.Route switch
    {
        KetaminePkPd.Route.Intravenous => s.Infusion > TimeSpan.Zero ? $"IV over {Formatting.Span(s.Infusion)}" : "IV bolus",
        KetaminePkPd.Route.Intramuscular => "intramuscular",
        KetaminePkPd.Route.Subcutaneous => "subcutaneous",
        _ => s.Route.ToString().ToLowerInvariant(),
    };

    private static void Row(Grid grid, string label, string value) => grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));

    private static string E(string text) => Markup.Escape(text);
}

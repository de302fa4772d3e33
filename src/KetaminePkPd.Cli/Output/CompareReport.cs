using System.Globalization;
using System.Text;
using KetaminePkPd.Cli.Commands;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Plotting;
using nietras.SeparatedValues;
using ScottPlot;
using Spectre.Console;
using Spectre.Console.Rendering;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>The tables, JSON object, CSV file and figures of one <c>compare</c> run.</summary>
internal static class CompareReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Markers of the uncertain inputs, in order of first appearance.</summary>
    private static readonly string[] Markers = ["*", "†", "‡", "§", "¶"];

    /// <summary>Why esketamine's antidepressant numbers deserve the least trust (see the remarks on EffectParameterSet).</summary>
    public const string EsketamineCaveat =
        "Esketamine's antidepressant numbers rest on a PROVISIONAL calibration: its potency on the antidepressant signal (ESKPOT_A) and a " +
        "tolerance state were fitted to Daly 2018 day 1 and TRANSFORM-2 day 28 ('ketamine-pkpd validate'), not to concentration-effect data.";

    /// <summary>Hours shown in the concentration figure.</summary>
    public const double ConcentrationPlotHours = 12;

    /// <summary>Hours shown in the dissociation panel.</summary>
    public const double CadssPlotHours = 6;

    /// <summary>The metric columns of the CSV file, in order (see <see cref="CompareCommand.MetricNames"/>).</summary>
    public static readonly string[] MetricColumns =
    [
        "cmax_ng_per_ml", "tmax_h", "auc0_24_ng_h_per_ml", "time_above_h", "peak_cadss", "peak_cadss_time_h", "cadss_below4_after_h",
        "madrs_change_4h", "madrs_change_1d", "madrs_change_7d",
    ];

    /// <summary>The metrics in the order of <see cref="MetricColumns"/>; null where undefined.</summary>
    public static double?[] Values(ArmMetrics m) =>
        [m.CmaxNgPerMl, m.TmaxH, m.Auc0To24NgHPerMl, m.TimeAboveH, m.PeakCadss, m.PeakCadssTimeH, m.CadssBelow4AfterH, m.Antidepressant4H, m.AntidepressantDay1, m.AntidepressantDay7];

    /// <summary>Every column of the CSV file.</summary>
    public static string[] CsvColumns(bool population) =>
    [
        "arm", "drug", "model", "route", "dose", "dose_mg", "infusion_h", "sessions", "interval_h", "threshold_ng_per_ml",
        .. MetricColumns,
        "uncertain_parameter", "uncertain_value", "uncertain_low", "uncertain_high", "uncertain_source",
        .. MetricColumns.Select(c => c + "_at_low"),
        .. MetricColumns.Select(c => c + "_at_high"),
        .. population ? MetricColumns.SelectMany(c => new[] { c + "_p5", c + "_median", c + "_p95" }) : [],
        "provisional_parameters",
    ];

    /// <summary>Builds the JSON object; fails on a non-finite value rather than write one.</summary>
    /// <exception cref="NonFiniteResultException">A metric is NaN or infinite.</exception>
    public static CompareJson ToJson(CompareInputs inputs, ComparisonResult result, string? outPath, IReadOnlyList<string> plotFiles)
    {
        var o = result.Options;
        var effectNames = EffectParameterNames();
        var arms = result.Arms.Select(a =>
        {
            var arm = a.Arm;
            double mg = arm.Administration.Dose.ToMilligrams(o.Subject.WeightKg);
            return new CompareArmJson(
                arm.Name, Parsing.DrugToken(arm.Drug), arm.Model.Key, Parsing.RouteToken(arm.Administration.Route), arm.Administration.Dose.ToString(), mg,
                arm.Administration.IsInfusion ? arm.Administration.InfusionDuration.TotalHours : null, arm.Sessions,
                arm.Sessions > 1 ? arm.Interval.TotalHours : null,
                Metrics(a.Typical, arm.Name),
                a.Uncertain is { } u ? new UncertainJson(u.Parameter, arm.Model[u.Parameter].Description, u.Value, u.Low, u.High, u.Source) : null,
                a.AtLow is { } low ? Metrics(low, arm.Name) : null,
                a.AtHigh is { } high ? Metrics(high, arm.Name) : null,
                a.Population is { } pop ? new ComparePopulationJson(pop.Subjects, Metrics(pop.P5, arm.Name), Metrics(pop.Median, arm.Name), Metrics(pop.P95, arm.Name)) : null,
                [.. a.Provisional.Where(p => !effectNames.Contains(p.Name)).Select(ParameterJson.Of)]);
        }).ToList();
        return new CompareJson(
            Subject: new CompareSubjectJson(o.Subject.WeightKg, o.Subject.AgeYears, Parsing.AncestryToken(o.Subject.Ancestry)),
            ThresholdNgPerMl: o.Threshold.NanogramsPerMilliliter,
            PopulationSize: o.PopulationSize,
            Seed: o.Seed,
            Arms: arms,
            ProvisionalEffectParameters: [.. SimulationReport.ProvisionalEffects(EffectParameterSet.Default).Select(ParameterJson.Of)],
            Notes: MetricNotes(o),
            ModelVersion: SimulationReport.LibraryVersion,
            Reproduce: inputs.Reproduce(),
            OutFile: outPath,
            PlotFiles: plotFiles);
    }

    /// <summary>Writes the readable report: the arms, the exposure and effect tables (with ranges), population spread, provisional parameters.</summary>
    public static void WriteSummary(IAnsiConsole console, CompareInputs inputs, ComparisonResult result, CompareJson json)
    {
        var o = result.Options;
        console.MarkupLine($"[bold]ketamine-pkpd compare[/]: {result.Arms.Length} arm{(result.Arms.Length == 1 ? "" : "s")}, typical patient " +
            $"{E(Formatting.Plain(o.Subject.WeightKg, 2))} kg" + (o.PopulationSize > 0 ? $", {o.PopulationSize.ToString(Inv)} virtual patients per arm" : ""));
        console.WriteLine();

        var about = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        for (int i = 0; i < result.Arms.Length; i++)
            Row(about, i == 0 ? "Arms" : "", $"{result.Arms[i].Arm.Name}: {Describe(result.Arms[i].Arm, o.Subject)}");
        Row(about, "Patient", $"typical: {Formatting.Plain(o.Subject.WeightKg, 2)} kg, {Formatting.Plain(o.Subject.AgeYears, 1)} years, " +
            $"{(o.Subject.Ancestry == Ancestry.NonAsian ? "non-Asian" : Parsing.AncestryToken(o.Subject.Ancestry))}; typical parameters of each model");
        if (o.PopulationSize > 0)
            Row(about, "Population", $"{o.PopulationSize.ToString(Inv)} virtual patients per arm (the same patients in every arm), seed {o.Seed.ToString(Inv)}; " +
                "docs/model.md section 4.4 variability in PK and both effects");
        Row(about, "Threshold", $"{Formatting.Plain(o.Threshold.NanogramsPerMilliliter, 3)} ng/mL of the parent drug, for the time above it");
        Row(about, "Simulated", "7 days from the first dose: every 2 min over the first day, then every 6 h");
        console.Write(about);
        console.WriteLine();

        var markers = MarkerMap(result);
        console.Write(MetricTable("Exposure: parent drug in plasma, typical patient", result, ExposureColumns(o), a => Typical(a, markers)));
        console.Write(MetricTable("Dissociation, typical patient", result, DissociationColumns, a => Typical(a, markers)));
        console.Write(MetricTable("Antidepressant drug effect, typical patient: MADRS change (points)", result, AntidepressantColumns, a => Typical(a, markers)));
        foreach (var (input, marker) in markers)
            console.WriteLine($"{marker} Rests on an uncertain input: {input.Parameter} ({Description(result, input)}) is {Formatting.Plain(input.Value)} here; " +
                $"the literature gives {Formatting.Plain(input.Low)} to {Formatting.Plain(input.High)} ({input.Source}). [a, b] = the value with " +
                $"{input.Parameter} at {Formatting.Plain(input.Low)} and at {Formatting.Plain(input.High)}; no brackets: the same at both ends.");
        console.WriteLine("MADRS change: the antidepressant drug effect, negative = improvement; no placebo response, no rating noise " +
            "(see 'ketamine-pkpd trial'). Back under CADSS 4: when dissociation falls under 4 points after its peak; " +
            "'never > 4': it never exceeds 4; '> 7 d': not within the simulation.");
        if (result.Arms.Any(a => a.Arm.Drug == Drug.Esketamine))
            console.WriteLine(EsketamineCaveat);
        console.WriteLine();

        if (o.PopulationSize > 0)
        {
            string who = $"{o.PopulationSize.ToString(Inv)} virtual patients per arm, median [5th, 95th percentile]";
            console.Write(MetricTable($"Exposure, {who}", result, ExposureColumns(o), Spread));
            console.Write(MetricTable($"Dissociation, {who}", result, DissociationColumns, Spread));
            console.Write(MetricTable($"Antidepressant drug effect (MADRS change), {who}", result, AntidepressantColumns, Spread));
            console.WriteLine("Percentiles of each metric over the virtual patients (R type 7); uncertain inputs stay at the values used above.");
            console.WriteLine();
        }

        var effectNames = EffectParameterNames();
        console.MarkupLine("[bold yellow]PROVISIONAL parameters[/] (own calibrations, not published estimates; sources in --json):");
        console.WriteLine("  every arm (effect models): " + string.Join(", ", effectNames));
        foreach (var a in result.Arms)
        {
            var pk = a.Provisional.Where(p => !effectNames.Contains(p.Name)).Select(p => p.Name).ToList();
            console.WriteLine($"  {a.Arm.Name} (PK): {(pk.Count == 0 ? "none" : string.Join(", ", pk))}");
        }
        console.WriteLine();
        var written = new List<string>();
        if (json.OutFile is { } outFile) written.Add($"{outFile} (one row per arm)");
        written.AddRange(json.PlotFiles);
        console.WriteLine(written.Count == 0
            ? "--out file.csv writes one row per arm; --plot and --plot-effects draw the time courses; --json gives every number above."
            : "Wrote " + string.Join(", ", written) + ".");
    }

    /// <summary>Writes one header row and one row per arm.</summary>
    /// <exception cref="NonFiniteResultException">A metric is NaN or infinite (checked before anything is written).</exception>
    public static void WriteCsv(ComparisonResult result, Stream stream)
    {
        var o = result.Options;
        bool population = o.PopulationSize > 0;
        var effectNames = EffectParameterNames();
        foreach (var a in result.Arms)
            foreach (var m in new[] { a.Typical, a.AtLow, a.AtHigh, a.Population?.P5, a.Population?.Median, a.Population?.P95 }.OfType<ArmMetrics>())
                _ = Metrics(m, a.Arm.Name);

        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        using (var writer = Sep.New(',').Writer(w => w with { CultureInfo = Inv, Escape = true }).To(text, leaveOpen: true))
        {
            writer.Header.Add(CsvColumns(population));
            foreach (var a in result.Arms)
            {
                var arm = a.Arm;
                using var row = writer.NewRow();
                int c = 0;
                row[c++].Set(arm.Name);
                row[c++].Set(Parsing.DrugToken(arm.Drug));
                row[c++].Set(arm.Model.Key);
                row[c++].Set(Parsing.RouteToken(arm.Administration.Route));
                row[c++].Set(arm.Administration.Dose.ToString());
                row[c++].Format(arm.Administration.Dose.ToMilligrams(o.Subject.WeightKg));
                Optional(row[c++], arm.Administration.IsInfusion ? arm.Administration.InfusionDuration.TotalHours : null);
                row[c++].Format(arm.Sessions);
                Optional(row[c++], arm.Sessions > 1 ? arm.Interval.TotalHours : null);
                row[c++].Format(o.Threshold.NanogramsPerMilliliter);
                foreach (var v in Values(a.Typical)) Optional(row[c++], v);
                row[c++].Set(a.Uncertain?.Parameter ?? "");
                Optional(row[c++], a.Uncertain?.Value);
                Optional(row[c++], a.Uncertain?.Low);
                Optional(row[c++], a.Uncertain?.High);
                row[c++].Set(a.Uncertain?.Source ?? "");
                foreach (var m in new[] { a.AtLow, a.AtHigh })
                    for (int k = 0; k < MetricColumns.Length; k++) Optional(row[c++], m is null ? null : Values(m)[k]);
                if (population)
                {
                    double?[] none = new double?[MetricColumns.Length];
                    var (p5, median, p95) = a.Population is { } pop ? (Values(pop.P5), Values(pop.Median), Values(pop.P95)) : (none, none, none);
                    for (int k = 0; k < MetricColumns.Length; k++)
                    {
                        Optional(row[c++], p5[k]);
                        Optional(row[c++], median[k]);
                        Optional(row[c++], p95[k]);
                    }
                }
                row[c++].Set(string.Join(';', a.Provisional.Select(p => p.Name)));
            }
        }
        text.Flush();
    }

    /// <summary>The concentration figure: every arm's parent concentration over the first 12 h (bands with a population), the threshold marked.</summary>
    public static Plot ConcentrationPlot(ComparisonResult result)
    {
        const string yLabel = "Parent drug in plasma (ng/mL)";
        var o = result.Options;
        var plot = o.PopulationSize > 0
            ? Charts.Bands(result.Arms.Select(a => (a.Arm.Name, a.Population!.Concentration)), yLabel,
                $"Plasma concentration: median and 5-95% of {o.PopulationSize.ToString(Inv)} virtual patients", ConcentrationPlotHours)
            : Charts.Lines(result.Arms.Select(a => (a.Arm.Name, (IReadOnlyList<double>)a.Course.TimesH, (IReadOnlyList<double>)a.Course.Pk.ParentNgPerMl)), yLabel,
                $"Plasma concentration, typical {Formatting.Plain(o.Subject.WeightKg, 1)} kg patient", ConcentrationPlotHours);
        Charts.MarkLevel(plot, o.Threshold.NanogramsPerMilliliter, $"{Formatting.Plain(o.Threshold.NanogramsPerMilliliter, 3)} ng/mL");
        return plot;
    }

    /// <summary>The effects figure: dissociation over the first 6 h (CADSS 4 marked) above the antidepressant drug effect over 7 days.</summary>
    public static IReadOnlyList<Plot> EffectPanels(ComparisonResult result)
    {
        var o = result.Options;
        bool bands = o.PopulationSize > 0;
        string who = bands ? $"median, 5-95% of {o.PopulationSize.ToString(Inv)} patients" : "typical patient";
        Plot Panel(string effect, string yLabel, string title, double hours, bool inDays, Func<PopulationBands, TimeCourseBand> band) => bands
            ? Charts.Bands(result.Arms.Select(a => (a.Arm.Name, band(a.Population!))), yLabel, title, hours, inDays: inDays)
            : Charts.Lines(result.Arms.Select(a => (a.Arm.Name, (IReadOnlyList<double>)a.Course.TimesH, (IReadOnlyList<double>)a.Course[effect].Values)),
                yLabel, title, hours, inDays: inDays);
        var cadss = Panel(EffectParameterSet.DissociationName, "Dissociation (CADSS points)", $"Dissociation ({who})", CadssPlotHours, false, b => b.Cadss);
        Charts.MarkLevel(cadss, 4, "CADSS 4");
        var ad = Panel(EffectParameterSet.AntidepressantName, "MADRS change (points, < 0 = better)",
            $"Antidepressant drug effect ({who})", 24 * 7, true, b => b.Antidepressant);
        // One legend (in the dissociation panel, whose right side is empty once dissociation has resolved) serves both.
        ad.HideLegend();
        return [cadss, ad];
    }

    /// <summary>The arm in words: <c>racemic ketamine, domino; 0.5 mg/kg (35 mg) IV over 40 min, once</c>.</summary>
    public static string Describe(ComparisonArm arm, Subject subject)
    {
        var a = arm.Administration;
        double mg = a.Dose.ToMilligrams(subject.WeightKg);
        string dose = a.Dose.IsPerKilogram ? $"{a.Dose} ({Formatting.Plain(mg, 3)} mg)" : $"{Formatting.Plain(mg, 3)} mg";
        string route = a.Route switch
        {
            Route.Intravenous => a.IsInfusion ? $"IV over {Formatting.Span(a.InfusionDuration)}" : "IV bolus",
            Route.Intramuscular => "intramuscular",
            Route.Subcutaneous => "subcutaneous",
            _ => a.Route.ToString().ToLowerInvariant(),
        };
        string times = arm.Sessions == 1 ? "once" : $"{arm.Sessions} sessions every {Formatting.Span(arm.Interval)}";
        return $"{Parsing.DrugName(arm.Drug)}, {arm.Model.Key} model; {dose} {route}, {times}";
    }

    /// <summary>One metric column of a table: header, metric and format.</summary>
    private sealed record Column(string Header, Func<ArmMetrics, double?> Metric, Kind Kind);

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

    private static IRenderable MetricTable(string title, ComparisonResult result, Column[] columns, Func<ArmComparison, Func<Func<ArmMetrics, double?>, Kind, string>> cells)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(E(title));
        table.AddColumn(new TableColumn("Arm").NoWrap());
        foreach (var c in columns) table.AddColumn(new TableColumn(c.Header).RightAligned());
        foreach (var a in result.Arms)
        {
            var cell = cells(a);
            table.AddRow(TrialReport.Cells([a.Arm.Name, .. columns.Select(c => cell(c.Metric, c.Kind))]));
        }
        return table;
    }

    /// <summary>How a metric is formatted.</summary>
    private enum Kind
    {
        Concentration,
        Time,
        Points,
        BackUnder4,
    }

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

    private static string Description(ComparisonResult result, UncertainInput input)
    {
        var arm = result.Arms.First(a => a.Uncertain == input).Arm;
        return arm.Model[input.Parameter].Description.TrimEnd('.');
    }

    private static HashSet<string> EffectParameterNames() =>
        [.. SimulationReport.ProvisionalEffects(EffectParameterSet.Default).Select(p => p.Name)];

    private static string MetricNotes(ComparisonOptions o) =>
        $"Typical patient, parent drug: cmax ng/mL, tmax h, auc0To24 ng.h/mL, timeAboveH = hours above {Parsing.Plain(o.Threshold.NanogramsPerMilliliter)} ng/mL; " +
        "peakCadss CADSS points at peakCadssTimeH; cadssBelow4AfterH = when CADSS falls under 4 after its peak (0 = never above 4, null = not within 7 d); " +
        "antidepressant4H/Day1/Day7 = antidepressant drug effect in MADRS points, negative = improvement (no placebo, no rating noise). " +
        "atLow/atHigh: the same metrics with the uncertain input at the low/high end of its range. " + EsketamineCaveat;

    private static CompareMetricsJson Metrics(ArmMetrics m, string arm)
    {
        foreach (var v in Values(m))
            if (v is { } x && !double.IsFinite(x))
                throw new NonFiniteResultException($"arm '{arm}' produced a non-finite metric ({x}); nothing was written.");
        return new CompareMetricsJson(m.CmaxNgPerMl, m.TmaxH, m.Auc0To24NgHPerMl, m.TimeAboveH, m.PeakCadss, m.PeakCadssTimeH, m.CadssBelow4AfterH,
            m.Antidepressant4H, m.AntidepressantDay1, m.AntidepressantDay7);
    }

    private static void Optional(SepWriter.Col col, double? value)
    {
        if (value is { } v) col.Format(v);
        else col.Set("");
    }

    private static void Row(Grid grid, string label, string value) => grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));

    private static string E(string text) => Markup.Escape(text);
}

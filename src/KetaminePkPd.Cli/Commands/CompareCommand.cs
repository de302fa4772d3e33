namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd compare</c>: routes and regimens side by side (<see cref="ComparisonResult.Run"/>), reported by
/// <see cref="ComparisonReport"/> and drawn by <see cref="ComparisonCharts"/>.
/// </summary>
internal sealed class CompareCommand : CliCommand
{
    private static readonly ComparisonOptions Defaults = ComparisonOptions.Default;

    private readonly Option<string[]> _arms = new("--arm")
    {
        HelpName = "\"key=value ...\"",
        Description = "One arm, as key=value pairs in one quoted argument; repeat the option for more arms (they replace the " +
            "defaults). Keys: drug (" + string.Join('|', Vocabulary.DrugTokens) + "), model (" + string.Join('|', PkParameterSet.Keys) + "), route (" +
            string.Join('|', Vocabulary.RouteTokens) + ", required), dose (free base with unit, e.g. 0.5mg/kg, 84mg, 50mg-hcl; required; " +
            "intranasal esketamine in whole 28 mg devices), infusion (IV duration, e.g. 40min; 0 or none = bolus), repeat (number of " +
            $"sessions, 1 to {ComparisonArm.MaxSessions}; also sessions=) and interval (e.g. 3.5d, needs repeat > 1), f (bioavailability of " +
            "the route as a fraction, e.g. 0.3, where the model has one), name (display name, underscores for spaces). Drug, " +
            "route, model and infusion take the same words as the options of simulate (ketamine, s-ketamine; intravenous, " +
            "nasal, in, po, sl, intramuscular, subcutaneous). [default: " + ComparisonArm.Defaults.Count + " arms: " +
            string.Join(", ", ComparisonArm.Defaults.Select(a => a.Name)) + "]",
    };
    private readonly Option<double?> _weight = SharedOptions.Weight();
    private readonly Option<double?> _age = SharedOptions.Age();
    private readonly Option<Concentration?> _threshold = SharedOptions.Parsed<Concentration?>("--threshold-ng-per-ml", "conc",
        "Plasma concentration of the parent drug for 'time above', in ng/mL (a bare number) or with another unit: mg/L, " +
        $"ug/mL or nmol/mL, e.g. 100 or 0.1mg/L. Alias: --threshold. [default: {Defaults.Threshold.NanogramsPerMilliliter.ToString(CultureInfo.InvariantCulture)}]",
        (t, n) => Parsing.ParseConcentration(t, n), aliases: ["--threshold"]);
    private readonly Option<int?> _subjects = SharedOptions.Subjects(
        $"Also simulate this many virtual patients per arm, 0 to {ComparisonOptions.MaxPopulationSize} (docs/model.md section 4.4 variability in PK and " +
        "effects; the same patients in every arm), and report the 5th percentile, median and 95th percentile of every " +
        "metric; the plots then show 5-95% bands. Progress goes to stderr. Alias: --population. [default: 0, typical patient only]",
        0, ComparisonOptions.MaxPopulationSize, "--population");
    private readonly Option<ulong?> _seed = SharedOptions.Seed();
    private readonly Option<string?> _parameters = SharedOptions.Parameters();
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        $"Write a figure of the parent plasma concentration of every arm over the first {ComparisonReport.ConcentrationPlotHours} h (median and " +
        "5-95% band with --subjects, the typical patient otherwise), with the --threshold-ng-per-ml level marked.");
    private readonly Option<string?> _plotEffects = PlotOptions.Create("--plot-effects",
        $"Write one figure with two panels, one above the other: dissociation (CADSS points) over the first {ComparisonReport.CadssPlotHours} h, with " +
        "CADSS 4 marked, and the antidepressant drug effect (MADRS points, negative = improvement) over 7 days, every arm " +
        "in each (bands with --subjects).", 2 * OutputFiles.PanelHeight);
    private readonly Option<string?> _out = SharedOptions.Out("file.csv",
        "Also write one row per arm to this CSV file: arm, drug, model, route, dose, dose_mg, infusion_h, " +
        "sessions, interval_h, threshold_ng_per_ml, the typical patient's " + string.Join(", ", ComparisonReport.MetricColumns.Select(c => c.Name)) +
        " (cadss_below4_after_h: empty = not back under 4 within 7 d, 0 = never above 4; madrs_change_*: negative = improvement), " +
        "then uncertain_parameter, uncertain_value, uncertain_low, uncertain_high, uncertain_source and every metric at the " +
        "low and high end (<metric>_at_low, <metric>_at_high; empty without an uncertain input), with --subjects also <metric>_p5, " +
        "<metric>_median, <metric>_p95, and provisional_parameters. Invariant culture; replaced atomically, a failed run " +
        "leaves no file. [default: none]");
    private readonly Option<bool> _json = SharedOptions.Json(
        "Print one JSON object to stdout instead of the tables: subject, thresholdNgPerMl, populationSize, " +
        "seed, arms (name, drug, model, route, dose, doseMg, typical metrics, uncertain input, atLow, atHigh, population " +
        "p5/median/p95, provisionalParameters), provisionalEffectParameters, metric notes, modelVersion, a command line " +
        "that reproduces the run, and the files written.");
    private readonly Option<bool> _quiet = SharedOptions.Quiet();
    private readonly Option<bool> _allowLongRun = TrialCommand.AllowLongRun();

    public CompareCommand()
        : base("compare",
            "Compare routes and regimens side by side for a typical patient: parent Cmax, Tmax, AUC0-24 and time above a " +
            "concentration, peak dissociation (CADSS) and when it is back under 4, and the antidepressant drug effect at " +
            "4 h, 1 d and 7 d (MADRS points, negative = improvement; drug effect only, no placebo or rating noise). A number " +
            "that rests on an uncertain input (e.g. racemic intranasal bioavailability, 11-45%) is marked and shown with " +
            $"its value at both ends of the range. Without options: a {Defaults.Subject.WeightKg.ToString(CultureInfo.InvariantCulture)} kg adult, " +
            $"the {ComparisonArm.Defaults.Count} default arms of --arm, 7 days. PROVISIONAL effect calibration.")
    {
        Add(_arms, _weight, _age, _threshold, _subjects, _seed, _parameters, _plot, _plotEffects, _out, _json, _quiet, _allowLongRun);
    }

    protected override int Execute(CommandContext ctx)
    {
        var subject = Subject.TypicalAdult;
        if (ctx.Get(_weight) is { } weight) subject = subject with { WeightKg = weight };
        if (ctx.Get(_age) is { } age) subject = subject with { AgeYears = age };
        var options = Defaults with
        {
            Subject = subject,
            Threshold = ctx.Get(_threshold) ?? Defaults.Threshold,
            PopulationSize = ctx.Get(_subjects) ?? 0,
            Seed = ctx.Get(_seed) ?? Defaults.Seed,
        };
        options = ParameterFile.Apply(options, ParameterFile.ReadOptional(ctx.Get(_parameters)));
        string? plotPath = PlotOptions.Check(ctx.Get(_plot), "--plot"), effectsPath = PlotOptions.Check(ctx.Get(_plotEffects), "--plot-effects");
        var specs = ctx.Get(_arms) ?? [];
        List<ComparisonArm> arms = specs.Length == 0 ? [.. ComparisonArm.Defaults] : [.. specs.Select(ComparisonReport.ParseArm)];
        try
        {
            ComparisonArm.CheckNames(arms);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("--arm: " + ErrorText.WithoutArgumentDetails(ex.Message));
        }
        for (int i = 0; i < arms.Count; i++)
            Parsing.Wrap("--arm", specs.Length == 0 ? arms[i].Name : specs[i], () => { arms[i].Check(subject); return 0; });

        // Open every output first: a bad path fails before any work, and a failure later leaves no file.
        using var files = ctx.Outputs();
        var plot = files.Open(plotPath, "--plot");
        var plotEffects = files.Open(effectsPath, "--plot-effects");
        var csv = files.Open(ctx.Get(_out), "--out");
        options.CheckWork(arms, ctx.Get(_allowLongRun));
        bool json = ctx.Get(_json);
        bool show = options.PopulationSize > 0 && ctx.ShowProgress(ctx.Get(_quiet), json);
        var result = ProgressDisplay.Run(ctx.Stderr, show, "Simulating", progress => ComparisonResult.Run(arms, options, progress));
        var written = new[] { csv, plot, plotEffects }.OfType<AtomicFile>().Select(f => f.Path).ToList();
        string text = ComparisonReport.ToJson(result, ComparisonReport.Reproduce(specs, options) + ParameterFile.Argument(ctx.Get(_parameters)), csv?.Path, [.. new[] { plot, plotEffects }.OfType<AtomicFile>().Select(f => f.Path)]);
        if (csv is not null) ComparisonReport.Table(result).WriteCsv(csv.Stream);
        if (plot is not null) OutputFiles.WritePlot(plot, ComparisonCharts.Concentrations(result));
        if (plotEffects is not null) OutputFiles.WritePanels(plotEffects, ComparisonCharts.Effects(result));
        files.CommitAll();
        ctx.Emit(json, () => text, () => ComparisonReport.Build(result), written);
        return CliErrors.Success;
    }
}

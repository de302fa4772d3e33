namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd dose-response</c>: a dose sweep for one route (<see cref="DoseResponse"/>, settings and their rules in
/// <see cref="DoseResponseSettings.Create"/>), reported by <see cref="DoseResponseReport"/>.
/// </summary>
internal sealed class DoseResponseCommand : CliCommand
{
    private static readonly DoseResponseSettings Defaults = DoseResponseSettings.Default;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly Option<Drug?> _drug = SharedOptions.Drug();
    private readonly Option<PkParameterSet?> _model = SharedOptions.Model();
    private readonly Option<Route?> _route = SharedOptions.Parsed<Route?>("--route", Parsing.RouteTokens,
        "Route of every dose of the sweep. domino and hijazi take all six; herd takes iv; perez-ruixo takes iv, " +
        "intranasal, oral. Intranasal esketamine comes in whole 28 mg devices, so its sweep must land on whole devices " +
        "(e.g. --from 28mg --to 112mg --steps 3 gives 28, 56, 112 mg); any other is an error before anything runs. " +
        $"[default: {Vocabulary.Token(Defaults.Route)}]", (t, n) => Vocabulary.ParseRoute(t, n), Parsing.RouteTokens);
    private readonly Option<TimeSpan?> _infusion = SharedOptions.Parsed<TimeSpan?>("--infusion", "duration",
        "Intravenous infusion duration of every dose, with its unit (e.g. 40min, 2h), up to 7d; 0 gives a bolus. " +
        $"IV only. [default: {Durations.Format(DoseResponseSettings.DefaultInfusion)}]", (t, n) => Parsing.ParseInfusion(t, n));
    private readonly Option<Dose?> _from = SharedOptions.Parsed<Dose?>("--from", "dose",
        "Lowest dose of the sweep, free base with its unit: mg/kg (e.g. 0.05mg/kg) or mg (e.g. 28mg); the same " +
        $"kind as --to. [default: {DoseResponseReport.DoseToken(Defaults.From)}]", (t, n) => Parsing.ParseDose(t, n));
    private readonly Option<Dose?> _to = SharedOptions.Parsed<Dose?>("--to", "dose",
        $"Highest dose of the sweep, above --from and the same kind (mg/kg or mg). [default: {DoseResponseReport.DoseToken(Defaults.To)}]", (t, n) => Parsing.ParseDose(t, n));
    private readonly Option<int?> _steps = SharedOptions.Parsed<int?>("--steps", "count",
        $"Doses in the sweep, {DoseResponseSettings.MinSteps} to {DoseResponseSettings.MaxSteps}, log-spaced from --from to --to. [default: {DoseResponseSettings.DefaultSteps}]",
        (t, n) => Parsing.ParseCount(t, n, DoseResponseSettings.MinSteps, DoseResponseSettings.MaxSteps));
    private readonly Option<int?> _subjects = SharedOptions.Subjects(
        $"Virtual patients given doses across the sweep (spread evenly, at least one per dose), 0 to {DoseResponseSettings.MaxPopulationSize}, under " +
        "the exposure-only hypothesis: nothing but dose and exposure links dissociation and improvement. Their CADSS at " +
        "40 min against % change at day 1 gives the correlation that dose alone produces. 0 skips it. Alias: --population. " +
        $"[default: {DoseResponseSettings.DefaultPopulationSize}]", 0, DoseResponseSettings.MaxPopulationSize, "--population");
    private readonly Option<ulong?> _seed = SharedOptions.Seed();
    private readonly Option<double?> _weight = SharedOptions.Parsed<double?>("--weight", "kg",
        "Body weight of the typical patient of the curves, in kg (e.g. 70kg; a bare number is read as kg), in " +
        "(0, 300]; sets mg/kg doses. The virtual population has its own weights (docs/model.md section 4.4). " +
        $"[default: {Defaults.Subject.WeightKg.ToString(Inv)}kg]", (t, n) => Parsing.ParseWeightKg(t, n));
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write the dose-response figure: peak dissociation (CADSS, left axis) and day-1 improvement (MADRS points, right " +
        "axis) of the typical patient against dose (log scale), with both half-maximal doses marked.");
    private readonly Option<string?> _plotScatter = PlotOptions.Create("--plot-scatter",
        "Write the population figure: each virtual patient's CADSS at 40 min against their improvement at day 1 (% of " +
        $"baseline), with the least-squares line and r. Needs --subjects of at least {DoseResponseReport.MinScatterSubjects}.");
    private readonly Option<string?> _out = SharedOptions.Out("file.csv",
        "Also write one row per dose to this CSV file: " +
        string.Join("; ", DoseResponseReport.Columns.Select(c => $"{c.Name} ({c.Description.TrimEnd('.')})")) +
        ". Invariant culture; replaced atomically, a failed run leaves no file. [default: none]");
    private readonly Option<bool> _json = SharedOptions.Json(
        "Print one JSON object to stdout instead of the tables: settings, points (every dose; day1ChangeMadrs negative = " +
        "improvement), halfMaximal (doses and their definition), population (r, CI, p, improvementR, partial r given exposure " +
        "and given dose, reading), signConvention, provisionalParameters, modelVersion, a command line that reproduces the run, files written.");
    private readonly Option<bool> _quiet = SharedOptions.Quiet();
    private readonly Option<bool> _allowLongRun = TrialCommand.AllowLongRun();
    private readonly Option<string?> _parameters = SharedOptions.Parameters();

    public DoseResponseCommand()
        : base("dose-response",
            "Sweep the dose for one route: peak dissociation (CADSS) and the day-1 antidepressant drug effect of a typical " +
            "patient at each dose, the dose at which each effect reaches half of its largest value in the sweep, and, in " +
            "virtual patients given doses across the sweep with nothing but dose and exposure linking the two effects, the " +
            "correlation between dissociation and improvement that this alone produces. Without options: racemic ketamine " +
            $"IV over {Formatting.Span(DoseResponseSettings.DefaultInfusion)}, {DoseResponseReport.DoseText(Defaults.From)} to " +
            $"{DoseResponseReport.DoseText(Defaults.To)} in {Defaults.Steps} log-spaced doses, a {Defaults.Subject.WeightKg.ToString(Inv)} kg patient, " +
            $"{Defaults.PopulationSize} virtual patients, seed {Defaults.Seed}. PROVISIONAL effect calibration. Progress goes to stderr when there is a population.")
    {
        Add(_drug, _model, _route, _infusion, _from, _to, _steps, _subjects, _seed, _weight, _parameters, _plot, _plotScatter, _out, _json, _quiet, _allowLongRun);
    }

    protected override int Execute(CommandContext ctx)
    {
        var s = ParameterFile.Apply(DoseResponseReport.CreateSettings(ctx.Get(_drug), ctx.Get(_model), ctx.Get(_route), ctx.Get(_infusion), ctx.Get(_from), ctx.Get(_to),
            ctx.Get(_steps), ctx.Get(_subjects), ctx.Get(_weight), ctx.Get(_seed)), ParameterFile.ReadOptional(ctx.Get(_parameters)));
        string? plotPath = PlotOptions.Check(ctx.Get(_plot), "--plot"), scatterPath = PlotOptions.Check(ctx.Get(_plotScatter), "--plot-scatter");
        if (scatterPath is not null && s.PopulationSubjects < DoseResponseReport.MinScatterSubjects)
            throw new ArgumentException($"--plot-scatter draws the virtual population and needs at least {DoseResponseReport.MinScatterSubjects} " +
                $"virtual patients, got --subjects {s.PopulationSize}.");
        s.CheckWork(ctx.Get(_allowLongRun));

        using var files = ctx.Outputs();
        var plot = files.Open(plotPath, "--plot");
        var scatter = files.Open(scatterPath, "--plot-scatter");
        var csv = files.Open(ctx.Get(_out), "--out");
        bool json = ctx.Get(_json);
        bool show = s.PopulationSize > 0 && ctx.ShowProgress(ctx.Get(_quiet), json);
        var result = ProgressDisplay.Run(ctx.Stderr, show, "Simulating", progress => DoseResponseResult.Run(s, progress));
        var figures = new[] { plot, scatter }.OfType<AtomicFile>().Select(f => f.Path).ToList();
        string text = DoseResponseReport.ToJson(result, DoseResponseReport.Reproduce(s) + ParameterFile.Argument(ctx.Get(_parameters)), csv?.Path, figures);
        var report = DoseResponseReport.Build(result);
        if (csv is not null) DoseResponseReport.Table(result).WriteCsv(csv.Stream);
        if (plot is not null) OutputFiles.WritePlot(plot, Charts.DoseResponse(result));
        if (scatter is not null) OutputFiles.WritePlot(scatter, ComparisonCharts.DoseAlone(result));
        files.CommitAll();
        ctx.Emit(json, () => text, () => report, [.. csv is null ? [] : new[] { csv.Path }, .. figures]);
        return CliErrors.Success;
    }
}

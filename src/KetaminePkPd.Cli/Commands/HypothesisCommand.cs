using HypothesisReport = KetaminePkPd.Application.Reporting.HypothesisReport;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd hypothesis</c>, the project's main job: parses the options into a library
/// <see cref="HypothesisRequest"/>, runs <see cref="HypothesisTestResult.Run"/> and writes what <see cref="HypothesisReport"/>
/// returns (report or JSON, the replicate CSV) and the <see cref="TrialCharts.Histograms"/> figures.
/// </summary>
internal sealed class HypothesisCommand : CliCommand
{
    private static readonly HypothesisTestSettings Defaults = HypothesisTestSettings.Default;
    private static readonly string Observations = string.Join(" and ", Defaults.Observed.Select(o => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"r = {o.R} at {Formatting.Span(o.Time)} (n {o.N})")));

    private readonly Option<double?> _observedR = SharedOptions.Parsed<double?>("--observed-r", "r", "An observed correlation of CADSS with % change of the " +
        $"depression score, in [-{ObservedCorrelation.MaxAbsR}, {ObservedCorrelation.MaxAbsR}], against % change as Luckenbaugh 2014 reports it (negative = more " +
        "dissociation, more improvement). Replaces the default observations; needs --observed-n and --observed-at. [default: " +
        $"Luckenbaugh 2014: {Observations}]",
        (t, n) => Parsing.ParseNumber(t, n, -ObservedCorrelation.MaxAbsR, ObservedCorrelation.MaxAbsR));
    private readonly Option<int?> _observedN = SharedOptions.Parsed<int?>("--observed-n", "n",
        $"Patients behind --observed-r, {ObservedCorrelation.MinN} to {ObservedCorrelation.MaxN}: each replicate trial enrols this many.",
        (t, n) => Parsing.ParseCount(t, n, ObservedCorrelation.MinN, ObservedCorrelation.MaxN));
    private readonly Option<TimeSpan?> _observedAt = SharedOptions.Parsed<TimeSpan?>("--observed-at", "time", "Assessment time of the observed % change, " +
        "with its unit (e.g. 230min, 1d, 7d); must be one of the design's assessments. With --observed-r, or with --observed: the time of every row " +
        "of a file without a time column, or the one time to keep from a file with several.", (t, n) => Parsing.ParseDuration(t, n));
    private readonly Option<string?> _observed = FileRoles.Input(new Option<string?>("--observed")
    {
        HelpName = "file.csv",
        Description = $"Per-patient data to compute the observed correlation from: a CSV file with a header row naming the columns {ObservedCorrelation.CadssColumn} " +
            $"and {ObservedCorrelation.ChangeColumn} (% change, negative = improvement) and optionally {ObservedCorrelation.TimeColumn} (e.g. 230min, 7d; one correlation " +
            $"per time), or a file written by trial --out ({ObservedCorrelation.CadssColumn} and one {ObservedCorrelation.ChangeColumn}_<scale>_<t> column per assessment); " +
            "other columns are ignored; empty or NA values are skipped as missing. Not with --observed-r.",
    });
    private readonly Option<int?> _replicates = SharedOptions.Parsed<int?>("--replicates", "count", $"Replicate trials per hypothesis and observation, " +
        $"{HypothesisTestSettings.MinReplicates} to {HypothesisTestSettings.MaxReplicates}. More replicates give smoother intervals and tail probabilities. [default: {Defaults.Replicates}]",
        (t, n) => Parsing.ParseCount(t, n, HypothesisTestSettings.MinReplicates, HypothesisTestSettings.MaxReplicates));
    private readonly Option<int?> _subjects = SharedOptions.Subjects($"Patients simulated once per hypothesis (the pool), {HypothesisTestSettings.MinPoolSize} to " +
        $"{HypothesisTestSettings.MaxPoolSize} and at least {HypothesisTestSettings.PoolPerObservedSubject} times the largest observed n (at least " +
        $"{HypothesisTestSettings.MinimumPoolSize(Defaults.Observed)} for the default observations); each replicate trial enrols its n from this pool without " +
        $"replacement and rates them with fresh rating noise. Alias: --pool. [default: {Defaults.PoolSize}]",
        HypothesisTestSettings.MinPoolSize, HypothesisTestSettings.MaxPoolSize, "--pool");
    private readonly Option<ulong?> _seed = SharedOptions.Seed();
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write histograms of the simulated r under each hypothesis with the observed r marked: one file per observation " +
        "time, named after this one with the time added (--plot r.png writes r-230min.png and r-7d.png).");
    private readonly Option<string?> _out = SharedOptions.Out("file.csv",
        "Also write every replicate trial's r to this CSV file, one row per hypothesis, observation and replicate: hypothesis, " +
        "time_h, time, replicate, r (CADSS vs % change), partial_r (given exposure); empty = undefined. Replaced atomically. [default: none]");
    private readonly Option<string?> _design = SharedOptions.Design();
    private readonly Option<string?> _parameters = SharedOptions.Parameters();
    private readonly Option<string[]> _hypotheses = new("--hypothesis")
    {
        HelpName = "name",
        Description = $"({TrialCommand.HypothesisTokens}) Run only the hypotheses named (repeat the option, or list several names after it, separated by " +
            $"spaces or commas). {TrialCommand.HypothesisHelp} Sample sizes are computed against exposure-only, so keep it in the list for them. " +
            "[default: all four; a scenario file's hypothesis replaces the one of the same name, or is added]",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<double?> _rho = SharedOptions.Rho();
    private readonly Option<double?> _share = SharedOptions.Share();
    private readonly Option<double?> _threshold = SharedOptions.ThresholdCadss();
    private readonly Option<double?> _boost = SharedOptions.Boost();
    private readonly Option<bool> _json = SharedOptions.Json(
        "Print one JSON object to stdout instead of the readable report: seed, modelVersion, every setting " +
        "(and which differ from the defaults, and a command line that reproduces the run), all comparisons (median r, " +
        "95% interval, the observed r's percentile, the two-sided compatibility p with its Monte Carlo SE, the verdict, the " +
        "one-sided share of trials at least as strong as observed, median partial r given exposure, reading) " +
        "and the sample sizes. Timing is left out so that the same settings give the same output.");
    private readonly Option<bool> _quiet = SharedOptions.Quiet();
    private readonly Option<bool> _allowLongRun = TrialCommand.AllowLongRun();

    public HypothesisCommand()
        : base("hypothesis",
            "The main job: does shared exposure alone explain why patients who dissociate more after ketamine also improve " +
            "more? For each hypothesis (exposure-only, shared-sensitivity, mediation, expectancy) simulate a pool of " +
            "patients, run replicate trials of the observed size, and show where the observed correlation falls among the " +
            "simulated ones (two-sided: an observation too weak for a hypothesis counts against it as much as one too strong), what controlling for exposure does, and how many patients a trial needs to tell each hypothesis " +
            "from exposure-only. Without options: the NIMH design, the four hypotheses, Luckenbaugh 2014's " +
            $"{Observations}, {Defaults.Replicates} replicates, " +
            $"a pool of {Defaults.PoolSize} patients, seed {Defaults.Seed} (about 1 s on two cores with the installed Native AOT tool, 2 s with a JIT build; docs/benchmarks.md). Progress goes to stderr (not with --json unless stderr is a terminal; never with --quiet).")
    {
        Add(_observedR, _observedN, _observedAt, _observed, _replicates, _subjects, _seed, _design, _parameters, _hypotheses, _rho, _share, _threshold, _boost, _json, _quiet, _plot, _out, _allowLongRun);
    }

    protected override int Execute(CommandContext ctx)
    {
        string? plotPath = PlotOptions.Check(ctx.Get(_plot), "--plot");
        var request = HypothesisRequest.Resolve(DesignChoice.Resolve(ctx.Get(_design)).WithParameters(ctx.Get(_parameters)), ctx.Get(_hypotheses) ?? [],
            TrialCommand.Strengths(ctx, _rho, _share, _threshold, _boost), ctx.Get(_observedR), ctx.Get(_observedN), ctx.Get(_observedAt), ctx.Get(_observed),
            ctx.Get(_replicates), ctx.Get(_subjects), ctx.Get(_seed));
        // Open every output first: a bad path fails before any work, and a failure later leaves no file.
        using var files = ctx.Outputs();
        var plots = plotPath is null ? []
            : request.Settings.Observed.Select(o => (Observed: o, File: files.Open(PlotOptions.WithSuffix(plotPath, Durations.Format(o.Time)), "--plot")!)).ToList();
        var csv = files.Open(ctx.Get(_out), "--out");
        request.CheckWork(ctx.Get(_allowLongRun));
        bool json = ctx.Get(_json);
        bool show = ctx.ShowProgress(ctx.Get(_quiet), json);
        var result = ProgressDisplay.Run(ctx.Stderr, show, "Simulating", progress => HypothesisTestResult.Run(request.Settings, progress));
        string text = HypothesisReport.ToJson(request, result, [.. plots.Select(p => p.File.Path)]);
        foreach (var (observed, file) in plots) OutputFiles.WritePlot(file, TrialCharts.Histograms(result, observed));
        if (csv is not null) HypothesisReport.Replicates(result).WriteCsv(csv.Stream);
        files.CommitAll();
        ctx.Emit(json, () => text, () => HypothesisReport.Build(request, result), files.Paths);
        return CliErrors.Success;
    }
}

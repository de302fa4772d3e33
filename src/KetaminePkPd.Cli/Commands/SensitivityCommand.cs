using System.Collections.Immutable;
using static KetaminePkPd.HypothesisTesting.HypothesisTestSettings;
using static KetaminePkPd.HypothesisTesting.ReplicateStudySettings;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd sensitivity</c>: what would it take for a hypothesis (exposure only by default) to produce the observed
/// correlation? Declares the options and hands them to <see cref="SensitivityResult.Run"/> and <see cref="SensitivityReport"/>.
/// </summary>
internal sealed class SensitivityCommand : CliCommand
{
    private readonly Option<string?> _hypothesis = new("--hypothesis") { HelpName = string.Join('|', Hypothesis.Names), Description = "The hypothesis whose assumptions are varied. [default: exposure-only]" };
    private readonly Option<string[]> _vary = SharedOptions.NoEmptyNames(new("--vary")
    {
        HelpName = "assumption", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true,
        Description = $"({string.Join('|', SensitivitySettings.AllAssumptions.Select(SensitivitySettings.Token))}|none) Assumptions varied one at a time (repeat the option, or list several separated by spaces or commas); " +
            "each over its documented range around the design's current value (multiples of it; see docs/sensitivity.md). none: only --pair. [default: all that apply to the design (no dose-spread for intranasal doses, which are whole devices)]",
    }, $"{string.Join(", ", SensitivitySettings.AllAssumptions.Select(SensitivitySettings.Token))} or none");
    private readonly Option<string?> _pair = new("--pair") { HelpName = "a,b", Description = "Two different assumptions varied together over every combination of their levels (a heat map)." };
    private readonly ObservedOptions _observed = new("[default: Luckenbaugh 2014: -0.35 at 230 min (n 58) and -0.41 at 7 d (n 39)]");
    private readonly Option<int?> _replicates = ObservedOptions.Replicates("setting");
    private readonly Option<int?> _pool = SharedOptions.Subjects($"Patients simulated per pharmacological setting, {MinPoolSize} to {MaxPoolSize} and at least {PoolPerObservedSubject} times the largest observed n. Alias: --pool. [default: {DefaultPoolSize}]", MinPoolSize, MaxPoolSize, "--pool");
    private readonly Option<ulong?> _seed = SharedOptions.Seed();
    private readonly Option<string?> _design = SharedOptions.Design();
    private readonly Option<string?> _parameters = SharedOptions.Parameters();
    private readonly Option<double?> _rho = SharedOptions.Rho(), _share = SharedOptions.Share(), _threshold = SharedOptions.ThresholdCadss(), _boost = SharedOptions.Boost();
    private readonly Option<string?> _out = SharedOptions.Out("file.csv",
        "Write one CSV row per setting and observation (kind, assumptions, levels, values, median r, 95% interval, percentile, two-sided p and its Monte Carlo SE, verdict); with --shard, the partial result file (JSON).");
    private readonly Option<string?> _plot = PlotOptions.Create("--plot", "Write a tornado plot of the median r per assumption, one file per observation time (--plot t.png writes t-230min.png and t-7d.png).");
    private readonly Option<string?> _plotHeatmap = PlotOptions.Create("--plot-heatmap", "Write a heat map of the two-sided p over --pair with the compatibility contour (p = 0.05), one file per observation time.");
    private readonly Option<bool> _json = SharedOptions.Json("Print one JSON object instead of the report: settings, a command line that reproduces the run, every cell and the frontiers. Timing is left out.");
    private readonly Option<bool> _quiet = SharedOptions.Quiet();
    private readonly Option<bool> _allowLongRun = TrialCommand.AllowLongRun();
    private readonly Option<(int Shard, int Shards)?> _shard = SharedOptions.Parsed<(int, int)?>("--shard", "K/N",
        $"Run only shard K of N (1 <= K <= N <= {SensitivityShardFile.MaxShards}) and write its partial result to --out (JSON); `ketamine-pkpd merge` combines the N " +
        "partial files into exactly the output of the unsharded run. For batch engines (docs/cluster.md).", (t, n) => SensitivityShardFile.ParseSpec(t, n));

    private readonly Option<bool> _global = new("--global") { Description = GlobalSensitivityRequest.Help };
    private readonly Option<int?> _worlds = SharedOptions.Parsed<int?>("--worlds", "count", $"Worlds sampled by --global, 1 to {GlobalSensitivitySettings.MaxWorlds}.", (t, n) => Parsing.ParseCount(t, n, 1, GlobalSensitivitySettings.MaxWorlds));

    public SensitivityCommand()
        : base("sensitivity",
            "What would it take for a hypothesis (exposure-only by default) to produce the observed correlation? Vary the provisional " +
            "assumptions (PK and PD variability, dose spread, placebo mean and SD, rating noise, CADSS time, baseline severity) one at a " +
            "time over documented ranges around the design's current values, with common random numbers across settings, and show per " +
            "setting the median r, its 95% interval and the two-sided compatibility with each observation, and the frontier: the smallest " +
            "change from the default that makes the hypothesis compatible (p >= 0.05), or none within the range. Without options: " +
            $"exposure-only, the NIMH design, Luckenbaugh 2014's two observations, every assumption, {DefaultReplicates} replicates, pools of {DefaultPoolSize}, seed {DefaultSeed}.")
    {
        Add(_hypothesis, _vary, _pair, _replicates, _pool, _seed, _design, _parameters, _rho, _share, _threshold, _boost, _out, _plot, _plotHeatmap, _json, _quiet, _shard, _allowLongRun, _global, _worlds);
        _observed.AddTo(Command);
    }

    protected override int Execute(CommandContext ctx)
    {
        if (ctx.Get(_global)) return Global(ctx);
        if (ctx.Get(_worlds) is not null) throw new ArgumentException("--worlds needs --global (the worlds of a global analysis).");
        var run = Resolve(ctx.Parse);
        string? outPath = ctx.Get(_out);
        bool quiet = ctx.Get(_quiet);
        var (part1, parts) = ctx.Get(_shard) ?? (1, 1);
        run.CheckWork(ctx.Get(_allowLongRun), part1, parts);
        if (ctx.Get(_shard) is not { } shard)
            return Emit(ctx, run, outPath, ctx.Get(_plot), ctx.Get(_plotHeatmap), ctx.Get(_json), quiet, progress => SensitivityResult.Run(run.Settings, progress));
        if (outPath is null) throw new ArgumentException("--shard needs --out: the partial result file that merge reads.");
        if (ctx.Get(_plot) is not null || ctx.Get(_plotHeatmap) is not null || ctx.Get(_json))
            throw new ArgumentException("--shard writes only the partial file (--out); plots and --json come from merge.");
        var (k, n) = shard;
        using var files = ctx.Outputs();
        var file = files.Open(outPath, "--out")!;
        var part = ProgressDisplay.Run(ctx.Stderr, !quiet && ProgressDisplay.IsTerminal(ctx.Stderr), $"Shard {k}/{n}", progress => SensitivityShardFile.Run(run.Arguments, run.Settings, k, n, progress));
        part.Write(file.Stream);
        files.CommitAll();
        if (!quiet) ctx.Stdout.WriteLine($"Shard {k} of {n}: {part.SettingsRun} settings, {part.SubjectSimulations:N0} patient simulations; wrote {file.Path}.");
        return CliErrors.Success;
    }

    /// <summary>Opens the outputs, gets the result, writes CSV, plots and the report or JSON (shared by <c>sensitivity</c> and <c>merge</c>).</summary>
    internal static int Emit(CommandContext ctx, SensitivityRequest run, string? outPath, string? plot, string? heatmap, bool json, bool quiet, Func<IProgress<double>?, SensitivityResult> compute)
    {
        var s = run.Settings;
        if ((plot = PlotOptions.Check(plot, "--plot")) is not null && s.Assumptions.IsEmpty)
            throw new ArgumentException("--plot draws the one-at-a-time tornado, but --vary none varies nothing one at a time; use --plot-heatmap.");
        if ((heatmap = PlotOptions.Check(heatmap, "--plot-heatmap")) is not null && s.Pair is null) throw new ArgumentException("--plot-heatmap needs --pair (the two assumptions to vary together).");
        using var files = ctx.Outputs();
        var csv = files.Open(outPath, "--out");
        var plots = new[] { (Path: plot, Option: "--plot", Draw: (Func<SensitivityResult, ObservedCorrelation, ScottPlot.Plot>)SensitivityCharts.Tornado), (heatmap, "--plot-heatmap", SensitivityCharts.Heatmap) }
            .Where(p => p.Path is not null).SelectMany(p => s.Observed.Select(o => (o, p.Draw, File: files.Open(PlotOptions.WithSuffix(p.Path!, Durations.Format(o.Time)), p.Option)!))).ToList();
        var result = ProgressDisplay.Run(ctx.Stderr, ctx.ShowProgress(quiet, json), "Simulating", compute);
        string text = SensitivityReport.ToJson(result, run.Choice.Token, run.Choice.FilePath, run.Reproduce, plots.Select(p => p.File.Path));
        if (csv is not null) SensitivityReport.CellTable(result).WriteCsv(csv.Stream);
        foreach (var (o, draw, file) in plots) OutputFiles.WritePlot(file, draw(result, o), 1200, 700);
        files.CommitAll();
        ctx.Emit(json, () => text, () => SensitivityReport.Build(result, run.Choice.Origin), files.Paths);
        return CliErrors.Success;
    }

    /// <summary><c>sensitivity --global</c>: the whole analysis, or one shard of it written to --out.</summary>
    private int Global(CommandContext ctx)
    {
        if (ctx.Get(_pair) is not null || ctx.Get(_plotHeatmap) is not null) throw new ArgumentException("--global samples the assumptions jointly; --pair and --plot-heatmap belong to the one-at-a-time analysis.");
        var run = ResolveGlobal(ctx.Parse);
        var (k, n) = ctx.Get(_shard) ?? (1, 1);
        run.CheckWork(ctx.Get(_allowLongRun), k, n);
        if (ctx.Get(_shard) is null) return EmitGlobal(ctx, run, ctx.Get(_out), ctx.Get(_plot), ctx.Get(_json), ctx.Get(_quiet), progress => GlobalSensitivityResult.Run(run.Settings, progress));
        if (ctx.Get(_out) is not { } outPath) throw new ArgumentException("--shard needs --out: the partial result file that merge reads.");
        if (ctx.Get(_plot) is not null || ctx.Get(_json)) throw new ArgumentException("--shard writes only the partial file (--out); plots and --json come from merge.");
        using var files = ctx.Outputs();
        var file = files.Open(outPath, "--out")!;
        var worlds = ProgressDisplay.Run(ctx.Stderr, !ctx.Get(_quiet) && ProgressDisplay.IsTerminal(ctx.Stderr), $"Shard {k}/{n}", progress => GlobalSensitivityResult.RunShard(run.Settings, k, n, progress));
        new GlobalShardFile(run.Arguments, k, n, worlds).Write(file.Stream);
        files.CommitAll();
        if (!ctx.Get(_quiet)) ctx.Stdout.WriteLine($"Shard {k} of {n}: {worlds.Length} worlds, {worlds.Count(w => w.IsPlausible)} plausible; wrote {file.Path}.");
        return CliErrors.Success;
    }

    /// <summary>Opens the outputs, gets the global result, writes the CSV of worlds, the plots and the report or JSON (shared with <c>merge</c>).</summary>
    internal static int EmitGlobal(CommandContext ctx, GlobalSensitivityRequest run, string? outPath, string? plot, bool json, bool quiet, Func<IProgress<double>?, GlobalSensitivityResult> compute)
    {
        plot = PlotOptions.Check(plot, "--plot");
        using var files = ctx.Outputs();
        var csv = files.Open(outPath, "--out");
        var plots = plot is null ? [] : run.Settings.Observed.Select(o => (o, File: files.Open(PlotOptions.WithSuffix(plot, Durations.Format(o.Time)), "--plot")!)).ToList();
        var result = ProgressDisplay.Run(ctx.Stderr, ctx.ShowProgress(quiet, json), "Simulating worlds", compute);
        string text = GlobalSensitivityReport.ToJson(result, run.Choice.Token, run.Choice.FilePath, run.Reproduce, plots.Select(p => p.File.Path));
        if (csv is not null) GlobalSensitivityReport.WorldTable(result).WriteCsv(csv.Stream);
        foreach (var (o, file) in plots) OutputFiles.WritePanels(file, GlobalCharts.Panels(result, o), 1200, 600);
        files.CommitAll();
        ctx.Emit(json, () => text, () => GlobalSensitivityReport.Build(result, run.Choice.Origin), files.Paths);
        return CliErrors.Success;
    }

    /// <summary>Reads the options of a global analysis into a checked request.</summary>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option.</exception>
    internal GlobalSensitivityRequest ResolveGlobal(ParseResult p)
    {
        var (r, n, at) = _observed.Values(p);
        return GlobalSensitivityRequest.Resolve(DesignChoice.Resolve(p.GetValue(_design)), p.GetValue(_hypothesis),
            new HypothesisStrengths(p.GetValue(_rho), p.GetValue(_share), p.GetValue(_threshold), p.GetValue(_boost)),
            p.GetValue(_vary), r, n, at, p.GetValue(_worlds), p.GetValue(_replicates), p.GetValue(_pool), p.GetValue(_seed), p.GetValue(_parameters));
    }

    /// <summary>Reads the options that define the analysis into a checked request (settings and the arguments that reproduce them).</summary>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option.</exception>
    internal SensitivityRequest Resolve(ParseResult p)
    {
        var (r, n, at) = _observed.Values(p);
        return SensitivityRequest.Resolve(DesignChoice.Resolve(p.GetValue(_design)).WithParameters(p.GetValue(_parameters)), p.GetValue(_hypothesis),
            new HypothesisStrengths(p.GetValue(_rho), p.GetValue(_share), p.GetValue(_threshold), p.GetValue(_boost)),
            p.GetValue(_vary), p.GetValue(_pair), r, n, at, p.GetValue(_replicates), p.GetValue(_pool), p.GetValue(_seed));
    }
}

/// <summary>The options of one observed correlation (<c>--observed-r</c>, <c>--observed-n</c>, <c>--observed-at</c>) and of the replicate count, shared by <c>sensitivity</c> and <c>strengths</c>.</summary>
internal sealed class ObservedOptions(string defaultText)
{
    private const string Names = "--observed-r, --observed-n and --observed-at";

    private readonly Option<double?> _r = SharedOptions.Parsed<double?>("--observed-r", "r", "An observed correlation of CADSS with % change, in (-1, 1) (negative = more dissociation, more improvement); " +
        $"needs --observed-n and --observed-at. {defaultText}", (t, n) => Parsing.ParseNumber(t, n, -ObservedCorrelation.MaxAbsR, ObservedCorrelation.MaxAbsR));
    private readonly Option<int?> _n = SharedOptions.Parsed<int?>("--observed-n", "n", $"Patients behind --observed-r, {ObservedCorrelation.MinN} to {ObservedCorrelation.MaxN}.", (t, n) => Parsing.ParseCount(t, n, ObservedCorrelation.MinN, ObservedCorrelation.MaxN));
    private readonly Option<TimeSpan?> _at = SharedOptions.Parsed<TimeSpan?>("--observed-at", "time", "Assessment time of --observed-r (e.g. 230min, 1d); one of the design's assessments.",
        (t, n) => Parsing.ParseDuration(t, n) is var d && d > TimeSpan.Zero ? d : throw new ArgumentException($"{n} '{t}': must be after the first dose."));

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_r);
        command.Options.Add(_n);
        command.Options.Add(_at);
    }

    /// <summary>The three values given (null where not given).</summary>
    public (double? R, int? N, TimeSpan? At) Values(ParseResult p) => (p.GetValue(_r), p.GetValue(_n), p.GetValue(_at));

    /// <summary>The observation given, or null when none of the three options is.</summary>
    /// <exception cref="ArgumentException">Only some of the three given.</exception>
    public ImmutableArray<ObservedCorrelation>? Resolve(ParseResult p) =>
        ReplicateStudySettings.Observation(p.GetValue(_r), p.GetValue(_n), p.GetValue(_at), "given with --observed-r", Names);

    /// <summary>The <c>--replicates</c> option, per <paramref name="unit"/> (e.g. <c>setting</c>) and observation.</summary>
    public static Option<int?> Replicates(string unit) => SharedOptions.Parsed<int?>("--replicates", "count",
        $"Replicate trials per {unit} and observation, {MinReplicates} to {MaxReplicates}. [default: {DefaultReplicates}]", (t, n) => Parsing.ParseCount(t, n, MinReplicates, MaxReplicates));
}

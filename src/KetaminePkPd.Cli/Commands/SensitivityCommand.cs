using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd sensitivity</c>: what would it take for a hypothesis (exposure only by default) to produce the observed
/// correlation? Varies the provisional assumptions one at a time (and optionally two together) and reports the
/// compatibility of each observation per setting and the frontier.
/// </summary>
internal sealed class SensitivityCommand
{
    /// <summary>Examples shown at the end of <c>sensitivity --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd sensitivity",
        "ketamine-pkpd sensitivity --vary placebo-sd,dose-spread --plot tornado.png",
        "ketamine-pkpd sensitivity --vary none --pair placebo-sd,ec50-a-sd --plot-heatmap heat.png",
        "ketamine-pkpd sensitivity --hypothesis mediation --share 0.3 --out cells.csv --json",
        "ketamine-pkpd sensitivity --design esketamine-intranasal --observed-r=-0.04 --observed-n 576 --observed-at 1d",
    ];

    private static readonly string Tokens = string.Join('|', SensitivityRanges.All.Select(SensitivityRanges.Token));

    private readonly Option<string?> _hypothesis = new("--hypothesis")
    {
        HelpName = HypothesisStrengths.Tokens,
        Description = "The hypothesis whose assumptions are varied. [default: exposure-only]",
    };
    private readonly Option<string[]> _vary = new("--vary")
    {
        HelpName = "assumption",
        Description = $"({Tokens}|none) Assumptions varied one at a time (repeat the option, or list several separated by spaces or commas); " +
            "each over its documented range around the design's current value (multiples of it; see docs/sensitivity.md). none: only --pair. [default: all that apply to the design (no dose-spread for intranasal doses, which are whole devices)]",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<string?> _pair = new("--pair")
    {
        HelpName = "a,b",
        Description = "Two different assumptions varied together over every combination of their levels (a heat map).",
    };
    private readonly Option<string?> _observedR = new("--observed-r")
    {
        HelpName = "r",
        Description = "An observed correlation of CADSS with % change, in (-1, 1) (negative = more dissociation, more improvement); " +
            "needs --observed-n and --observed-at. [default: Luckenbaugh 2014: -0.35 at 230 min (n 58) and -0.41 at 7 d (n 39)]",
    };
    private readonly Option<string?> _observedN = new("--observed-n") { HelpName = "n", Description = "Patients behind --observed-r, 4 to 1000000." };
    private readonly Option<string?> _observedAt = new("--observed-at") { HelpName = "time", Description = "Assessment time of --observed-r (e.g. 230min, 1d); one of the design's assessments." };
    private readonly Option<string?> _replicates = new("--replicates")
    {
        HelpName = "count", Description = "Replicate trials per setting and observation, 100 to 1000000. [default: 1000]",
    };
    private readonly Option<string?> _pool = new("--pool")
    {
        HelpName = "count", Description = "Patients simulated per pharmacological setting, 100 to 10000000 and at least 4 times the largest observed n. [default: 2000]",
    };
    private readonly Option<string?> _seed = CommonOptions.Seed();
    private readonly Option<string?> _design = CommonOptions.Design();
    private readonly Option<string?> _rho = CommonOptions.Rho();
    private readonly Option<string?> _share = CommonOptions.Share();
    private readonly Option<string?> _threshold = CommonOptions.Threshold();
    private readonly Option<string?> _boost = CommonOptions.Boost();
    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "file.csv",
        Description = "Write one CSV row per setting and observation (kind, assumptions, levels, values, median r, 95% interval, percentile, two-sided p and its Monte Carlo SE, verdict).",
    };
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write a tornado plot of the median r per assumption, one file per observation time (--plot t.png writes t-230min.png and t-7d.png).");
    private readonly Option<string?> _plotHeatmap = PlotOptions.Create("--plot-heatmap",
        "Write a heat map of the two-sided p over --pair with the compatibility contour (p = 0.05), one file per observation time.");
    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print one JSON object instead of the report: settings, a command line that reproduces the run, every cell and the frontiers. Timing is left out.",
    };
    private readonly Option<bool> _quiet = CommonOptions.Quiet();
    private readonly Option<string?> _shard = new("--shard")
    {
        HelpName = "K/N",
        Description = "Run only shard K of N (1 <= K <= N <= 10000) and write its partial result to --out (JSON); `ketamine-pkpd merge` combines the N " +
            "partial files into exactly the output of the unsharded run. For batch engines (docs/cluster.md).",
    };

    public SensitivityCommand()
    {
        Command = new Command("sensitivity",
            "What would it take for a hypothesis (exposure-only by default) to produce the observed correlation? Vary the provisional " +
            "assumptions (PK and PD variability, dose spread, placebo mean and SD, rating noise, CADSS time, baseline severity) one at a " +
            "time over documented ranges around the design's current values, with common random numbers across settings, and show per " +
            "setting the median r, its 95% interval and the two-sided compatibility with each observation, and the frontier: the smallest " +
            "change from the default that makes the hypothesis compatible (p >= 0.05), or none within the range. Without options: " +
            "exposure-only, the NIMH design, Luckenbaugh 2014's two observations, every assumption, 1000 replicates, pools of 2000, seed 1.")
        {
            _hypothesis, _vary, _pair, _observedR, _observedN, _observedAt, _replicates, _pool, _seed, _design,
            _rho, _share, _threshold, _boost, _out, _plot, _plotHeatmap, _json, _quiet, _shard,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>Adds the command and its examples to the command tree (one line in <see cref="CliApp.Build"/>).</summary>
    public static void Register(Command root, IDictionary<Command, string[]> examples)
    {
        var command = new SensitivityCommand();
        root.Subcommands.Add(command.Command);
        examples[command.Command] = Examples;
    }

    private int Execute(ParseResult parseResult)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        try
        {
            var inputs = Resolve(parseResult);
            if (inputs.Shard is { } shard)
            {
                using var partial = new OutputFiles();
                var file = partial.Open(inputs.OutPath, "--out")!;
                bool showShard = !inputs.Quiet && ProgressDisplay.IsTerminal(stderr);
                var part = ProgressDisplay.Run(stderr, showShard, $"Shard {shard.Shard}/{shard.Shards}",
                    progress => SensitivityAnalysis.RunShard(inputs.Settings, shard.Shard, shard.Shards, progress));
                SensitivityShardFile.Write(inputs, part, file.Stream);
                partial.CommitAll();
                if (!inputs.Quiet) stdout.WriteLine($"Shard {shard.Shard} of {shard.Shards}: {part.Cells.Count} settings, {part.SubjectSimulations:N0} patient simulations; wrote {file.Path}.");
                return CliErrors.Success;
            }
            bool show = !inputs.Quiet && (!inputs.Json || ProgressDisplay.IsTerminal(stderr));
            return Emit(inputs, stdout, () => ProgressDisplay.Run(stderr, show, "Simulating", progress => SensitivityAnalysis.Run(inputs.Settings, progress)));
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
    }

    /// <summary>Opens the outputs, gets the result, writes CSV, plots and the report or JSON (shared by <c>sensitivity</c> and <c>merge</c>).</summary>
    internal static int Emit(SensitivityInputs inputs, TextWriter stdout, Func<SensitivityResult> compute)
    {
        using var files = new OutputFiles();
        var csv = files.Open(inputs.OutPath, "--out");
        var tornado = inputs.PlotPath is null || inputs.Settings.Assumptions.IsEmpty ? []
            : inputs.Settings.Observed.Select(o => (o, files.Open(PlotOptions.WithSuffix(inputs.PlotPath, Durations.Format(o.Time)), "--plot")!)).ToList();
        var heat = inputs.HeatmapPath is null ? []
            : inputs.Settings.Observed.Select(o => (o, files.Open(PlotOptions.WithSuffix(inputs.HeatmapPath, Durations.Format(o.Time)), "--plot-heatmap")!)).ToList();
        var result = compute();
        var json = SensitivityReport.ToJson(inputs, result) with { PlotFiles = [.. tornado.Concat(heat).Select(p => p.Item2.Path)] };
        if (csv is not null) SensitivityReport.WriteCsv(result, csv.Stream);
        foreach (var (o, file) in tornado) OutputFiles.WritePlot(file, KetaminePkPd.Plotting.SensitivityCharts.Tornado(result, o), 1200, 700);
        foreach (var (o, file) in heat) OutputFiles.WritePlot(file, KetaminePkPd.Plotting.SensitivityCharts.Heatmap(result, o), 1200, 700);
        files.CommitAll();
        if (inputs.Json) SensitivityReport.WriteJson(json, stdout);
        else
        {
            ConsoleOutput.Render(stdout, console => SensitivityReport.WriteReport(console, inputs, result));
            if (files.Paths.Count > 0) stdout.WriteLine($"Files: {string.Join(", ", files.Paths)}.");
        }
        return CliErrors.Success;
    }

    /// <summary>Parses <c>K/N</c> with 1 &lt;= K &lt;= N &lt;= 10000.</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    internal static (int Shard, int Shards) ParseShard(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 10_000 && k >= 1 && k <= n)
            return (k, n);
        throw new ArgumentException($"--shard '{text}': give K/N with 1 <= K <= N <= 10000, e.g. 2/4.");
    }

    /// <summary>Reads, defaults and checks the options before anything is simulated.</summary>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option.</exception>
    internal SensitivityInputs Resolve(ParseResult p)
    {
        var defaults = SensitivitySettings.Default;
        string? plot = PlotOptions.Check(p.GetValue(_plot), "--plot");
        string? heatmap = PlotOptions.Check(p.GetValue(_plotHeatmap), "--plot-heatmap");
        var strengths = HypothesisStrengths.Parse(p.GetValue(_rho), p.GetValue(_share), p.GetValue(_threshold), p.GetValue(_boost));
        var hypothesis = strengths.Build(p.GetValue(_hypothesis) ?? "exposure-only");
        if (strengths.FirstWithout([hypothesis.Name]) is var (option, target))
            throw new ArgumentException($"{option} applies to the {target} hypothesis, not to {hypothesis.Name}; add --hypothesis {target}.");
        int replicates = p.GetValue(_replicates) is { } r ? Parsing.ParseCount(r, "--replicates", 100, 1_000_000) : defaults.Replicates;
        int pool = p.GetValue(_pool) is { } pl ? Parsing.ParseCount(pl, "--pool", 100, 10_000_000) : defaults.PoolSize;
        ulong seed = p.GetValue(_seed) is { } s ? Parsing.ParseSeed(s) : defaults.Seed;
        var choice = DesignChoice.Resolve(p.GetValue(_design));
        var design = choice.Design;

        var names = (p.GetValue(_vary) ?? [])
            .SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        ImmutableArray<SensitivityAssumption> assumptions;
        if (names.Count == 0) assumptions = [.. SensitivityRanges.All.Where(a => SensitivityRanges.AppliesTo(a, design))];
        else if (names.Count == 1 && names[0].Equals("none", StringComparison.OrdinalIgnoreCase)) assumptions = [];
        else
        {
            var parsed = names.Select(n => Parsing.Wrap("--vary", n, () => SensitivityRanges.Parse(n))).ToList();
            var twice = parsed.GroupBy(a => a).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null) throw new ArgumentException($"--vary {SensitivityRanges.Token(twice.Key)} is given more than once.");
            assumptions = [.. parsed];
        }
        (SensitivityAssumption, SensitivityAssumption)? pair = null;
        if (p.GetValue(_pair) is { } pairText)
        {
            var parts = pairText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2) throw new ArgumentException($"--pair '{pairText}': give two assumptions separated by a comma, e.g. placebo-sd,ec50-a-sd.");
            var a = Parsing.Wrap("--pair", parts[0], () => SensitivityRanges.Parse(parts[0]));
            var b = Parsing.Wrap("--pair", parts[1], () => SensitivityRanges.Parse(parts[1]));
            if (a == b) throw new ArgumentException($"--pair '{pairText}': the two assumptions must differ.");
            pair = (a, b);
        }
        if (assumptions.IsEmpty && pair is null) throw new ArgumentException("--vary none needs --pair: there is nothing else to vary.");
        if (heatmap is not null && pair is null) throw new ArgumentException("--plot-heatmap needs --pair (the two assumptions to vary together).");
        if (plot is not null && assumptions.IsEmpty) throw new ArgumentException("--plot draws the one-at-a-time tornado, but --vary none varies nothing one at a time; use --plot-heatmap.");

        string? rText = p.GetValue(_observedR), nText = p.GetValue(_observedN), atText = p.GetValue(_observedAt);
        ImmutableArray<ObservedCorrelation> observed = defaults.Observed;
        if (rText is not null || nText is not null || atText is not null)
        {
            if (rText is null || nText is null || atText is null)
                throw new ArgumentException("--observed-r, --observed-n and --observed-at go together: give all three.");
            var at = Parsing.ParseDuration(atText, "--observed-at");
            if (at <= TimeSpan.Zero) throw new ArgumentException($"--observed-at '{atText}': must be after the first dose.");
            double value = Parsing.ParseNumber(rText, "--observed-r", -0.999, 0.999);
            int n = Parsing.ParseCount(nText, "--observed-n", 4, 1_000_000);
            observed = [Parsing.Wrap("--observed-r", rText, () => new ObservedCorrelation(at, value, n, "given with --observed-r"))];
        }
        foreach (var o in observed)
            if (!design.Assessments.Contains(o.Time))
                throw new ArgumentException($"the observation at {Durations.Format(o.Time)} is not an assessment of '{design.Name}' ({string.Join(", ", design.Assessments.Select(Durations.Format))}); " +
                    "give --observed-r, --observed-n and --observed-at at one of them.");
        int maxN = observed.Max(o => o.N);
        if (pool < 4 * maxN) throw new ArgumentException($"--pool {pool}: must be at least 4 times the largest observed n ({maxN}), i.e. at least {4 * maxN}.");
        // Checks each range against the design now (e.g. a PD SD the population does not vary), naming the option.
        foreach (var a in assumptions.Concat(pair is { } q ? new[] { q.Item1, q.Item2 } : []))
            Parsing.Wrap(pair is { } q2 && (a == q2.Item1 || a == q2.Item2) && !assumptions.Contains(a) ? "--pair" : "--vary", SensitivityRanges.Token(a), () => SensitivityRanges.Levels(a, design));

        var settings = defaults with
        {
            Design = design, Hypothesis = hypothesis, Observed = observed, Assumptions = assumptions, Pair = pair,
            Replicates = replicates, PoolSize = pool, Seed = seed,
        };
        var args = new List<string>();
        if (!choice.IsDefault) args.AddRange(["--design", choice.FilePath ?? choice.Token]);
        if (!hypothesis.IsExposureOnly || p.GetValue(_hypothesis) is not null) args.AddRange(["--hypothesis", hypothesis.Name]);
        foreach (string a in strengths.Arguments()) args.AddRange(a.Split(' ', 2));
        if (names.Count > 0) args.AddRange(["--vary", assumptions.IsEmpty ? "none" : string.Join(',', assumptions.Select(SensitivityRanges.Token))]);
        if (pair is { } pr) args.AddRange(["--pair", $"{SensitivityRanges.Token(pr.Item1)},{SensitivityRanges.Token(pr.Item2)}"]);
        if (rText is not null)
            args.AddRange([$"--observed-r={Parsing.Plain(observed[0].R)}", "--observed-n", observed[0].N.ToString(CultureInfo.InvariantCulture), "--observed-at", Durations.Format(observed[0].Time)]);
        if (replicates != defaults.Replicates) args.AddRange(["--replicates", replicates.ToString(CultureInfo.InvariantCulture)]);
        if (pool != defaults.PoolSize) args.AddRange(["--pool", pool.ToString(CultureInfo.InvariantCulture)]);
        if (seed != defaults.Seed) args.AddRange(["--seed", seed.ToString(CultureInfo.InvariantCulture)]);
        (int, int)? shard = p.GetValue(_shard) is { } shardText ? ParseShard(shardText) : null;
        if (shard is not null && p.GetValue(_out) is null) throw new ArgumentException("--shard needs --out: the partial result file that merge reads.");
        if (shard is not null && (plot is not null || heatmap is not null || p.GetValue(_json)))
            throw new ArgumentException("--shard writes only the partial file (--out); plots and --json come from merge.");
        string reproduce = string.Join(' ', new[] { CliApp.Name, "sensitivity" }.Concat(args.Select(a => a.All(c => char.IsAsciiLetterOrDigit(c) || "_./,:=+-".Contains(c)) ? a : TrialInputs.Quote(a))));
        return new SensitivityInputs(choice, settings, reproduce, p.GetValue(_out), plot, heatmap, p.GetValue(_json), p.GetValue(_quiet))
        {
            Arguments = [.. args],
            Shard = shard,
        };
    }
}

/// <summary>Everything <c>sensitivity</c> needs, parsed, defaulted and checked.</summary>
/// <param name="Choice">The design as chosen.</param>
/// <param name="Settings">The analysis to run.</param>
/// <param name="Reproduce">A command line that reproduces the run (without output options).</param>
/// <param name="OutPath">The --out CSV path, or null.</param>
/// <param name="PlotPath">The --plot path (one tornado per observation time), or null.</param>
/// <param name="HeatmapPath">The --plot-heatmap path (one per observation time), or null.</param>
/// <param name="Json">True for JSON output.</param>
/// <param name="Quiet">True to hide progress.</param>
internal sealed record SensitivityInputs(DesignChoice Choice, SensitivitySettings Settings, string Reproduce, string? OutPath, string? PlotPath,
    string? HeatmapPath, bool Json, bool Quiet)
{
    /// <summary>The arguments (after <c>sensitivity</c>) that define the analysis, without output options: stored in shard files.</summary>
    public ImmutableArray<string> Arguments { get; init; } = [];

    /// <summary>The --shard K/N given, or null for the whole run.</summary>
    public (int Shard, int Shards)? Shard { get; init; }
}

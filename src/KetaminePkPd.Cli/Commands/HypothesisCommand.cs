using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd hypothesis</c>, the project's main job: under each hypothesis, replicate trials of the observed
/// size give the sampling distribution of the CADSS-response correlation, and the observed correlation is placed in it.
/// </summary>
internal sealed class HypothesisCommand
{
    /// <summary>Examples shown at the end of <c>hypothesis --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd hypothesis",
        "ketamine-pkpd hypothesis --replicates 500 --pool 2000 --seed 7",
        "ketamine-pkpd hypothesis --hypothesis exposure-only --hypothesis mediation --share 0.3 --json",
        "ketamine-pkpd hypothesis --observed-r -0.35 --observed-n 58 --observed-at 230min",
        "ketamine-pkpd hypothesis --observed my-patients.csv --observed-at 1d",
        "ketamine-pkpd hypothesis --design dose-ranging --observed-r -0.2 --observed-n 100 --observed-at 1d",
        "ketamine-pkpd hypothesis --replicates 500 --pool 2000 --plot r.png",
    ];

    private readonly Option<string?> _observedR = new("--observed-r")
    {
        HelpName = "r",
        Description = "An observed correlation of CADSS with % change of the depression score, in (-1, 1), against % " +
            "change as Luckenbaugh 2014 reports it (negative = more dissociation, more improvement). Replaces the default " +
            "observations; needs --observed-n and --observed-at. [default: Luckenbaugh 2014: r = -0.35 at 230 min (n 58) " +
            "and r = -0.41 at 7 d (n 39)]",
    };
    private readonly Option<string?> _observedN = new("--observed-n")
    {
        HelpName = "n",
        Description = "Patients behind --observed-r, 4 to 1000000: each replicate trial enrols this many.",
    };
    private readonly Option<string?> _observedAt = new("--observed-at")
    {
        HelpName = "time",
        Description = "Assessment time of the observed % change, with its unit (e.g. 230min, 1d, 7d); must be one of the " +
            "design's assessments. With --observed-r, or with --observed: the time of every row of a file without a time " +
            "column, or the one time to keep from a file with one.",
    };
    private readonly Option<string?> _observed = new("--observed")
    {
        HelpName = "file.csv",
        Description = "Per-patient data to compute the observed correlation from: a CSV file with a header row naming the " +
            "columns cadss and pct_change (% change, negative = improvement) and optionally time (e.g. 230min, 7d; one " +
            "correlation per time); other columns are ignored; empty or NA values are skipped as missing. Not with --observed-r.",
    };
    private readonly Option<string?> _replicates = new("--replicates")
    {
        HelpName = "count",
        Description = "Replicate trials per hypothesis and observation, 100 to 1000000. More replicates give smoother " +
            "intervals and tail probabilities. [default: 2000]",
    };
    private readonly Option<string?> _pool = new("--pool")
    {
        HelpName = "count",
        Description = "Patients simulated once per hypothesis, 100 to 10000000 and at least 4 times the largest observed " +
            "n; each replicate trial enrols its n from this pool without replacement and rates them with fresh rating " +
            "noise. [default: 10000]",
    };
    private readonly Option<string?> _seed = CommonOptions.Seed();
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write histograms of the simulated r under each hypothesis with the observed r marked: one file per observation " +
        "time, named after this one with the time added (--plot r.png writes r-230min.png and r-7d.png).");
    private readonly Option<string?> _design = CommonOptions.Design();
    private readonly Option<string[]> _hypotheses = new("--hypothesis")
    {
        HelpName = "name",
        Description = "(" + HypothesisStrengths.Tokens + ") Run only the hypotheses named (repeat the option, or list several names after it, separated by spaces or commas). " +
            "exposure-only = the effects share only the drug concentration; shared-sensitivity = correlated individual " +
            "sensitivities (--rho); mediation = part of the antidepressant signal comes from the dissociation (--share); " +
            "expectancy = patients who notice dissociation get a larger placebo response (--threshold, --boost). Sample " +
            "sizes are computed against exposure-only, so keep it in the list for them. [default: all four; a scenario " +
            "file's hypothesis replaces the one of the same name, or is added]",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<string?> _rho = CommonOptions.Rho();
    private readonly Option<string?> _share = CommonOptions.Share();
    private readonly Option<string?> _threshold = CommonOptions.Threshold();
    private readonly Option<string?> _boost = CommonOptions.Boost();
    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print one JSON object to stdout instead of the readable report: seed, modelVersion, every setting " +
            "(and which differ from the defaults, and a command line that reproduces the run), all comparisons (median r, " +
            "95% interval, the observed r's percentile, the two-sided compatibility p with its Monte Carlo SE, the verdict, the " +
            "one-sided share of trials at least as strong as observed, median partial r given exposure, reading) " +
            "and the sample sizes. Timing is left out so that the same settings give the same output.",
    };
    private readonly Option<bool> _quiet = CommonOptions.Quiet();
    private readonly Option<bool> _allowLongRun = WorkBudget.AllowLongRun();

    public HypothesisCommand()
    {
        Command = new Command("hypothesis",
            "The main job: does shared exposure alone explain why patients who dissociate more after ketamine also improve " +
            "more? For each hypothesis (exposure-only, shared-sensitivity, mediation, expectancy) simulate a pool of " +
            "patients, run replicate trials of the observed size, and show where the observed correlation falls among the " +
            "simulated ones (two-sided: an observation too weak for a hypothesis counts against it as much as one too strong), what controlling for exposure does, and how many patients a trial needs to tell each hypothesis " +
            "from exposure-only. Without options: the NIMH design, the four hypotheses, Luckenbaugh 2014's r = -0.35 at " +
            "230 min (n 58) and r = -0.41 at 7 d (n 39), 2000 replicates, a pool of 10000 patients, seed 1 (10-40 s " +
            "on two cores). Progress goes to stderr (not with --json unless stderr is a terminal; never with --quiet).")
        {
            _observedR, _observedN, _observedAt, _observed, _replicates, _pool, _seed, _design,
            _hypotheses, _rho, _share, _threshold, _boost, _json, _quiet, _plot, _allowLongRun,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        try
        {
            var inputs = Resolve(parseResult);
            // Open every figure first: a bad path fails before any work, and a failure later leaves no file.
            using var files = new OutputFiles((inputs.Choice.FilePath, "--design"), (inputs.ObservedFile, "--observed"));
            var plots = inputs.PlotPath is null ? []
                : inputs.Settings.Observed.Select(o => (o, files.Open(PlotOptions.WithSuffix(inputs.PlotPath, Durations.Format(o.Time)), "--plot")!)).ToList();
            // The work estimate, once the inputs are known to be valid (and before any work).
            var s = inputs.Settings;
            int h = s.Hypotheses.Length;
            WorkBudget.Check((double)s.PoolSize * h, (double)s.Replicates * h * s.Observed.Sum(o => (double)o.N), parseResult.GetValue(_allowLongRun),
                $"--pool {s.PoolSize} and --replicates {s.Replicates} over {h} hypotheses and {s.Observed.Length} observations of n up to {s.Observed.Max(o => o.N)}");
            bool show = !inputs.Quiet && (!inputs.Json || ProgressDisplay.IsTerminal(stderr));
            var result = ProgressDisplay.Run(stderr, show, "Simulating", progress => HypothesisTest.Run(inputs.Settings, progress));
            var json = HypothesisReport.ToJson(inputs, result) with { PlotFiles = [.. plots.Select(p => p.Item2.Path)] };
            foreach (var (observed, file) in plots) OutputFiles.WritePlot(file, HypothesisReport.HistogramPlot(result, observed));
            files.CommitAll();
            if (inputs.Json) JsonOutput.Write(json, stdout);
            else
            {
                ConsoleOutput.Render(stdout, console => HypothesisReport.WriteReport(console, inputs, result));
                if (plots.Count > 0) stdout.WriteLine($"Plots: {string.Join(", ", json.PlotFiles)}.");
            }
            return CliErrors.Success;
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
    }

    /// <summary>Reads, defaults and checks the options before anything is simulated.</summary>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option.</exception>
    /// <exception cref="IOException">A scenario or data file that cannot be read.</exception>
    internal HypothesisInputs Resolve(ParseResult p)
    {
        var defaults = HypothesisTestSettings.Default;
        string? plot = PlotOptions.Check(p.GetValue(_plot), "--plot");
        var strengths = HypothesisStrengths.Parse(p.GetValue(_rho), p.GetValue(_share), p.GetValue(_threshold), p.GetValue(_boost));
        int replicates = p.GetValue(_replicates) is { } r ? Parsing.ParseCount(r, "--replicates", 100, 1_000_000) : defaults.Replicates;
        int pool = p.GetValue(_pool) is { } pl ? Parsing.ParseCount(pl, "--pool", 100, 10_000_000) : defaults.PoolSize;
        ulong seed = p.GetValue(_seed) is { } s ? Parsing.ParseSeed(s) : defaults.Seed;
        var choice = DesignChoice.Resolve(p.GetValue(_design));
        var design = choice.Design;

        // Hypotheses: the ones named, or the four defaults with a scenario's own hypothesis in place of its namesake.
        foreach (var given in p.GetValue(_hypotheses) ?? [])
            if (given.Split(',').Any(part => part.Trim().Length == 0))
                throw new ArgumentException($"--hypothesis '{ObservedFile.Excerpt(given)}': empty hypothesis name; use {Parsing.HypothesisNames}.");
        var names = (p.GetValue(_hypotheses) ?? [])
            .SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        List<Hypothesis> hypotheses;
        if (names.Count > 0)
        {
            var duplicate = names.GroupBy(n => n.ToLowerInvariant().Replace('_', '-'), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new ArgumentException($"--hypothesis {duplicate.Key} is given more than once.");
            hypotheses = [.. names.Select(n => Parsing.ParseHypothesis(n))];
        }
        else
        {
            hypotheses = [.. Hypothesis.All];
            if (choice.ScenarioHypothesis is { } fromFile)
            {
                int same = hypotheses.FindIndex(h => string.Equals(h.Name, fromFile.Name, StringComparison.OrdinalIgnoreCase));
                if (same >= 0) hypotheses[same] = fromFile; else hypotheses.Add(fromFile);
            }
        }
        if (strengths.FirstWithout([.. hypotheses.Select(h => h.Name)]) is var (option, target))
            throw new ArgumentException($"{option} applies to the {target} hypothesis, which is not among those run " +
                $"({string.Join(", ", hypotheses.Select(h => h.Name))}); add --hypothesis {target}.");
        hypotheses = [.. hypotheses.Select(strengths.Apply)];

        // Observations: the defaults, one given by r and n, or computed from a file.
        string? rText = p.GetValue(_observedR), nText = p.GetValue(_observedN), atText = p.GetValue(_observedAt), file = p.GetValue(_observed);
        TimeSpan? at = atText is null ? null : Parsing.ParseDuration(atText, "--observed-at");
        if (at is { } t0 && t0 <= TimeSpan.Zero) throw new ArgumentException($"--observed-at '{atText}': must be after the first dose.");
        ImmutableArray<ObservedCorrelation> observed;
        string observedSource;
        if (file is not null)
        {
            if (rText is not null || nText is not null)
                throw new ArgumentException("--observed (a data file) and --observed-r/--observed-n exclude each other: give the data or the correlation.");
            observed = [.. ObservedFile.Read(file, at)];
            observedSource = "--observed";
        }
        else if (rText is not null || nText is not null || atText is not null)
        {
            if (rText is null || nText is null || atText is null)
                throw new ArgumentException("--observed-r, --observed-n and --observed-at go together: give all three " +
                    $"(missing: {string.Join(", ", new[] { ("--observed-r", rText), ("--observed-n", nText), ("--observed-at", atText) }.Where(x => x.Item2 is null).Select(x => x.Item1))}).");
            double value = Parsing.ParseNumber(rText, "--observed-r", -0.999, 0.999);
            int n = Parsing.ParseCount(nText, "--observed-n", 4, 1_000_000);
            observed = [Parsing.Wrap("--observed-r", rText, () => new ObservedCorrelation(at!.Value, value, n, "given with --observed-r"))];
            observedSource = "--observed-r";
        }
        else
        {
            observed = defaults.Observed;
            observedSource = "default";
        }

        // Checks the library would make, but with the option to blame.
        foreach (var o in observed)
            if (!design.Assessments.Contains(o.Time))
            {
                string times = string.Join(", ", design.Assessments.Select(Durations.Format));
                throw new ArgumentException(observedSource switch
                {
                    "default" => $"the default observations (Luckenbaugh 2014 at 230min and 7d) need a design that assesses at those times, but '{design.Name}' assesses at {times}; " +
                        "give --observed-r, --observed-n and --observed-at (or --observed file.csv).",
                    "--observed" => $"--observed '{file}': data at {Durations.Format(o.Time)}, which is not an assessment of '{design.Name}' ({times}); use --observed-at to keep one of those.",
                    _ => $"--observed-at '{atText}': not an assessment of '{design.Name}'; use {times}.",
                });
            }
        int maxN = observed.Max(o => o.N);
        if (pool < 4 * maxN)
            throw new ArgumentException($"--pool {pool}: must be at least 4 times the largest observed n ({maxN}), i.e. at least {4 * maxN}.");

        var settings = defaults.WithDesign(design, observed, pool) with
        {
            Hypotheses = [.. hypotheses],
            Replicates = replicates,
            Seed = seed,
        };
        return new HypothesisInputs(choice, settings, names.Count > 0, strengths, observedSource, file, atText, p.GetValue(_json), p.GetValue(_quiet))
        {
            PlotPath = plot,
        };
    }
}

/// <summary>Everything <c>hypothesis</c> needs, parsed, defaulted and checked; built by <see cref="HypothesisCommand.Resolve"/>.</summary>
/// <param name="Choice">The design as chosen.</param>
/// <param name="Settings">The settings to run.</param>
/// <param name="HypothesesGiven">True when --hypothesis restricted the hypotheses.</param>
/// <param name="Strengths">The strength options given.</param>
/// <param name="ObservedSource"><c>default</c>, <c>--observed-r</c> or <c>--observed</c>.</param>
/// <param name="ObservedFile">The --observed path, or null.</param>
/// <param name="ObservedAtText">The --observed-at text, or null.</param>
/// <param name="Json">True for JSON output.</param>
/// <param name="Quiet">True to hide progress.</param>
internal sealed record HypothesisInputs(DesignChoice Choice, HypothesisTestSettings Settings, bool HypothesesGiven, HypothesisStrengths Strengths,
    string ObservedSource, string? ObservedFile, string? ObservedAtText, bool Json, bool Quiet)
{
    /// <summary>The --plot path as given (one file per observation time is written, with the time added), or null.</summary>
    public string? PlotPath { get; init; }

    /// <summary>The names of the settings that differ from <see cref="HypothesisTestSettings.Default"/>.</summary>
    public IReadOnlyList<string> DiffersFromDefaults()
    {
        var d = HypothesisTestSettings.Default;
        var s = Settings;
        var list = new List<string>();
        if (!Choice.IsDefault) list.Add("design");
        if (!s.Hypotheses.SequenceEqual(d.Hypotheses)) list.Add("hypotheses");
        if (!s.Observed.SequenceEqual(d.Observed)) list.Add("observed");
        if (s.Replicates != d.Replicates) list.Add("replicates");
        if (s.PoolSize != d.PoolSize) list.Add("pool");
        if (s.Seed != d.Seed) list.Add("seed");
        return list;
    }

    /// <summary>A command line that reproduces this run (without --json and --quiet).</summary>
    public string Reproduce()
    {
        var d = HypothesisTestSettings.Default;
        var s = Settings;
        var parts = new List<string> { CliApp.Name, "hypothesis" };
        if (!Choice.IsDefault) parts.Add($"--design {TrialInputs.Quote(Choice.FilePath ?? Choice.Token)}");
        if (HypothesesGiven) parts.AddRange(s.Hypotheses.Select(h => $"--hypothesis {h.Name}"));
        parts.AddRange(Strengths.Arguments());
        if (ObservedSource == "--observed")
        {
            parts.Add($"--observed {TrialInputs.Quote(Path.GetFullPath(ObservedFile!))}");
            if (ObservedAtText is not null) parts.Add($"--observed-at {Durations.Format(s.Observed[0].Time)}");
        }
        else if (ObservedSource == "--observed-r")
        {
            var o = s.Observed[0];
            parts.Add($"--observed-r {Parsing.Plain(o.R)} --observed-n {o.N.ToString(CultureInfo.InvariantCulture)} --observed-at {Durations.Format(o.Time)}");
        }
        if (s.Replicates != d.Replicates) parts.Add($"--replicates {s.Replicates.ToString(CultureInfo.InvariantCulture)}");
        if (s.PoolSize != d.PoolSize) parts.Add($"--pool {s.PoolSize.ToString(CultureInfo.InvariantCulture)}");
        if (s.Seed != d.Seed) parts.Add($"--seed {s.Seed.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(' ', parts);
    }
}

using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd strengths</c>: which strengths of each alternative hypothesis are compatible with the observed
/// correlations (a compatibility interval over a grid), and how often trials of various sizes find p &lt; 0.05.
/// </summary>
internal sealed class StrengthsCommand
{
    /// <summary>Examples shown at the end of <c>strengths --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd strengths",
        "ketamine-pkpd strengths --strength rho --plot rho.png",
        "ketamine-pkpd strengths --design esketamine-intranasal --observed-r=-0.04 --observed-n 576 --observed-at 1d --no-detection",
        "ketamine-pkpd strengths --combine fisher --json",
    ];

    private static readonly Dictionary<string, StrengthParameter> Tokens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rho"] = StrengthParameter.SensitivityCorrelation,
        ["share"] = StrengthParameter.MediationShare,
        ["boost"] = StrengthParameter.ExpectancyBoost,
        ["threshold"] = StrengthParameter.ExpectancyThreshold,
    };

    private readonly Option<string[]> _strength = new("--strength")
    {
        HelpName = "rho|share|boost|threshold",
        Description = "Strengths to scan (repeat, or list separated by spaces or commas): rho of shared-sensitivity over -1..1 (step 0.1), share of " +
            "mediation over 0..1 (step 0.1), boost of expectancy over 0..12 MADRS (step 1) and its threshold over 0..40 CADSS (step 5). [default: all four]",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<string?> _combine = new("--combine")
    {
        HelpName = "bonferroni|fisher",
        Description = "How several observations combine into one interval: bonferroni = min(1, J min p), valid when they share patients (Luckenbaugh's " +
            "two times do); fisher = Fisher's method, more powerful, only for independent observations (different trials). [default: bonferroni]",
    };
    private readonly Option<string?> _observedR = new("--observed-r")
    {
        HelpName = "r", Description = "An observed correlation (negative = more dissociation, more improvement); needs --observed-n and --observed-at. [default: Luckenbaugh 2014's two]",
    };
    private readonly Option<string?> _observedN = new("--observed-n") { HelpName = "n", Description = "Patients behind --observed-r, 4 to 1000000." };
    private readonly Option<string?> _observedAt = new("--observed-at") { HelpName = "time", Description = "Assessment time of --observed-r; one of the design's." };
    private readonly Option<string?> _replicates = new("--replicates") { HelpName = "count", Description = "Replicate trials per grid point and observation, 100 to 1000000. [default: 1000]" };
    private readonly Option<string?> _pool = new("--pool") { HelpName = "count", Description = "Patients per grid point, at least 4 times the largest observed n. [default: 2000]" };
    private readonly Option<string?> _seed = CommonOptions.Seed();
    private readonly Option<string?> _design = CommonOptions.Design();
    private readonly Option<bool> _noDetection = new("--no-detection")
    {
        Description = "Skip the table of how often trials of 20, 40, 58, 100, 300 and 1000 patients find p < 0.05 under each hypothesis (at the first observation's time).",
    };
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write the compatibility curves (p against strength), one file per strength (--plot s.png writes s-rho.png, s-share.png, ...).");
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object instead of the report. Timing is left out." };
    private readonly Option<bool> _quiet = CommonOptions.Quiet();

    public StrengthsCommand()
    {
        Command = new Command("strengths",
            "Which strengths fit? For shared-sensitivity (rho), mediation (share) and expectancy (boost, threshold), scan the strength over a grid " +
            "and show the two-sided compatibility p of each observation, their combination and the compatibility interval (p >= 0.05); then how " +
            "often trials of 20 to 1000 patients find a 'significant' association (p < 0.05) under each hypothesis. Without options: the NIMH " +
            "design, Luckenbaugh 2014's two observations (Bonferroni), 1000 replicates from pools of 2000 per grid point, seed 1.")
        {
            _strength, _combine, _observedR, _observedN, _observedAt, _replicates, _pool, _seed, _design, _noDetection, _plot, _json, _quiet,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>Adds the command and its examples to the command tree.</summary>
    public static void Register(Command root, IDictionary<Command, string[]> examples)
    {
        var command = new StrengthsCommand();
        root.Subcommands.Add(command.Command);
        examples[command.Command] = Examples;
    }

    /// <summary>The token of a strength: rho, share, boost or threshold.</summary>
    public static string Token(StrengthParameter p) => Tokens.First(t => t.Value == p).Key;

    private int Execute(ParseResult p)
    {
        var stdout = p.InvocationConfiguration.Output;
        var stderr = p.InvocationConfiguration.Error;
        try
        {
            var defaults = StrengthScanSettings.Default;
            string? plot = PlotOptions.Check(p.GetValue(_plot), "--plot");
            var names = (p.GetValue(_strength) ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var parameters = names.Count == 0 ? defaults.Parameters : [.. names.Select(n => Tokens.TryGetValue(n, out var v) ? v
                : throw new ArgumentException($"--strength '{n}': use rho, share, boost or threshold."))];
            if (parameters.Distinct().Count() != parameters.Length) throw new ArgumentException("--strength: a strength is given more than once.");
            var combine = p.GetValue(_combine) switch
            {
                null => PValueCombination.Bonferroni,
                { } c when c.Trim().Equals("bonferroni", StringComparison.OrdinalIgnoreCase) => PValueCombination.Bonferroni,
                { } c when c.Trim().Equals("fisher", StringComparison.OrdinalIgnoreCase) => PValueCombination.Fisher,
                { } c => throw new ArgumentException($"--combine '{c}': use bonferroni or fisher."),
            };
            int replicates = p.GetValue(_replicates) is { } r ? Parsing.ParseCount(r, "--replicates", 100, 1_000_000) : defaults.Replicates;
            int pool = p.GetValue(_pool) is { } pl ? Parsing.ParseCount(pl, "--pool", 100, 10_000_000) : defaults.PoolSize;
            ulong seed = p.GetValue(_seed) is { } s ? Parsing.ParseSeed(s) : defaults.Seed;
            var choice = DesignChoice.Resolve(p.GetValue(_design));
            var design = choice.Design;
            string? rText = p.GetValue(_observedR), nText = p.GetValue(_observedN), atText = p.GetValue(_observedAt);
            ImmutableArray<ObservedCorrelation> observed = defaults.Observed;
            if (rText is not null || nText is not null || atText is not null)
            {
                if (rText is null || nText is null || atText is null) throw new ArgumentException("--observed-r, --observed-n and --observed-at go together: give all three.");
                var at = Parsing.ParseDuration(atText, "--observed-at");
                double value = Parsing.ParseNumber(rText, "--observed-r", -0.999, 0.999);
                int n = Parsing.ParseCount(nText, "--observed-n", 4, 1_000_000);
                observed = [Parsing.Wrap("--observed-at", atText, () => new ObservedCorrelation(at, value, n, "given with --observed-r"))];
            }
            foreach (var o in observed)
                if (!design.Assessments.Contains(o.Time))
                    throw new ArgumentException($"the observation at {Durations.Format(o.Time)} is not an assessment of '{design.Name}' ({string.Join(", ", design.Assessments.Select(Durations.Format))}); " +
                        "give --observed-r, --observed-n and --observed-at at one of them.");
            if (pool < 4 * observed.Max(o => o.N)) throw new ArgumentException($"--pool {pool}: must be at least 4 times the largest observed n, i.e. at least {4 * observed.Max(o => o.N)}.");
            var settings = defaults with { Design = design, Observed = observed, Parameters = parameters, Combination = combine, Replicates = replicates, PoolSize = pool, Seed = seed };
            bool json = p.GetValue(_json), quiet = p.GetValue(_quiet), detection = !p.GetValue(_noDetection);

            using var files = new OutputFiles();
            var plots = plot is null ? [] : parameters.Select(x => (x, files.Open(PlotOptions.WithSuffix(plot, Token(x)), "--plot")!)).ToList();
            bool show = !quiet && (!json || ProgressDisplay.IsTerminal(stderr));
            var result = ProgressDisplay.Run(stderr, show, "Scanning strengths", progress => StrengthScan.Run(settings, progress));
            var rates = detection
                ? ProgressDisplay.Run(stderr, show, "Trial sizes", _ => DetectionRates.Run(design, Hypothesis.All, observed[0].Time, replicates: replicates,
                    poolSize: 4 * DetectionRates.DefaultSizes.Max(), seed: seed))
                : [];
            foreach (var (x, file) in plots) OutputFiles.WritePlot(file, KetaminePkPd.Plotting.StrengthCharts.Compatibility(result, x));
            files.CommitAll();
            if (json) StrengthsReport.WriteJson(StrengthsReport.ToJson(choice, result, rates) with { PlotFiles = files.Paths }, stdout);
            else
            {
                ConsoleOutput.Render(stdout, console => StrengthsReport.WriteReport(console, choice, result, rates));
                if (files.Paths.Count > 0) stdout.WriteLine($"Plots: {string.Join(", ", files.Paths)}.");
            }
            return CliErrors.Success;
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
    }
}

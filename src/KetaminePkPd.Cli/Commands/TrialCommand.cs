using System.CommandLine;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd trial</c>: one virtual trial under one hypothesis; prints per-arm outcomes and the
/// dissociation-response associations (or JSON), and optionally writes one CSV row per patient.
/// </summary>
internal sealed class TrialCommand
{
    /// <summary>Runs with more patients than this show progress on stderr (unless --quiet).</summary>
    public const int ProgressThreshold = 500;

    /// <summary>Examples shown at the end of <c>trial --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd trial",
        "ketamine-pkpd trial --subjects 1000 --seed 7",
        "ketamine-pkpd trial --hypothesis mediation --share 0.3 --json",
        "ketamine-pkpd trial --hypothesis expectancy --threshold 15 --boost 8",
        "ketamine-pkpd trial --design dose-ranging --out subjects.csv",
        "ketamine-pkpd trial --design my-scenario.json --out subjects.csv",
        "ketamine-pkpd trial --subjects 500 --plot scatter.png --plot-at 7d",
    ];

    private readonly Option<string?> _design = CommonOptions.Design();
    private readonly Option<string?> _subjects = new("--subjects", "-n")
    {
        HelpName = "count",
        Description = "Patients in the trial, 1 to 1000000 (at least one per arm), shared among the arms in the design's " +
            "proportions. [default: the design's own: 108 for nimh, 100 for dose-ranging, 200 for esketamine-intranasal, " +
            "100 for twice-weekly]",
    };
    private readonly Option<string?> _hypothesis = new("--hypothesis")
    {
        HelpName = "name",
        Description = "What links dissociation and the antidepressant response besides exposure (" + HypothesisStrengths.Tokens + "): exposure-only = nothing " +
            "(the effects share only the drug concentration); shared-sensitivity = correlated individual sensitivities " +
            "(--rho); mediation = part of the antidepressant signal comes from the dissociation (--share); expectancy = " +
            "patients who notice dissociation get a larger placebo response (--threshold, --boost). [default: exposure-only, " +
            "or the hypothesis of a scenario file]",
    };
    private readonly Option<string?> _rho = CommonOptions.Rho();
    private readonly Option<string?> _share = CommonOptions.Share();
    private readonly Option<string?> _threshold = CommonOptions.Threshold();
    private readonly Option<bool> _allowLongRun = WorkBudget.AllowLongRun();
    private readonly Option<string?> _boost = CommonOptions.Boost();
    private readonly Option<string?> _seed = CommonOptions.Seed();
    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "file.csv",
        Description = "Also write one row per patient to this CSV file: index, arm, weight_kg, age_y, dose_mg, " +
            "clearance_l_per_h, central_volume_l, c50_cadss_ng_per_ml, ec50_ng_per_ml, effect_scale, conc_at_cadss_ng_per_ml, " +
            "cmax_ng_per_ml, auc0_24_ng_h_per_ml, cadss, cadss_peak, noticed, baseline, then for each assessment t (e.g. " +
            "230min, 1d) score_<t>, change_<t>, pct_change_<t>, responder_<t>, remitter_<t>. Scores on the design's scale; " +
            "changes negative = improvement. Invariant culture; replaced atomically, a failed run leaves no file. [default: none]",
    };
    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print one JSON object to stdout instead of the readable summary: design, hypothesis (name and " +
            "strengths), seed, modelVersion, subjects, per-arm summaries, overall, associations per assessment (r, CI, p, " +
            "spearman, partial r given exposure and given dose, improvementR), settings, the settings that differ from the " +
            "defaults and a command line that reproduces the run.",
    };
    private readonly Option<bool> _quiet = CommonOptions.Quiet();
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write a scatter figure: each patient's CADSS (at the design's CADSS time) against their improvement (% of " +
        "baseline, positive = better) at the --plot-at assessment, with the least-squares line and its r.");
    private readonly Option<string?> _plotAt = new("--plot-at")
    {
        HelpName = "time",
        Description = "Assessment of the --plot figure, with its unit (e.g. 230min, 1d, 7d); one of the design's assessments. " +
            "Needs --plot. [default: the design's first assessment, 230min for nimh]",
    };

    public TrialCommand()
    {
        Command = new Command("trial",
            "Run one virtual trial: sample patients (covariates, PK and effect variability), simulate each one's plasma " +
            "concentrations, dissociation (CADSS) and antidepressant response, add baseline severity, placebo response and " +
            "rating noise, and report per-arm outcomes and how CADSS correlates with % improvement. Without options: the " +
            "NIMH design (racemic ketamine 0.5 mg/kg over 40 min, 108 patients, HDRS-17), exposure-only hypothesis, seed 1. " +
            "Progress goes to stderr for runs of more than 500 patients.")
        {
            _design, _subjects, _hypothesis, _rho, _share, _threshold, _boost, _seed, _out, _json, _quiet, _plot, _plotAt, _allowLongRun,
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
            // Open every output first: a bad path fails before any work, and a failure later leaves no file.
            using var files = new OutputFiles((inputs.Choice.FilePath, "--design"));
            var file = files.Open(inputs.OutPath, "--out");
            var plot = files.Open(inputs.PlotPath, "--plot");
            WorkBudget.Check(inputs.Design.TotalSubjects, 0, parseResult.GetValue(_allowLongRun), inputs.Choice.FilePath is not null && parseResult.GetValue(_subjects) is null
                ? $"--design '{inputs.Choice.FilePath}' ({inputs.Design.TotalSubjects} patients over {inputs.Design.Arms.Length} arms)" : $"--subjects {inputs.Design.TotalSubjects}");
            var design = inputs.Design;
            bool show = !inputs.Quiet && design.TotalSubjects > ProgressThreshold && (!inputs.Json || ProgressDisplay.IsTerminal(stderr));
            var result = ProgressDisplay.Run(stderr, show, "Simulating",
                progress => VirtualTrial.Run(design, inputs.Hypothesis, inputs.Seed, parallel: true, ProgressDisplay.Counting(progress, design.TotalSubjects)));
            var plots = plot is null ? [] : new List<string> { plot.Path };
            var json = TrialReport.ToJson(inputs, result, file?.Path) with { PlotFiles = plots };
            if (file is not null) TrialCsv.Write(result, file.Stream);
            if (plot is not null) OutputFiles.WritePlot(plot, TrialReport.ScatterPlot(result, inputs.PlotAt!.Value));
            files.CommitAll();
            if (inputs.Json) JsonOutput.Write(json, stdout);
            else
            {
                ConsoleOutput.Render(stdout, console => TrialReport.WriteSummary(console, inputs, result, file?.Path));
                if (plots.Count > 0) stdout.WriteLine($"Plot: {plots[0]}.");
            }
            return CliErrors.Success;
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
    }

    /// <summary>Reads, defaults and checks the options before anything is simulated or written.</summary>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option.</exception>
    /// <exception cref="IOException">A scenario file that cannot be read.</exception>
    internal TrialInputs Resolve(ParseResult p)
    {
        var strengths = HypothesisStrengths.Parse(p.GetValue(_rho), p.GetValue(_share), p.GetValue(_threshold), p.GetValue(_boost));
        string? hypothesisText = p.GetValue(_hypothesis);
        if (hypothesisText is not null && hypothesisText.Trim().Length == 0)
            throw new ArgumentException($"--hypothesis '': empty hypothesis name; use {Parsing.HypothesisNames}.");
        int? subjects = p.GetValue(_subjects) is { } subjectsText ? Parsing.ParseCount(subjectsText, "--subjects", 1, 1_000_000) : null;
        ulong seed = p.GetValue(_seed) is { } seedText ? Parsing.ParseSeed(seedText) : 1;

        var choice = DesignChoice.Resolve(p.GetValue(_design));
        var (hypothesis, source) = hypothesisText is not null ? (strengths.Build(hypothesisText), "--hypothesis")
            : choice.ScenarioHypothesis is { } fromFile ? (fromFile, "scenario file")
            : (Hypothesis.ExposureOnly, "default");
        if (strengths.FirstWithout(hypothesisText is null ? [] : [hypothesis.Name]) is var (option, target))
            throw new ArgumentException(hypothesisText is null
                ? $"{option} applies to the {target} hypothesis; give --hypothesis {target} too (this run's hypothesis is {hypothesis.Name}{(source == "default" ? ", the default" : ", from the scenario file")})."
                : $"{option} applies to the {target} hypothesis, but this run's hypothesis is {hypothesis.Name}; use --hypothesis {target}.");

        var design = choice.Design;
        if (subjects is { } n)
            design = Parsing.Wrap("--subjects", n.ToString(System.Globalization.CultureInfo.InvariantCulture), () => design.WithTotalSubjects(n));
        string? plot = PlotOptions.Check(p.GetValue(_plot), "--plot");
        string? plotAtText = p.GetValue(_plotAt);
        if (plotAtText is not null && plot is null) throw new ArgumentException("--plot-at chooses the assessment of the --plot figure; give --plot file.png (or .svg) too.");
        TimeSpan? plotAt = null;
        if (plot is not null)
        {
            if (design.TotalSubjects < 4) throw new ArgumentException($"--plot needs at least 4 patients for a scatter with a fitted line, got {design.TotalSubjects}.");
            plotAt = plotAtText is null ? design.Assessments[0] : Parsing.ParseDuration(plotAtText, "--plot-at");
            if (!design.Assessments.Contains(plotAt.Value))
                throw new ArgumentException($"--plot-at '{plotAtText}': not an assessment of '{design.Name}'; use {string.Join(", ", design.Assessments.Select(Durations.Format))}.");
        }
        return new TrialInputs(choice, design, subjects, hypothesis, source, strengths, seed, p.GetValue(_out), p.GetValue(_json), p.GetValue(_quiet))
        {
            PlotPath = plot,
            PlotAt = plotAt,
        };
    }
}

/// <summary>Everything <c>trial</c> needs, parsed, defaulted and checked; built by <see cref="TrialCommand.Resolve"/>.</summary>
/// <param name="Choice">The design as chosen (key or file).</param>
/// <param name="Design">The design to run (resized when --subjects was given).</param>
/// <param name="SubjectsOption">The --subjects value, or null.</param>
/// <param name="Hypothesis">The hypothesis to run.</param>
/// <param name="HypothesisSource">Where it comes from: <c>default</c>, <c>--hypothesis</c> or <c>scenario file</c>.</param>
/// <param name="Strengths">The strength options given.</param>
/// <param name="Seed">The seed.</param>
/// <param name="OutPath">The --out path, or null.</param>
/// <param name="Json">True for JSON output.</param>
/// <param name="Quiet">True to hide progress.</param>
internal sealed record TrialInputs(DesignChoice Choice, TrialDesign Design, int? SubjectsOption, Hypothesis Hypothesis, string HypothesisSource,
    HypothesisStrengths Strengths, ulong Seed, string? OutPath, bool Json, bool Quiet)
{
    /// <summary>The --plot path, or null.</summary>
    public string? PlotPath { get; init; }

    /// <summary>The assessment of the --plot figure (set when --plot is given).</summary>
    public TimeSpan? PlotAt { get; init; }

    /// <summary>The names of the settings that differ from the defaults (design nimh, its own size, exposure-only, seed 1).</summary>
    public IReadOnlyList<string> DiffersFromDefaults()
    {
        var list = new List<string>();
        if (!Choice.IsDefault) list.Add("design");
        if (Design.TotalSubjects != Choice.Design.TotalSubjects) list.Add("subjects");
        if (HypothesisSource != "default") list.Add("hypothesis");
        if (Seed != 1) list.Add("seed");
        return list;
    }

    /// <summary>A command line that reproduces this run (without --out, --json and --quiet).</summary>
    public string Reproduce()
    {
        var parts = new List<string> { CliApp.Name, "trial" };
        if (!Choice.IsDefault) parts.Add($"--design {Quote(Choice.FilePath ?? Choice.Token)}");
        if (Design.TotalSubjects != Choice.Design.TotalSubjects) parts.Add($"--subjects {Design.TotalSubjects}");
        if (HypothesisSource == "--hypothesis")
        {
            parts.Add($"--hypothesis {Hypothesis.Name}");
            parts.AddRange(Strengths.Arguments());
        }
        if (Seed != 1) parts.Add($"--seed {Seed}");
        return string.Join(' ', parts);
    }

    /// <summary>Quotes a path for a POSIX shell when it holds anything but safe characters.</summary>
    public static string Quote(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '\\') ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
